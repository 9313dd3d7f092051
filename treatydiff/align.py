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
- A ``[deleted]`` placeholder in the new draft is never matched by number: it records that the old article with
  its number was removed (or points to where that article's content went).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from treatydiff.model import Draft, Match, Node, Outcome, Provision

SHINGLE = 3
MAX_POSTINGS = 40
MIN_BODY = 0.35
MIN_BODY_WITH_TITLE = 0.15
MIN_TITLE = 0.6
MIN_BODY_WITH_CONTAINMENT = 0.2
MIN_CONTAINED_PAIR = 0.6
MIN_CONTAINED = 0.5
MIN_PART = 0.25
MIN_ANCHOR = 0.35
MIN_PIECE = 0.2
MIN_ROOM = 0.25
CANDIDATES = 8

_WORD = re.compile(r"\w+")


def body_text(node: Node) -> str:
    """The words of a provision below its heading: every unit's text, numbers of units left out."""
    return " ".join(n.text for n in node.walk() if n.text)


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(tokens: Sequence[str]) -> frozenset[int]:
    if len(tokens) < SHINGLE:
        return frozenset(zlib.crc32(t.encode()) for t in tokens)
    return frozenset(zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode()) for i in range(len(tokens) - SHINGLE + 1))


@dataclass(frozen=True, slots=True)
class Item:
    index: int
    provision: Provision
    shingles: frozenset[int]
    title: frozenset[str]
    key: str  # normalised body, for exact matches
    position: float

    @property
    def number(self) -> str:
        return self.provision.node.label

    @property
    def placeholder(self) -> bool:
        return self.provision.node.deleted


