"""Record files as their names say: JSONL, a JSON array, CSV, TSV or Parquet, compressed with
gzip, bzip2, xz or Zstandard when the name ends so, always written atomically.

``-o pages.parquet`` writes Parquet and ``-o corpus.jsonl.zst`` Zstandard-compressed JSONL:
a file is what its name says, never JSONL under another name. A name that asks for what cannot
be written (a WARC, a compressed Parquet file) is an error before anything is read.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import IO, Any, Protocol

from cleanseed.errors import CleanseedError
from cleanseed.records.compression import codec_of_name, packed_with, strip_codec
from cleanseed.records.csv_files import CsvRecordWriter
from cleanseed.records.inputs import SUFFIX_KINDS
from cleanseed.records.parquet_files import ParquetRecordWriter
from cleanseed.records.writers import RecordWriter, atomic_writer

__all__ = ["RecordSink", "check_output_name", "named_kind", "output_stream", "record_output",
           "record_writer"]

#: The kinds of record file that can be written.
_WRITABLE = ("jsonl", "json", "csv", "tsv", "parquet")


class RecordSink(Protocol):
    """What every record writer does: write records, then close (the stream stays open)."""

    count: int

    def write(self, record: Mapping[str, Any]) -> None: ...

    def close(self) -> None: ...


def named_kind(path: str) -> str | None:
    """The kind of file *path*'s name asks for, its compression looked through; ``None`` when
    the name does not say (``out.dat``, a bare ``out.gz``).

    >>> named_kind("pages.parquet"), named_kind("corpus.jsonl.zst"), named_kind("out.gz")
    ('parquet', 'jsonl', None)
    """
    return SUFFIX_KINDS.get(PurePath(strip_codec(path.lower())).suffix)


def check_output_name(path: str) -> None:
    """Raise an error if *path* names a kind of file that cannot be written."""
    kind, codec = named_kind(path), codec_of_name(path)
    if kind in ("warc", "html"):
        msg = (f"{path}: cleanseed reads {kind.upper()} but does not write it; name the output "
               ".jsonl, .json, .csv, .tsv or .parquet")
        raise CleanseedError(msg)
    if kind == "parquet" and codec is not None:
        msg = (f"{path}: Parquet compresses its own columns (with Zstandard here); "
               "name the output .parquet")
        raise CleanseedError(msg)


def record_writer(fh: IO[bytes], kind: str | None) -> RecordSink:
    """The writer of records of *kind* (JSONL for ``None`` and the kinds that are not records)."""
    if kind == "parquet":
        return ParquetRecordWriter(fh)
    if kind in ("csv", "tsv"):
        return CsvRecordWriter(fh, kind=kind)
    return RecordWriter(fh, array=kind == "json")


@contextlib.contextmanager
def output_stream(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open *path* for bytes, written atomically and compressed as its name says."""
    name = os.fspath(path)
    with atomic_writer(name, gz=False) as raw, packed_with(raw, codec_of_name(name)) as fh:
        yield fh


@contextlib.contextmanager
def record_output(path: str | os.PathLike[str]) -> Iterator[RecordSink]:
    """Open *path* for records of the kind its name says (JSONL when it says none), written
    atomically: the file appears, complete, only when the block ends without error."""
    name = os.fspath(path)
    check_output_name(name)
    kind = named_kind(name)
    with output_stream(name) as fh:
        records = record_writer(fh, kind if kind in _WRITABLE else None)
        yield records
        records.close()
