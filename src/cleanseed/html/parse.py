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

Elements nested deeper than ``max_depth`` are not built (Chrome and Safari stop nesting at 512
levels too). Their text goes on, in the element at that depth: each block element among them (a
paragraph, a list item, a cell) that holds text directly is built there, beside the others, and
inline elements are left out. This keeps the stream shallow and every step after it fast, however
deep the markup nests (unclosed tags nest a page as deep as it is long), and it keeps the time
lxml's parser takes in line with the page's length (see :mod:`cleanseed.html.feed`). No text is
lost; when asked, the parse records the text it so flattened as ``html.too_deep``, an edit that
keeps its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from cleanseed.document import Removal
from cleanseed.html.config import HtmlConfig
from cleanseed.html.feed import feed_bounded
from cleanseed.html.match import MARKER, Memo, class_rule, element_rule, is_marker
from cleanseed.html.rules import (
    BLOCK_TAGS,
    COMMENTS_RULE,
    DROP_TAGS,
    HEADER_RULE,
    PROSE_RULES,
    QUOTE_TAGS,
    SUBHEADINGS,
)

__all__ = ["DATA", "END", "STAGE", "START", "Event", "Page", "parse"]

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
#: under which prose is no evidence against the name; so is a header that holds nothing but a
#: subheading (``<div class="box__header"><h3>``), or any box that holds nothing but a quotation
#: (an embedded post, ``<div class="social-embed"><blockquote>``).
_RESTORE_WEIGH = 100
_NEVER_WEIGHED = PROSE_RULES | {"html.hidden"}
#: ... and if it stands amid the page's text, with this much prose before and after it: the
#: text it is weighed against. (Prose inside other skipped elements is not counted.)
_RESTORE_AMID = 200

#: The kinds of :data:`Event`.
START, END, DATA = 0, 1, 2
#: What the stream holds, in document order: ``(START, name, href, rule)`` for an element that
#: starts (its link target if it is an ``<a>``, else ``None``; what the class rules said of it,
#: if anything: a rule id, or ``"marker"`` for an element that names itself the article's
#: body), ``(END, name, None, None)``, and ``(DATA, text, None, None)``.
Event = tuple[int, str, str | None, str | None]
#: Where a skipped flagged element was: replaced by its events if it is brought back, else
#: left out.
_HOLE = 3

# A raw parser event kept aside with a skipped subtree: ("start", tag, attrib),
# ("end", tag, None) or ("data", text, None).
_Raw = tuple[str, Any, Any]

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


class _Skip:
    """A subtree being skipped: its rule and depth; its text if asked for; if it was flagged
    for its name, its raw events, and where in the stream its place is kept."""

    __slots__ = ("after", "before", "depth", "events", "placeholder", "removal", "rule", "text")

    def __init__(self, rule: str, *, keep_text: bool, flagged: bool, before: int = 0) -> None:
        self.rule = rule
        self.depth = 1
        self.before = before  # the page's prose before the subtree (outside skipped ones)
        self.after = 0  # ... and the page's prose at its end, until the page's end is known
        self.text: list[str] | None = [] if keep_text else None
        self.events: list[_Raw] | None = [] if flagged else None
        self.placeholder = -1
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

    def held_in(self, tags: frozenset[str]) -> bool:
        """Whether the subtree has text, all of it (scripts and the like aside) inside elements
        named in *tags*: a box that holds only a subheading, or only a quotation."""
        inside = seen = 0
        mute: list[int] = []  # depths of the scripts, styles... open inside
        depth = 0
        for kind, value, _ in self.events or ():
            if kind == "start":
                depth += 1
                inside += value in tags
                if value in DROP_TAGS:
                    mute.append(depth)
            elif kind == "end":
                inside -= value in tags
                if mute and mute[-1] == depth:
                    mute.pop()
                depth -= 1
            elif value.strip() and not mute:
                if not inside:
                    return False
                seen = 1
        return bool(seen)

    def has_marker(self, memo: Memo) -> bool:
        """Whether an element inside names itself the article's body."""
        return any(kind == "start" and attrib and is_marker(attrib, memo)
                   for kind, _, attrib in self.events or ())


