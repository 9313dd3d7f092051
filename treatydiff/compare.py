"""Stages 2-3 together: two Drafts -> a Comparison (align the articles, align their paragraphs, redline each
paragraph pair, classify the edits). Pure: no I/O, no colours; with ``jobs``, a large pair's articles are worked
out half in a forked process (``treatydiff.fork``), to the same result."""

from __future__ import annotations

import bisect
import difflib
import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from treatydiff import classify, fork, lang
from treatydiff.align import Budget, align_report, in_order, words
from treatydiff.diff import PAIR_TIME_LIMIT, count_words, word_diff_within
from treatydiff.model import (
    DIVISION_KINDS,
    ArticleChange,
    Comparison,
    Diagnostic,
    DiffOptions,
    DivisionChange,
    Draft,
    Edit,
    Flag,
    FlagKind,
    Kind,
    Match,
    Node,
    Op,
    Outcome,
    ParagraphChange,
    Provision,
    Severity,
    Totals,
    label_value,
)
from treatydiff.perf import collector_paused
from treatydiff.sequence import longest_increasing

#: Units of two articles with word overlap (Dice of word sets) below this are not the same paragraph.
MIN_UNIT_SIMILARITY = 0.5
#: Above this many unit pairs, paragraphs are aligned in order only (difflib), not all against all.
MAX_UNIT_PAIRS = 40_000


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph, point or item (or a title) of a provision, as the paragraph aligner sees it."""

    label: str
    text: str
    line: int
    heading: bool = False  # a title of the provision or of a division in it: no flags of legal meaning


def units(provisions: Sequence[Provision]) -> list[Unit]:
    out: list[Unit] = []
    for provision in provisions:
        node = provision.node
        if node.title:
            out.append(Unit("title", node.title, node.line, heading=True))
        if node.text:
            out.append(Unit("", node.text, node.line))
        for child in provision.parts():
            out.extend(_units(child))
    return out


def _units(node: Node) -> list[Unit]:
    out = []
    if node.kind in (Kind.ARTICLE, Kind.ANNEX, Kind.DIVISION, Kind.PART, Kind.CHAPTER, Kind.SECTION) and node.title:
        out.append(Unit(f"{node.kind.value} {node.label}".strip(), node.title, node.line, heading=True))
    if node.text or (node.label and not node.children):
        out.append(Unit(node.label, node.text, node.line))
    for child in node.children:
        out.extend(_units(child))
    return out


def _unit_key(unit: Unit, with_label: bool) -> tuple[str, str]:
    return (unit.text, label_value(unit.label) if with_label else "")


def align_units(old: list[Unit], new: list[Unit]) -> list[tuple[int | None, int | None]]:
    """Pairs of old/new unit indices (None on one side for removed/added), in the order of the new units with
    removed ones where they stood. Identical texts pair first, then the most similar pairs, globally."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for with_label in (True, False):  # same words and same number first, then same words
        by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        for j, unit in enumerate(new):
            if j not in taken:
                by_key[_unit_key(unit, with_label)].append(j)
        for i, unit in enumerate(old):
            key = _unit_key(unit, with_label)
            if i not in pairs and by_key.get(key):
                pairs[i] = by_key[key].pop(0)
                taken.add(pairs[i])
    rest_old = [i for i in range(len(old)) if i not in pairs]
    rest_new = [j for j in range(len(new)) if j not in taken]
    if rest_old and rest_new:
        if len(rest_old) * len(rest_new) <= MAX_UNIT_PAIRS:
            old_words = {i: set(words(old[i].text)) for i in rest_old}
            new_words = {j: set(words(new[j].text)) for j in rest_new}
            ranked = []
            for i in rest_old:
                a = old_words[i]
                for j in rest_new:
                    b = new_words[j]
                    size = len(a) + len(b)
                    titles = old[i].label == new[j].label == "title"
                    if not titles and 2 * min(len(a), len(b)) < MIN_UNIT_SIMILARITY * size:
                        continue  # too different in size for the overlap to reach the threshold
                    score = 2 * len(a & b) / size if size else 1.0  # Dice of the word sets
                    if score >= MIN_UNIT_SIMILARITY or titles:
                        ranked.append((-score, abs(i / len(old) - j / len(new)), i, j))
            ranked.sort()
            for _, _, i, j in ranked:
                if i not in pairs and j not in taken:
                    pairs[i] = j
                    taken.add(j)
            _reseat_units(old, new, pairs, taken, old_words, new_words)
        else:
            matcher = difflib.SequenceMatcher(None, [old[i].text for i in rest_old], [new[j].text for j in rest_new])
            for tag, a0, a1, b0, b1 in matcher.get_opcodes():
                if tag == "replace":
                    for k in range(min(a1 - a0, b1 - b0)):
                        pairs[rest_old[a0 + k]] = rest_new[b0 + k]
    # order: new units in order; an unmatched old unit goes right after the old unit before it
    result: list[tuple[int | None, int | None]] = []
    old_of_new = {j: i for i, j in pairs.items()}
    pending_old = [i for i in range(len(old)) if i not in pairs]
    after: dict[int | None, list[int]] = defaultdict(list)
    for i in pending_old:
        prev = next((k for k in range(i - 1, -1, -1) if k in pairs), None)
        after[prev].append(i)
    for k in after.pop(None, []):
        result.append((k, None))
    for j in range(len(new)):
        source = old_of_new.get(j)
        result.append((source, j))
        if source is not None:
            for k in after.pop(source, []):
                result.append((k, None))
    for leftover in after.values():
        result.extend((k, None) for k in leftover)
    return result


