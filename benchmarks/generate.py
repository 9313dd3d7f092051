"""Synthetic treaty drafts with planted changes, for benchmarking and scoring the aligner.

``make_pair(n_articles, seed) -> (old_md, new_md, truth)`` builds an old draft of ``n_articles`` articles in
Markdown (``## CHAPTER I`` + ``## TITLE`` headings, ``### Article N``, ``#### Title``, numbered paragraphs
``1.`` and points ``(a)``) and a new draft derived from it with known changes:

- articles inserted (every following article is renumbered), removed, moved to another chapter,
  split into two, merged from two neighbours, light word edits (shall -> may, a qualifier added,
  a number changed) in about 10 % of the articles, and the rest left as they were.

``truth`` is the planted alignment: a list of ``(outcome, old_numbers, new_numbers)`` where the numbers are
tuples of article numbers as printed (strings) and ``outcome`` an ``Outcome`` value ("unchanged",
"modified", "renumbered", "moved", "added", "removed", "split", "merged"). Every article of both drafts is
in exactly one entry. The label precedence for one-to-one pairs is moved (other chapter) > modified (words
edited) > renumbered (other number) > unchanged.

Deterministic: the same ``(n_articles, seed)`` always gives the same texts (``random.Random(seed)`` only).

CLI: ``python benchmarks/generate.py --articles 2000 --seed 1 --write DIR`` writes ``DIR/old.md``,
``DIR/new.md`` and ``DIR/truth.json``.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

Truth = list[tuple[str, tuple[str, ...], tuple[str, ...]]]

# --- vocabulary ------------------------------------------------------------------------------------------

SUBJECTS = [
    "Each State Party", "Each Party", "The competent authority", "The requested State Party",
    "The requesting State Party", "The Secretariat", "The Conference of the Parties", "The Commission",
    "The national supervisory authority", "The provider", "The operator", "The depositary",
    "Each Member State", "The designated body", "The central authority", "The implementation committee",
    "Any person concerned", "The notified body", "The market surveillance authority", "The Board",
    "The coordinating authority", "The managing authority", "Every contracting Party", "The Registrar",
]
MODALS = ["shall", "shall", "shall", "shall not", "should", "may", "must"]
VERBS = [
    "adopt", "ensure", "establish", "notify", "maintain", "promote", "facilitate", "provide", "designate",
    "review", "communicate", "publish", "consider", "assess", "monitor", "register", "certify", "record",
    "investigate", "prevent", "suspend", "withdraw", "approve", "coordinate", "support", "verify",
    "document", "evaluate", "transmit", "retain", "disclose", "restrict", "authorise", "supervise",
    "examine", "update", "implement", "strengthen", "protect", "respect", "safeguard", "enforce",
]
ADJECTIVES = [
    "appropriate", "effective", "necessary", "relevant", "technical", "administrative", "legislative",
    "national", "regional", "international", "proportionate", "timely", "adequate", "reasonable",
    "specific", "general", "public", "confidential", "independent", "mutual", "preventive", "judicial",
    "financial", "operational", "scientific", "statistical", "environmental", "electronic", "secure",
    "transparent", "binding", "provisional", "permanent", "annual", "periodic", "comprehensive",
    "sufficient", "essential", "minimum", "maximum", "urgent", "coordinated", "standardised",
    "harmonised", "cross-border", "sectoral", "interim", "voluntary", "mandatory", "prior", "subsequent",
    "institutional", "procedural", "substantive", "digital", "physical", "remote", "local", "central",
]
NOUNS = [
    "measures", "procedures", "records", "information", "data", "documentation", "assistance",
    "cooperation", "evidence", "requests", "decisions", "reports", "notifications", "authorisations",
    "licences", "certificates", "inspections", "audits", "assessments", "safeguards", "remedies",
    "sanctions", "penalties", "guidelines", "standards", "criteria", "registers", "databases", "systems",
    "facilities", "resources", "capacities", "programmes", "plans", "strategies", "policies", "rules",
    "conditions", "requirements", "obligations", "rights", "interests", "risks", "incidents", "breaches",
    "complaints", "appeals", "hearings", "proceedings", "investigations", "prosecutions", "extraditions",
    "transfers", "exports", "imports", "shipments", "emissions", "discharges", "wastes", "substances",
    "products", "services", "devices", "components", "algorithms", "models", "datasets", "logs",
    "identifiers", "signatures", "credentials", "accounts", "payments", "contributions", "budgets",
    "experts", "observers", "delegates", "officials", "inspectors", "agents", "users", "victims",
    "witnesses", "suspects", "minors", "migrants", "workers", "consumers", "communities", "institutions",
    "bodies", "laboratories", "networks", "platforms", "channels", "archives", "samples", "specimens",
    "vessels", "aircraft", "vehicles", "installations", "sites", "territories", "waters", "borders",
    "ports", "zones", "routes", "corridors", "habitats", "species", "resources", "forests", "wetlands",
    "fisheries", "minerals", "chemicals", "pesticides", "pollutants", "materials", "goods", "assets",
    "proceeds", "instruments", "agreements", "arrangements", "protocols", "annexes", "amendments",
    "reservations", "declarations", "ratifications", "accessions", "withdrawals", "disputes",
]
TOPICS = [
    "scope", "definitions", "jurisdiction", "confiscation", "extradition", "mutual legal assistance",
    "data protection", "transparency", "risk management", "record-keeping", "human oversight",
    "accuracy", "robustness", "cybersecurity", "conformity assessment", "market surveillance",
    "penalties", "reporting", "monitoring", "capacity-building", "technical assistance", "financing",
    "dispute settlement", "amendments", "ratification", "entry into force", "reservations",
    "withdrawal", "depositary", "authentic texts", "cooperation", "prevention", "protection of witnesses",
    "protection of victims", "compensation", "liability", "inspection", "certification", "registration",
    "notification", "confidentiality", "training", "public awareness", "research", "exchange of information",
    "joint investigations", "special investigative techniques", "asset recovery", "preservation of data",
    "production orders", "search and seizure", "real-time collection", "interception", "transfer of proceedings",
    "transfer of sentenced persons", "law enforcement cooperation", "statute of limitations",
    "criminalization", "attempt", "participation", "aggravating circumstances", "corporate liability",
]
QUALIFIERS = [
    "in accordance with its domestic law", "as appropriate", "where appropriate", "to the extent possible",
    "without undue delay", "subject to paragraph {p}", "in accordance with article {a}",
    "consistent with its legal system", "upon request", "in a timely manner", "within its means",
    "with due regard to the rights of third parties", "in consultation with the relevant stakeholders",
    "on a reciprocal basis", "where necessary", "in so far as possible",
]
PERIODS = ["within {n} days", "no later than {n} months after the request", "at least every {n} years",
           "for a period of {n} years", "within {n} working days", "not exceeding {n} per cent"]
LINKS = ["for the purposes of", "in respect of", "concerning", "relating to", "arising from",
         "in connection with", "with regard to", "on the basis of", "for the protection of"]
ADDED_QUALIFIERS = [", where appropriate,", ", in accordance with its domestic law,", ", as appropriate,",
                    ", subject to its constitutional principles,"]

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = []
    for value, sym in ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


# --- article texts ---------------------------------------------------------------------------------------


@dataclass
class Para:
    text: str
    points: list[str] = field(default_factory=list)

    def words(self) -> int:
        return len(self.text.split()) + sum(len(p.split()) for p in self.points)


@dataclass
class Article:
    uid: int  # identity in the old draft (its old number) or a fresh id for inserted articles
    title: str
    paras: list[Para]


class Writer:
    """Random but legal-sounding sentences; each article gets a topic (two rare nouns and an adjective)
    that recurs in its sentences so that no two articles read alike."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def phrase(self, topic: tuple[str, str, str]) -> str:
        r = self.rng
        adj, n1, n2 = topic
        choices = [
            f"{r.choice(ADJECTIVES)} {r.choice(NOUNS)}",
            f"{adj} {n1}",
            f"{r.choice(ADJECTIVES)} {n2}",
            f"{r.choice(NOUNS)} {r.choice(LINKS)} {adj} {n1}",
            f"the {r.choice(ADJECTIVES)} {r.choice(NOUNS)} of {r.choice(NOUNS)}",
            f"{n1} and {r.choice(ADJECTIVES)} {n2}",
        ]
        return r.choice(choices)

    def qualifier(self) -> str:
        r = self.rng
        if r.random() < 0.45:
            return r.choice(PERIODS).format(n=r.randint(2, 120))
        return r.choice(QUALIFIERS).format(p=r.randint(1, 5), a=r.randint(1, 80))

    def sentence(self, topic: tuple[str, str, str]) -> str:
        r = self.rng
        parts = [r.choice(SUBJECTS), r.choice(MODALS), r.choice(VERBS), self.phrase(topic)]
        if r.random() < 0.6:
            parts.append(r.choice(LINKS))
            parts.append(self.phrase(topic))
        if r.random() < 0.7:
            parts.append(self.qualifier())
        if r.random() < 0.3:
            parts.append("and " + r.choice(VERBS))
            parts.append(self.phrase(topic))
        return " ".join(parts) + "."

    def paragraph(self, topic: tuple[str, str, str]) -> Para:
        r = self.rng
        while True:
            if r.random() < 0.2:  # a paragraph with points
                lead = f"{r.choice(SUBJECTS)} {r.choice(['shall', 'shall', 'may'])} {r.choice(VERBS)} " \
                       f"{self.phrase(topic)} {r.choice(LINKS)}:"
                n = r.randint(2, 4)
                points = []
                for i in range(n):
                    body = f"{self.phrase(topic)} {r.choice(LINKS)} {self.phrase(topic)}"
                    if r.random() < 0.5:
                        body += " " + self.qualifier()
                    points.append(body + (";" if i < n - 2 else "; and" if i == n - 2 else "."))
                para = Para(lead, points)
            else:
                sentences = [self.sentence(topic)]
                while sum(len(s.split()) for s in sentences) < 20:
                    sentences.append(self.sentence(topic))
                para = Para(" ".join(sentences))
            if 20 <= para.words() <= 60:
                return para

    def topic(self) -> tuple[str, str, str]:
        r = self.rng
        n1, n2 = r.sample(NOUNS, 2)
        return (r.choice(ADJECTIVES), n1, n2)

    def title(self, topic: tuple[str, str, str]) -> str:
        r = self.rng
        base = r.choice(TOPICS)
        form = r.random()
        if form < 0.4:
            text = f"{base} of {topic[1]}"
        elif form < 0.7:
            text = f"{topic[0]} {topic[1]} and {base}"
        else:
            text = f"{base} in respect of {topic[2]}"
        return text[0].upper() + text[1:]

    def article(self, uid: int, n_paras: int | None = None) -> Article:
        topic = self.topic()
        n = n_paras or self.rng.randint(2, 5)
        return Article(uid, self.title(topic), [self.paragraph(topic) for _ in range(n)])


