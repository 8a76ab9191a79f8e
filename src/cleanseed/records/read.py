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

import dataclasses
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Literal

from cleanseed.document import Document
from cleanseed.errors import CleanseedError, InputError
from cleanseed.records import json_values
from cleanseed.records._capped import read_capped_bytes, read_capped_text
from cleanseed.records.formats import Skipped
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
    walk,
)
from cleanseed.records.json_values import Value
from cleanseed.records.readers import READERS, open_input, read_new_kind, unknown_file

__all__ = ["expand_paths", "iter_items", "iter_json", "iter_jsonl", "parse_line", "read_documents"]


def _walk(root: str, fmt: Format) -> Iterator[InputFile]:
    for found in walk(root):
        kind, gz = kind_of(found.path)
        if found.error is not None:  # a folder or entry that cannot be read: counted, said
            yield InputFile(found.path, found.rel, kind or "unknown", gz, error=found.error)
        elif kind is None:  # listed and counted as not read, never left out unsaid
            yield InputFile(found.path, found.rel, "unknown", gz)
        else:
            yield InputFile(found.path, found.rel, kind if fmt == "auto" else fmt, gz)


def expand_paths(paths: Iterable[str | os.PathLike[str]], *, fmt: Format = "auto",
                 stdin_kind: Kind = "text") -> list[InputFile]:
    """List the files to read: folders walked in sorted order, ``-`` for stdin.

    A file named explicitly is read even with an unknown suffix (as text). A path that does not
    exist raises :class:`InputError` before anything is read. In a folder, links to folders are
    followed; a folder that cannot be read, a FIFO or device with a document's suffix, and a
    folder reached twice through links are listed with the reason (:attr:`InputFile.error`),
    and :func:`iter_items` yields an :class:`InputError` for each, so they are counted.
    """
    found: list[InputFile] = []
    for raw in paths:
        path = os.fspath(raw)
        if path == "-":
            found.append(InputFile(STDIN, "-", stdin_kind if fmt == "auto" else fmt))
            continue
        try:
            mode = Path(path).stat().st_mode
        except FileNotFoundError:
            msg = "no such file or directory"
            raise InputError(msg, source=path) from None
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), source=path) from None
        if stat.S_ISDIR(mode):
            found.extend(_walk(path, fmt))
        else:  # a file, or a FIFO or device named on purpose (`<(zcat part.gz)`)
            kind, gz = kind_of(path)
            found.append(InputFile(path, Path(path).name,
                                   (kind or "text") if fmt == "auto" else fmt, gz))
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
    size = found.size  # the reader kept the start of a field too long to parse whole
    cap = options.cap(options.html_field is not None)
    if size is None and cap is not None and len(value) > cap + 1:
        size, value = len(value), value[: cap + 1]  # what goes to a worker is bounded too
    raw_id = record.get(options.id_field)
    dropped = {options.text_field, options.id_field}
    if options.html_field is not None and not options.keep_html:
        dropped.add(options.html_field)  # the raw page: the cleaned text is what a corpus keeps
    metadata = {k: v for k, v in record.items() if k not in dropped}
    keys = tuple(k for k in record
                 if k in (options.text_field, options.id_field) or k not in dropped)
    metadata[ORIGIN] = Origin(file.path, found.line, keys, raw_id, found.element)
    html = value if options.html_field else None
    doc = Document("" if html is not None else value, id_text(raw_id), metadata)
    return Item(doc, html, file, size=size)


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
    """A file that is one document; with a size cap, only its start is held (see
    :mod:`cleanseed.records._capped`)."""
    html = file.kind == "html"
    cap = options.cap(html)
    try:
        if html:
            data, size = (fh.read(), None) if cap is None else read_capped_bytes(fh, cap)
            return Item(Document("", file.path, {ORIGIN: Origin(file.path)}), data, file,
                        options.charset, size)
        if cap is None:
            text = decode(fh.read(), options, file.path)
            size = None
        else:
            found = read_capped_text(fh, cap, options.encoding_errors, file.path)
            text, size = found if not isinstance(found, InputError) else (found, None)
    except (EOFError, OSError, zlib.error) as exc:
        return InputError(f"truncated or corrupt: {exc}", source=file.path)
    if isinstance(text, InputError):
        return text
    return Item(Document(text, file.path, {ORIGIN: Origin(file.path)}), None, file, size=size)


def iter_items(files: Iterable[InputFile], options: ReadOptions | None = None,
               ) -> Iterator[Item | InputError | Skipped]:
    """Yield every document of *files* in order, an :class:`InputError` for each bad one, and a
    :class:`~cleanseed.records.formats.Skipped` for what holds no document (a WARC's request
    records, a file of unknown kind in a folder)."""
    options = options or ReadOptions()
    for file in files:
        if file.error is not None:
            yield InputError(file.error, source=file.path)
            continue
        if file.kind == "unknown":
            yield unknown_file(file)
            continue
        if file.kind in READERS:
            yield from read_new_kind(file, options)
            continue
        try:
            with open_input(file) as fh:
                if file.kind == "jsonl":
                    yield from iter_jsonl(fh, file, options)
                elif file.kind == "json":
                    yield from iter_json(fh, file, options)
                else:
                    yield _whole_file(fh, file, options)
        except InputError as exc:  # its content is not what its name says
            yield exc
        except OSError as exc:  # cannot open: permissions, a vanished file
            yield InputError(exc.strerror or str(exc), source=file.path)


def read_documents(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                   text_field: str = "text", id_field: str = "id", html_field: str | None = None,
                   encoding_errors: Literal["strict", "replace"] = "strict",
                   on_error: Callable[[InputError], None] | None = None,
                   on_skip: Callable[[Skipped], None] | None = None) -> Iterator[Document]:
    """Read documents from files, folders (recursively, sorted) and ``-`` (stdin).

    A bad record raises :class:`InputError` naming the file, line and field; pass *on_error* to
    receive each error instead and go on reading. HTML is turned into text by the HTML stage.
    What holds no document (a WARC's request records, a file of unknown kind in a folder) goes
    to *on_skip*, if given.

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
        if isinstance(item, Skipped):
            if on_skip is not None:
                on_skip(item)
            continue
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
        return dataclasses.replace(item.doc, text=html_to_text(item.html, charset=item.charset))
    except CleanseedError as exc:
        where = origin(item.doc)
        return InputError(str(exc), source=where.source if where else item.file.path,
                          line=where.line if where else None)