#: A paragraph paired out of the order of its neighbours gives way to one in its place that holds this much of
#: its distinctive words (IDF over the paragraphs of the two articles) and is not beaten by ``UNIT_MARGIN``.
UNIT_HELD = 0.6
UNIT_MARGIN = 0.15


def _reseat_units(
    old: list[Unit], new: list[Unit], pairs: dict[int, int], taken: set[int],
    old_words: dict[int, set[str]], new_words: dict[int, set[str]],
) -> None:
    """Order as evidence inside an article (as ``align._reseat`` between articles): a paragraph paired out of the
    order of its neighbours, and not identical to its partner, moves to the unpaired paragraph standing where
    it would (between the partners of its neighbours in order) that holds at least ``UNIT_HELD`` of its
    distinctive words, unless the pair out of order holds ``UNIT_MARGIN`` more. A clause widened and rewritten
    ("exclusively for military purposes" -> "exclusively for military, defence or national security purposes")
    is then redlined against its successor, not against a new paragraph elsewhere that shares the formula
    "This Regulation shall not apply to"."""
    skeleton = in_order(pairs)
    on = set(skeleton)
    if len(on) == len(pairs):
        return
    # every paragraph of the two articles weighs the words; those left to pair have their word sets already
    df = Counter(w for unit in (*old, *new) for w in set(words(unit.text)))
    weight = {w: math.log(1 + (len(old) + len(new)) / count) for w, count in df.items()}

    def held(i: int, j: int) -> float:  # both are among the paragraphs left after the identical ones
        a, b = old_words[i], new_words[j]
        size = sum(weight[w] for w in a)
        return sum(weight[w] for w in a & b) / size if size else 0.0

    marks = [i for i, _ in skeleton]
    anchors = [(-1, -1), *skeleton, (len(old), len(new))]
    for i, j in sorted(pairs.items()):
        if (i, j) in on or old[i].text == new[j].text or old[i].heading:
            continue
        at = bisect.bisect_left(marks, i)
        low, high = anchors[at][1], anchors[at + 1][1]
        in_place = [(held(i, k), -k) for k in range(low + 1, high) if k not in taken and not new[k].heading]
        if not in_place:
            continue
        share, k = max(in_place)
        if share >= UNIT_HELD and held(i, j) < share + UNIT_MARGIN:
            taken.discard(j)
            taken.add(-k)
            pairs[i] = -k


def _moved_units(pairs: list[tuple[int | None, int | None]]) -> set[int]:
    """Old indices of matched units that are out of order: not on the longest increasing run."""
    seq = [(i, j) for i, j in pairs if i is not None and j is not None]
    olds = [i for i, _ in seq]
    # the longest increasing run of old indices in new order stays; the rest moved
    keep = {olds[k] for k in longest_increasing(olds)}
    return set(olds) - keep