def items(draft: Draft) -> list[Item]:
    provisions = list(draft.provisions())
    out = []
    for i, provision in enumerate(provisions):
        tokens = words(body_text(provision.node))
        out.append(
            Item(
                i,
                provision,
                shingles(tokens),
                frozenset(words(provision.node.title)),
                f"{provision.node.kind.value}:{' '.join(tokens)}",
                i / max(1, len(provisions) - 1),
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


def align(old: Draft, new: Draft) -> tuple[Match, ...]:
    """Every provision of both drafts in exactly one Match, in no particular order."""
    olds, news = items(old), items(new)
    pairs: dict[int, int] = {}  # old index -> new index
    scores: dict[int, float] = {}

    # 1. identical bodies, unique on both sides
    old_keys = Counter(o.key for o in olds if not o.placeholder)
    new_keys = Counter(n.key for n in news if not n.placeholder)
    by_key = {n.key: n for n in news if not n.placeholder and new_keys[n.key] == 1}
    for o in olds:
        if not o.placeholder and old_keys[o.key] == 1 and o.key in by_key and o.shingles:
            pairs[o.index] = by_key[o.key].index
            scores[o.index] = 1.0

    # 2. candidates from an inverted index of shingles
    taken = set(pairs.values())
    index: dict[int, list[int]] = defaultdict(list)
    for n in news:
        if n.placeholder:
            continue
        for s in n.shingles:
            index[s].append(n.index)
    shared: dict[int, Counter[int]] = {}
    for o in olds:
        if o.placeholder:
            continue
        counts: Counter[int] = Counter()
        for s in o.shingles:
            posting = index.get(s)
            if posting and len(posting) <= MAX_POSTINGS:
                counts.update(posting)
        shared[o.index] = counts
    by_number = {n.number: n.index for n in news if not n.placeholder}
    ranked: list[tuple[float, int, int]] = []
    for o in olds:
        if o.placeholder or o.index in pairs:
            continue
        counts = shared[o.index]
        candidates = [n for n, _ in counts.most_common(CANDIDATES)]
        if o.number in by_number and by_number[o.number] not in candidates:
            candidates.append(by_number[o.number])
        for n_index in candidates:
            if n_index in taken:
                continue
            n = news[n_index]
            common = len(o.shingles & n.shingles)  # boilerplate included: the index only chose candidates
            total, body, title = _score(o, n, common)
            contained = common / max(1, min(len(o.shingles), len(n.shingles)))
            if (
                body >= MIN_BODY
                or (body >= MIN_BODY_WITH_CONTAINMENT and contained >= MIN_CONTAINED_PAIR)
                or (body >= MIN_BODY_WITH_TITLE and title is not None and title >= MIN_TITLE)
            ):
                ranked.append((total, o.index, n_index))
    ranked.sort(key=lambda t: (-t[0], t[1], t[2]))
    for _, o_index, n_index in ranked:
        if o_index in pairs or n_index in taken:
            continue
        pairs[o_index] = n_index
        scores[o_index] = dice(olds[o_index].shingles, news[n_index].shingles)
        taken.add(n_index)

    # 3. splits and merges among what is left
    groups = _splits_and_merges(olds, news, pairs, shared)

    # 4. assemble: every provision in exactly one match
    matches: list[Match] = []
    grouped_old = {i for g_old, _, _ in groups for i in g_old}
    grouped_new = {i for _, g_new, _ in groups for i in g_new}
    for g_old, g_new, outcome in groups:
        combined_old = frozenset().union(*(olds[i].shingles for i in g_old))
        combined_new = frozenset().union(*(news[i].shingles for i in g_new))
        matches.append(
            Match(
                outcome,
                tuple(olds[i].provision for i in g_old),
                tuple(news[i].provision for i in g_new),
                round(dice(combined_old, combined_new), 3),
            )
        )
    for o_index, n_index in pairs.items():
        if o_index in grouped_old or n_index in grouped_new:
            continue
        matches.append(
            Match(Outcome.MODIFIED, (olds[o_index].provision,), (news[n_index].provision,), round(scores[o_index], 3))
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
    placeholder_for: dict[str, Item] = {}
    for n in news:
        if n.placeholder:
            placeholder_for.setdefault(n.number, n)
    used_placeholders: set[int] = set()
    for o in olds:
        if o.index in matched_old:
            continue
        if o.placeholder:
            twin = placeholder_for.get(o.number)
            if twin is not None and twin.index not in used_placeholders:
                used_placeholders.add(twin.index)
                matches.append(Match(Outcome.UNCHANGED, (o.provision,), (twin.provision,), 1.0, "placeholder kept"))
                continue
            matches.append(Match(Outcome.REMOVED, (o.provision,), (), 0.0, "placeholder dropped"))
            continue
        ph = placeholder_for.get(o.number)
        if ph is not None and ph.index not in used_placeholders:
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
    return tuple(matches)


def _splits_and_merges(
    olds: list[Item], news: list[Item], pairs: dict[int, int], shared: dict[int, Counter[int]]
) -> list[tuple[tuple[int, ...], tuple[int, ...], Outcome]]:
    """Merges: a new article holding a good part (``MIN_PART``) of two or more old articles (or the words of
    their titles), one of them its anchor (matched to it, or ``MIN_ANCHOR`` of it inside), one of them left
    unmatched. Splits: an old article whose words make most (``MIN_CONTAINED``) of two or more new articles,
    each taking ``MIN_PIECE`` of it, one of them left unmatched. A new article drawing a few sentences from an
    old one that lives on elsewhere is an addition, not a split (AI Act 34a from 33)."""
    partner_of_new = {n: o for o, n in pairs.items()}
    groups: list[tuple[tuple[int, ...], tuple[int, ...], Outcome]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    part_of: dict[int, dict[int, float]] = defaultdict(dict)  # new index -> {old index: share of old inside}
    for o_index, counts in shared.items():
        size = len(olds[o_index].shingles) or 1
        for n_index, count in counts.items():
            part_of[n_index][o_index] = count / size
    # an unmatched old article can only join the merge into the new article that holds most of it
    # and only into one with room for it: not a new article that its own partner already fills
    room = {n.index: 1.0 for n in news}
    for o_index, n_index in pairs.items():
        inside = len(olds[o_index].shingles & news[n_index].shingles)
        room[n_index] = 1 - inside / (len(news[n_index].shingles) or 1)
    best_home: dict[int, int] = {}
    for o_index, counts in shared.items():
        homes = [n for n, _ in counts.most_common() if room[n] >= MIN_ROOM]
        if o_index not in pairs and homes:
            best_home[o_index] = homes[0]
    for n in news:
        if n.placeholder or n.index in used_new:
            continue
        if room[n.index] < MIN_ROOM:
            continue
        parts = {o: share for o, share in part_of.get(n.index, {}).items() if best_home.get(o, n.index) == n.index}
        members = [
            o
            for o in sorted(parts)
            if not olds[o].placeholder
            and (o not in pairs or pairs[o] == n.index)
            and (parts.get(o, 0.0) >= MIN_PART or _title_inside(olds[o], n))
        ]
        anchored = any(pairs.get(o) == n.index or parts.get(o, 0.0) >= MIN_ANCHOR for o in members)
        if n.index in partner_of_new and partner_of_new[n.index] not in members:
            continue
        members = [o for o in members if o not in used_old]
        if len(members) >= 2 and anchored and any(o not in pairs for o in members):
            groups.append((tuple(members), (n.index,), Outcome.MERGED))
            used_old.update(members)
            used_new.add(n.index)
    for o_index, counts in sorted(shared.items()):
        if o_index in used_old:
            continue
        size = len(olds[o_index].shingles) or 1
        members = [
            n_index
            for n_index, count in counts.items()
            if not news[n_index].placeholder
            and n_index not in used_new
            and (n_index not in partner_of_new or partner_of_new[n_index] == o_index)
            and count / (len(news[n_index].shingles) or 1) >= MIN_CONTAINED
            and (count / size >= MIN_PIECE or partner_of_new.get(n_index) == o_index)
        ]
        if o_index in pairs and pairs[o_index] not in members:
            continue
        if len(members) >= 2 and any(n not in partner_of_new for n in members):
            groups.append(((o_index,), tuple(sorted(members)), Outcome.SPLIT))
            used_old.add(o_index)
            used_new.update(members)
    return groups


def _title_inside(old: Item, new: Item) -> bool:
    """All the significant words of the old title are in the new title ("Structure of the Board" inside
    "Establishment and structure of the European AI Board")."""
    significant = {w for w in old.title if len(w) > 3}
    return bool(significant) and significant <= new.title
