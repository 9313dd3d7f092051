"""Count the true structure of every file in the shared corpus, from the documents themselves.

Standard library only; it never imports treatydiff.  External tool: ``pdftotext`` (poppler-utils)
for the PDFs.  Strike-through detection in the two Council marked-up PDFs needs pdfplumber; it is
optional (``--verify-strikes``), and its results are recorded below in STRUCK so that the default
run stays standard-library only.

Usage:
    python tests/corpus_counts/count_scripts.py            # writes counts.json next to this file
    python tests/corpus_counts/count_scripts.py --verify-strikes   # also re-detects strike-through
    CORPUS=/path/to/corpus python tests/corpus_counts/count_scripts.py

Each counter returns the numbers; the human notes, ambiguities and the reading behind each number
are in NOTES (merged into the output).  See METHOD.md.
"""
from __future__ import annotations

import collections
import html
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

CORPUS = Path(os.environ.get("CORPUS", "/work/shared/corpus"))
HERE = Path(__file__).resolve().parent
SUP = "¹²³⁴⁵⁶⁷⁸⁹⁰"


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------
def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def ws(s: str) -> str:
    return " ".join(s.split())


def num_key(label: str) -> int | None:
    m = re.search(r"\d+", label)
    return int(m.group()) if m else None


def numbering_report(labels: list[str]) -> dict:
    """Gaps in the integer part, labels that are not plain integers, duplicates."""
    ints = [num_key(x) for x in labels if num_key(x) is not None]
    out: dict = {}
    if ints:
        missing = sorted(set(range(min(ints), max(ints) + 1)) - set(ints))
        if missing:
            out["gaps"] = [str(x) for x in missing]
    odd = [x for x in labels if not re.fullmatch(r"\d+", x)]
    if odd:
        out["odd_labels"] = odd
    dups = sorted({x for x in labels if labels.count(x) > 1}, key=lambda x: (num_key(x) or 0, x))
    if dups:
        out["duplicates"] = dups
    return out


def divisions(**kw) -> dict:
    return {k: v for k, v in kw.items() if v}


def pdftext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8", errors="replace")


def docx_lines(path: Path) -> list[str]:
    """Paragraph texts of word/document.xml; <w:br/> inside a paragraph starts a new line."""
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter():
            if el.tag == W + "t" and el.text:
                parts.append(el.text)
            elif el.tag == W + "tab":
                parts.append(" ")
            elif el.tag in (W + "br", W + "cr"):
                parts.append("\n")
        numbered = p.find(W + "pPr/" + W + "numPr") is not None
        for i, line in enumerate("".join(parts).split("\n")):
            out.append(("#N " if numbered and i == 0 else "") + line)
    return out


def oj_html_lines(path: Path) -> list[str]:
    """EUR-Lex/OJ HTML to text lines; footnote call-outs (oj-note-tag) are removed first, because
    they otherwise look like '(6)' recital numbers."""
    s = read(path)
    s = re.sub(r'<a[^>]*>\s*\(?\s*<span class="oj-super oj-note-tag">[^<]*</span>\s*\)?\s*</a>', "", s)
    s = re.sub(r'<span class="oj-super oj-note-tag">[^<]*</span>', "", s)
    s = re.sub(r"</(p|td|tr|div|h\d|li|table)>", "\n", s)
    t = html.unescape(re.sub(r"<[^>]+>", "", s))
    return [x for x in (ws(l) for l in t.split("\n")) if x]


def lname(e) -> str:
    return e.tag.split("}")[-1]


# ----------------------------------------------------------------------------------------------
# 1. statengeneraal/laws-markdown treaties (EN then NL) and the Dutch constitution
# ----------------------------------------------------------------------------------------------
NL_WORDS = {"Artikel", "Bijlage", "Deel", "HOOFDSTUK", "AFDELING", "TITEL", "Hoofdstuk", "Afdeling", "Titel"}
MD_HEAD = re.compile(
    r"^#{2,6}\s*(Article|Artikel|Annex|Bijlage|Part|Deel|CHAPTER|HOOFDSTUK|SECTION|AFDELING|TITLE|TITEL|"
    r"Hoofdstuk|Afdeling|Titel|§)\s*(.*?)\s*$"
)
KIND = {
    "article": "article", "artikel": "article", "annex": "annex", "bijlage": "annex",
    "part": "part", "deel": "part", "chapter": "chapter", "hoofdstuk": "chapter",
    "section": "section", "afdeling": "section", "§": "section", "title": "title", "titel": "title",
}


def laws_markdown(path: Path) -> dict:
    lines = read(path).split("\n")
    texts = {"EN": [], "NL": []}
    cur = "EN"
    for i, l in enumerate(lines):
        m = MD_HEAD.match(l)
        if not m:
            # Annex G sub-parts "### I" / "### II" and numbered sub-headings inside annexes
            m2 = re.match(r"^#{3}\s*([IVX]+|\d+|[SMP]\d+)\s*$", l)
            if m2:
                texts[cur].append((i + 1, "sub", m2.group(1)))
            continue
        word, label = m.group(1), m.group(2)
        if word in NL_WORDS:
            cur = "NL"
        texts[cur].append((i + 1, KIND[word.lower()], label.split()[0] if label else ""))
    res = {}
    for lang, seq in texts.items():
        if not seq:
            continue
        arts, aarts, annexes, div, annex_parts, subs = [], [], [], collections.Counter(), [], []
        in_annex = False
        for _, kind, label in seq:
            if kind == "annex":
                in_annex = True
                annexes.append(label)
            elif kind == "article":
                (aarts if in_annex else arts).append(label)
            elif kind == "sub":
                subs.append(label)
            elif in_annex:
                annex_parts.append(label)
            else:
                div[kind] += 1
        d = {
            "language": lang,
            "articles": len(arts),
            "placeholders": 0,
            "annexes": len(annexes),
            "annex_labels": annexes,
            "annex_articles": len(aarts),
            "divisions": dict(div),
            "first_article": arts[0] if arts else None,
            "last_article": arts[-1] if arts else None,
            "article_labels": arts,
        }
        if annex_parts:
            d["annex_parts"] = len(annex_parts)
            d["annex_part_labels"] = annex_parts
        if subs:
            d["sub_headings"] = subs
        d.update(numbering_report(arts))
        res[lang] = d
    return res


def anti_doping(path: Path) -> dict:
    r = laws_markdown(path)
    en, nl = r["EN"], r["NL"]
    lines = read(path).split("\n")
    # the prohibited list (the Convention's appendix) starts at '####The 20xx prohibited list'
    start = next(i for i, l in enumerate(lines) if re.match(r"^####\s*The 20\d\d prohibited list", l))
    subs = [m.group(1) for l in lines[start:] for m in [re.match(r"^###\s*([SMP]\d+)\s*$", l)] if m]
    for t in (en, nl):
        t.pop("sub_headings", None)
    en["annexes"] = 1
    en["annex_labels"] = ["appendix: " + ws(lines[start].strip("# "))]
    en["appendix_sub_sections"] = subs
    out = top_from_texts([en, nl])
    return out


def top_from_texts(texts: list[dict]) -> dict:
    """Top level = the first (English) text; texts = per-language entries; totals = whole file."""
    first = texts[0]
    out = {k: v for k, v in first.items() if k not in ("language", "article_labels")}
    out["texts"] = [{k: v for k, v in t.items() if k != "article_labels"} for t in texts]
    out["file_totals"] = {
        "articles": sum(t["articles"] for t in texts),
        "annexes": sum(t["annexes"] for t in texts),
        "annex_articles": sum(t["annex_articles"] for t in texts),
    }
    return out


def two_language(path: Path) -> dict:
    r = laws_markdown(path)
    return top_from_texts([r["EN"], r["NL"]])


def nl_grondwet(path: Path) -> dict:
    lines = read(path).split("\n")
    heads = [(i, l) for i, l in enumerate(lines) if l.startswith("#")]
    main, extra, chapters, paras = [], [], 0, 0
    in_extra = False
    for i, l in heads:
        if re.match(r"^####\s*Additionele artikelen", l):
            in_extra = True
        m = re.match(r"^###\s*Artikel\s+(\S+)", l)
        if m:
            (extra if in_extra else main).append(m.group(1))
        elif re.match(r"^###\s*Hoofdstuk\s", l):
            chapters += 1
        elif re.match(r"^###\s*§\s*\d", l):
            paras += 1
    quoted_old = [ws(l)[:30] for l in lines if re.match(r"^\s*\*?Artikel\s+\*?\d", l) and not l.startswith("#")
                  and re.match(r"^\s*(\*Artikel \d+, \w+ lid\*|Artikel\s+\*\d+\*)", l)]
    out = {
        "articles": len(main) + len(extra),
        "main_articles": len(main),
        "additional_articles": len(extra),
        "additional_article_labels": extra,
        "placeholders": 0,
        "annexes": 0,
        "annex_articles": 0,
        "divisions": divisions(chapter=chapters, section=paras),
        "first_article": main[0],
        "last_article": extra[-1] if extra else main[-1],
        "last_main_article": main[-1],
        "quoted_old_articles": len(quoted_old),
    }
    out.update(numbering_report(main))
    return out


# ----------------------------------------------------------------------------------------------
# 2. Grundgesetz (bundestag/gesetze)
# ----------------------------------------------------------------------------------------------
def grundgesetz(path: Path) -> dict:
    L = read(path).split("\n")
    heads = [(i, l) for i, l in enumerate(L) if l.startswith("#")]
    live, ph, ph_numbers, abschnitte = [], [], [], []
    annex, annex_arts = [], []
    in_annex = False
    for j, (i, l) in enumerate(heads):
        end = heads[j + 1][0] if j + 1 < len(heads) else len(L)
        body = ws(" ".join(L[i + 1:end]))
        if l.startswith("### Anhang"):
            in_annex = True
            annex.append(l[4:].strip())
        if in_annex:
            annex_arts += re.findall(r"^Artikel \d+\w*$", "\n".join(L[i + 1:end]), re.M)
            continue
        m = re.match(r"^###\s*(?:\(XXXX\)\s*)?Art\s+(\S+)(.*)$", l)
        if m:
            lab, rest = m.group(1), m.group(2)
            if "weggefallen" in rest or body in ("-", "", "(weggefallen)"):
                ph.append(ws(lab + rest))
                ph_numbers += [lab] + re.findall(r"und (\d+\w*)", rest)
            else:
                live.append(lab)
        elif re.match(r"^## [IVX]", l):
            abschnitte.append(l[3:].split(" - ")[0].strip())
    out = {
        "articles": len(live),
        "placeholders": len(ph_numbers),
        "placeholder_headings": len(ph),
        "placeholder_labels": ph,
        "annexes": len(annex),
        "annex_labels": annex,
        "annex_articles": len(annex_arts),
        "divisions": divisions(chapter=len(abschnitte)),
        "division_labels": abschnitte,
        "first_article": live[0],
        "last_article": live[-1],
        "preamble": True,
    }
    out["odd_labels"] = [x for x in live if not x.isdigit()]
    return out


