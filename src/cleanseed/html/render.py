"""Join the blocks kept into the page's text: paragraphs apart, the items of a list and the rows
of a table on consecutive lines, the cells of a row on one."""

from __future__ import annotations

from cleanseed.html.blocks import Block, Layout
from cleanseed.html.rules import CELL_TAGS

__all__ = ["render"]

#: List items: the items of one list are kept on consecutive lines.
_ITEM_TAGS = frozenset({"li", "dt", "dd"})


def render(blocks: list[Block], layout: Layout) -> str:
    """Join *blocks* into text: a blank line between paragraphs, one newline between the items
    of a list and the rows of a table, a tab between the cells of a row."""
    out: list[str] = []
    previous = None
    for block in blocks:
        if previous is not None:
            out.append(_separator(layout, previous, block))
        out.append(block.text)
        previous = block
    return "".join(out)


def _separator(layout: Layout, a: Block, b: Block) -> str:
    if a.elem < 0 or b.elem < 0:
        return "\n\n"
    ea, eb = layout.elements[a.elem], layout.elements[b.elem]
    if ea.parent < 0 or eb.parent < 0:
        return "\n\n"
    if ea.name in CELL_TAGS and eb.name in CELL_TAGS:
        if ea.parent == eb.parent:
            return "\t"  # cells of one row
        same_table = layout.elements[ea.parent].parent == layout.elements[eb.parent].parent
        return "\n" if same_table else "\n\n"
    if ea.name == eb.name and ea.name in _ITEM_TAGS and ea.parent == eb.parent:
        return "\n"
    return "\n\n"
