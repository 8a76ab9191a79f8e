"""Read documents from files, folders, JSON and JSONL (gzipped or not) and stdin; write them
back safely.

Text files (``.txt``, ``.md``) are one document each; JSONL files (``.jsonl``, ``.ndjson``) hold
one JSON object per line; a ``.json`` file holds one JSON value, an array of records or a single
record (a ``.json`` file that turns out to hold JSONL is read as JSONL); HTML files (``.html``,
``.htm``) are read as bytes and left for the HTML stage to decode; any of them may be gzipped
(``.gz``). Folders are read recursively in sorted order, taking the files with those suffixes and
skipping hidden ones.

Every document keeps the fields it came with (the ``id``/``text``/``metadata`` records of Dolma
and datatrove go out as they came in) and remembers where it came from, so an error or a report
names the file and the line. Output goes through :func:`atomic_writer`: an interrupted run never
leaves a half-written file that looks complete.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import gzip
import itertools
import json
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import IO, Any, Literal, NamedTuple, cast

from cleanseed.document import Document
from cleanseed.errors import CleanseedError, InputError

__all__ = [
    "ORIGIN",
    "RECORD_KINDS",
    "InputFile",
    "Item",
    "Origin",
    "ReadOptions",
    "RecordWriter",
    "atomic_writer",
    "dumps_record",
    "expand_paths",
    "iter_items",
    "origin",
    "read_documents",
    "record_file",
    "to_record",
    "write_jsonl",
]

Kind = Literal["text", "jsonl", "json", "html"]
Format = Literal["auto", "text", "jsonl", "json", "html"]
SUFFIX_KINDS: Mapping[str, Kind] = {
    ".txt": "text", ".md": "text", ".text": "text", ".markdown": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
#: The kinds of file that hold records (JSON objects) rather than one document.
RECORD_KINDS: frozenset[Kind] = frozenset({"jsonl", "json"})
#: The metadata key under which a document read from a file keeps its :class:`Origin`.
ORIGIN = "cleanseed_origin"
STDIN = "<stdin>"
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document came from: the file, the line a record starts on, its fields in order."""

    source: str
    line: int | None = None
    keys: tuple[str, ...] = ()  # the record's fields in their order, to write them back so
    raw_id: Any = None  # the id as it was (an int stays an int)
    #: The record's index in the array of a ``.json`` file, from 0 (``jq '.[3]'`` shows it).
    element: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return where if self.element is None else f"{where} (array element [{self.element}])"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read: its path, its name relative to the argument it was found under."""

    path: str
    rel: str
    kind: Kind
    gz: bool = False


class Item(NamedTuple):
    """A document as read; raw HTML (``str`` or ``bytes``) waits in ``html`` for the HTML stage."""

    doc: Document
    html: str | bytes | None
    file: InputFile


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read records: which fields hold the id, the text or the HTML; how to decode."""

    text_field: str = "text"
    id_field: str = "id"
    #: When set, JSONL records hold raw HTML in this field instead of text in ``text_field``.
    html_field: str | None = None
    #: "strict" reports a non-UTF-8 file or line as an error; "replace" decodes it with U+FFFD.
    encoding_errors: Literal["strict", "replace"] = "strict"
    #: A JSONL line longer than this is reported and skipped without being held in memory; in a
    #: ``.json`` file, a value longer than this (in characters) ends the file with an error.
    max_line_bytes: int | None = None


def origin(doc: Document) -> Origin | None:
    """Return where *doc* was read from, or ``None`` for a document built in code."""
    found = doc.metadata.get(ORIGIN)
    return found if isinstance(found, Origin) else None


def kind_of(path: str) -> tuple[Kind | None, bool]:
    """Return the kind of file *path* names by its suffixes, and whether it is gzipped.

    >>> kind_of("crawl/part-0001.jsonl.gz")
    ('jsonl', True)
    """
    name = path.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    kind = SUFFIX_KINDS.get(PurePath(name).suffix)
    if gz and kind is None:
        kind = "jsonl"  # "part-0001.gz": compressed corpora are JSONL far more often than not
    return kind, gz


def _walk(root: str, fmt: Format) -> Iterator[InputFile]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            kind, gz = kind_of(name)
            if name.startswith(".") or kind is None:
                continue
            path = Path(folder, name)
            rel = str(path.relative_to(root))
            yield InputFile(str(path), rel, kind if fmt == "auto" else fmt, gz)


