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
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.builder._lxml import LXMLTreeBuilder
from lxml import etree

from cleanseed.document import Removal
from cleanseed.html.match import MARKER, Memo, class_rule, element_rule, is_marker
from cleanseed.html.rules import BLOCK_TAGS, DROP_TAGS

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

# Passed to bs4 for every element's attributes and namespaces; read-only, as bs4 copies them
# into dicts of its own.
_NO_ATTRIBUTES: Any = MappingProxyType({})

# The tag of the empty element that holds a skipped flagged element's place in the soup.
_PLACEHOLDER = "cleanseed-skipped"

# A parser event: ("start", tag, attrib), ("end", tag, None) or ("data", text, None).
_Event = tuple[str, Any, Any]


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

    __slots__ = ("depth", "events", "placeholder", "removal", "rule", "text")

    def __init__(self, rule: str, *, keep_text: bool, flagged: bool) -> None:
        self.rule = rule
        self.depth = 1
        self.text: list[str] | None = [] if keep_text else None
        self.events: list[_Event] | None = [] if flagged else None
        self.placeholder: Tag | None = None
        self.removal: Removal | None = None

    def prose(self) -> int:
        """How many characters of text the subtree holds outside links, scripts and the like."""
        prose = links = 0
        mute: list[int] = []  # depths of the scripts, styles... open inside
        depth = 0
        for kind, value, _ in self.events or ():
            if kind == "start":
                depth += 1
                if value == "a":
                    links += 1
                elif value in DROP_TAGS:
                    mute.append(depth)
            elif kind == "end":
                if value == "a":
                    links -= 1
                elif mute and mute[-1] == depth:
                    mute.pop()
                depth -= 1
            elif not links and not mute:
                prose += len(value.strip())
        return prose

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
    """

    def __init__(self, record: list[Removal] | None, memo: Memo, *,
                 keep_flagged: bool = False, events: list[_Event] | None = None) -> None:
        # class stays one string: the rules match it as text, and splitting it costs time
        super().__init__(multi_valued_attributes=None, huge_tree=True)
        self._record = record
        self._memo = memo
        self._keep_flagged = keep_flagged
        self._events = events
        self._skip: _Skip | None = None
        self._boundary = True  # just after a block's start or end tag
        self._links = 0
        self._title: list[str] | None = None
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
            super().feed(markup)
            return
        for kind, value, attrib in self._events:
            if kind == "start":
                self.start(value, attrib)
            elif kind == "end":
                self.end(value)
            else:
                self.data(value)

    def start(self, tag: Any, attrib: Any, nsmap: Any = None) -> None:
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
        # The attributes have been read: the text stages need none of them but a link's target,
        # and each one kept would cost a dict entry per element. lxml's HTML parser has no
        # namespaces either.
        assert self.soup is not None
        kept = {"href": attrib.get("href") or ""} if tag == "a" else _NO_ATTRIBUTES
        element = self.soup.handle_starttag(tag, None, None, kept, namespaces=_NO_ATTRIBUTES)
        self._boundary = tag in BLOCK_TAGS
        if tag == "a":
            self._links += 1
        if rule is not None and element is not None:
            self.flagged[id(element)] = rule

    def _start_flagged(self, rule: str, tag: str, attrib: Any) -> None:
        skip = _Skip(rule, keep_text=self._record is not None, flagged=True)
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
        assert self.soup is not None
        self.soup.endData()
        self.soup.handle_endtag(tag, None)
        self._boundary = tag in BLOCK_TAGS
        if tag == "a":
            self._links -= 1

    def _close(self, skip: _Skip) -> None:
        self._skip = None
        if skip.events is not None:
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
        if self._boundary:
            # white space right after a paragraph boundary is never shown: no string for it
            if data.isspace():
                return
            self._boundary = False
        if not self._links:
            self.prose += len(data.strip())
        assert self.soup is not None
        self.soup.handle_data(data)

    def comment(self, text: Any) -> None:
        """Comments are not text."""

    def pi(self, target: Any, data: Any) -> None:
        """Processing instructions are not text."""

    def doctype(self, name: Any, pubid: Any, system: Any) -> None:
        """The doctype is not text."""


def _restore(builder: _PruningBuilder, skip: _Skip, record: list[Removal] | None) -> None:
    """Build a skipped flagged element after all, in its place, its flagged parts flagged."""
    if record is not None and skip.removal is not None:
        record.remove(skip.removal)
    replay = _PruningBuilder(record, builder._memo, keep_flagged=True, events=skip.events)
    fragment = BeautifulSoup("\n", builder=replay)
    assert skip.placeholder is not None
    skip.placeholder.replace_with(*fragment.contents)
    builder.flagged.update(replay.flagged)


def parse(html: str, record: list[Removal] | None) -> Page:
    """Parse *html* into a soup without the elements the rules drop.

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
    builder = _PruningBuilder(record, {})
    soup = BeautifulSoup(html, builder=builder)
    prose = [skip.prose() for skip in builder.skipped]
    page = builder.prose + sum(prose)
    for skip, size in zip(builder.skipped, prose, strict=True):
        if size < _RESTORE_MIN:
            continue
        if size >= _RESTORE_SHARE * page or (
                size >= _RESTORE_MARKER * page and skip.has_marker(builder._memo)):
            _restore(builder, skip, record)
    titles = tuple(t for t in builder.titles if t.strip())
    return Page(soup, titles, builder.flagged)
