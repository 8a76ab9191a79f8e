"""Parquet, JSON and JSONL into Ray datasets, Parquet and JSONL out of them, with pyarrow.

Reading runs Arrow's Parquet and JSON readers on the workers, one task per Parquet row group or
JSONL file, so a corpus never passes through the driver and its rows keep their file order. A
``.json`` file is read as the local engine reads it (:mod:`cleanseed.json_values`): JSONL under
a ``.json`` name goes to Arrow as it is; an array of records (or one record) is read element by
element and handed to Arrow as JSONL, so that its records get the columns and types the same
records get from a JSONL file. The row count is taken where it is cheap to know, from Parquet
footers or by counting the lines (the values of a ``.json`` file) of small inputs, so that small
inputs can be spread over every worker (see :mod:`cleanseed.ray._blocks`).

Writing to a file name ending in ``.parquet`` or ``.jsonl`` (``.jsonl.gz``) streams the batches
through the driver into that one file, atomically; any other path is a folder that the workers
write their own part files into, in the format *fmt* names.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple, cast

import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq

from cleanseed import json_values
from cleanseed._inputs import ReadOptions, kind_of
from cleanseed.errors import ConfigError, InputError
from cleanseed.ray._cluster import require_cluster
from cleanseed.writers import atomic_writer, dumps_record

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = ["COUNT_JSONL_BYTES", "Format", "Input", "Unit", "format_of", "read", "write"]

Format = Literal["parquet", "jsonl"]
SUFFIXES: dict[str, Format] = {
    ".parquet": "parquet", ".pq": "parquet",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl", ".json.gz": "jsonl",
}
_CHUNK = 1 << 22
#: JSONL inputs up to this size are counted on the driver, so that small ones can be spread over
#: every worker; a larger input makes enough blocks of bounded size without a count.
COUNT_JSONL_BYTES = 256 << 20
#: The first line of a ``.json`` file is read this far to tell JSONL from one JSON value; a longer
#: first line is read as JSON values, one after another: the same records, more slowly.
_SNIFF = ReadOptions(max_line_bytes=1 << 20)


class Input(NamedTuple):
    """A dataset read from files, and its row count when it was cheap to learn (else None)."""

    dataset: Dataset
    num_rows: int | None


def format_of(path: str | os.PathLike[str]) -> Format | None:
    """Return the format a file name stands for, or None for a name without a known suffix.

    >>> format_of("corpus/part-0001.jsonl.gz"), format_of("out.parquet"), format_of("out")
    ('jsonl', 'parquet', None)
    """
    name = Path(path).name.lower()
    for suffix, fmt in SUFFIXES.items():
        if name.endswith(suffix):
            return fmt
    return None


def _files(paths: Sequence[str]) -> Iterator[str]:
    for path in paths:
        if Path(path).is_dir():
            yield from sorted(str(p) for p in Path(path).rglob("*")
                              if p.is_file() and not p.name.startswith((".", "_"))
                              and format_of(p) is not None)
        elif Path(path).is_file():
            yield path
        else:
            msg = "no such file or folder"
            raise InputError(msg, source=path)


def _one_format(files: Sequence[str], fmt: Format | None) -> Format:
    found = {format_of(f) for f in files}
    if fmt is not None:
        found = {fmt}
    if len(found) != 1 or None in found:
        msg = f"inputs must all be Parquet or all JSONL, found {sorted(map(str, found))}"
        raise ConfigError(msg)
    return found.pop()  # type: ignore[return-value]


def _open(path: str) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if path.endswith(".gz") else Path(path).open("rb")


def _count_lines(path: str) -> int:
    count = 0
    last = b"\n"
    with _open(path) as fh:
        while chunk := fh.read(_CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")  # a last line without its newline is a record too


def _holds_values(path: str) -> bool:
    """Whether a ``.json`` file holds one JSON value (an array, a record), not JSONL."""
    with _open(path) as fh:
        return not json_values.holds_jsonl(fh, _SNIFF)


def _records(path: str) -> Iterator[dict[str, Any]]:
    """The records of a ``.json`` file, as the local engine reads them; the first problem (a
    value that is not a record, a syntax error) is raised, naming its line and array element."""
    with _open(path) as fh:
        for found in json_values.iter_values(fh, path, ReadOptions()):
            record = found if isinstance(found, InputError) else found.record(path)
            if isinstance(record, InputError):
                raise record
            yield record


class Unit(NamedTuple):
    """A piece of input that one task reads: a Parquet row group, or a whole JSON or JSONL file."""

    path: str
    row_group: int  # -1: the whole file
    rows: int | None
    json_file: bool = False  # named .json: perhaps one JSON value rather than JSONL


def _units(files: Sequence[str], fmt: Format, *, named: bool) -> list[Unit]:
    """The units to read; *named* when the file names decide the format (a ``.json`` file is
    then read as one JSON value, unless it holds JSONL)."""
    if fmt == "parquet":
        return [Unit(f, k, int(meta.row_group(k).num_rows)) for f in files
                for meta in [pq.ParquetFile(f).metadata] for k in range(meta.num_row_groups)]
    units = [Unit(f, -1, None, named and kind_of(f)[0] == "json") for f in files]
    # counting is a read of its own: worth it only for inputs small enough to need it
    if sum(Path(f).stat().st_size for f in files) > COUNT_JSONL_BYTES:
        return units
    return [u._replace(rows=sum(1 for _ in _records(u.path))
                       if u.json_file and _holds_values(u.path) else _count_lines(u.path))
            for u in units]


def _read_unit(path: str, group: int, fmt: Format, json_file: bool) -> pa.Table:
    if fmt == "parquet":
        return pq.ParquetFile(path).read_row_group(group)
    if json_file and _holds_values(path):
        lines = io.BytesIO()
        for record in _records(path):
            lines.write(dumps_record(record))
        if not lines.tell():
            return pa.table({})  # an empty array: no records, as the local engine reads it
        return pa_json.read_json(pa.BufferReader(lines.getbuffer()))
    with pa.input_stream(path, compression="detect") as stream:
        return pa_json.read_json(stream)


def _read_units(batch: pa.Table, fmt: Format) -> pa.Table:
    """Read the units listed in *batch* (one per row), in order, into one table."""
    columns = [batch.column(name).to_pylist() for name in ("path", "row_group", "json_file")]
    tables = [_read_unit(path, group, fmt, json_file)
              for path, group, json_file in zip(*columns, strict=True)]
    return pa.concat_tables(tables, promote_options="permissive")


def read(paths: str | Sequence[str], *, fmt: Format | None = None) -> Input:
    """Read Parquet, JSON or JSONL files (or folders of them) into a Ray dataset, with its row
    count.

    The files are read by the workers, one task per Parquet row group or JSON(L) file, and the
    rows come in file order, then row order: the order the local engine reads them in. (Ray's
    own Parquet reader does not keep the row groups of a file in order, and dedup keeps the
    first document of each cluster.) A ``.json`` file holds an array of records, one record, or
    JSONL, as for the local engine; a value that is not a record raises :class:`InputError`
    naming the file, the line and the array element. The paths must be readable by every node
    of the cluster. *fmt* overrides the format the file names say (``"jsonl"`` reads ``.json``
    files as JSONL). The row count, None for JSON inputs larger than :data:`COUNT_JSONL_BYTES`,
    decides block sizes only, never results.
    """
    ray = require_cluster()
    given = [paths] if isinstance(paths, str) else list(paths)
    files = list(_files(given))
    if not files:
        msg = "no Parquet or JSONL files found"
        raise InputError(msg, source=", ".join(given))
    kind = _one_format(files, fmt)
    units = _units(files, kind, named=fmt is None)
    counts = [u.rows for u in units]
    rows = None if None in counts else sum(c for c in counts if c is not None)
    if not units:  # Parquet files without a row group: no rows, but their columns
        return Input(ray.data.from_arrow(pq.read_schema(files[0]).empty_table()), 0)
    items = [{"path": u.path, "row_group": u.row_group, "json_file": u.json_file} for u in units]
    listing = ray.data.from_items(items, override_num_blocks=max(1, len(items)))
    dataset = listing.map_batches(_read_units, fn_kwargs={"fmt": kind}, batch_size=None,
                                  batch_format="pyarrow")
    return Input(dataset, rows)


def _json_line(row: dict[str, Any], json_columns: Sequence[str]) -> bytes:
    for name in json_columns:
        row[name] = json.loads(row[name])
    return json.dumps(row, ensure_ascii=False, default=str).encode() + b"\n"


def _write_file(ds: Dataset, path: str, fmt: Format, json_columns: Sequence[str]) -> int:
    count = 0
    with atomic_writer(path) as fh:
        writer: pq.ParquetWriter | None = None
        for chunk in ds.iter_batches(batch_format="pyarrow", batch_size=None):
            batch = cast(pa.Table, chunk)
            count += batch.num_rows
            if fmt == "jsonl":
                fh.writelines(_json_line(row, json_columns) for row in batch.to_pylist())
                continue
            if writer is None:
                writer = pq.ParquetWriter(fh, batch.schema)
            writer.write_table(batch.cast(writer.schema))
        if fmt == "parquet":
            if writer is None:  # no batch at all: still a valid, empty Parquet file
                writer = pq.ParquetWriter(fh, ds.schema().base_schema or pa.schema([]))
            writer.close()
    return count


def write(ds: Dataset, path: str | os.PathLike[str], *, fmt: Format | None = None,
          json_columns: Sequence[str] = ()) -> int | None:
    """Write *ds* to one file (name ending in a known suffix) or to a folder of part files.

    *json_columns* hold JSON text (the ``removals`` of :func:`cleanseed.ray.clean`): a single
    JSONL file gets their values as JSON, not as strings, as the local engine writes them.

    Returns the number of rows written to a single file; None for a folder, whose part files the
    workers write without telling the driver how many rows went where.
    """
    target = os.fspath(path)
    named = format_of(target)
    kind = fmt or named
    if kind is None:
        msg = f"cannot tell the output format of {target!r}: end it in .parquet or .jsonl"
        raise ConfigError(msg)
    if named is not None:
        return _write_file(ds, target, kind, json_columns)
    if kind == "parquet":
        ds.write_parquet(target)
    else:
        ds.write_json(target, force_ascii=False)
    return None
