"""Dedup within a memory budget: in memory while it fits, on disk when it does not.

:func:`dedup_documents` and ``cleanseed dedup`` (without ``--index``) run on a
:class:`BudgetIndex`. Documents go to an in-memory
:class:`~cleanseed.corpus.index.NearDupIndex` while its estimated peak stays within the budget;
the batch that would pass it moves everything to a
:class:`~cleanseed.corpus.disk_index.DiskIndex` in a temporary folder, which runs the rest
within the budget. Both give the same kept ids, the same removed -> kept pairs and the same
Jaccard: where the work ran shows in time, memory and disk only. A run that fits writes no file.

The estimate of an in-memory run: its arrays (``4 * unique shingles + 8 * bands + 25`` bytes a
document, grown in place) and half as much again (measured peak while resolving: 1.3 to 1.7
times the arrays), about 200 bytes an id (a str in a list and a dict), and 16 MB for the batch
at work. At the default 4 GB that is about 1.8 million documents of 2.6 KB in memory.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import tempfile
from collections.abc import Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, overload

import numpy as np

from cleanseed import _validate
from cleanseed.corpus._index_base import Positions, Prepared, Progress, prepared_batches
from cleanseed.corpus.disk_index import DEFAULT_MEMORY, MIN_MEMORY, DiskIndex
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.minhash import Shingles
from cleanseed.corpus.neardup import DedupConfig, DedupResult, IdT, dedup_config
from cleanseed.document import Document

__all__ = ["BudgetIndex", "dedup_documents"]

_PEAK_PER_ARRAY_BYTE = 1.5
_BYTES_PER_ID = 200
_BATCH_WORK = 16 << 20
_HANDOVER = 1 << 16  # documents a batch when an in-memory index moves to disk


class BudgetIndex:
    """One dedup run within *memory* bytes, in a temporary folder under *work_dir* (default:
    the system's) if it does not fit in memory; see the module docstring. :meth:`add` is
    called once; the folder is removed on :meth:`close`.

    >>> with BudgetIndex() as index:
    ...     found = index.add([("a", "one two three four five"), ("b", "One two three four five")])
    ...     index.result(found).removed["b"].duplicate_of, index.on_disk
    ('a', False)
    """

    def __init__(self, config: DedupConfig | None = None, *, memory: int = DEFAULT_MEMORY,
                 work_dir: str | Path | None = None) -> None:
        _validate.integer("memory", memory, low=MIN_MEMORY)
        self._memory: NearDupIndex | None = NearDupIndex(config)
        self._disk: DiskIndex | None = None
        self._config = self._memory.config
        self._budget, self._work_dir = memory, work_dir
        self._stack = contextlib.ExitStack()
        self._used = False

    @property
    def config(self) -> DedupConfig:
        """The parameters, with the bands and rows filled in."""
        return self._config

    @property
    def on_disk(self) -> bool:
        """Whether the run moved to disk."""
        return self._disk is not None

    def __len__(self) -> int:
        return len(self._disk if self._disk is not None else self._in_memory())

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in (self._disk if self._disk is not None else self._in_memory())

    def _in_memory(self) -> NearDupIndex:
        if self._memory is None:
            raise RuntimeError("the in-memory index has moved to disk")
        return self._memory

    def add(self, docs: Iterable[Any], *, progress: Progress | None = None) -> Positions:
        """Dedup *docs* (``(id, text)`` pairs or Documents); positions are input order."""
        if self._used:
            raise RuntimeError("a BudgetIndex takes one add(): start another for more")
        self._used = True
        batches = prepared_batches(docs, self._config, progress)
        memory = self._in_memory()
        for p in batches:
            if not self._fits(memory, p):
                break
            memory._append(p)
        else:
            return memory._resolve(0)
        del memory
        return self._move(p, batches)

    def _move(self, p: Prepared, batches: Iterator[Prepared]) -> Positions:
        """Hand the in-memory index over to a disk index, batch by batch (it is freed once
        handed over), then go on there with *p* and the rest of *batches*."""
        moved = _handover(self._in_memory())
        self._memory, self._disk = None, self._open_disk()
        return self._disk.add_prepared(itertools.chain(moved, [p], batches))

    def _fits(self, index: NearDupIndex, p: Prepared) -> bool:
        arrays = index.nbytes + p.nbytes
        ids = len(index) + len(p.ids)
        return _PEAK_PER_ARRAY_BYTE * arrays + _BYTES_PER_ID * ids + _BATCH_WORK <= self._budget

    def _open_disk(self) -> DiskIndex:
        folder = tempfile.mkdtemp(prefix="cleanseed-dedup-", dir=self._work_dir)
        self._stack.callback(shutil.rmtree, folder, ignore_errors=True)
        return self._stack.enter_context(DiskIndex(folder, self._config, memory=self._budget))

    def ids(self, positions: Sequence[int] | np.ndarray) -> list[Hashable]:
        """The ids at *positions*."""
        if self._disk is not None:
            return self._disk.ids(positions)
        ids = self._in_memory()._ids
        return [ids[i] for i in np.asarray(positions, dtype=np.int64).tolist()]

    def result(self, found: Positions) -> DedupResult[Any]:
        """*found* as a :class:`DedupResult` of ids."""
        if self._disk is not None:
            return self._disk.result(found)
        return self._in_memory()._result(found)

    def close(self) -> None:
        """Remove the temporary folder, if the run went to disk."""
        self._stack.close()

    def __enter__(self) -> BudgetIndex:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _handover(index: NearDupIndex) -> Iterator[Prepared]:
    """The columns of *index* (not yet resolved) as batches of ``_HANDOVER`` documents."""
    offsets, values = index._offsets.data, index._values.data
    for lo in range(0, len(index), _HANDOVER):
        hi = min(lo + _HANDOVER, len(index))
        sets = Shingles(offsets[lo : hi + 1] - offsets[lo], values[offsets[lo] : offsets[hi]])
        yield Prepared(index._ids[lo:hi], sets, index._keys.data[lo:hi],
                       index._digests.data[lo:hi])


@overload
def dedup_documents(docs: Iterable[tuple[IdT, str]], *, threshold: float | None = None,
                    config: DedupConfig | None = None, memory: int | None = None,
                    work_dir: str | Path | None = None) -> DedupResult[IdT]: ...
@overload
def dedup_documents(docs: Iterable[Document], *, threshold: float | None = None,
                    config: DedupConfig | None = None, memory: int | None = None,
                    work_dir: str | Path | None = None) -> DedupResult[str]: ...
@overload
def dedup_documents(docs: Iterable[Any], *, threshold: float | None = None,
                    config: DedupConfig | None = None, memory: int | None = None,
                    work_dir: str | Path | None = None) -> DedupResult[Any]: ...


def dedup_documents(docs: Iterable[Any], *, threshold: float | None = None,
                    config: DedupConfig | None = None, memory: int | None = None,
                    work_dir: str | Path | None = None) -> DedupResult[Any]:
    """Find near-duplicate documents; keep the first of each cluster (the rule of
    :mod:`cleanseed.corpus.neardup`).

    *docs* are ``(id, text)`` pairs or :class:`cleanseed.Document` objects; ids are str or int.
    Give ``threshold=`` (Jaccard, 0.8 when neither is given) or a whole ``config=``, not both.
    The work runs in memory when its estimated peak fits *memory* bytes (default 4 GB; the
    result comes on top), otherwise in a temporary folder under *work_dir* (default: the
    system's) within that budget, with the same result.

    >>> r = dedup_documents([("a", "the cat sat on the mat today"), ("b", "pigs can fly"),
    ...                      ("c", "The cat sat on the mat, today!")])
    >>> r.kept, r.removed["c"]
    (('a', 'b'), Duplicate(id='c', duplicate_of='a', jaccard=1.0))
    """
    with BudgetIndex(dedup_config(threshold, config, "dedup_documents"),
                     memory=DEFAULT_MEMORY if memory is None else memory,
                     work_dir=work_dir) as index:
        return index.result(index.add(docs))
