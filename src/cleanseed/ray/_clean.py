"""Clean the text column of a Ray dataset with a cleanseed pipeline, batch by batch.

The pipeline runs inside ``map_batches`` over Arrow tables: every other column passes through
untouched, and the text column is replaced by its cleaned version. Asked to explain, the step adds
a column holding each document's removals as a JSON list, the same records
``cleanseed.explain`` gives, so they can be written to Parquet or JSONL as they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from cleanseed.default import DEFAULT_PIPELINE
from cleanseed.errors import ConfigError, InputTypeError
from cleanseed.pipeline import Pipeline, Step
from cleanseed.ray._blocks import balance
from cleanseed.ray._cluster import num_workers

if TYPE_CHECKING:
    from ray.data import Dataset

__all__ = ["CleanBatch", "clean"]


def column_index(table: pa.Table, name: str, what: str) -> int:
    """Return the index of column *name* in *table*; raise a :class:`ConfigError` if missing."""
    index = table.schema.get_field_index(name)
    if index < 0:
        msg = f"{what}: {name!r} is not a column of the dataset (columns: {table.column_names})"
        raise ConfigError(msg)
    return int(index)


def check_columns(ds: Dataset, *names: str) -> None:
    """Raise a :class:`ConfigError` now if *ds* is known to lack a column in *names*.

    Only a schema Ray already knows is looked at: fetching one would run the dataset's upstream
    steps. Otherwise the workers find a missing column when they get to it.
    """
    schema = ds.schema(fetch_if_missing=False)
    if schema is None:
        return
    for name in names:
        if name not in schema.names:
            msg = f"{name!r} is not a column of the dataset (columns: {list(schema.names)})"
            raise ConfigError(msg)


def texts_of(table: pa.Table, index: int) -> list[str]:
    """Return column *index* of *table* as a list of str; a null or non-text value is an error."""
    values: list[str] = table.column(index).to_pylist()
    for row, value in enumerate(values):
        if not isinstance(value, str):
            msg = (f"column {table.column_names[index]!r}, row {row} of a batch: expected str, "
                   f"got {type(value).__name__}")
            raise InputTypeError(msg)
    return values


@dataclass(frozen=True, slots=True)
class CleanBatch:
    """The ``map_batches`` function: clean one Arrow batch (picklable, so Ray can ship it)."""

    pipeline: Pipeline
    text_column: str
    explain_column: str | None

    def __call__(self, table: pa.Table) -> pa.Table:
        index = column_index(table, self.text_column, "text_column")
        texts = texts_of(table, index)
        field = table.schema.field(index)
        if self.explain_column is None:
            cleaned = [self.pipeline(text) for text in texts]
            return table.set_column(index, field, pa.array(cleaned, type=field.type))
        results = [self.pipeline.explain(text) for text in texts]
        table = table.set_column(index, field, pa.array([r.text for r in results], type=field.type))
        notes = pa.array([_removals_json(r.removals) for r in results], type=pa.string())
        where = table.schema.get_field_index(self.explain_column)
        if where >= 0:
            return table.set_column(where, self.explain_column, notes)
        return table.append_column(self.explain_column, notes)


def _removals_json(removals: tuple[object, ...]) -> str:
    return json.dumps([r.as_dict() for r in removals], ensure_ascii=False)  # type: ignore[attr-defined]


def clean(ds: Dataset, *, text_column: str = "text", explain: bool = False,
          explain_column: str = "removals", pipeline: Step = DEFAULT_PIPELINE,
          num_rows: int | None = None) -> Dataset:
    """Return *ds* with its *text_column* cleaned by *pipeline* (default: ``cleanseed.clean``).

    With *explain*, a string column *explain_column* holds each document's removals as JSON.
    No row is dropped, not even one cleaned to nothing: filtering is the caller's choice. The
    dataset is re-cut so that every worker of the cluster gets blocks (*num_rows*, if known,
    lets small inputs be spread evenly).

    An error raised in a worker (a null text, say) reaches the caller as Ray's
    ``UserCodeException``, the cleanseed error named in its traceback; with
    ``DataContext.get_current().raise_original_map_exception = True`` it is the cleanseed error
    itself (a ``RayTaskError`` subclass of it), which the command line relies on.

    >>> import cleanseed.ray as cr  # doctest: +SKIP
    >>> ds = ray.data.from_items([{"text": "Advertisement\\nHello, world."}])  # doctest: +SKIP
    >>> cr.clean(ds).take_all()  # doctest: +SKIP
    [{'text': 'Hello, world.'}]
    """
    if not isinstance(text_column, str) or not text_column:
        msg = f"text_column must be a non-empty str, got {text_column!r}"
        raise ConfigError(msg)
    if explain and explain_column == text_column:
        msg = f"explain_column must differ from text_column ({text_column!r})"
        raise ConfigError(msg)
    check_columns(ds, text_column)
    pipe = pipeline if isinstance(pipeline, Pipeline) else Pipeline(pipeline)
    batch = CleanBatch(pipe, text_column, explain_column if explain else None)
    balanced = balance(ds, num_workers(), num_rows)
    return balanced.map_batches(batch, batch_format="pyarrow", zero_copy_batch=True)
