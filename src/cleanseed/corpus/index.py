"""A near-duplicate index that grows across runs: add, query, save, load.

:class:`NearDupIndex` keeps, per document, its band keys, its shingle set (for exact
verification), a digest of that set and the root of its cluster, in numpy arrays that grow in
place. :meth:`NearDupIndex.add` dedups new documents against everything already in the index
and against each other, by the rule of :mod:`cleanseed.corpus.neardup`, so the new documents get the
result one pass over everything would give them. Documents added earlier keep the status they
were given (those results are out), even when a new document links their cluster to an
earlier one. :meth:`~NearDupIndex.save` writes a directory holding
``params.json`` (the parameters, checked on load), the ids as JSON and the arrays as ``.npz``
read back with ``allow_pickle=False``: loading an index never runs code from the file.

Memory grows linearly: ``4 * unique shingles + 8 * bands + 25`` bytes of arrays per document,
plus its id (measured: 1.4 KB of arrays and 1.5 KB of process memory for a 2.6 KB document,
about 630 000 such documents per GB).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any, overload

import numpy as np

from cleanseed import _validate
from cleanseed.corpus import _saved
from cleanseed.corpus._index_base import (
    Positions,
    Prepared,
    Progress,
    RepeatedId,
    check_same,
    iter_pairs,
    prepare,
    prepared_batches,
)
from cleanseed.corpus.minhash import Shingles, _Workspace, permutations
from cleanseed.corpus.neardup import (
    DedupConfig,
    DedupResult,
    Duplicate,
    IdT,
    _gather,
    candidate_pairs,
    exact_pairs,
    removal_targets,
    resolve,
    verify,
)
from cleanseed.document import Document
from cleanseed.errors import InputError, check_text

__all__ = ["NearDupIndex", "index_lock", "iter_pairs"]

FORMAT, VERSION, SHINGLING = _saved.FORMAT, _saved.VERSION, _saved.SHINGLING


class _Column:
    """A numpy array that grows at its end in place (``realloc``; ``mremap`` for big ones)."""

    def __init__(self, dtype: Any, width: int = 0, data: np.ndarray | None = None) -> None:
        shape = (0, width) if width else (0,)
        self._buf = np.empty(shape, dtype=dtype) if data is None else np.array(data, dtype=dtype)

    def __len__(self) -> int:
        return len(self._buf)

    @property
    def data(self) -> np.ndarray:
        return self._buf

    def extend(self, values: np.ndarray) -> None:
        start = len(self._buf)
        self._resize(start + len(values))
        self._buf[start:] = values

    def _resize(self, n: int) -> None:
        try:
            self._buf.resize((n, *self._buf.shape[1:]), refcheck=True)
        except ValueError:  # a view of the buffer is alive somewhere: copy instead
            new = np.zeros((n, *self._buf.shape[1:]), dtype=self._buf.dtype)
            keep = min(n, len(self._buf))
            new[:keep] = self._buf[:keep]
            self._buf = new

    truncate = _resize


class NearDupIndex:
    """Documents seen so far, to dedup new ones against; see the module docstring.

    >>> index = NearDupIndex()
    >>> index.add([("a", "one two three four five six"), ("b", "seven eight nine")]).kept
    ('a', 'b')
    >>> index.add([("c", "One two three four five six!")]).removed["c"].duplicate_of
    'a'
    >>> index.query("seven, eight, nine")
    [('b', 1.0)]
    """

    def __init__(self, config: DedupConfig | None = None) -> None:
        self._config = _validate.config(config, DedupConfig, DedupConfig(), "NearDupIndex")
        self._bands, self._rows = self._config.banding()
        self._ids: list[Hashable] = []
        self._positions: dict[Hashable, int] = {}
        self._keys = _Column(np.uint64, self._bands)
        self._offsets = _Column(np.int64, data=np.zeros(1, dtype=np.int64))
        self._values = _Column(np.uint32)
        self._digests = _Column(np.uint64)
        self._roots = _Column(np.int64)
        # False for an exact copy of an earlier document: it stays out of the LSH buckets
        self._reps = _Column(np.bool_)
        self._sorted: list[tuple[np.ndarray, np.ndarray]] | None = None
        # the data file this index was loaded from or saved as, by folder: a save checks it
        self._saved_as: dict[str, str] = {}

    @property
    def config(self) -> DedupConfig:
        """The parameters, with the bands and rows the index uses filled in."""
        return dataclasses.replace(self._config, bands=self._bands, rows=self._rows)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._positions

    @property
    def nbytes(self) -> int:
        """Bytes held by the index's arrays (the ids, Python objects, come on top)."""
        columns = (self._keys, self._offsets, self._values, self._digests, self._roots,
                   self._reps)
        return sum(c.data.nbytes for c in columns)

    def ids(self) -> Sequence[Hashable]:
        """The ids in the order they were added."""
        return tuple(self._ids)

    def _sets(self) -> Shingles:
        return Shingles(self._offsets.data, self._values.data)

    def _append(self, p: Prepared) -> None:
        for doc_id in p.ids:
            if doc_id in self._positions:
                raise RepeatedId(doc_id, len(self._ids))
            self._positions[doc_id] = len(self._ids)
            self._ids.append(doc_id)
        self._keys.extend(p.keys)
        self._offsets.extend(p.sets.offsets[1:] + self._offsets.data[-1])
        self._values.extend(p.sets.hashes)
        self._digests.extend(p.digests)
        self._roots.extend(np.arange(len(self._roots), len(self._roots) + len(p.ids)))
        self._reps.extend(p.reps)

    def _rollback(self, count: int) -> None:
        for doc_id in self._ids[count:]:
            del self._positions[doc_id]
        del self._ids[count:]
        self._values.truncate(int(self._offsets.data[count]))
        self._offsets.truncate(count + 1)
        for column in (self._keys, self._digests, self._roots, self._reps):
            column.truncate(count)

    @overload
    def add(self, docs: Iterable[tuple[IdT, str]], *,
            progress: Progress | None = None) -> DedupResult[IdT]: ...
    @overload
    def add(self, docs: Iterable[Document], *,
            progress: Progress | None = None) -> DedupResult[str]: ...
    @overload
    def add(self, docs: Iterable[Any], *, progress: Progress | None = None) -> DedupResult[Any]: ...

    def add(self, docs: Iterable[Any], *, progress: Progress | None = None) -> DedupResult[Any]:
        """Add *docs* (``(id, text)`` pairs or Documents) and return which of them are duplicates.

        A new document can be a duplicate of one added before (in this call or an earlier one).
        *progress*, if given, is called with the number of documents of each batch read.
        """
        start = len(self)
        self._sorted = None
        try:
            for p in prepared_batches(docs, self.config, progress):
                self._append(p)
            return self._result(self._resolve(start))
        except BaseException:
            self._rollback(start)
            raise

    def _links(self, start: int) -> tuple[np.ndarray, np.ndarray]:
        """Verified pairs ``(i, j)`` with ``j >= start``: exact copies, then LSH candidates."""
        sets = self._sets()
        exact = exact_pairs(self._digests.data, sets, start=start)
        self._reps.data[exact[:, 1]] = False
        reps = np.flatnonzero(self._reps.data)
        cand = reps[candidate_pairs(self._keys.data[reps], window=self._config.window)]
        cand = cand[cand[:, 1] >= start]
        jac = verify(cand, sets)
        hit = jac >= self._config.threshold
        pairs = np.concatenate([exact, cand[hit]])
        return pairs, np.concatenate([np.ones(len(exact)), jac[hit]])

    def _resolve(self, start: int) -> Positions:
        n = len(self)
        if start == n:
            empty = np.zeros(0, dtype=np.int64)
            return Positions(start, n, empty, empty, np.zeros(0))
        pairs, jac = self._links(start)
        roots = resolve(n, pairs, roots=self._roots.data[:start].copy())
        removed, rjac = removal_targets(roots, pairs, jac, self._sets(), start=start)
        # earlier documents keep the status they were given, but their cluster may have grown
        # into an earlier one: later documents must link to the merged cluster's root
        self._roots.data[:] = roots
        return Positions(start, n, removed, roots[removed], rjac)

    def _result(self, found: Positions) -> DedupResult[Any]:
        ids, roots = self._ids, self._roots.data
        kept = tuple(ids[i] for i in range(found.start, found.stop) if roots[i] == i)
        dups = {ids[i]: Duplicate(ids[i], ids[t], float(j)) for i, t, j in
                zip(found.removed.tolist(), found.targets.tolist(), found.jaccards.tolist(),
                    strict=True)}
        return DedupResult(kept, dups)

    def query(self, text: str) -> list[tuple[Hashable, float]]:
        """Return ``(id, jaccard)`` of indexed documents whose exact Jaccard with *text* is at
        least the threshold, in the order they were added. Of documents with equal shingle sets
        only the first is listed."""
        text = check_text(text, "NearDupIndex.query")
        if not len(self):
            return []
        p = prepare([("", text)], self._config, (self._bands, self._rows), _Workspace(),
                    permutations(self._config.num_perm, self._config.seed))
        mine, keys = p.sets, p.keys[0]
        cands = np.unique(np.concatenate([self._bucket(b, keys[b]) for b in range(self._bands)]))
        if not len(cands):
            return []
        values, owner = _gather(self._sets(), cands)
        counts = np.bincount(owner, minlength=len(cands))
        offsets = np.concatenate([[0, len(mine.hashes)], len(mine.hashes) + np.cumsum(counts)])
        both = Shingles(offsets, np.concatenate([mine.hashes, values]))
        jac = verify(np.stack([np.zeros(len(cands), dtype=np.int64),
                               np.arange(1, len(cands) + 1)], axis=1), both)
        hit = jac >= self._config.threshold
        return [(self._ids[i], float(j)) for i, j in zip(cands[hit].tolist(), jac[hit].tolist(),
                                                          strict=True)]

    def _bucket(self, band: int, key: np.uint64) -> np.ndarray:
        """Representatives sharing *key* in *band* (sorted views built on first use)."""
        if self._sorted is None:
            reps = np.flatnonzero(self._reps.data)
            self._sorted = []
            for b in range(self._bands):
                column = self._keys.data[reps, b]
                order = np.argsort(column, kind="stable")
                self._sorted.append((column[order], reps[order]))
        column, members = self._sorted[band]
        lo, hi = np.searchsorted(column, key, side="left"), np.searchsorted(column, key, "right")
        return members[lo:hi]

    def save(self, path: str | Path, *, overwrite: bool = False) -> None:
        """Write the index to the directory *path* (created if needed), atomically.

        New data files are written first, then ``params.json`` is replaced to point to them,
        then the old ones are removed: an interrupted save leaves the previous index intact.
        The folder is locked meanwhile (see :func:`index_lock`). If it holds an index this one
        was not loaded from (or another run has saved it since), its documents would be lost:
        that is a :class:`ConfigError`, unless *overwrite* says to replace it.
        """
        folder = Path(path)
        with index_lock(folder, notice=False):
            old = _saved.check_unchanged(folder, self._saved_as.get(_folder_key(folder)),
                                         overwrite=overwrite)
            params = {"format": _saved.FORMAT, "version": _saved.VERSION,
                      "shingling": _saved.SHINGLING, "scheme": "affine32", "count": len(self),
                      "config": dataclasses.asdict(self.config)}
            columns = (self._keys, self._offsets, self._values, self._digests, self._roots,
                       self._reps)
            arrays = {name: c.data for name, c in zip(_saved.ARRAYS, columns, strict=True)}
            data = _saved.write_files(folder, arrays, list(self._ids), params)
            _saved.remove_old(folder, old, data)
            self._saved_as[_folder_key(folder)] = data

    @classmethod
    def load(cls, path: str | Path, config: DedupConfig | None = None) -> NearDupIndex:
        """Read an index saved by :meth:`save`; *config*, if given, must match the stored one.

        Every field of ``params.json`` is checked (types, bounds, file names within the folder)
        and the files must agree with each other: a damaged or edited index is an
        :class:`InputError` naming the file, never a traceback or a read outside the folder.
        """
        folder = Path(path)
        params = _saved.read_params(folder)
        stored = _saved.stored_config(params, folder)
        if config is not None:
            check_same(stored, config)
        arrays, ids = _saved.load_files(folder, params)
        index = cls(stored)
        try:
            index._keys = _Column(np.uint64, data=arrays["keys"])
            index._offsets = _Column(np.int64, data=arrays["offsets"])
            index._values = _Column(np.uint32, data=arrays["values"])
            index._digests = _Column(np.uint64, data=arrays["digests"])
            index._roots = _Column(np.int64, data=arrays["roots"])
            index._reps = _Column(np.bool_, data=arrays["reps"])
        except (ValueError, TypeError) as err:
            msg = f"the saved index is damaged: {type(err).__name__}: {err}"
            raise InputError(msg, source=str(folder)) from None
        index._ids = ids
        index._positions = {doc_id: i for i, doc_id in enumerate(index._ids)
                            if isinstance(doc_id, (str, int))}
        _check_arrays(index, params["count"], folder)
        index._saved_as[_folder_key(folder)] = params["arrays"]
        return index


def _folder_key(folder: Path) -> str:
    return os.path.realpath(folder)


#: Hold an index folder for a whole load, add and save: a second run waits (see
#: :func:`cleanseed.corpus._saved.lock`).
index_lock = _saved.lock


def _check_arrays(index: NearDupIndex, count: Any, folder: Path) -> None:
    ok = (isinstance(count, int) and len(index._ids) == count
          and index._keys.data.shape == (count, index._bands)
          and len(index._offsets) == count + 1 and len(index._digests) == count
          and len(index._roots) == count and len(index._reps) == count
          and int(index._offsets.data[-1]) == len(index._values)
          and len(index._positions) == count
          and all(isinstance(i, (str, int)) and not isinstance(i, bool) for i in index._ids))
    if ok and count:
        roots = index._roots.data
        ok = bool((roots >= 0).all() and (roots <= np.arange(count)).all()
                  and (roots[roots] == roots).all() and (np.diff(index._offsets.data) >= 0).all())
    if not ok:
        raise InputError("the saved index is damaged: its files do not agree with each other",
                         source=str(folder))
