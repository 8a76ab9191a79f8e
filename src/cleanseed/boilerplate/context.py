"""Lines judged in context: the prose blocks of a page, and what lies around and between them.

A page's text (menus, sidebars and footers included, one line per block) is content where its
prose is: long lines full of stop words, close together. Each line is first judged on its own
(:mod:`cleanseed.boilerplate.lines`: prose, label, short, row); then, as jusText does with
paragraphs, by its neighbours:

1. **Prose blocks.** Consecutive prose lines belong to one block unless what stands between
   them weighs more than :data:`BREAK_WEIGHT` (a menu, a list of links): a label or a row
   weighs 1, any other short line :data:`SHORT_WEIGHT`, a line the rules removed nothing.
2. **Main blocks.** A block is kept when it holds at least :data:`MIN_SHARE` of the page's
   prose characters; a smaller one is a teaser, a comment, a notice (``context.low_prose``).
3. **Around them.** Everything from a kept block's first prose line to its last stays, and
   so does what lies between two kept blocks unless it weighs more than :data:`HEAVY_WEIGHT`
   (a heading, a list, a table between paragraphs). Below a kept block, lines stay up to
   :data:`BELOW_WEIGHT` of weight, less the bare titles just before the line that passes it
   (teasers above a footer); above it, up to :data:`ABOVE_WEIGHT` (a title, a heading). Every
   other line goes (``context.short_run``); so does a row of labels anywhere
   (``context.label_row``).

Only weights decide, never runs of consecutive lines: removing a line (here, or a later step
such as the repeats step) only ever lightens what lies between the others, so what stayed
keeps staying.

A page without prose is left alone, and so is a text of fewer than :data:`MIN_LINES` lines.
A line that was removed never counts again: the verdicts are worked out anew on the lines that
stay until none changes, so the result is its own fixed point and stripping twice changes
nothing.

    >>> menu = ["Home", "News", "Sport", "Weather", "Culture", "Travel"]
    >>> footer = ["Privacy", "Terms", "Careers", "Contact", "Help", "Shop", "Games", "Jobs",
    ...           "Podcasts", "Events"]
    >>> page = [*menu, "Floods close the bridge",
    ...         "The river rose by two metres overnight, and the town's bridge was closed.",
    ...         "Residents said that the water had reached their doors before dawn.", *footer]
    >>> [line for line, v in zip(page, classify_lines(page)) if v.keep]  # doctest: +ELLIPSIS
    ['Floods close the bridge', "The river rose by two metres ...", 'Residents said ...']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleanseed.boilerplate.lines import (
    LineFeatures,
    features,
    language_hits,
    language_of,
    stop_words,
)

__all__ = ["LineVerdict", "classify_lines"]

#: More than this much weight between two prose lines splits their block.
BREAK_WEIGHT = 4.5
#: Between two kept blocks, lines stay unless they weigh more than this.
HEAVY_WEIGHT = 12.0
#: The weight of a short line that is not a label (a number, a date, code, a sentence's end).
SHORT_WEIGHT = 0.25
#: The weight of a line a rule removed (as a label: 1.0; not there at all: 0.0).
REMOVED_WEIGHT = 0.0
#: A block is kept when it holds this share of the page's prose characters.
MIN_SHARE = 0.15
#: Below a kept block, lines stay until a run of labels or more than this much weight.
BELOW_WEIGHT = 8.0
#: Above a kept block, lines stay up to this much weight: a title, a heading.
ABOVE_WEIGHT = 1.0
#: A text of fewer non-blank lines is not a page.
MIN_LINES = 4
#: At most this many rounds of judging the remaining lines again (one or two in practice).
MAX_ROUNDS = 32

RULE_ROW = "context.label_row"
RULE_RUN = "context.short_run"
RULE_PROSE = "context.low_prose"


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What the context step decided about one line, and why."""

    #: Whether the line stays.
    keep: bool
    #: The id of the reason it goes, or None.
    rule: str | None
    #: The deciding signals: the line's features and its place among the prose blocks.
    signals: str
    #: The line's own features (None for a line removed before the context step).
    features: LineFeatures | None


