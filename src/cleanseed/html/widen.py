"""Take back the article text that the main-content container left out.

The container :mod:`cleanseed.html.extract` picks is a prior, not a cut. Each block of the page
is judged by its text and its neighbours (:mod:`cleanseed.html.classify`); the ``GOOD`` ones
are the page's prose. When the container holds most of it, nothing changes. Otherwise:

- **Widening.** The container holds part of the prose (an article split in sections that no
  one element holds): the search climbs to the nearest ancestor that holds enough of it, and
  there adds each run of ``GOOD`` blocks that touches the container, with at most page chrome
  between them, and whose paragraphs are written in the same markup as the container's (the
  same tags for the paragraph and its two nearest ancestors); a run taken back is part of the
  container for the runs beyond it (an intro in a box of its own, a share bar away from a
  box of paragraphs that is the container's neighbour). A passage further away, or
  marked up otherwise, is more often a comment, an author's note or a site's blurb than the
  article's.
- **Fallback.** The container holds so little prose, and so little of the page's, that it
  cannot be trusted (an author's box, a teaser picked on a page with no single container):
  the page's longest run of prose joins it, if it is a passage, and is widened as above.

A run is a stretch of ``GOOD`` blocks in reading order; a ``BAD`` block ends it, except a very
short one (an "image" link, a dingbat) that is passed over and left out. A run taken back
brings the short lines that end the element holding its last block (a sign-off: "Yours, the
editors"), which have no prose after them to take a verdict from. Blocks already set
aside (a flagged element, a caption) are transparent: they neither join nor part runs.
"""

from __future__ import annotations

from cleanseed.html.blocks import Layout
from cleanseed.html.classify import BAD, GOOD, SHORT, alone, judge

__all__ = ["widen"]

#: The container holds at least this share of the page's prose: it stands as picked.
_ENOUGH = 0.75
#: The container holds less than this share of the page's prose, and fewer characters than
#: ``_SHORT``: the fallback takes over.
_FALLBACK = 0.3
_SHORT = 500
#: Pages with less prose than this (characters) are left as picked: too little to judge by.
_MIN_PROSE = 250
#: In the fallback, the longest run of prose joins the container if it holds this many
#: characters.
_RUN_MIN = 250
#: A bad block shorter than this does not end a run. It does not part a run from the
#: container either, nor does a row of links (a menu, a share bar), if there are at most
#: ``_PASS_COUNT`` such blocks in a row.
_PASS_OVER = 25
_PASS_COUNT = 2
_LINKS = 0.5
#: A closing line after a run taken back holds at most this share of link text.
_CODA_LINKS = 0.3
#: How many tags, from a paragraph's own up, make its markup's shape.
_SHAPE_DEPTH = 3


def widen(layout: Layout, drop: list[str | None], inside: list[bool], top: int,
          named: list[bool]) -> list[bool]:
    """Return *inside*, the mask of blocks of the picked container *top*, widened as the
    module's docstring says.

    *drop* marks the blocks already set aside; *named* those in elements a class rule
    flagged, kept for the prose they hold. Outside the container these are never prose: their
    name counts against them, and the text that won them their place is the container's.
    """
    skip = [rule is not None or block.caption for rule, block in zip(drop, layout.blocks,
                                                                      strict=True)]
    barred = [n and not keep for n, keep in zip(named, inside, strict=True)]
    verdict = judge(layout, skip, barred)
    good = [len(block.text) if v == GOOD else 0
            for block, v in zip(layout.blocks, verdict, strict=True)]
    page = sum(good)
    held = sum(size for size, keep in zip(good, inside, strict=True) if keep)
    if page < _MIN_PROSE or held >= _ENOUGH * page:
        return inside
    if held < _FALLBACK * page and held < _SHORT:
        inside = _anchor(layout, verdict, skip, inside, good)
        area = (0, len(inside))
    else:
        area = _area(layout, top, good, _ENOUGH * page)
    shapes = {_shape(layout, i) for i, keep in enumerate(inside) if keep and good[i]}
    widened = list(inside)
    runs = _runs(layout, verdict, skip, inside, area)
    # in reading order, each run after the container may touch one taken before it; then
    # backwards, each run before it may touch one taken after it
    for first, last in runs + runs[::-1]:
        run = range(first, last + 1)
        if (_touches(layout, widened, skip, first, -1) or _touches(layout, widened, skip, last, 1)
                ) and _main_shape(layout, run, good) in shapes:
            for i in run:
                widened[i] = widened[i] or verdict[i] == GOOD
            for i in _coda(layout, skip, last):
                widened[i] = True
    return widened


