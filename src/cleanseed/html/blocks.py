"""Walk a parsed page once and cut its text into blocks: one per paragraph, heading, list item.

The walk goes once through the page's stream of events (:mod:`cleanseed.html.parse`), with no
recursion (a page nested tens of thousands of levels deep does not reach Python's recursion
limit). Besides the blocks it keeps one :class:`Element`
per block-level element, with the range of blocks it holds, so that the main-content search can
ask "how much prose is inside this element?" without walking the tree again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleanseed.html.match import MARKER
from cleanseed.html.parse import DATA, END, START, Page
from cleanseed.html.rules import (
    BLOCK_TAGS,
    FIGURE_CONTENT_TAGS,
    FIGURE_TAGS,
    HEADINGS,
    PRE_TAGS,
)

__all__ = ["Block", "Element", "Layout", "Sums", "collect"]


@dataclass(slots=True)
class Block:
    """A paragraph's worth of text and where it sits.

    ``elem`` is the index of the innermost block-level :class:`Element` around the text;
    ``link_chars`` counts the characters that are the text of a link; ``caption`` tells text
    that sits in a ``<figure>`` beside its image rather than in a table or listing there;
    ``link_first`` tells a block whose text opens with a link (a teaser: a linked headline,
    then its summary).
    """

    text: str
    elem: int
    link_chars: int
    caption: bool = False
    link_first: bool = False

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(slots=True)
class Element:
    """A block-level element (or one a class rule flagged) and what it holds.

    ``name`` is its tag's name. It holds the blocks ``[start, end)`` and the elements ``(its
    index, last)``; ``rule`` is what the class rules said of it, if anything (a rule id, or
    ``"marker"`` for the body).
    """

    name: str
    parent: int
    start: int
    rule: str | None = None
    end: int = -1
    last: int = -1
    images: int = 0  # <img> elements whose nearest block-level ancestor this is


@dataclass(slots=True)
class Layout:
    """The blocks of a page in reading order and the block-level elements that hold them."""

    blocks: list[Block] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)

    def children(self) -> list[list[int]]:
        """For each element, the indexes of its child elements."""
        kids: list[list[int]] = [[] for _ in self.elements]
        for i, element in enumerate(self.elements):
            if element.parent >= 0:
                kids[element.parent].append(i)
        return kids


class Sums:
    """Prefix sums over the blocks, so any element's size, link text and prose are O(1)."""

    def __init__(self, blocks: list[Block], alive: list[bool]) -> None:
        self.chars = [0]
        self.links = [0]
        self.prose = [0]
        for block, live in zip(blocks, alive, strict=True):
            size = len(block.text) if live else 0
            links = block.link_chars if live else 0
            self.chars.append(self.chars[-1] + size)
            self.links.append(self.links[-1] + links)
            prose = size - links if live and links * 2 < size else 0
            self.prose.append(self.prose[-1] + prose)

    def size(self, element: Element) -> int:
        return self.chars[element.end] - self.chars[element.start]

    def density(self, element: Element) -> float:
        chars = self.size(element)
        links = self.links[element.end] - self.links[element.start]
        return links / chars if chars else 0.0

    def prose_of(self, element: Element) -> int:
        return self.prose[element.end] - self.prose[element.start]



class _Walker:
    """The state of one walk: the block being filled and the open block-level elements."""

    def __init__(self) -> None:
        self.layout = Layout()
        self.pieces: list[str] = []
        self.link_chars = 0
        self.link_first = False
        self.started = False  # the block being filled has words
        self.open: list[int] = []
        # for each element open in the stream: 1 if it is an Element, | 2 if it counts as a link
        self.kinds: list[int] = []
        self.in_link = 0
        self.in_pre = 0
        self.in_figure = 0
        self.in_figure_content = 0

    def flush(self) -> None:
        if not self.pieces:
            return
        raw = "".join(self.pieces)
        self.pieces.clear()
        if self.in_pre:
            text = "\n".join(line.rstrip() for line in raw.split("\n")).strip("\n")
        else:
            text = "\n".join(" ".join(line.split()) for line in raw.split("\n")).strip("\n")
        if text.strip():
            elem = self.open[-1] if self.open else -1
            caption = self.in_figure > 0 and not self.in_figure_content
            self.layout.blocks.append(Block(text, elem, min(self.link_chars, len(text)), caption,
                                            self.link_first))
        self.link_chars = 0
        self.link_first = self.started = False

    def text(self, data: str) -> None:
        if self.in_pre:
            self.pieces.append(data)
            return
        words = " ".join(data.split())
        if not words:
            if data and self.pieces:
                self.pieces.append(" ")
            return
        if self.in_link:
            self.link_chars += len(words)
        if not self.started:
            self.started = True
            self.link_first = self.in_link > 0
        if data[0].isspace():
            words = " " + words
        if data[-1].isspace():
            words += " "
        self.pieces.append(words)

    def _is_link(self, href: str | None) -> bool:
        """Whether a link to *href* counts as link text: a heading that links to itself
        (``<h2><a href="#part">``, as documentation generators write them) is no menu item."""
        if not self.open or self.layout.elements[self.open[-1]].name not in HEADINGS:
            return True
        href = href or ""
        return not (href.startswith("#") and len(href) > 1)

    def enter(self, name: str, href: str | None, rule: str | None) -> None:
        kind = 0
        link = name == "a" and self._is_link(href)
        # an inline element flagged is one to drop or weigh, and gets an Element for that (a
        # link so flagged is a link still); one that names itself the article's body (<span
        # class="article-body">) is only text
        if name in BLOCK_TAGS or (rule is not None and rule != MARKER):
            self.flush()
            elements = self.layout.elements
            parent = self.open[-1] if self.open else -1
            self.open.append(len(elements))
            elements.append(Element(name, parent, len(self.layout.blocks), rule))
            if name in PRE_TAGS:
                self.in_pre += 1
            kind = 1
        elif name == "br":
            self.pieces.append("\n")
        elif name == "img" and self.open:
            self.layout.elements[self.open[-1]].images += 1
        if link:
            self.in_link += 1
            kind |= 2
        self.kinds.append(kind)
        self._figure(name, 1)

    def _figure(self, name: str, step: int) -> None:
        if name in FIGURE_TAGS:
            self.flush()
            self.in_figure += step
        elif self.in_figure and name in FIGURE_CONTENT_TAGS:
            self.flush()
            self.in_figure_content += step

    def leave(self, name: str) -> None:
        kind = self.kinds.pop()
        if kind & 1:
            self.flush()
            index = self.open.pop()
            element = self.layout.elements[index]
            element.end = len(self.layout.blocks)
            element.last = len(self.layout.elements)
            if name in PRE_TAGS:
                self.in_pre -= 1
        if kind & 2:
            self.in_link -= 1
        self._figure(name, -1)


def collect(page: Page) -> Layout:
    """Cut the text of a parsed *page* into blocks, in reading order.

    Elements a class rule flagged get an :class:`Element` of their own, with their ``rule``,
    even if they are inline.

    >>> from cleanseed.html.parse import parse
    >>> page = parse("<p>One <b>two</b></p><ul><li><a>three</a></ul>", None)
    >>> [(b.text, b.link_chars) for b in collect(page).blocks]
    [('One two', 0), ('three', 5)]
    """
    walker = _Walker()
    enter, leave, text = walker.enter, walker.leave, walker.text
    for kind, value, href, rule in page.events:
        if kind == START:
            enter(value, href, rule)
        elif kind == END:
            leave(value)
        elif kind == DATA:
            text(value)
    walker.flush()
    return walker.layout
