"""Map a function over items in worker processes, results in input order, memory bounded.

Items are sent in chunks (one round trip per chunk, not per item) and only a few chunks are in
flight at a time, so a corpus larger than memory streams through. A worker that dies (a crash in
C code, the out-of-memory killer) or hangs past its deadline does not end the run: the chunks it
held are run again one item at a time in a fresh pool, and the item that kills or hangs a worker
again is handed to ``on_crash`` and reported instead of cleaned. A run stopped early (the
caller closes the iterator, or an exception unwinds it) kills its workers.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Generic, TypeVar

__all__ = ["ordered_map"]

T = TypeVar("T")
R = TypeVar("R")

CRASHED = "worker process crashed while cleaning this document"
HUNG = "time budget exceeded: the worker did not return and was stopped"


def _apply(fn: Callable[[Any], R], payloads: list[Any]) -> list[R]:
    return [fn(p) for p in payloads]


def _context() -> Any:
    # forkserver: the parent has threads (the executor's, the progress bar's), and fork()ing a
    # process with threads can deadlock the child. The server imports cleanseed once, so a
    # fresh pool (after a crash) starts in milliseconds instead of re-importing it per worker.
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cleanseed.cli.clean"])
    return context


class _Pool(Generic[T, R]):
    """A process pool that replaces itself when broken and isolates the item that broke it."""

    def __init__(self, fn: Callable[[Any], R], payload: Callable[[T], Any], workers: int,
                 on_crash: Callable[[T, str], R], item_timeout: float | None) -> None:
        self.fn, self.payload, self.workers = fn, payload, workers
        self.on_crash, self.item_timeout = on_crash, item_timeout
        self._executor: ProcessPoolExecutor | None = None

    def _get(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers, mp_context=_context())
        return self._executor

    def submit(self, chunk: list[T]) -> Future[list[R]]:
        payloads = [self.payload(item) for item in chunk]
        try:
            return self._get().submit(_apply, self.fn, payloads)
        except BrokenProcessPool:  # broken since the last submit: start a fresh pool
            self.kill()
            return self._get().submit(_apply, self.fn, payloads)

    def _deadline(self, size: int) -> float | None:
        return None if self.item_timeout is None else self.item_timeout * size

    def collect(self, chunk: list[T], future: Future[list[R]]) -> Iterator[tuple[T, R]]:
        """Yield the chunk's items with their results; isolate them if the pool broke."""
        try:
            results = future.result(timeout=self._deadline(len(chunk)))
        except (BrokenProcessPool, CancelledError):
            self.kill()
            yield from self._isolate(chunk)
        except TimeoutError:
            self.kill()
            yield from self._isolate(chunk)
        else:
            yield from zip(chunk, results, strict=True)

    def _isolate(self, chunk: list[T]) -> Iterator[tuple[T, R]]:
        for item in chunk:
            future = self.submit([item])
            try:
                result = future.result(timeout=self._deadline(1))[0]
            except (BrokenProcessPool, CancelledError):
                self.kill()
                result = self.on_crash(item, CRASHED)
            except TimeoutError:
                self.kill()
                result = self.on_crash(item, HUNG)
            yield item, result

    def kill(self) -> None:
        """Stop every worker now (one is stuck, or the pool broke), then drop the pool.

        Also after a break: a worker the pool started while it was breaking is never stopped
        by it, and waiting for that worker would hang the interpreter's exit. (There is no
        public way to stop a pool's workers before Python 3.14.)
        """
        executor = self._executor
        if executor is not None:
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.kill()
            _release_pipes(executor)
        self.close()

    def close(self) -> None:
        """Shut the pool down without waiting; its unfinished futures fail and are isolated."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def _release_pipes(executor: ProcessPoolExecutor) -> None:
    """Let the threads of a pool whose workers were killed end, so that this process can.

    A worker killed while it wrote a result leaves half a message in the result pipe, and the
    pool's manager thread waits for the rest (and the interpreter, at exit, for that thread).
    With this process's copy of the pipe's writing end closed, the rest is an end of file once
    the workers are gone: the manager finds the pool broken and takes it down as CPython does,
    which also frees its feeder thread from a full pipe of calls no worker will read.
    """
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ordered_map(fn: Callable[[Any], R], items: Iterable[T], *, workers: int = 1,
                chunksize: int = 64, on_crash: Callable[[T, str], R],
                payload: Callable[[T], Any] | None = None,
                item_timeout: float | None = None) -> Generator[tuple[T, R], None, None]:
    """Yield ``(item, fn(payload(item)))`` for every item, in input order.

    With ``workers <= 1`` and no *item_timeout* everything runs here, in this process.
    Otherwise *fn* (a module-level function, or a ``functools.partial`` of one) runs in
    *workers* processes (at least one: a call stuck in C code can only be stopped from outside
    its process, so a deadline needs a worker even when one is all there is); only
    ``payload(item)`` is sent to them, the item itself stays here. An item whose worker dies, or
    does not return within *item_timeout* seconds, yields ``on_crash(item, reason)`` instead
    (the deadline also covers starting a fresh worker: leave a few seconds of slack).

    >>> list(ordered_map(abs, [-1, 2, -3], on_crash=lambda item, why: None))
    [(-1, 1), (2, 2), (-3, 3)]
    """
    send = payload or (lambda item: item)
    if workers <= 1 and item_timeout is None:
        for item in items:
            yield item, fn(send(item))
        return
    workers = max(workers, 1)
    pool: _Pool[T, R] = _Pool(fn, send, workers, on_crash, item_timeout)
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    finished = False
    try:
        for chunk in _chunks(items, chunksize):
            pending.append((chunk, pool.submit(chunk)))
            # two chunks per worker: one running, one queued, so no worker waits for the next
            if len(pending) > 2 * workers:
                yield from pool.collect(*pending.popleft())
        while pending:
            yield from pool.collect(*pending.popleft())
        finished = True
    finally:
        # stopped early (Ctrl-C, SIGTERM, an error, the caller closed it): stop the workers
        # now, rather than let them finish their chunks, or outlive this process
        if finished:
            pool.close()
        else:
            pool.kill()
