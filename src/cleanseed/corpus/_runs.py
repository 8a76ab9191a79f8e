"""Sorted runs of band keys and set digests: how an index on disk extended by a few documents
finds the earlier documents sharing a key with them without reading every key it holds.

A run covers the documents at positions ``lo:hi``. For each band it holds the ``(key,
position)`` of the documents that enter the LSH buckets (not exact copies), and for the set
digests those of every document, each column sorted by key and then by position, in one file
memory-mapped when read: finding a key is a binary search that touches a few pages. Runs cover
consecutive ranges from position 0; documents past the last run (the *tail*) are read from the
columns as before. A commit writes the tail as a new run and merges the two newest runs while
the newest is at least as large as the one before it (as a binary counter carries), so that a
folder holds runs of halving sizes, at most about ``log2`` of the documents over the smallest
commit, and each document is rewritten about that many times over the index's life.

Runs are written and merged one slice of the key space at a time (:func:`~._spill.partitions`):
concatenated in slice order, the sorted slices are the sorted column.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from cleanseed.corpus._spill import Column, partitions, slice_of

__all__ = ["Run", "RunSet", "slices"]

_U64 = np.uint64
_READ = 1 << 22  # values read from a column at a time
_GROUP_BYTES = 48  # bytes of memory per entry while one slice is sorted
_ENTRY = 16  # bytes of a run per entry: a uint64 key and an int64 position
_NAME = re.compile(r"run-[0-9a-f]{8}\.bin")


def slices(column: Column, docs: np.ndarray | None, parts: int, start: int = 0,
           stop: int | None = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """``(keys, positions)`` of each slice of *column* at positions ``start:stop``, positions
    ascending; only the positions where the boolean mask *docs* is true, when given."""
    for part in range(parts):
        keys, where = [np.zeros(0, dtype=_U64)], [np.zeros(0, dtype=np.int64)]
        for first, chunk in column.chunks(_READ, start, stop):
            pos = np.arange(first, first + len(chunk), dtype=np.int64)
            pick = slice_of(chunk, parts) == part
            if docs is not None:
                pick &= docs[first : first + len(chunk)]
            keys.append(chunk[pick])
            where.append(pos[pick])
        yield np.concatenate(keys), np.concatenate(where)


@dataclass(frozen=True)
class Run:
    """Documents ``lo:hi``: ``sizes[c]`` entries of column *c* (the bands, then the digests)
    in the file *name*."""

    name: str
    lo: int
    hi: int
    sizes: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {"file": self.name, "lo": self.lo, "hi": self.hi, "sizes": list(self.sizes)}

    def column(self, folder: Path, c: int) -> tuple[np.ndarray, np.ndarray]:
        """Sorted keys and their positions of column *c*, memory-mapped (read-only)."""
        size = self.sizes[c]
        if not size:
            return np.zeros(0, dtype=_U64), np.zeros(0, dtype=np.int64)
        at = _ENTRY * sum(self.sizes[:c])
        path = folder / self.name
        keys = np.memmap(path, dtype=_U64, mode="r", offset=at, shape=(size,))
        pos = np.memmap(path, dtype=np.int64, mode="r", offset=at + 8 * size, shape=(size,))
        return keys, pos


def parse_runs(raw: object, count: int, columns: int, folder: Path) -> list[Run] | None:
    """The runs a ``params.json`` lists, or None if the list is not one a commit writes
    (names of the form ``run-XXXXXXXX.bin``, consecutive ranges from 0 within *count*, one size
    per column, files of the right length)."""
    if not isinstance(raw, list):
        return None
    runs, lo = [], 0
    for item in raw:
        if not (isinstance(item, dict) and set(item) == {"file", "lo", "hi", "sizes"}):
            return None
        name, a, b, sizes = item["file"], item["lo"], item["hi"], item["sizes"]
        ints = [a, b, *sizes] if isinstance(sizes, list) else [None]
        if (not isinstance(name, str) or not _NAME.fullmatch(name)
                or not all(type(v) is int and v >= 0 for v in ints)
                or a != lo or not a < b <= count or len(sizes) != columns
                or max(sizes) > b - a):
            return None
        run = Run(name, a, b, tuple(sizes))
        try:
            if (folder / name).stat().st_size != _ENTRY * sum(sizes):
                return None
        except OSError:
            return None
        runs.append(run)
        lo = b
    return runs


class RunSet:
    """The runs of an index folder: lookups, and the writes and merges of a commit."""

    def __init__(self, folder: Path, runs: Sequence[Run], budget: int) -> None:
        self._folder, self.runs, self._budget = folder, list(runs), budget

    @property
    def covered(self) -> int:
        """Documents ``0:covered`` are in runs; the rest are the tail."""
        return self.runs[-1].hi if self.runs else 0

    def members(self, c: int, want: np.ndarray, window: int | None,
                ) -> tuple[np.ndarray, np.ndarray]:
        """``(keys, positions)``, positions ascending and unique, of the documents in runs
        whose key in column *c* is one of *want*: of each key's bucket in each run, the first
        member and the last *window* (every member when *window* is None)."""
        keys, where = [np.zeros(0, dtype=_U64)], [np.zeros(0, dtype=np.int64)]
        want = np.asarray(want, dtype=_U64)
        for run in self.runs:
            if not len(want):
                break
            column, pos = run.column(self._folder, c)
            take = _bucket_rows(column, want, window)
            keys.append(np.asarray(column[take]))
            where.append(np.asarray(pos[take]))
            del column, pos
        k, w = np.concatenate(keys), np.concatenate(where)
        w, first = np.unique(w, return_index=True)
        return k[first], w

    def add_tail(self, columns: Sequence[Column], reps: np.ndarray, n: int) -> list[str]:
        """Write documents ``covered:n`` as a new run, then merge the two newest runs while
        the newest is at least as large as the one before it; return the files no longer
        used."""
        if n <= self.covered:
            return []
        run = self._write_tail(columns, reps, self.covered, n)
        self.runs.append(run)
        gone = []
        while len(self.runs) > 1 and _entries(self.runs[-1]) >= _entries(self.runs[-2]):
            a, b = self.runs[-2], self.runs[-1]
            self.runs[-2:] = [self._merge(a, b)]
            gone += [a.name, b.name]
        return gone

    def _new_file(self) -> tuple[str, IO[bytes]]:
        name = f"run-{secrets.token_hex(4)}.bin"
        return name, (self._folder / name).open("xb")

    def _write_tail(self, columns: Sequence[Column], reps: np.ndarray, lo: int,
                    hi: int) -> Run:
        name, fh = self._new_file()
        sizes = []
        with fh:
            for c, column in enumerate(columns):
                mask = reps if c < len(columns) - 1 else None  # the digests: every document
                count = int(reps[lo:hi].sum()) if mask is not None else hi - lo
                parts = partitions(count, _GROUP_BYTES, self._budget)
                sizes.append(_write_sorted(fh, slices(column, mask, parts, lo, hi)))
            _sync(fh)
        return Run(name, lo, hi, tuple(sizes))

    def _merge(self, a: Run, b: Run) -> Run:
        name, fh = self._new_file()
        sizes = []
        with fh:
            for c in range(len(a.sizes)):
                parts = partitions(a.sizes[c] + b.sizes[c], _GROUP_BYTES, self._budget)
                sizes.append(_write_sorted(fh, self._merged_slices(a, b, c, parts)))
            _sync(fh)
        return Run(name, a.lo, b.hi, tuple(sizes))

    def _merged_slices(self, a: Run, b: Run, c: int, parts: int,
                       ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Each key slice of column *c* of runs *a* and *b*, positions ascending (a's first)."""
        cols = [a.column(self._folder, c), b.column(self._folder, c)]
        bits = parts.bit_length() - 1
        for part in range(parts):
            keys, where = [], []
            for column, pos in cols:
                lo, hi = _slice_bounds(column, part, bits)
                keys.append(np.asarray(column[lo:hi]))
                where.append(np.asarray(pos[lo:hi]))
            yield np.concatenate(keys), np.concatenate(where)


