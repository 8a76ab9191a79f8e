"""What reading and writing documents share: the kinds of file, the files to read and how to read
them, the items read, and the origin each document keeps.

These are the types of :mod:`cleanseed.records.read`; they live here, below
both the readers and :mod:`cleanseed.records.writers`, because a record is written back as it was
read (its fields in order, its id as it was) and a file's name says what it holds on either side.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Literal, NamedTuple

from cleanseed.document import Document
from cleanseed.errors import InputError
from cleanseed.records.compression import codec_of_name, strip_codec

__all__ = [
    "BOM", "ORIGIN", "RECORD_KINDS", "STDIN", "SUFFIX_KINDS", "Format", "InputFile", "Item", "Kind",
    "Origin", "ReadOptions", "decode", "id_text", "kind_of", "origin", "walk",
]

#: "unknown" marks a file in a folder whose name names no kind: listed and counted, not read.
Kind = Literal["text", "jsonl", "json", "html", "csv", "tsv", "parquet", "warc", "unknown"]
Format = Literal["auto", "text", "jsonl", "json", "html", "csv", "tsv", "parquet", "warc"]
SUFFIX_KINDS: Mapping[str, Kind] = {
    ".txt": "text", ".md": "text", ".text": "text", ".markdown": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".parquet": "parquet", ".pq": "parquet",
    # Common Crawl names its text extracts .warc.wet.gz and its metadata .warc.wat.gz
    ".warc": "warc", ".wet": "warc", ".wat": "warc",
}
#: The kinds of file that hold records (JSON objects, rows, WARC records) rather than one
#: document.
RECORD_KINDS: frozenset[Kind] = frozenset({"jsonl", "json", "csv", "tsv", "parquet", "warc"})
#: The metadata key under which a document read from a file keeps its :class:`Origin`.
ORIGIN = "cleanseed_origin"
STDIN = "<stdin>"
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a document came from: the file, the line a record starts on, its fields in order."""

    source: str
    line: int | None = None
    keys: tuple[str, ...] = ()  # the record's fields in their order, to write them back so
    raw_id: Any = None  # the id as it was (an int stays an int)
    #: The record's index in the array of a ``.json`` file, from 0 (``jq '.[3]'`` shows it).
    element: int | None = None
    #: The record's number in a file without lines to name (a Parquet row, a WARC record),
    #: from 1.
    record: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        if self.record is not None:
            where = f"{where} (record {self.record})"
        return where if self.element is None else f"{where} (array element [{self.element}])"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read: its path, its name relative to the argument it was found under."""

    path: str
    rel: str
    kind: Kind
    gz: bool = False
    #: Why the file (or folder) cannot be read, found when it was listed: it is reported and
    #: counted as a skipped document instead of being read.
    error: str | None = None


class Item(NamedTuple):
    """A document as read; raw HTML (``str`` or ``bytes``) waits in ``html`` for the HTML stage."""

    doc: Document
    html: str | bytes | None
    file: InputFile
    #: The charset a server's header gave for the HTML's bytes (a WARC response's), if any.
    charset: str | None = None
    #: The document's full size (characters of text, bytes or characters of raw HTML) when the
    #: reader kept only its start, at the size cap (:attr:`ReadOptions.max_chars`); else None.
    size: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read records: which fields hold the id, the text or the HTML; how to decode."""

    text_field: str = "text"
    id_field: str = "id"
    #: When set, JSONL records hold raw HTML in this field instead of text in ``text_field``.
    html_field: str | None = None
    #: "strict" reports a non-UTF-8 file or line as an error; "replace" decodes it with U+FFFD.
    encoding_errors: Literal["strict", "replace"] = "strict"
    #: A JSONL line longer than this, or a value of a ``.json`` file longer than this (in
    #: characters), is never held whole: with a size cap its record is read with the start of
    #: its text only (see :mod:`cleanseed.records._capped`); without one, or when another field
    #: is that long, it is reported and skipped.
    max_line_bytes: int | None = None
    #: Keep the raw HTML field in the records written out; by default it is dropped, as the
    #: cleaned text (and the page's title, language and links) is what a corpus keeps of it.
    keep_html: bool = False
    #: The charset a server declared for raw HTML read as bytes (an HTTP header's), weighed as
    #: browsers weigh it: after a byte order mark, before the page's own ``<meta>``.
    charset: str | None = None
    #: The size cap: of a document's text (in characters) at most this and one more are read;
    #: the rest of a file or a field is read past without being held, and the item says the full
    #: size. ``None`` reads whole documents.
    max_chars: int | None = None
    #: The same for raw HTML (bytes of a file, characters of a field), whose parse costs far more
    #: memory per character than text does.
    max_html_chars: int | None = None

    def cap(self, html: bool) -> int | None:
        """The size cap of a document's text, or of its raw HTML."""
        if not html or self.max_html_chars is None:
            return self.max_chars
        return min(self.max_chars or self.max_html_chars, self.max_html_chars)


