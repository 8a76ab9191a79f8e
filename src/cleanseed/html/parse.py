"""Parse a page with BeautifulSoup's lxml tree builder, leaving out what is never article text.

Most of the cost of ``BeautifulSoup(html, "lxml")`` is building a Python object per element;
lxml itself is fast. So unwanted subtrees (scripts, navigation, share bars, consent banners...)
are dropped *while* parsing: the builder below is bs4's own lxml builder, and it simply does not
hand those elements to the soup. (Building them and calling ``decompose()`` afterwards gives
the same tree at two to three times the cost.)

An element dropped for what its tag, class or id *says* (:func:`~cleanseed.html.match.class_rule`)
may be misnamed: ``<div class="page-ad-margins">`` can wrap a whole article, and some sites wrap
every page in a ``<form>``. So the parser keeps the events of such an element aside, and counts
its prose; if at the end of the page it holds a large share of the page's prose, its events
are replayed into the soup, where it stands flagged for :mod:`cleanseed.html.extract` to weigh.

Elements nested deeper than ``max_depth`` are not built (Chrome and Safari stop nesting at 512
levels too). Their text goes on, in the element at that depth: each block element among them (a
paragraph, a list item, a cell) that holds text directly is built there, beside the others, and
inline elements are left out. This keeps the soup shallow and every step after it fast, however
deep the markup nests (unclosed tags nest a page as deep as it is long), and it keeps the time
lxml's parser takes in line with the page's length (see :mod:`cleanseed.html.feed`). No text is
lost; when asked, the parse records the text it so flattened as ``html.too_deep``, an edit that
keeps its words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from bs4 import BeautifulSoup, ParserRejectedMarkup, Tag
from bs4.builder._lxml import LXMLTreeBuilder
from lxml import etree

from cleanseed.document import Removal
from cleanseed.html.config import HtmlConfig
from cleanseed.html.feed import feed_bounded
from cleanseed.html.match import MARKER, Memo, class_rule, element_rule, is_marker
from cleanseed.html.rules import BLOCK_TAGS, DROP_TAGS, PROSE_RULES

__all__ = ["STAGE", "Page", "parse"]

STAGE = "html"

#: A skipped element is brought back when it holds this share of the page's prose (counted
#: roughly, from raw text outside links), or this lesser share and an element that names
#: itself the article's body. The bars are below those :mod:`cleanseed.html.extract` applies
#: to the element's blocks, so that the rough count errs on the side of a second look.
_RESTORE_SHARE = 0.35
_RESTORE_MARKER = 0.12
#: ... and at least this many characters of it: a few sentences, not a menu on a tiny page.
_RESTORE_MIN = 150
#: A skipped element holding a paragraph of this much prose is brought back too, flagged, to
#: be weighed against the text around it (:mod:`cleanseed.html.weigh`), unless its rule is one
#: under which prose is no evidence against the name.
_RESTORE_WEIGH = 100
_NEVER_WEIGHED = PROSE_RULES | {"html.hidden"}
#: ... and if it stands amid the page's text, with this much prose before and after it: the
#: text it is weighed against. (Prose inside other skipped elements is not counted.)
_RESTORE_AMID = 200

# Passed to bs4 for every element's attributes and namespaces; read-only, as bs4 copies them
# into dicts of its own.
_NO_ATTRIBUTES: Any = MappingProxyType({})

# The tag of the empty element that holds a skipped flagged element's place in the soup.
_PLACEHOLDER = "cleanseed-skipped"

# A parser event: ("start", tag, attrib), ("end", tag, None) or ("data", text, None).
_Event = tuple[str, Any, Any]

_DEFAULT_DEPTH = HtmlConfig().max_depth
#: lxml's parser may hold this many more open elements than the soup (skipped and flattened
#: ones) before :mod:`~cleanseed.html.feed` closes some early: only elements the soup does not
#: build are ever closed so.
_PARSER_SLACK = 64
#: Elements whose content lxml's parser reads as text, tags and all: a ``<`` in them opens
#: nothing, and closing them early would turn the rest of a script into text.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})


class _Soup(BeautifulSoup):
    """bs4's soup, less a repair that parsing in document order never needs.

    When a string joins an element that already holds something, bs4 walks up through all its
    open ancestors looking for one with a next sibling, to link the string to (``_linkage_fixer``).
    While a page is parsed in order no open element has a next sibling yet, so the walk finds
    nothing, one step per level for every such string: 80 s for 300 KB of markup with text
    between the end tags of 35,000 nested elements.
    """

    def _linkage_fixer(self, el: Tag) -> None:
        """Nothing to repair: see the class docstring."""


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page.

    ``flagged`` maps ``id(tag)`` of elements in the soup to what the class rules said of them
    (a rule id, or ``"marker"`` for an element that names itself the article's body).
    """

    soup: BeautifulSoup
    titles: tuple[str, ...]
    flagged: dict[int, str]


