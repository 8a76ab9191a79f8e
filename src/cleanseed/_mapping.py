"""What ``datasets.Dataset.map`` hands a function, taken as it comes.

``Dataset.map(f)`` calls ``f`` with a row (a mapping of column to value); with ``batched=True``,
with a batch (a mapping of column to list of values); with ``input_columns``, with the column's
value or list of values alone. Whatever it gets, ``f`` must answer with a mapping of the columns
to update. The steps, :func:`cleanseed.clean` and :func:`cleanseed.clean_batch` do: given a
mapping, they clean its ``column`` (``"text"`` unless told) and answer ``{column: cleaned}``;
given a ``column`` and a plain value or list (what ``input_columns`` hands over), they answer the
same way. Anything else (a ``str`` without ``column``) is cleaned and returned as before.

    ds = ds.map(cleanseed.clean_batch, batched=True)              # the "text" column
    ds = ds.map(cleanseed.fix_encoding, fn_kwargs={"column": "body"})
    ds = ds.map(cleanseed.clean_batch, batched=True, input_columns="body",
                fn_kwargs={"column": "body"})
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar, cast

from cleanseed.errors import InputTypeError

__all__ = ["COLUMN", "accepts_rows", "column_of", "on_rows"]

#: The column cleaned when none is named: what Dolma, datatrove and most datasets call it.
COLUMN = "text"
F = TypeVar("F", bound=Callable[..., Any])


def column_of(row: Mapping[str, Any], column: str | None, where: str) -> Any:
    """The value (or list of values) of *column* in a row or batch, or an error naming it."""
    name = column or COLUMN
    try:
        return row[name]
    except KeyError:
        names = ", ".join(map(repr, row)) or "none"
        msg = (f"{where}: the row or batch has no column {name!r} (its columns: {names}); "
               "name the one to clean with column=..., e.g. fn_kwargs={'column': 'body'}")
        raise InputTypeError(msg) from None


def on_rows(one: Callable[[Any], Any], many: Callable[[Sequence[Any]], Any], value: Any,
            column: str | None, where: str) -> Any:
    """Apply *one* to a value or *many* to a list, answering as ``Dataset.map`` expects.

    Returns ``None`` when *value* is neither a mapping nor given with a *column*: the caller
    then treats it as a plain value.
    """
    if isinstance(value, Mapping):
        found = column_of(value, column, where)
        out = many(found) if isinstance(found, list) else one(found)
        return {column or COLUMN: out}
    if column is not None:
        out = many(value) if isinstance(value, list) else one(value)
        return {column: out}
    return None


def accepts_rows(step: F) -> F:
    """Let a ``str -> str`` step take a row or a batch from ``Dataset.map`` (see the module)."""
    @functools.wraps(step)
    def wrapper(text: Any, *args: Any, column: str | None = None, **kwargs: Any) -> Any:
        if isinstance(text, str) and column is None:
            return step(text, *args, **kwargs)

        def one(value: Any) -> Any:
            return step(value, *args, **kwargs)

        def many(values: Sequence[Any]) -> list[Any]:
            return [step(v, *args, **kwargs) for v in values]

        answer = on_rows(one, many, text, column, step.__name__)
        return step(text, *args, **kwargs) if answer is None else answer

    return cast(F, wrapper)
