"""Bounded-memory building blocks of the on-disk index (:mod:`cleanseed.corpus.disk_index`).

* :class:`Column`: an append-only file of fixed-size values, written through a small buffer and
  read back by slices or gathers (positioned reads), never whole.
* :func:`partitions`: how many slices of the 64-bit key space a grouping needs so that one slice
  fits a memory budget (keys are hashes: the top bits split them evenly).
* :class:`SortedSpill`: a set of ``uint64`` that stays sorted and unique within a memory budget,
  spilling sorted runs to disk and merging them on the way out.
* :class:`IdSet`: whether an id was seen, from 64-bit hashes of the ids (a hash that matches is
  checked against the stored id itself, so a collision never passes for a repeat).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

_U64 = np.uint64
# Values read from a run at a time while merging runs.
_MERGE_CHUNK = 1 << 20


class Column:
    """An append-only file of values of one dtype; ``flush`` writes what is buffered."""

    def __init__(self, path: Path, dtype: Any, count: int) -> None:
        self.path, self.dtype = path, np.dtype(dtype)
        with path.open("ab") as fh:  # created if missing; anything past *count* is dropped
            fh.truncate(count * self.dtype.itemsize)
        self._stored = count
        self._pending: list[np.ndarray] = []
        self._pending_count = 0

    def __len__(self) -> int:
        return self._stored + self._pending_count

    @property
    def buffered_bytes(self) -> int:
        return int(self._pending_count * self.dtype.itemsize)

    def append(self, values: np.ndarray) -> None:
        values = np.ascontiguousarray(values, dtype=self.dtype).ravel()
        self._pending.append(values)
        self._pending_count += len(values)

    def flush(self) -> None:
        if not self._pending:
            return
        with self.path.open("ab") as fh:
            for part in self._pending:
                fh.write(part.tobytes())
        self._stored += self._pending_count
        self._pending, self._pending_count = [], 0

    def truncate(self, count: int) -> None:
        self.flush()
        with self.path.open("r+b") as fh:
            fh.truncate(count * self.dtype.itemsize)
        self._stored = count

    def read(self, lo: int = 0, hi: int | None = None) -> np.ndarray:
        """Values ``lo:hi`` (flushed ones only), as a fresh array."""
        hi = self._stored if hi is None else hi
        if hi <= lo:
            return np.zeros(0, dtype=self.dtype)
        with self.path.open("rb") as fh:
            fh.seek(lo * self.dtype.itemsize)
            return np.fromfile(fh, dtype=self.dtype, count=hi - lo)

    def chunks(self, size: int, start: int = 0,
               stop: int | None = None) -> Iterator[tuple[int, np.ndarray]]:
        """``(first, values)`` of the flushed values ``start:stop``, *size* at a time."""
        stop = self._stored if stop is None else min(stop, self._stored)
        for lo in range(start, stop, size):
            yield lo, self.read(lo, min(lo + size, stop))

    def gather(self, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Values ``starts[i] : starts[i] + counts[i]`` for each *i*, concatenated (flushed
        values only), by positioned reads: only what is asked for enters the process, where a
        gather from a memory map would also map pages all over the file. Ranges that follow
        each other are read at once."""
        out = np.empty(int(counts.sum()), dtype=self.dtype)
        if not len(out):
            return out
        ends = starts + counts
        heads = np.flatnonzero(np.concatenate([[True], starts[1:] != ends[:-1]]))
        lows = (starts[heads] * self.dtype.itemsize).tolist()
        highs = (ends[np.append(heads[1:] - 1, len(starts) - 1)] * self.dtype.itemsize).tolist()
        buf = memoryview(out.view(np.uint8))  # type: ignore[arg-type]
        fd = os.open(self.path, os.O_RDONLY)
        try:
            at = 0
            for lo, hi in zip(lows, highs, strict=True):
                while lo < hi:
                    got = os.preadv(fd, [buf[at : at + hi - lo]], lo)
                    if got <= 0:
                        raise OSError(f"{self.path}: the file ends before its values")
                    lo, at = lo + got, at + got
        finally:
            os.close(fd)
        return out

    def mapped(self) -> np.ndarray:
        """A read-only memory map of the flushed values (drop it to release its pages)."""
        if not self._stored:
            return np.zeros(0, dtype=self.dtype)
        return np.memmap(self.path, dtype=self.dtype, mode="r", shape=(self._stored,))


def partitions(count: int, bytes_each: int, budget: int) -> int:
    """The power of two of key-space slices that keeps ``count * bytes_each / slices`` within
    *budget* (at least 1, at most 2**16)."""
    need = max(1, math.ceil(count * bytes_each / max(budget, 1)))
    return min(1 << max(0, math.ceil(math.log2(need))), 1 << 16)


def slice_of(keys: np.ndarray, parts: int) -> np.ndarray:
    """Which of *parts* (a power of two) slices of the key space each ``uint64`` key falls in."""
    if parts == 1:
        return np.zeros(len(keys), dtype=np.int64)
    bits = parts.bit_length() - 1
    return (keys >> _U64(64 - bits)).astype(np.int64)


