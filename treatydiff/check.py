"""Stage 5, check: rules from a TOML file evaluated against a Comparison (treatydiff check).

A rules file is a list of ``[[rule]]`` tables. Each rule has a ``name`` and ``forbid`` (a list) and at most
one scope:

- ``article = "5"`` or ``article = "Respect for human rights"``: the article(s) of the OLD draft with that
  number or those title words (the same selectors as ``--article``); followed through renumbering, moves,
  splits and merges. ``forbid`` holds outcomes (``removed``, ``modified``, ``renumbered``, ``moved``,
  ``split``, ``merged``, ``added``), classes (``substantive``: any change that is not editorial only;
  ``editorial``: a change that is editorial only) or flag kinds (``obligation-weakened``, ...). An article
  rule whose article is not in the old draft is itself a failure: a rule that cannot be evaluated must not
  pass silently.
  A renumbered article fails ``renumbered`` whatever else happened to it (an article renumbered and reworded
  is ``modified`` in the report); a moved or renumbered one whose words changed in substance fails
  ``modified``.
- ``term = "dual criminality"``: a phrase (see ``term_pattern``: any case, spacing, hyphenation and quote style,
  determiners and possessives allowed between its words unless ``exact = true``). ``forbid`` holds
  ``removed`` (present in the old draft, nowhere in the new) and/or ``added`` (it appears in a paragraph of an
  article where it was not before, even if the old draft has it elsewhere). With ``article`` too, only that
  article (followed to its successors) is looked at, and ``removed`` means gone from it.
- no scope: the rule applies to every change of the comparison.

``--fail-on X`` is a rule without scope forbidding X; ``--allow SEL`` leaves the changes of the selected
articles out of every rule. Errors in the rules file (TOML syntax, unknown keys, unknown forbid values) raise
``TreatydiffError`` with the file and the line of the mistake.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from treatydiff import lang
from treatydiff.classify import QUOTES
from treatydiff.confusables import skeleton
from treatydiff.errors import TreatydiffError
from treatydiff.model import (
    ArticleChange,
    Comparison,
    DivisionChange,
    FlagKind,
    Kind,
    Outcome,
    Provision,
    Status,
    Verdict,
    Verdicts,
)
from treatydiff.select import Selection, article_matches, matches

OUTCOMES = frozenset(o.value for o in Outcome)
CLASSES = frozenset({"substantive", "editorial"})
FLAGS = frozenset(f.value for f in FlagKind)
TERM_EVENTS = frozenset({"removed", "added"})
RULE_KEYS = frozenset({"name", "article", "term", "forbid", "description", "exact"})


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    forbid: tuple[str, ...]
    article: str | None = None
    term: str | None = None
    line: int | None = None  # where the rule starts in its file
    exact: bool = False  # a term matches word for word (any case and spacing), nothing between its words


@dataclass(frozen=True, slots=True)
class Rules:
    source: str
    rules: tuple[Rule, ...]


# --- reading a rules file --------------------------------------------------------------------------------------


#: The largest rules file read (bytes): a thousand rules fit in a tenth of it.
RULES_MAX_SIZE = 1024 * 1024
#: The most rules one file may hold. Ten thousand is far beyond any negotiation's needs, and keeps a check of
#: them within seconds.
RULES_MAX_COUNT = 10_000
#: The deepest nesting of arrays and inline tables in a rules file. A rules file needs two levels (``[[rule]]``
#: and its ``forbid`` list); Python's TOML reader recurses once per level, so a file nested 100,000 deep would
#: exhaust its stack: the depth is counted before the file is parsed.
RULES_MAX_DEPTH = 100
#: What the depth count steps over: strings (their brackets are text) and comments, and whatever else is not a
#: bracket. A string left open runs to the end of its line (or of the file): the TOML reader stops there anyway, and
#: every token matches at its first try, so the count takes linear time whatever the file holds.
_TOML_TEXT = re.compile(
    r'"""(?:[^\\]|\\.)*?(?:"{3,5}|\Z)'  # a multi-line basic string (it may end with a quote or two of its own)
    r"|'''.*?(?:'{3,5}|\Z)"  # a multi-line literal string
    r'|"(?:[^"\\\n]|\\[^\n])*"?'  # a basic string
    r"|'[^'\n]*'?"  # a literal string
    r"|#[^\n]*"  # a comment
    r"|[^\[\]{}\"'#]+",
    re.S,
)
_TOML_BRACKET = re.compile(rf"{_TOML_TEXT.pattern}|(?P<open>[\[{{])|[\]}}]", re.S)
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def load_rules(path: str | Path) -> Rules:
    """Read and validate a rules file; every mistake is reported with its file and line. It is read as drafts are
    (``read_source``): a device, a FIFO or a file over ``RULES_MAX_SIZE`` is refused unread, and a byte-order
    mark is allowed."""
    from treatydiff.load.decode import read_source

    name = str(path)
    if name == "-":
        raise TreatydiffError(name, "the rules cannot be read from standard input", "give the rules file's path")
    try:
        raw = read_source(path, RULES_MAX_SIZE)
    except TreatydiffError as exc:
        if exc.problem == "no such file":
            raise TreatydiffError(name, "no such rules file", "check the path given to --rules") from None
        raise TreatydiffError(name, exc.problem, "give --rules the path of a TOML file of at most 1 MB") from None
    try:
        text = raw.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TreatydiffError(name, f"cannot read the rules file: {exc}", "save it as UTF-8 text") from None
    return parse_rules(text, name)


