"""The lines of a JSONL stream, in bounded memory, whatever ends them.

JSONL lines end in ``\\n`` (or ``\\r\\n``). A file whose lines end in a lone ``\\r`` (old Mac
tools write them) would otherwise be one long line, read as one bad record: the first line
tells, and such a file is split on ``\\r`` instead. A line longer than the limit is not held:
what the caller gets is its first *limit* bytes, marked as cut, and the rest is read on to the
next line's start without being kept, after the caller has had the chance to read it as a
stream (to parse a record holding only the start of its text; see ``records._capped``).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

__all__ = ["Line", "LineRest", "raw_lines"]

_BLOCK = 1 << 20
_LONE_CR = re.compile(rb"\r(?!\n)")


class LineRest(io.RawIOBase):
    """The rest of an over-long line, as a stream that ends after its line feed."""

    def __init__(self, fh: IO[bytes], limit: int) -> None:
        super().__init__()
        self._fh, self._limit, self._done = fh, limit, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._done:
            return 0
        chunk = self._fh.readline(min(len(buffer), self._limit))
        self._done = not chunk or chunk.endswith(b"\n")
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def drain(self) -> None:
        """Read past what the caller left of the line."""
        while self.read(1 << 16):
            pass


class Line(NamedTuple):
    """One line as read: its bytes (with the line break), and whether it was cut at the limit
    (then ``data`` is its first *limit* bytes, without a line break, and ``rest`` the rest of
    it, to be read while the line is the current one, or not at all)."""

    data: bytes
    cut: bool = False
    rest: LineRest | None = None


def _cr_separated(first: bytes) -> bool:
    """Whether *first*, a file's first line as ``readline`` gives it, holds lines ended by a
    lone CR: it has no line feed, a CR splits it, it is not one record as a whole (a CR is white
    space to JSON), and its first piece is a record."""
    if first.endswith(b"\n") or not _LONE_CR.search(first.rstrip(b"\r")):
        return False
    head = next((p for p in first.split(b"\r") if p.strip()), b"")
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        try:
            return isinstance(json.loads(head), dict)
        except (ValueError, RecursionError):
            return False
    return False


def raw_lines(fh: IO[bytes], limit: int | None) -> Iterator[Line]:
    """Yield the lines of *fh*; a line of *limit* bytes or more is cut (see :class:`Line`)."""
    first = fh.readline(limit) if limit else fh.readline()
    if not first:
        return
    if _cr_separated(first):
        yield from _cr_lines(first, fh, limit)
        return
    raw = first
    while raw:
        if limit and len(raw) >= limit and not raw.endswith(b"\n"):
            rest = LineRest(fh, limit)
            yield Line(raw, cut=True, rest=rest)
            rest.drain()  # what the caller did not read of it, not held
        else:
            yield Line(raw)
        raw = fh.readline(limit) if limit else fh.readline()


def _cr_lines(first: bytes, fh: IO[bytes], limit: int | None) -> Iterator[Line]:
    """The lines of a stream whose lines end in ``\\r`` (``\\r\\n`` and ``\\n`` too)."""
    carry, skipping, cr_at_end = b"", False, False
    block = first
    while block:
        if cr_at_end and block.startswith(b"\n"):
            block = block[1:]  # the \n of a \r\n cut between two blocks
        cr_at_end = block.endswith(b"\r")
        parts = block.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
        parts[0] = carry + parts[0]
        carry = parts.pop()
        for part in parts:
            if skipping:
                skipping = False  # the end of an over-long line
            else:
                yield Line(part + b"\n")
        if limit and len(carry) >= limit and not skipping:
            yield Line(carry[:limit], cut=True)
            carry, skipping = b"", True
        elif skipping:
            carry = b""
        block = fh.read(_BLOCK)
    if carry and not skipping:
        yield Line(carry)
