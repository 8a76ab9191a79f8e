"""Parquet, JSON and JSONL into Ray datasets, Parquet and JSONL out of them, with pyarrow.

Reading runs Arrow's Parquet and JSON readers on the workers, one task per Parquet row group or
JSONL file, so a corpus never passes through the driver and its rows keep their file order. A
``.json`` file is read as the local engine reads it (:mod:`cleanseed.records.json_values`): JSONL
under a ``.json`` name goes to Arrow as it is; an array of records (or one record) is read element
by element and handed to Arrow as JSONL, so that its records get the columns and types the same
records get from a JSONL file. The row count is taken where it is cheap to know, from Parquet
footers or by counting the lines (the values of a ``.json`` file) of small inputs, so that small
inputs can be spread over every worker (see :mod:`cleanseed.ray._blocks`).

Arrow types what it reads, and its types change values: a date-like string becomes a timestamp, an
integer beyond 64 bits or a field that is a string here and a number there stops the read. Asked for
a *text_column*, JSON and JSONL records are read by the local engine's reader
(:mod:`cleanseed.records.read`) instead, and each becomes two string columns: its text, and the rest
of the record as JSON text (:data:`RECORD`), from which :func:`write` rebuilds it as it came, with
whatever its other columns now hold (the cleaned text, the removals). Parquet keeps its schema.

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

from cleanseed.errors import ConfigError, InputError
from cleanseed.ray._cluster import require_cluster
from cleanseed.records import json_values
from cleanseed.records.formats import Skipped
from cleanseed.records.inputs import InputFile, ReadOptions, kind_of, origin, walk
from cleanseed.records.read import iter_items
from cleanseed.records.writers import atomic_writer, dumps_record, to_record

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = ["COUNT_JSONL_BYTES", "RECORD", "Format", "Input", "Unit", "format_of", "read", "write"]

Format = Literal["parquet", "jsonl"]
SUFFIXES: dict[str, Format] = {
    ".parquet": "parquet", ".pq": "parquet",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl", ".json.gz": "jsonl",
}
#: JSONL inputs up to this size are counted on the driver, so that small ones can be spread over
#: every worker; a larger input makes enough blocks of bounded size without a count.
COUNT_JSONL_BYTES = 256 << 20
#: The first line of a ``.json`` file is read this far to tell JSONL from one JSON value; a longer
#: first line is read as JSON values, one after another: the same records, more slowly.
_SNIFF = ReadOptions(max_line_bytes=1 << 20)
#: The column holding each JSON record, its text left out, when read with a *text_column*; the
#: prefix keeps it apart from a user's columns.
RECORD = "_cs_record"


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
    """The files to read, folders walked as the local engine walks them; a folder that cannot be
    read, or a FIFO or device among the inputs, raises :class:`InputError` naming it."""
    for path in paths:
        if Path(path).is_dir():
            listed = []
            for found in walk(path):
                known = format_of(found.path) is not None
                if found.error is not None and (known or Path(found.path).is_dir()):
                    raise InputError(found.error, source=found.path)
                if known and found.error is None and not Path(found.path).name.startswith("_"):
                    listed.append(found.path)
            yield from sorted(listed)
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
    """The records of a JSONL file: its lines that are not blank (both engines skip those)."""
    with _open(path) as fh:
        return sum(1 for line in fh if not line.isspace())


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


def _verbatim(path: str, json_file: bool, text_column: str) -> pa.Table:
    """The records of a JSON(L) file as the local engine reads them: the text of each in
    *text_column*, the rest as JSON in :data:`RECORD`. The first bad record (not an object,
    no text) is raised with the error the local engine gives, naming its file and line."""
    file = InputFile(path, Path(path).name, "json" if json_file else "jsonl", kind_of(path)[1])
    texts: list[str] = []
    rests: list[str] = []
    lines: list[int | None] = []
    for item in iter_items([file], ReadOptions(text_field=text_column)):
        if isinstance(item, InputError):
            raise item
        if isinstance(item, Skipped):  # JSON files hold none: only WARCs and folders do
            continue
        record = to_record(item.doc, text_field=text_column)  # as the local engine writes it
        texts.append(record[text_column])
        record[text_column] = None  # its column holds it; the key keeps its place
        rests.append(json.dumps(record))  # ASCII: a lone surrogate is no UTF-8
        lines.append(getattr(origin(item.doc), "line", None))
    try:
        column = pa.array(texts, type=pa.string())
    except UnicodeEncodeError:  # a "\ud800" escape: Arrow holds UTF-8 only
        bad = next(i for i, text in enumerate(texts) if _surrogate(text))
        msg = "a lone surrogate (a \\ud800-style escape) in the text: the Ray engine cannot hold it"
        raise InputError(msg, source=path, line=lines[bad], field=text_column) from None
    return pa.table({text_column: column, RECORD: pa.array(rests, type=pa.string())})


def _surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_unit(path: str, group: int, fmt: Format, json_file: bool,
               text_column: str | None) -> pa.Table:
    if fmt == "parquet":
        return pq.ParquetFile(path).read_row_group(group)
    if text_column is not None:
        return _verbatim(path, json_file, text_column)
    if json_file and _holds_values(path):
        lines = io.BytesIO()
        for record in _records(path):
            lines.write(dumps_record(record))
        if not lines.tell():
            return pa.table({})  # an empty array: no records, as the local engine reads it
        return pa_json.read_json(pa.BufferReader(lines.getbuffer()))
    with pa.input_stream(path, compression="detect") as stream:
        return pa_json.read_json(stream)


def _read_units(batch: pa.Table, fmt: Format, text_column: str | None) -> pa.Table:
    """Read the units listed in *batch* (one per row), in order, into one table."""
    columns = [batch.column(name).to_pylist() for name in ("path", "row_group", "json_file")]
    tables = [_read_unit(path, group, fmt, json_file, text_column)
              for path, group, json_file in zip(*columns, strict=True)]
    return pa.concat_tables(tables, promote_options="permissive")


def read(paths: str | Sequence[str], *, fmt: Format | None = None,
         text_column: str | None = None) -> Input:
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

    With *text_column*, JSON and JSONL records are not typed by Arrow: each row holds the
    record's text (a str) in *text_column* and the rest of the record as JSON in :data:`RECORD`,
    which :func:`write` turns back into the record as it came, to JSONL only. A record without a
    string *text_column* raises the :class:`InputError` the local engine raises. Parquet inputs
    are read as they are.
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
    dataset = listing.map_batches(_read_units, fn_kwargs={"fmt": kind, "text_column": text_column},
                                  batch_size=None, batch_format="pyarrow")
    return Input(dataset, rows)


def _json_line(row: dict[str, Any], json_columns: Sequence[str]) -> bytes:
    for name in json_columns:
        row[name] = json.loads(row[name])
    return json.dumps(row, ensure_ascii=False, default=str).encode() + b"\n"


def _record_lines(batch: pa.Table, json_columns: Sequence[str]) -> Iterator[bytes]:
    """The JSONL lines of a batch read with a *text_column*: each record rebuilt from
    :data:`RECORD`, its other columns put in as fields (the text in its place, removals added)
    and written as the local engine writes it."""
    names = [name for name in batch.column_names if name != RECORD]
    columns = [batch.column(name).to_pylist() for name in names]
    for i, raw in enumerate(batch.column(RECORD).to_pylist()):
        record = json.loads(raw)
        for name, column in zip(names, columns, strict=True):
            record[name] = json.loads(column[i]) if name in json_columns else column[i]
        yield dumps_record(record)


def _lines(batch: pa.Table, json_columns: Sequence[str]) -> Iterator[bytes]:
    """The JSONL lines of *batch*: its records rebuilt, or its rows as JSON objects."""
    if RECORD in batch.column_names:
        return _record_lines(batch, json_columns)
    return (_json_line(row, json_columns) for row in batch.to_pylist())


def _refuse_parquet(schema: pa.Schema | None) -> None:
    if schema is not None and RECORD in schema.names:
        msg = ("records read with a text_column keep their fields as JSON, which JSONL output "
               "writes back as they came: name the output .jsonl, or read without text_column")
        raise ConfigError(msg)


def _no_records(batch: pa.Table) -> pa.Table:
    _refuse_parquet(batch.schema)
    return batch


def _jsonl_sink(path: str, json_columns: Sequence[str]) -> Any:
    """A Ray datasink writing each block to a JSONL part file, as :func:`_lines` writes it
    (defined here, not at import: Ray is imported only when needed)."""
    from ray.data.datasource.file_datasink import BlockBasedFileDatasink

    class JsonlSink(BlockBasedFileDatasink):
        def write_block_to_file(self, block: Any, file: Any) -> None:
            file.write(b"".join(_lines(block.to_arrow(), json_columns)))

    return JsonlSink(path, file_format="jsonl")


def _write_file(ds: Dataset, path: str, fmt: Format, json_columns: Sequence[str]) -> int:
    count = 0
    with atomic_writer(path) as fh:
        writer: pq.ParquetWriter | None = None
        for chunk in ds.iter_batches(batch_format="pyarrow", batch_size=None):
            batch = cast(pa.Table, chunk)
            count += batch.num_rows
            if fmt == "jsonl":
                fh.writelines(_lines(batch, json_columns))
                continue
            if writer is None:
                _refuse_parquet(batch.schema)
                writer = pq.ParquetWriter(fh, batch.schema)
            writer.write_table(batch.cast(writer.schema))
        if fmt == "parquet":
            if writer is None:  # no batch at all: still a valid, empty Parquet file
                schema = ds.schema().base_schema or pa.schema([])
                _refuse_parquet(schema)
                writer = pq.ParquetWriter(fh, schema)
            writer.close()
    return count


def write(ds: Dataset, path: str | os.PathLike[str], *, fmt: Format | None = None,
          json_columns: Sequence[str] = ()) -> int | None:
    """Write *ds* to one file (name ending in a known suffix) or to a folder of part files.

    *json_columns* hold JSON text (the ``removals`` of :func:`cleanseed.ray.clean`): JSONL gets
    their values as JSON, not as strings, as the local engine writes them. Records read with a
    *text_column* (see :func:`read`) are written back as they came, to JSONL only: Parquet
    output of them is a :class:`ConfigError`.

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
        ds.map_batches(_no_records, batch_format="pyarrow", zero_copy_batch=True
                       ).write_parquet(target)
    else:
        ds.write_datasink(_jsonl_sink(target, json_columns))
    return None
