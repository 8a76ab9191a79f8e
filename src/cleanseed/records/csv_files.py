"""CSV and TSV files in and out: one document a row, its text in a named column.

The first row names the columns. Every row must have as many fields as the header; a row that
does not, or that lacks text, is an error naming its line (the line the row starts on: a quoted
field may run over several). Rows keep their columns, so a cleaned file has the columns it came
with, the text column rewritten.

Written out, a record's columns are those of the first record; a value that is not a string
(a number, a list of removals) is written as JSON, and a record with a column the first one did
not have is an error, as CSV has no place for it.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from typing import IO, Any

from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.formats import make_item
from cleanseed.records.inputs import InputFile, Item, Origin, ReadOptions

__all__ = ["CsvRecordWriter", "iter_csv"]

#: Longest field the csv module reads by default is 128 KiB, less than a long page; the reader
#: raises it to this (the module keeps one limit for the process, so it is only ever raised).
_FIELD_LIMIT = min(sys.maxsize, (1 << 31) - 1)


def _delimiter(kind: str) -> str:
    return "\t" if kind == "tsv" else ","


def _raise_field_limit() -> None:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)


def iter_csv(fh: IO[bytes], file: InputFile, options: ReadOptions) -> Iterator[Item | InputError]:
    """Yield an item or an error for each row of an open CSV (or TSV) file after its header.

    A decoding error or a broken quote ends the file with one error naming the line.
    """
    _raise_field_limit()
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors=options.encoding_errors,
                            newline="")
    rows = csv.reader(text, delimiter=_delimiter(file.kind), strict=True)
    start = 1
    try:
        header = next(rows, None)
        if header is None:
            return
        if len(set(header)) != len(header):
            dupes = sorted({h for h in header if header.count(h) > 1})
            yield InputError(f"the header names a column twice: {dupes}", source=file.path,
                             line=1)
            return
        start = rows.line_num + 1
        for row in rows:
            if row:  # a blank line holds no record, as in JSONL
                yield _row_item(header, row, start, file, options)
            start = rows.line_num + 1
    except UnicodeDecodeError as exc:
        msg = f"not valid UTF-8 ({exc.reason}); use --encoding-errors replace to read it anyway"
        yield InputError(msg, source=file.path, line=start)
    except csv.Error as exc:
        yield InputError(f"not valid CSV: {exc}", source=file.path, line=start)
    finally:
        text.detach()  # leave the binary stream to whoever opened it


def _row_item(header: list[str], row: list[str], line: int, file: InputFile,
              options: ReadOptions) -> Item | InputError:
    if len(row) != len(header):
        msg = f"the row has {len(row)} fields, the header {len(header)}"
        return InputError(msg, source=file.path, line=line)
    return make_item(dict(zip(header, row, strict=True)), file, options, Origin(file.path, line))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return repr(value) if isinstance(value, float) else str(value)


class CsvRecordWriter:
    """Write records as CSV (or TSV) rows to an open binary stream; the first record's fields
    make the header. Call :meth:`close` at the end (the stream stays open)."""

    def __init__(self, fh: IO[bytes], *, kind: str = "csv") -> None:
        self.text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
        self.rows = csv.writer(self.text, delimiter=_delimiter(kind), lineterminator="\n")
        self.columns: tuple[str, ...] | None = None
        self.count = 0
        self.fh = fh

    def write(self, record: Mapping[str, Any]) -> None:
        """Write one record as a row."""
        if self.columns is None:
            self.columns = tuple(record)
            self.rows.writerow(self.columns)
        extra = [k for k in record if k not in self.columns]
        if extra:
            msg = (f"cannot write record {record.get('id', self.count + 1)!r} as CSV: its fields "
                   f"{extra} are not columns of the first record ({list(self.columns)}); "
                   "write JSONL or Parquet instead")
            raise CleanseedError(msg)
        self.rows.writerow([_cell(record.get(k)) for k in self.columns])
        self.count += 1

    def close(self) -> None:
        """Flush the rows; the binary stream stays open."""
        self.text.flush()
        self.text.detach()