def parse_rules(text: str, source: str = "<rules>") -> Rules:
    _refuse_deep_nesting(text, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"at line (\d+)", str(exc))
        line = int(where.group(1)) if where else max(1, len(text.splitlines()))  # "at end of document"
        problem = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        hint = "see the rules format in the README"
        raise TreatydiffError(source, f"not valid TOML: {problem}", hint, line) from None
    except ValueError as exc:  # an integer of more than 4,300 digits (its advice to call Python left out)
        problem = str(exc).split(";")[0]
        raise TreatydiffError(source, f"not valid TOML: {problem}", "see the rules format in the README") from None
    except RecursionError:  # (the depth was counted; this is for a caller already deep in its stack)
        raise TreatydiffError(source, "nested too deeply", "see the rules format in the README") from None
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if re.match(r"\s*\[\[\s*rule\s*\]\]", line)]
    lines = text.splitlines()
    for key in data:
        if key != "rule":
            raise TreatydiffError(
                source, f"unknown top-level key {key!r}", "a rules file holds only [[rule]] tables",
                _key_line(lines, key, 0, len(lines)),
            )
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise TreatydiffError(source, "'rule' must be an array of tables", "write each rule as [[rule]]", 1)
    if len(raw_rules) > RULES_MAX_COUNT:
        raise TreatydiffError(
            source, f"{len(raw_rules):,} rules, more than the {RULES_MAX_COUNT:,} a rules file may hold",
            "merge rules that forbid the same thing (a rule without 'article' covers every article), or split the "
            "file and run check once for each part",
            starts[RULES_MAX_COUNT] if len(starts) > RULES_MAX_COUNT else None,
        )
    rules = []
    for index, raw in enumerate(raw_rules):
        start = starts[index] if index < len(starts) else None
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        rules.append(_rule(raw, index, source, lines, start, end))
    if not rules:
        raise TreatydiffError(source, "no [[rule]] in the rules file", "add at least one rule (see the README)", 1)
    return Rules(source, tuple(rules))


def _refuse_deep_nesting(text: str, source: str) -> None:
    """Arrays and inline tables nested deeper than ``RULES_MAX_DEPTH`` are refused before the TOML reader (which
    recurses once per level) sees them, with the line where the limit is passed. Brackets in strings and comments
    do not count."""
    if text.count("[") + text.count("{") <= RULES_MAX_DEPTH:
        return
    brackets = _TOML_TEXT.sub("", text)
    if max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0) <= RULES_MAX_DEPTH:
        return
    depth, line = 0, None
    for token in _TOML_BRACKET.finditer(text):  # (once more, for the line: only when the file is refused)
        if token.group("open"):
            depth += 1
            if depth > RULES_MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                break
        elif token.group(0) in ("]", "}"):
            depth -= 1
    raise TreatydiffError(
        source, f"arrays or tables nested more than {RULES_MAX_DEPTH} deep",
        "a rule needs two levels, [[rule]] and its forbid list (see the rules format in the README)", line,
    )


def _key_line(lines: list[str], key: str, start: int, end: int) -> int | None:
    pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number in range(start, min(end, len(lines))):
        if pattern.match(lines[number]):
            return number + 1
    return start or None