def classify_lines(lines: Sequence[str], removed: Sequence[bool] | None = None,
                   lang: str | None = None) -> list[LineVerdict]:
    """Judge each of *lines* (non-blank) in context; *removed* marks lines a rule already took.

    The language of the stop words is guessed from the lines that stay unless *lang* is given.
    """
    gone = list(removed) if removed is not None else [False] * len(lines)
    verdicts: dict[int, tuple[str, str]] = {}  # index -> (rule, where) of lines taken so far
    feats: list[LineFeatures | None] = [None] * len(lines)
    known = ""
    # The first round sees the lines the rules removed, as labels; later rounds see only the
    # lines that stay, as stripping the result again would, until nothing more goes.
    order = list(range(len(lines)))
    votes = [language_hits(line) for line in lines] if lang is None else []
    for _ in range(MAX_ROUNDS):
        alive = [i for i in order if not gone[i]]
        guess = lang or language_of(votes[i] for i in alive)
        if guess != known:
            stop, known = stop_words(guess), guess
            feats = [None if g else features(line, stop)
                     for line, g in zip(lines, gone, strict=True)]
        taken = _round([feats[i] for i in order], [len(lines[i]) for i in order])
        for k, why in taken.items():
            verdicts[order[k]] = why
        if not taken and len(alive) == len(order):
            break
        order = [i for i in alive if i not in verdicts]
    out = []
    for i, f in enumerate(feats):
        own = f.signals() if f is not None else "removed by a rule"
        if i in verdicts:
            rule, where = verdicts[i]
            out.append(LineVerdict(False, rule, f"{own}; {where}", f))
        else:
            out.append(LineVerdict(f is not None, None, own, f))
    return out


def _weight(f: LineFeatures | None) -> float:
    if f is None:
        return REMOVED_WEIGHT
    if f.kind in ("label", "row"):
        return 1.0
    return 0.0 if f.kind == "prose" else SHORT_WEIGHT


def _blocks(feats: list[LineFeatures | None]) -> list[list[int]]:
    """The prose lines of *feats*, in blocks (see the module doc)."""
    prose = [i for i, f in enumerate(feats) if f is not None and f.kind == "prose"]
    blocks: list[list[int]] = []
    for i in prose:
        if blocks and not _breaks(feats, blocks[-1][-1] + 1, i):
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def _breaks(feats: list[LineFeatures | None], start: int, end: int) -> bool:
    """Whether the lines ``start:end`` between two prose lines split their block."""
    return sum(map(_weight, feats[start:end])) > BREAK_WEIGHT


def _heavy(feats: list[LineFeatures | None], start: int, end: int) -> bool:
    """Whether the lines ``start:end`` weigh more than a block may hold."""
    return sum(map(_weight, feats[start:end])) > HEAVY_WEIGHT


def _round(feats: list[LineFeatures | None], sizes: list[int]) -> dict[int, tuple[str, str]]:
    """One round over the remaining lines (None: removed by a rule): the lines to take now,
    with their rule and where they stand."""
    alive = [i for i, f in enumerate(feats) if f is not None]
    blocks = _blocks(feats)
    if len(alive) < MIN_LINES or not blocks:
        return {}
    mass = [sum(sizes[i] for i in b) for b in blocks]
    total = sum(mass)
    keep = [False] * len(feats)
    kept = [b for b, m in zip(blocks, mass, strict=True) if m >= MIN_SHARE * total]
    for block, after in zip(kept, [*kept[1:], None], strict=True):
        # a kept block's span, and what lies between it and the next kept block unless that
        # is too heavy to be the article's (a heading and a list between two parts of it)
        end = block[-1]
        if after is not None and not _heavy(feats, block[-1] + 1, after[0]):
            end = after[0]
        for i in range(block[0], end + 1):
            keep[i] = True
        _extend(feats, keep, range(block[-1] + 1, len(feats)), BELOW_WEIGHT, trim=True)
        _extend(feats, keep, range(block[0] - 1, -1, -1), ABOVE_WEIGHT, trim=False)
    taken = {}
    big = {i: (m, len(b)) for b, m in zip(blocks, mass, strict=True) for i in b}
    for i in alive:
        f = feats[i]
        assert f is not None
        if f.kind == "row":
            taken[i] = (RULE_ROW, "a row of labels")
        elif keep[i]:
            continue
        elif i in big:
            m, n = big[i]
            taken[i] = (RULE_PROSE, f"in a prose block of {n} lines, {m} of the page's "
                                    f"{total} prose characters")
        else:
            taken[i] = (RULE_RUN, "outside the page's main prose blocks")
    return taken


def _bare(f: LineFeatures | None) -> bool:
    """Whether a line is a bare title: no sentence end, no digits, code or list marker."""
    return f is not None and not f.ended and not f.code


def _extend(feats: list[LineFeatures | None], keep: list[bool], order: range,
            limit: float, *, trim: bool) -> None:
    """Keep the lines of *order* (away from a kept block) until a prose line or more than
    *limit* of weight; with *trim*, the bare titles just before the line that passes it go
    with it."""
    weight = 0.0
    here: list[int] = []
    for i in order:
        f = feats[i]
        if f is None:  # removed by a rule: it neither stops nor counts
            continue
        if f.kind == "prose":
            break
        weight += _weight(f)
        if weight > limit:  # chrome from here on: the bare titles just before it go with it
            while trim and here and _bare(feats[here[-1]]):
                here.pop()
            break
        here.append(i)
    for i in here:
        keep[i] = True
