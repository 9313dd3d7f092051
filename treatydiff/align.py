"""Stage 2, align: which old articles (and annexes) became which new ones.

Why it matches this way:
- Numbers and titles are evidence, not identity. Drafts insert an article early and renumber everything after it
  (AI Act: 4a, 4b, 4c), retitle articles, move them between chapters, merge two into one (proposal 18 + 50 ->
  general approach 18) and split one into several. Matching by number would pair the wrong texts; the words
  of the body are the best identity an article has.
- Candidates come from word 3-shingles and an inverted index over the new draft, so the cost grows with the
  number of shared shingles, not with articles squared. Shingles found in more than ``MAX_POSTINGS`` articles are
  boilerplate ("each state party shall") and are skipped: they say nothing about identity and would make the
  index quadratic. Texts identical after normalisation are paired first by hash (most articles of a new draft
  are unchanged), which also keeps the index small.
- Each candidate pair is scored ``0.75 * body + 0.15 * title + 0.10 * position`` where body is the Dice
  coefficient of the shingle sets, title the word overlap of the titles (the body score when either has
  none) and position the closeness of relative positions. Pairs are then assigned globally best-first: all
  candidate pairs of the draft are sorted by score and taken in that order, so no article grabs a partner
  early because it happens to come first in the text.
- A pair is accepted when body >= ``MIN_BODY`` (0.35): below that, real drafts show different articles that
  share stock phrases. A weaker body (>= 0.15) is accepted when titles agree (>= 0.6), which catches articles
  rewritten around the same subject (AI Act "Transparency obligations").
- Leftovers are tested for split and merge by containment: a new article made mostly (>= ``MIN_CONTAINED``,
  0.5) of one old article's shingles is a piece of it; two or more pieces make a split. Symmetrically, two or
  more old articles each mostly contained in one new article make a merge.
- Best first is then improved where two pairs beat one (``_swaps``): an article whose larger paragraph moved next
  door keeps the successor with its number, title and first paragraph.
- Order is evidence (``_reseat``): a pair off the longest run of pairs in order gives way to the article standing
  where the old one would, unless it beats that one by ``MOVE_MARGIN`` on the share of the old text held.
- What is left between two neighbours matched in order is paired in order on weaker evidence (``_fill_gaps``):
  there an article's successor is where it would be, and a rewrite keeps its distinctive words (IDF-weighted)
  even when it keeps few of its phrases ("same number, same title, rewritten text" was removed + added). Two pairs
  next to each other in both drafts bound such a gap too, inside a chapter that moved as a block; the gaps are read
  again once paragraph moves and moves have made their pairs.
- Paragraphs that left their article are found by what is left over once each article has its successor
  (``_paragraph_moves``, read both ways so that ``compare B A`` mirrors ``compare A B``): they make splits,
  merges and moves, or are recorded on the match of the article they joined (``Match.received``).
- Out of order, an article without partner pairs only on distinctive words that lead every other candidate by
  ``MOVE_MARGIN`` (``_moves``).
- Every match carries its ``Evidence`` (``compare --explain``): the rule that made it, the scores, the pairs in
  order around it, and the candidates that lost with the reason.
- The thresholds come from what they must tell apart, not from a document: the benchmark
  (``benchmarks/bench_align.py --sensitivity``) moves each by 30 % either way on the labelled pairs.
- A ``[deleted]`` placeholder in the new draft is never matched by number: it records that the old article with
  its number was removed (or points to where that article's content went).
- The candidate search has a budget (``Budget``): a number of postings it may visit (by default 4 per shingle
  of the two drafts plus ``WORK_FLOOR``; real drafts use under 1, near-duplicate clusters up to
  ``MAX_POSTINGS``) and a deadline. When either runs out, each old article still to be looked at gets only
  the new article with its number as candidate, scored and accepted as above, and the alignment says so in
  its warnings (like difftastic's ``TextFallback``): the rest is matched by number only, never silently.
"""

from __future__ import annotations

import bisect
import functools
import math
import operator
import time
import zlib
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, pairwise
from typing import NamedTuple

from treatydiff.lang.base import unmarked, word_pattern
from treatydiff.model import FINAL_FORMULA, Diagnostic, Draft, Evidence, Kind, Match, Outcome, Provision, Rival

SHINGLE = 3
MAX_POSTINGS = 40
MIN_BODY = 0.35
MIN_BODY_WITH_TITLE = 0.15
MIN_TITLE = 0.6
MIN_BODY_WITH_CONTAINMENT = 0.2
MIN_CONTAINED_PAIR = 0.6
MIN_CONTAINED = 0.5
MIN_PART = 0.2
MIN_ANCHOR = 0.35
MIN_PIECE = 0.2
WHOLLY = 0.85
NEAR = 5
MIN_NAMED_PART = 0.1
CANDIDATES = 8
# between two neighbours matched in order (``_fill_gaps``): IDF-weighted word overlap, the bar of ``MIN_BODY`` on
# words instead of phrases; or a fifth of the distinctive words where the titles share a third of theirs, or the
# two have the same number (weak evidence alone; in the place the article would stand, enough with its words)
GAP_BODY = 0.35
GAP_TITLE = 0.3
GAP_BODY_WITH_TITLE = 0.2
GAP_WINDOW = 20
# ... where the words are compared by their first ``STEM`` letters: a recast sentence keeps its words with other
# endings in inflected languages (государственным языком -> государственными языками, Republik -> Republiken);
# truncation is the language-blind stem of retrieval for European languages, loose enough for the place to vouch
# for it, not for a move out of order (``_moves`` reads whole words)
STEM = 5
# out of order (``_moves``): the bar of the gaps, and a clear lead over the next candidate of either article
MOVE_MARGIN = 0.15
# the last ones left (``_last_left``): an old article without successor and a new one without predecessor that are
# each other's best among what is left, on distinctive stems, with a quarter of them in common (``LEFT_BODY``,
# between the gaps' bar with a title and without) and half as much again as either one's next best (``LEFT_LEAD``):
# what is left of a chapter rewritten in other words, where no phrase survives and no neighbour vouches
LEFT_BODY = 0.25
LEFT_LEAD = 1.5
# a paragraph that left its article (``_paragraph_moves``): of its shingles that are not stock text (in at most
# ``DISTINCT`` articles of the other draft), half (``MIN_MOVED``) and at least ``MIN_PARAGRAPH`` (a sentence) in one
# other article, and under half with the article's own successor
MIN_PARAGRAPH = 8
DISTINCT = 3
MIN_MOVED = 0.5
#: Default candidate-search budget: postings visited per shingle of the two drafts, plus a floor.
WORK_PER_SHINGLE = 4
WORK_FLOOR = 100_000
#: How many old articles the candidate search handles between two looks at the clock.
CLOCK_EVERY = 64

#: Splits and merges found so far: (old indices, new indices, outcome) each.
Groups = list[tuple[tuple[int, ...], tuple[int, ...], Outcome]]


def _grouped(groups: Groups) -> tuple[set[int], set[int]]:
    """The old and the new indices in a split or merge already."""
    return {i for g_old, _, _ in groups for i in g_old}, {i for _, g_new, _ in groups for i in g_new}


def body_text(provision: Provision) -> str:
    """The words of a provision below its heading: every unit's text, numbers of units left out."""
    words = [provision.node.text] if provision.node.text else []
    words.extend(n.text for part in provision.parts() for n in part.walk() if n.text)
    return " ".join(words)


def words(text: str) -> list[str]:
    text = unmarked(text)
    return [w.casefold() for w in word_pattern(text).findall(text)]


_WORD_HASH: dict[str, int] = {}
_RAW_HASH: dict[str, int] = {}  # a word as written -> the hash of its casefolded form


def _raw_hashes(raw: Sequence[str]) -> list[int]:
    """``[_word_hash(w.casefold()) for w in raw]``, casefolding each distinct word once."""
    get = _RAW_HASH.get
    out = list(map(get, raw))
    if None in out:
        for k, value in enumerate(out):
            if value is None:
                value = out[k] = _RAW_HASH[raw[k]] = _word_hash(raw[k].casefold())
    return out  # type: ignore[return-value]  # no None left