def _rule(raw: object, index: int, source: str, lines: list[str], start: int | None, end: int) -> Rule:
    if not isinstance(raw, dict):
        raise TreatydiffError(source, f"rule {index + 1} is not a table", "write each rule as [[rule]]", start)

    def fail(problem: str, hint: str, key: str | None = None) -> TreatydiffError:
        line = _key_line(lines, key, start or 0, end) if key and start else start
        return TreatydiffError(source, problem, hint, line)

    for key in raw:
        if key not in RULE_KEYS:
            raise fail(f"unknown key {key!r} in rule {index + 1}", f"use {', '.join(sorted(RULE_KEYS))}", key)
    name = raw.get("name", f"rule {index + 1}")
    article, term, forbid = raw.get("article"), raw.get("term"), raw.get("forbid")
    if not isinstance(name, str) or not name.strip():
        raise fail("'name' must be a non-empty string", 'e.g. name = "Safeguards keep their substance"', "name")
    if article is not None and not (isinstance(article, str) and article.strip()):
        raise fail("'article' must be a non-empty string", 'a number ("5", "4a") or title words', "article")
    if term is not None and not (isinstance(term, str) and term.strip()):
        raise fail("'term' must be a non-empty string", 'e.g. term = "dual criminality"', "term")
    exact = raw.get("exact", False)
    if not isinstance(exact, bool):
        raise fail("'exact' must be true or false", "e.g. exact = true", "exact")
    if exact and term is None:
        raise fail("'exact' applies to term rules only", "remove it, or add a 'term'", "exact")
    if forbid is None:
        raise fail(f"rule {name!r} has no 'forbid' list", 'e.g. forbid = ["removed", "substantive"]')
    if isinstance(forbid, str):
        forbid = [forbid]
    if not isinstance(forbid, list) or not forbid or not all(isinstance(f, str) for f in forbid):
        raise fail("'forbid' must be a list of strings", 'e.g. forbid = ["removed"]', "forbid")
    allowed = TERM_EVENTS if term is not None else OUTCOMES | CLASSES | FLAGS
    for value in forbid:
        if value.lower() not in allowed:
            raise fail(
                f"rule {name!r}: cannot forbid {value!r}",
                f"use one of: {', '.join(sorted(allowed))}", "forbid",
            )
    return Rule(name.strip(), tuple(v.lower() for v in forbid), article, term, start, exact)


def forbid_value(value: str) -> str:
    """A ``--fail-on`` value checked like a rule's ``forbid`` (raises a usage error for unknown ones)."""
    if value.lower() not in OUTCOMES | CLASSES | FLAGS:
        known = ", ".join(sorted(OUTCOMES | CLASSES | FLAGS))
        raise TreatydiffError("--fail-on", f"unknown outcome or flag {value!r}", f"use one of: {known}")
    return value.lower()


# --- evaluating ----------------------------------------------------------------------------------------------


def check(
    comparison: Comparison, rules: Rules | None = None, *, fail_on: Iterable[str] = (), allow: Iterable[str] = ()
) -> Verdicts:
    """Every rule (and each ``--fail-on`` value) evaluated: failed verdicts with the article, file and line a
    reader must look at, and one passed verdict for each rule that found nothing."""
    all_rules = list(rules.rules if rules else ())
    all_rules += [Rule(f"fail-on {value}", (forbid_value(value),)) for value in fail_on]
    allowed = Selection(articles=tuple(allow))
    changes = [c for c in comparison.changes if not (allowed and matches(c, allowed))]
    lookups = _Lookups(comparison, changes)
    verdicts: list[Verdict] = []
    for rule in all_rules:
        if rule.term is not None:
            found = list(_term(rule, lookups))
        elif rule.article is not None:
            found = list(_article(rule, lookups))
        else:
            found = [v for change in changes for v in _violations(rule, change, lookups)]
            if not allowed:  # ``--allow`` names articles; a heading is no article, and stays checked
                found += [v for d in comparison.divisions for v in _heading_violations(rule, d, comparison)]
        verdicts.extend(found or [Verdict(rule.name, Status.PASSED)])
    return Verdicts("check", tuple(r.name for r in all_rules), tuple(verdicts))


