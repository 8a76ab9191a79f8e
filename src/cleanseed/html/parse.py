"""Parse a page with lxml's HTML parser into a stream of events, leaving out what is never text.

lxml's parser is fast; what costs is a Python object per element. So the parser's target below
builds no tree at all: it writes the page as a flat list of events (an element starts, text,
an element ends) in document order, which is all :func:`~cleanseed.html.blocks.collect` needs
to cut the text into blocks, and unwanted subtrees (scripts, navigation, share bars, consent
banners...) are dropped *while* parsing, never written. (Building a BeautifulSoup tree and
walking it took 1.8 times as long on the shared sets' pages.)

An element dropped for what its tag, class or id *says* (:func:`~cleanseed.html.match.class_rule`)
may be misnamed: ``<div class="page-ad-margins">`` can wrap a whole article, and some sites wrap
every page in a ``<form>``. So the parser keeps the events of such an element aside, and counts
its prose; if at the end of the page it holds a large share of the page's prose, its events
are replayed into the stream, in its place, where it stands flagged for
:mod:`cleanseed.html.extract` to weigh.

Elements nested deeper than ``max_depth`` are not built: their text goes on, flattened, in the
element at that depth (:mod:`cleanseed.html.flatten`), so no page nests the stream deeper than
that, however its markup nests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from cleanseed.document import Removal
from cleanseed.html.config import HtmlConfig
from cleanseed.html.feed import feed_bounded
from cleanseed.html.flatten import DATA, END, START, Event, Flattener
from cleanseed.html.match import MARKER, Memo, class_rule, element_rule
from cleanseed.html.rules import BLOCK_TAGS, COMMENTS_RULE, FIGURE_TAGS, SUBHEADINGS
from cleanseed.html.skipped import Raw, Skip, is_article, thread, to_weigh

__all__ = ["DATA", "END", "STAGE", "START", "Event", "Page", "parse"]

STAGE = "html"

#: Where a skipped flagged element was: replaced by its events if it is brought back, else
#: left out.
_HOLE = 3

_DEFAULT_DEPTH = HtmlConfig().max_depth
#: lxml's parser may hold this many more open elements than the stream (skipped and flattened
#: ones) before :mod:`~cleanseed.html.feed` closes some early: only elements the stream does not
#: build are ever closed so.
_PARSER_SLACK = 64
#: Elements whose content lxml's parser reads as text, tags and all: a ``<`` in them opens
#: nothing, and closing them early would turn the rest of a script into text.
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page: its :data:`Event` stream and its titles (``<title>``, ``og:title``)."""

    events: list[Event]
    titles: tuple[str, ...]


class _PruningBuilder(Flattener):
    """lxml's parser target: the stream of events, less the subtrees the rules drop (see the
    module's docstring).

    lxml's parser is told to leave comments and processing instructions out, so that they cost
    no call into Python.

    lxml reports balanced start and end events, so counting depth inside a skipped subtree is
    enough to know where it ends, however the markup was broken. With *keep_flagged* (when an
    element is replayed) flagged elements are built rather than skipped.

    Elements deeper than *max_depth* are flattened, as :class:`~cleanseed.html.flatten.Flattener`
    does. ``names`` holds the names of all the elements open in lxml's parser, skipped and
    flattened ones too, for :func:`~cleanseed.html.feed.feed_bounded`; ``_open`` counts the
    elements open in the stream.
    """

    def __init__(self, record: list[Removal] | None, memo: Memo, *,
                 max_depth: int = _DEFAULT_DEPTH, keep_flagged: bool = False,
                 events: list[Raw] | None = None) -> None:
        super().__init__(keep_deep_text=record is not None)
        self._open = 0
        self._headings = 0  # subheadings open, built or flattened
        self._paragraphs = 0  # ... and paragraphs
        self._record = record
        self._memo = memo
        self._max_depth = max_depth
        self._bound = max_depth + _PARSER_SLACK
        self._keep_flagged = keep_flagged
        self._events = events
        self._skip: Skip | None = None
        self._links = 0
        self._title: list[str] | None = None
        self.names: list[str] = []
        self.prose = 0
        self.titles: list[str] = []
        self.skipped: list[Skip] = []

    def feed(self, markup: str) -> None:
        """Parse *markup* (or, when replaying, the events given) into :attr:`out`."""
        if self._events is None:
            parser = etree.HTMLParser(target=self, recover=True, huge_tree=True,
                                      remove_comments=True, remove_pis=True)
            try:
                feed_bounded(parser, markup, self, self._bound)
                parser.close()
            except (etree.LxmlError, UnicodeDecodeError, LookupError):
                pass  # nothing to parse (white space): the stream is what was parsed
        else:
            for kind, value, attrib in self._events:
                if kind == "start":
                    self.start(value, attrib)
                elif kind == "end":
                    self.end(value)
                else:
                    self.data(value)
        if self._text:
            self.out.append((DATA, "".join(self._text), None, None))
            self._text.clear()

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
            self._skip = Skip(rule, keep_text=self._record is not None, flagged=False)
            return
        rule = class_rule(tag, attrib, self._memo, in_text=self._headings > 0 or (
            self._paragraphs > 0 and tag not in BLOCK_TAGS))
        if rule is not None and rule != MARKER and not self._keep_flagged:
            self._start_flagged(rule, tag, attrib)
            return
        self._count(tag, 1)
        if self._flat or self._open >= self._max_depth:
            self._start_flat(tag, attrib, marker=rule == MARKER)
            return
        # The attributes have been read: the text stages need none of them but a link's target
        href = (attrib.get("href") or "") if tag == "a" else None
        self._emit((START, tag, href, rule))
        self._open += 1
        self._boundary = tag in BLOCK_TAGS

    def _count(self, tag: str, step: int) -> None:
        """Count the links, subheadings, paragraphs and figures open, built or flattened alike:
        what the class rules, the prose count and :meth:`_context` read does not change with the
        depth."""
        if tag == "a":
            self._links += step
        elif tag in SUBHEADINGS:
            self._headings += step
        elif tag == "p":
            self._paragraphs += step
        elif tag in FIGURE_TAGS:
            self._figures += step

    def _start_flagged(self, rule: str, tag: str, attrib: Any) -> None:
        skip = Skip(rule, keep_text=self._record is not None, flagged=True, before=self.prose)
        assert skip.events is not None
        skip.events.append(("start", tag, attrib))
        self._emit((_HOLE, "", None, None))
        skip.placeholder = len(self.out) - 1
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
        self._count(tag, -1)
        if self._flat:
            self._end_flat(tag)
            return
        self._emit((END, tag, None, None))
        self._open -= 1
        self._boundary = tag in BLOCK_TAGS

    def _close(self, skip: Skip) -> None:
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
        if self._boundary:
            # white space right after a paragraph boundary is never shown: no string for it
            if data.isspace():
                return
            self._boundary = False
            self._start_pending()
        self._read_flat(data)
        if not self._links:
            self.prose += len(data.strip())
        # lxml may hand one string over in pieces: they make one string of the page
        self._text.append(data)

    def comment(self, text: Any) -> None:
        """Comments are not text."""

    def pi(self, target: Any, data: Any) -> None:
        """Processing instructions are not text."""

    def doctype(self, name: Any, pubid: Any, system: Any) -> None:
        """The doctype is not text."""

    def close(self) -> None:
        """The end of the page: the stream is in :attr:`out`."""