def expand_paths(paths: Iterable[str | os.PathLike[str]], *, fmt: Format = "auto",
                 stdin_kind: Kind = "text") -> list[InputFile]:
    """List the files to read: folders walked in sorted order, ``-`` for stdin.

    A file named explicitly is read even with an unknown suffix (as text). A path that does not
    exist raises :class:`InputError` before anything is read.
    """
    found: list[InputFile] = []
    for raw in paths:
        path = os.fspath(raw)
        if path == "-":
            found.append(InputFile(STDIN, "-", stdin_kind if fmt == "auto" else fmt))
        elif Path(path).is_dir():
            found.extend(_walk(path, fmt))
        elif Path(path).exists():
            kind, gz = kind_of(path)
            found.append(InputFile(path, Path(path).name,
                                   (kind or "text") if fmt == "auto" else fmt, gz))
        else:
            msg = "no such file or directory"
            raise InputError(msg, source=path)
    return found


def _decode(data: bytes, options: ReadOptions, source: str, line: int | None = None,
            ) -> str | InputError:
    try:
        return data.decode("utf-8", errors=options.encoding_errors)
    except UnicodeDecodeError as exc:
        if line is None:
            at = data.count(b"\n", 0, exc.start) + 1
            msg = f"not valid UTF-8 at byte {exc.start} (line {at}); " \
                  "use --encoding-errors replace to read it anyway"
            return InputError(msg, source=source, line=at)
        msg = f"not valid UTF-8 at byte {exc.start} of the line"
        return InputError(msg, source=source, line=line)


_TOO_DEEP = "JSON nested too deeply to read"


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _record_item(record: object, file: InputFile, line: int, options: ReadOptions,
                 element: int | None = None) -> Item | InputError:
    """The document a parsed JSON record holds, or an error naming the line (and the element)."""

    def error(msg: str, field: str | None = None) -> InputError:
        at = "" if element is None else f"array element [{element}]: "
        return InputError(at + msg, source=file.path, line=line, field=field)

    if not isinstance(record, dict):
        return error(f"expected a JSON object, got {_json_type(record)}")
    field = options.html_field or options.text_field
    if ORIGIN in record:
        return error(f"the field {ORIGIN!r} is reserved for cleanseed", ORIGIN)
    if field not in record:
        names = ", ".join(map(repr, record)) or "no fields"
        return error(f"missing field (the record has: {names})", field)
    value = record[field]
    if not isinstance(value, str):
        return error(f"expected a string, got {_json_type(value)}", field)
    raw_id = record.get(options.id_field)
    metadata = {k: v for k, v in record.items() if k not in (options.text_field, options.id_field)}
    metadata[ORIGIN] = Origin(file.path, line, tuple(record), raw_id, element)
    html = value if options.html_field else None
    return Item(Document("" if html is not None else value, _id_text(raw_id), metadata), html, file)


def parse_line(raw: bytes, file: InputFile, line: int, options: ReadOptions,
               ) -> Item | InputError | None:
    """Parse one JSONL line into an :class:`Item`, an :class:`InputError`, or ``None`` if blank."""
    if line == 1 and raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    if not raw.strip():
        return None
    text = _decode(raw, options, file.path, line)
    if isinstance(text, InputError):
        return text
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} at column {exc.colno}"
        return InputError(msg, source=file.path, line=line)
    except ValueError as exc:  # e.g. an integer longer than Python converts
        return InputError(f"not valid JSON: {exc}", source=file.path, line=line)
    except RecursionError:
        return InputError(_TOO_DEEP, source=file.path, line=line)
    return _record_item(record, file, line, options)


def iter_jsonl(fh: IO[bytes], file: InputFile, options: ReadOptions, *, after: int = 0,
               ) -> Iterator[Item | InputError]:
    """Yield an item or an error for each non-blank line of an open JSONL file.

    *after* is how many lines were read from *fh* already, so that lines keep their numbers.
    A truncated or corrupt gzip stream ends the file with one error naming the last good line.
    """
    limit = options.max_line_bytes
    line = after
    try:
        while raw := (fh.readline(limit) if limit else fh.readline()):
            line += 1
            if limit and len(raw) >= limit and not raw.endswith(b"\n"):
                while (rest := fh.readline(limit)) and not rest.endswith(b"\n"):
                    pass  # drop the rest of the over-long line without holding it
                msg = f"line longer than {limit:,} bytes"
                yield InputError(msg, source=file.path, line=line)
                continue
            found = parse_line(raw, file, line, options)
            if found is not None:
                yield found
    except (EOFError, OSError, zlib.error) as exc:
        msg = f"truncated or corrupt after line {line} (the last one read): {exc}"
        yield InputError(msg, source=file.path, line=line + 1)


