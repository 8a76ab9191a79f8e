"""Records in and out: files, folders, JSON, JSONL and stdin read as documents, and written back.

:mod:`~cleanseed.records.read` finds and reads inputs; :mod:`~cleanseed.records.inputs` the types
both sides share (where a document came from, read options); :mod:`~cleanseed.records.json_values`
streams JSON values; :mod:`~cleanseed.records.writers` writes records back, atomically.
"""

from __future__ import annotations

from cleanseed.records.read import expand_paths, iter_items, read_documents
from cleanseed.records.writers import atomic_writer, to_record, write_jsonl

__all__ = [
    "atomic_writer",
    "expand_paths",
    "iter_items",
    "read_documents",
    "to_record",
    "write_jsonl",
]
