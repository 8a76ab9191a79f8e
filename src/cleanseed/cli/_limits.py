"""Per-document limits: a size cap and a time budget, and what happens when one is exceeded.

A corpus run must survive its worst page. The size cap bounds the memory and time one document
can take; the time budget stops a document that takes too long anyway. Neither ever ends the run:
an oversized document is truncated or skipped, a slow one is skipped, and the reason is returned
so the caller can put it in its report.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Literal, TypeVar, overload

from cleanseed import _validate
from cleanseed.errors import CleanseedError, ConfigError

__all__ = ["BudgetExceeded", "LimitExceeded", "Limits", "apply_size_cap", "call_with_budget"]

A = TypeVar("A")
R = TypeVar("R")


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """How much one document may take, and what to do with one that takes more.

    >>> Limits(max_chars=1000, on_oversize="skip").max_chars
    1000
    """

    #: 50 million characters is far beyond any real article (the largest pages are a few MB),
    #: yet small enough that one document cannot exhaust a worker's memory.
    max_chars: int = 50_000_000
    #: Raw HTML costs far more memory to parse than text: about 170 bytes a byte on nested
    #: tables, the worst shape measured (``benchmarks/memory.py``: 0.79 GB for 5 MB, 2.7 GB for
    #: 16 MB), against about 15 a character for text. 5 MB keeps a page under 0.8 GB and holds
    #: all but the odd page of a crawl (the largest real articles are a few MB, most of it
    #: markup); raise it with care.
    max_html_bytes: int = 5_000_000
    #: "truncate" keeps the start of the document, cut at the last line break before the cap;
    #: "skip" leaves it out. Either way the report says so.
    on_oversize: Literal["truncate", "skip"] = "truncate"
    #: Seconds one document may spend being cleaned; ``None`` for no budget. The default steps run
    #: in linear time, so a budget only trips on a step that does not (a user's own, or a bug).
    time_budget: float | None = None

    def __post_init__(self) -> None:
        _validate.integer("max_chars", self.max_chars, low=1)
        _validate.integer("max_html_bytes", self.max_html_bytes, low=1)
        _validate.choice("on_oversize", self.on_oversize, ("truncate", "skip"))
        _validate.number("time_budget", self.time_budget, low=0.0, low_open=True, optional=True)


    def cap(self, html: bool) -> int:
        """The size cap of a document: of its text, or of its raw HTML.

        >>> Limits(max_chars=1000).cap(html=True), Limits(max_chars=1000).cap(html=False)
        (1000, 1000)
        """
        return min(self.max_chars, self.max_html_bytes) if html else self.max_chars


class LimitExceeded(CleanseedError):
    """A document went over a limit and was left out; ``reason`` says which and by how much."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BudgetExceeded(LimitExceeded):
    """Cleaning one document took longer than its time budget."""


@overload
def apply_size_cap(content: str, limits: Limits, *, html: bool | None = None,
                   size: int | None = None) -> tuple[str, str | None]: ...
@overload
def apply_size_cap(content: bytes, limits: Limits, *, html: bool | None = None,
                   size: int | None = None) -> tuple[bytes, str | None]: ...
@overload
def apply_size_cap(content: str | bytes, limits: Limits, *, html: bool | None = None,
                   size: int | None = None) -> tuple[str | bytes, str | None]: ...


def apply_size_cap(content: str | bytes, limits: Limits, *, html: bool | None = None,
                   size: int | None = None) -> tuple[str | bytes, str | None]:
    """Return *content* within its size cap and a note of what was cut (or ``None``).

    Truncation cuts at the last line break before the cap, so no line is left half; a single
    line longer than the cap is cut at the cap. With ``on_oversize="skip"`` an oversized
    document raises :class:`LimitExceeded` instead. Raw HTML (*html*; by default, bytes) has
    the cap ``limits.cap(html=True)``; for bytes the cap counts bytes. *size* is the document's
    full size when *content* is only its start (the reader keeps no more than the cap).

    >>> apply_size_cap("one\\ntwo\\nthree", Limits(max_chars=9))
    ('one\\ntwo', 'truncated at the size cap: kept 7 of 13 characters')
    """
    cap = limits.cap(isinstance(content, bytes) if html is None else html)
    total = len(content) if size is None else max(size, len(content))
    if total <= cap:
        return content, None
    unit = "bytes" if isinstance(content, bytes) else "characters"
    which = "HTML size cap" if cap < limits.max_chars else "size cap"
    if limits.on_oversize == "skip":
        msg = f"over the {which}: {total:,} {unit} > {cap:,}"
        raise LimitExceeded(msg)
    if isinstance(content, bytes):
        cut = content.rfind(b"\n", 0, cap + 1)
    else:
        cut = content.rfind("\n", 0, cap + 1)
    if cut <= 0:
        cut = min(cap, len(content))
    return content[:cut], f"truncated at the {which}: kept {cut:,} of {total:,} {unit}"


class _Alarm(BaseException):
    """Raised by the timer signal. A BaseException, so that a step's ``except Exception`` cannot
    swallow it and keep running past the budget."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Alarm


def call_with_budget(fn: Callable[[A], R], arg: A, seconds: float | None) -> R:
    """Return ``fn(arg)``, or raise :class:`BudgetExceeded` if it runs longer than *seconds*.

    The budget is enforced with ``signal.setitimer``, so it needs the main thread of a process
    (each worker process of the command line is one). The signal is handled between Python
    bytecodes: a single call into C code that never returns to Python is not interrupted. That
    is why the command line, given a budget, cleans in worker processes even with
    ``--workers 1``: it stops a worker that overruns from outside.

    >>> call_with_budget(str.upper, "abc", 5.0)
    'ABC'
    """
    if seconds is None:
        return fn(arg)
    main = threading.current_thread() is threading.main_thread()
    if not main or not hasattr(signal, "setitimer"):
        msg = "a time budget needs signal.setitimer and the main thread of the process"
        raise ConfigError(msg)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        # The alarm can fire inside the ``finally`` below, after fn returned; the outer handler
        # catches that case too, so the alarm never escapes as a BaseException.
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return fn(arg)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    except _Alarm:
        msg = f"time budget exceeded ({seconds:g} s)"
        raise BudgetExceeded(msg) from None
