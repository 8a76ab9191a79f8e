"""Private text helpers shared by the steps: lines with offsets, span removal, tidying.

Every step returns *tidy* text: no trailing white space on a line, no more than one blank line
in a row, no blank line at either end. Paragraphs may be separated by one newline or by a blank
line; both survive as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

from cleanseed.document import Removal


class Line(NamedTuple):
    """A line of text without its newline, and the offset where it starts."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of a text that a rule wants removed."""

    start: int
    end: int
    rule: str


def iter_lines(text: str) -> Iterator[Line]:
    """Yield every line of *text* with its start offset (``\\n`` separated)."""
    start = 0
    for part in text.split("\n"):
        yield Line(start, part)
        start += len(part) + 1


#: The lines of a text and the offset where each starts, with one more at the end: where a line
#: after the last would start (:func:`lines_and_starts`).
Lines = tuple[list[str], list[int]]


def lines_and_starts(text: str) -> Lines:
    """The lines of *text* (``\\n`` separated) and where each starts, for the passes of a step
    that read them: split once."""
    lines = text.split("\n")
    return lines, list(accumulate(map((1).__add__, map(len, lines)), initial=0))


def line_span(text: str, line: Line, rule: str) -> Span:
    """Return the span removing *line* whole, with the newline that ends it."""
    end = line.end
    if end < len(text) and text[end] == "\n":
        end += 1
    return Span(line.start, end, rule)


def tidy(text: str) -> str:
    """Strip trailing white space from each line and fold runs of blank lines into one."""
    return tidy_lines(text.split("\n"))


def tidy_lines(lines: list[str]) -> str:
    """:func:`tidy` of the text made of *lines* (none holding a ``\\n``), joined."""
    out: list[str] = []
    blank = False
    for raw in lines:
        line = raw.rstrip()
        if not line:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)


_EMPTY_RUN = re.compile("\n\n\n+")


def fold_empty_lines(text: str) -> str:
    """*text* with each run of empty lines cut to one. Its other lines are the same, in the same
    order, and one blank line is left wherever there was one or more, so :func:`tidy` of it is
    :func:`tidy` of *text*; a line-by-line step reads far fewer lines on a page's text as a
    scraper gets it, which is mostly empty lines."""
    return _EMPTY_RUN.sub("\n\n", text) if "\n\n\n" in text else text


def remove_spans(text: str, spans: list[Span], stage: str,
                 record: list[Removal] | None) -> str:
    """Delete *spans* from *text*, record each as a :class:`Removal`, and tidy the rest.

    Overlapping spans are merged into the first one's rule, so no character is reported twice.
    """
    if not spans:
        return tidy(text)
    pieces: list[str] = []
    pos = 0
    for span in sorted(spans):
        start = max(span.start, pos)
        if span.end <= start:
            continue
        pieces.append(text[pos:start])
        if record is not None:
            record.append(Removal(stage, span.rule, text[start:span.end], start))
        pos = span.end
    pieces.append(text[pos:])
    return tidy("".join(pieces))