_PIECE = 1 << 20  # bytes of a .json file read at a time
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Window:
    """The text of a ``.json`` file, decoded piece by piece as parsing moves through it.

    What has been parsed is dropped when the next piece is read, so an array of any length
    streams through; the line of the position is kept up to date, to name where records start.
    Problems are raised as :class:`InputError`: after a syntax error nothing later in the file
    can be trusted to start where it seems to, so the file ends there.
    """

    def __init__(self, fh: IO[bytes], head: bytes, file: InputFile, options: ReadOptions):
        self.fh, self.source, self.limit = fh, file.path, options.max_line_bytes
        self.decoder = codecs.getincrementaldecoder("utf-8")(options.encoding_errors)
        self.text, self.pos, self.eof = "", 0, False
        self.line, self.counted = 1, 0  # the line of text[counted]
        self.offset = len(_BOM) if head.startswith(_BOM) else 0  # bytes of the file decoded
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
            self.pos = len(self.text)
            line = self.where() + exc.object.count(b"\n", 0, exc.start)
            msg = f"not valid UTF-8 at byte {self.offset - held + exc.start} (line {line}); " \
                  "use --encoding-errors replace to read it anyway"
            raise InputError(msg, source=self.source, line=line) from None
        self.offset += len(data)
        self.eof = not data

    def _more(self) -> bool:
        """Read the next piece, at least as long as the text not parsed yet (so a value that
        spans many pieces is parsed a few times, not once per piece); False at the end."""
        if self.eof:
            return False
        self.where()
        self.text, self.pos, self.counted = self.text[self.pos:], 0, 0
        self._add(self.fh.read(max(_PIECE, len(self.text))))
        return True

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
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
                whole = end < len(self.text) or self.eof  # else a number may go on
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise self.error(f"not valid JSON: {exc.msg}", exc.pos) from None
                end, whole = len(self.text), False  # perhaps cut by the end of the piece
            except ValueError as exc:  # e.g. an integer longer than Python converts
                raise self.error(f"not valid JSON: {exc}") from None
            except RecursionError:
                raise self.error(_TOO_DEEP) from None
            if self.limit and end - self.pos > self.limit:
                raise self.error(f"a JSON value longer than {self.limit:,} characters")
            if whole:
                self.pos = end
                return value
            self._more()


def _array(window: _Window, file: InputFile, options: ReadOptions) -> Iterator[Item | InputError]:
    """The records of a JSON array, each named by its index and the line it starts on."""
    window.take("[")
    for index in itertools.count():
        if index == 0 and window.take("]"):
            break
        line = window.start()
        yield _record_item(window.value(), file, line, options, index)
        if window.take("]"):
            break
        if not window.take(","):
            raise window.error(f"expected ',' or ']' after array element [{index}]")
    if window.peek():
        msg = "more data after the array: a file of one JSON value per line should be " \
              "named .jsonl"
        raise window.error(msg)


def _values(window: _Window, file: InputFile, options: ReadOptions) -> Iterator[Item | InputError]:
    """The records of a file of one JSON object (or several, one after another)."""
    while window.peek():
        line = window.start()
        yield _record_item(window.value(), file, line, options)


def _head(fh: IO[bytes], limit: int | None) -> tuple[bytes, bytes, int]:
    """The start of a file up to its first non-blank line, that line, and its number."""
    head, raw, line = b"", b"", 0
    while not raw.strip() and (raw := fh.readline(limit) if limit else fh.readline()):
        line += 1
        head += raw
        raw = raw.removeprefix(_BOM) if line == 1 else raw
    return head, raw, line


def _is_record_line(raw: bytes, options: ReadOptions) -> bool:
    try:
        return isinstance(json.loads(raw.decode("utf-8", options.encoding_errors)), dict)
    except (ValueError, RecursionError):  # not UTF-8, not JSON, or not JSON on its own
        return False