class _Skip:
    """A subtree being skipped: its rule and depth; its text if asked for; if it was flagged
    for its name, its events, and the placeholder that keeps its place in the soup."""

    __slots__ = ("after", "before", "depth", "events", "placeholder", "removal", "rule", "text")

    def __init__(self, rule: str, *, keep_text: bool, flagged: bool, before: int = 0) -> None:
        self.rule = rule
        self.depth = 1
        self.before = before  # the page's prose before the subtree (outside skipped ones)
        self.after = 0  # ... and the page's prose at its end, until the page's end is known
        self.text: list[str] | None = [] if keep_text else None
        self.events: list[_Event] | None = [] if flagged else None
        self.placeholder: Tag | None = None
        self.removal: Removal | None = None

    def prose(self) -> tuple[int, int]:
        """How many characters of text the subtree holds outside links, scripts and the like,
        and how many the longest of its paragraphs (text between block tags) holds."""
        prose = links = longest = block = 0
        mute: list[int] = []  # depths of the scripts, styles... open inside
        depth = 0
        for kind, value, _ in self.events or ():
            if kind == "start":
                depth += 1
                if value == "a":
                    links += 1
                elif value in DROP_TAGS:
                    mute.append(depth)
                elif value in BLOCK_TAGS:
                    longest, block = max(longest, block), 0
            elif kind == "end":
                if value == "a":
                    links -= 1
                elif mute and mute[-1] == depth:
                    mute.pop()
                elif value in BLOCK_TAGS:
                    longest, block = max(longest, block), 0
                depth -= 1
            elif not links and not mute:
                size = len(value.strip())
                prose += size
                block += size
        return prose, max(longest, block)

    def has_marker(self, memo: Memo) -> bool:
        """Whether an element inside names itself the article's body."""
        return any(kind == "start" and attrib and is_marker(attrib, memo)
                   for kind, _, attrib in self.events or ())