# --- light edits -----------------------------------------------------------------------------------------


def light_edit(article: Article, rng: random.Random) -> Article:
    """One meaning-changing word edit in one paragraph: shall -> may, a qualifier added or a number changed."""
    paras = [Para(p.text, list(p.points)) for p in article.paras]
    kinds = ["shall", "qualifier", "number"]
    rng.shuffle(kinds)
    for kind in kinds:
        order = list(range(len(paras)))
        rng.shuffle(order)
        for i in order:
            p = paras[i]
            words = p.text.split(" ")
            if kind == "shall" and "shall" in words:
                j = words.index("shall")
                if j + 1 < len(words) and words[j + 1] == "not":
                    continue
                words[j] = "may"
                paras[i] = Para(" ".join(words), p.points)
                return Article(article.uid, article.title, paras)
            if kind == "number":
                nums = [j for j, w in enumerate(words) if w.isdigit()]
                if nums:
                    j = nums[0]
                    words[j] = str(int(words[j]) + rng.randint(1, 9))
                    paras[i] = Para(" ".join(words), p.points)
                    return Article(article.uid, article.title, paras)
            if kind == "qualifier":
                for modal in ("shall", "should", "may", "must"):
                    if modal in words:
                        j = words.index(modal)
                        words[j] = modal + rng.choice(ADDED_QUALIFIERS)
                        paras[i] = Para(" ".join(words), p.points)
                        return Article(article.uid, article.title, paras)
    paras[0] = Para(paras[0].text.rstrip(".") + ", where appropriate.", paras[0].points)
    return Article(article.uid, article.title, paras)