# ----------------------------------------------------------------------------------------------
# 3. LegalDocML.de / Akoma Ntoso fixtures
# ----------------------------------------------------------------------------------------------
def ldml_de(path: Path) -> dict:
    r = ET.parse(path).getroot()
    parent = {c: p for p in r.iter() for c in p}

    def anc(e):
        out = []
        while e in parent:
            e = parent[e]
            out.append(lname(e))
        return out

    def num(e):
        for c in e:
            if lname(c) == "num":
                return ws("".join(c.itertext()))
        return ""

    arts = [e for e in r.iter() if lname(e) == "article"]
    live = [e for e in arts if not {"quotedStructure", "mod"} & set(anc(e))]
    labels = [num(e) for e in live]
    mods = [e for e in r.iter() if lname(e) == "mod"]
    quoted_text = [e for e in r.iter() if lname(e) == "quotedText"]
    quoted_struct = [e for e in r.iter() if lname(e) == "quotedStructure"]
    paragraphs = sum(1 for e in r.iter() if lname(e) == "paragraph")
    return {
        "articles": len(live),
        "placeholders": 0,
        "annexes": sum(1 for e in r.iter() if lname(e) in ("attachment", "annex")),
        "annex_articles": 0,
        "first_article": labels[0] if labels else None,
        "last_article": labels[-1] if labels else None,
        "article_labels": labels,
        "paragraphs": paragraphs,
        "amendment_instructions": len(mods),
        "quoted_text": len(quoted_text),
        "quoted_structures": len(quoted_struct),
        "quoted_articles": len(arts) - len(live),
        "divisions": {},
    }


# ----------------------------------------------------------------------------------------------
# 4. EU AI Act: Markdown drafts, PDFs, DOCX, marked-up PDFs
# ----------------------------------------------------------------------------------------------
MD_ART = re.compile(r"^\*Article (\d+[a-z]*)( [^*]*)?\*\s*$")
REC = re.compile(r"^\s*(?:\(|(?=\d+\\?\)))(-?\d+[a-z]*)\\?\)(?:\s|$)")


def count_citations(pre: list[str]) -> dict:
    joined = "\n".join(pre)
    hr = len(re.findall(r"Having regard to", joined))
    at = len(re.findall(r"After transmission of the draft legislative act", joined))
    ac = len(re.findall(r"Acting in accordance with", joined))
    ac2 = len(re.findall(r"After consulting", joined))
    return {"citations": hr + at + ac + ac2, "having_regard": hr}


def recital_scan(lines: list[str], rx=REC) -> dict:
    labels, empty = [], []
    for i, l in enumerate(lines):
        m = rx.match(l)
        if not m:
            continue
        labels.append(m.group(1))
        rest = l[m.end():].strip()
        if re.fullmatch(r"\\?\[deleted\\?\];?|\[\.\]\{\.ul\}|", rest):
            empty.append((m.group(1), rest or "(empty)"))
    d = {"recitals": len(labels), "recital_first": labels[0] if labels else None,
         "recital_last": labels[-1] if labels else None}
    odd = [x for x in labels if not x.isdigit()]
    if odd:
        d["recital_odd_labels"] = odd
    ints = [num_key(x) for x in labels]
    miss = sorted(set(range(1, max(ints) + 1)) - set(ints)) if ints else []
    if miss:
        d["recital_gaps"] = miss
    dels = [x for x, r in empty if "deleted" in r]
    emp = [x for x, r in empty if "deleted" not in r]
    if dels:
        d["recital_placeholders"] = dels
    if emp:
        d["recitals_without_text"] = emp
    return d


def ai_titles_chapters(lines: list[str]) -> dict:
    short = [l for l in lines if len(l) < 140]
    titles = [m.group(1) for l in short for m in [re.match(r"^(?:# )?TITLE ([IVX]+A?)\b", l)] if m]
    chapters = [m for l in short for m in re.findall(r"(?:CHAPTER|\[Chapter|^Chapter) (\d+A?)\b", l)]
    return {"title": len(titles), "chapter": len(chapters)}, titles


def ai_md(path: Path) -> dict:
    L = read(path).split("\n")
    first = next(i for i, l in enumerate(L) if MD_ART.match(l))
    heads = [(i, MD_ART.match(l)) for i, l in enumerate(L) if MD_ART.match(l)]
    live, ph = [], []
    for i, m in heads:
        (ph if m.group(2) and "deleted" in m.group(2) else live).append(m.group(1))
    annexes = [m.group(1) for l in L for m in [re.match(r"^(?:### )?ANNEX ([IVX]+a?)\s*$", l)] if m]
    annex_ph = [a for a in annexes
                if any(re.match(r"^\\\[deleted\\\]", x) for x in
                       L[next(i for i, l in enumerate(L) if re.match(r"^(?:### )?ANNEX %s\s*$" % a, l)) + 1:][:3])]
    t1 = max(i for i, l in enumerate(L[:first]) if re.match(r"^(?:# )?TITLE I\b", l))
    div, titles = ai_titles_chapters(L[t1:])
    out = {
        "articles": len(live),
        "placeholders": len(ph),
        "placeholder_labels": ph,
        "annexes": len(annexes) - len(annex_ph),
        "annex_labels": annexes,
        "annex_placeholders": annex_ph,
        "annex_articles": 0,
        "divisions": divisions(title=div["title"], chapter=div["chapter"]),
        "title_labels": titles,
        "first_article": live[0],
        "last_article": live[-1],
    }
    out.update(count_citations(L[:first]))
    out.update(recital_scan(L[:first]))
    rep = numbering_report(live)
    if "gaps" in rep:
        rep["gaps"] = [g for g in rep["gaps"] if g not in ph]
        if not rep["gaps"]:
            rep.pop("gaps")
    out.update(rep)
    return out


PDF_ART = re.compile(r"^\s*Article\s+(\d+[a-z]*)\s*$")
PDF_REC = re.compile(r"^\s{0,8}(?:\(|(?=\d+\)))(-?\d+[a-z]*)\)(?:\s+(?=[A-Z\[‘“'\"])|\s*$)")


def eu_pdf_like(lines: list[str]) -> dict:
    """Council / Commission PDF text (pdftotext -layout): centred 'Article N' lines after
    'HAVE ADOPTED', citations between 'Having regard' and 'Whereas:', recitals '(N)' at the margin."""
    h = next(i for i, l in enumerate(lines) if "HAVE ADOPTED" in l)
    w = next(i for i, l in enumerate(lines) if re.search(r"Whereas:\s*$", l))
    hr = next(i for i, l in enumerate(lines) if re.match(r"^\s*Having regard to", l))
    arts = [(i, PDF_ART.match(lines[i]).group(1)) for i in range(h, len(lines)) if PDF_ART.match(lines[i])]
    live, ph = [], []
    for i, lab in arts:
        nxt = next((x.strip() for x in lines[i + 1:i + 4] if x.strip()), "")
        (ph if nxt.startswith("[deleted]") else live).append(lab)
    body = lines[h:]
    last_art = max(i for i in range(h, len(lines)) if PDF_ART.match(lines[i])) - h
    ann = [(i, m.group(1)) for i, l in enumerate(body) for m in [re.match(r"^\s*ANNEX ([IVX]+a?)\s*$", l)]
           if m and i > last_art]
    ann_ph = [a for i, a in ann if next((x.strip() for x in body[i + 1:i + 4] if x.strip()), "").startswith("[deleted]")]
    titles = [m.group(1) for l in body for m in [re.match(r"^\s*TITLE ([IVX]+A?)\s*$", l)] if m]
    chapters = [m.group(1) for l in body for m in [re.match(r"^\s*CHAPTER (\d+A?)\s*$", l)] if m]
    out = {
        "articles": len(live),
        "placeholders": len(ph),
        "placeholder_labels": ph,
        "annexes": len(ann) - len(ann_ph),
        "annex_labels": [a for _, a in ann],
        "annex_placeholders": ann_ph,
        "annex_articles": 0,
        "divisions": divisions(title=len(titles), chapter=len(chapters)),
        "title_labels": titles,
        "first_article": live[0],
        "last_article": live[-1],
    }
    out.update(count_citations(lines[hr:w + 1]))
    out.update(recital_scan(lines[w:h], PDF_REC))
    rep = numbering_report(live)
    if "gaps" in rep:
        rep["gaps"] = [g for g in rep["gaps"] if g not in ph]
        if not rep["gaps"]:
            rep.pop("gaps")
    out.update(rep)
    return out


def ai_pdf(path: Path) -> dict:
    return eu_pdf_like(pdftext(path).split("\n"))


def ai_docx(path: Path) -> dict:
    L = docx_lines(path)
    plain = [l[3:] if l.startswith("#N ") else l for l in L]
    h = next(i for i, l in enumerate(plain) if "HAVE ADOPTED" in l)
    w = next(i for i, l in enumerate(plain) if re.search(r"Whereas:\s*$", l))
    hr = next(i for i, l in enumerate(plain) if l.strip().startswith("Having regard to"))
    arts = [m for l in plain[h:] for m in [re.match(r"^\s*Article\s+(\d+[a-z]*)( .{0,90})?$", l)] if m
            and not re.search(r"shall|apply|\.$", m.group(0))]
    live = [m.group(1) for m in arts if not (m.group(2) or "").strip().startswith("[deleted]")]
    ph = [m.group(1) for m in arts if (m.group(2) or "").strip().startswith("[deleted]")]
    # recitals: auto-numbered list paragraphs (numPr) plus literal '(5a)' / '38)' paragraphs
    rec_auto = sum(1 for l in L[w + 1:h] if l.startswith("#N ") and l[3:].strip())
    rec_lit = [m.group(1) for l in L[w + 1:h] if not l.startswith("#N ")
               for m in [re.match(r"^\s*\(?(-?\d+[a-z]*)\)", l)] if m and not re.match(r"^\d+[A-Z]", l)]
    rec_del = sum(1 for l in L[w + 1:h] if l.startswith("#N ") and l[3:].strip() == "[deleted]")
    body = plain[h:]
    ann = [(i, m.group(1)) for i, l in enumerate(body) for m in [re.match(r"^\s*ANNEX ([IVX]+a?)\s*$", l)] if m]
    ann_ph = [a for i, a in ann if next((x.strip() for x in body[i + 1:i + 4] if x.strip()), "").startswith("[deleted]")]
    div, titles = ai_titles_chapters(body)
    out = {
        "articles": len(live),
        "placeholders": len(ph),
        "placeholder_labels": ph,
        "annexes": len(ann) - len(ann_ph),
        "annex_labels": [a for _, a in ann],
        "annex_placeholders": ann_ph,
        "annex_articles": 0,
        "recitals": rec_auto + len(rec_lit),
        "recitals_auto_numbered": rec_auto,
        "recitals_literal_labels": rec_lit,
        "recital_placeholders_count": rec_del,
        "divisions": divisions(title=div["title"], chapter=div["chapter"]),
        "title_labels": titles,
        "first_article": live[0],
        "last_article": live[-1],
    }
    out.update(count_citations(plain[hr:w + 1]))
    rep = numbering_report(live)
    if "gaps" in rep:
        rep["gaps"] = [g for g in rep["gaps"] if g not in ph]
        if not rep["gaps"]:
            rep.pop("gaps")
    out.update(rep)
    return out