class _Lookups:
    """What the rules read of one comparison, worked out once per ``check`` call and dropped with it. Rules files
    repeat themselves (the same article, the same forbid list in many rules), and every term rule reads the same
    texts: so each article selector is looked up once, each forbid list is held against each change once, each
    text is folded (quotes, look-alike letters) once and each term compiled once, instead of once per rule —
    20,000 rules took minutes."""

    def __init__(self, comparison: Comparison, changes: list[ArticleChange]) -> None:
        self.comparison = comparison
        self.changes = changes  # (those --allow leaves to the rules)
        self._scoped: dict[str, list[ArticleChange] | None] = {}
        self._by_old_node: dict[int, list[int]] | None = None
        self._reasons: dict[tuple[tuple[str, ...], int], tuple[str, ...]] = {}
        self._patterns: dict[tuple[str, bool], re.Pattern[str] | None] = {}
        self._texts: dict[int, tuple[tuple[str, str], ...]] | None = None
        self._nodes: dict[str, tuple[list[tuple[Provision, int | None, str, str]], str]] = {}
        self._new_paragraphs: str | None = None
        self._everything: str | None = None

    def scoped(self, selector: str) -> list[ArticleChange] | None:
        """The changes of the old article(s) ``selector`` names, in order; None when the old draft has none."""
        if selector not in self._scoped:
            if self._by_old_node is None:
                self._by_old_node = {}
                for position, change in enumerate(self.changes):
                    for provision in change.match.old:
                        self._by_old_node.setdefault(id(provision.node), []).append(position)
            wanted = [p for p in self.comparison.old.provisions() if article_matches(p, selector)]
            positions = sorted({i for p in wanted for i in self._by_old_node.get(id(p.node), ())})
            self._scoped[selector] = [self.changes[i] for i in positions] if wanted else None
        return self._scoped[selector]

    def reasons(self, forbid: tuple[str, ...], change: ArticleChange) -> tuple[str, ...]:
        key = (forbid, id(change))
        if key not in self._reasons:
            self._reasons[key] = _reasons(forbid, change)
        return self._reasons[key]

    def texts(self, change: ArticleChange) -> tuple[tuple[str, str], ...]:
        """The folded old and new text of each paragraph of ``change`` (one of ``changes``)."""
        if self._texts is None:
            self._texts = {
                id(c): tuple((_folded(p.old_text), _folded(p.new_text)) for p in c.paragraphs) for c in self.changes
            }
        return self._texts[id(change)]

    def new_paragraphs(self) -> str:
        """The new text of every paragraph of ``changes``, folded, in one string: a phrase found nowhere in it is
        new in none of them."""
        if self._new_paragraphs is None:
            self._new_paragraphs = "\n".join(new for change in self.changes for _, new in self.texts(change))
        return self._new_paragraphs

    def nodes(self, side: str) -> tuple[list[tuple[Provision, int | None, str, str]], str]:
        """Every node of the ``old`` or ``new`` draft, in order, with its provision, line and folded text and
        title; and all those texts in one string, where a phrase found nowhere is in none of them."""
        if side not in self._nodes:
            draft = self.comparison.old if side == "old" else self.comparison.new
            entries = [
                (provision, node.line or None, _folded(node.text), _folded(node.title))
                for provision in draft.provisions()
                for node in (provision.node, *(n for part in provision.parts() for n in part.walk()))
            ]
            self._nodes[side] = (entries, "\n".join(t for _, _, text, title in entries for t in (text, title)))
        return self._nodes[side]

    def pattern(self, term: str, exact: bool) -> re.Pattern[str] | None:
        """``term_pattern`` of the term; None when a word of it is in no text of either draft (then the rule can
        find nothing, and is not worth compiling the pattern for)."""
        key = (term, exact)
        if key not in self._patterns:
            if self._everything is None:
                texts = [t for change in self.changes for pair in self.texts(change) for t in pair]
                self._everything = "\n".join([*texts, self.nodes("old")[1], self.nodes("new")[1]])
            words = _folded(term).split()
            everything = self._everything
            present = all(re.search(re.escape(word), everything, re.IGNORECASE) for word in words)
            self._patterns[key] = term_pattern(term, self.comparison.language, exact) if present else None
        return self._patterns[key]


def _scoped(rule: Rule, lookups: _Lookups) -> list[ArticleChange] | Verdict:
    """The changes of the old article(s) ``rule.article`` names; a failed verdict when the old draft has none."""
    selector = rule.article or ""
    scoped = lookups.scoped(selector)
    if scoped is None:
        return Verdict(
            rule.name, Status.FAILED, selector, lookups.comparison.old.source, rule.line,
            f"no article {selector!r} in the old draft, so the rule cannot be checked — fix the rule's 'article'",
        )
    return scoped


def _location(change: ArticleChange, comparison: Comparison) -> tuple[Provision, str]:
    """Where a verdict on ``change`` points: its article in the new draft (in the old one for a removal), and
    that draft's source."""
    if change.match.new:
        return change.match.new[0], comparison.new.source
    return change.match.old[0], comparison.old.source