class _PruningBuilder(LXMLTreeBuilder):
    """bs4's lxml builder that skips the subtrees the rules drop (see the module's docstring).

    lxml's parser is told to leave comments and processing instructions out, so that they cost
    no call into Python.

    lxml reports balanced start and end events, so counting depth inside a skipped subtree is
    enough to know where it ends, however the markup was broken. With *keep_flagged* (when an
    element is replayed) flagged elements are built rather than skipped.

    Elements deeper than *max_depth* are flattened (see the module's docstring): ``_flat``
    counts those open, ``_pending`` is the block element whose text comes next, ``_flat_tag``
    the one built for it. ``names`` holds the names of all the elements open in lxml's parser,
    skipped and flattened ones too, for :func:`~cleanseed.html.feed.feed_bounded`.
    """

    def __init__(self, record: list[Removal] | None, memo: Memo, *,
                 max_depth: int = _DEFAULT_DEPTH, keep_flagged: bool = False,
                 events: list[_Event] | None = None) -> None:
        # class stays one string: the rules match it as text, and splitting it costs time
        super().__init__(multi_valued_attributes=None, huge_tree=True)
        self._record = record
        self._memo = memo
        self._max_depth = max_depth
        self._bound = max_depth + _PARSER_SLACK
        self._keep_flagged = keep_flagged
        self._events = events
        self._skip: _Skip | None = None
        self._boundary = True  # just after a block's start or end tag
        self._links = 0
        self._title: list[str] | None = None
        self._flat = 0
        self._pending: str | None = None
        self._flat_tag: str | None = None
        self.names: list[str] = []
        self.deep_text: list[str] | None = [] if record is not None else None
        self.prose = 0
        self.titles: list[str] = []
        self.flagged: dict[int, str] = {}
        self.skipped: list[_Skip] = []

    def default_parser(self, encoding: Any) -> Any:
        return functools.partial(etree.HTMLParser, remove_comments=True, remove_pis=True)

    def prepare_markup(self, markup: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        # the input is already str (see decode.py): no encoding sniffing, no XML warning
        yield markup, None, None, False

    def feed(self, markup: Any) -> None:
        if self._events is None:
            parser = self.parser_for(None)
            try:
                feed_bounded(parser, markup, self, self._bound)
                parser.close()
            except (UnicodeDecodeError, LookupError, etree.ParserError) as error:
                raise ParserRejectedMarkup(error) from error
            return
        for kind, value, attrib in self._events:
            if kind == "start":
                self.start(value, attrib)
            elif kind == "end":
                self.end(value)
            else:
                self.data(value)

    def closable(self, tag: str) -> bool:
        """Whether lxml's innermost open element may be closed early for *tag* to go beside it.

        Not if it holds raw text, nor if it is the first element of a subtree being skipped (the
        rest of that would show); and a paragraph at the bound keeps its inline elements, one
        level past it, so that its text stays one block.
        """
        top, skip = self.names[-1], self._skip
        if top in _RAW_TEXT or (skip is not None and skip.depth == 1):
            return False
        return len(self.names) > self._bound or top not in BLOCK_TAGS or tag in BLOCK_TAGS

    def start(self, tag: Any, attrib: Any, nsmap: Any = None) -> None:
        self.names.append(tag)
        skip = self._skip
        if skip is not None:
            skip.depth += 1
            if skip.events is not None:
                skip.events.append(("start", tag, attrib))
            elif skip.rule == "html.head":
                self._watch_head(tag, attrib)
            return
        rule = element_rule(tag, attrib)
        if rule is not None:
            self._skip = _Skip(rule, keep_text=self._record is not None, flagged=False)
            return
        rule = class_rule(tag, attrib, self._memo)
        if rule is not None and rule != MARKER and not self._keep_flagged:
            self._start_flagged(rule, tag, attrib)
            return
        assert self.soup is not None
        if self._flat or len(self.soup.tagStack) > self._max_depth:
            self._start_flat(tag)
            return
        # The attributes have been read: the text stages need none of them but a link's target,
        # and each one kept would cost a dict entry per element. lxml's HTML parser has no
        # namespaces either.
        kept = {"href": attrib.get("href") or ""} if tag == "a" else _NO_ATTRIBUTES
        element = self.soup.handle_starttag(tag, None, None, kept, namespaces=_NO_ATTRIBUTES)
        self._boundary = tag in BLOCK_TAGS
        if tag == "a":
            self._links += 1
        if rule is not None and element is not None:
            self.flagged[id(element)] = rule

    def _start_flat(self, tag: str) -> None:
        """An element too deep to nest: a block element's text will be built beside the others."""
        self._flat += 1
        if tag in BLOCK_TAGS:
            self._end_flat_tag(block=True)
            self._pending = tag
        elif tag == "a":
            self._links += 1
        elif tag == "br":
            assert self.soup is not None
            self.soup.handle_starttag(tag, None, None, _NO_ATTRIBUTES)
            self.soup.handle_endtag(tag)

    def _end_flat(self, tag: str) -> None:
        self._flat -= 1
        if tag in BLOCK_TAGS or not self._flat:
            self._end_flat_tag(block=tag in BLOCK_TAGS)
            self._pending = None
        if tag == "a":
            self._links -= 1

    def _end_flat_tag(self, block: bool) -> None:
        """End the block built for the text of a flattened block element: a paragraph ends.

        A flattened *block* element that built no block of its own (it held no text) still
        parts the text around it, as it would nested: a line break stands in for it. An inline
        element that built no block ends no paragraph: the white space after it still shows.
        """
        if block or self._flat_tag is not None:
            self._boundary = True
        if self.deep_text is not None:
            self.deep_text.append(" ")
        assert self.soup is not None
        if self._flat_tag is not None:
            self.soup.handle_endtag(self._flat_tag)
            self._flat_tag = None
        elif block:
            self.soup.handle_starttag("br", None, None, _NO_ATTRIBUTES)
            self.soup.handle_endtag("br")

    def _start_flagged(self, rule: str, tag: str, attrib: Any) -> None:
        skip = _Skip(rule, keep_text=self._record is not None, flagged=True, before=self.prose)
        assert skip.events is not None and self.soup is not None
        skip.events.append(("start", tag, attrib))
        self.soup.endData()
        skip.placeholder = self.soup.handle_starttag(_PLACEHOLDER, None, None, _NO_ATTRIBUTES)
        self.soup.handle_endtag(_PLACEHOLDER)
        self._skip = skip

    def _watch_head(self, tag: Any, attrib: Any) -> None:
        """Keep the page's own title and og:title, which name the article's headline."""
        if tag == "title" and self._title is None:
            self._title = []
        elif tag == "meta" and (attrib.get("property") or attrib.get("name")) in (
                "og:title", "twitter:title"):
            self.titles.append(attrib.get("content") or "")

    def end(self, tag: Any) -> None:
        self.names.pop()
        skip = self._skip
        if skip is not None:
            skip.depth -= 1
            if skip.events is not None:
                skip.events.append(("end", tag, None))
            elif tag == "title" and self._title is not None:
                self.titles.append("".join(self._title))
                self._title = None
            if not skip.depth:
                self._close(skip)
            return
        if self._flat:
            self._end_flat(tag)
            return
        assert self.soup is not None
        self.soup.endData()
        self.soup.handle_endtag(tag, None)
        self._boundary = tag in BLOCK_TAGS
        if tag == "a":
            self._links -= 1

    def _close(self, skip: _Skip) -> None:
        self._skip = None
        if skip.events is not None:
            skip.after = self.prose
            self.skipped.append(skip)
        if self._record is not None and skip.text is not None:
            text = " ".join("".join(skip.text).split())
            if text:
                skip.removal = Removal(STAGE, skip.rule, text, -1)
                self._record.append(skip.removal)

    def data(self, data: Any) -> None:
        skip = self._skip
        if skip is not None:
            if skip.events is not None:
                skip.events.append(("data", data, None))
            elif self._title is not None:
                self._title.append(data)
            if skip.text is not None:
                skip.text.append(data)
            return
        assert self.soup is not None
        if self._boundary:
            # white space right after a paragraph boundary is never shown: no string for it
            if data.isspace():
                return
            self._boundary = False
            if self._pending is not None:
                self.soup.handle_starttag(self._pending, None, None, _NO_ATTRIBUTES)
                self._flat_tag, self._pending = self._pending, None
        if not self._links:
            self.prose += len(data.strip())
        if self.deep_text is not None and self._flat:
            self.deep_text.append(data)
        self.soup.handle_data(data)

    def comment(self, text: Any) -> None:
        """Comments are not text."""

    def pi(self, target: Any, data: Any) -> None:
        """Processing instructions are not text."""

    def doctype(self, name: Any, pubid: Any, system: Any) -> None:
        """The doctype is not text."""


def _restore(builder: _PruningBuilder, skip: _Skip,
             record: list[Removal] | None) -> _PruningBuilder:
    """Build a skipped flagged element after all, in its place, its flagged parts flagged."""
    if record is not None and skip.removal is not None:
        record.remove(skip.removal)
    replay = _PruningBuilder(record, builder._memo, max_depth=builder._max_depth,
                             keep_flagged=True, events=skip.events)
    fragment = _Soup("\n", builder=replay)
    assert skip.placeholder is not None
    skip.placeholder.replace_with(*fragment.contents)
    builder.flagged.update(replay.flagged)
    return replay


def _is_article(builder: _PruningBuilder, skip: _Skip, size: int, page: int) -> bool:
    """Whether a skipped element holds so much of the page's prose that it may be the article."""
    return size >= _RESTORE_MIN and (size >= _RESTORE_SHARE * page or (
        size >= _RESTORE_MARKER * page and skip.has_marker(builder._memo)))


def _to_weigh(builder: _PruningBuilder, skip: _Skip, longest: int) -> bool:
    """Whether a skipped element holds a paragraph amid the page's text, to weigh its name
    against."""
    return (longest >= _RESTORE_WEIGH and skip.rule not in _NEVER_WEIGHED
            and min(skip.before, builder.prose - skip.after) >= _RESTORE_AMID)


def _record_flattened(builders: list[_PruningBuilder], record: list[Removal]) -> None:
    """Record the text of the elements too deep to nest: kept, so an edit to the same words."""
    text = " ".join(" ".join("".join(b.deep_text or ()).split()) for b in builders).strip()
    if text:
        record.append(Removal(STAGE, "html.too_deep", text, -1, text))


def parse(html: str, record: list[Removal] | None, *, max_depth: int = _DEFAULT_DEPTH) -> Page:
    """Parse *html* into a soup without the elements the rules drop, nor more than *max_depth*
    levels deep.

    >>> page = parse("<title>T</title><nav>Home</nav><p>Body</p><p class=byline>Me</p>", None)
    >>> page.soup.body.get_text(), page.titles
    ('Body', ('T',))
    >>> html = "<form><p>" + "An article in a form. " * 8 + "</p></form><b class=byline>Me</b>"
    >>> page = parse(html, None)
    >>> page.soup.body.get_text()[:21], list(page.flagged.values())
    ('An article in a form.', ['html.form'])
    """
    if "<" not in html:
        # bs4 warns when short markup looks like a file name or a URL; a leading newline
        # changes nothing in how the text parses
        html = "\n" + html
    builder = _PruningBuilder(record, {}, max_depth=max_depth)
    soup = _Soup(html, builder=builder)
    prose = [skip.prose() for skip in builder.skipped]
    page = builder.prose + sum(size for size, _ in prose)
    builders = [builder]
    for skip, (size, longest) in zip(builder.skipped, prose, strict=True):
        if _is_article(builder, skip, size, page) or _to_weigh(builder, skip, longest):
            builders.append(_restore(builder, skip, record))
    if record is not None:
        _record_flattened(builders, record)
    titles = tuple(t for t in builder.titles if t.strip())
    return Page(soup, titles, builder.flagged)