# strike-through found with pdfplumber (horizontal line through the middle of the heading words);
# re-run with --verify-strikes.
STRUCK = {
    "eu-ai-act-marked-up/v04-2022-07-15-CZ-1st-compromise-proposal-marked-up.pdf": {
        "articles": ["24", "28", "50", "52a", "57"], "titles": ["IVA"], "annexes": ["I"], "recitals": ["70a"],
    },
    "eu-ai-act-marked-up/v09-2022-11-11-CZ-draft-general-approach-marked-up.pdf": {
        "articles": [], "titles": [], "annexes": [], "recitals": [],
    },
}


def ai_marked_up(path: Path, key: str) -> dict:
    lines = pdftext(path).split("\n")
    d = eu_pdf_like(lines)
    h = next(i for i, l in enumerate(lines) if "HAVE ADOPTED" in l)
    struck = STRUCK[key]
    all_heads = [PDF_ART.match(l).group(1) for l in lines[h:] if PDF_ART.match(l)]
    text_layer_titles = [m.group(1) for l in lines[h:] for m in [re.match(r"^\s*TITLE ([IVX]+A?)\s*$", l)] if m]
    d["text_layer"] = {
        "article_headings": len(all_heads),
        "title_headings": len(text_layer_titles),
        "annex_headings": len(d["annex_labels"]),
        "recitals": d["recitals"],
    }
    d["struck_through"] = struck
    d["articles"] = d["articles"] - len(struck["articles"])
    d["annexes"] = d["annexes"] - len(struck["annexes"])
    d["divisions"]["title"] = len(text_layer_titles) - len(struck["titles"])
    d["recitals"] = d["recitals"] - len(struck["recitals"])
    live = [x for x in all_heads if x not in struck["articles"] and x not in d["placeholder_labels"]]
    for k in ("gaps", "odd_labels", "duplicates"):
        d.pop(k, None)
    rep = numbering_report(live)
    if "gaps" in rep:
        rep["gaps"] = [g for g in rep["gaps"] if g not in d["placeholder_labels"]]
        if not rep["gaps"]:
            rep.pop("gaps")
    d.update(rep)
    d["last_article"] = live[-1]
    return d


def verify_strikes() -> None:  # pragma: no cover - optional, needs pdfplumber
    import pdfplumber

    for key in STRUCK:
        path = CORPUS / key
        pages = pdftext(path).split("\f")
        found = []
        first_art_page = next(i for i, p in enumerate(pages, 1) if re.search(r"(?m)^\s*Article\s+1\s*$", p))
        with pdfplumber.open(str(path)) as pdf:
            for pn, ptxt in enumerate(pages, 1):
                is_pre = pn < first_art_page and re.search(r"(?m)^\s*\(\d+[a-z]*\)", ptxt)
                if not is_pre and not re.search(r"(?m)^\s*(Article\s+\d+[a-z]*|TITLE [IVX]+A?|ANNEX [IVX]+a?)\s*$", ptxt):
                    continue
                pg = pdf.pages[pn - 1]
                words = pg.extract_words()
                segs = [(min(l["x0"], l["x1"]), max(l["x0"], l["x1"]), (l["top"] + l["bottom"]) / 2)
                        for l in pg.lines if abs(l["top"] - l["bottom"]) < 1.5]
                segs += [(r["x0"], r["x1"], (r["top"] + r["bottom"]) / 2) for r in pg.rects
                         if r["height"] < 1.5 and r["width"] > 3]
                if is_pre and words:
                    left = min(x["x0"] for x in words)
                    for wd in words:
                        if re.fullmatch(r"\(-?\d+[a-z]*\)", wd["text"]) and wd["x0"] < left + 8:
                            mid = (wd["top"] + wd["bottom"]) / 2
                            if any(s[0] <= wd["x0"] + 2 and s[1] >= wd["x1"] - 2 and abs(s[2] - mid) < 2.5 for s in segs):
                                found.append((pn, "recital", wd["text"]))
                for k, wd in enumerate(words[:-1]):
                    nx = words[k + 1]
                    if wd["text"] in ("Article", "TITLE", "ANNEX") and abs(nx["top"] - wd["top"]) < 2:
                        same = [x for x in words if abs(x["top"] - wd["top"]) < 2]
                        if len(same) != 2:
                            continue
                        mid = (wd["top"] + wd["bottom"]) / 2
                        if any(s[0] <= wd["x0"] + 3 and s[1] >= nx["x1"] - 3 and abs(s[2] - mid) < 2.5 for s in segs):
                            found.append((pn, wd["text"], nx["text"]))
        print(key, found)


def fra_compromise(path: Path) -> dict:
    lines = pdftext(path).split("\n")
    start = next(i for i, l in enumerate(lines) if re.match(r"^\s*CHAPTER 2\s*$", l))
    arts = [PDF_ART.match(l).group(1) for l in lines[start:] if PDF_ART.match(l)]
    ann = [m.group(1) for l in lines[start:] for m in [re.match(r"^\s*ANNEX ([IVX]+)\s*$", l)] if m]
    return {
        "articles": len(arts), "placeholders": 0, "annexes": len(ann), "annex_labels": ann,
        "annex_articles": 0, "divisions": divisions(chapter=1),
        "first_article": arts[0], "last_article": arts[-1],
    }


def envi_amendments(path: Path) -> dict:
    L = pdftext(path).split("\n")
    furn = re.compile(r"AM\\\d+EN\.docx|PE\d+\.\d+v\d+-\d+|^\s*EN\s*$|^\s*\d+/\d+\s*$|United in diversity")
    L = [l.replace("\f", "") for l in L if not furn.search(l)]
    idx = [(i, int(m.group(1))) for i, l in enumerate(L) for m in [re.match(r"^\s*Amendment\s+(\d+)\s*$", l)] if m]
    kinds, new, two_col = collections.Counter(), 0, 0
    for k, (i, _) in enumerate(idx):
        seg = [s.strip() for s in L[i + 1:(idx[k + 1][0] if k + 1 < len(idx) else len(L))]]
        j = next((x for x, s in enumerate(seg) if s.startswith(("Text proposed by the Commission", "Present text"))), None)
        head = [s for s in seg[:j] if s] if j is not None else []
        p = next((x for x, s in enumerate(head) if s.startswith("Proposal for a regulation")), None)
        loc = " ".join(head[p + 1:]) if p is not None else "?"
        kinds[loc.split(" ")[0]] += 1
        new += "(new)" in loc
        two_col += j is not None
    nums = [n for _, n in idx]
    return {
        "amendments": len(idx), "amendment_first": nums[0], "amendment_last": nums[-1],
        "amendment_targets": dict(kinds), "amendments_inserting_new_units": new,
        "two_column_amendments": two_col,
    }


# ----------------------------------------------------------------------------------------------
# 5. EU Data Act / DSA: EUR-Lex XHTML, OJ HTML, Formex, Akoma Ntoso
# ----------------------------------------------------------------------------------------------
def eurlex_xhtml(path: Path) -> dict:
    r = ET.parse(path).getroot()

    def cls(e):
        return e.get("class", "")

    arts = [ws("".join(e.itertext())) for e in r.iter() if cls(e).startswith("Titrearticle")]
    labels = [a.split()[1] for a in arts]
    chap = [ws("".join(e.itertext())) for e in r.iter() if cls(e) == "ChapterTitle"]
    chap_n = sum(1 for c in chap if re.match(r"(?i)^chapter\s+[IVX]+", c))
    sect = [ws("".join(e.itertext())) for e in r.iter() if cls(e) == "SectionTitle"]
    cons = [e for e in r.iter() if "ManualConsidrant" in cls(e)]
    ps = [ws("".join(e.itertext())) for e in r.iter() if lname(e) == "p"]
    pre_end = next(i for i, p in enumerate(ps) if p.startswith("Whereas"))
    pre_start = next(i for i, p in enumerate(ps) if p.startswith("Having regard"))
    annex = [p for p in ps if re.match(r"^ANNEX\b", p)]
    lfs = sum(1 for p in ps if p.startswith("LEGISLATIVE FINANCIAL STATEMENT"))
    out = {
        "articles": len(arts), "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "recitals": len(cons), "divisions": divisions(chapter=chap_n, section=len(sect)),
        "first_article": labels[0], "last_article": labels[-1],
        "other_annex_headings": annex, "legislative_financial_statement_headings": lfs,
    }
    out.update(count_citations(ps[pre_start:pre_end + 1]))
    out.update(numbering_report(labels))
    return out


def oj_html_full_text(path: Path) -> dict:
    """EP position/amendment text published as a whole replacement text (Data Act v2)."""
    L = oj_html_lines(path)
    w = next(i for i, l in enumerate(L) if l.startswith("Whereas"))
    h = next(i for i, l in enumerate(L) if "HAVE ADOPTED" in l)
    hr = next(i for i, l in enumerate(L) if l.startswith("Having regard"))
    s = read(path)
    arts = [ws(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))))
            for m in re.finditer(r'<p[^>]*class="oj-ti-art"[^>]*>(.*?)</p>', s, re.S)]
    labels = [a.split()[1] for a in arts]
    chapters = len(re.findall(r'class="oj-ti-section-1"[^>]*>\s*CHAPTER', s))
    rec = [m.group(1) for l in L[w:h] for m in [re.match(r"^\((\d+[a-z]*)\)", l)] if m]
    doc_ti = [ws(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))))
              for m in re.finditer(r'<p[^>]*class="oj-doc-ti"[^>]*>(.*?)</p>', s, re.S)]
    out = {
        "articles": len(arts), "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "recitals": len(rec), "divisions": divisions(chapter=chapters),
        "first_article": labels[0], "last_article": labels[-1],
        "deletion_marks": sum(l.count("\u258c") for l in L),
        "document_titles": doc_ti[:5],
    }
    odd = [x for x in rec if not x.isdigit()]
    out["recital_odd_labels"] = odd
    miss = sorted(set(range(1, max(int(re.match(r"\d+", x).group()) for x in rec) + 1))
                  - {int(re.match(r"\d+", x).group()) for x in rec})
    out["recital_gaps"] = miss
    out.update(count_citations(L[hr:w + 1]))
    out.update(numbering_report(labels))
    return out


