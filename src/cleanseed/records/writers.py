"""Write documents back as the records they were read from, safely.

A document read from JSON or JSONL goes out with the fields it came with, in their order, and its
id as it was (an int stays an int); see :func:`to_record`. Every file is written through
:func:`atomic_writer`: an interrupted run never leaves a half-written file that looks complete,
and what is not a regular file (a device, a FIFO, a link) is never replaced by one.
A file named ``.json`` gets one JSON array, so that the file is what its name says.
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from cleanseed.document import Document
from cleanseed.errors import CleanseedError
from cleanseed.records.inputs import ORIGIN, id_text, kind_of, origin
from cleanseed.records.outputs import open_target, target_of

__all__ = ["RecordWriter", "atomic_writer", "dumps_record", "record_file", "to_record",
           "write_jsonl"]


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
            record[key] = where.raw_id if where and doc.id == id_text(where.raw_id) else doc.id
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


def _json_value(value: Any) -> Any:
    """What JSON holds of a value Parquet gave a record: a date or time in ISO 8601, bytes as
    UTF-8 text (or Latin-1 when they are not UTF-8), a decimal as its digits."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return bytes(value).decode("latin-1")
    if isinstance(value, (decimal.Decimal, datetime.timedelta)):
        return str(value)
    msg = f"Object of type {type(value).__name__} is not JSON serializable"
    raise TypeError(msg)


def dumps_record(record: Mapping[str, Any]) -> bytes:
    """Return one JSONL line (UTF-8, newline-terminated); lone surrogates are written escaped.

    Dates and times (from Parquet) are written in ISO 8601, bytes as text.
    """
    try:
        text = json.dumps(record, ensure_ascii=False, default=_json_value)
    except (TypeError, ValueError) as exc:
        msg = f"cannot write record {record.get('id', '')!r} as JSON: {exc}"
        raise CleanseedError(msg) from None
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate, from a "\ud800" escape in the input
        return json.dumps(record, default=_json_value).encode("ascii") + b"\n"


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, gz: bool | None = None) -> Iterator[IO[bytes]]:
    """Open *path* for writing bytes; a regular file appears, complete, only when the block ends
    without error.

    Writes go to a temporary file in the same folder, which is flushed, synced and renamed over
    *path*; on an exception (or Ctrl-C) it is removed and *path* is left as it was. *gz* defaults
    to whether the name ends in ``.gz``. A path that is not a regular file is never replaced: a
    device, a FIFO, ``/dev/stdout`` and ``-`` are written as streams, a symbolic link is written
    through, and a folder or a link to nothing is an :class:`~cleanseed.errors.OutputError`
    (see :mod:`cleanseed.records.outputs`).
    """
    with open_target(target_of(path), gz=gz) as fh:
        yield fh


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