def _restore(builder: _PruningBuilder, skip: Skip,
             record: list[Removal] | None) -> _PruningBuilder:
    """Build a skipped flagged element after all, its flagged parts flagged: the builder whose
    :attr:`~_PruningBuilder.out` takes its place in the stream."""
    if record is not None and skip.removal is not None:
        record.remove(skip.removal)
    replay = _PruningBuilder(record, builder._memo, max_depth=builder._max_depth,
                             keep_flagged=True, events=skip.events)
    replay.feed("")
    return replay


def _splice(out: list[Any], skipped: list[Skip], holes: dict[int, list[Any]]) -> list[Event]:
    """*out* with the hole each skipped element left replaced by its events if it was brought
    back (*holes*, by place), else left out."""
    events: list[Event] = []
    at = 0
    for skip in skipped:  # in document order
        events += out[at:skip.placeholder]
        events += holes.get(skip.placeholder, ())
        at = skip.placeholder + 1
    events += out[at:]
    return events


def _record_flattened(builders: list[_PruningBuilder], record: list[Removal]) -> None:
    """Record the text of the elements too deep to nest: kept, so an edit to the same words."""
    text = " ".join(" ".join("".join(b.deep_text or ()).split()) for b in builders).strip()
    if text:
        record.append(Removal(STAGE, "html.too_deep", text, -1, text))


def parse(html: str, record: list[Removal] | None, *, max_depth: int = _DEFAULT_DEPTH) -> Page:
    """Parse *html* into events without the elements the rules drop, nor more than *max_depth*
    levels deep.

    >>> page = parse("<title>T</title><nav>Home</nav><p>Body</p><p class=byline>Me</p>", None)
    >>> [text for kind, text, _, _ in page.events if kind == DATA], page.titles
    (['Body'], ('T',))
    >>> html = "<form><p>" + "An article in a form. " * 8 + "</p></form><b class=byline>Me</b>"
    >>> page = parse(html, None)
    >>> [(name, rule) for kind, name, _, rule in page.events if kind == START and rule]
    [('form', 'html.form')]
    """
    builder = _PruningBuilder(record, {}, max_depth=max_depth)
    builder.feed(html)
    prose = [skip.prose() for skip in builder.skipped]
    page = builder.prose + sum(size for size, _ in prose)
    comments = thread(builder.skipped, prose, builder.prose)
    builders = [builder]
    holes: dict[int, list[Any]] = {}
    for skip, (size, longest) in zip(builder.skipped, prose, strict=True):
        if skip.rule == COMMENTS_RULE and size:
            size = max(size, comments)
        if is_article(skip, size, page, builder._memo) or to_weigh(skip, longest, builder.prose):
            replay = _restore(builder, skip, record)
            holes[skip.placeholder] = replay.out
            builders.append(replay)
    if record is not None:
        _record_flattened(builders, record)
    titles = tuple(t for t in builder.titles if t.strip())
    return Page(_splice(builder.out, builder.skipped, holes), titles)