def ep_amendments_html(path: Path) -> dict:
    L = oj_html_lines(path)
    heads = [i for i, l in enumerate(L) if re.match(r"^Amendments? \d+(/rev)?( and \d+(/rev)?)?$", l)]
    numbers = [int(x) for i in heads for x in re.findall(r"\d+", L[i])]
    kinds, new, two_col = collections.Counter(), 0, 0
    for k, i in enumerate(heads):
        seg = L[i + 1:heads[k + 1] if k + 1 < len(heads) else len(L)]
        loc = seg[1] if seg and seg[0].startswith("Proposal for a") else "?"
        kinds[re.split(r"[ –]", loc)[0]] += 1
        new += "(new)" in loc
        two_col += "Text proposed by the Commission" in seg[:6] and "Amendment" in seg[:7]
    return {
        "amendments": len(heads),
        "amendment_numbers_covered": len(numbers),
        "amendment_number_range": [min(numbers), max(numbers)],
        "joint_amendment_headings": [L[i] for i in heads if not re.fullmatch(r"Amendment \d+", L[i])],
        "amendment_targets": dict(kinds),
        "amendments_inserting_new_units": new,
        "two_column_amendments": two_col,
    }


def formex(path: Path) -> dict:
    r = ET.parse(path).getroot()
    parent = {c: p for p in r.iter() for c in p}

    def anc(e):
        out = []
        while e in parent:
            e = parent[e]
            out.append(e.tag)
        return out

    arts = [a for a in r.iter("ARTICLE") if "QUOT.S" not in anc(a)]
    labels = [ws("".join(a.find("TI.ART").itertext())).split()[-1] for a in arts]
    cons = [c for c in r.iter("CONSID") if c.find("NP/NO.P") is not None]
    visas = list(r.iter("VISA"))
    gr_consid_init = r.find(".//GR.CONSID/GR.CONSID.INIT")
    acting_extra = 1 if gr_consid_init is not None and "Acting in accordance" in "".join(gr_consid_init.itertext()) else 0
    divs = collections.Counter()
    for d in r.iter("DIVISION"):
        ti = ws("".join(d.find("TITLE/TI").itertext())).split()[0].lower()
        divs[ti] += 1
    out = {
        "articles": len(arts), "placeholders": 0,
        "annexes": sum(1 for _ in r.iter("ANNEX")), "annex_articles": 0,
        "recitals": len(cons), "citations": len(visas) + acting_extra,
        "having_regard": sum(1 for v in visas if "Having regard" in "".join(v.itertext())),
        "divisions": dict(divs), "first_article": labels[0], "last_article": labels[-1],
        "quoted_blocks": sum(1 for _ in r.iter("QUOT.S")),
        "quoted_articles": sum(1 for a in r.iter("ARTICLE")) - len(arts),
    }
    out.update(numbering_report(labels))
    return out


def akn_eu(path: Path) -> dict:
    r = ET.parse(path).getroot()

    def num(e):
        for c in e:
            if lname(c) == "num":
                return ws("".join(c.itertext()))
        return ""

    arts = [e for e in r.iter() if lname(e) == "article"]
    labels = [num(a).split()[-1] for a in arts]
    recs = [e for e in r.iter() if lname(e) == "recital"]
    numbered = [e for e in recs if num(e)]
    cits = [e for e in r.iter() if lname(e) == "citation"]
    acting_in_recitals_intro = 0
    for e in r.iter():
        if lname(e) == "recitals":
            for c in e:
                if lname(c) == "intro" and "Acting in accordance" in "".join(c.itertext()):
                    acting_in_recitals_intro = 1
    divs = collections.Counter(lname(e) for e in r.iter() if lname(e) in ("part", "title", "chapter", "section"))
    out = {
        "articles": len(arts), "placeholders": 0,
        "annexes": sum(1 for e in r.iter() if lname(e) in ("attachment", "annex")), "annex_articles": 0,
        "recitals": len(numbered), "recital_elements": len(recs),
        "citations": len(cits) + acting_in_recitals_intro,
        "having_regard": sum(1 for e in cits if "Having regard" in "".join(e.itertext())),
        "divisions": dict(divs), "first_article": labels[0], "last_article": labels[-1],
        "quoted_articles": 0,
    }
    out.update(numbering_report(labels))
    return out


# ----------------------------------------------------------------------------------------------
# 6. US bills (GPO bill XML)
# ----------------------------------------------------------------------------------------------
def us_bill(path: Path) -> dict:
    r = ET.parse(path).getroot()
    parent = {c: p for p in r.iter() for c in p}

    def anc(e):
        out = []
        while e in parent:
            e = parent[e]
            out.append(e.tag)
        return out

    secs = list(r.iter("section"))
    top = [s for s in secs if "quoted-block" not in anc(s)]
    quoted = [s for s in secs if "quoted-block" in anc(s)]
    enums = [(s.find("enum").text or "").strip().rstrip(".") for s in top]
    qblocks = list(r.iter("quoted-block"))
    qcontent = [[c.tag for c in q if c.tag != "after-quoted-block"] for q in qblocks]
    divs = {t: sum(1 for e in r.iter(t) if "quoted-block" not in anc(e))
            for t in ("division", "title", "subtitle", "part", "chapter", "subchapter")}
    return {
        "articles": len(top), "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "first_article": enums[0], "last_article": enums[-1],
        "section_headers": [ws("".join(s.find("header").itertext())) for s in top],
        "quoted_sections": len(quoted), "quoted_blocks": len(qblocks),
        "quoted_block_contents": qcontent,
        "divisions": {k: v for k, v in divs.items() if v},
        "subsections": sum(1 for e in r.iter("subsection") if "quoted-block" not in anc(e)),
    }


# ----------------------------------------------------------------------------------------------
# 7. Spanish bill (BOCG) and Chilean bill
# ----------------------------------------------------------------------------------------------
ES_ORD = "primero|segundo|tercero|cuarto|quinto|sexto|séptimo|octavo|noveno|décimo"
ES_DISP = re.compile(r"^\s*Disposici[oó]n (adicional|transitoria|derogatoria|final) (\S+(?: (?:bis|pre))?)(?: \((nueva|nuevo)\))?\.\s*(.*)$")


def es_bill(text: str) -> dict:
    L = text.split("\n")
    arts = [m for l in L for m in [re.match(r"^\s*Artículo (%s|único)(?: \((?:nuevo)\))?\.\s" % ES_ORD, l)] if m]
    labels = [m.group(1) for m in arts]
    disp = collections.Counter()
    disp_ph, disp_labels = [], []
    for l in L:
        m = ES_DISP.match(l)
        if m:
            kind, lab, rest = m.group(1), m.group(2), m.group(4)
            disp_labels.append(f"{kind} {lab}")
            if re.match(r"\(suprimid[ao]\)", rest) or lab.startswith("(suprimid"):
                disp_ph.append(f"{kind} {lab}")
            else:
                disp[kind] += 1
    quoted_arts = len(re.findall(r"«\s*Artículo\s+\d+", text))
    quoted_disp = len(re.findall(r"«\s*Disposición", text))
    return {
        "articles": len(labels), "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "first_article": labels[0], "last_article": labels[-1],
        "dispositions": dict(disp), "disposition_placeholders": disp_ph,
        "disposition_labels": disp_labels,
        "quoted_articles": quoted_arts, "quoted_dispositions": quoted_disp,
        "divisions": {},
    }


def es_bill_file(path: Path) -> dict:
    text = pdftext(path) if path.suffix == ".pdf" else read(path)
    return es_bill(text)


def cl_bill(path: Path) -> dict:
    t = read(path)
    L = t.split("\n")
    # the bill text proper: after the last 'PROYECTO DE LEY' / 'P R O Y E C T O' heading
    starts = [i for i, l in enumerate(L) if re.match(r"^\s*(PROYECTO DE LEY:?\s*$|P R O Y E C T O)", l)]
    bill = L[starts[-1]:] if starts else L
    arts = [m.group(1) for l in bill for m in [re.match(r"^\s*[“\"]?Art[ií]culo (Único|único|\d+°?)\s*[.:-]", l)] if m]
    in_prose = [m.group(0).strip() for l in L[:starts[-1]] if starts
                for m in [re.match(r"^\s*[“\"]Art[ií]culo (único|\d+)\.-", l)] if m]
    return {
        "articles": len(arts), "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "first_article": arts[0] if arts else None, "last_article": arts[-1] if arts else None,
        "quoted_articles_in_prose": in_prose, "divisions": {},
    }


def cl_comparado(path: Path) -> dict:
    t = read(path)
    bill = re.findall(r"[“\"]Art[ií]culo (único)\.-", t)
    law = re.findall(r"^Artículo (\d+)º\.-", t, re.M)
    titulo = re.findall(r"^TITULO ([IVX]+)\s*$", t, re.M)
    return {
        "articles": len(bill), "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "first_article": "único", "last_article": "único",
        "quoted_law_articles": law, "quoted_law_divisions": {"title": titulo},
        "divisions": {},
    }


# ----------------------------------------------------------------------------------------------
# 8. Constitutions in other languages
# ----------------------------------------------------------------------------------------------
def fr_constitution(path: Path) -> dict:
    L = read(path).split("\n")
    heads = [(i, l) for i, l in enumerate(L) if l.startswith("#")]
    arts = [m.group(1) for _, l in heads for m in [re.match(r"^#{1,6} Article (\S+)", l)] if m]
    live = [a for a in arts if a != "PREAMBULE"]
    tl = [re.match(r"^#+ (Titre [^:]*?)\s*(:|$)", l).group(1) for _, l in heads if re.match(r"^#+ Titre", l)]
    hl = [l for _, l in heads]
    empty = sum(1 for k, l in enumerate(hl) if re.match(r"^#+ Titre", l)
                and (k + 1 >= len(hl) or not hl[k + 1].startswith("##### Article")))
    out = {
        "articles": len(live), "distinct_article_labels": len(set(live)),
        "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "preamble_heading": "Article PREAMBULE" if "PREAMBULE" in arts else None,
        "divisions": divisions(title=len(set(tl))),
        "title_headings_raw": len(tl), "title_headings_without_articles": empty,
        "first_article": live[0], "last_article": live[-1],
    }
    out.update(numbering_report(live))
    out.pop("gaps", None)
    return out


