"""Parquet files in and out, through pyarrow (``pip install 'cleanseed[parquet]'``).

A row is a record: its columns become the document's fields, so they go out as they came in
(a timestamp stays a timestamp when Parquet is written back). Rows are read a batch at a time,
so a file of any length streams through; an error names the file and the row (from 1).

Written out, the first batch of records fixes the columns and their types; a later record with
a column the first batch did not have, or a value of another type, is an error naming it (a
Parquet file has one schema). Columns that were empty in the whole first batch are written as
strings.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

from cleanseed.errors import CleanseedError, InputError
from cleanseed.records.formats import make_item
from cleanseed.records.inputs import InputFile, Item, Origin, ReadOptions

__all__ = ["ParquetRecordWriter", "iter_parquet", "pyarrow"]

_MISSING = "reading or writing Parquet needs pyarrow: pip install 'cleanseed[parquet]'"
#: Rows read at a time; each batch becomes Python records only when its turn comes.
_READ_BATCH = 256
#: Records written as one row group: large enough for Parquet's column compression to pay.
_WRITE_ROWS = 1000
#: ... unless their texts add up to this many characters first, to bound the memory held.
_WRITE_CHARS = 64 << 20


def pyarrow() -> Any:
    """Return the ``pyarrow`` module, or raise an error naming the extra that installs it."""
    try:
        import pyarrow as pa
        import pyarrow.parquet  # a submodule: loaded for pa.parquet
    except ImportError:
        raise CleanseedError(_MISSING) from None
    return pa


def iter_parquet(fh: IO[bytes], file: InputFile, options: ReadOptions,
                 ) -> Iterator[Item | InputError]:
    """Yield an item or an error for each row of a Parquet file open for reading (seekable).

    A file pyarrow cannot read ends with one error naming it and the row reached.
    """
    pa = pyarrow()
    row = 0
    try:
        parquet = pa.parquet.ParquetFile(fh)
        for batch in parquet.iter_batches(batch_size=_READ_BATCH):
            for record in batch.to_pylist():
                row += 1
                yield make_item(record, file, options, Origin(file.path, record=row))
    except (pa.ArrowException, OSError) as exc:
        at = f" after record {row}" if row else ""
        yield InputError(f"not a readable Parquet file{at}: {exc}", source=file.path)


class ParquetRecordWriter:
    """Write records as Parquet rows to an open binary stream, a row group at a time.

    Call :meth:`close` to write the last rows and the footer (the stream stays open).
    """

    def __init__(self, fh: IO[bytes]) -> None:
        self.pa = pyarrow()
        self.fh = fh
        self.count = 0
        self._rows: list[Mapping[str, Any]] = []
        self._chars = 0
        self._schema: Any = None
        self._writer: Any = None

    def write(self, record: Mapping[str, Any]) -> None:
        """Add one record; a row group is written when enough are held."""
        self._rows.append(record)
        self._chars += sum(len(v) for v in record.values() if isinstance(v, (str, bytes)))
        self.count += 1
        if len(self._rows) >= _WRITE_ROWS or self._chars >= _WRITE_CHARS:
            self._flush()

    def _first_schema(self, rows: list[Mapping[str, Any]]) -> Any:
        pa = self.pa
        schema = pa.Table.from_pylist(rows).schema
        for i, column in enumerate(schema):
            if pa.types.is_null(column.type):
                schema = schema.set(i, pa.field(column.name, pa.string()))
        return schema

    def _table(self, rows: list[Mapping[str, Any]]) -> Any:
        pa = self.pa
        if self._schema is None:
            try:
                self._schema = self._first_schema(rows)
            except (pa.ArrowException, TypeError, ValueError) as exc:
                msg = f"cannot write these records as Parquet: {exc}"
                raise CleanseedError(msg) from None
        names = set(self._schema.names)
        for n, record in enumerate(rows):
            extra = [k for k in record if k not in names]
            if extra:
                msg = (f"cannot write record {record.get('id', self.count - len(rows) + n + 1)!r}"
                       f" as Parquet: its fields {extra} are not in the columns the first "
                       f"records set ({self._schema.names})")
                raise CleanseedError(msg)
        try:
            return pa.Table.from_pylist(rows, schema=self._schema)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            msg = (f"cannot write records {self.count - len(rows) + 1}-{self.count} as Parquet "
                   f"with the columns the first records set: {exc}")
            raise CleanseedError(msg) from None

    def _flush(self) -> None:
        if not self._rows:
            return
        table = self._table(self._rows)
        if self._writer is None:
            self._writer = self.pa.parquet.ParquetWriter(self.fh, self._schema,
                                                         compression="zstd")
        self._writer.write_table(table)
        self._rows, self._chars = [], 0

    def close(self) -> None:
        """Write the rows held and the file's footer. A file of no records has no columns."""
        self._flush()
        if self._writer is None:
            schema = self.pa.schema([])
            self._writer = self.pa.parquet.ParquetWriter(self.fh, schema, compression="zstd")
        self._writer.close()