def origin(doc: Document) -> Origin | None:
    """Return where *doc* was read from, or ``None`` for a document built in code."""
    found = doc.metadata.get(ORIGIN)
    return found if isinstance(found, Origin) else None


def id_text(raw_id: Any) -> str:
    """Return a record's id as a document's id: a string as it is, any other value as JSON.

    >>> id_text(7), id_text("a7"), id_text(None)
    ('7', 'a7', '')
    """
    return raw_id if isinstance(raw_id, str) else "" if raw_id is None else json.dumps(raw_id)


def kind_of(path: str) -> tuple[Kind | None, bool]:
    """Return the kind of file *path* names by its suffixes, and whether it is gzipped.

    The suffix of a compression (``.gz``, ``.bz2``, ``.xz``, ``.zst``) is looked through.

    >>> kind_of("crawl/part-0001.jsonl.gz"), kind_of("rows.CSV.zst")
    (('jsonl', True), ('csv', False))
    """
    name = path.lower()
    codec = codec_of_name(name)
    kind = SUFFIX_KINDS.get(PurePath(strip_codec(name)).suffix)
    if codec is not None and kind is None:
        kind = "jsonl"  # "part-0001.gz": compressed corpora are JSONL far more often than not
    return kind, codec == "gz"


def decode(data: bytes, options: ReadOptions, source: str, line: int | None = None,
           ) -> str | InputError:
    """Decode *data* as UTF-8, or return an error naming where the first bad byte is: its line
    in a whole file, or its byte in the line *line*."""
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


class Listed(NamedTuple):
    """A file found in a folder, by its path and its name under the folder; or, with *error*,
    what could not be listed or read there, and why."""

    path: str
    rel: str
    error: str | None = None


def walk(root: str) -> Iterator[Listed]:
    """List the files under the folder *root*, hidden names left out: a folder's files in
    sorted order, then its folders, each the same way.

    Links to folders are followed, and a folder reached twice (a link back to a folder above
    it, or two links to one folder) is listed with that reason rather than read again. A folder
    that cannot be read, and an entry that is not a regular file (a FIFO, a device), are listed
    with the reason, so that a caller can count and report them instead of losing them.
    """
    yield from _walk(Path(root), Path(root), set())


def _walk(root: Path, folder: Path, seen: set[tuple[int, int]]) -> Iterator[Listed]:
    rel = str(folder.relative_to(root)) if folder != root else "."
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            yield Listed(str(folder), rel, "a folder already read (a link leads to it twice)")
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as found:
            entries = sorted((e for e in found if not e.name.startswith(".")),
                             key=lambda e: e.name)
    except OSError as exc:
        yield Listed(str(folder), rel, f"cannot read this folder: {exc.strerror or exc}")
        return
    folders = []
    for entry in entries:  # the files of a folder first, then its folders, as os.walk lists them
        path = Path(folder, entry.name)
        try:
            mode = entry.stat().st_mode  # follows links
        except OSError as exc:
            yield Listed(str(path), str(path.relative_to(root)), exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(mode):
            folders.append(path)
        elif stat.S_ISREG(mode):
            yield Listed(str(path), str(path.relative_to(root)))
        else:
            yield Listed(str(path), str(path.relative_to(root)),
                         "not a regular file (a FIFO, a device or a socket): not read")
    for path in folders:
        yield from _walk(root, path, seen)