def ru_constitution(path: Path) -> dict:
    L = read(path).split("\n")
    rx = re.compile(r"^Статья (\d+[%s]*)\.\s*(.*)$" % SUP)
    live, ph, order = [], [], []
    for l in L:
        m = rx.match(l)
        if m:
            (ph if re.match(r"^Исключена\.?\s*$", m.group(2)) else live).append(m.group(1))
            order.append(m.group(1))
    razdel = [l.strip() for l in L if re.match(r"^РАЗДЕЛ\s", l)]
    glava = [l.strip() for l in L if re.match(r"^ГЛАВА\s", l)]
    allnums = live + ph
    ints = sorted({num_key(x) for x in allnums})
    gaps = sorted(set(range(1, max(ints) + 1)) - set(ints))
    out = {
        "articles": len(live), "placeholders": len(ph), "placeholder_labels": ph,
        "annexes": 0, "annex_articles": 0,
        "divisions": divisions(part=len(razdel), chapter=len(glava)),
        "division_labels": {"РАЗДЕЛ": razdel, "ГЛАВА": glava},
        "first_article": live[0], "last_article": order[-1],
        "odd_labels": [x for x in live if re.search("[%s]" % SUP, x)],
    }
    if gaps:
        out["gaps"] = [str(g) for g in gaps]
    return out


CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(s: str) -> int:
    n = cur = 0
    for ch in s:
        if ch in CN:
            cur = CN[ch]
        elif ch in "十百千":
            n += (cur or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            cur = 0
    return n + cur


def zh_law(path: Path) -> dict:
    T = read(path)
    body = T.split("<!-- INFO END -->", 1)[-1]
    L = body.split("\n")
    arts = [m.group(1) for l in L for m in [re.match(r"^(?:#+ *)?第([一二三四五六七八九十百零〇千]+)条", l)] if m]
    nums = [cn_int(a) for a in arts]
    bian = sum(1 for l in L if re.match(r"^#+ *第[一二三四五六七八九十百]+编", l))
    zhang = sum(1 for l in L if re.match(r"^#+ *第[一二三四五六七八九十百]+章", l))
    jie = sum(1 for l in L if re.match(r"^#+ *第[一二三四五六七八九十百]+节", l))
    out = {
        "articles": len(arts), "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "divisions": divisions(part=bian, chapter=zhang, section=jie),
        "first_article": str(nums[0]), "last_article": str(nums[-1]),
        "first_article_native": f"第{arts[0]}条", "last_article_native": f"第{arts[-1]}条",
    }
    out.update(numbering_report([str(n) for n in nums]))
    return out


def ar_constitution(path: Path) -> dict:
    L = read(path).split("\n")
    rx = re.compile(r"^مادة (\d+(?: مكرر(?:ا|\s*\(?[أ-ي]\)?)?)?)")
    arts = [m.group(1) for l in L for m in [rx.match(l)] if m]
    fasl = [l.strip() for l in L if re.match(r"^الفصل", l)]
    far = [l.strip() for l in L if re.match(r"^الفرع", l)]
    out = {
        "articles": len(arts), "distinct_article_labels": len(set(arts)),
        "placeholders": 0, "annexes": 0, "annex_articles": 0,
        "divisions": divisions(chapter=len(fasl), section=len(far)),
        "division_labels": {"الفصل": fasl, "الفرع": far},
        "first_article": arts[0], "last_article": arts[-1],
    }
    out.update(numbering_report(arts))
    return out


def it_constitution(path: Path) -> dict:
    L = read(path).split("\n")
    heads = [(i, l) for i, l in enumerate(L) if l.startswith("#")]
    live, ph = [], []
    for j, (i, l) in enumerate(heads):
        m = re.match(r"^#{1,6} Art\. (\S+?)\.?$", l)
        if not m:
            continue
        end = heads[j + 1][0] if j + 1 < len(heads) else len(L)
        body = ws(" ".join(L[i + 1:end]))
        (ph if re.match(r"^Abrogat[oa]\.?$", body) else live).append(m.group(1))
    out = {
        "articles": len(live), "placeholders": len(ph), "placeholder_labels": ph,
        "annexes": 0, "annex_articles": 0,
        "divisions": divisions(
            part=sum(1 for _, l in heads if re.match(r"^## Parte", l)),
            title=sum(1 for _, l in heads if re.match(r"^#+ Titolo", l)),
            section=sum(1 for _, l in heads if re.match(r"^#+ Sezione", l)),
        ),
        "unnumbered_divisions": [l.strip("# ") for _, l in heads if re.match(r"^## Principi", l)],
        "first_article": (live + ph)[0], "last_article": sorted(live + ph, key=int)[-1],
    }
    return out


# ----------------------------------------------------------------------------------------------
# dispatch
# ----------------------------------------------------------------------------------------------
def count_file(rel: str) -> dict:
    p = CORPUS / rel
    folder = rel.split("/")[0]
    if folder == "coe-anti-doping-convention":
        return anti_doping(p)
    if folder in ("stockholm-pops-convention", "budapest-convention-ets185", "budapest-additional-protocol-ets189"):
        return two_language(p)
    if folder == "nl-grondwet":
        return nl_grondwet(p)
    if folder == "de-grundgesetz":
        return grundgesetz(p)
    if folder == "de-vereinsgesetz-akn":
        return ldml_de(p)
    if folder == "eu-ai-act-council-drafts":
        return ai_md(p)
    if folder == "eu-ai-act-formats":
        return ai_pdf(p) if p.suffix == ".pdf" and "annexes" not in p.name else (
            ai_docx(p) if p.suffix == ".docx" else ai_annexes_pdf(p))
    if folder == "eu-ai-act-marked-up":
        if "FRA-compromise" in p.name:
            return fra_compromise(p)
        if "ENVI" in p.name:
            return envi_amendments(p)
        return ai_marked_up(p, rel)
    if folder in ("eu-data-act", "eu-dsa"):
        if p.name.endswith("formex.xml"):
            return formex(p)
        if p.name.endswith("akn.xml"):
            return akn_eu(p)
        if p.suffix == ".xhtml":
            return eurlex_xhtml(p)
        if "amendments" in p.name:
            return ep_amendments_html(p)
        return oj_html_full_text(p)
    if folder.startswith("us-bills"):
        return us_bill(p)
    if folder == "es-bill-121-000036":
        return es_bill_file(p)
    if folder == "cl-bill-15995":
        return cl_comparado(p) if p.name == "comparado.txt" else cl_bill(p)
    if folder == "fr-constitution-1958":
        return fr_constitution(p)
    if folder == "ru-konstitutsiya-belarus":
        return ru_constitution(p)
    if folder.startswith("zh-"):
        return zh_law(p)
    if folder == "ar-dostour-misr-1923-1930":
        return ar_constitution(p)
    if folder == "it-costituzione":
        return it_constitution(p)
    raise ValueError(rel)


def ai_annexes_pdf(path: Path) -> dict:
    L = pdftext(path).split("\n")
    ann = [m.group(1) for l in L for m in [re.match(r"^\s*ANNEX ([IVX]+)\s*$", l)] if m]
    sections = [ws(l)[:12] for l in L if re.match(r"^\s*Section [A-Z]\b", l)]
    return {
        "articles": 0, "placeholders": 0, "annexes": len(ann), "annex_labels": ann, "annex_articles": 0,
        "divisions": {}, "annex_sections": sections, "first_article": None, "last_article": None,
    }


def main(argv: list[str]) -> None:
    files = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.name != "MANIFEST.md")
    out = {}
    for rel in files:
        d = count_file(rel)
        d.pop("article_labels", None)
        d["note"] = note_for(rel)
        out[rel] = d
    (HERE / "counts.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} entries to {HERE / 'counts.json'}")
    if "--verify-strikes" in argv:
        verify_strikes()



# ----------------------------------------------------------------------------------------------
# human notes (how each number was read, and every ambiguity met)
# ----------------------------------------------------------------------------------------------
_ADO = ("Two texts: English (headings '### Article  N', preamble as one long line starting 'Preamble'), then the "
        "Dutch translation ('### Artikel  N'). Top-level fields = the English text; 'texts' gives EN and NL, "
        "'file_totals' the whole file. The Convention's appendix (the WADA prohibited list, referred to in Art. 2(2) "
        "as 'the reference list in the appendix') follows EN Art. 19 under '####The 20xx prohibited list' with no "
        "'Annex'/'Appendix' heading: counted as 1 annex of the English text; its '### S0'..'### P2' headings are "
        "sub-sections of that list (15), not articles. The Dutch half has no appendix. '####Final clauses' / "
        "'####SLOTBEPALINGEN' (before Art. 14) is an unnumbered heading, not counted as a division. No EU-style "
        "recitals/citations: the preamble's 'Considering'/'Recognising' clauses are not numbered (left null).")
_POP = ("Two texts: English (Art. 1-30 + Annexes A-G), then Dutch (Artikel 1-30 + Bijlage A-G). Top-level = English "
        "text; 'texts' per language; 'file_totals' whole file. annex_articles = the 17 articles of Annex G Part I "
        "(arbitration procedure, '### I') + 9 of Part II (conciliation, '### II'), numbered again from 1. "
        "annex_parts = '### Part'/'### Deel' headings inside Annexes A-C (labels in annex_part_labels); the numbered "
        "'### 1'.. headings inside Annexes B-D are paragraphs-as-headings, listed in sub_headings, not counted. "
        "No divisions in the Convention body. Preamble is one unnumbered line (recitals/citations null).")
_BUD = ("Two texts: English ('### Article  N'), then Dutch ('### Artikel  N') from the second '####' title line. "
        "Top-level = English text; 'texts' per language; 'file_totals' whole file. Preamble one unnumbered line "
        "(recitals/citations null). No annexes.")
_GG = ("German Basic Law. articles = live '### Art N' headings. placeholders counts repealed article NUMBERS: "
       "Art 49, 59a, 142a (v1/v2: empty body '-'; v3: '(weggefallen)' in the heading) and the single heading "
       "'### (XXXX) Art 74a und 75 (weggefallen)' which covers two numbers -> 5 numbers in 4 headings "
       "(placeholder_headings). Divisions are the 14 Abschnitte '## I. - ...' to '## XI. - ...' incl. IVa, VIIIa, Xa; "
       "reported as 'chapter' (German Abschnitt, translated 'Chapter' in the official English version). "
       "Eingangsformel and Präambel precede Art 1 (no recitals/citations). Annex: '### Anhang EV' (Maßgaben of "
       "the Unification Treaty) quotes Artikel 3-7 of that treaty as plain lines -> annex_articles 5 (they are "
       "articles of another instrument). Art 140 incorporates Weimar articles by reference only; they are not "
       "reproduced. Items '(2) (weggefallen)', '5. (weggefallen)' inside Art 65a/74 are sub-article placeholders, "
       "not counted.")