def _coda(layout: Layout, skip: list[bool], last: int) -> range:
    """The short lines after the block *last* in the element that holds it, up to that
    element's end: the closing line of a run of prose ("Yours, the editors"), which is too
    short to judge alone and has no prose after it to take its verdict from."""
    elem = layout.blocks[last].elem
    parent = layout.elements[elem].parent if elem >= 0 else -1
    if parent < 0:
        return range(0)
    end = last + 1
    while end < layout.elements[parent].end and not skip[end] and (
            alone(layout.blocks[end]) == SHORT
            and layout.blocks[end].link_density <= _CODA_LINKS):
        end += 1
    return range(last + 1, end) if end == layout.elements[parent].end else range(0)


def _anchor(layout: Layout, verdict: list[int], skip: list[bool], inside: list[bool],
            good: list[int]) -> list[bool]:
    """*inside*, and the prose of the page's longest run of prose if it is a passage."""
    runs = _runs(layout, verdict, skip, inside, (0, len(inside)))
    sizes = [sum(good[first:last + 1]) for first, last in runs]
    if not runs or max(sizes) < _RUN_MIN:
        return inside
    first, last = runs[sizes.index(max(sizes))]
    return [keep or (first <= i <= last and good[i] > 0) for i, keep in enumerate(inside)]


def _shape(layout: Layout, index: int) -> tuple[str, ...]:
    """The tag names of a block's element and its nearest ancestors: the markup of a paragraph.
    """
    names: list[str] = []
    node = layout.blocks[index].elem
    while node >= 0 and len(names) < _SHAPE_DEPTH:
        names.append(layout.elements[node].name)
        node = layout.elements[node].parent
    return tuple(names)


def _main_shape(layout: Layout, run: range, good: list[int]) -> tuple[str, ...]:
    """The shape that holds most of the prose of *run*."""
    sizes: dict[tuple[str, ...], int] = {}
    for i in run:
        if good[i]:
            shape = _shape(layout, i)
            sizes[shape] = sizes.get(shape, 0) + good[i]
    return max(sizes, key=sizes.__getitem__) if sizes else ()


def _touches(layout: Layout, inside: list[bool], skip: list[bool], edge: int,
             step: int) -> bool:
    """Whether the nearest block past *edge* (in direction *step*) that is neither set aside
    nor passed over (short, or links) is in the container."""
    i, passed = edge + step, 0
    while 0 <= i < len(inside):
        if inside[i]:
            return True
        if not skip[i]:
            passed += 1
            block = layout.blocks[i]
            if passed > _PASS_COUNT or (len(block.text) >= _PASS_OVER
                                        and block.link_density <= _LINKS):
                return False
        i += step
    return False


def _area(layout: Layout, top: int, good: list[int], enough: float) -> tuple[int, int]:
    """The blocks of the nearest ancestor of *top* holding *enough* characters of prose."""
    prefix = [0]
    for size in good:
        prefix.append(prefix[-1] + size)
    elements = layout.elements
    node = top
    while node >= 0:
        element = elements[node]
        if prefix[element.end] - prefix[element.start] >= enough:
            return element.start, element.end
        node = element.parent
    return 0, len(layout.blocks)


def _runs(layout: Layout, verdict: list[int], skip: list[bool], inside: list[bool],
          area: tuple[int, int]) -> list[tuple[int, int]]:
    """The runs of ``GOOD`` blocks outside the container in the *area* ``[start, end)``: the
    (first, last) block of each."""
    runs: list[tuple[int, int]] = []
    first = last = -1
    for i in range(*area):
        if inside[i]:
            if first >= 0:
                runs.append((first, last))
            first = -1
        elif skip[i]:
            continue
        elif verdict[i] == GOOD:
            if first < 0:
                first = i
            last = i
        elif verdict[i] == BAD and len(layout.blocks[i].text) >= _PASS_OVER and first >= 0:
            runs.append((first, last))
            first = -1
    if first >= 0:
        runs.append((first, last))
    return runs
