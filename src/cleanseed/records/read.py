"""Read documents from files, folders, JSON and JSONL (gzipped or not) and stdin.

Text files (``.txt``, ``.md``) are one document each; JSONL files (``.jsonl``, ``.ndjson``) hold one
JSON object per line; a ``.json`` file holds one JSON value, an array of records or a single record
(a ``.json`` file that turns out to hold JSONL is read as JSONL; see
:mod:`cleanseed.records.json_values`); HTML files (``.html``, ``.htm``) are read as bytes and left
for the HTML stage to decode; any of them may be gzipped (``.gz``). Folders are read recursively in
sorted order, taking the files with those suffixes and skipping hidden ones.

Every document keeps the fields it came with (the ``id``/``text``/``metadata`` records of Dolma
and datatrove go out as they came in) and remembers where it came from, so an error or a report
names the file and the line. Writing them back is :mod:`cleanseed.records.writers`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Literal, cast

from cleanseed.document import Document
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records import json_values
from cleanseed.records.inputs import (
    ORIGIN,
    STDIN,
    Format,
    InputFile,
    Item,
    Kind,
    Origin,
    ReadOptions,
    decode,
    id_text,
    kind_of,
    origin,
)
from cleanseed.records.json_values import Value

__all__ = ["expand_paths", "iter_items", "iter_json", "iter_jsonl", "parse_line", "read_documents"]


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


def _item(found: Value | InputError, file: InputFile, options: ReadOptions,
          ) -> Item | InputError:
    """The document a parsed JSON record holds, or an error naming the line (and the element)."""
    if isinstance(found, InputError):
        return found
    record = found.record(file.path)
    if isinstance(record, InputError):
        return record
    field = options.html_field or options.text_field
    if ORIGIN in record:
        return found.error(f"the field {ORIGIN!r} is reserved for cleanseed", file.path, ORIGIN)
    if field not in record:
        names = ", ".join(map(repr, record)) or "no fields"
        return found.error(f"missing field (the record has: {names})", file.path, field)
    value = record[field]
    if not isinstance(value, str):
        msg = f"expected a string, got {json_values.json_type(value)}"
        return found.error(msg, file.path, field)
    raw_id = record.get(options.id_field)
    metadata = {k: v for k, v in record.items() if k not in (options.text_field, options.id_field)}
    metadata[ORIGIN] = Origin(file.path, found.line, tuple(record), raw_id, found.element)
    html = value if options.html_field else None
    return Item(Document("" if html is not None else value, id_text(raw_id), metadata), html, file)


def parse_line(raw: bytes, file: InputFile, line: int, options: ReadOptions,
               ) -> Item | InputError | None:
    """Parse one JSONL line into an :class:`Item`, an :class:`InputError`, or ``None`` if blank."""
    found = json_values.parse_line(raw, file.path, line, options)
    return None if found is None else _item(found, file, options)


def iter_jsonl(fh: IO[bytes], file: InputFile, options: ReadOptions, *, after: int = 0,
               ) -> Iterator[Item | InputError]:
    """Yield an item or an error for each non-blank line of an open JSONL file.

    *after* is how many lines were read from *fh* already, so that lines keep their numbers.
    A truncated or corrupt gzip stream ends the file with one error naming the last good line.
    """
    for found in json_values.iter_lines(fh, file.path, options, after=after):
        yield _item(found, file, options)


def iter_json(fh: IO[bytes], file: InputFile, options: ReadOptions,
              ) -> Iterator[Item | InputError]:
    """Yield an item or an error for each record of an open ``.json`` file.

    The file holds an array of records, read one element at a time (an error names the line the
    element starts on and its index, from 0), or one record. Many datasets ship JSONL under a
    ``.json`` name: a file whose first line is a whole record is read as JSONL, line by line.
    A syntax error, or a truncated or corrupt gzip stream, ends the file with one error.
    """
    for found in json_values.iter_values(fh, file.path, options):
        yield _item(found, file, options)


def _whole_file(fh: IO[bytes], file: InputFile, options: ReadOptions) -> Item | InputError:
    try:
        data = fh.read()
    except (EOFError, OSError, zlib.error) as exc:
        return InputError(f"truncated or corrupt: {exc}", source=file.path)
    metadata = {ORIGIN: Origin(file.path)}
    if file.kind == "html":
        return Item(Document("", file.path, metadata), data, file)
    text = decode(data, options, file.path)
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