def _word_hash(word: str) -> int:
    """A stable 32-bit hash of a word (crc32: the same in every process, unlike ``hash``)."""
    value = _WORD_HASH.get(word)
    if value is None:
        value = _WORD_HASH[word] = zlib.crc32(word.encode())
    return value


def shingles(tokens: Sequence[str]) -> frozenset[int]:
    """The set of word 3-grams, each as one integer combined from the words' hashes (hashing each word once)."""
    return _shingles([_word_hash(t) for t in tokens])


def text_shingles(text: str) -> frozenset[int]:
    """``shingles(words(text))``, each distinct word of the text case folded and hashed once."""
    text = unmarked(text)
    return _shingles(_raw_hashes(word_pattern(text).findall(text)))


def _shingles(h: list[int]) -> frozenset[int]:
    if len(h) < SHINGLE:
        return frozenset(h)
    # (a << 42) ^ (b << 21) ^ c for each three consecutive hashes, in C-level maps
    high = map(operator.lshift, h, _repeat(42, len(h) - 2))
    middle = map(operator.lshift, h[1:], _repeat(21, len(h) - 2))
    return frozenset(map(operator.xor, map(operator.xor, high, middle), h[2:]))


def _repeat(value: int, n: int) -> list[int]:
    return [value] * n


@dataclass(frozen=True, slots=True)
class Item:
    index: int
    provision: Provision
    shingles: frozenset[int]
    title: frozenset[str]
    key: str  # normalised body, for exact matches
    position: float
    number: str
    placeholder: bool
    preamble: bool
    closing: bool  # the final formula ("Done at ...", signatures, and what follows outside annexes)
    vocabulary: frozenset[str]  # the body's words, case folded (``_moves`` weighs them, ``_fill_gaps`` their stems)

    @property
    def matchable(self) -> bool:
        """Articles and annexes are matched by their words; placeholders, preambles and final formulas never are."""
        return not (self.placeholder or self.preamble or self.closing)


def items(draft: Draft, met: dict[str, str] | None = None) -> list[Item]:
    """The provisions of ``draft`` as the aligner reads them. ``met`` holds one copy of each word already read
    (of both drafts, when ``align_report`` passes the same one twice): the articles' vocabularies share it instead
    of each holding copies of "the", "shall" and "Member" (a fifth of the memory of 20,000 articles)."""
    provisions = list(draft.provisions())
    met = {} if met is None else met
    once = met.setdefault
    out = []
    for i, provision in enumerate(provisions):
        body = unmarked(body_text(provision))  # (vowelled Arabic reads as unvowelled)
        raw = word_pattern(body).findall(body)
        folded = " ".join(raw).casefold()
        parts = folded.split()
        out.append(
            Item(
                i,
                provision,
                _shingles(_raw_hashes(raw)),  # = shingles(words(...)): casefold is per character
                frozenset(words(provision.node.title)),
                f"{provision.node.kind.value}:{folded}",
                i / max(1, len(provisions) - 1),
                # an annex's own articles are numbered apart from the instrument's: "Annex VI/5" is not Article 5
                f"{provision.annex}/{provision.node.label}" if provision.annex else provision.node.label,
                provision.node.deleted,
                provision.node.kind is Kind.PREAMBLE,
                provision.node.kind is Kind.DIVISION and provision.node.title == FINAL_FORMULA and not provision.path,
                frozenset(map(once, parts, parts)),
            )
        )
    return out


def dice(a: frozenset[int], b: frozenset[int], shared: int | None = None) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 2 * (len(a & b) if shared is None else shared) / (len(a) + len(b))


def _title_score(a: Item, b: Item) -> float | None:
    if not a.title or not b.title:
        return None
    return len(a.title & b.title) / len(a.title | b.title)


def _score(a: Item, b: Item, shared: int) -> tuple[float, float, float | None]:
    body = dice(a.shingles, b.shingles, shared)
    title = _title_score(a, b)
    total = 0.75 * body + 0.15 * (body if title is None else title) + 0.10 * (1 - abs(a.position - b.position))
    if a.number == b.number:
        total += 0.01  # a tie-breaker, never a reason
    return total, body, title


@dataclass(frozen=True, slots=True)
class Budget:
    """How much work one alignment may take: ``max_work`` postings visited by the candidate search (None: 4 per
    shingle of the two drafts plus ``WORK_FLOOR``) and a ``deadline`` on the ``time.perf_counter`` clock (None:
    no deadline)."""

    max_work: int | None = None
    deadline: float | None = None


def align(old: Draft, new: Draft, budget: Budget = Budget()) -> tuple[Match, ...]:
    """Every provision of both drafts in exactly one Match, in no particular order."""
    return align_report(old, new, budget)[0]


