"""Records in and out: files, folders, JSON, JSONL and stdin read as documents, and written back.

:mod:`~cleanseed.records.read` finds and reads inputs; :mod:`~cleanseed.records.inputs` the types
both sides share (where a document came from, read options); :mod:`~cleanseed.records.json_values`
streams JSON values; :mod:`~cleanseed.records.writers` writes records back, atomically, through
:mod:`~cleanseed.records.outputs`, which checks output paths and never replaces what is not a
regular file. CSV and TSV, Parquet, WARC and WET have a module each
(:mod:`~cleanseed.records.readers` dispatches to them by kind, :mod:`~cleanseed.records.sinks`
writes the output a name asks for), and :mod:`~cleanseed.records.compression` reads and writes
gzip, bzip2, xz and Zstandard. This package holds both sides' public names.
"""

from __future__ import annotations

from cleanseed.records.formats import Skipped
from cleanseed.records.inputs import (
    ORIGIN,
    RECORD_KINDS,
    SUFFIX_KINDS,
    InputFile,
    Item,
    Origin,
    ReadOptions,
    kind_of,
    origin,
)
from cleanseed.records.read import (
    expand_paths,
    iter_items,
    iter_json,
    iter_jsonl,
    parse_line,
    read_documents,
)
from cleanseed.records.sinks import record_output
from cleanseed.records.writers import (
    RecordWriter,
    atomic_writer,
    dumps_record,
    record_file,
    to_record,
    write_jsonl,
)

__all__ = [
    "ORIGIN",
    "RECORD_KINDS",
    "SUFFIX_KINDS",
    "InputFile",
    "Item",
    "Origin",
    "ReadOptions",
    "RecordWriter",
    "Skipped",
    "atomic_writer",
    "dumps_record",
    "expand_paths",
    "iter_items",
    "iter_json",
    "iter_jsonl",
    "kind_of",
    "origin",
    "parse_line",
    "read_documents",
    "record_file",
    "record_output",
    "to_record",
    "write_jsonl",
]
