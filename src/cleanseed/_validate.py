"""The checks every config makes of its fields, raising ConfigError: one place, one wording.

A bool is never taken for a number (``True`` is an int to Python, never a threshold or a seed
to a user), a number must be finite, and a wrong config type is a :class:`ConfigError` naming
the step, not an ``AttributeError`` from deep inside it.

>>> integer("seed", -1, low=0)
Traceback (most recent call last):
    ...
cleanseed.errors.ConfigError: seed must be an int >= 0, got -1
>>> number("threshold", True, low=0.0, high=1.0, low_open=True)
Traceback (most recent call last):
    ...
cleanseed.errors.ConfigError: threshold must be a number in (0, 1], got True
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any, TypeVar

from cleanseed.errors import ConfigError

__all__ = ["choice", "config", "flag", "integer", "number"]

C = TypeVar("C")


def integer(name: str, value: object, *, low: int | None = None, high: int | None = None,
            optional: bool = False) -> None:
    """*value* must be an int (not a bool) within ``[low, high]``; ``None`` too if *optional*."""
    if optional and value is None:
        return
    if (isinstance(value, int) and not isinstance(value, bool)
            and (low is None or value >= low) and (high is None or value <= high)):
        return
    if low is not None and high is not None:
        what = f"an int from {low} to {high}"
    elif low == 1:
        what = "a positive int"
    elif low is not None:
        what = f"an int >= {low}"
    else:
        what = "an int" if high is None else f"an int <= {high}"
    msg = f"{name} must be {what}{' or None' if optional else ''}, got {value!r}"
    raise ConfigError(msg)


def number(name: str, value: object, *, low: float, high: float = math.inf,
           low_open: bool = False, high_open: bool = False, optional: bool = False) -> None:
    """*value* must be a finite int or float (not a bool) in the interval from *low* to *high*,
    each end open or closed as asked; ``None`` too if *optional*."""
    if optional and value is None:
        return
    if (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            and (value > low if low_open else value >= low)
            and (value < high if high_open else value <= high)):
        return
    left, right = "(" if low_open else "[", ")" if high_open or high == math.inf else "]"
    span = f"{left}{low:g}, {'inf' if high == math.inf else format(high, 'g')}{right}"
    msg = f"{name} must be a number in {span}{' or None' if optional else ''}, got {value!r}"
    raise ConfigError(msg)


def flag(name: str, value: object) -> None:
    """*value* must be a bool."""
    if not isinstance(value, bool):
        msg = f"{name} must be a bool, got {value!r}"
        raise ConfigError(msg)


def choice(name: str, value: object, options: Collection[object]) -> None:
    """*value* must be one of *options*."""
    if value not in options:
        msg = f"{name} must be one of {', '.join(map(repr, options))}, got {value!r}"
        raise ConfigError(msg)


def config(value: Any, kind: type[C], default: C, where: str) -> C:
    """The config a step was given: *default* for ``None``, else an instance of *kind*.

    >>> config("fast", dict, {}, "fix_encoding")
    Traceback (most recent call last):
        ...
    cleanseed.errors.ConfigError: fix_encoding: config must be a dict or None, got str
    """
    if value is None:
        return default
    if not isinstance(value, kind):
        msg = f"{where}: config must be a {kind.__name__} or None, got {type(value).__name__}"
        raise ConfigError(msg)
    return value