def align_report(
    old: Draft, new: Draft, budget: Budget = Budget()
) -> tuple[tuple[Match, ...], tuple[Diagnostic, ...]]:
    """``align``, and the warnings of the fallback when the candidate search ran out of budget."""
    met: dict[str, str] = {}
    olds, news = items(old, met), items(new, met)
    del met
    warnings: list[Diagnostic] = []
    pairs: dict[int, int] = {}  # old index -> new index
    scores: dict[int, float] = {}

    # 0. the preamble of each text of the instrument pairs with the preamble in the same place, and so does its
    # final formula (whose words are mostly names, places and dates, and which may carry a financial statement)
    frames = (
        ([o for o in olds if o.preamble], [n for n in news if n.preamble]),
        ([o for o in olds if o.closing], [n for n in news if n.closing]),
    )
    for old_frames, new_frames in frames:
        for o, n in zip(old_frames, new_frames, strict=False):
            pairs[o.index] = n.index
            scores[o.index] = dice(o.shingles, n.shingles)
    how: dict[tuple[int, int], str] = {}  # (old index, new index) -> the rule that paired them (``Evidence``)

    def decided(rule: str) -> None:
        for pair in pairs.items():
            how.setdefault(pair, rule)

    decided(BY_PLACE)

    # 1. identical bodies, unique on both sides
    old_keys = Counter(o.key for o in olds if o.matchable)
    new_keys = Counter(n.key for n in news if n.matchable)
    by_key = {n.key: n for n in news if n.matchable and new_keys[n.key] == 1}
    for o in olds:
        if o.matchable and old_keys[o.key] == 1 and o.key in by_key and o.shingles:
            pairs[o.index] = by_key[o.key].index
            scores[o.index] = 1.0
    decided(IDENTICAL)

    # 2. candidates from an inverted index of shingles (articles already paired by identity stay out of it)
    taken = set(pairs.values())
    grown: dict[int, list[int]] = defaultdict(list)
    for n in news:
        if n.matchable and n.index not in taken:
            for s in n.shingles:
                grown[s].append(n.index)
    index = {s: posting for s, posting in grown.items() if len(posting) <= MAX_POSTINGS}
    del grown
    # every one, in order: a draft may print a number twice (an old article is offered those of about its rank)
    numbered: dict[str, list[int]] = defaultdict(list)
    number_rank: Counter[str] = Counter()
    for n in news:
        if n.matchable:
            numbered[n.number].append(n.index)
    max_work = budget.max_work
    if max_work is None:
        max_work = WORK_PER_SHINGLE * sum(len(i.shingles) for i in (*olds, *news)) + WORK_FLOOR
    work = 0
    exhausted = ""  # why the candidate search stopped, once it has
    by_number_only = 0
    by_number: set[int] = set()  # the old articles the fallback looked at
    looked = 0
    shared: dict[int, dict[int, int]] = {}  # old index -> {candidate new index: shingles in common}
    for o in olds:
        rank = number_rank[o.number]
        number_rank[o.number] += o.matchable
        if not o.matchable or o.index in pairs:
            continue
        looked += 1
        if not exhausted:
            if work > max_work:
                exhausted = f"its budget of {max_work:,} candidate postings was used up"
            elif budget.deadline is not None and looked % CLOCK_EVERY == 0 and time.perf_counter() > budget.deadline:
                exhausted = "the time budget was used up"
        if exhausted:  # the fallback: the article(s) with its number only
            by_number_only += 1
            by_number.add(o.index)
            candidates: list[int] = []
        else:
            found = list(chain.from_iterable(filter(None, map(index.get, o.shingles))))
            work += len(found)
            candidates = [n for n, _ in Counter(found).most_common(CANDIDATES)]
        same_number = numbered.get(o.number, [])[max(0, rank - 1) : rank + 2]
        candidates += [n for n in same_number if n not in candidates]
        # boilerplate included from here on: the index only chose the candidates
        shared[o.index] = {n: len(o.shingles & news[n].shingles) for n in candidates}
    ranked: list[tuple[float, int, int]] = []
    for o_index, commons in shared.items():
        o = olds[o_index]
        for n_index, common in commons.items():
            total, body, title = _score(o, news[n_index], common)
            if _acceptable(o, news[n_index], common, body, title):
                ranked.append((total, o.index, n_index))
    ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
    for _, o_index, n_index in ranked:
        if o_index in pairs or n_index in taken:
            continue
        pairs[o_index] = n_index
        scores[o_index] = dice(olds[o_index].shingles, news[n_index].shingles)
        taken.add(n_index)
        how[o_index, n_index] = FALLBACK if o_index in by_number else BEST
    for o_index, n_index in _swaps(ranked, pairs):
        scores[o_index] = dice(olds[o_index].shingles, news[n_index].shingles)
        how[o_index, n_index] = SWAPPED

    if exhausted:
        remedy = (
            "raise the time budget (--time-budget SECONDS, or none), or compare smaller files"
            if budget.deadline is not None and "time" in exhausted
            else "raise DiffOptions.max_candidate_work (Python API), or compare smaller files"
        )
        warnings.append(
            Diagnostic(
                f"alignment: the search for matching articles stopped because {exhausted}; the remaining "
                f"{by_number_only} of {looked} changed old provisions were matched by number only (renumbered, "
                f"moved, split or merged ones among them show as removed and added) — {remedy}"
            )
        )

    # 2b. order as evidence: a pair out of order gives way to the article where the old one would stand when
    # that one holds as much of it
    _reseat(olds, news, pairs, scores, shared)
    decided(RESEATED)

    # 3. splits and merges among what is left
    groups = _splits_and_merges(olds, news, pairs, shared)
    group_how = {(g_old, g_new): SPLIT_RULE if outcome is Outcome.SPLIT else MERGE_RULE
                 for g_old, g_new, outcome in groups}

    # 4. the gaps between articles matched in order: what is left there pairs up in order on weaker evidence
    idf = functools.cache(lambda: _idf([i.vocabulary for i in (*olds, *news)]))  # computed once if a stage needs
    stem_idf = functools.cache(lambda: _idf([_stems(i) for i in (*olds, *news)]))
    _fill_gaps(olds, news, pairs, scores, groups, stem_idf)
    decided(IN_GAP)

    # 5. paragraphs that left their article: for another article's successor (a split, a move), or into an article
    # that has a predecessor of its own (``received``)
    received = _paragraph_moves(olds, news, pairs, scores, groups)
    decided(PARAGRAPHS)
    for g_old, g_new, _ in groups:
        group_how.setdefault((g_old, g_new), PARAGRAPHS)

    # 6. an article moved out of order and rewritten: a clear best on its distinctive words
    _moves(olds, news, pairs, scores, groups, shared, idf)
    decided(MOVED)
    # 6b. the gaps again, now bounded by the pairs the paragraphs and the moves made
    _fill_gaps(olds, news, pairs, scores, groups, stem_idf)
    decided(IN_GAP)
    # 6c. what is left: two articles that are each other's clear best among the articles without partner
    _last_left(olds, news, pairs, scores, groups, stem_idf)
    decided(LEFT)

    # 7. assemble: every provision in exactly one match
    matches: list[Match] = []
    grouped_old, grouped_new = _grouped(groups)

    def sources(new_indices: Sequence[int]) -> tuple[Provision, ...]:
        return tuple(olds[i].provision for i in sorted({i for n in new_indices for i in received.get(n, ())}))

    for g_old, g_new, outcome in groups:
        combined_old = frozenset().union(*(olds[i].shingles for i in g_old))
        combined_new = frozenset().union(*(news[i].shingles for i in g_new))
        matches.append(
            Match(
                outcome,
                tuple(olds[i].provision for i in g_old),
                tuple(news[i].provision for i in g_new),
                round(dice(combined_old, combined_new), 3),
                received=sources(g_new),
            )
        )
    for o_index, n_index in pairs.items():
        if o_index in grouped_old or n_index in grouped_new:
            continue
        matches.append(
            Match(Outcome.MODIFIED, (olds[o_index].provision,), (news[n_index].provision,), round(scores[o_index], 3),
                  received=sources((n_index,)))
        )
    matched_old = set(pairs) | grouped_old
    matched_new = set(pairs.values()) | grouped_new
    destination: dict[int, tuple[Provision, ...]] = {}
    for g_old, g_new, _ in groups:
        for i in g_old:
            destination[i] = tuple(news[j].provision for j in g_new)
    for o_index, n_index in pairs.items():
        destination.setdefault(o_index, (news[n_index].provision,))
    old_by_number = {o.number: o for o in olds if not o.placeholder}
    placeholder_for: dict[str, deque[Item]] = defaultdict(deque)  # in order: a number may be printed twice
    for n in news:
        if n.placeholder:
            placeholder_for[n.number].append(n)
    used_placeholders: set[int] = set()

    def free_placeholder(number: str) -> Item | None:
        waiting = placeholder_for.get(number)
        return waiting.popleft() if waiting else None

    # the mirror of "marked [deleted] in the new draft": a placeholder of the old draft whose number the new
    # draft fills with text again (compare B A must pair what compare A B pairs, the other way round)
    filled_by: dict[str, deque[Item]] = defaultdict(deque)
    for n in news:
        if not n.placeholder and n.index not in matched_new:
            filled_by[n.number].append(n)

    for o in olds:
        if o.index in matched_old:
            continue
        if o.placeholder:
            twin = free_placeholder(o.number)
            if twin is not None:
                used_placeholders.add(twin.index)
                matches.append(Match(Outcome.UNCHANGED, (o.provision,), (twin.provision,), 1.0, "placeholder kept"))
                continue
            if filled_by.get(o.number) and o.number not in old_by_number:
                text = filled_by[o.number].popleft()
                used_placeholders.add(text.index)
                matches.append(Match(Outcome.ADDED, (o.provision,), (text.provision,), 0.0,
                                     "marked [deleted] in the old draft"))
                continue
            matches.append(Match(Outcome.REMOVED, (o.provision,), (), 0.0, "placeholder dropped"))
            continue
        ph = free_placeholder(o.number)
        if ph is not None:
            used_placeholders.add(ph.index)
            note = "marked [deleted] in the new draft"
            matches.append(Match(Outcome.REMOVED, (o.provision,), (ph.provision,), 0.0, note))
        else:
            matches.append(Match(Outcome.REMOVED, (o.provision,), (), 0.0))
    for n in news:
        if n.index in matched_new or n.index in used_placeholders:
            continue
        if n.placeholder:
            source = old_by_number.get(n.number)
            note = "placeholder"
            if source is not None and source.index in destination:
                went = " + ".join(f"{p.node.kind.value} {p.node.label}" for p in destination[source.index])
                note = f"placeholder; the content of the old article {n.number} is now in {went}"
            matches.append(Match(Outcome.REMOVED, (), (n.provision,), 0.0, note))
        else:
            matches.append(Match(Outcome.ADDED, (), (n.provision,), 0.0))
    explain = _Explainer(olds, news, pairs, scores, groups, shared, how, group_how, idf, stem_idf)
    return tuple(replace(m, evidence=explain(m)) for m in matches), tuple(warnings)


#: The rules, as ``Evidence.rule`` names them.
BY_PLACE = "the preamble, or the final formula, in the same place"
IDENTICAL = "the same text, found once in each draft"
BEST = "the best of its candidates on phrases in common (word 3-grams), title and place, taken best first"
FALLBACK = "by number only: the candidate search ran out of its budget"
SWAPPED = ("with the best pair of its old article and the best of its new one, these two pairs score more than "
           "the one pair they replace")
RESEATED = ("in place: it stands between the successors of its neighbours and holds as much of the old text as "
            "the pair out of order did")
IN_GAP = "between neighbours matched in order, on distinctive words (IDF-weighted), with the title or number"
PARAGRAPHS = "paragraphs of one are in the other, once each article has its successor"
MOVED = "out of order, on distinctive words that lead every other candidate by a clear margin"
LEFT = ("left over: of the articles without partner, each is the other's best on distinctive words (IDF-weighted), "
        "by half as much again as the next")