def _entries(run: Run) -> int:
    return sum(run.sizes)


def _slice_bounds(column: np.ndarray, part: int, bits: int) -> tuple[int, int]:
    """Where keys whose top *bits* bits are *part* lie in the sorted *column*."""
    if bits == 0:
        return 0, len(column)
    lo = _U64(part << (64 - bits))
    a = int(np.searchsorted(column, lo, side="left"))
    if part == (1 << bits) - 1:
        return a, len(column)
    return a, int(np.searchsorted(column, _U64((part + 1) << (64 - bits)), side="left"))


def _write_sorted(fh: IO[bytes], parts: Iterator[tuple[np.ndarray, np.ndarray]]) -> int:
    """Write the slices' keys sorted (positions ascending within a key), then their positions;
    return the count. Positions are written to a side file and appended after the keys."""
    side = Path(fh.name + ".pos")
    count = 0
    with side.open("w+b") as pos_fh:
        for keys, where in parts:
            order = np.argsort(keys, kind="stable")
            fh.write(keys[order].tobytes())
            pos_fh.write(where[order].astype(np.int64).tobytes())
            count += len(keys)
        pos_fh.seek(0)
        while chunk := pos_fh.read(_READ):
            fh.write(chunk)
    side.unlink()
    return count


def _bucket_rows(column: np.ndarray, want: np.ndarray, window: int | None) -> np.ndarray:
    """Rows of the sorted *column* holding a key of *want*: per key, the first row and the last
    *window* (all rows when *window* is None)."""
    lo = np.searchsorted(column, want, side="left")
    hi = np.searchsorted(column, want, side="right")
    found = hi > lo
    lo, hi = lo[found], hi[found]
    start = lo if window is None else np.maximum(lo + 1, hi - window)
    counts = np.maximum(hi - start, 0)
    rows = np.repeat(start - np.cumsum(counts) + counts, counts)
    rows += np.arange(int(counts.sum()), dtype=np.int64)
    return np.unique(np.concatenate([lo, rows]))


def _sync(fh: IO[bytes]) -> None:
    fh.flush()
    os.fsync(fh.fileno())


def stray_runs(folder: Path, runs: Sequence[Run]) -> list[Path]:
    """Run files (and their side files) in *folder* that no listed run uses: left by a commit
    that stopped half-way."""
    used = {run.name for run in runs}
    return [p for p in folder.glob("run-*") if p.name not in used]