class _PruningBuilder:
    """lxml's parser target: the stream of events, less the subtrees the rules drop (see the
    module's docstring).

    lxml's parser is told to leave comments and processing instructions out, so that they cost
    no call into Python.

    lxml reports balanced start and end events, so counting depth inside a skipped subtree is
    enough to know where it ends, however the markup was broken. With *keep_flagged* (when an
    element is replayed) flagged elements are built rather than skipped.

    Elements deeper than *max_depth* are flattened (see the module's docstring): ``_flat``
    counts those open, ``_pending`` is the block element whose text comes next, ``_flat_tag``
    the one built for it. ``names`` holds the names of all the elements open in lxml's parser,
    skipped and flattened ones too, for :func:`~cleanseed.html.feed.feed_bounded`; ``_open``
    counts the elements open in the stream.
    """

    def __init__(self, record: list[Removal] | None, memo: Memo, *,
                 max_depth: int = _DEFAULT_DEPTH, keep_flagged: bool = False,
                 events: list[_Raw] | None = None) -> None:
        self.out: list[Any] = []
        self._text: list[str] = []  # the pieces of the string being read
        self._open = 0
        self._headings = 0  # subheadings open in the stream
        self._paragraphs = 0  # ... and paragraphs
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
        self.skipped: list[_Skip] = []

    def _emit(self, event: Any) -> None:
        """Add *event* to the stream, after the string read before it."""
        if self._text:
            self.out.append((DATA, "".join(self._text), None, None))
            self._text.clear()
        self.out.append(event)

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
            self._skip = _Skip(rule, keep_text=self._record is not None, flagged=False)
            return
        rule = class_rule(tag, attrib, self._memo, in_text=self._headings > 0 or (
            self._paragraphs > 0 and tag not in BLOCK_TAGS))
        if rule is not None and rule != MARKER and not self._keep_flagged:
            self._start_flagged(rule, tag, attrib)
            return
        if self._flat or self._open >= self._max_depth:
            self._start_flat(tag)
            return
        # The attributes have been read: the text stages need none of them but a link's target
        href = None
        if tag == "a":
            href = attrib.get("href") or ""
            self._links += 1
        self._emit((START, tag, href, rule))
        self._open += 1
        self._boundary = tag in BLOCK_TAGS
        if tag in SUBHEADINGS:
            self._headings += 1
        elif tag == "p":
            self._paragraphs += 1

    def _start_flat(self, tag: str) -> None:
        """An element too deep to nest: a block element's text will be built beside the others."""
        self._flat += 1
        if tag in BLOCK_TAGS:
            self._end_flat_tag(block=True)
            self._pending = tag
        elif tag == "a":
            self._links += 1
        elif tag == "br":
            self._emit((START, tag, None, None))
            self._emit((END, tag, None, None))

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
        if self._flat_tag is not None:
            self._emit((END, self._flat_tag, None, None))
            self._flat_tag = None
        elif block:
            self._emit((START, "br", None, None))
            self._emit((END, "br", None, None))

    def _start_flagged(self, rule: str, tag: str, attrib: Any) -> None:
        skip = _Skip(rule, keep_text=self._record is not None, flagged=True, before=self.prose)
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
        if self._flat:
            self._end_flat(tag)
            return
        self._emit((END, tag, None, None))
        self._open -= 1
        self._boundary = tag in BLOCK_TAGS
        if tag == "a":
            self._links -= 1
        elif tag in SUBHEADINGS:
            self._headings -= 1
        elif tag == "p":
            self._paragraphs -= 1

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
        if self._boundary:
            # white space right after a paragraph boundary is never shown: no string for it
            if data.isspace():
                return
            self._boundary = False
            if self._pending is not None:
                self._emit((START, self._pending, None, None))
                self._flat_tag, self._pending = self._pending, None
        if not self._links:
            self.prose += len(data.strip())
        if self.deep_text is not None and self._flat:
            self.deep_text.append(data)
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


def _restore(builder: _PruningBuilder, skip: _Skip,
             record: list[Removal] | None) -> _PruningBuilder:
    """Build a skipped flagged element after all, its flagged parts flagged: the builder whose
    :attr:`~_PruningBuilder.out` takes its place in the stream."""
    if record is not None and skip.removal is not None:
        record.remove(skip.removal)
    replay = _PruningBuilder(record, builder._memo, max_depth=builder._max_depth,
                             keep_flagged=True, events=skip.events)
    replay.feed("")
    return replay


def _splice(out: list[Any], skipped: list[_Skip], holes: dict[int, list[Any]]) -> list[Event]:
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


def _is_article(builder: _PruningBuilder, skip: _Skip, size: int, page: int) -> bool:
    """Whether a skipped element holds so much of the page's prose that it may be the article."""
    return size >= _RESTORE_MIN and (size >= _RESTORE_SHARE * page or (
        size >= _RESTORE_MARKER * page and skip.has_marker(builder._memo)))


def _to_weigh(builder: _PruningBuilder, skip: _Skip, longest: int) -> bool:
    """Whether a skipped element stands amid the page's text and holds a paragraph or only a
    quotation, or is a header that holds only a subheading: a name to weigh against the text
    around it."""
    if min(skip.before, builder.prose - skip.after) < _RESTORE_AMID:
        return False
    if skip.rule not in _NEVER_WEIGHED and (longest >= _RESTORE_WEIGH
                                            or skip.held_in(QUOTE_TAGS)):
        return True
    return skip.rule == HEADER_RULE and skip.held_in(SUBHEADINGS)


def _thread(builder: _PruningBuilder, prose: list[tuple[int, int]]) -> int:
    """The prose of the page's comments together, if they hold more than the rest of the page
    outside flagged elements (the page is a thread: each post a comment), else 0."""
    thread = sum(size for skip, (size, _) in zip(builder.skipped, prose, strict=True)
                 if skip.rule == COMMENTS_RULE)
    return thread if thread > builder.prose else 0


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
    thread = _thread(builder, prose)
    builders = [builder]
    holes: dict[int, list[Any]] = {}
    for skip, (size, longest) in zip(builder.skipped, prose, strict=True):
        if skip.rule == COMMENTS_RULE and size:
            size = max(size, thread)
        if _is_article(builder, skip, size, page) or _to_weigh(builder, skip, longest):
            replay = _restore(builder, skip, record)
            holes[skip.placeholder] = replay.out
            builders.append(replay)
    if record is not None:
        _record_flattened(builders, record)
    titles = tuple(t for t in builder.titles if t.strip())
    return Page(_splice(builder.out, builder.skipped, holes), titles)
