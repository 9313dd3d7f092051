"""Stage 4, render: what the four verdict renderers (text, json, github, junit) share about reading ``Verdicts``."""

from __future__ import annotations

from treatydiff.model import Verdict, Verdicts

#: What one rule is called in each command's reports: check evaluates rules, lint runs checks.
NOUNS = {"check": ("rule", "rules"), "lint": ("check", "checks")}


def by_rule(verdicts: Verdicts) -> tuple[tuple[str, tuple[Verdict, ...]], ...]:
    """Every rule that ran, in order, with its failed verdicts (empty: the rule passed). A rule that only
    appears in a verdict, not in ``verdicts.rules``, is added after the others so no failure is lost."""
    names = list(dict.fromkeys((*verdicts.rules, *(v.rule for v in verdicts.verdicts))))
    failures: dict[str, list[Verdict]] = {name: [] for name in names}
    for verdict in verdicts.failures():  # one pass: 10,000 rules by their findings took 31 s
        failures[verdict.rule].append(verdict)
    return tuple((name, tuple(found)) for name, found in failures.items())


def noun(verdicts: Verdicts, count: int) -> str:
    """"rule"/"rules" for check, "check"/"checks" for lint."""
    singular, plural = NOUNS.get(verdicts.command, ("rule", "rules"))
    return singular if count == 1 else plural


def summary(verdicts: Verdicts) -> str:
    """"2 of 5 rules failed (3 findings)", or "clean: 5 rules passed"."""
    groups = by_rule(verdicts)
    failed = sum(1 for _, failures in groups if failures)
    findings = len(verdicts.failures())
    if not findings:
        return f"clean: {len(groups)} {noun(verdicts, len(groups))} passed"
    text = f"{failed} of {len(groups)} {noun(verdicts, len(groups))} failed"
    if findings != failed:
        text += f" ({findings} findings)"
    return text


def article_label(article: str, designation: str = "") -> str:
    """"5" -> "Art. 5" ("Sec. 5" with ``designation`` "Sec.", the word the article's draft numbers it under);
    "Annex I", "Preamble" and the like as they are; "" stays empty (the whole draft)."""
    if not article:
        return ""
    if designation:
        return f"{designation} {article}"
    if article.split()[0].lower() in ("annex", "preamble", "article", "art.", "chapter", "part", "section"):
        return article
    return f"Art. {article}"


def location(verdict: Verdict) -> str:
    """"rev2.md:14", "rev2.md" when the line is unknown, "" when the file is."""
    if not verdict.file:
        return ""
    return f"{verdict.file}:{verdict.line}" if verdict.line else verdict.file


def one_line(text: str) -> str:
    """A message on one line: a CI log line or an XML attribute must not break."""
    return " ".join(text.split())


def finding(verdict: Verdict) -> str:
    """"Art. 5 — rev2.md:14 — message": the parts of one failed verdict that are known, without the rule."""
    name = article_label(verdict.article, verdict.designation)
    return " — ".join(p for p in (name, location(verdict), one_line(verdict.message)) if p)