NO_CHAPTER = "(no chapter)"


def _top_division(provision: Provision) -> str:
    return provision.path[0] if provision.path else NO_CHAPTER


def _division_map(matches: Sequence[Match]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Which new division each old division became: where most of its articles went."""
    votes: dict[tuple[str, ...], Counter[tuple[str, ...]]] = defaultdict(Counter)
    for match in matches:
        if len(match.old) == 1 and len(match.new) == 1:
            votes[_key(match.old[0])][_key(match.new[0])] += 1
    return {old: counter.most_common(1)[0][0] for old, counter in votes.items()}


def _chapter_names(
    matches: Sequence[Match], divisions: dict[tuple[str, ...], tuple[str, ...]]
) -> Callable[[Match], str]:
    """The top-level division each match is counted under: the new draft's heading; for a removal, the heading
    of the new division its old one became (where most of its articles went), else its own old heading."""
    new_heading: dict[str, str] = {}
    for match in matches:
        if match.new and match.new[0].path:
            new_heading.setdefault(_key(match.new[0])[0], match.new[0].path[0])
    top_map = {old[0]: new[0] for old, new in divisions.items() if old and new}

    def name(match: Match) -> str:
        if match.new:
            return _top_division(match.new[0])
        provision = match.old[0]
        if not provision.path:
            return NO_CHAPTER
        return new_heading.get(top_map.get(_key(provision)[0], ""), provision.path[0])

    return name


def _key(provision: Provision) -> tuple[str, ...]:
    """A division path by its numbers (titles get edited), e.g. ("chapter II", "section 1")."""
    return tuple(part.split(" — ")[0].casefold() for part in provision.path)


def compare(old: Draft, new: Draft, options: DiffOptions = DiffOptions(), *, jobs: int | None = 1) -> Comparison:
    """What changed from ``old`` to ``new``: every article and annex of both in exactly one change. With
    ``jobs`` 2 or more (None: one per core), a large pair's articles are redlined and classified half in a forked
    worker (``fork.in_two``, Linux only): the same Comparison, sooner on two cores."""
    with collector_paused():
        return _compare(old, new, options, jobs)


@dataclass(slots=True)
class _Clock:
    """The time budget of one comparison (a ``time.perf_counter`` deadline, None: none), and how many
    paragraph pairs got a coarser redline than usual because of it."""

    deadline: float | None
    coarse: int = 0
    gave_up: int = 0

    def warnings(self, budget: float | None) -> list[Diagnostic]:
        out = []
        if self.coarse:
            out.append(
                Diagnostic(
                    f"redlines: the time budget of {budget:g} s was used up; {self.coarse} paragraph pair(s) are "
                    "shown as whole replacements (old text deleted, new text inserted) — raise the time budget "
                    "(--time-budget SECONDS, or none), or compare smaller files"
                )
            )
        if self.gave_up:
            out.append(
                Diagnostic(
                    f"redlines: the word diff of {self.gave_up} paragraph pair(s) ran out of time "
                    f"({PAIR_TIME_LIMIT:g} s per pair) or words and is coarser than usual (whole phrases replaced)"
                )
            )
        return out


def _compare(old: Draft, new: Draft, options: DiffOptions, jobs: int | None) -> Comparison:
    if options.language is not None and options.language not in lang.codes():  # said before any work is done
        raise ValueError(f"unknown language {options.language!r} — use one of: {', '.join(lang.codes())}")
    budget = options.time_budget
    clock = _Clock(None if budget is None else time.perf_counter() + budget)
    matches, warnings = align_report(old, new, Budget(options.max_candidate_work, clock.deadline))
    renumbered = {m.old[0].node.label: m.new[0].node.label for m in matches if len(m.old) == 1 and len(m.new) == 1}
    refs = classify.References(
        renumbered=renumbered,
        old_numbers=frozenset(p.node.label for p in old.articles() if not p.node.deleted),
        new_numbers=frozenset(p.node.label for p in new.articles() if not p.node.deleted),
    )
    divisions = _division_map(matches)
    chapters = _chapter_names(matches, divisions)
    language = options.language or new.language or old.language or lang.detect(
        new.sample(lang.SAMPLE_WORDS) or old.sample(lang.SAMPLE_WORDS))
    if language not in lang.codes():
        warnings = (*warnings, Diagnostic(
            f"flags: the new draft seems to be in {lang.name(language)}, which treatydiff has no legal vocabulary for "
            f"yet; its legal-meaning flags were read with the English one and will miss most changes — read the "
            "redlines"
        ))
        language = lang.DEFAULT
    changes = _without_moved_duties([
        replace(change, chapter=chapters(m))
        for m, change in zip(matches, _changes(matches, refs, divisions, options, clock, language, (old, new), jobs),
                             strict=True)
    ])
    order = {id(p.node): k for k, p in enumerate(new.provisions())}
    old_order = {id(p.node): k for k, p in enumerate(old.provisions())}
    # position in the new draft; a removal stands after the new place of the old provisions before it
    new_pos_of_old: dict[int, int] = {}
    for change in changes:
        if change.match.new:
            for p in change.match.old:
                new_pos_of_old[old_order[id(p.node)]] = order[id(change.match.new[0].node)]
    running, furthest = -1, []  # furthest[k]: the latest new position of the old provisions 0..k-1
    for k in range(len(old_order) + 1):
        furthest.append(running)
        running = max(running, new_pos_of_old.get(k, -1))

    def sort_key(change: ArticleChange) -> tuple[float, float]:
        if change.match.new:
            return (order[id(change.match.new[0].node)], 0.0)
        k = old_order[id(change.match.old[0].node)]
        return (furthest[k], 0.5 + k / 1e6)

    changes.sort(key=sort_key)
    headings = _division_changes(old, new, matches, refs, clock, language, options.ignore)
    return Comparison(
        old,
        new,
        tuple(changes),
        totals(changes, node_words(old.walk()), node_words(new.walk()), headings),
        (*warnings, *clock.warnings(budget)),
        language,
        headings,
    )


# --- division headings ------------------------------------------------------------------------------------
#
# A chapter retitled "Voluntary guidance only, not binding" changes what its articles mean, though not one of
# their words. Divisions are not aligned by their words (a heading has too few): each old division goes where
# most of its articles went, level by level; what is left pairs by number; the rest came or went.


@dataclass(frozen=True, slots=True)
class _Division:
    key: tuple[str, ...]  # its path by numbers, itself included (``_key``)
    node: Node
    path: tuple[str, ...]  # the headings above it
    order: int


def _divisions(draft: Draft) -> list[_Division]:
    """The divisions whose heading is not compared elsewhere: outside annexes (an annex's parts are in its
    own redline), with no loose text (a division with text of its own is a provision), not a whole text."""
    found: list[_Division] = []
    stack: list[tuple[tuple[Node, ...], tuple[str, ...], tuple[str, ...]]] = [(draft.nodes, (), ())]
    while stack:  # iterative: the depth of a tree is the input's to choose
        nodes, path, keys = stack.pop()
        for node in reversed(nodes):
            if node.kind not in DIVISION_KINDS:
                continue
            heading = node.heading()
            key = (*keys, heading.split(" — ")[0].casefold())
            if node.kind is not Kind.TEXT and not Provision(node, path).parts():
                found.append(_Division(key, node, path, 0))
            stack.append((node.children, (*path, heading), key))
    found.sort(key=lambda d: d.node.line)
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for k, division in enumerate(found):
        seen[division.key] += 1  # a second "Chapter I" (a text that restarts its numbering) is a division too
        count = seen[division.key]
        key = division.key if count == 1 else (*division.key[:-1], f"{division.key[-1]}#{count}")
        out.append(replace(division, key=key, order=k))
    return out


def _division_pairs(
    old: list[_Division], new: list[_Division], matches: Sequence[Match]
) -> list[tuple[_Division | None, _Division | None]]:
    votes: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
    for match in matches:
        if len(match.old) == 1 and len(match.new) == 1:
            a, b = _key(match.old[0]), _key(match.new[0])
            for depth in range(min(len(a), len(b))):
                votes[a[: depth + 1], b[: depth + 1]] += 1
    old_by_key = {d.key: d for d in old}
    new_by_key = {d.key: d for d in new}
    paired: dict[tuple[str, ...], tuple[str, ...]] = {}
    taken: set[tuple[str, ...]] = set()
    for (a, b), _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        if a in old_by_key and b in new_by_key and a not in paired and b not in taken:
            paired[a] = b
            taken.add(b)
    for key in old_by_key:
        if key not in paired and key in new_by_key and key not in taken:
            paired[key] = key
            taken.add(key)
    pairs: list[tuple[_Division | None, _Division | None]] = [
        (old_by_key[a], new_by_key[b]) for a, b in paired.items()
    ]
    pairs += [(d, None) for d in old if d.key not in paired]
    pairs += [(None, d) for d in new if d.key not in taken]
    return pairs


def _division_changes(
    old: Draft, new: Draft, matches: Sequence[Match], refs: classify.References, clock: _Clock, language: str,
    ignore: frozenset[str],
) -> tuple[DivisionChange, ...]:
    olds, news = _divisions(old), _divisions(new)
    pairs = _division_pairs(olds, news, matches)
    went = sorted((a.order, b.order) for a, b in pairs if a and b)  # old place -> new place
    out: list[tuple[float, DivisionChange]] = []
    for a, b in pairs:
        old_heading = a.node.heading() if a else ""
        new_heading = b.node.heading() if b else ""
        if a and b and old_heading == new_heading and a.node.lookalikes == b.node.lookalikes:
            continue
        old_title, new_title = (a.node.title if a else ""), (b.node.title if b else "")
        if a and b and ignore and old_heading.split(" — ")[0] == new_heading.split(" — ")[0] and (
            classify.ignored_form(old_title, ignore, language) == classify.ignored_form(new_title, ignore, language)
        ):
            continue  # only what --ignore names changed
        edits, _ = word_diff_within(old_title, new_title, clock.deadline)
        found = classify.classify(old_title, new_title, edits, refs, paragraph="title", language=language,
                                  heading=True)
        flags = list(found.flags)
        before = set(a.node.lookalikes) if a else set()
        flags += [Flag(FlagKind.LOOKALIKE_TEXT, "", new_heading, "title", note=said)
                  for said in (b.node.lookalikes if b else ()) if said not in before]
        if a is None:
            outcome = Outcome.ADDED
        elif b is None:
            outcome = Outcome.REMOVED
        else:
            outcome = Outcome.RENUMBERED if old_title == new_title and not flags else Outcome.MODIFIED
        # where it stands in the new draft: its own place, or (removed) after where the division before it went
        where = float(b.order) if b else max((n + 0.5 for o, n in went if a and o < a.order), default=-0.5)
        side = b or a
        assert side is not None  # a pair has one side at least
        plus, minus = edit_words(edits, count_words(new_title) - count_words(old_title))
        out.append((where, DivisionChange(
            outcome, old_heading, new_heading, edits, tuple(dict.fromkeys(flags)),
            a.node.line if a else 0, b.node.line if b else 0, side.path,
            plus, minus,
            bool(a and b) and found.editorial and not flags and old_title != new_title,
        )))
    out.sort(key=lambda item: item[0])
    return tuple(change for _, change in out)


#: A pair's articles are redlined in two processes (``jobs`` 2 or more) when those that changed hold at least this
#: many characters: below it, the fork and the transfer of the results cost more than the half of the work they
#: save. (The AI Act's v01 -> v10: 430,000 characters in changed articles, the changes 0.43 s in one process.)
FORK_CHARS = 100_000


def _changes(
    matches: Sequence[Match],
    refs: classify.References,
    divisions: dict[tuple[str, ...], tuple[str, ...]],
    options: DiffOptions,
    clock: _Clock,
    language: str,
    drafts: tuple[Draft, Draft],
    jobs: int | None,
) -> list[ArticleChange]:
    """``_change`` of each match, in order; with ``jobs`` 2 or more (None: one per core), half of them in a
    forked worker."""

    def work(indices: Sequence[int]) -> tuple[list[ArticleChange], int, int]:
        own = _Clock(clock.deadline)
        return [_change(matches[k], refs, divisions, options, own, language) for k in indices], own.coarse, own.gave_up

    halves = None
    if fork.processes(jobs) >= 2:
        from treatydiff.vocabulary import vocabulary

        vocabulary(language)  # compiled once, before the fork, not once in each process
        # the worker takes changed articles only: the redline of one whose words stayed is its whole text, which
        # would cost more to send back than to work out here
        same = [_words_stayed(m) for m in matches]
        costs = [_size(m) // 5 if stayed else _size(m) for m, stayed in zip(matches, same, strict=True)]
        halves = fork.in_two(work, costs, drafts, FORK_CHARS, [not stayed for stayed in same])
    if halves is None:
        return [_change(m, refs, divisions, options, clock, language) for m in matches]
    out: list[ArticleChange | None] = [None] * len(matches)
    for indices, (changes, coarse, gave_up) in halves:
        for k, change in zip(indices, changes, strict=True):
            out[k] = change
        clock.coarse += coarse
        clock.gave_up += gave_up
    return [change for change in out if change is not None]


def _words_stayed(match: Match) -> bool:
    """Whether the aligner found the same words on both sides of a 1:1 match."""
    return match.score >= 1.0 and len(match.old) == len(match.new) == 1


def _size(match: Match) -> int:
    """The characters of a match's texts: about how much work ``_change`` has with it, a fifth of it where the
    words stayed (measured: 0.4-0.7 microseconds a character of a changed article, 0.08-0.16 of one whose words
    stayed, on the AI Act and on the 20,000-article generated pair)."""
    return sum(len(node.text) + len(node.title) for p in (*match.old, *match.new) for node in p.node.walk())


def _change(
    match: Match,
    refs: classify.References,
    divisions: dict[tuple[str, ...], tuple[str, ...]],
    options: DiffOptions,
    clock: _Clock,
    language: str,
) -> ArticleChange:
    old_units, new_units = units(match.old), units(match.new)
    pairs = align_units(old_units, new_units)
    moved = _moved_units(pairs)
    paragraphs: list[ParagraphChange] = []
    flags: list[Flag] = []
    editorial = True
    inserted = deleted = 0
    for i, j in pairs:
        a = old_units[i] if i is not None else None
        b = new_units[j] if j is not None else None
        old_text, new_text = (a.text if a else ""), (b.text if b else "")
        label = b.label if b else (a.label if a else "")
        edits, exact = word_diff_within(old_text, new_text, clock.deadline)
        if not exact:
            if clock.deadline is not None and time.perf_counter() > clock.deadline:
                clock.coarse += 1
            else:
                clock.gave_up += 1
        result = classify.classify(
            old_text, new_text, edits, refs, paragraph=label, ignore=options.ignore, language=language,
            heading=bool((a and a.heading) or (b and b.heading)),
        )
        flags.extend(result.flags)
        if a is None:
            outcome = Outcome.ADDED
        elif b is None:
            outcome = Outcome.REMOVED
        elif i in moved:
            outcome = Outcome.MOVED
        elif (
            a.text.split() == b.text.split()
            or "".join(a.text.split()) == "".join(b.text.split())
            or (options.ignore and classify.ignored_form(a.text, options.ignore, language)
                == classify.ignored_form(b.text, options.ignore, language))
        ):
            # whitespace never counts: "high- risk" and "high-risk" are one text; nor what --ignore names (the
            # edits keep those differences, so they still rebuild both texts exactly)
            same_label = "numbering" in options.ignore or label_value(a.label) == label_value(b.label)
            outcome = Outcome.UNCHANGED if same_label else Outcome.RENUMBERED
        else:
            outcome = Outcome.MODIFIED
        if outcome in (Outcome.ADDED, Outcome.REMOVED, Outcome.MOVED) or (
            outcome is Outcome.MODIFIED and not result.editorial
        ):
            editorial = False
        # whitespace alone can join or split words ("high- risk"): then the words are counted, so that the totals
        # add up; what --ignore names never counts
        grew = 0 if old_text == new_text else count_words(new_text) - count_words(old_text)
        if outcome not in (Outcome.UNCHANGED, Outcome.RENUMBERED) or (grew and not options.ignore):
            plus, minus = edit_words(edits, grew)
            inserted += plus
            deleted += minus
        paragraphs.append(
            ParagraphChange(
                outcome, a.label if a else "", b.label if b else "", edits, a.line if a else 0, b.line if b else 0
            )
        )
    flags.extend(classify.option_chosen([p.node for p in match.old], [p.node for p in match.new]))
    if not editorial and _same_words(old_units, new_units):
        # the same words in the same order, only cut into paragraphs differently: what the per-paragraph pairs
        # saw as deleted and inserted is an artefact of the cut (a stale cross-reference is still one)
        editorial = True
        flags = [f for f in flags if f.kind is FlagKind.REFERENCE_DANGLING]
    hidden = list(_hidden_flags(match))
    flags.extend(hidden)
    outcome = match.outcome
    if outcome is Outcome.MODIFIED and len(match.old) == 1 and len(match.new) == 1:  # a 1:1 pair from align
        # invisible characters brought in change the text, though not the words it shows
        changed_text = bool(hidden) or any(p.outcome is not Outcome.UNCHANGED for p in paragraphs)
        editorial = editorial and not hidden
        if divisions.get(_key(match.old[0]), _key(match.new[0])) != _key(match.new[0]):
            outcome = Outcome.MOVED
        elif changed_text and not editorial:
            outcome = Outcome.MODIFIED
        elif match.old[0].node.label != match.new[0].node.label:
            outcome = Outcome.RENUMBERED
        elif changed_text:
            outcome = Outcome.MODIFIED
        else:
            outcome = Outcome.UNCHANGED
        match = replace(match, outcome=outcome)
    if outcome in (Outcome.ADDED, Outcome.REMOVED, Outcome.SPLIT, Outcome.MERGED):
        editorial = False
    if outcome is Outcome.UNCHANGED and not flags:
        editorial = True
    if match.in_preamble:
        flags = [_as_recital(f) for f in flags]
    return ArticleChange(
        match, tuple(paragraphs), _dedupe(flags), editorial, inserted, deleted,
    )


def _hidden_flags(match: Match) -> Iterator[Flag]:
    """What the new text brought in that is not what it looks like and that its words do not show
    (``Node.lookalikes``: invisible characters the loader took out of a word, a look-alike heading word)."""
    before = {said for p in match.old for node in p.node.walk() for said in node.lookalikes}
    for provision in match.new:
        for node in provision.node.walk():
            for said in node.lookalikes:
                if said not in before:
                    words = node.text or node.title or node.heading()
                    yield Flag(FlagKind.LOOKALIKE_TEXT, "", words if len(words) <= 60 else words[:59] + "…",
                               node.label, note=said)


#: A preamble binds no one: it tells how the articles are to be read. Its flags count one severity lower.
_RECITAL_SEVERITY = {Severity.HIGH: Severity.MEDIUM, Severity.MEDIUM: Severity.LOW, Severity.LOW: Severity.LOW}


def _as_recital(flag: Flag) -> Flag:
    return replace(flag, severity=_RECITAL_SEVERITY[flag.level], note=flag.note or "in the preamble")


#: An ``obligation-added`` and an ``obligation-removed`` whose quotes share this much (Dice of word sets) are
#: one duty that moved.
MOVED_DUTY = 0.5
#: Above this many (added, removed) duty pairs, only duties that moved word for word are paired (linear).
MOVED_DUTY_PAIRS = 200_000


def _moved_duties(flags: Sequence[Flag]) -> set[int]:
    """The ``id()`` of the flags of duties that only moved: each ``obligation-added`` paired with an
    ``obligation-removed`` quoting mostly the same words (``MOVED_DUTY``), each used once."""
    added = [f for f in flags if f.kind is FlagKind.OBLIGATION_ADDED]
    removed = [f for f in flags if f.kind is FlagKind.OBLIGATION_REMOVED]
    dropped: set[int] = set()
    if not added or not removed:
        return dropped
    removed_words = [(r, set(words(r.old_text))) for r in removed]
    if len(added) * len(removed) > MOVED_DUTY_PAIRS:
        # two drafts with little in common: every pair would be too many; only word-for-word moves are found
        by_words: dict[frozenset[str], list[Flag]] = defaultdict(list)
        for r, words_r in removed_words:
            by_words[frozenset(words_r)].append(r)
        for a in added:
            same = by_words.get(frozenset(words(a.new_text)))
            if same:
                dropped.update((id(a), id(same.pop())))
        return dropped
    for a in added:
        words_a = set(words(a.new_text))
        for r, words_r in removed_words:
            if id(r) in dropped:
                continue
            size = len(words_a) + len(words_r)
            if size and 2 * len(words_a & words_r) / size >= MOVED_DUTY:
                dropped.update((id(a), id(r)))
                break
    return dropped


def _without_moved_duties(changes: list[ArticleChange]) -> list[ArticleChange]:
    """Changes without the duty flags of text that only moved: first between the paragraphs of one article, then
    from one article to another (removed from Article 33, added to Article 34a, word for word). The move is in
    the redlines; the duty did not change."""
    dropped: set[int] = set()
    for change in changes:
        dropped |= _moved_duties(change.flags)
    dropped |= _moved_duties([f for c in changes for f in c.flags if id(f) not in dropped])
    if not dropped:
        return changes
    return [
        replace(c, flags=tuple(f for f in c.flags if id(f) not in dropped)) if any(id(f) in dropped for f in c.flags)
        else c
        for c in changes
    ]


def _same_words(old: list[Unit], new: list[Unit]) -> bool:
    """The units hold the same text, whitespace and paragraph breaks aside."""
    return "".join("".join(u.text.split()) for u in old) == "".join("".join(u.text.split()) for u in new)


def _dedupe(flags: list[Flag]) -> tuple[Flag, ...]:
    seen: set[Flag] = set()
    out = []
    for flag in flags:
        if flag not in seen:
            seen.add(flag)
            out.append(flag)
    return tuple(out)


def edit_words(edits: Sequence[Edit], grew: int) -> tuple[int, int]:
    """Words inserted and deleted by a redline whose text grew by ``grew`` words. An edit that starts or ends
    inside a word counts it whole on its side; the totals must still add up (old words - deleted + inserted =
    new words), so the difference goes to the side that grew."""
    plus = sum(count_words(e.text) for e in edits if e.op is Op.INSERT)
    minus = sum(count_words(e.text) for e in edits if e.op is Op.DELETE)
    return plus + max(0, grew - (plus - minus)), minus + max(0, (plus - minus) - grew)


def node_words(nodes: Iterable[Node]) -> int:
    """Words of titles and texts, unit numbers left out: how a draft's (or a provision's) size is counted. The
    title of a whole text (its language, "Dutch", given by the parser) is no word of the draft."""
    return sum(count_words(n.text) + (count_words(n.title) if n.kind is not Kind.TEXT else 0) for n in nodes)


def totals(
    changes: Sequence[ArticleChange], words_old: int | None = None, words_new: int | None = None,
    divisions: Sequence[DivisionChange] = (),
) -> Totals:
    """Outcome counts, words inserted and deleted, and outcome counts per top-level division (of the new draft,
    the old one for removals). ``words_old``/``words_new`` default to the words of the changes' own provisions
    (what a filtered report holds); a whole comparison passes the words of both drafts. The words of the
    ``divisions`` headings that changed count in the words inserted and deleted (so that the words of the old
    draft, less those deleted, plus those inserted, are the words of the new)."""
    outcomes = {o.value: 0 for o in Outcome}
    per_chapter: dict[str, dict[str, int]] = defaultdict(lambda: {o.value: 0 for o in Outcome})
    for change in changes:
        outcomes[change.outcome.value] += 1
        per_chapter[change.chapter or _top_division((change.match.new or change.match.old)[0])][
            change.outcome.value
        ] += 1
    if words_old is None:
        words_old = node_words(n for c in changes for p in c.match.old for n in p.node.walk())
    if words_new is None:
        words_new = node_words(n for c in changes for p in c.match.new for n in p.node.walk())
    return Totals(
        outcomes=outcomes,
        words_inserted=sum(c.words_inserted for c in changes) + sum(d.words_inserted for d in divisions),
        words_deleted=sum(c.words_deleted for c in changes) + sum(d.words_deleted for d in divisions),
        words_old=words_old,
        words_new=words_new,
        per_chapter=dict(per_chapter),
    )


def rebuild(edits: Sequence[Edit], side: Op) -> str:
    """The old (side=DELETE) or new (side=INSERT) text of a redline."""
    return "".join(e.text for e in edits if e.op is Op.EQUAL or e.op is side)
