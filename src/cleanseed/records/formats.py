"""The kinds of file a corpus comes in, told by name and checked against content.

A file's name gives its kind (``.jsonl``, ``.csv``, ``.parquet``, ``.warc``...) and its
compression (``.gz``, ``.bz2``, ``.xz``, ``.zst``: :mod:`cleanseed.records.compression`). Its
first bytes are then checked: a file that holds something else than its name says (Parquet named
``.jsonl``, a ZIP archive named ``.txt``) is an error that names it, never read as what it is not.

The readers of the new kinds (:mod:`~cleanseed.records.csv_files`,
:mod:`~cleanseed.records.parquet_files`, :mod:`~cleanseed.records.warc_files`) turn their rows
and records into the same :class:`Item`\\ s as the JSON readers do, through :func:`make_item`,
and say what they pass over with :class:`Skipped`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from types import MappingProxyType
from typing import Any, NamedTuple

from cleanseed.document import Document
from cleanseed.errors import InputError
from cleanseed.records.compression import Codec, codec_of_name, sniff_codec, strip_codec
from cleanseed.records.inputs import (
    ORIGIN,
    SUFFIX_KINDS,
    InputFile,
    Item,
    Origin,
    ReadOptions,
    id_text,
)

__all__ = ["KIND_SUFFIXES", "Skipped", "check_content", "content_of", "describe", "looks_binary",
           "make_item"]

#: Every suffix that names a kind of file, the old kinds and the new.
KIND_SUFFIXES: Mapping[str, str] = SUFFIX_KINDS

#: What the first bytes of a file say it holds, for the formats a corpus file can be confused
#: with; anything else may be text (which a text, HTML, CSV or JSON reader then judges).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PAR1", "Parquet"),
    (b"WARC/", "WARC"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x93NUMPY", "a NumPy array"),
    (b"ARROW1", "an Arrow file"),
)
_EXPECTED = MappingProxyType({"parquet": "Parquet", "warc": "WARC"})
_NAMED = MappingProxyType({"text": "text", "jsonl": "JSONL", "json": "JSON", "html": "HTML",
                           "csv": "CSV", "tsv": "TSV", "parquet": "Parquet", "warc": "WARC"})
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Skipped(NamedTuple):
    """Something read that holds no document, or a file that cannot be read as one: counted and
    said, never dropped silently (a WARC's request records, a file of unknown kind)."""

    source: str
    reason: str
    #: The record's number in its file, from 1, where there is one.
    record: int | None = None
    #: ``True`` for what holds no document at all (a WARC request or metadata record): counted
    #: by reason in a summary rather than listed one by one.
    bulk: bool = False


def describe(name: str) -> tuple[str | None, Codec | None]:
    """Return the kind of file *name* names and its compression; the kind is ``None`` when the
    name does not say (a bare ``part-0001.gz`` is left to its content).

    >>> describe("CC-MAIN-2024-10.warc.wet.gz"), describe("shard.parquet"), describe("notes.rst")
    (('warc', 'gz'), ('parquet', None), (None, None))
    """
    codec = codec_of_name(name)
    kind = KIND_SUFFIXES.get(PurePath(strip_codec(name).lower()).suffix)
    return kind, codec


def content_of(head: bytes) -> str | None:
    """Name what *head*, a file's first bytes, shows it holds, or ``None`` if it may be text.

    >>> content_of(b"PAR1\\x15\\x04"), content_of(b'{"text": "hi"}')
    ('Parquet', None)
    """
    codec = sniff_codec(head)
    if codec is not None:
        return f"{codec}-compressed data"
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return name
    if len(head) > 262 and head[257:262] == b"ustar":
        return "a tar archive"
    return None


def looks_binary(head: bytes) -> bool:
    """Whether *head* holds NUL bytes outside UTF-16 text: binary data of some kind.

    Only a file of unknown kind is judged by this: in a JSONL or CSV file a NUL byte is one bad
    record, reported with its line, not a reason to refuse the whole file.
    """
    return b"\x00" in head and not head.startswith(_UTF16_BOMS)


def check_content(kind: str, head: bytes, source: str) -> InputError | None:
    """Return an error naming *source* if its first bytes, *head* (decompressed), show that it
    does not hold what its *kind* says; ``None`` if it may.

    Parquet and WARC files must start with their signatures; a text, HTML, CSV or JSON file must
    not start with another format's, nor hold NUL bytes. An empty file holds no record of any kind.

    >>> print(check_content("jsonl", b"PAR1\\x15", "part.jsonl"))
    part.jsonl: holds Parquet, not JSONL: name it for what it holds, or convert it
    """
    if not head:
        return None
    found = content_of(head)
    wanted = _EXPECTED.get(kind)
    if wanted is not None:
        if found == wanted:
            return None
        what = found or "text"
        return InputError(f"holds {what}, not {wanted}", source=source)
    if found is None:
        return None
    msg = f"holds {found}, not {_NAMED.get(kind, kind)}: name it for what it holds, or convert it"
    return InputError(msg, source=source)


def make_item(record: Mapping[str, Any], file: InputFile, options: ReadOptions,
              where: Origin) -> Item | InputError:
    """The document one record (a CSV row, a Parquet row) holds, or an error naming it.

    The record's fields go into the document's metadata, so that it goes out with the fields it
    came in with; the HTML field is left out unless ``options.keep_html``.
    """
    def error(msg: str, field: str | None = None) -> InputError:
        at = "" if where.record is None else f"record {where.record}: "
        return InputError(at + msg, source=file.path, line=where.line, field=field)

    html_field = options.html_field
    field = html_field or options.text_field
    if ORIGIN in record:
        return error(f"the field {ORIGIN!r} is reserved for cleanseed", ORIGIN)
    if field not in record:
        names = ", ".join(map(repr, record)) or "no fields"
        return error(f"missing field (the record has: {names})", field)
    value = record[field]
    html_ok = html_field is not None and isinstance(value, (bytes, bytearray))
    if not isinstance(value, str) and not html_ok:
        kind = "None" if value is None else type(value).__name__
        return error(f"expected a string, got {kind}", field)
    raw_id = record.get(options.id_field)
    dropped = {options.text_field, options.id_field}
    if html_field is not None and not options.keep_html:
        dropped.add(html_field)
    metadata: dict[str, Any] = {k: v for k, v in record.items() if k not in dropped}
    keys = tuple(k for k in record
                 if k in (options.text_field, options.id_field) or k not in dropped)
    metadata[ORIGIN] = Origin(where.source, where.line, keys, raw_id, where.element,
                              where.record)
    if html_field is not None:
        html = bytes(value) if isinstance(value, (bytes, bytearray)) else value
        return Item(Document("", id_text(raw_id), metadata), html, file, options.charset)
    return Item(Document(value, id_text(raw_id), metadata), None, file)

