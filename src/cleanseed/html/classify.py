"""Judge every block of a page by its own text and by its neighbours, wherever it sits.

The main-content search (:mod:`cleanseed.html.extract`) picks one container; this module
says, for each block of the whole body, whether it reads like the article's prose, so that
:mod:`cleanseed.html.widen` can tell when the container missed part of the article and take
it back. The judgement is in the manner of jusText (Pomikálek, 2011): each block is first
judged alone, then blocks too short to judge alone take the verdict of their neighbours.

Alone, a block is:

- ``BAD`` when it is mostly link text (a menu item, a list of related stories);
- ``GOOD`` when it is long enough to be a paragraph, has few links, and reads like prose:
  it holds sentence punctuation and, in scripts that part words with spaces, enough words;
  a block that opens with a link (a teaser's linked headline) is not prose alone;
- ``SHORT`` otherwise: a heading, a label, a one-line quote, whose verdict comes from context.

In context, a ``SHORT`` block between two ``GOOD`` ones (skipping other short ones) is
``GOOD``; so is a heading followed by ``GOOD`` text, and a short block that ends a sentence
next to one ``GOOD`` neighbour. The rest is ``BAD``. Blocks the caller already set aside (a
flagged element, a caption) are skipped, not judged: they neither join nor part the blocks
around them.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleanseed.html.blocks import Block, Layout
from cleanseed.html.rules import CELL_TAGS, HEADINGS

__all__ = ["BAD", "GOOD", "SHORT", "alone", "carried", "judge"]

BAD, SHORT, GOOD = 0, 1, 2

#: A block shorter than this is judged by its neighbours, not alone.
_PARAGRAPH = 70
#: A block with more than this share of link text is never prose alone.
_MAX_LINKS = 0.3
#: A block with more than this share of link text is bad whatever its neighbours.
_ALL_LINKS = 0.5
#: A paragraph in a script that parts words with spaces has at least this many words.
_MIN_WORDS = 8
#: Text with fewer spaces than one in this many characters is in a script that does not part
#: its words; there, a block this long is a paragraph.
_LONGEST_WORD = 12
_PARAGRAPH_UNSPACED = 25
#: A block that opens with a link is a teaser (a linked headline and its summary) when the
#: link is more than this share of it; a paragraph that opens on a name links less.
_TEASER_LINKS = 0.1
#: ... and a teaser's summary is a line or two, shorter than this.
_TEASER_MAX = 300
#: Characters that end or part sentences: Latin, Greek and Cyrillic; CJK (full and half width);
#: Arabic and Urdu; the danda of Devanagari, Bengali and their kin; Armenian; Ethiopic.
_SENTENCE_MARKS = frozenset(".!?;:…。！？；：．｡\u061f\u061b\u06d4\u0964\u0965\u0589\u1362")
#: A heading stands for the text that follows within this many blocks.
_HEADING_REACH = 2


def _marks(text: str) -> int:
    return sum(text.count(mark) for mark in _SENTENCE_MARKS if mark in text)


def alone(block: Block) -> int:
    """The verdict on *block* by its own text."""
    text = block.text
    density = block.link_density
    if density > _ALL_LINKS:
        return BAD
    if density > _MAX_LINKS or (block.link_first and density > _TEASER_LINKS):
        return SHORT
    spaces = text.count(" ")
    if spaces * _LONGEST_WORD < len(text):
        # a script that does not part its words (Chinese, Japanese, Thai): a line of a few
        # dozen characters says as much as a sentence, and may go without punctuation
        return GOOD if len(text) >= _PARAGRAPH_UNSPACED else SHORT
    if len(text) < _PARAGRAPH or spaces + 1 < _MIN_WORDS or not _marks(text):
        return SHORT
    return GOOD


def _ends_sentence(text: str) -> bool:
    tail = text.rstrip("\"'”’»)]")
    return bool(tail) and tail[-1] in _SENTENCE_MARKS


def judge(layout: Layout, skip: Sequence[bool], barred: Sequence[bool] | None = None,
          ) -> list[int]:
    """The verdict on each block of *layout*; blocks where *skip* is true are ``BAD`` and
    transparent to their neighbours, those where *barred* is true ``BAD`` whatever they say.

    >>> from cleanseed.html.blocks import collect
    >>> from cleanseed.html.parse import parse
    >>> html = ("<h2>A heading</h2><p>" + "A sentence of the article, with words. " * 3
    ...         + "</p><p>Short one.</p><p>" + "Another sentence of it, on and on. " * 3
    ...         + "</p><ul><li><a href=/x>A link</a></ul>")
    >>> judge(collect(parse(html, None)), [False] * 5)
    [2, 2, 2, 2, 0]
    """
    blocks = layout.blocks
    first = [BAD if gone else alone(block) for block, gone in zip(blocks, skip, strict=True)]
    if barred is not None:
        first = [BAD if bar else verdict for verdict, bar in zip(first, barred, strict=True)]
    order = [i for i, gone in enumerate(skip) if not gone]
    before = _nearest(order, first, reverse=False)
    after = _nearest(order, first, reverse=True)
    verdict = list(first)
    elements = layout.elements
    for rank, i in enumerate(order):
        if first[i] != SHORT:
            continue
        left, right = before[rank], after[rank]
        block = blocks[i]
        if left == GOOD and right == GOOD:
            verdict[i] = GOOD
        elif block.elem >= 0 and elements[block.elem].name in HEADINGS:
            ahead = order[rank + 1:rank + 1 + _HEADING_REACH]
            verdict[i] = GOOD if any(first[j] == GOOD for j in ahead) else BAD
        elif GOOD in (left, right) and _ends_sentence(block.text) and (
                block.link_density <= _MAX_LINKS):
            verdict[i] = GOOD
        else:
            verdict[i] = BAD
    return verdict


def _nearest(order: list[int], alone: list[int], *, reverse: bool) -> list[int]:
    """For each block of *order*, the verdict of the nearest block before it (after it, with
    *reverse*) that is not ``SHORT``; ``BAD`` at the page's edge."""
    out = [BAD] * len(order)
    seen = BAD
    ranks = range(len(order) - 1, -1, -1) if reverse else range(len(order))
    for rank in ranks:
        out[rank] = seen
        verdict = alone[order[rank]]
        if verdict != SHORT:
            seen = verdict
    return out