_AID = ("Derived Markdown (smucclaw, struck text removed, inserted text kept plain). Articles = italic headings "
        "'*Article N ...*'; every one checked to be a heading (no other line starts with an italic 'Article N'). "
        "Citations = all clauses of the citations block ('Having regard to...' + 'After transmission...' + "
        "'Acting in accordance...'), like Formex VISA; having_regard gives the 'Having regard' count alone. "
        "Recitals = '(N)' / '(Na)' / '(-Na)' at line start between 'Whereas:' and Article 1; lines beginning with an "
        "escaped '\\(4\\) of this Regulation' are wrapped continuations, not recitals. Titles count '# TITLE X' and "
        "plain 'TITLE X' lines; chapters count '## [Chapter N]{.smallcaps}', '# CHAPTER N' and the chapter numbers "
        "glued to a title line ('HIGH-RISK AI SYSTEMS CHAPTER 1' for Title III ch. 1, 'TITLE VI GOVERNANCE CHAPTER 1'). "
        "The 'Section A/B' headings inside Annex II are annex sub-parts, not counted. ")
_AIF = ("Same text as the matching eu-ai-act-council-drafts Markdown, in the original format. ")
_ES = ("Spanish bill amending other laws. articles = the bill's own 'Artículo primero/segundo/...' headings; the "
       "Disposiciones (adicionales/transitorias/derogatoria/finales) are article-level units too but reported "
       "separately in 'dispositions' (live) and 'disposition_placeholders'. quoted_articles = headings of the "
       "amended laws' articles inside «...» (e.g. '«Artículo 3 bis.'), counted by pattern: they are NOT the bill's "
       "articles. Running headers ('BOLETÍN OFICIAL...', 'cve: BOCG-...', 'Pág. N') ignored. The Exposición de "
       "motivos/Preámbulo has 4 roman-numbered parts (I-IV); no recitals/citations in the EU sense. ")
_CL = ("Chilean bill. articles = articles of the bill text itself (after the last 'PROYECTO DE LEY' heading). ")
_FR = ("LEGI export. articles = '##### Article N' headings other than '##### Article PREAMBULE' (the Preamble, "
       "reported in preamble_heading, not an article). Abrogated articles are simply absent (no placeholders). "
       "Title count = distinct 'Titre' labels; the file's raw title headings (title_headings_raw) include repeated "
       "and empty 'Titre' headings left by LEGI's historical versions (title_headings_without_articles). ")
_RU = ("Belarus constitution (Russian). articles = lines 'Статья N.' (N may carry superscripts, 32¹ ...) minus "
       "placeholders 'Статья N. Исключена.'. Divisions: РАЗДЕЛ reported as 'part' (it is above ГЛАВА; the official "
       "English translation calls it 'Section' - ambiguous naming, structure is part>chapter), ГЛАВА as 'chapter'. "
       "The preamble ('Мы, народ Республики Беларусь ...') is unnumbered. ")
_ZH = ("Chinese law. articles = lines starting '第N条' after '<!-- INFO END -->' (the header above it lists revision "
       "dates only). 编 = part, 章 = chapter, 节 = section (Markdown headings). Labels converted to Arabic numbers "
       "(first/last_article); native forms in *_native. Numbering contiguous; no placeholders. ")
_AR = ("Egyptian constitution (Arabic), from an app's string resources. articles = lines 'مادة N'. Headings present: "
       "'الفصل' (reported as chapter) and 'الفرع' (reported as section). The original's top-level 'الباب' headings "
       "and 'الفصل الأول' of Part III are missing from this source, so the division counts are those of the file, "
       "not of the 1923/1930 texts. ")
_IT = ("Italian constitution. articles = '##### Art. N.' headings whose body is not just 'Abrogato'; placeholders "
       "= articles whose whole body is 'Abrogato'. '## Principi fondamentali' (Art. 1-12) is an unnumbered "
       "division; Parte I-II (part), Titolo (title, 4 in Parte I + 6 in Parte II), Sezione (section). The file "
       "stops at Art. 139: the 'Disposizioni transitorie e finali' (I-XVIII) are not in it. ")
_US = ("US Senate bill (GPO XML). articles = <section> elements not inside <quoted-block> (SEC. 1., SEC. 2. ...). "
       "quoted_sections = <section> inside <quoted-block> (0: the quoted blocks here hold only subsections/"
       "paragraphs/subparagraphs/clauses of the amended laws; quoted_block_contents lists their top-level "
       "elements). No titles/divisions. ")