def iter_json(fh: IO[bytes], file: InputFile, options: ReadOptions,
              ) -> Iterator[Item | InputError]:
    """Yield an item or an error for each record of an open ``.json`` file.

    The file holds an array of records, read one element at a time (an error names the line the
    element starts on and its index, from 0), or one record. Many datasets ship JSONL under a
    ``.json`` name: a file whose first line is a whole record is read as JSONL, line by line.
    A syntax error, or a truncated or corrupt gzip stream, ends the file with one error.
    """
    try:
        head, first, line = _head(fh, options.max_line_bytes)
        if first.lstrip().startswith(b"{") and _is_record_line(first, options):
            found = parse_line(first, file, line, options)
            if found is not None:
                yield found
            yield from iter_jsonl(fh, file, options, after=line)
            return
        if not first.strip():
            return  # an empty file holds no records
        window = _Window(fh, head, file, options)
        yield from (_array if first.lstrip().startswith(b"[") else _values)(window, file, options)
    except InputError as exc:
        yield exc
    except (EOFError, OSError, zlib.error) as exc:
        yield InputError(f"truncated or corrupt: {exc}", source=file.path)


def _whole_file(fh: IO[bytes], file: InputFile, options: ReadOptions) -> Item | InputError:
    try:
        data = fh.read()
    except (EOFError, OSError, zlib.error) as exc:
        return InputError(f"truncated or corrupt: {exc}", source=file.path)
    metadata = {ORIGIN: Origin(file.path)}
    if file.kind == "html":
        return Item(Document("", file.path, metadata), data, file)
    text = _decode(data, options, file.path)
    if isinstance(text, InputError):
        return text
    return Item(Document(text, file.path, metadata), None, file)


@contextlib.contextmanager
def _open(file: InputFile) -> Iterator[IO[bytes]]:
    if file.path == STDIN:
        yield sys.stdin.buffer
    elif file.gz:
        with gzip.open(file.path, "rb") as fh:
            yield cast(IO[bytes], fh)
    else:
        with Path(file.path).open("rb") as fh:
            yield fh


def iter_items(files: Iterable[InputFile], options: ReadOptions | None = None,
               ) -> Iterator[Item | InputError]:
    """Yield every document of *files* in order, and an :class:`InputError` for each bad one."""
    options = options or ReadOptions()
    for file in files:
        try:
            with _open(file) as fh:
                if file.kind == "jsonl":
                    yield from iter_jsonl(fh, file, options)
                elif file.kind == "json":
                    yield from iter_json(fh, file, options)
                else:
                    yield _whole_file(fh, file, options)
        except OSError as exc:  # cannot open: permissions, a vanished file
            yield InputError(exc.strerror or str(exc), source=file.path)


