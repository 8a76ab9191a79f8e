"""Read documents from files, folders, JSONL (gzipped or not) and stdin; write them back safely.

Text files (``.txt``, ``.md``) are one document each; JSONL files (``.jsonl``, ``.json``,
``.ndjson``) hold one JSON object per line; HTML files (``.html``, ``.htm``) are read as bytes
and left for the HTML stage to decode; any of them may be gzipped (``.gz``). Folders are read
recursively in sorted order, taking the files with those suffixes and skipping hidden ones.

Every document keeps the fields it came with (the ``id``/``text``/``metadata`` records of Dolma
and datatrove go out as they came in) and remembers where it came from, so an error or a report
names the file and the line. Output goes through :func:`atomic_writer`: an interrupted run never
leaves a half-written file that looks complete.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import os
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
    "InputFile",
    "Item",
    "Origin",
    "ReadOptions",
    "atomic_writer",
    "dumps_record",
    "expand_paths",
    "iter_items",
    "origin",
    "read_documents",
    "to_record",
    "write_jsonl",
]

Kind = Literal["text", "jsonl", "html"]
Format = Literal["auto", "text", "jsonl", "html"]
SUFFIX_KINDS: Mapping[str, Kind] = {
    ".txt": "text", ".md": "text", ".text": "text", ".markdown": "text",
    ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
#: The metadata key under which a document read from a file keeps its :class:`Origin`.
ORIGIN = "cleanseed_origin"
STDIN = "<stdin>"
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document came from: the file, the line of a JSONL record, its fields in order."""

    source: str
    line: int | None = None
    keys: tuple[str, ...] = ()  # the record's fields in their order, to write them back so
    raw_id: Any = None  # the id as it was (an int stays an int)

    def __str__(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


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
    #: A JSONL line longer than this is reported and skipped without being held in memory.
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


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _record_item(record: dict[str, Any], file: InputFile, line: int,
                 options: ReadOptions) -> Item | InputError:
    field = options.html_field or options.text_field
    if ORIGIN in record:
        msg = f"the field {ORIGIN!r} is reserved for cleanseed"
        return InputError(msg, source=file.path, line=line, field=ORIGIN)
    if field not in record:
        msg = f"missing field (the record has: {', '.join(map(repr, record)) or 'no fields'})"
        return InputError(msg, source=file.path, line=line, field=field)
    value = record[field]
    if not isinstance(value, str):
        msg = f"expected a string, got {_json_type(value)}"
        return InputError(msg, source=file.path, line=line, field=field)
    raw_id = record.get(options.id_field)
    doc_id = raw_id if isinstance(raw_id, str) else "" if raw_id is None else json.dumps(raw_id)
    metadata = {k: v for k, v in record.items() if k not in (options.text_field, options.id_field)}
    metadata[ORIGIN] = Origin(file.path, line, tuple(record), raw_id)
    html = value if options.html_field else None
    return Item(Document("" if html is not None else value, doc_id, metadata), html, file)


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
        return InputError("JSON nested too deeply to read", source=file.path, line=line)
    if not isinstance(record, dict):
        msg = f"expected a JSON object, got {_json_type(record)}"
        return InputError(msg, source=file.path, line=line)
    return _record_item(record, file, line, options)


def iter_jsonl(fh: IO[bytes], file: InputFile, options: ReadOptions,
               ) -> Iterator[Item | InputError]:
    """Yield an item or an error for each non-blank line of an open JSONL file.

    A truncated or corrupt gzip stream ends the file with one error naming the last good line.
    """
    limit = options.max_line_bytes
    line = 0
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