# --- drafts ----------------------------------------------------------------------------------------------


def chapter_titles(n: int, rng: random.Random) -> list[str]:
    seen: set[str] = set()
    out = []
    while len(out) < n:
        t = f"{rng.choice(TOPICS)} and {rng.choice(TOPICS)}".upper() if rng.random() < 0.5 else \
            f"{rng.choice(ADJECTIVES)} {rng.choice(TOPICS)}".upper()
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def render(name: str, chapters: list[tuple[str, list[Article]]], numbers: dict[int, str] | None = None,
           start: int = 1) -> tuple[str, dict[int, str]]:
    """Markdown of a draft; returns the text and the number each article got (by its position key)."""
    out = [f"# {name}", "", "The States Parties to this Convention,", "",
           "Have agreed as follows:", ""]
    number = start
    assigned: dict[int, str] = {}
    for ci, (title, articles) in enumerate(chapters, 1):
        out += [f"## CHAPTER {roman(ci)}", "", f"## {title}", ""]
        for art in articles:
            assigned[id(art)] = str(number)
            out += [f"### Article {number}", "", f"#### {art.title}", ""]
            for pi, para in enumerate(art.paras, 1):
                out += [f"{pi}. {para.text}", ""]
                for qi, point in enumerate(para.points):
                    out += [f"({chr(ord('a') + qi)}) {point}", ""]
            number += 1
    return "\n".join(out), assigned