SPLIT_RULE = "split: the old text makes most of each new article"
MERGE_RULE = "merged: each old article brings text the new one does not get from its main predecessor"
NO_MATCH = "no candidate reached the bar"
#: How many rivals an explanation lists.
RIVALS = 3


class _Explainer:
    """The ``Evidence`` of each match, read off what the stages of ``align_report`` decided."""

    def __init__(
        self,
        olds: list[Item],
        news: list[Item],
        pairs: dict[int, int],
        scores: dict[int, float],
        groups: Groups,
        shared: dict[int, dict[int, int]],
        how: dict[tuple[int, int], str],
        group_how: dict[tuple[tuple[int, ...], tuple[int, ...]], str],
        idf: Callable[[], dict[str, float]],
        stem_idf: Callable[[], dict[str, float]],
    ) -> None:
        self.olds, self.news, self.shared, self.how, self.group_how, self.idf = olds, news, shared, how, group_how, idf
        self.stem_idf = stem_idf
        self.scores = scores
        grouped_old, grouped_new = _grouped(groups)
        self.grouped = (grouped_old, grouped_new)
        self.ones = {o: n for o, n in pairs.items() if o not in grouped_old and n not in grouped_new}
        self.successor_of = {n: o for o, n in self.ones.items()}
        self.skeleton = in_order(self.ones)
        self.on = set(self.skeleton)
        self.old_marks = [o for o, _ in self.skeleton]
        self.new_marks = [n for _, n in self.skeleton]
        self.index_old = {id(o.provision): o.index for o in olds}
        self.index_new = {id(n.provision): n.index for n in news}
        self.offered = _by_new(shared)

    def __call__(self, match: Match) -> Evidence:
        old = tuple(self.index_old[id(p)] for p in match.old)
        new = tuple(self.index_new[id(p)] for p in match.new)
        olds, news = self.olds, self.news
        one_to_one = len(old) == len(new) == 1
        if one_to_one:  # the 3-grams in common, from the similarity (no set to build for the many unchanged ones)
            a, b = olds[old[0]].shingles, news[new[0]].shingles
            common = round(self.scores.get(old[0], 0.0) * (len(a) + len(b)) / 2) if a and b else 0
        else:
            a = frozenset().union(*(olds[i].shingles for i in old))
            b = frozenset().union(*(news[i].shingles for i in new))
            common = len(a & b)
        if not (old and new) or match.outcome is Outcome.REMOVED:  # removed or added, placeholders included
            rule = match.note or NO_MATCH
        elif one_to_one and old[0] in self.ones:
            rule = self.how.get((old[0], new[0]), BEST)
        else:  # a split or merge, or a placeholder kept or filled again
            rule = self.group_how.get((old, new), match.note or BEST)
        words = None
        if one_to_one and rule == MOVED:
            words = round(_weighted_dice(olds[old[0]].vocabulary, news[new[0]].vocabulary, self.idf()), 3)
        elif one_to_one and rule in (IN_GAP, LEFT):
            words = round(_weighted_dice(_stems(olds[old[0]]), _stems(news[new[0]]), self.stem_idf()), 3)
        title = _title_score(olds[old[0]], news[new[0]]) if one_to_one else None
        before, after = self._neighbours(old, new)
        return Evidence(
            rule=rule,
            phrases=round(dice(a, b, common), 3) if a or b else 0.0,
            held=round(common / len(a), 3) if a else 0.0,
            words=words,
            title=None if title is None else round(title, 3),
            same_number=bool(old and new) and {olds[i].number for i in old} & {news[i].number for i in new} != set(),
            in_order=one_to_one and (old[0], new[0]) in self.on,
            before=before,
            after=after,
            rivals=self._rivals(old, new),
        )

    def _neighbours(self, old: tuple[int, ...], new: tuple[int, ...]) -> tuple[str, str]:
        """The pairs in order on either side of where the match stands (by its old article, else its new one)."""
        marks, at = (self.old_marks, old[0]) if old else (self.new_marks, new[0])
        k = bisect.bisect_left(marks, at)
        if k < len(marks) and marks[k] == at:  # the match is on the skeleton: its neighbours are the next ones
            low, high = k - 1, k + 1
        else:
            low, high = k - 1, k
        return (self._pair_name(low), self._pair_name(high))

    def _pair_name(self, k: int) -> str:
        if not 0 <= k < len(self.skeleton):
            return ""
        o, n = self.skeleton[k]
        return f"{_name(self.olds[o])} → {_name(self.news[n])}"

    def _rivals(self, old: tuple[int, ...], new: tuple[int, ...]) -> tuple[Rival, ...]:
        """The best candidates the match did not take, on the new side for its old articles and on the old side
        for its new ones, and why each lost."""
        found: list[tuple[float, Rival]] = []
        for o_index in old:
            o = self.olds[o_index]
            for n_index, common in self.shared.get(o_index, {}).items():
                if n_index not in new and (common or o.number == self.news[n_index].number):
                    n = self.news[n_index]
                    found.append(self._rival("new", o, n, common, n_index, self.successor_of, 1))
        for n_index in new:
            n = self.news[n_index]
            for o_index, common in self.offered.get(n_index, {}).items():
                if o_index not in old and (common or n.number == self.olds[o_index].number):
                    o = self.olds[o_index]
                    found.append(self._rival("old", o, n, common, o_index, self.ones, 0))
        found.sort(key=lambda t: -t[0])
        return tuple(r for _, r in found[:RIVALS])

    def _rival(
        self, side: str, o: Item, n: Item, common: int, index: int, partner: dict[int, int], grouped: int
    ) -> tuple[float, Rival]:
        """The rival (``n`` on the new side, else ``o``), scored against the other, and why it lost: it has a
        partner of its own, is in a split or merge, had too little in common, or was a candidate the rule of
        the match preferred this match to (a pair out of order, a weaker score)."""
        shown, other = (n, self.olds) if side == "new" else (o, self.news)
        held = common / len(o.shingles) if o.shingles else 0.0
        phrases = dice(o.shingles, n.shingles, common)
        if index in partner:
            reason = f"matched with {'old' if side == 'new' else 'new'} {_name(other[partner[index]])}"
        elif index in self.grouped[grouped]:
            reason = "in a split or merge"
        elif phrases >= MIN_BODY or held >= MIN_CONTAINED_PAIR:
            reason = "a candidate too, left without partner: the rule of this match preferred it"
        else:
            reason = "too little in common"
        rival = Rival(side, shown.provision.node.kind.value, shown.provision.node.label, shown.provision.node.title,
                      round(phrases, 3), round(held, 3), reason)
        return phrases + held, rival


def _name(item: Item) -> str:
    node = item.provision.node
    return f"{node.kind.value.capitalize()} {node.label}".strip()


def _idf(vocabularies: list[frozenset[str]]) -> dict[str, float]:
    """Each word's weight: the log of how many provisions of the two drafts there are over how many hold it (so
    "shall" and "Member States" weigh little, "saltmarshes" much). One vocabulary per provision of both drafts."""
    df = Counter(chain.from_iterable(vocabularies))
    return {w: math.log(len(vocabularies) / count) for w, count in df.items()}


_STEM_OF: dict[int, dict[str, str]] = defaultdict(dict)  # stem length -> {word: its stem}, made once per word


def _stems(item: Item) -> frozenset[str]:
    """The words of an item's body cut to their first ``STEM`` letters."""
    stem_of = _STEM_OF[STEM]  # by length: the benchmark moves the constant
    try:
        return frozenset(map(stem_of.__getitem__, item.vocabulary))
    except KeyError:
        for word in item.vocabulary:
            if word not in stem_of:
                stem_of[word] = word[:STEM]
        return frozenset(map(stem_of.__getitem__, item.vocabulary))