_NOTES = {
    "coe-anti-doping-convention": _ADO + " Versions differ only in the prohibited list's content and whitespace/links.",
    "stockholm-pops-convention": _POP,
    "budapest-convention-ets185": _BUD + (" Divisions: 4 CHAPTER (top level); 5 SECTION inside Chapters II and III; "
                                          "17 TITLE inside those sections (this convention nests chapter > section > "
                                          "title, the reverse of EU drafting). Same counts in the Dutch text "
                                          "(HOOFDSTUK/AFDELING/TITEL)."),
    "budapest-additional-protocol-ets189": _BUD + " Divisions: 4 CHAPTER (HOOFDSTUK in Dutch).",
    "de-grundgesetz": _GG,
    "eu-ai-act-council-drafts": _AID,
    "es-bill-121-000036": _ES,
    "cl-bill-15995": _CL,
    "fr-constitution-1958": _FR,
    "ru-konstitutsiya-belarus": _RU,
    "zh-daolu-yunshu-tiaoli": _ZH,
    "zh-minshi-susongfa": _ZH,
    "ar-dostour-misr-1923-1930": _AR,
    "it-costituzione": _IT,
    "us-bills-s5": _US,
    "us-bills-s269": _US,
}
NOTES: dict[str, str] = {
    "stockholm-pops-convention/v1-2010-08-26.md": (
        "SOURCE DEFECT: the English text stops at Article 29 (Depositary); Article 30 (Authentic texts) is missing "
        "in English but present in Dutch (Artikel 30), hence EN 29 vs NL 30. English Annex A has Part I, II, III, III, "
        "IV, IV (two amendment Parts III and IV for the two PBDE listings), Dutch Bijlage A only Deel I-II: the two "
        "halves are not the same consolidation. Annex G heading reads '### Annex  G  (Decision SC-1/2 of the "
        "Conference of the Parties)'."),
    "stockholm-pops-convention/v2-2012-08-21.md": "Article 30 now present in English ('###Article 30', no space): EN 30 = NL 30. Annex A parts: I, II, III, IV, IV (EN) / IV, IV* (NL) - Part IV appears twice (one per PBDE listing), Part V absent.",
    "stockholm-pops-convention/v3-2014-08-21.md": "Endosulfan listing added: Annex A parts I, II, III, IV, IV, VI (Part IV twice, no Part V; Dutch 'Deel  IV*').",
    "stockholm-pops-convention/v4-2015-03-18.md": "HBCD listing added: Annex A parts I, II, III, IV, IV, VI, VII (Part IV twice, no Part V; Dutch 'Deel  IV*').",
    "stockholm-pops-convention/v5-2015-03-25.md": "Same structure as v4.",
    "nl-grondwet/v1-2008-07-15.md": (
        "Dutch Constitution (one language). articles = 142 main articles ('### Artikel  N', labels 1-142 with 57a, "
        "78a, 99a and without 101, 102, 108, which are repealed and simply absent - no placeholders) + 4 "
        "'Additionele artikelen' I, II, IX, XIX (main_articles/additional_articles). Divisions: 8 Hoofdstuk "
        "(chapter) and 6 '### §  N' paragraaf headings (section) inside Hoofdstuk 2, 3 and 5 - here '§ N' is a "
        "division, NOT an article. quoted_old_articles: Additional Articles II and XIX quote old-text Artikel 54 "
        "lid 2, 81 and 130 (1972/1983 text) inline; not counted as articles. No annexes, no recitals."),
    "nl-grondwet/v2-2013-11-28.md": "Same structure as v1 (additional article headings now '###Artikel I' without spaces). See v1 note.",
    "nl-grondwet/v3-2014-10-14.md": "Same structure as v1/v2. See v1 note.",
    "de-grundgesetz/v3-2018-11-08.md": "Adds Art 104c, 104d, 143e, 143f, 143g (5 more live articles than v1/v2).",
    "de-grundgesetz/v2-2012-08-06.md": "Same structure as v1 (Art 93 amended).",
    "de-vereinsgesetz-akn/v1-1964-08-05-original.xml": (
        "LegalDocML.de excerpt fixture: 2 <article> elements, '§ 20' (2 Absätze) and 'Artikel 34' (Inkrafttreten, "
        "refersTo=geltungszeitregel). Mixed labels (§ and Artikel) in one document; no divisions, no annexes. "
        "<preamble> holds only the enactment formula (no citations/recitals)."),
    "de-vereinsgesetz-akn/v2-2017-03-16-amended.xml": "Same provision text as v1 (no-change control): 2 articles, § 20 and Artikel 34.",
    "de-vereinsgesetz-akn/amending-act-2017-s419.xml": (
        "Amending act excerpt: 'Artikel 1' (Änderung des Vereinsgesetzes, one <mod> amendment instruction with 2 "
        "<quotedText>: old and new wording of § 20 Abs. 1 Satz 2) and 'Artikel 3' (Inkrafttreten). There is no "
        "Artikel 2 in the fixture (gap from the excerpting, not a placeholder). No quotedStructure, so no quoted "
        "articles."),
    "eu-ai-act-council-drafts/v01-2021-04-21-AIA-COM-Proposal-21-April-21.md": (
        "Commission proposal: Art. 1-85, no gaps. No annexes in this file (the Commission published the annexes "
        "as a separate document, see eu-ai-act-formats/...-annexes.pdf); after Art. 85 and the signature block "
        "comes the LEGISLATIVE FINANCIAL STATEMENT (not counted). 12 titles (I-XII), 10 chapters (III: 1-5, VI: "
        "1-2, VIII: 1-3). Citations: 4 'Having regard' + After transmission + Acting = 6."),
    "eu-ai-act-council-drafts/v02-2021-11-29-AIA-SLO-Art-1-7-29-Nov-21.md": (
        "Adds Title IVA with Article 52a (general purpose AI) and recitals 12a, 70a; ECB opinion citation added "
        "(5 'Having regard'). Annexes I-IX appear (9)."),
    "eu-ai-act-council-drafts/v03-2022-06-15-AIA-FRA-Consolidated-Version-15-June.md": (
        "Articles 24, 28, 50, 57 (deleted by the Council) are simply ABSENT here - the third-party conversion "
        "dropped struck-through text including their headings - so they are gaps, not placeholders. Title IA "
        "replaces IVA. Recitals (57), (59) '[.]{.ul}' and (60) are numbers with no text left (struck text removed) - "
        "counted as recitals, listed in recitals_without_text. Recital labels include the odd '12aa'. Annexes "
        "I-IX + VIIIa (10)."),
    "eu-ai-act-council-drafts/v04-2022-07-15-AIA-CZ-1st-Proposal-15-July.md": (
        "Gaps 24, 28, 50, 57 (deleted articles dropped, see v03). ANNEX I was deleted and its heading dropped, but "
        "three orphan list markers '(a)', '(b)', '(c)' from it remain just before 'ANNEX II': 9 annexes (II-IX + "
        "VIIIa). Recital (57) empty. Compare eu-ai-act-marked-up/v04 (same document with markup)."),
    "eu-ai-act-council-drafts/v05-2022-09-16-AIA-CZ-2nd-Proposal-16-Sept.md": "As v04 (gaps 24, 28, 50, 57; Annex I dropped). New recital label '(-12a)' (a negative-looking label placed before 12a) and 6d, 12c, 79a.",
    "eu-ai-act-council-drafts/v06-2022-09-23-AIA-CZ-3rd-Proposal-23-Sept.md": "As v05.",
    "eu-ai-act-council-drafts/v07-2022-10-19-AIA-CZ-4th-Proposal-19-Oct-22.md": (
        "As v05. Recital '(6d)' stands alone on a line followed by a stray fragment ('or legal person, ...'): "
        "counted as a recital, listed in recitals_without_text. Article 3 definitions here also have '\\(2\\)'... "
        "escaped numbers on their own lines (conversion debris inside Art. 3, not recitals)."),
    "eu-ai-act-council-drafts/v08-2022-11-03-AIA-CZ-Draft-for-Coreper-3-Nov-22.md": "As v05.",
    "eu-ai-act-council-drafts/v09-2022-11-11-AIA-CZ-Draft-General-Approach-11-Nov-22.md": (
        "Deleted articles now shown as placeholders '*Article 24 \\[deleted\\]*' (24, 28, 50, 57): 94 live + 4 "
        "placeholders = 98 headings. '### ANNEX I' + '\\[deleted\\]' is an annex placeholder: 9 live annexes. "
        "Recitals: 111 numbers incl. placeholders (57), (59), (60) '[deleted]' (108 with text) and new '(-72a)'. "
        "SOURCE DEFECT: recital 38 is written '38\\)' without the opening parenthesis - counted."),
    "eu-ai-act-council-drafts/v10-2022-12-06-CONSIL_ST_15698_2022_INIT_EN_TXT.md": "As v09 (general approach text). Same defects ('38\\)').",
    "eu-ai-act-formats/v01-2021-04-21-COM-2021-206-proposal-native.docx": _AIF + (
        "Despite the name it carries no Commission styles (Heading1-4/ListParagraph/TableParagraph, looks "
        "converted). Article 1 and 2 headings sit inside a paragraph split by <w:br/>, so lines (not paragraphs) "
        "are scanned. Recitals are auto-numbered list paragraphs (<w:numPr>, no literal '(1)'): 89. Explanatory "
        "memorandum before and Legislative Financial Statement after the act; no annexes (separate PDF)."),
    "eu-ai-act-formats/v01-2021-04-21-COM-2021-206-proposal.pdf": _AIF + (
        "pdftotext -layout. Articles = centred lines 'Article N' after 'HAVE ADOPTED THIS REGULATION' (two wrapped "
        "text lines 'Article 61.'/'Article 74(2).' excluded). Explanatory memorandum (mentions 'Chapter 1 of Title "
        "III' etc.) and LFS not counted. No annexes (separate PDF)."),
    "eu-ai-act-formats/v01-2021-04-21-COM-2021-206-annexes.pdf": (
        "The Commission proposal's annexes document (COM(2021) 206 final ANNEXES 1 to 9): ANNEX I-IX, no "
        "articles, no preamble. Annex II has 'Section A' and 'Section B' sub-parts (annex_sections)."),
    "eu-ai-act-formats/v10-2022-12-06-Council-general-approach-ST15698.pdf": _AIF + (
        "Page 1 is the Council cover note (routing codes, 'OUTCOME OF PROCEEDINGS'); the act starts under the "
        "page-furniture word 'ANNEX' on page 2 (not an annex of the act). 98 article headings: 94 live + 4 "
        "'[deleted]' placeholders (24, 28, 50, 57); ANNEX I '[deleted]' placeholder + 9 live annexes. Recitals "
        "111 incl. 3 '[deleted]'; '38)' defect as in the Markdown; a wrapped '(4) of this Regulation' line is "
        "excluded (recital number must be followed by a capital, '[' or end of line)."),
    "eu-ai-act-formats/v10-2022-12-06-Council-general-approach-ST15698-pdf2docx.docx": _AIF + (
        "PDF-to-DOCX conversion. Recitals: 88 auto-numbered list paragraphs (numbering restarts as a new list "
        "after 37) + 23 literal labels typed as text ('(5a)', '(-12a)', '38)' ...) = 111, of which 3 '[deleted]' "
        "(recital_placeholders_count). Footnote paragraphs ('1OJ C ...') are not recitals. Articles/annexes as in "
        "the PDF."),
    "eu-ai-act-marked-up/v04-2022-07-15-CZ-1st-compromise-proposal-marked-up.pdf": (
        "MARKED-UP Council compromise (deletions struck through, insertions bold/underlined). pdftotext keeps struck "
        "text, so the text layer has 99 article headings, 14 title headings, 10 annex headings, 108 recitals "
        "(text_layer). Strike-through was detected with pdfplumber (a horizontal line through the middle of the "
        "heading words; --verify-strikes): Articles 24, 28, 50, 52a, Title IVA, ANNEX I and recital (70a) are "
        "struck. Counts after applying the markup: 94 articles (gaps 24, 28, 50, 57), 13 titles, 11 chapters, "
        "9 annexes, 107 recitals - identical to the clean eu-ai-act-council-drafts/v04. New articles in bold-italic: "
        "4a-4c, 23a, 33a, 34a, 54a, 54b, 55a, 58a, 63a, 68a, 68b. The marked-up recital label '(12ab)' corresponds to "
        "'(12b)' in the clean text (partial strike inside the label, not resolved). Recital (57)'s text is struck "
        "but its number is not (counted). Pages 1-37 start with the Council cover NOTE (ST 11124/22, subject "
        "'Second Presidency compromise text', i.e. the Czech Presidency's first, as the manifest says) whose "
        "discussion of changes is not counted (counting starts at the citations)."),
    "eu-ai-act-marked-up/v09-2022-11-11-CZ-draft-general-approach-marked-up.pdf": (
        "MARKED-UP draft general approach; markup is relative to the previous CZ text, and no heading is struck. "
        "98 article headings = 94 live + 4 '[deleted]' placeholders; ANNEX I '[deleted]' + 9 annexes; 111 recitals "
        "(3 '[deleted]', '38)' defect). Same counts as the clean eu-ai-act-council-drafts/v09."),
    "eu-ai-act-marked-up/2022-01-13-FRA-compromise-Art-8-15-marked-up.pdf": (
        "French Presidency note (cover note in French, 'II. PRINCIPAUX CHANGEMENTS' summary) whose annex gives "
        "Title III CHAPTER 2 only: Articles 8-15 (8 articles) and ANNEX IV of the Regulation (1 annex), marked up "
        "(underline/bold/strike). No preamble. Articles 8-15 are a partial text, not a whole act."),
    "eu-ai-act-marked-up/2022-01-25-EP-ENVI-opinion-amendments.pdf": (
        "AMENDMENT DOCUMENT (EP ENVI committee, amendments 68-268 to the draft opinion): 201 amendments, each "
        "'Amendment N', authors, 'Proposal for a regulation', a locator, then a two-column table 'Text proposed by "
        "the Commission | Amendment'. Locators target 89 recitals, 99 articles, 13 Annex points "
        "(amendment_targets); 66 insert new units ('(new)'). Article counts are not applicable (left out); the left "
        "column quotes the proposal, the right column the amended wording. Page furniture (AM\\...EN.docx, "
        "PE704.585v01-00, 'EN') removed before reading locators."),
    "eu-data-act/v1-2022-02-23-COM-2022-68-proposal.xhtml": (
        "EUR-Lex XHTML of COM(2022) 68: explanatory memorandum, then the act. Articles = elements with class "
        "Titrearticle* (42). 11 ChapterTitle chapters (CHAPTER VI's number and title are split over two "
        "ChapterTitle paragraphs - counted once). 90 recitals (ManualConsidrant). Citations 6 (4 'Having regard' + "
        "After transmission + Acting). No annexes, no LFS in this file."),
    "eu-data-act/v2-2023-11-09-EP-TA-9-2023-0385.html": (
        "AMBIGUITY: the manifest calls this TA-9-2023-0385 (EP position of 9 Nov 2023), but the document itself "
        "is P9_TA(2023)0069, 'Amendments adopted by the European Parliament on 14 March 2023', OJ C series, "
        "consisting of a single 'Amendment 1' that restates the whole proposal with new text in bold italic and "
        "deletions marked '▌' (91 marks). Counted as a full text: 53 articles (1-42 plus 3a, 15a, 22a, 24a, 24b, "
        "26a, 26b, 31a, 32a, 32b, 32c), 11 chapters, 109 recitals (1-90 with 20 lettered, recital 64 deleted "
        "without placeholder), citations 6. Footnote call-outs '(6)' etc. were stripped before counting recitals."),
    "eu-data-act/v3-2023-12-13-Regulation-2023-2854-formex.xml": (
        "Formex: 50 <ARTICLE>, 11 <DIVISION> (all CHAPTER), no <ANNEX>. 120 <CONSID> elements, but the first is "
        "the pseudo-recital 'Whereas:' -> 119 recitals. Citations: 6 <VISA> (5 'Having regard' + After "
        "transmission) + 'Acting in accordance ...' which Formex puts in GR.CONSID.INIT = 7. 2 <QUOT.S> blocks "
        "(points added to annexes of Regulation 2017/2394 and Directive 2020/1828) contain no articles."),
    "eu-data-act/v3-2023-12-13-Regulation-2023-2854-akn.xml": (
        "Akoma Ntoso: 50 <article>, 11 <chapter>. 120 <recital> elements, the first being 'Whereas:' with no "
        "<num> -> 119 recitals. 6 <citation> + 'Acting in accordance' in the <recitals><intro> = 7 citations. "
        "Same counts as the Formex file."),
    "eu-dsa/v1-2020-12-15-COM-2020-825-proposal.xhtml": (
        "EUR-Lex XHTML of COM(2020) 825. 74 articles (Titrearticle), 5 chapters, 10 sections (Chapter III: 5, "
        "Chapter IV: 5), 106 recitals, citations 7 (5 'Having regard' incl. EDPS + After transmission + Acting). The "
        "act has no annexes; the file also holds the Legislative Financial Statement and an 'ANNEX to the "
        "LEGISLATIVE FINANCIAL STATEMENT' - an annex of the LFS, not of the act (annexes 0)."),
    "eu-dsa/v2-2022-01-20-EP-amendments.html": (
        "AMENDMENT DOCUMENT (P9_TA(2022)0014, EP amendments of 20 Jan 2022, OJ C 336): 461 amendment headings "
        "('Amendment N'), 4 of them joint or revised ('Amendments 25 and 517/rev', 'Amendments 57 and 498', "
        "'Amendment 520/rev', 'Amendments 420 and 562/rev') -> 464 amendment numbers, range 1-562 with many numbers "
        "absent (plenary numbering). Every amendment is a two-column table 'Text proposed by the Commission | "
        "Amendment'. Locators: 361 Article ..., 99 Recital ..., 1 Chapter; 158 insert new units ('(new)'). The 12 "
        "oj-ti-art 'Article' headings inside the right-hand columns are new articles proposed by amendments, not "
        "articles of this document. Article counts not applicable."),
    "eu-dsa/v3-2022-10-19-Regulation-2022-2065-formex.xml": (
        "Formex: 93 articles, DIVISION 5 CHAPTER + 12 SECTION (6 in Chapter III, 6 in Chapter IV), 156 recitals, 6 "
        "VISA (4 'Having regard' + After transmission + Acting). No annexes. One QUOT.S (point added to the annex of "
        "Directive 2020/1828) holds no articles."),
    "eu-dsa/v3-2022-10-19-Regulation-2022-2065-akn.xml": "Akoma Ntoso: same counts as the Formex file (93 articles, 5 chapters, 12 sections, 156 recitals, 6 citations).",
    "us-bills-s5/v1-2025-01-07-PCS.xml": "Laken Riley Act as placed on the calendar: SEC. 1-3; 9 quoted blocks of amended law (INA), none holding a <section>.",
    "us-bills-s5/v2-2025-01-20-ES.xml": "Engrossed: SEC. 1-3; 10 quoted blocks (one more than v1). <attestation>/<endorsement> are not sections.",
    "us-bills-s5/v3-2025-01-22-ENR.xml": "Enrolled: SEC. 1-3; 10 quoted blocks.",
    "us-bills-s269/v1-2025-01-28-IS.xml": (
        "SEC. 1-2. One quoted block whose first element is itself an amending instruction ('(7) by adding at the "
        "end the following paragraph:') followed by the inserted '(11) ...' in a <quote> - an amendment of an "
        "amending act; still no quoted <section>."),
    "us-bills-s269/v2-2025-09-19-ES.xml": "SEC. 1-2; 2 quoted blocks (paragraphs (11)-(12); subparagraph (C)).",
    "us-bills-s269/v3-2026-01-12-ENR.xml": "SEC. 1-2; 2 quoted blocks, same as v2.",
    "es-bill-121-000036/v1-2024-10-18-BOCG-15-A-36-1.txt": "Original bill (BOCG 15-A-36-1): Artículo primero-tercero; transitorias 4, derogatoria única, finales 4 (primera-cuarta).",
    "es-bill-121-000036/v1-2024-10-18-BOCG-15-A-36-1.pdf": "PDF of the same BOCG issue, read with pdftotext -layout: same counts as the .txt.",
    "es-bill-121-000036/v2-2025-12-15-BOCG-15-A-36-4.txt": (
        "Informe de la Ponencia: report text, then 'ANEXO' holding the bill as amended (the ANEXO is the report's "
        "annex, not an annex of the bill -> annexes 0). Artículo cuarto (nuevo) added; finales: 'primera pre "
        "(nueva)', 'primera. (suprimida)' (placeholder), segunda, 'segunda bis (nueva)', tercera, cuarta -> 5 live "
        "+ 1 placeholder. A '(suprimido)' paragraph in the Exposición and 'Dos. (suprimido)' inside Artículo "
        "segundo are sub-article placeholders, not counted."),
    "es-bill-121-000036/v3-2025-12-22-BOCG-15-A-36-5.txt": "Dictamen de Comisión: Artículo primero-cuarto; transitorias 4, derogatoria 1, finales primera-quinta (renumbered, no placeholders). Preamble titled 'Preámbulo'.",
    "es-bill-121-000036/v3-2025-12-22-BOCG-15-A-36-5.pdf": "PDF of the same BOCG issue: same counts as the .txt.",
    "cl-bill-15995/v1-mocion.txt": "Moción: 'Fundamentos' (prose) then 'P R O Y E C T O D E L E Y' with a single 'Artículo Único:'. Footnote text after the prose.",
    "cl-bill-15995/v2-informe-comision.txt": (
        "Committee report (Cámara): prose quotes the moción's 'Artículo único' and an indicación proposing "
        "'Artículo 1.-' and 'Artículo 2.-' (quoted_articles_in_prose - not the bill's articles). The bill text "
        "recommended at the end ('PROYECTO DE LEY') has 1 article ('Artículo único') with 2 numerals."),
    "cl-bill-15995/v3-informe-comision.txt": (
        "Senate committee report: the heading 'Artículo único' at 'DISCUSIÓN EN PARTICULAR' is a discussion "
        "heading; the transcribed bill ('PROYECTO DE LEY:') has 1 article ('Artículo único', 2 numerals). Page "
        "markers '-- N of 22 --' ignored."),
    "cl-bill-15995/comparado.txt": (
        "Comparison table (two columns flattened into lines): left column 'NORMATIVA VIGENTE' = Article 6º of Ley "
        "17.798 under TITULO I (quoted law: quoted_law_articles/divisions), right column = the bill's single "
        "'Artículo único'. articles = 1 (the bill's); the current-law article is quoted, not the bill's."),
    "fr-constitution-1958/v1-1958-10-04.md": (
        "Original 1958 text: Art. 1-92, Titres premier-XV (15). AMBIGUITY/SOURCE ODDITY: from Titre IX on, the "
        "title headings sit one block late (e.g. 'Titre IX : La Haute Cour de Justice' precedes Art. 69-71, which "
        "belong to Titre X; 'Titre XI' is empty and 'Titre XV' comes after Art. 92), so title membership of "
        "articles is unreliable; the counts of articles and of titles are not affected."),
    "fr-constitution-1958/v2-2000-10-03.md": (
        "89 articles: Art. 1-77 (with 47-1, 53-1, 53-2, 68-1-68-3) then 88, 88-1-88-4, 89; Art. 78-87 (the "
        "Communauté, repealed 1995) and 90-92 are absent. 16 distinct titles; 24 raw title headings of which 9 "
        "have no article under them (repeated historical title headings)."),
    "fr-constitution-1958/v3-2008-07-25.md": (
        "108 article headings, 103 distinct: Art. 88-1..88-5 appear twice (the in-force versions and LEGI's "
        "never-in-force 'Constitution pour l'Europe' variants) - duplicates, as the manifest says. 17 distinct "
        "titles (incl. 'Titre XI bis'); 28 raw title headings, 11 empty."),
    "fr-constitution-1958/v4-2024-03-10.md": (
        "114 article headings, 108 distinct (88-1..88-6 twice; 88-7 once); art. 34 carries the 2024 IVG sentence. "
        "17 distinct titles; 29 raw title headings, 12 empty."),
    "ru-konstitutsiya-belarus/v1-1994-03-15.txt": "1994 original: Статья 1-149, 8 РАЗДЕЛ, 8 ГЛАВА.",
    "ru-konstitutsiya-belarus/v2-1996-11-24.txt": "1996: Статья 1-146, 9 РАЗДЕЛ, 8 ГЛАВА.",
    "ru-konstitutsiya-belarus/v3-2004-10-17.txt": "2004: same structure as 1996 (6-line diff).",
    "ru-konstitutsiya-belarus/v4-2021-07-16-draft-rc1.txt": (
        "Draft rc1: 161 'Статья' lines = 159 live + 2 placeholders ('Статья 101. Исключена.', 'Статья 140. "
        "Исключена.'). Article 72 is missing with no placeholder (gap). 16 superscript articles (32¹, 59¹, 71¹, 89¹, "
        "112¹, 116¹-116⁸, 128¹-128³). Divisions include РАЗДЕЛ IV¹ and ГЛАВА 7¹ (10 parts, 9 chapters). "
        "last_article is the last heading in file order (146)."),
    "ru-konstitutsiya-belarus/v5-2021-12-27-draft-rc2.txt": (
        "Draft rc2: 158 lines = 156 live + 2 placeholders (101, 137 'Исключена.'). 10 superscript articles (32¹, 88¹, "
        "89¹-89⁶, 112¹, 116¹). Divisions include ГЛАВА 3¹ (9 parts, 9 chapters). Last article 148."),
    "zh-daolu-yunshu-tiaoli/v1-2019-03-02.md": "7 章, 3 节 (in 第二章), 第一条-第八十三条.",
    "zh-daolu-yunshu-tiaoli/v2-2022-03-29.md": "Same structure as v1 (83 articles).",
    "zh-daolu-yunshu-tiaoli/v3-2023-07-20.md": "82 articles (one article removed and the rest renumbered, no placeholder).",
    "zh-minshi-susongfa/v1-2021-12-24.md": "4 编, 27 章, 19 节; 第一条-第二百九十一条 (291).",
    "zh-minshi-susongfa/v2-2023-09-01.md": "4 编, 27 章, 20 节; 306 articles (insertions renumber everything after them).",
    "ar-dostour-misr-1923-1930/v1-1923-04-19.txt": (
        "SOURCE DEFECT: 170 'مادة' headings but 169 labels - 'مادة 117' appears twice and 'مادة 116' is missing "
        "(the first '117' is really 116; counted as 170 articles, label 117 duplicated). 4 الفصل (II-V) and 5 الفرع."),
    "ar-dostour-misr-1923-1930/v2-1930-10-22.txt": (
        "SOURCE DEFECT: Articles 57-79 are missing (gap), so 133 articles labelled 1-156; with them the Parliament "
        "fasl heading and the first far' are also missing. 3 الفصل, 4 الفرع."),
    "it-costituzione/v1-2012-04-20-in-force.md": "In force 2012: 134 live + 5 'Abrogato' placeholders (115, 124, 128, 129, 130) = 139 headings.",
    "it-costituzione/v2-2016-01-20-proposal-boschi.md": "Boschi reform text: 132 live + 7 placeholders (58, 99 also abrogated).",
    "it-costituzione/v3-2019-10-12-proposal-taglio.md": "Taglio dei parlamentari text: same structure as v1 (134 + 5).",
}


def note_for(rel: str) -> str:
    folder = rel.split("/")[0]
    base = _NOTES.get(folder, "")
    own = NOTES.get(rel, "")
    return (base + (" " if base and own else "") + own).strip()


if __name__ == "__main__":
    main(sys.argv[1:])
