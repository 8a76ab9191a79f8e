"""What reading and writing documents share: the kinds of file, the files to read and how to read
them, the items read, and the origin each document keeps.

These are the types of :mod:`cleanseed.records.read`; they live here, below
both the readers and :mod:`cleanseed.records.writers`, because a record is written back as it was
read (its fields in order, its id as it was) and a file's name says what it holds on either side.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Literal, NamedTuple

from cleanseed.document import Document
from cleanseed.errors import InputError

__all__ = [
    "BOM", "ORIGIN", "RECORD_KINDS", "STDIN", "SUFFIX_KINDS", "Format", "InputFile", "Item", "Kind",
    "Origin", "ReadOptions", "decode", "id_text", "kind_of", "origin",
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


def id_text(raw_id: Any) -> str:
    """Return a record's id as a document's id: a string as it is, any other value as JSON.

    >>> id_text(7), id_text("a7"), id_text(None)
    ('7', 'a7', '')
    """
    return raw_id if isinstance(raw_id, str) else "" if raw_id is None else json.dumps(raw_id)


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