def in_order(pairs: dict[int, int]) -> list[tuple[int, int]]:
    """The longest run of pairs whose new articles come in the order of the old ones (a longest increasing
    subsequence, by patience sorting): the skeleton the gaps are read between."""
    ordered = sorted(pairs.items())
    tail_values: list[int] = []  # the smallest new index that ends a run of each length
    tails: list[int] = []  # and the position in ``ordered`` of that pair
    back = [-1] * len(ordered)
    for k, (_, n) in enumerate(ordered):
        at = bisect.bisect_left(tail_values, n)
        if at == len(tail_values):
            tail_values.append(n)
            tails.append(k)
        else:
            tail_values[at], tails[at] = n, k
        back[k] = tails[at - 1] if at else -1
    out: list[tuple[int, int]] = []
    k = tails[-1] if tails else -1
    while k >= 0:
        out.append(ordered[k])
        k = back[k]
    return out[::-1]


def _fill_gaps(
    olds: list[Item],
    news: list[Item],
    pairs: dict[int, int],
    scores: dict[int, float],
    groups: Groups,
    stem_idf: Callable[[], dict[str, float]],
) -> None:
    """Pair, in order, the articles left between two neighbours matched in order (``pairs`` gets them). Between
    its old neighbours' successors an article's successor is where it would be; there a rewrite that kept the
    distinctive words but few phrases (a purpose article redrafted, an obligation restated) is enough: the words
    of each body, cut to their stems (``STEM``) and weighted by their rarity in the two drafts (IDF, so "shall"
    and "Member States" weigh little), overlapping by ``GAP_BODY``, or by ``GAP_BODY_WITH_TITLE`` where the titles
    agree by ``GAP_TITLE`` or one holds the other (DSA "Joint investigations and requests for Commission
    intervention" -> "Joint investigations", the request having gone to an article of its own), the numbers are
    the same (French Constitution, Article 28 rewritten for a single session); with the same title, and the same
    number or alone in their gap, the words need not agree at all (without a title, the place alone cannot tell a
    rewrite from an article replaced by another on a new subject: the words must); and either may hold most
    (``MIN_CONTAINED_PAIR``) of the other's distinctive words, kept inside a longer article or cut down to a part
    of it (Belarus 1996, Article 79: the President is head of State, the old Article 95's one sentence, opens a
    long new article). Only pairs that keep the order are taken, best first; splits and merges already found are
    left as they are. An article is tried against those of the other side within ``GAP_WINDOW`` places of where it
    would stand in its gap, which keeps the cost linear (two drafts with nothing in common are one long gap). The
    gaps are those between the pairs of the skeleton (``in_order``), then those between two pairs next to each
    other in both drafts, off the skeleton: a chapter that moved as a block has gaps of its own."""
    grouped_old, grouped_new = _grouped(groups)
    taken = set(pairs.values()) | grouped_new
    free_old = [o.matchable and o.index not in pairs and o.index not in grouped_old for o in olds]
    free_new = [n.matchable and n.index not in taken for n in news]
    if not any(free_old) or not any(free_new):
        return
    old_words = [_stems(o) if free else frozenset() for o, free in zip(olds, free_old, strict=True)]
    new_words = [_stems(n) if free else frozenset() for n, free in zip(news, free_new, strict=True)]
    weight = stem_idf()

    def fill(old_from: int, new_from: int, old_to: int, new_to: int) -> None:
        left = [o for o in olds[old_from + 1 : old_to] if free_old[o.index] and o.index not in pairs]
        right = [n for n in news[new_from + 1 : new_to] if free_new[n.index] and n.index not in taken]
        ranked: list[tuple[float, int, int]] = []
        for k, o in enumerate(left):
            at = k * len(right) // len(left) if right else 0
            for n in right[max(0, at - GAP_WINDOW) : at + GAP_WINDOW + 1]:
                if o.provision.node.kind is not n.provision.node.kind:
                    continue
                body, held = _weighted_overlap(old_words[o.index], new_words[n.index], weight)
                title = _title_score(o, n)
                same_number = bool(o.number) and o.number == n.number
                alone = len(left) == len(right) == 1
                # the titles agree (or one holds the other), or the number
                named = ((title is not None and title >= GAP_TITLE) or _title_inside(o, n) or _title_inside(n, o)
                         or same_number)
                # the same title where the article would stand, with its number or as the only pair the gap
                # holds: the same article, however rewritten (a purpose clause redrafted in other words)
                titled = title == 1.0 and (same_number or alone)
                if body >= GAP_BODY or (named and body >= GAP_BODY_WITH_TITLE) or titled or held >= MIN_CONTAINED_PAIR:
                    ranked.append((body + 0.5 * (title or 0.0), o.index, n.index))
        ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
        chosen_old: list[int] = []  # the pairs taken in this gap, in order on both sides
        chosen_new: list[int] = []
        for _, o_index, n_index in ranked:
            if o_index in pairs or n_index in taken:
                continue
            at = bisect.bisect_left(chosen_old, o_index)
            if bisect.bisect_left(chosen_new, n_index) != at:
                continue  # it would cross a pair already taken
            chosen_old.insert(at, o_index)
            chosen_new.insert(at, n_index)
            pairs[o_index] = n_index
            scores[o_index] = dice(olds[o_index].shingles, news[n_index].shingles)
            taken.add(n_index)

    skeleton = in_order(pairs)
    anchors = [(-1, -1), *skeleton, (len(olds), len(news))]
    for (old_from, new_from), (old_to, new_to) in pairwise(anchors):
        fill(old_from, new_from, old_to, new_to)
    # then inside blocks that moved together, off the skeleton: two pairs next to each other in both drafts bound a
    # gap of their own (Belarus 1996: the Supreme Soviet's chapter came after the President's, and its articles,
    # rewritten, pair up between those of it that kept their phrases)
    on = set(skeleton)
    rank = {n: k for k, n in enumerate(sorted(pairs.values()))}  # each paired new article's place among them
    for (o1, n1), (o2, n2) in pairwise(sorted(pairs.items())):
        if rank[n2] - rank[n1] == 1 and not ((o1, n1) in on and (o2, n2) in on):
            fill(o1, n1, o2, n2)


def _swaps(ranked: list[tuple[float, int, int]], pairs: dict[int, int]) -> list[tuple[int, int]]:
    """Improve the best-first assignment where two pairs beat one: when the old article of a pair has another
    candidate still free and the new one another old candidate still free, and those two pairs score more
    together than the one they would replace. Best first takes the single best pair even when it leaves two
    articles without the partner each would have had (an article whose larger paragraph moved next door is
    paired with the article next door, and the one that keeps its number, title and first paragraph is left
    "added"). The pairs and their scores are those the best-first pass accepted; ``pairs`` is changed in place,
    and the pairs made are returned."""
    accepted = {(o, n): total for total, o, n in ranked}
    by_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for total, o, n in ranked:  # best first, so each list is too
        by_old[o].append((total, n))
        by_new[n].append((total, o))
    taken = set(pairs.values())
    made: list[tuple[int, int]] = []
    for o_index, n_index in sorted(pairs.items()):
        if pairs.get(o_index) != n_index or (o_index, n_index) not in accepted:
            continue
        other_new = next(((t, n) for t, n in by_old[o_index] if n not in taken), None)
        other_old = next(((t, o) for t, o in by_new[n_index] if o not in pairs), None)
        if other_new and other_old and other_new[0] + other_old[0] > accepted[o_index, n_index]:
            pairs[o_index] = other_new[1]
            pairs[other_old[1]] = n_index
            taken.add(other_new[1])
            made += [(o_index, other_new[1]), (other_old[1], n_index)]
    return made