def _article(rule: Rule, lookups: _Lookups) -> Iterator[Verdict]:
    scoped = _scoped(rule, lookups)
    if isinstance(scoped, Verdict):
        yield scoped
        return
    for change in scoped:
        yield from _violations(rule, change, lookups)


def _violations(rule: Rule, change: ArticleChange, lookups: _Lookups) -> Iterator[Verdict]:
    """What ``rule`` forbids that ``change`` does: its outcome, its class, its flags. The location is the
    article in the new draft (in the old one for a removal)."""
    reasons = lookups.reasons(rule.forbid, change)
    if not reasons:
        return
    where, source = _location(change, lookups.comparison)
    name = _name(change)
    for reason in reasons:
        yield Verdict(
            rule.name, Status.FAILED, _number(where), source, where.node.line or None,
            f"{name}: {reason}", where.node.designation,
        )


def _reasons(forbid: tuple[str, ...], change: ArticleChange) -> tuple[str, ...]:
    """What of ``forbid`` ``change`` does, each reason once, in order."""
    reasons: list[str] = []
    for value in forbid:
        if value in OUTCOMES and change.outcome.value == value:
            reasons.append(f"{value}{_note(change)}")
        elif value == "renumbered" and change.renumbered:
            numbers = f"{_name_numbers(change.match.old)} → {_name_numbers(change.match.new)}"
            reasons.append(f"renumbered ({numbers}; the report says {change.outcome.value})")
        elif value == "modified" and change.outcome in (Outcome.MOVED, Outcome.RENUMBERED) and (
            not change.editorial_only and any(p.outcome is not Outcome.UNCHANGED for p in change.paragraphs)
        ):
            reasons.append(f"modified (the report says {change.outcome.value})")
        elif value == "substantive" and change.outcome is not Outcome.UNCHANGED and not change.editorial_only:
            reasons.append(f"substantive change ({change.outcome.value}{_flags_in_brief(change)})")
        elif value == "editorial" and change.outcome is not Outcome.UNCHANGED and change.editorial_only:
            reasons.append("editorial change")
        elif value in FLAGS:
            for flag in change.flags:
                if flag.kind.value == value:
                    para = f" (para {flag.paragraph})" if flag.paragraph else ""
                    reasons.append(f"{value}: {flag.old_text or '∅'} → {flag.new_text or '∅'}{para}")
    return tuple(dict.fromkeys(reasons))


def _heading_violations(rule: Rule, change: DivisionChange, comparison: Comparison) -> Iterator[Verdict]:
    """What a rule without scope forbids that a division heading's change does: its outcome (a new number
    only is editorial, a new title substantive), its flags."""
    source, line = (comparison.new.source, change.new_line) if change.new else (comparison.old.source, change.old_line)
    name = f"heading {change.old or '∅'} → {change.new or '∅'}"
    editorial = change.outcome is Outcome.RENUMBERED and not change.flags
    reasons: list[str] = []
    for value in rule.forbid:
        if value in OUTCOMES and change.outcome.value == value:
            reasons.append(value)
        elif value == "substantive" and not editorial:
            reasons.append(f"substantive change ({change.outcome.value})")
        elif value == "editorial" and editorial:
            reasons.append("editorial change")
        elif value in FLAGS:
            reasons += [f"{value}: {f.old_text or '∅'} → {f.new_text or '∅'}" for f in change.flags
                        if f.kind.value == value]
    for reason in dict.fromkeys(reasons):
        yield Verdict(rule.name, Status.FAILED, (change.new or change.old).split(" — ")[0], source, line or None,
                      f"{name}: {reason}")


def term_pattern(term: str, language: str = lang.DEFAULT, exact: bool = False) -> re.Pattern[str]:
    """The pattern of a term rule's phrase: its words in order, any case; between two words any whitespace or a
    hyphen ("data protection" = "data-protection"), and unless ``exact`` up to two determiners or possessives of
    the draft's language ("in accordance with domestic law" matches "in accordance with its domestic law"; an
    adjective is no determiner: "the right to a remedy" does not match "the right to an effective remedy")."""
    words = skeleton(term.translate(QUOTES)).split()
    gap = r"(?:\s+|\s*[-\u2010\u2011]\s*)"
    if not exact:
        determiners = lang.get(language).determiners
        optional = "|".join(re.escape(d) for d in sorted(determiners, key=len, reverse=True))
        gap = rf"{gap}(?:(?:{optional}){gap}){{0,2}}"
    body = gap.join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


