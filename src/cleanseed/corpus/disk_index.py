"""A near-duplicate index on disk: dedup corpora larger than memory, and extend it across runs.

:class:`DiskIndex` keeps what :class:`~cleanseed.corpus.index.NearDupIndex` keeps in numpy
arrays (shingle sets, set digests, band keys, cluster roots, ids) in files of a folder, appends
to them batch by batch, and runs the dedup steps one band and one slice of the key space at a
time (:mod:`cleanseed.corpus._disk_links`), within a memory budget. It gives the same answer
as the in-memory index for the same documents and parameters: the same kept ids, the same
removed -> kept pairs with the same Jaccard.

Memory is bounded by the budget plus about 9 bytes a document (cluster roots and whether a
document is an exact copy, held as arrays) and the ids' 16-byte hashes; disk grows by the
shingle set (4 bytes a distinct shingle), 8 bytes a band and about 40 more a document (1.4 KB
for a document of 2.6 KB at 21 bands).

**Opened again and extended** (:meth:`DiskIndex.add`, :meth:`DiskIndex.query`), a saved
index is never read whole: each commit also writes its documents' band keys and digests as a
sorted run (:mod:`cleanseed.corpus._runs`), and new documents find the earlier ones sharing a
key by binary searches in the memory-mapped runs, then read only the candidates' sets. What is
held in memory is the per-document arrays above (about 25 bytes a document).

**Folder.** ``params.json`` (parameters, the committed document count, the runs), append-only
columns (``values.u32``, ``offsets.i64``, ``digests.u64``, ``band-NN.u64``, ``ids.jsonl`` with
``idpos.i64`` and ``idhash.u64``), the sorted runs ``run-*.bin`` and the last ``roots-*.i64``
and ``reps-*.u8``. A run that
stops before :meth:`DiskIndex.commit` leaves the index as it was: columns are cut back to the
committed count when the folder is opened again. The folder is locked while open: another
process that opens it waits (as ``cleanseed dedup --index`` runs do); a second index on it in
one process is an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import secrets
import tempfile
from collections.abc import Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from cleanseed import _validate
from cleanseed.corpus import _disk_links as links
from cleanseed.corpus import _saved
from cleanseed.corpus._disk_folder import FORMAT, VERSION, is_disk_index, lock_file, read_params
from cleanseed.corpus._index_base import (
    Positions,
    Prepared,
    Progress,
    RepeatedId,
    check_same,
    jaccard,
    prepare,
    prepared_batches,
)
from cleanseed.corpus._runs import RunSet, parse_runs, stray_runs
from cleanseed.corpus._saved import SHINGLING, stored_config
from cleanseed.corpus._spill import Column, IdSet, SortedSpill, id_hash, id_line, replace_file
from cleanseed.corpus.minhash import _Workspace, permutations
from cleanseed.corpus.neardup import DedupConfig, DedupResult, Duplicate
from cleanseed.errors import InputError, check_text

__all__ = [
    "DEFAULT_MEMORY",
    "MIN_MEMORY",
    "DiskIndex",
    "Positions",
    "RepeatedId",
    "is_disk_index",
]

#: The default memory budget: 4 GB.
DEFAULT_MEMORY = 4 << 30
#: The smallest budget taken (tiny budgets are for tests: they slice everything finely).
MIN_MEMORY = 64 << 10


class DiskIndex:
    """Near-duplicate documents across a corpus, held in a folder; see the module docstring.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp, DiskIndex(tmp) as index:
    ...     found = index.add([("a", "one two three four five six"), ("b", "seven eight"),
    ...                        ("c", "One two three four five six!")])
    ...     index.result(found).removed["c"].duplicate_of
    'a'
    """

    def __init__(self, folder: str | Path, config: DedupConfig | None = None, *,
                 memory: int = DEFAULT_MEMORY) -> None:
        _validate.integer("memory", memory, low=MIN_MEMORY)
        self._folder = Path(folder)
        self._held = contextlib.ExitStack()
        # another process's run on the folder is waited for; this process's other index on it
        # is an error (the folder lock is re-entrant within a process, the .lock file is not)
        self._held.enter_context(_saved.lock(self._folder))
        try:
            self._lock = lock_file(self._folder)
        except BaseException:
            self._held.close()
            raise
        self._memory = memory
        try:
            self._open(config)
        except BaseException:
            self.close()
            raise

    def _open(self, config: DedupConfig | None) -> None:
        params = read_params(self._folder)
        stored = None if params is None else stored_config(params, self._folder)
        if stored is not None and config is not None:
            check_same(stored, config)
        self._config = stored or config or DedupConfig()
        self._bands, self._rows = self._config.banding()
        self._count = 0 if params is None else int(params["count"])
        self._open_columns(params)

    # --- the folder ---

    def _open_columns(self, params: dict[str, Any] | None) -> None:
        n, f = self._count, self._folder
        self._offsets = Column(f / "offsets.i64", np.int64, n + 1)
        if n == 0:
            self._offsets.truncate(0)
            self._offsets.append(np.zeros(1, dtype=np.int64))
            self._offsets.flush()
        total = int(self._offsets.read(n, n + 1)[0])
        self._values = Column(f / "values.u32", np.uint32, total)
        self._digests = Column(f / "digests.u64", np.uint64, n)
        self._keys = [Column(f / f"band-{b:02d}.u64", np.uint64, n) for b in range(self._bands)]
        self._idpos = Column(f / "idpos.i64", np.int64, n + 1)
        if n == 0:
            self._idpos.truncate(0)
            self._idpos.append(np.zeros(1, dtype=np.int64))
            self._idpos.flush()
        self._idhash = Column(f / "idhash.u64", np.uint64, n)
        self._ids_end = int(self._idpos.read(n, n + 1)[0])
        with (f / "ids.jsonl").open("ab") as fh:
            fh.truncate(self._ids_end)
        self._pending_ids: list[bytes] = []
        self._roots = np.arange(n, dtype=np.int64)
        self._reps = np.ones(n, dtype=bool)
        if params is not None and n:
            self._roots = np.fromfile(f / str(params["roots"]), dtype=np.int64)
            self._reps = np.fromfile(f / str(params["reps"]), dtype=np.uint8).astype(bool)
            if len(self._roots) != n or len(self._reps) != n:
                raise InputError("the index's files do not agree with each other",
                                 source=str(f))
        self._id_set = IdSet(self._idhash.read(), self._stored_id)
        self._runs = self._open_runs(params)

    def _open_runs(self, params: dict[str, Any] | None) -> RunSet:
        """The committed sorted runs (none in a folder written before runs were kept); run
        files no commit finished are removed."""
        raw = [] if params is None else params.get("runs", [])
        runs = parse_runs(raw, self._count, self._bands + 1, self._folder)
        if runs is None:
            raise InputError("the index's list of sorted runs is damaged",
                             source=str(self._folder / "params.json"))
        for path in stray_runs(self._folder, runs):
            path.unlink(missing_ok=True)
        return RunSet(self._folder, runs, self._memory // 4)

    def _stored_id(self, pos: int) -> bytes:
        flushed = len(self._idhash) - len(self._pending_ids)
        if pos >= flushed:
            return self._pending_ids[pos - flushed][:-1]
        lo, hi = self._idpos.read(pos, pos + 2)
        with (self._folder / "ids.jsonl").open("rb") as fh:
            fh.seek(int(lo))
            return fh.read(int(hi - lo) - 1)  # without its newline

    def ids(self, positions: Sequence[int] | np.ndarray) -> list[Hashable]:
        """The ids at *positions* (flushed documents), read in file order."""
        positions = np.asarray(positions, dtype=np.int64)
        order = np.argsort(positions, kind="stable")
        ends = self._idpos.mapped()
        lo, hi = ends[positions[order]].tolist(), ends[positions[order] + 1].tolist()
        del ends
        out: list[Hashable] = [None] * len(positions)
        with (self._folder / "ids.jsonl").open("rb") as fh:
            for k, a, b in zip(order.tolist(), lo, hi, strict=True):
                fh.seek(a)
                out[k] = json.loads(fh.read(b - a))
        return out

    def iter_ids(self, start: int = 0) -> Iterator[Hashable]:
        """The ids from position *start* on, in order (flushed documents)."""
        lo = int(self._idpos.read(start, start + 1)[0])
        with (self._folder / "ids.jsonl").open("rb") as fh:
            fh.seek(lo)
            for _ in range(start, len(self._idhash)):
                yield json.loads(fh.readline())

    @property
    def config(self) -> DedupConfig:
        """The parameters, with the bands and rows the index uses filled in."""
        return dataclasses.replace(self._config, bands=self._bands, rows=self._rows)

    def __len__(self) -> int:
        return len(self._digests)

    def __contains__(self, doc_id: object) -> bool:
        if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            return False
        line = id_line(doc_id)
        return self._id_set.position(line, id_hash(line)) is not None

    def query(self, text: str) -> list[tuple[Hashable, float]]:
        """Return ``(id, jaccard)`` of indexed documents whose exact Jaccard with *text* is at
        least the threshold, in the order they were added; of documents with equal shingle
        sets only the first is listed (as :meth:`NearDupIndex.query
        <cleanseed.corpus.index.NearDupIndex.query>`).

        The buckets of the text's band keys are binary searches in the sorted runs, plus a read
        of the keys of documents added since the last commit; only the candidates' shingle sets
        are read.
        """
        text = check_text(text, "DiskIndex.query")
        self._flush()
        n, covered = len(self), self._runs.covered
        if not n:
            return []
        p = prepare([("", text)], self._config, (self._bands, self._rows), _Workspace(),
                    permutations(self._config.num_perm, self._config.seed))
        keys = p.keys[0]
        found = [np.zeros(0, dtype=np.int64)]
        for b, column in enumerate(self._keys):
            found.append(self._runs.members(b, keys[b : b + 1], None)[1])
            for first, chunk in column.chunks(1 << 22, covered):
                hit = (chunk == keys[b]) & self._reps[first : first + len(chunk)]
                found.append(np.flatnonzero(hit) + first)
        offsets, values = self._offsets.mapped(), self._values.mapped()
        hits = []
        for i in np.unique(np.concatenate(found)).tolist():
            j = jaccard(p.sets.hashes, np.asarray(values[offsets[i] : offsets[i + 1]]))
            if j >= self._config.threshold:
                hits.append((i, j))
        del offsets, values
        ids = self.ids([i for i, _ in hits])
        return [(doc_id, j) for doc_id, (_, j) in zip(ids, hits, strict=True)]

    # --- adding ---

    def _append(self, p: Prepared) -> None:
        first = len(self)
        for k, doc_id in enumerate(p.ids):
            line = id_line(doc_id)
            digest = id_hash(line)
            if self._id_set.position(line, digest) is not None:
                raise RepeatedId(doc_id, first + k)
            self._id_set.add(digest, first + k)
            self._pending_ids.append(line + b"\n")
            self._ids_end += len(line) + 1
            self._idpos.append(np.array([self._ids_end], dtype=np.int64))
            self._idhash.append(np.array([digest], dtype=np.uint64))
        ends = p.sets.offsets[1:] + len(self._values)
        self._values.append(p.sets.hashes)
        self._offsets.append(ends)
        self._digests.append(p.digests)
        for b, column in enumerate(self._keys):
            column.append(p.keys[:, b])
        if self._buffered() > self._memory // 8:
            self._flush()

    def _buffered(self) -> int:
        columns = [self._values, self._offsets, self._digests, self._idpos, self._idhash,
                   *self._keys]
        return sum(c.buffered_bytes for c in columns) + sum(map(len, self._pending_ids))

    def _flush(self) -> None:
        for column in [self._values, self._offsets, self._digests, self._idpos, self._idhash,
                       *self._keys]:
            column.flush()
        with (self._folder / "ids.jsonl").open("ab") as fh:
            fh.writelines(self._pending_ids)
        self._pending_ids = []

    def add(self, docs: Iterable[Any], *, progress: Progress | None = None) -> Positions:
        """Add *docs* (``(id, text)`` pairs or Documents); return which of them are duplicates.

        Nothing is kept for good until :meth:`commit`; an exception leaves the index as it was.
        """
        return self.add_prepared(prepared_batches(docs, self.config, progress))

    def add_prepared(self, batches: Iterable[Prepared]) -> Positions:
        """:meth:`add` for batches already prepared (as another index hands its columns over)."""
        start = len(self)
        try:
            for p in batches:
                self._append(p)
            self._flush()
            return self._resolve(start)
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        params = read_params(self._folder)
        self._count = 0 if params is None else int(params["count"])
        self._open_columns(params)

    def _resolve(self, start: int) -> Positions:
        n = len(self)
        empty = np.zeros(0, dtype=np.int64)
        if start == n:
            return Positions(start, n, empty, empty, np.zeros(0))
        self._roots = np.concatenate([self._roots, np.arange(len(self._roots), n)])
        self._reps = np.concatenate([self._reps, np.ones(n - len(self._reps), dtype=bool)])
        store = links.SetStore(self._offsets, self._values)
        budget = self._memory // 4
        exact = links.exact_links(self._digests, store, start, budget, self._runs, self._bands)
        self._reps[exact[:, 1]] = False
        with tempfile.TemporaryDirectory(dir=self._folder, prefix=".pairs-") as tmp:
            spill = SortedSpill(Path(tmp), budget)
            links.candidate_codes(self._keys, self._reps, start, self._config.window, spill,
                                  budget, self._runs)
            found, jac = links.verified_links(spill, n, store, self._config.threshold, budget)
        pairs = np.concatenate([exact, found])
        jaccards = np.concatenate([np.ones(len(exact)), jac])
        self._roots = links.components(self._roots, pairs)
        removed = np.flatnonzero(self._roots[start:] != np.arange(start, n)) + start
        targets = self._roots[removed]
        return Positions(start, n, removed, targets,
                         self._target_jaccards(removed, targets, pairs, jaccards, budget))

    def _target_jaccards(self, removed: np.ndarray, targets: np.ndarray, pairs: np.ndarray,
                         jaccards: np.ndarray, budget: int) -> np.ndarray:
        """The exact Jaccard of each removed document with its target: from the verified pairs
        where the pair is one, computed otherwise (a member reached through a chain)."""
        n = len(self)
        codes = pairs[:, 0] * n + pairs[:, 1]
        order = np.argsort(codes)
        codes, jaccards = codes[order], jaccards[order]
        want = targets * n + removed
        at = np.minimum(np.searchsorted(codes, want), max(len(codes) - 1, 0))
        out = np.full(len(removed), np.nan)
        if len(codes):
            hit = codes[at] == want
            out[hit] = jaccards[at[hit]]
        missing = np.isnan(out)
        if missing.any():
            todo = np.stack([targets[missing], removed[missing]], axis=1)
            out[missing] = links.verify_sets(todo, links.SetStore(self._offsets, self._values),
                                             budget)
        return out

    def result(self, found: Positions) -> DedupResult[Any]:
        """*found* as a :class:`DedupResult` of ids (holds every kept id in memory)."""
        removed = set(found.removed.tolist())
        kept = tuple(doc_id for pos, doc_id in enumerate(self.iter_ids(found.start), found.start)
                     if pos not in removed)
        ids = dict(zip(found.removed.tolist(), self.ids(found.removed), strict=True))
        targets = dict(zip(found.targets.tolist(), self.ids(found.targets), strict=True))
        dups = {ids[r]: Duplicate(ids[r], targets[t], float(j)) for r, t, j in
                zip(found.removed.tolist(), found.targets.tolist(), found.jaccards.tolist(),
                    strict=True)}
        return DedupResult(kept, dups)

    # --- committing ---

    def commit(self) -> None:
        """Keep what was added: write the roots, the new documents' sorted run (merged with
        the newest runs as :mod:`~cleanseed.corpus._runs` says) and ``params.json`` that points
        to them."""
        self._flush()
        old = read_params(self._folder)
        tag = secrets.token_hex(4)
        roots, reps = f"roots-{tag}.i64", f"reps-{tag}.u8"
        replace_file(self._folder / roots, self._roots.tobytes())
        replace_file(self._folder / reps, self._reps.astype(np.uint8).tobytes())
        runs = RunSet(self._folder, self._runs.runs, self._memory // 4)
        unused = runs.add_tail([*self._keys, self._digests], self._reps, len(self))
        params = {"format": FORMAT, "version": VERSION, "shingling": SHINGLING,
                  "scheme": "affine32", "count": len(self), "roots": roots, "reps": reps,
                  "config": dataclasses.asdict(self.config),
                  "runs": [run.as_json() for run in runs.runs]}
        replace_file(self._folder / "params.json",
                     json.dumps(params, indent=2).encode("utf-8") + b"\n")
        self._count, self._runs = len(self), runs
        for run_file in unused:
            (self._folder / run_file).unlink(missing_ok=True)
        if old is not None:
            for name in {old.get("roots"), old.get("reps")} - {roots, reps}:
                if isinstance(name, str) and "/" not in name:
                    (self._folder / name).unlink(missing_ok=True)

    def close(self) -> None:
        """Release the folder's locks (uncommitted documents are dropped on the next open)."""
        if not self._lock.closed:
            self._lock.close()
        self._held.close()

    def __enter__(self) -> DiskIndex:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
