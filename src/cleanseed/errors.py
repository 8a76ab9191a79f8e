"""The exceptions cleanseed raises: one family, so callers can catch them all."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["CleanseedError", "ConfigError", "InputError", "InputTypeError", "OutputError",
           "StorageError", "check_many", "check_text"]


class CleanseedError(Exception):
    """Base class of every error cleanseed raises on purpose."""


class ConfigError(CleanseedError, ValueError):
    """A configuration value is out of range or of the wrong kind."""


class InputTypeError(CleanseedError, TypeError):
    """A step was given something other than the ``str`` it works on."""


class InputError(CleanseedError, ValueError):
    """An input file or record cannot be read.

    The message names the source, and where known the line and the field, so a user can find
    the bad record in a large corpus without a debugger.
    """

    def __init__(self, message: str, *, source: str = "", line: int | None = None,
                 field: str | None = None) -> None:
        where = source
        if line is not None:
            where += f":{line}"
        if field is not None:
            where += f" (field {field!r})"
        super().__init__(f"{where}: {message}" if where else message)
        self.source = source
        self.line = line
        self.field = field
        self.reason = message


class OutputError(CleanseedError, OSError):
    """An output cannot be written: the message names the path and the reason (a missing or
    read-only folder, a full disk, a path that names a folder or a device cleanseed will not
    replace). An :class:`OSError` too, so code that caught the OS's error still catches it."""

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class StorageError(CleanseedError):
    """An index's store cannot be reached, or holds what no save writes: a Redis server that
    is down or refuses the command, a parent chain that loops. The message names the store."""


BYTES_ERROR_TEXT = (
    "cleanseed's text steps take str, but got bytes. Decode them first, for example "
    "data.decode('utf-8', errors='replace'); for raw HTML pages use cleanseed.html_to_text, "
    "which reads the page's own charset declaration."
)


def check_text(text: object, where: str) -> str:
    """Return *text* if it is a ``str``; raise an :class:`InputTypeError` naming *where* if not."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        msg = f"{where}: {BYTES_ERROR_TEXT}"
        raise InputTypeError(msg)
    msg = f"{where} takes a str, got {type(text).__name__}"
    raise InputTypeError(msg)


def check_many(items: object, where: str, what: str = "str") -> Iterable[Any]:
    """Return *items* if it is an iterable of many (a list, a generator), for a function that
    takes several; one ``str`` or ``bytes`` (whose characters would be taken for documents), or
    something that is no iterable, is an :class:`InputTypeError` naming *where*.

    >>> check_many("one text", "f")
    Traceback (most recent call last):
        ...
    cleanseed.errors.InputTypeError: f takes an iterable of str, got one str: wrap it in a list
    """
    if isinstance(items, (str, bytes, bytearray, memoryview)):
        msg = f"{where} takes an iterable of {what}, got one {type(items).__name__}: wrap it in " \
              "a list"
        raise InputTypeError(msg)
    if not isinstance(items, Iterable):
        msg = f"{where} takes an iterable of {what}, got {type(items).__name__}"
        raise InputTypeError(msg)
    return items
