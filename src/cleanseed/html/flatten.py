"""Write the parse's stream of events, and flatten the elements nested too deep to build.

Elements nested deeper than ``max_depth`` are not built (Chrome and Safari stop nesting at 512
levels too). Their text goes on, in the element at that depth: each block element among them (a
paragraph, a list item, a cell) that holds text directly is built there, beside the others, and
inline elements are left out but links, whose text is built as a link's (a menu is still a list
of links, and link text weighs in no element's share of the page's prose, as nested); a class
name among them is read in the subheading or paragraph around it, as nested too. The outermost
flattened ``<pre>``, figure, list or table in a figure, and element that names itself the
article's body are built, around the blocks inside them: the walk reads the text by them (white
space kept, a caption, the article's body). A flattened block element that built no block of
its own still parts the text around it, as an empty element of its name. This keeps the stream
shallow and every step after it fast, however deep the markup nests (unclosed tags nest a page
as deep as it is long), and it keeps the time lxml's parser takes in line with the page's length
(see :mod:`cleanseed.html.feed`). No text is lost; when asked, the parse records the text it so
flattened as ``html.too_deep``, an edit that keeps its words.
"""

from __future__ import annotations

from typing import Any

from cleanseed.html.match import MARKER
from cleanseed.html.rules import BLOCK_TAGS, FIGURE_CONTENT_TAGS, FIGURE_TAGS, PRE_TAGS

__all__ = ["DATA", "END", "START", "Event", "Flattener"]

#: The kinds of :data:`Event`.
START, END, DATA = 0, 1, 2
#: What the stream holds, in document order: ``(START, name, href, rule)`` for an element that
#: starts (its link target if it is an ``<a>``, else ``None``; what the class rules said of it,
#: if anything: a rule id, or ``"marker"`` for an element that names itself the article's
#: body), ``(END, name, None, None)``, and ``(DATA, text, None, None)``.
Event = tuple[int, str, str | None, str | None]

#: Flattened block elements the walk reads as the context of the text inside them, by kind:
#: preformatted text, a figure, a figure's content (a list, a table: not its caption) inside a
#: figure. The outermost of each kind is built, around the blocks built for its text.
_CONTEXTS = (dict.fromkeys(FIGURE_TAGS, "figure")
             | dict.fromkeys(FIGURE_CONTENT_TAGS & BLOCK_TAGS, "content")
             | dict.fromkeys(PRE_TAGS, "pre"))


class Flattener:
    """The stream of events in :attr:`out`, and the elements too deep to nest, flattened into it
    (see the module's docstring): the parser's target in :mod:`cleanseed.html.parse`
    builds on it.

    ``_flat`` counts the flattened elements open, ``_pending`` is the block element whose text
    comes next, ``_flat_tag`` the one built for it, ``_contexts`` the elements open among them
    built around it (the outermost ``<pre>``...), ``_flat_links`` the links open among them,
    ``_flat_link`` whether the link built for their text is open. ``_boundary`` says whether the
    stream is just after a block's start or end tag, ``_figures`` counts the figures open, built
    or flattened; :attr:`deep_text` gathers the flattened text, when it is to be recorded.
    """

    def __init__(self, *, keep_deep_text: bool) -> None:
        self.out: list[Any] = []
        self._text: list[str] = []  # the pieces of the string being read
        self._boundary = True  # just after a block's start or end tag
        self._figures = 0  # figures open, built or flattened
        self._flat = 0
        self._pending: str | None = None
        self._flat_tag: str | None = None
        self._contexts = dict.fromkeys(_CONTEXTS.values(), 0)  # flattened ones open, by kind
        self._marker_at = 0  # how many flattened elements were open in the marker built, if any
        self._flat_links = 0  # flattened links open
        self._flat_href = ""  # ... the outermost one's target
        self._flat_link = False  # the link built around their text is open in the stream
        self.deep_text: list[str] | None = [] if keep_deep_text else None

    def _emit(self, event: Any) -> None:
        """Add *event* to the stream, after the string read before it."""
        if self._text:
            self.out.append((DATA, "".join(self._text), None, None))
            self._text.clear()
        self.out.append(event)

    def _start_flat(self, tag: str, attrib: Any, *, marker: bool) -> None:
        """An element too deep to nest: a block element's text will be built beside the others,
        a link's text still a link's; the outermost block that names itself the article's body
        (a *marker*) is built around them, as the name is the page's, not its structure."""
        self._flat += 1
        if tag in BLOCK_TAGS:
            self._end_flat_tag(tag)
            self._context(tag, 1)
            if marker and not self._marker_at:
                self._emit((START, tag, None, MARKER))
                self._marker_at = self._flat
            self._pending = tag
        elif tag == "a":
            self._flat_links += 1
            if self._flat_links == 1:
                self._flat_href = attrib.get("href") or ""
        elif tag == "br":
            self._emit((START, tag, None, None))
            self._emit((END, tag, None, None))

    def _end_flat(self, tag: str) -> None:
        self._flat -= 1
        if tag in BLOCK_TAGS or not self._flat:
            self._end_flat_tag(tag if tag in BLOCK_TAGS else None)
            self._pending = None
            self._context(tag, -1)
            if self._flat + 1 == self._marker_at:
                self._emit((END, tag, None, None))
                self._marker_at = 0
        if tag == "a":
            self._flat_links -= 1
            if not self._flat_links:
                self._end_flat_link()

    def _start_pending(self) -> None:
        """Text follows a block's start or end tag: build the flattened block element it is in,
        if any."""
        if self._pending is not None:
            self._emit((START, self._pending, None, None))
            self._flat_tag, self._pending = self._pending, None

    def _read_flat(self, data: str) -> None:
        """Text is read: build the link around it if it is a flattened link's, and keep it if it
        is flattened text to record."""
        if self._flat_links and not self._flat_link:
            self._emit((START, "a", self._flat_href, None))
            self._flat_link = True
        if self.deep_text is not None and self._flat:
            self.deep_text.append(data)

    def _context(self, tag: str, step: int) -> None:
        """Build the outermost flattened element of each kind in :data:`_CONTEXTS` (a ``<pre>``,
        a ``<figure>``, a list in one), so the text inside reads as it does nested."""
        kind = _CONTEXTS.get(tag)
        if kind is None or (kind == "content" and not self._figures):
            return
        self._contexts[kind] += step
        if self._contexts[kind] == (step > 0):
            self._emit((START if step > 0 else END, tag, None, None))
            self._boundary = True

    def _end_flat_link(self) -> None:
        """End the link built around the text of flattened links, if one is open."""
        if self._flat_link:
            self._emit((END, "a", None, None))
            self._flat_link = False

    def _end_flat_tag(self, block: str | None) -> None:
        """End the block built for the text of a flattened block element: a paragraph ends.

        A flattened *block* element (its name) that built no block of its own, as it starts or
        ends, still parts the text around it, as it would nested: an empty element of its name
        stands in for it, unless no text came since the last block's start or end tag (as in a
        list's every item past the first). An inline element that built no block ends no
        paragraph: the white space after it still shows.
        """
        self._end_flat_link()
        parted = self._boundary
        if block or self._flat_tag is not None:
            self._boundary = True
        if self.deep_text is not None:
            self.deep_text.append(" ")
        if self._flat_tag is not None:
            self._emit((END, self._flat_tag, None, None))
            self._flat_tag = None
        elif block is not None and not parted:
            self._emit((START, block, None, None))
            self._emit((END, block, None, None))
