"""Feed a page to lxml's HTML parser so that its stack of open elements stays shallow.

libxml2, lxml's parser, keeps the page's open elements on a stack, and an end tag that closes
none of the elements near the top makes it search down the stack, to the bottom if nothing on
the way stops it (a ``<div>`` stops a stray ``</b>``; among inline elements nothing stops a
stray ``</p>``). So a page that opens elements and never closes them, with end tags that close
nothing in between (``<font>`` on every line, each line ending in ``</p>``), costs time in the
square of its length: libxml2 alone takes about 14 s on 1 MB of it, and a hundred times as long
on ten times as much.

So the page goes in by pieces, each cut just before a ``<`` (a cut there changes nothing in how
the page parses) and holding no more ``<`` than the stack has room for below *bound*, as each
opens at most one element. Once the stack is *bound* deep, the page goes in one tag at a time,
and a start tag first closes the element on top of the stack: the new element goes beside that
one instead of inside it, and no end tag has more than *bound* elements to look through.

The parser's target keeps the names on the stack, from the start and end events it gets, and
says whether the element on top may be closed early for a new one: see :class:`Stack`.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

__all__ = ["Stack", "feed_bounded"]

#: _PIECES[k] matches a piece with at most 2**k ``<`` (as many as there are, up to that): the
#: largest that fits the room on the stack is used, as each call to the parser costs something.
#: Each repetition ends at a "<", so a match is linear, and it never fails, so never backtracks.
_PIECES = tuple(re.compile(rf"[^<]*(?:<[^<]*){{0,{1 << k}}}") for k in range(10))
_START_TAG = re.compile(r"<([A-Za-z][^\s/>]*)")


class Stack(Protocol):
    """The parser's target, as far as feeding goes."""

    #: The names of the open elements, innermost last, as the parser's events told them.
    names: list[str]

    def closable(self, tag: str) -> bool:
        """Whether the innermost open element may be closed before its end tag, for an element
        named *tag* to go beside it rather than inside it."""
        ...


def feed_bounded(parser: Any, markup: str, stack: Stack, bound: int) -> None:
    """Feed *markup* to *parser*, whose target is *stack*, keeping it about *bound* deep at most.

    On a page that never nests *bound* elements deep the events are those of one
    ``parser.feed(markup)``, but that the text of a raw-text element (a script, where a ``<``
    is text) may come in more than one piece.
    """
    names, find = stack.names, markup.find
    at, end = 0, len(markup)
    while at < end:
        room, close = bound - len(names), ""
        if room > 0:
            piece = _PIECES[min(room.bit_length(), len(_PIECES)) - 1].match(markup, at)
            cut = piece.end() if piece else end  # it always matches
        else:
            cut = find("<", at + 1)
            if cut < 0:
                cut = end
            start = _START_TAG.match(markup, at)
            if start and stack.closable(start.group(1).lower()):
                close = f"</{names[-1]}>"
        parser.feed(close + markup[at:cut])
        at = cut