def read_documents(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                   text_field: str = "text", id_field: str = "id", html_field: str | None = None,
                   encoding_errors: Literal["strict", "replace"] = "strict",
                   on_error: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """Read documents from files, folders (recursively, sorted) and ``-`` (stdin).

    A bad record raises :class:`InputError` naming the file, line and field; pass *on_error* to
    receive each error instead and go on reading. HTML is turned into text by the HTML stage.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = path.write_text('{"id": 7, "text": "Hello", "lang": "en"}\\n')
    >>> doc = next(read_documents(path))
    >>> doc.id, doc.text, doc.metadata["lang"], str(origin(doc)).endswith("a.jsonl:1")
    ('7', 'Hello', 'en', True)
    """
    sources = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    options = ReadOptions(text_field=text_field, id_field=id_field, html_field=html_field,
                          encoding_errors=encoding_errors)
    stdin_kind: Kind = "jsonl" if html_field or text_field != "text" else "text"
    for item in iter_items(expand_paths(sources, stdin_kind=stdin_kind), options):
        found = item if isinstance(item, InputError) else _as_text(item)
        if isinstance(found, Document):
            yield found
        elif on_error is None:
            raise found
        else:
            on_error(found)


def _as_text(item: Item) -> Document | InputError:
    if item.html is None:
        return item.doc
    from cleanseed.html import html_to_text  # the HTML stage

    try:
        return dataclasses.replace(item.doc, text=html_to_text(item.html))
    except CleanseedError as exc:
        where = origin(item.doc)
        return InputError(str(exc), source=where.source if where else item.file.path,
                          line=where.line if where else None)


def to_record(doc: Document, *, text_field: str = "text", id_field: str = "id",
              removals: bool = False) -> dict[str, Any]:
    """Return *doc* as the JSON object it was read from, with its new text.

    Fields keep their order; a document that was not read from JSONL gets ``id`` and ``text``.

    >>> to_record(Document("Hi", "d1", {"lang": "en"}))
    {'id': 'd1', 'text': 'Hi', 'lang': 'en'}
    """
    where = origin(doc)
    record: dict[str, Any] = {}
    for key in where.keys if where else ():
        if key == text_field:
            record[key] = doc.text
        elif key == id_field:
            record[key] = where.raw_id if where and doc.id == _id_text(where.raw_id) else doc.id
        elif key in doc.metadata:
            record[key] = doc.metadata[key]
    if id_field not in record and doc.id:
        record[id_field] = doc.id
    record.setdefault(text_field, doc.text)
    for key, value in doc.metadata.items():
        if key != ORIGIN:
            record.setdefault(key, value)
    if removals:
        record["removals"] = [r.as_dict() for r in doc.removals]
    return record


def _id_text(raw_id: Any) -> str:
    return raw_id if isinstance(raw_id, str) else "" if raw_id is None else json.dumps(raw_id)


def dumps_record(record: Mapping[str, Any]) -> bytes:
    """Return one JSONL line (UTF-8, newline-terminated); lone surrogates are written escaped."""
    try:
        text = json.dumps(record, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        msg = f"cannot write record {record.get('id', '')!r} as JSON: {exc}"
        raise CleanseedError(msg) from None
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate, from a "\ud800" escape in the input
        return json.dumps(record).encode("ascii") + b"\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, gz: bool | None = None) -> Iterator[IO[bytes]]:
    """Open *path* for writing bytes; it appears, complete, only when the block ends without error.

    Writes go to a temporary file in the same folder, which is flushed, synced and renamed over
    *path*; on an exception (or Ctrl-C) it is removed and *path* is left as it was. *gz* defaults
    to whether the name ends in ``.gz``.
    """
    target = Path(path)
    gz = target.name.endswith(".gz") if gz is None else gz
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # what a plain open() would have given the file
        with os.fdopen(fd, "wb") as raw:
            if gz:
                with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
                    yield cast(IO[bytes], packed)
            else:
                yield raw
            raw.flush()
            os.fsync(raw.fileno())
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RecordWriter:
    """Write records to an open binary stream: as JSONL, or with *array* as one JSON array, one
    element per line (call :meth:`close` to end the array)."""

    def __init__(self, fh: IO[bytes], *, array: bool = False) -> None:
        self.fh, self.array, self.count = fh, array, 0

    def write(self, record: Mapping[str, Any]) -> None:
        """Write one record."""
        line = dumps_record(record)
        if self.array:
            line = (b",\n" if self.count else b"[\n") + line[:-1]
        self.fh.write(line)
        self.count += 1

    def close(self) -> None:
        """End the array (JSONL needs no ending). The stream stays open."""
        if self.array:
            self.fh.write(b"\n]\n" if self.count else b"[]\n")


@contextlib.contextmanager
def record_file(path: str | os.PathLike[str]) -> Iterator[RecordWriter]:
    """Open *path* for records, written atomically (see :func:`atomic_writer`): one JSON array
    if its name ends in ``.json`` (or ``.json.gz``), so that the file is what its name says;
    JSONL otherwise."""
    with atomic_writer(path) as fh:
        records = RecordWriter(fh, array=kind_of(os.fspath(path))[0] == "json")
        yield records
        records.close()


def write_jsonl(docs: Iterable[Document], dest: str | os.PathLike[str] | IO[bytes], *,
                text_field: str = "text", id_field: str = "id", removals: bool = False) -> int:
    """Write *docs* as JSONL to a path (atomically) or an open binary stream; return the count."""
    if isinstance(dest, (str, os.PathLike)):
        with atomic_writer(dest) as fh:
            return write_jsonl(docs, fh, text_field=text_field, id_field=id_field,
                               removals=removals)
    count = 0
    for doc in docs:
        dest.write(dumps_record(to_record(doc, text_field=text_field, id_field=id_field,
                                          removals=removals)))
        count += 1
    return count