def make_pair(n_articles: int, seed: int = 0) -> tuple[str, str, Truth]:
    """An old draft of ``n_articles`` articles, a new draft with planted changes, and the true alignment."""
    rng = random.Random(seed)
    writer = Writer(rng)
    n_chapters = max(2, round(n_articles / 20))
    titles = chapter_titles(n_chapters, rng)
    # chapter sizes: random cut points, every chapter at least one article
    cuts = sorted(rng.sample(range(1, n_articles), n_chapters - 1)) if n_articles > n_chapters else \
        list(range(1, n_chapters))
    bounds = [0, *cuts, n_articles]
    old_chapters: list[tuple[str, list[Article]]] = []
    uid = 0
    for ci in range(n_chapters):
        arts = []
        for _ in range(bounds[ci], bounds[ci + 1]):
            uid += 1
            arts.append(writer.article(uid))
        old_chapters.append((titles[ci], arts))
    old_md, old_numbers = render("Convention on Synthetic Cooperation — old draft", old_chapters)
    old_num = {a.uid: old_numbers[id(a)] for _, arts in old_chapters for a in arts}
    chapter_of = {a.uid: ci for ci, (_, arts) in enumerate(old_chapters) for a in arts}

    # --- choose the planted operations (disjoint: each old article gets at most one) ---
    count = lambda share: max(1, round(n_articles * share))  # noqa: E731
    free = set(old_num)
    ops: dict[int, str] = {}

    def take(pred, k):  # type: ignore[no-untyped-def]
        pool = sorted(u for u in free if pred(u))
        picked = rng.sample(pool, min(k, len(pool)))
        for u in picked:
            free.discard(u)
        return picked

    by_uid = {a.uid: a for _, arts in old_chapters for a in arts}
    pool = [u for u in sorted(free) if chapter_of.get(u + 1) == chapter_of[u]]
    rng.shuffle(pool)
    want = count(0.01)
    for u in pool:
        if want == 0:
            break
        if u in free and u + 1 in free:
            free.discard(u)
            free.discard(u + 1)
            ops[u], ops[u + 1] = "merge-first", "merge-second"
            want -= 1
    for u in take(lambda u: len(by_uid[u].paras) >= 3, count(0.01)):
        ops[u] = "split"
    for u in take(lambda u: True, count(0.03)):
        ops[u] = "remove"
    for u in take(lambda u: True, count(0.02)):
        ops[u] = "move"
    for u in take(lambda u: True, count(0.10)):
        ops[u] = "edit"

    # --- build the new draft ---
    new_chapters: list[tuple[str, list[Article]]] = [(t, []) for t in titles]
    origin: dict[int, tuple[str, tuple[int, ...]]] = {}  # id(new article) -> (kind, old uids)
    moved: list[Article] = []
    fresh_uid = 10 ** 9
    for ci, (_, arts) in enumerate(old_chapters):
        target = new_chapters[ci][1]
        for a in arts:
            op = ops.get(a.uid)
            if op == "remove":
                continue
            if op == "merge-second":
                continue
            if op == "move":
                moved.append(a)
                continue
            if op == "merge-first":
                b = by_uid[a.uid + 1]
                merged = Article(a.uid, a.title, [*a.paras, *b.paras])
                target.append(merged)
                origin[id(merged)] = ("merged", (a.uid, b.uid))
            elif op == "split":
                cut = rng.randint(1, len(a.paras) - 1)
                first = Article(a.uid, a.title, a.paras[:cut])
                further = f"Further {a.title[0].lower()}{a.title[1:]}"
                second_title = f"{a.title} — procedure" if rng.random() < 0.5 else further
                second = Article(a.uid, second_title, a.paras[cut:])
                target += [first, second]
                origin[id(first)] = ("split", (a.uid,))
                origin[id(second)] = ("split", (a.uid,))
            elif op == "edit":
                edited = light_edit(a, rng)
                target.append(edited)
                origin[id(edited)] = ("modified", (a.uid,))
            else:
                copy = Article(a.uid, a.title, a.paras)
                target.append(copy)
                origin[id(copy)] = ("same", (a.uid,))
    for a in moved:  # into another chapter, at a random place
        others = [ci for ci in range(n_chapters) if ci != chapter_of[a.uid]]
        ci = rng.choice(others)
        arts = new_chapters[ci][1]
        copy = Article(a.uid, a.title, a.paras)
        arts.insert(rng.randint(0, len(arts)), copy)
        origin[id(copy)] = ("moved", (a.uid,))
    for _ in range(count(0.03)):  # insertions, anywhere
        ci = rng.randrange(n_chapters)
        arts = new_chapters[ci][1]
        fresh_uid += 1
        fresh = writer.article(fresh_uid)
        arts.insert(rng.randint(0, len(arts)), fresh)
        origin[id(fresh)] = ("added", ())

    new_md, new_numbers = render("Convention on Synthetic Cooperation — new draft", new_chapters)

    # --- the truth ---
    truth: Truth = []
    split_parts: dict[int, list[str]] = {}
    for ci, (_, arts) in enumerate(new_chapters):
        for a in arts:
            kind, uids = origin[id(a)]
            num = new_numbers[id(a)]
            if kind == "added":
                truth.append(("added", (), (num,)))
            elif kind == "merged":
                truth.append(("merged", tuple(old_num[u] for u in uids), (num,)))
            elif kind == "split":
                split_parts.setdefault(uids[0], []).append(num)
            else:
                (u,) = uids
                if kind == "moved" or chapter_of[u] != ci:
                    label = "moved"
                elif kind == "modified":
                    label = "modified"
                elif old_num[u] != num:
                    label = "renumbered"
                else:
                    label = "unchanged"
                truth.append((label, (old_num[u],), (num,)))
    for u, nums in split_parts.items():
        truth.append(("split", (old_num[u],), tuple(nums)))
    for u, op in sorted(ops.items()):
        if op == "remove":
            truth.append(("removed", (old_num[u],), ()))
    return old_md, new_md, truth


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic pair of treaty drafts with planted changes.")
    parser.add_argument("--articles", "-n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", type=Path, required=True, metavar="DIR",
                        help="folder to write old.md, new.md and truth.json into")
    args = parser.parse_args()
    old, new, truth = make_pair(args.articles, args.seed)
    args.write.mkdir(parents=True, exist_ok=True)
    (args.write / "old.md").write_text(old, encoding="utf-8")
    (args.write / "new.md").write_text(new, encoding="utf-8")
    (args.write / "truth.json").write_text(
        json.dumps([{"outcome": o, "old": list(a), "new": list(b)} for o, a, b in truth], indent=1),
        encoding="utf-8")
    counts: dict[str, int] = {}
    for o, _, _ in truth:
        counts[o] = counts.get(o, 0) + 1
    print(f"wrote {args.write}/old.md, new.md, truth.json: {args.articles} articles, "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