# A term is looked for in the text's skeleton (``treatydiff.confusables``): "dual criminality" written with a
# Cyrillic "a" (U+0430) counts as the term it passes for (and the compare flags it as look-alike text).
def _folded(text: str) -> str:
    """``text`` as a term pattern reads it: one kind of quote mark, look-alike letters folded (same length)."""
    return skeleton(text.translate(QUOTES)) if text else ""


def _term(rule: Rule, lookups: _Lookups) -> Iterator[Verdict]:
    comparison = lookups.comparison
    old, new = comparison.old, comparison.new
    scoped = lookups.changes
    if rule.article is not None:
        found = _scoped(rule, lookups)
        if isinstance(found, Verdict):
            yield found
            return
        scoped = found
    pattern = lookups.pattern(rule.term or "", rule.exact)
    if pattern is None:  # a word of the term is in neither draft: nothing was removed or added
        return
    if "removed" in rule.forbid:
        if rule.article is None:
            in_old = _find(pattern, lookups, "old")
            if in_old and not _find(pattern, lookups, "new"):
                provision, line = in_old
                yield Verdict(
                    rule.name, Status.FAILED, _number(provision), old.source, line,
                    f"the term {rule.term!r} was in {_where(provision)} of the old draft and is nowhere in the new one",
                    provision.node.designation,
                )
        else:
            texts = [pair for c in scoped for pair in lookups.texts(c)]
            before = any(old_text and pattern.search(old_text) for old_text, _ in texts)
            if before and not any(new_text and pattern.search(new_text) for _, new_text in texts):
                change = scoped[0]
                where, source = _location(change, comparison)
                yield Verdict(
                    rule.name, Status.FAILED, _number(where), source, where.node.line or None,
                    f"the term {rule.term!r} is gone from {_name(change)}", where.node.designation,
                )
    if "added" in rule.forbid and pattern.search(lookups.new_paragraphs()):
        for change in scoped:
            for paragraph, (old_text, new_text) in zip(change.paragraphs, lookups.texts(change), strict=True):
                count = len(pattern.findall(new_text)) if new_text else 0
                if count and count > (len(pattern.findall(old_text)) if old_text else 0):
                    where = change.match.new[0] if change.match.new else change.match.old[0]
                    first = pattern.search(paragraph.new_text.translate(QUOTES))
                    quoted = " ".join(first.group(0).split()) if first else rule.term
                    para = f" (para {paragraph.new_label})" if paragraph.new_label else ""
                    yield Verdict(
                        rule.name, Status.FAILED, _number(where), new.source,
                        paragraph.new_line or where.node.line or None,
                        f"{_name(change)}{para}: the term {rule.term!r} is new here ({quoted!r})",
                        where.node.designation,
                    )
                    break


def _find(pattern: re.Pattern[str], lookups: _Lookups, side: str) -> tuple[Provision, int | None] | None:
    """The first provision (and line) of the ``old`` or ``new`` draft where the phrase appears."""
    entries, everything = lookups.nodes(side)
    if pattern.search(everything) is None:
        return None
    for provision, line, text, title in entries:
        if (text and pattern.search(text)) or (title and pattern.search(title)):
            return provision, line
    return None


def _number(provision: Provision) -> str:
    node = provision.node
    if node.kind is Kind.ANNEX:
        return f"Annex {node.label}".strip()
    if node.kind is Kind.ARTICLE:
        return node.label
    return node.kind.value


def _where(provision: Provision) -> str:
    node = provision.node
    if node.kind is Kind.ARTICLE:  # "Article 5", or as its draft numbers it: "§ 5", "Sec. 2"
        return f"{node.designation or 'Article'} {node.label}"
    return _number(provision)


def _name(change: ArticleChange) -> str:
    old, new = _name_numbers(change.match.old), _name_numbers(change.match.new)
    return old if old == new or not new else new if not old else f"{old} → {new}"


def _name_numbers(provisions: tuple[Provision, ...]) -> str:
    return " + ".join(_where(p) for p in provisions)


def _note(change: ArticleChange) -> str:
    return f" ({change.match.note})" if change.match.note else ""


def _flags_in_brief(change: ArticleChange) -> str:
    kinds = list(dict.fromkeys(f.kind.value for f in change.flags))
    return f"; {', '.join(kinds)}" if kinds else ""