class SortedSpill:
    """Unique ``uint64`` values, sorted; at most *budget* bytes of them are held in memory."""

    def __init__(self, folder: Path, budget: int, name: str = "run") -> None:
        self._folder, self._name = folder, name
        self._cap = max(budget // 8, 1024)
        self._held: list[np.ndarray] = []
        self._held_count = 0
        self._runs: list[Path] = []

    def add(self, values: np.ndarray) -> None:
        if not len(values):
            return
        self._held.append(np.asarray(values, dtype=_U64))
        self._held_count += len(values)
        if self._held_count > self._cap:
            merged = np.unique(np.concatenate(self._held))
            self._held, self._held_count = [merged], len(merged)
            if len(merged) > self._cap // 2:  # still large once repeats are gone: spill it
                path = self._folder / f"{self._name}-{len(self._runs)}.u64"
                merged.tofile(path)
                self._runs.append(path)
                self._held, self._held_count = [], 0

    def __iter__(self) -> Iterator[np.ndarray]:
        """Sorted unique chunks, ascending across chunks; the runs are removed once read."""
        held = np.unique(np.concatenate(self._held)) if self._held else np.zeros(0, _U64)
        self._held, self._held_count = [], 0
        if not self._runs:
            if len(held):
                yield held
            return
        sources = [_RunReader(p) for p in self._runs] + [_ArrayReader(held)]
        last: int | None = None
        while True:
            live = [s for s in sources if s.head is not None]
            if not live:
                break
            # every value up to the smallest of the chunk ends is in the chunks held now
            bound = min(int(s.head[-1]) for s in live)  # type: ignore[index]
            parts = [s.take_upto(bound) for s in live]
            out = np.unique(np.concatenate(parts))
            if last is not None and len(out) and int(out[0]) == last:
                out = out[1:]
            if len(out):
                last = int(out[-1])
                yield out
        for path in self._runs:
            path.unlink(missing_ok=True)
        self._runs = []


class _ArrayReader:
    def __init__(self, values: np.ndarray) -> None:
        self.head: np.ndarray | None = values if len(values) else None

    def take_upto(self, bound: int) -> np.ndarray:
        assert self.head is not None
        cut = int(np.searchsorted(self.head, _U64(bound), side="right"))
        out, rest = self.head[:cut], self.head[cut:]
        self.head = rest if len(rest) else None
        return out


class _RunReader(_ArrayReader):
    def __init__(self, path: Path) -> None:
        self._fh = path.open("rb")
        super().__init__(self._next())

    def _next(self) -> np.ndarray:
        return np.fromfile(self._fh, dtype=_U64, count=_MERGE_CHUNK)

    def take_upto(self, bound: int) -> np.ndarray:
        out = super().take_upto(bound)
        if self.head is None:
            more = self._next()
            self.head = more if len(more) else None
            if self.head is None:
                self._fh.close()
        return out


def id_line(doc_id: Any) -> bytes:
    """How an id is stored: its JSON, so that ``5`` and ``"5"`` stay two ids."""
    return json.dumps(doc_id, ensure_ascii=False).encode("utf-8")


def id_hash(line: bytes) -> int:
    """A 64-bit hash of a stored id, the same in every process."""
    return int.from_bytes(hashlib.blake2b(line, digest_size=8).digest(), "little")


class IdSet:
    """The ids seen so far, as sorted 64-bit hashes and their positions, plus the newest ones
    in a dict until there are enough of them to merge."""

    def __init__(self, hashes: np.ndarray, lookup: Callable[[int], bytes],
                 merge_every: int = 1 << 18) -> None:
        order = np.argsort(hashes, kind="stable")
        self._sorted, self._where = hashes[order], order.astype(np.int64)
        self._recent: dict[int, int] = {}
        self._lookup, self._merge_every = lookup, merge_every

    def position(self, line: bytes, digest: int) -> int | None:
        """The position of the id stored as *line* if it was seen, else None."""
        pos = self._recent.get(digest)
        if pos is not None and self._lookup(pos) == line:
            return pos
        lo = int(np.searchsorted(self._sorted, _U64(digest)))
        while lo < len(self._sorted) and int(self._sorted[lo]) == digest:
            if self._lookup(int(self._where[lo])) == line:
                return int(self._where[lo])
            lo += 1
        return None

    def add(self, digest: int, pos: int) -> None:
        if digest in self._recent:  # a hash collision of two different ids: keep both
            self._merge()
        self._recent[digest] = pos
        if len(self._recent) >= self._merge_every:
            self._merge()

    def _merge(self) -> None:
        if not self._recent:
            return
        keys = np.fromiter(self._recent.keys(), dtype=_U64, count=len(self._recent))
        where = np.fromiter(self._recent.values(), dtype=np.int64, count=len(self._recent))
        hashes = np.concatenate([self._sorted, keys])
        order = np.argsort(hashes, kind="stable")
        self._sorted, self._where = hashes[order], np.concatenate([self._where, where])[order]
        self._recent = {}

    @property
    def nbytes(self) -> int:
        return int(self._sorted.nbytes + self._where.nbytes) + 120 * len(self._recent)


def replace_file(path: Path, data: bytes) -> None:
    """Write *data* to *path* so that a reader sees the old file or the new one, never half."""
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(path)
