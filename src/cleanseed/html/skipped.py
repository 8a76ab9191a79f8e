"""The elements the parser skips for their names, and whether one is brought back after all.

An element a class or element rule names is skipped as the page is parsed, its raw events kept
aside (:class:`Skip`). Once the whole page is read, :func:`is_article`, :func:`to_weigh` and
:func:`thread` decide from the prose each holds, and the prose around it, whether a name is
outweighed by what the element holds: the article itself under a wrong name, a paragraph or a
quotation amid the article, or a thread whose every post is a "comment".
"""

from __future__ import annotations

from typing import Any

from cleanseed.document import Removal
from cleanseed.html.match import Memo, is_marker
from cleanseed.html.rules import (
    BLOCK_TAGS,
    COMMENTS_RULE,
    DROP_TAGS,
    HEADER_RULE,
    PROSE_RULES,
    QUOTE_TAGS,
    SUBHEADINGS,
)

__all__ = ["Raw", "Skip", "is_article", "thread", "to_weigh"]

# A raw parser event kept aside with a skipped subtree: ("start", tag, attrib),
# ("end", tag, None) or ("data", text, None).
Raw = tuple[str, Any, Any]

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


class Skip:
    """A subtree being skipped: its rule and depth; its text if asked for; if it was flagged
    for its name, its raw events, and where in the stream its place is kept."""

    __slots__ = ("after", "before", "depth", "events", "placeholder", "removal", "rule", "text")

    def __init__(self, rule: str, *, keep_text: bool, flagged: bool, before: int = 0) -> None:
        self.rule = rule
        self.depth = 1
        self.before = before  # the page's prose before the subtree (outside skipped ones)
        self.after = 0  # ... and the page's prose at its end, until the page's end is known
        self.text: list[str] | None = [] if keep_text else None
        self.events: list[Raw] | None = [] if flagged else None
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

    def tag(self) -> str:
        """The name of the skipped element's tag."""
        return str(self.events[0][1]) if self.events else ""

    def has_marker(self, memo: Memo) -> bool:
        """Whether an element inside names itself the article's body."""
        return any(kind == "start" and attrib and is_marker(attrib, memo)
                   for kind, _, attrib in self.events or ())


def is_article(skip: Skip, size: int, page: int, memo: Memo) -> bool:
    """Whether a skipped element holds so much of the page's prose that it may be the article."""
    return size >= _RESTORE_MIN and (size >= _RESTORE_SHARE * page or (
        size >= _RESTORE_MARKER * page and skip.has_marker(memo)))


def to_weigh(skip: Skip, longest: int, prose: int) -> bool:
    """Whether a skipped element stands amid the page's text and holds a paragraph or only a
    quotation, or is a subheading itself (``<h3 id="nav_3">``: an anchor for a list of
    sections), or a header that holds only a subheading: a name to weigh against the text
    around it."""
    if min(skip.before, prose - skip.after) < _RESTORE_AMID:
        return False
    if skip.rule not in _NEVER_WEIGHED and (longest >= _RESTORE_WEIGH
                                            or skip.held_in(QUOTE_TAGS)
                                            or skip.tag() in SUBHEADINGS):
        return True
    return skip.rule == HEADER_RULE and skip.held_in(SUBHEADINGS)


def thread(skipped: list[Skip], sizes: list[tuple[int, int]], prose: int) -> int:
    """The prose of the page's comments together, if they hold more than the rest of the page
    outside flagged elements (*prose*: the page is a thread: each post a comment), else 0."""
    total = sum(size for skip, (size, _) in zip(skipped, sizes, strict=True)
                if skip.rule == COMMENTS_RULE)
    return total if total > prose else 0
