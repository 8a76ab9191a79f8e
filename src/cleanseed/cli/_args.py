"""The argparse types of the command line: each turns an option's text into a value, or says
what it expected (argparse prints that and exits with code 2).

They sit apart from the commands so that :mod:`cleanseed.cli.clean`, :mod:`cleanseed.cli.dedup` and
:mod:`cleanseed.cli.ray_engine` can share them: ``cli`` imports the other two, so they cannot import
from it.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TypeVar

__all__ = ["at_least", "count", "positive", "threshold"]

N = TypeVar("N", int, float)


def _number(kind: Callable[[str], N], text: str) -> N | None:
    try:
        return kind(text)
    except ValueError:
        return None


def positive(kind: Callable[[str], N]) -> Callable[[str], N]:
    """Return a type for a finite number above zero, of *kind* (``int`` or ``float``).

    >>> positive(float)("0.5")
    0.5
    """
    def parse(text: str) -> N:
        value = _number(kind, text)
        if value is None or not value > 0 or value == math.inf:  # not > 0: NaN too
            msg = f"expected a positive number, got {text!r}"
            raise argparse.ArgumentTypeError(msg)
        return value

    parse.__name__ = getattr(kind, "__name__", "number")  # argparse names the type with it
    return parse


def at_least(minimum: int, message: str) -> Callable[[str], int]:
    """Return a type for a whole number of at least *minimum*; *message* formats the text given.

    >>> at_least(1, "expected a positive whole number, got {!r}")("4")
    4
    """
    def parse(text: str) -> int:
        value = _number(int, text)
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(message.format(text))
        return value

    return parse


def count(text: str) -> int:
    """A whole number of zero or more, written in plain digits (no sign, no space)."""
    if not text.isdigit():
        msg = f"expected a whole number >= 0, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def threshold(text: str) -> float:
    """A Jaccard similarity threshold: a number in (0, 1]."""
    value = _number(float, text)
    if value is None or not 0.0 < value <= 1.0:
        msg = f"expected a number in (0, 1], got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value