def _reseat(
    olds: list[Item],
    news: list[Item],
    pairs: dict[int, int],
    scores: dict[int, float],
    shared: dict[int, dict[int, int]],
) -> None:
    """A pair that breaks the order of its neighbours (off the skeleton of ``in_order``) is kept only when it
    beats, by ``MOVE_MARGIN``, the best article without predecessor that stands where the old one would (between
    the successors of its neighbours), both measured by the share of the old article's phrases they hold.
    Otherwise that article, holding at least ``MIN_CONTAINED_PAIR`` of it, is the successor: parallel wording
    elsewhere ("... shall be presumed to comply with the requirements of Article 9", in a new article of another
    chapter) does not take an article from its successor, which kept its text and grew. Then an article still
    without partner pairs with the one standing where it would when either holds ``MIN_CONTAINED_PAIR`` of the
    other (before splits and merges, which would take it elsewhere on less)."""
    place = _Place(pairs, len(olds), len(news))
    taken = set(pairs.values())
    for o_index, n_index in sorted(pairs.items()):
        if (o_index, n_index) in place.on or o_index not in shared:
            continue
        size = len(olds[o_index].shingles) or 1
        low, high = place.of_successor(o_index)
        kind = olds[o_index].provision.node.kind
        in_place = [(common, n) for n, common in shared[o_index].items()
                    if low < n < high and n not in taken and news[n].provision.node.kind is kind]
        if not in_place:
            continue
        common, candidate = max(in_place)
        held, away = common / size, shared[o_index].get(n_index, 0) / size
        if held >= MIN_CONTAINED_PAIR and away < held + MOVE_MARGIN:
            taken.discard(n_index)
            taken.add(candidate)
            pairs[o_index] = candidate
            scores[o_index] = dice(olds[o_index].shingles, news[candidate].shingles)
    # the mirror, on a tie: a new article paired out of order gives way to an old article without successor that
    # stands where its predecessor would, holds as many of its phrases and reaches the bar of the best-first pass
    # (a formula closing two chapters, "The competence, organisation and procedure of ... are determined by law":
    # the relative place, which broke the tie, is weaker evidence than the neighbours)
    place = _Place(pairs, len(olds), len(news))
    offered = _by_new({o: found for o, found in shared.items() if o not in pairs})
    for o_index, n_index in sorted(pairs.items()):
        if (o_index, n_index) in place.on or n_index not in offered or o_index not in shared:
            continue  # in order, or without rival, or identical texts
        low, high = place.of_predecessor(n_index)
        kind = news[n_index].provision.node.kind
        in_place = [(common, o) for o, common in offered[n_index].items()
                    if low < o < high and o not in pairs and olds[o].provision.node.kind is kind]
        if not in_place:
            continue
        common, candidate = max(in_place, key=lambda t: (t[0], -t[1]))  # the first in the draft on a tie
        _, body, title = _score(olds[candidate], news[n_index], common)
        if common >= shared[o_index].get(n_index, 0) and _acceptable(olds[candidate], news[n_index], common, body,
                                                                      title):
            del pairs[o_index]
            pairs[candidate] = n_index
            scores[candidate] = dice(olds[candidate].shingles, news[n_index].shingles)
    # an article without partner whose text is (mostly) inside the article without predecessor standing where it
    # would, or the other way round: kept and extended, or cut down, in place ("La funzione legislativa è
    # esercitata collettivamente dalle due Camere." opens a new Article 70 of three paragraphs)
    place = _Place(pairs, len(olds), len(news))
    ranked: list[tuple[float, int, int]] = []
    for o_index, found in shared.items():
        if o_index in pairs:
            continue
        o = olds[o_index]
        low, high = place.of_successor(o_index)
        for n_index, common in found.items():
            n = news[n_index]
            if low < n_index < high and n_index not in taken and n.provision.node.kind is o.provision.node.kind:
                contained = common / (min(len(o.shingles), len(n.shingles)) or 1)
                if contained >= MIN_CONTAINED_PAIR:
                    ranked.append((contained, o_index, n_index))
    ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
    for _, o_index, n_index in ranked:
        if o_index not in pairs and n_index not in taken:
            pairs[o_index] = n_index
            scores[o_index] = dice(olds[o_index].shingles, news[n_index].shingles)
            taken.add(n_index)


class _Place:
    """Where an article stands against the skeleton of the pairs in order (``in_order``): between which new
    articles the successor of an old article would stand, or between which old articles the predecessor of a new
    one (the indices of the skeleton's pairs on either side, -1 and the draft's length at the ends)."""

    def __init__(self, pairs: dict[int, int], old_count: int, new_count: int) -> None:
        skeleton = in_order(pairs)
        self.on = set(skeleton)
        self._old_marks = [o for o, _ in skeleton]
        self._new_marks = [n for _, n in skeleton]
        self._anchors = [(-1, -1), *skeleton, (old_count, new_count)]

    def of_successor(self, old_index: int) -> tuple[int, int]:
        at = bisect.bisect_left(self._old_marks, old_index)
        return self._anchors[at][1], self._anchors[at + 1][1]

    def of_predecessor(self, new_index: int) -> tuple[int, int]:
        at = bisect.bisect_left(self._new_marks, new_index)
        return self._anchors[at][0], self._anchors[at + 1][0]


def _by_new(shared: dict[int, dict[int, int]]) -> dict[int, dict[int, int]]:
    """The candidate pairs of ``shared`` (old index -> {new index: 3-grams in common}) read from the new side."""
    out: dict[int, dict[int, int]] = defaultdict(dict)
    for o_index, found in shared.items():
        for n_index, common in found.items():
            out[n_index][o_index] = common
    return out


def _moves(
    olds: list[Item],
    news: list[Item],
    pairs: dict[int, int],
    scores: dict[int, float],
    groups: Groups,
    shared: dict[int, dict[int, int]],
    idf: Callable[[], dict[str, float]],
) -> None:
    """Pair an old article still without successor with a new one still without predecessor, out of order, when
    the pair shares the distinctive words that ``_fill_gaps`` asks of a pair in order (``GAP_BODY``, IDF-weighted)
    and leads every other candidate of either article by ``MOVE_MARGIN``: out of order there is no neighbour to
    vouch for it, so the words alone must single it out (DSA "Jurisdiction" -> "Competences", moved to another
    chapter and rewritten around the Commission's powers). The candidates are those the phrase index offered."""
    grouped_old, grouped_new = _grouped(groups)
    taken = set(pairs.values()) | grouped_new
    free = [o for o in shared if o not in pairs and o not in grouped_old]
    if not free:
        return
    weight = idf()
    scored: dict[int, dict[int, float]] = {}
    for o_index in free:
        o = olds[o_index]
        scored[o_index] = {
            n: _weighted_dice(o.vocabulary, news[n].vocabulary, weight)
            for n in shared[o_index]
            if news[n].provision.node.kind is o.provision.node.kind and not news[n].placeholder
        }
    rivals: dict[int, list[float]] = defaultdict(list)  # new index -> the scores of the old articles offered it
    for found in scored.values():
        for n_index, value in found.items():
            rivals[n_index].append(value)
    for o_index, found in scored.items():
        ranked = sorted(found.items(), key=lambda t: -t[1])
        if not ranked:
            continue
        n_index, best = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        others = sorted(rivals[n_index], reverse=True)[1:2] or [0.0]
        if n_index in taken or best < GAP_BODY or best - max(runner_up, others[0]) < MOVE_MARGIN:
            continue
        pairs[o_index] = n_index
        scores[o_index] = dice(olds[o_index].shingles, news[n_index].shingles)
        taken.add(n_index)


def _last_left(
    olds: list[Item],
    news: list[Item],
    pairs: dict[int, int],
    scores: dict[int, float],
    groups: Groups,
    stem_idf: Callable[[], dict[str, float]],
) -> None:
    """Pair an old article left without successor with a new one left without predecessor when, on the stems of
    their distinctive words, each is the other's best among the articles left, with ``LEFT_BODY`` in common and
    ``LEFT_LEAD`` times the next best of either (Belarus 1994 Art. 94 "the Supreme Soviet may not be dissolved
    during a state of emergency" -> 1996 Art. 105, the same rule for the Parliament, in new words; its best rival
    holds half as much). Pairs that share only stems found in more than ``MAX_POSTINGS`` of the new articles left
    are not compared: such words single out no pair (and a large draft's leftovers cost no product)."""
    grouped_old, grouped_new = _grouped(groups)
    taken = set(pairs.values()) | grouped_new
    left_old = [o for o in olds if o.matchable and not o.placeholder and o.index not in pairs
                and o.index not in grouped_old]
    left_new = [n for n in news if n.matchable and not n.placeholder and n.index not in taken]
    if not (left_old and left_new):
        return
    weight = stem_idf()
    stems_new = [_stems(n) for n in left_new]
    mass_new = [sum(map(weight.__getitem__, stems)) for stems in stems_new]
    postings: dict[str, list[int]] = defaultdict(list)  # stem -> the articles left in the new draft that hold it
    for j, stems in enumerate(stems_new):
        for stem in stems:
            postings[stem].append(j)
    rare = {stem: found for stem, found in postings.items() if len(found) <= MAX_POSTINGS}
    rows: list[dict[int, float]] = []
    columns: dict[int, dict[int, float]] = defaultdict(dict)
    for i, o in enumerate(left_old):
        stems = _stems(o)
        mass = sum(map(weight.__getitem__, stems))
        offered = {j for stem in stems if stem in rare for j in rare[stem]}
        row = {j: 2 * sum(map(weight.__getitem__, stems & stems_new[j])) / (mass + mass_new[j]) for j in offered
               if left_new[j].provision.node.kind is o.provision.node.kind and mass + mass_new[j]}
        rows.append(row)
        for j, value in row.items():
            columns[j][i] = value
    for i, row in enumerate(rows):
        best = _clear_best(row)
        if best is not None and _clear_best(columns[best]) == i:
            o, n = left_old[i], left_new[best]
            pairs[o.index] = n.index
            scores[o.index] = dice(o.shingles, n.shingles)


