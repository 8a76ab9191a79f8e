"""The argparse types of the command line: each turns an option's text into a value, or says
what it expected (argparse prints that and exits with code 2).

They sit apart from the commands so that :mod:`cleanseed.cli`, :mod:`cleanseed.cli_dedup` and
:mod:`cleanseed.cli_ray` can share them: ``cli`` imports the other two, so they cannot import
from it.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import TypeVar

from cleanseed.errors import ConfigError
from cleanseed.outputs import Target, check_outputs

__all__ = ["UsageError", "at_least", "check_paths", "count", "positive", "threshold"]

N = TypeVar("N", int, float)


class UsageError(Exception):
    """Options that do not fit together, found after parsing (exit code 2)."""


def check_paths(outputs: Sequence[tuple[str, str | os.PathLike[str]]], inputs: Iterable[str],
                *, folders: Sequence[tuple[str, str]] = (), make: Collection[str] = (),
                ) -> list[Target]:
    """Check a command's output paths before any work (see
    :func:`cleanseed.outputs.check_outputs`): an output that is an input, or two outputs that
    are one file, is a usage error; a path that cannot be written, an OutputError."""
    try:
        return check_outputs(outputs, inputs, folders=folders, make=make)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


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
