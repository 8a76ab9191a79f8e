"""Read JSON values from a byte stream: one a line (JSONL), or the one value a ``.json`` file holds.

A ``.json`` file holds an array, read one element at a time through a window of its text so that
an array of any length streams through, or one value (or several, one after another). Many
datasets ship JSONL under a ``.json`` name: a file whose first line is a whole object is read
line by line instead. Each value comes with the line it starts on and, for an element of the
array, its index, so that an error about it names both.

The local reader (:mod:`cleanseed.records.read`) and the Ray engine both read ``.json`` files
through here, so that the two engines agree on what a file holds.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib
from collections.abc import Iterator
from typing import IO, Any, NamedTuple, cast

from cleanseed.errors import InputError
from cleanseed.records._capped import read_capped_record
from cleanseed.records._json_resync import Scan
from cleanseed.records._line_reader import LineRest, raw_lines
from cleanseed.records.inputs import BOM, ReadOptions, decode

__all__ = ["Value", "holds_jsonl", "iter_lines", "iter_values", "json_type", "parse_line"]

_TOO_DEEP = "JSON nested too deeply to read"
_PIECE = 1 << 20  # bytes of a .json file read at a time
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def json_type(value: object) -> str:
    """Name the JSON type of a parsed value, for an error message.

    >>> json_type([1]), json_type(2.5), json_type(None)
    ('an array', 'a number', 'null')
    """
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


class Value(NamedTuple):
    """A JSON value as read: the line it starts on and, for an element of the array a ``.json``
    file holds, its index (from 0, as ``jq '.[3]'`` counts)."""

    value: Any
    line: int
    element: int | None = None
    #: The full length of the record's text field when the reader kept only its start.
    size: int | None = None

    def error(self, msg: str, source: str, field: str | None = None) -> InputError:
        """An error about this value, naming its line, its array element and *field*."""
        at = "" if self.element is None else f"array element [{self.element}]: "
        return InputError(at + msg, source=source, line=self.line, field=field)

    def record(self, source: str) -> dict[str, Any] | InputError:
        """The JSON object this value is, or an error saying what it is instead."""
        if isinstance(self.value, dict):
            return self.value
        return self.error(f"expected a JSON object, got {json_type(self.value)}", source)


def parse_line(raw: bytes, source: str, line: int, options: ReadOptions,
               ) -> Value | InputError | None:
    """Parse one JSONL line into a :class:`Value`, an :class:`InputError`, or ``None`` if blank."""
    if line == 1 and raw.startswith(BOM):
        raw = raw[len(BOM):]
    if not raw.strip():
        return None
    text = decode(raw, options, source, line)
    if isinstance(text, InputError):
        return text
    try:
        return Value(json.loads(text), line)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} at column {exc.colno}"
        return InputError(msg, source=source, line=line)
    except ValueError as exc:  # e.g. an integer longer than Python converts
        return InputError(f"not valid JSON: {exc}", source=source, line=line)
    except RecursionError:
        return InputError(_TOO_DEEP, source=source, line=line)


def iter_lines(fh: IO[bytes], source: str, options: ReadOptions, *, after: int = 0,
               ) -> Iterator[Value | InputError]:
    """Yield a value or an error for each non-blank line of an open JSONL stream.

    *after* is how many lines were read from *fh* already, so that lines keep their numbers.
    Lines may end in a lone CR (see :mod:`cleanseed.records._line_reader`). A truncated or
    corrupt gzip stream ends the file with one error naming the last good line.
    """
    limit = options.max_line_bytes
    line = after
    try:
        for raw, cut, rest in raw_lines(fh, limit):
            line += 1
            if cut:
                yield _long_line(raw, rest, source, line, options)
                continue
            found = parse_line(raw, source, line, options)
            if found is not None:
                yield found
    except (EOFError, OSError, zlib.error) as exc:
        msg = f"truncated or corrupt after line {line} (the last one read): {exc}"
        yield InputError(msg, source=source, line=line + 1)


def _long_line(head: bytes, rest: LineRest | None, source: str, line: int,
               options: ReadOptions) -> Value | InputError:
    """A JSONL line longer than the line limit: with a size cap, its record with the start of
    its text (see :mod:`cleanseed.records._capped`); without one, an error."""
    cap = options.cap(options.html_field is not None)
    if cap is None or rest is None:
        return InputError(f"line longer than {options.max_line_bytes:,} bytes", source=source,
                          line=line)
    try:
        window = _Window(cast(IO[bytes], rest), head, source, options)
        window.line = line
        window.peek()
        record, size = read_capped_record(window, options.html_field or options.text_field, cap)
        if window.peek():
            raise window.error("more data after the record: one JSON value a line")
    except InputError as exc:
        return InputError(exc.reason, source=source, line=line)
    return Value(record, line, None, size)


class _Window:
    """The text of a ``.json`` file, decoded piece by piece as parsing moves through it.

    What has been parsed is dropped when the next piece is read, so an array of any length
    streams through; the line of the position is kept up to date, to name where records start.
    Problems are raised as :class:`InputError`. After a syntax error or an over-long value,
    :meth:`skip` moves to where the next element of the array starts (see
    :mod:`cleanseed.records._json_resync`), so one broken element costs one record, not the rest
    of the file; after bytes that are not UTF-8 the text cannot be followed, and the file ends
    there.
    """

    def __init__(self, fh: IO[bytes], head: bytes, source: str, options: ReadOptions):
        self.fh, self.source, self.limit = fh, source, options.max_line_bytes
        self.options = options
        self.decoder = codecs.getincrementaldecoder("utf-8")(options.encoding_errors)
        self.text, self.pos, self.eof = "", 0, False
        self.undecodable = False  # bytes that are not UTF-8 were met: nothing after can be read
        self.too_long = False  # the last value was over the limit, not broken
        self.depth = 0  # brackets of the current element open at the position
        self.line, self.counted = 1, 0  # the line of text[counted]
        self.column0 = 0  # the column of text[0] in its line
        self.offset = len(BOM) if head.startswith(BOM) else 0  # bytes of the file decoded
        self._add(head[self.offset:])

    def error(self, msg: str, pos: int | None = None) -> InputError:
        """An error at *pos* (default: the position) of the text held."""
        line = self.where() + self.text.count("\n", self.pos, max(pos or 0, self.pos))
        return InputError(msg, source=self.source, line=line)

    def where(self) -> int:
        """The line of the position."""
        self.line += self.text.count("\n", self.counted, self.pos)
        self.counted = self.pos
        return self.line

    def start(self) -> int:
        """Move to the next value; return the line it starts on."""
        self.peek()
        return self.where()

    def _add(self, data: bytes) -> None:
        held = len(self.decoder.getstate()[0])  # the start of a character cut by the last piece
        try:
            self.text += self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:  # exc.object is the held bytes, then data
            self.pos, self.undecodable = len(self.text), True
            line = self.where() + exc.object.count(b"\n", 0, exc.start)
            msg = f"not valid UTF-8 at byte {self.offset - held + exc.start} (line {line}); " \
                  "use --encoding-errors replace to read it anyway (nothing after it was read)"
            raise InputError(msg, source=self.source, line=line) from None
        self.offset += len(data)
        self.eof = not data

    def _more(self) -> bool:
        """Read the next piece, at least as long as the text not parsed yet (so a value that
        spans many pieces is parsed a few times, not once per piece); False at the end."""
        if self.eof:
            return False
        self.where()
        self.column0 = self.column(self.pos)
        self.text, self.pos, self.counted = self.text[self.pos:], 0, 0
        self._add(self.fh.read(max(_PIECE, len(self.text))))
        return True

    def more(self) -> bool:
        """Read the next piece (see :meth:`_more`)."""
        return self._more()

    def peek(self) -> str:
        """Move past white space; return the next character, or "" at the end of the file."""
        while True:
            space = _SPACE.match(self.text, self.pos)
            self.pos = space.end() if space else self.pos
            if self.pos < len(self.text) or not self._more():
                return self.text[self.pos : self.pos + 1]

    def take(self, char: str) -> bool:
        """Move past *char* if it comes next (after white space)."""
        if self.peek() != char:
            return False
        self.pos += 1
        return True

    def value(self) -> Any:
        """Parse the JSON value that comes next and move past it."""
        self.too_long = False
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
                whole = end < len(self.text) or self.eof  # else a number may go on
            except json.JSONDecodeError as exc:
                if self.eof or Scan().feed(self.text, self.pos) is not None:
                    raise self.error(f"not valid JSON: {exc.msg}", exc.pos) from None
                end, whole = len(self.text), False  # cut by the end of the piece
            except ValueError as exc:  # e.g. an integer longer than Python converts
                raise self.error(f"not valid JSON: {exc}") from None
            except RecursionError:
                raise self.error(_TOO_DEEP) from None
            self.too_long = bool(self.limit and end - self.pos > self.limit)
            if self.too_long:
                raise self.error(f"a JSON value longer than {self.limit:,} characters")
            if whole:
                self.pos = end
                return value
            self._more()

    def column(self, pos: int) -> int:
        """The column of text[pos] in its line, from 0."""
        newline = self.text.rfind("\n", 0, pos)
        return pos - newline - 1 if newline >= 0 else self.column0 + pos

    def skip(self, *, lines: bool, depth: int = 0) -> bool:
        """Move past the element at the position, without holding it, to the ``,`` or ``]``
        after it; False if the file ends first. With *lines*, the element is broken and the
        layout of lines may end it too (see :mod:`cleanseed.records._json_resync`); *depth* is
        how many brackets of the element are open at the position."""
        scan = Scan(column=self.column(self.pos) if lines else None, depth=depth)
        while (end := scan.feed(self.text, self.pos)) is None:
            self.pos = scan.resume
            if not self._more():
                return False
        self.pos = end
        return True


def _array(window: _Window) -> Iterator[Value | InputError]:
    """The elements of a JSON array, each with its index and the line it starts on; a broken
    element is an error naming it, and the array goes on after it."""
    window.take("[")
    index = 0
    done = window.take("]")
    while not done:
        found = _element(window, index)
        yield found
        if isinstance(found, InputError) and not window.skip(
                lines=not window.too_long, depth=window.depth):
            return  # the file ends inside the broken element
        index += 1
        done = window.take("]")
        if not done and not window.take(","):  # what follows is no element: skip it as one
            yield window.error(f"expected ',' or ']' after array element [{index - 1}]")
            if not window.skip(lines=True):
                return
            index += 1
            done = window.take("]") or not window.take(",")
    if window.peek():
        msg = "more data after the array: a file of one JSON value per line should be " \
              "named .jsonl"
        raise window.error(msg)


def _element(window: _Window, index: int) -> Value | InputError:
    """The element of the array at the position, or an error naming it. An element too long
    to parse whole is a record read with the start of its text, if there is a size cap."""
    line = window.start()
    window.depth = 0
    try:
        return Value(window.value(), line, index)
    except InputError as exc:
        if window.undecodable:
            raise
        error = exc
    options = window.options
    cap = options.cap(options.html_field is not None)
    if window.too_long and cap is not None and window.peek() == "{":
        window.depth = 1  # inside the record, if it turns out broken after all
        try:
            record, size = read_capped_record(window, options.html_field or options.text_field,
                                              cap)
            return Value(record, line, index, size)
        except InputError as exc:
            if window.undecodable:
                raise
            error = exc
    return InputError(f"array element [{index}]: {error.reason}", source=error.source,
                      line=error.line)


def _values(window: _Window) -> Iterator[Value]:
    """The values of a file of one JSON value (or several, one after another). Without an
    array's commas no boundary can be trusted after a syntax error: the file ends there."""
    while window.peek():
        line = window.start()
        try:
            yield Value(window.value(), line)
        except InputError as exc:
            if window.undecodable:
                raise
            msg = f"{exc.reason} (nothing after it in the file was read)"
            raise InputError(msg, source=exc.source, line=exc.line) from None