_ITEMS = frozenset({"li", "dt", "dd"})
#: A row of a data table: each of its cells holds at most this many characters.
_CELL = 120


def carried(layout: Layout, index: int, keep: Sequence[bool], lists: dict[int, bool]) -> bool:
    """Whether the link-heavy block at *index*, kept so far (*keep*), is carried by its
    context: an item of a list whose items are mostly not links (a list of changes in which
    some entries are a linked bug title), or of a list set in an item of such a list, a cell
    of a data table (:func:`_data_cell`), or a linked heading followed by its text in the same
    element (:func:`_text_follows`). *lists* remembers the verdict on each list and table.

    A list of related stories is all links; a teaser's linked headline is followed by a
    summary that opens with a link, or sits in an item of a list of them: none is carried.
    """
    block = layout.blocks[index]
    if block.elem < 0:
        return False
    element = layout.elements[block.elem]
    if element.name in CELL_TAGS:
        return _data_cell(layout, block.elem, keep, lists)
    if element.name in HEADINGS:
        after = index + 1
        while after < len(keep) and not keep[after]:
            after += 1
        if after == len(keep) or element.parent < 0:
            return False
        holder = layout.elements[element.parent]
        return (holder.name not in _ITEMS and after < holder.end
                and _text_follows(layout, after, keep, lists))
    if element.name not in _ITEMS or element.parent < 0:
        return False
    parent = element.parent
    if _prose_list(layout, parent, keep, lists):
        return True
    # a list of links set in an item of a list of prose (the bugs fixed, under the entry that
    # names the work) is that entry's, as the entry is the article's; that list is judged by
    # its own items, this one aside
    entry = layout.elements[parent].parent
    return (entry >= 0 and layout.elements[entry].name in _ITEMS
            and layout.elements[entry].parent >= 0
            and _prose_list(layout, layout.elements[entry].parent, keep, lists, own=True))


def _text_follows(layout: Layout, after: int, keep: Sequence[bool], lists: dict[int, bool],
                  ) -> bool:
    """Whether the block at *after*, the first kept after a linked heading, is the text it
    heads: prose, or an item of a list mostly not of links, that is no teaser's summary: a
    line or two that opens with a link (a review's paragraph may open with the linked title it
    reviews: a few words of many). A heading followed by another heads no text: a label
    ("Related post: <a>...</a>")."""
    block = layout.blocks[after]
    if block.link_density > _MAX_LINKS or (block.link_first and (
            block.link_density > _TEASER_LINKS or len(block.text) < _TEASER_MAX)):
        return False
    if alone(block) == GOOD:
        return True
    element = layout.elements[block.elem] if block.elem >= 0 else None
    return (element is not None and element.name in _ITEMS and element.parent >= 0
            and _prose_list(layout, element.parent, keep, lists))


def _data_cell(layout: Layout, cell: int, keep: Sequence[bool], lists: dict[int, bool]) -> bool:
    """Whether the table cell *cell* is a value in a data table: its row holds short cells, one
    of them not a link (a label: "Genus" beside a linked "Hordeum"), and the table's cells are
    mostly not links. A layout table's column of links sits beside a column of long text; a
    table of links (a navigation box) is mostly links.
    """
    elements, blocks = layout.elements, layout.blocks
    row = elements[cell].parent
    if row < 0 or elements[row].name != "tr" or elements[row].parent < 0:
        return False
    label = False
    for i in range(elements[row].start, elements[row].end):
        if len(blocks[i].text) > _CELL:
            return False
        if keep[i] and blocks[i].link_density <= _ALL_LINKS and not (
                elements[cell].start <= i < elements[cell].end):
            label = True
    return label and _prose_list(layout, elements[row].parent, keep, lists)


def _prose_list(layout: Layout, index: int, keep: Sequence[bool], lists: dict[int, bool], *,
                own: bool = False) -> bool:
    """Whether the list at *index* is mostly not links, among the blocks kept (*keep*): all of
    them, or with *own* only those of its own items (not of a list set in one of them).
    *lists* remembers the verdicts."""
    key = ~index if own else index
    if key not in lists:
        outer = layout.elements[index]
        chars = links = 0
        for i in range(outer.start, outer.end):
            if keep[i] and (not own or _item_of(layout, layout.blocks[i].elem) == index):
                chars += len(layout.blocks[i].text)
                if layout.blocks[i].link_density > _ALL_LINKS:
                    links += len(layout.blocks[i].text)
        lists[key] = links * 2 < chars
    return lists[key]


def _item_of(layout: Layout, node: int) -> int:
    """The list that holds the nearest item around the element *node*, or -1."""
    elements = layout.elements
    while node >= 0 and elements[node].name not in _ITEMS:
        node = elements[node].parent
    return elements[node].parent if node >= 0 else -1