def _clear_best(values: dict[int, float]) -> int | None:
    """The key of the best value if it reaches ``LEFT_BODY`` and ``LEFT_LEAD`` times the next best, else None."""
    if not values:
        return None
    best = max(values, key=values.__getitem__)
    rest = max((v for k, v in values.items() if k != best), default=0.0)
    return best if values[best] >= LEFT_BODY and values[best] >= LEFT_LEAD * rest else None


def _weighted_overlap(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> tuple[float, float]:
    """The weighted Dice of two word sets, and the share of the lighter set's weight that the other holds (an
    article kept inside one that grew, or cut down to part of it)."""
    size_a, size_b = sum(weight[w] for w in a), sum(weight[w] for w in b)
    common = sum(weight[w] for w in a & b)
    lighter = min(size_a, size_b)
    return (2 * common / (size_a + size_b) if size_a + size_b else 0.0, common / lighter if lighter else 0.0)


def _weighted_dice(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> float:
    return _weighted_overlap(a, b, weight)[0]


def paragraphs(provision: Provision) -> list[str]:
    """The paragraphs of a provision as the alignment reads them: its own text, then each part below its heading
    with everything under that part (a paragraph with its points)."""
    out = [provision.node.text] if provision.node.text else []
    for part in provision.parts():
        text = " ".join(n.text for n in part.walk() if n.text)
        if text:
            out.append(text)
    return out


def _paragraph_moves(
    olds: list[Item],
    news: list[Item],
    pairs: dict[int, int],
    scores: dict[int, float],
    groups: Groups,
) -> dict[int, list[int]]:
    """Paragraphs that left their article, found by what is left over once each article has its successor
    (issue 16, "residual evidence"; ``_left_their_article`` says when a paragraph left). Read both ways, so
    that ``compare B A`` mirrors ``compare A B``: an old paragraph now in another new article, and a new paragraph
    that was in another old article. Then, for an old article O and a new article N that the paragraph joins:

    - N has no predecessor: O was split (its successor and N); when O has no successor either, N is its
      successor, moved and rewritten (or, with several such N, O was split among them);
    - N has a predecessor and O none: O was merged into N (the mirror of the split);
    - both have their own partner: the paragraph moved from O into N; both go on being matched as they were,
      and N records where the paragraph came from (the returned map: new index -> old indices).

    A new article without predecessor that has the title of an old article whose successor took another title
    (and the mirror) shares a sentence of its distinctive text with it: the title went with that part (DSA
    "Recommender systems": the obligation of very large platforms kept the old title in an article of its own)."""
    grouped_old, grouped_new = _grouped(groups)
    partner_of_new = {n: o for o, n in pairs.items()}
    new_postings = _postings(news, olds, partner_of_new, grouped_new)
    old_postings = _postings(olds, news, pairs, grouped_old)
    found: dict[tuple[int, int], float] = {}  # (old index, new index) -> share of the paragraph that moved
    for o_index, n_index, share in _left_their_article(olds, news, pairs, grouped_old, new_postings):
        found[o_index, n_index] = max(share, found.get((o_index, n_index), 0.0))
    for n_index, o_index, share in _left_their_article(news, olds, partner_of_new, grouped_new, old_postings):
        found[o_index, n_index] = max(share, found.get((o_index, n_index), 0.0))

    def free_old(i: int) -> bool:
        return olds[i].matchable and i not in pairs and i not in grouped_old

    def free_new(i: int) -> bool:
        return news[i].matchable and i not in partner_of_new and i not in grouped_new

    def distinctive_in_common(o: Item, n: Item) -> int:
        return sum(1 for s in o.shingles & n.shingles
                   if new_postings.df[s] <= DISTINCT and old_postings.df[s] <= DISTINCT)

    for here, there, partner, free_here, is_old in ((news, olds, pairs, free_new, False),
                                                    (olds, news, partner_of_new, free_old, True)):
        by_title: dict[frozenset[str], list[int]] = defaultdict(list)  # articles whose partner took another title
        for t in there:
            if t.matchable and t.title and t.index in partner and here[partner[t.index]].title != t.title:
                by_title[t.title].append(t.index)
        for h in here:
            namesakes = by_title.get(h.title, [])
            if free_here(h.index) and len(namesakes) == 1:
                t = there[namesakes[0]]
                o, n = (h, t) if is_old else (t, h)
                if (o.index, n.index) not in found and distinctive_in_common(o, n) >= MIN_PARAGRAPH:
                    found[o.index, n.index] = 0.0

    received: dict[int, set[int]] = defaultdict(set)
    pieces: dict[int, dict[int, float]] = defaultdict(dict)  # old index -> {new index without predecessor: share}
    joined: dict[int, dict[int, float]] = defaultdict(dict)  # new index with predecessor -> {free old index: share}
    for (o_index, n_index), share in sorted(found.items()):
        if free_new(n_index):
            pieces[o_index][n_index] = share
        elif free_old(o_index):
            joined[n_index][o_index] = share
        elif o_index in pairs and n_index in partner_of_new:
            received[n_index].add(o_index)
    # an article without partner goes to one place only: where the most of it went
    best_source = _best_of(pieces)
    best_home = _best_of(joined)
    # (an article already in a split or merge, whose pair the groups stand for, is in no second group: a provision
    # is in exactly one change)
    for o_index, found_pieces in sorted(pieces.items()):
        more = sorted(n for n in found_pieces if best_source[n] == o_index)
        home = pairs.get(o_index)
        if not more or o_index in grouped_old or home in grouped_new:
            continue
        if home is None and len(more) == 1:  # its successor, moved and rewritten
            pairs[o_index] = more[0]
            scores[o_index] = dice(olds[o_index].shingles, news[more[0]].shingles)
            continue
        if home is not None:
            del pairs[o_index]
        groups.append(((o_index,), tuple(sorted(more if home is None else [home, *more])), Outcome.SPLIT))
    in_group_old, in_group_new = _grouped(groups)
    taken_old = in_group_old | set(pairs)
    for n_index, sources in sorted(joined.items()):
        more = sorted(o for o in sources if best_home[o] == n_index and o not in taken_old)
        home = partner_of_new[n_index]
        if not more or home not in pairs or pairs[home] != n_index or home in in_group_old or n_index in in_group_new:
            continue
        del pairs[home]
        groups.append((tuple(sorted([home, *more])), (n_index,), Outcome.MERGED))
    return {n: sorted(found_in) for n, found_in in received.items()}


def _best_of(shares: dict[int, dict[int, float]]) -> dict[int, int]:
    """For each inner key, the outer key with its largest share (the smallest outer key on a tie)."""
    best: dict[int, tuple[float, int]] = {}
    for outer, inner in sorted(shares.items()):
        for key, share in inner.items():
            if key not in best or share > best[key][0]:
                best[key] = (share, outer)
    return {key: outer for key, (_, outer) in best.items()}


class _Where(NamedTuple):
    """Where a paragraph can have gone: in how many articles of a draft each 3-gram is (``df``; those identical to
    their partner and those in a split or merge already left out), and which of them, among the articles that
    can have received a paragraph (``postings``: no partner, or a sentence more than their partner)."""

    df: Counter[int]
    postings: dict[int, list[int]]


def _postings(
    targets: list[Item], sources: list[Item], partner_of_target: dict[int, int], grouped: set[int]
) -> _Where:
    df: Counter[int] = Counter()
    postings: dict[int, list[int]] = defaultdict(list)
    for t in targets:
        partner = partner_of_target.get(t.index)
        if not t.matchable or t.index in grouped or (partner is not None and sources[partner].key == t.key):
            continue
        df.update(t.shingles)
        if _gained(t, _at(sources, partner)):
            for s in t.shingles:
                postings[s].append(t.index)
    return _Where(df, postings)


def _at(items: list[Item], index: int | None) -> Item | None:
    return None if index is None else items[index]


def _gained(item: Item, partner: Item | None) -> bool:
    """Whether ``item`` holds a sentence (``MIN_PARAGRAPH`` shingles) that its partner does not: only then can a
    paragraph have left it, or joined it."""
    return partner is None or len(item.shingles - partner.shingles) >= MIN_PARAGRAPH


def _left_their_article(
    sources: list[Item],
    targets: list[Item],
    partner: dict[int, int],
    grouped: set[int],
    where: _Where,
) -> Iterator[tuple[int, int, float]]:
    """(source index, target index, share) for each paragraph of a source article that left it for a target
    article. A paragraph left when its distinctive shingles (those in at most ``DISTINCT`` target articles: a
    stock formula such as "the Commission is empowered to adopt delegated acts" is in many, and proves nothing)
    are mostly (``MIN_MOVED``) in one target and not with the source's own partner, counting in the target only
    what its own partner does not explain, and at least ``MIN_PARAGRAPH`` of them (a sentence or so: a short
    paragraph that shares a clause with another article has not moved there). An article that survives whole in
    its partner has none left over, so it is never split."""
    partner_of_target = {t: s for s, t in partner.items()}
    for source in sources:
        home = partner.get(source.index)
        if not source.matchable or source.index in grouped or not _gained(source, _at(targets, home)):
            continue
        kept = targets[home].shingles if home is not None else frozenset()
        for text in paragraphs(source.provision):
            own = [s for s in text_shingles(text) if where.df[s] <= DISTINCT]
            if len(own) < MIN_PARAGRAPH or sum(s in kept for s in own) >= MIN_MOVED * len(own):
                continue  # a sentence or less of distinctive text, or it stayed with its partner
            found = Counter(chain.from_iterable(where.postings.get(s, ()) for s in own))
            found.pop(home, None)  # type: ignore[arg-type]  # None is never a key
            for t_index, common in found.most_common(2):
                other = partner_of_target.get(t_index)
                if other is not None:
                    held = targets[t_index].shingles
                    common = sum(1 for s in own if s in held and s not in sources[other].shingles)
                if common >= max(MIN_MOVED * len(own), MIN_PARAGRAPH):
                    yield source.index, t_index, common / len(own)
                    break


def _splits_and_merges(
    olds: list[Item], news: list[Item], pairs: dict[int, int], shared: dict[int, dict[int, int]]
) -> Groups:
    """Merges and splits by containment.

    Merge: a new article into which two or more old articles went. Each member brings text the new article
    did not get from its own 1:1 partner: at least ``MIN_PART`` of the member, and a sentence (``MIN_PARAGRAPH``
    3-grams) or all of it, lies in that unexplained part (a clause of a stock formula, "The competence,
    organisation and procedure of ... are determined by law", is not a member's text; the formula whole is).
    One member is the anchor (the partner, or ``MIN_ANCHOR`` of it inside); a weak member (under
    ``MIN_CONTAINED`` inside) must also have the new article's number, a title inside its title, or stand next
    to the anchor in the old draft (``NEAR`` articles), so that stock phrases far away do not join. An old
    article with the new one's number or title needs only ``MIN_NAMED_PART`` of it inside (AI Act 18 + 50).
    Split: an old article whose words make most (``MIN_CONTAINED``) of two or more new articles, each taking
    ``MIN_PIECE`` of it or being almost wholly (``WHOLLY``) made of it. A new article drawing a few sentences
    from an old one that lives on elsewhere is an addition, not a split (AI Act 34a from 33)."""
    partner_of_new = {n: o for o, n in pairs.items()}
    groups: Groups = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    # how much of each old article lies in the part of each new article that its partner does not explain
    cover: dict[int, dict[int, float]] = defaultdict(dict)  # new index -> {old index: share}
    for o_index, commons in shared.items():
        o = olds[o_index]
        for n_index, common in commons.items():
            if not common:
                continue
            partner = partner_of_new.get(n_index)
            if partner is not None and partner != o_index:
                common = len(o.shingles & (news[n_index].shingles - olds[partner].shingles))
            if common >= min(MIN_PARAGRAPH, len(o.shingles)) or partner == o_index:
                cover[n_index][o_index] = common / (len(o.shingles) or 1)
    best_home: dict[int, int] = {}
    for n_index, parts in cover.items():
        for o_index, share in parts.items():
            if o_index not in pairs and share >= MIN_PART:
                home = best_home.get(o_index)
                if home is None or share > cover[home][o_index]:
                    best_home[o_index] = n_index
    for n_index in sorted(cover):
        n = news[n_index]
        if n.placeholder or n_index in used_new:
            continue
        partner = partner_of_new.get(n_index)
        parts = cover[n_index]
        candidates = [
            o
            for o, share in sorted(parts.items())
            if o not in used_old
            and (
                o == partner
                or (o not in pairs and best_home.get(o) == n_index and share >= MIN_PART)
                or (o not in pairs and share >= MIN_NAMED_PART and _named_like(olds[o], n))
            )
        ]
        anchors = [o for o in candidates if o == partner or parts[o] >= MIN_ANCHOR]
        if not anchors:
            continue
        anchor = olds[partner] if partner is not None else olds[max(anchors, key=lambda o: parts[o])]
        members = [
            o
            for o in candidates
            if o in anchors
            or parts[o] >= MIN_CONTAINED
            or _named_like(olds[o], n)
            or abs(o - anchor.index) <= NEAR
        ]
        if len(members) >= 2 and any(o not in pairs for o in members):
            groups.append((tuple(members), (n_index,), Outcome.MERGED))
            used_old.update(members)
            used_new.add(n_index)
    for o_index, commons in sorted(shared.items()):
        if o_index in used_old:
            continue
        size = len(olds[o_index].shingles) or 1
        members = []
        for n_index, common in commons.items():
            n = news[n_index]
            if n.placeholder or n_index in used_new:
                continue
            if n_index in partner_of_new and partner_of_new[n_index] != o_index:
                continue
            made_of = common / (len(n.shingles) or 1)
            if made_of >= MIN_CONTAINED and (
                common / size >= MIN_PIECE or made_of >= WHOLLY or partner_of_new.get(n_index) == o_index
            ):
                members.append(n_index)
        if o_index in pairs and pairs[o_index] not in members:
            continue
        if len(members) >= 2 and any(n not in partner_of_new for n in members):
            groups.append(((o_index,), tuple(sorted(members)), Outcome.SPLIT))
            used_old.add(o_index)
            used_new.update(members)
    return groups


def _acceptable(o: Item, n: Item, common: int, body: float, title: float | None) -> bool:
    """Whether a candidate pair, with ``common`` 3-grams in common and the body and title scores of ``_score``,
    reaches the bar of the best-first pass."""
    contained = common / max(1, min(len(o.shingles), len(n.shingles)))
    return (
        body >= MIN_BODY
        or (body >= MIN_BODY_WITH_CONTAINMENT and contained >= MIN_CONTAINED_PAIR)
        or (body >= MIN_BODY_WITH_TITLE and title is not None and title >= MIN_TITLE)
        or _filled_or_emptied(o, n)
    )


def _filled_or_emptied(old: Item, new: Item) -> bool:
    """One of the two is a heading with no words under it (an annex not yet written, or emptied), the other of
    the same kind, number and title: the same provision, its text added or taken out. Without words there is no
    body to compare, and a heading alone is not enough to pair two provisions that both have text."""
    return (
        (not old.shingles or not new.shingles)
        and bool(old.number)
        and old.number == new.number
        and bool(old.title)
        and old.title == new.title
        and old.provision.node.kind is new.provision.node.kind
    )


def _named_like(old: Item, new: Item) -> bool:
    return old.number == new.number or _title_inside(old, new)


def _title_inside(old: Item, new: Item) -> bool:
    """All the significant words of the old title are in the new title ("Structure of the Board" inside
    "Establishment and structure of the European AI Board")."""
    significant = {w for w in old.title if len(w) > 3}
    return bool(significant) and significant <= new.title
