"""Read a document's start and stream the rest past: what makes the size cap bound memory.

A text or HTML file is read up to the cap (and one character more, to know it is over), then
read to its end without being held, counting its size; a gzip bomb costs the time to inflate it,
not the memory. A JSON record too long to parse whole (a JSONL line, an element of a ``.json``
array) is parsed field by field through the reader's window of text: its text field keeps the
cap's worth of characters and counts the rest; every other field must fit the line limit. What
comes back says the document's full size, for the report.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import IO, Any, Protocol

from cleanseed.errors import InputError

__all__ = ["Window", "read_capped_bytes", "read_capped_record", "read_capped_text"]

_BLOCK = 1 << 20
_CONTINUATION = bytes(range(0x80, 0xC0))  # UTF-8 bytes that do not start a character
#: Whole units of a JSON string's body: plain characters and complete escapes. Unrolled (runs
#: of plain characters between escapes), so the regular expression engine keeps state per
#: escape rather than per character.
_BODY = re.compile(r'[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*')
_HIGH_SURROGATE_END = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\Z")


def _drain(fh: IO[bytes], count_chars: bool) -> int:
    """Read *fh* to its end without holding it; return its bytes, or its UTF-8 characters."""
    total = 0
    while block := fh.read(_BLOCK):
        total += len(block.translate(None, _CONTINUATION)) if count_chars else len(block)
    return total


def read_capped_bytes(fh: IO[bytes], cap: int) -> tuple[bytes, int | None]:
    """The first ``cap + 1`` bytes of *fh*, and its full size if there were more (else None)."""
    data = fh.read(cap + 1)
    if len(data) <= cap:
        return data, None
    return data, len(data) + _drain(fh, count_chars=False)


def read_capped_text(fh: IO[bytes], cap: int, errors: str, source: str,
                     ) -> tuple[str, int | None] | InputError:
    """The first ``cap + 1`` characters of the UTF-8 file *fh*, and its full size in
    characters if there were more (else None); or an error naming the first bad byte."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors)
    parts: list[str] = []
    held = offset = lines = 0
    while held <= cap:
        block = fh.read(max(cap + 1 - held, 1 << 12))
        try:
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:  # exc.object: the bytes the decoder held, then block
            pending = len(exc.object) - len(block)
            at = offset - pending + exc.start
            line = lines + 1 + exc.object.count(b"\n", 0, exc.start)
            msg = f"not valid UTF-8 at byte {at} (line {line}); " \
                  "use --encoding-errors replace to read it anyway"
            return InputError(msg, source=source, line=line)
        parts.append(text)
        held += len(text)
        offset += len(block)
        lines += text.count("\n")
        if not block:
            return "".join(parts), None
    text = "".join(parts)
    partial = 1 if decoder.getstate()[0] else 0  # a character begun in the bytes read
    return text, len(text) + partial + _drain(fh, count_chars=True)


class Window(Protocol):
    """The reader's window on the text of a JSON stream (``json_values._Window``)."""

    text: str
    pos: int

    def peek(self) -> str: ...
    def take(self, char: str) -> bool: ...
    def value(self) -> Any: ...
    def more(self) -> bool: ...
    def error(self, msg: str, pos: int | None = None) -> InputError: ...


def read_capped_record(window: Window, field: str, cap: int,
                       ) -> tuple[dict[str, Any], int | None]:
    """Parse the JSON object at the window's position, holding no more than ``cap + 1``
    characters of its string field *field*; return it and that field's full length if it was
    cut (else None). Other values are read whole (the window bounds them). Raises the window's
    :class:`InputError` for what is not a well-formed object."""
    if not window.take("{"):
        raise window.error("expected a JSON object")
    record: dict[str, Any] = {}
    size = None
    while not window.take("}"):
        if record and not window.take(","):
            raise window.error("not valid JSON: expected ',' or '}' between fields")
        key = window.value()
        if not isinstance(key, str) or not window.take(":"):
            raise window.error("not valid JSON: expected a field name and ':'")
        if key == field and window.peek() == '"':
            record[key], full = _capped_string(window, cap)
            size = full if full > cap else None
        else:
            record[key] = window.value()
    return record, size


def _capped_string(window: Window, cap: int) -> tuple[str, int]:
    """The JSON string at the window's position, its first ``cap + 1`` characters, and its
    length; read a piece at a time, escapes decoded whole."""
    window.pos += 1  # the opening quote
    kept: list[str] = []
    held = length = 0
    while True:
        text = window.text
        stop = _BODY.match(text, window.pos).end()  # type: ignore[union-attr]
        closed = stop < len(text) and text[stop] == '"'
        if not closed and len(text) - stop >= 6:  # neither the end nor an escape cut short
            raise window.error("not valid JSON: a bad escape or control character in a string")
        end = stop
        if not closed and _HIGH_SURROGATE_END.search(text, window.pos, end):
            end -= 6  # keep the halves of a surrogate pair together
        piece = json.loads('"' + text[window.pos : end] + '"')
        length += len(piece)
        if held <= cap:
            kept.append(piece[: cap + 1 - held])
            held += len(kept[-1])
        window.pos = end + closed
        if closed:
            return "".join(kept), length
        if not window.more():
            raise window.error("not valid JSON: a string that does not end")
