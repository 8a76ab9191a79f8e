"""Each line's kind and weight in a round of the context step
(:mod:`~cleanseed.boilerplate.context`): the kind of a line on its own
(:func:`~cleanseed.boilerplate.lines.kind_of`, looked up for a line judged lately), its weight
on its own (:func:`base_weights`), and its weight where it stands, with the lines of a post's
record and the entries of a list of sections marked (:func:`with_records`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, compress, count, repeat
from operator import not_

from cleanseed.boilerplate.around import enclosed_lines, section_entries
from cleanseed.boilerplate.lines import SENTENCE_ENDS, kind_of
from cleanseed.boilerplate.records import find_records
from cleanseed.boilerplate.weights import (
    ATTACHED,
    BELOW_PROSE,
    CELLS,
    FAR,
    HEADING_WEIGHT,
    LABEL_WEIGHTS,
    NEAR_REACH,
    NEAR_WEIGHT,
    NO_PROSE,
    PAST_CHROME,
    PROSE_CHARS,
    PROSE_MAX,
    PROSE_MIN,
    TABLE_REACH,
    WEIGHTS,
)

__all__ = ["KNOWN_LINES", "QUIET", "REMOVED", "ROWS", "RULED", "base_weights", "line_kinds",
           "with_records"]

#: The kind of a line a rule removed that articles hold too (a caption, a dateline).
QUIET = "quiet"
#: The kinds of the lines the rules removed.
REMOVED = frozenset((None, QUIET))
#: The kinds that go wherever they stand, and mark what follows as chrome.
ROWS = frozenset(("row", "record", "entry", "teaser"))
#: The weight of each kind of line a rule removed.
RULED = {None: WEIGHTS[None], QUIET: WEIGHTS[QUIET]}
_DIGITS = frozenset(("cell", "data"))
_NONE = frozenset((None,))
_PROSE = frozenset(("prose",))
_PAD = max(NEAR_REACH, TABLE_REACH)
_LABELS = frozenset(("label", "plain"))
_HEADINGS = frozenset(("label", "plain", "text"))
_BASE = {**WEIGHTS, "label": LABEL_WEIGHTS["label", NO_PROSE],
         "plain": LABEL_WEIGHTS["plain", NO_PROSE]}


#: The kinds of the lines judged lately, by their stop words (a line's kind depends on them and on
#: its text alone): the lines a page shares with the pages before it (its site's menus, "Share",
#: "Home") and with the text judged again after the repeats step are looked up, not judged
#: again. Each table is emptied when it holds KNOWN_LINES lines.
KNOWN_LINES = 8192
_known: dict[frozenset[str], dict[str, str]] = {}


def line_kinds(texts: Sequence[str], removed: Sequence[bool], stop: frozenset[str],
           ) -> list[str | None]:
    """:func:`~cleanseed.boilerplate.lines.kind_of` of each of *texts* (stripped lines; None
    where removed); a line a page repeats (a menu in the header and the footer) is judged
    once, and a line judged lately is looked up (see KNOWN_LINES)."""
    known = _known.get(stop)
    if known is None or len(known) >= KNOWN_LINES:
        known = _known[stop] = {}
    seen = dict.fromkeys(compress(texts, map(not_, removed)))
    for text in seen:
        kind = known.get(text)
        if kind is None:
            kind = known[text] = kind_of(text, stop)
        seen[text] = kind
    out: list[str | None] = list(map(seen.get, texts))
    for i in compress(count(), removed):
        out[i] = None
    return out


def base_weights(kinds: list[str | None], lengths: Sequence[int]) -> list[float]:
    """The weight of each line on its own (*lengths*: of the stripped lines): a line of prose
    weighs by its length; a label, by where it stands (worked out in each round, _weights)."""
    out: list[float] = list(map(_BASE.get, kinds, repeat(0.0)))
    for i in compress(count(), map(_PROSE.__contains__, kinds)):
        out[i] = min(PROSE_MAX, max(PROSE_MIN, lengths[i] / PROSE_CHARS))
    return out


def with_records(kinds: list[str | None], base: list[float], texts: list[str],
                  keys: list[str | None], *, threads: bool,
                  ) -> tuple[list[str | None], list[float], bool]:
    """The kinds and weights (:func:`_weights`; *base*: on their own) of a round's lines
    (*texts*: stripped), with the lines of a post's record
    (:func:`~cleanseed.boilerplate.records.record_lines`) as "record" and the entries of a
    list of the page's sections that a rule named
    (:func:`~cleanseed.boilerplate.around.section_entries`) as "entry". Such lines go wherever
    they stand. In the cut a record weighs nothing: it stands between posts, which
    are content, and would drag them into the header or the footer.

    *keys* are the lines' shapes (:func:`~cleanseed.boilerplate.records.record_keys`).
    Records are looked for only while *threads* (the lines may hold one); the third value
    says whether they still may, once lines are gone (:func:`~cleanseed.boilerplate.records.
    find_records`)."""
    weights = _weights(kinds, base, texts)
    entries = section_entries(kinds, texts)
    if entries:
        kinds = kinds[:]
        for i in entries:
            kinds[i] = "entry"
    found, threads = find_records(texts, kinds, keys) if threads else ([], False)
    if not found:
        return kinds, weights, threads
    out = kinds[:]
    for i in found:
        out[i] = "record"
        weights[i] = 0.0
    # the sentence under a record is a post ("Thanks, that was it."): it weighs as prose
    for i in found:
        if i + 1 < len(out) and out[i + 1] == "text" and texts[i + 1].endswith(SENTENCE_ENDS):
            weights[i + 1] = max(weights[i + 1], PROSE_MIN)
    return out, weights, threads


def _weights(kinds: list[str | None], base: list[float], texts: list[str]) -> list[float]:
    """The weight of each line of a round, its neighbours considered (*base*: on its own;
    *texts*: the lines, stripped)."""
    weights = base[:]
    enclosed = enclosed_lines(kinds, texts)
    if not _LABELS.intersection(kinds) and not enclosed:
        return weights
    heads = _before_prose(kinds)
    # the page's headings: a label that says the same further up or down is an entry of the
    # article's table of contents, not a menu item
    titles = {texts[i] for i in compress(count(), heads) if kinds[i] in _HEADINGS}
    # the cells and the lines a rule removed before each line: line i's window of reach r
    # is [i+_PAD-r, i+_PAD+r+1) in these
    cells, hits = _padded_counts(kinds, _DIGITS), _padded_counts(kinds, _NONE)
    where = NO_PROSE  # where the line stands: before any prose, below prose, or past chrome
    since = 0  # lines since the last line of prose
    for i, kind in enumerate(kinds):
        if kind == "prose":
            where, since = BELOW_PROSE, 0
            continue
        since += 1
        if kind is None or kind in ROWS:
            where = PAST_CHROME
        if kind not in _LABELS:
            if i not in enclosed:
                continue
            kind = "label"  # a headline amid chrome weighs as a label there
        if heads[i]:  # a label just above prose is a heading
            weights[i] = HEADING_WEIGHT
            continue
        far = where == BELOW_PROSE and since > ATTACHED
        weight = LABEL_WEIGHTS[kind, FAR if far else where]
        if hits[i + _PAD + NEAR_REACH + 1] - hits[i + _PAD - NEAR_REACH]:
            weight += NEAR_WEIGHT
        # a label amid lines of digits or code is a cell of a table; one that is also a heading
        # of the page, an entry of its table of contents
        if texts[i] in titles or (
                cells[i + _PAD + TABLE_REACH + 1] - cells[i + _PAD - TABLE_REACH] >= CELLS):
            weight = max(weight, 0.0)
        weights[i] = weight
    return weights


def _before_prose(kinds: list[str | None]) -> list[bool]:
    """Whether the next line after each of *kinds* (lines the rules removed aside) is prose: a
    heading's place."""
    heads = [False] * len(kinds)
    follows = False
    for i in range(len(kinds) - 1, -1, -1):
        kind = kinds[i]
        if kind not in REMOVED:
            heads[i], follows = follows, kind == "prose"
    return heads


def _padded_counts(kinds: list[str | None], among: frozenset[str | None]) -> list[int]:
    """How many lines of a kind *among* come before each of *kinds*, padded with _PAD lines of
    none at both ends so that a window's ends need no clipping."""
    pad = [False] * _PAD
    return list(accumulate([*pad, *map(among.__contains__, kinds), *pad], initial=0))