def _head(fh: IO[bytes], options: ReadOptions) -> tuple[bytes, bytes, int, bool]:
    """The start of a file up to its first non-blank line, that line, its number, and whether
    the line is a whole JSON object (then the file is JSONL)."""
    limit = options.max_line_bytes
    head, raw, line = b"", b"", 0
    while not raw.strip() and (raw := fh.readline(limit) if limit else fh.readline()):
        line += 1
        head += raw
        raw = raw.removeprefix(BOM) if line == 1 else raw
    return head, raw, line, raw.lstrip().startswith(b"{") and _is_object_line(raw, options)


def _is_object_line(raw: bytes, options: ReadOptions) -> bool:
    try:
        return isinstance(json.loads(raw.decode("utf-8", options.encoding_errors)), dict)
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or not JSON on its own
        return False


def holds_jsonl(fh: IO[bytes], options: ReadOptions | None = None) -> bool:
    """Return whether an open ``.json`` file holds JSONL (its first non-blank line is a whole
    object), as :func:`iter_values` decides; *fh* is read up to that line.

    >>> import io
    >>> holds_jsonl(io.BytesIO(b'{"a": 1}\\n{"a": 2}\\n')), holds_jsonl(io.BytesIO(b'[{"a": 1}]'))
    (True, False)
    """
    return _head(fh, options or ReadOptions())[3]


def iter_values(fh: IO[bytes], source: str, options: ReadOptions,
                ) -> Iterator[Value | InputError]:
    """Yield a value or an error for each value of an open ``.json`` file.

    The file holds an array, read one element at a time, or one value; a file whose first line
    is a whole object is JSONL, read line by line (see :func:`iter_lines`). A syntax error, or a
    truncated or corrupt gzip stream, ends the file with one error.
    """
    try:
        head, first, line, jsonl = _head(fh, options)
        if jsonl:
            found = parse_line(first, source, line, options)
            if found is not None:
                yield found
            yield from iter_lines(fh, source, options, after=line)
            return
        if not first.strip():
            return  # an empty file holds no values
        window = _Window(fh, head, source, options)
        yield from (_array if first.lstrip().startswith(b"[") else _values)(window)
    except InputError as exc:
        yield exc
    except (EOFError, OSError, zlib.error) as exc:
        yield InputError(f"truncated or corrupt: {exc}", source=source)
