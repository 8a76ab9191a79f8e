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
import json
import secrets
import zipfile
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cleanseed import _validate
from cleanseed.corpus.minhash import (
    Shingles,
    _shingle_batch,
    _Workspace,
    batches,
    permutations,
    signatures_from_shingles,
)
from cleanseed.corpus.neardup import (
    DedupConfig,
    DedupResult,
    Duplicate,
    _gather,
    band_keys,
    candidate_pairs,
    dedup_config,
    exact_pairs,
    removal_targets,
    resolve,
    set_digests,
    unique_sets,
    verify,
)
from cleanseed.document import as_document
from cleanseed.errors import ConfigError, InputError, InputTypeError, check_text
from cleanseed.records.writers import atomic_writer

__all__ = ["NearDupIndex", "dedup_documents", "iter_pairs"]

FORMAT, VERSION = "cleanseed.NearDupIndex", 1
#: Changes whenever shingles or band keys of a text would change: such an index must be rebuilt.
SHINGLING = "cleanseed-words-1"
_BATCH_CHARS = 1 << 19  # characters per batch: about 250 documents of 2 KB
Progress = Callable[[int], object]


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


def iter_pairs(docs: Iterable[Any]) -> Iterator[tuple[Hashable, str]]:
    """Yield ``(id, text)`` from ``(id, text)`` pairs or :class:`cleanseed.Document` objects."""
    for i, item in enumerate(docs):
        doc = as_document(item, i)
        doc_id, text = doc.id, doc.text
        if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            msg = f"item {i}: an id must be a str or an int, got {type(doc_id).__name__}"
            raise InputTypeError(msg)
        yield doc_id, check_text(text, f"item {i} (id {doc_id!r})")


def _batches(pairs: Iterator[tuple[Hashable, str]]) -> Iterator[list[tuple[Hashable, str]]]:
    """*pairs* in batches of about ``_BATCH_CHARS`` characters of text."""
    return batches(pairs, _text_length, _BATCH_CHARS)


def _text_length(pair: tuple[Hashable, str]) -> int:
    return len(pair[1])


class _Prepared:
    """A batch's ids and everything computed from its texts, before any index is touched."""

    def __init__(self, batch: list[tuple[Hashable, str]], config: DedupConfig,
                 banding: tuple[int, int], work: _Workspace, perms: np.ndarray) -> None:
        self.ids = [doc_id for doc_id, _ in batch]
        shingles = _shingle_batch([text for _, text in batch], config.ngram, work)
        self.sets = unique_sets(shingles)
        self.signatures = signatures_from_shingles(shingles, perms, _work=work)
        self.keys = band_keys(self.signatures, *banding)
        self.digests = set_digests(self.sets)
        self.reps = np.ones(len(batch), dtype=bool)  # not an exact copy of an earlier document


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique arrays (two empty ones: 1.0)."""
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union if union else 1.0


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

    def _append(self, p: _Prepared) -> None:
        for doc_id in p.ids:
            if doc_id in self._positions:
                msg = f"id {doc_id!r} occurs twice (ids must be unique across the index)"
                raise InputError(msg, field="id")
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

    def add(self, docs: Iterable[Any], *, progress: Progress | None = None) -> DedupResult:
        """Add *docs* (``(id, text)`` pairs or Documents) and return which of them are duplicates.

        A new document can be a duplicate of one added before (in this call or an earlier one).
        *progress*, if given, is called with the number of documents of each batch read.
        """
        start = len(self)
        self._sorted = None
        work = _Workspace()
        perms = permutations(self._config.num_perm, self._config.seed)
        try:
            for batch in _batches(iter_pairs(docs)):
                self._append(_Prepared(batch, self._config, (self._bands, self._rows), work,
                                       perms))
                if progress is not None:
                    progress(len(batch))
            return self._resolve(start)
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

    def _resolve(self, start: int) -> DedupResult:
        if start == len(self):
            return DedupResult(())
        pairs, jac = self._links(start)
        roots = resolve(len(self), pairs, roots=self._roots.data[:start].copy())
        removed, rjac = removal_targets(roots, pairs, jac, self._sets(), start=start)
        # earlier documents keep the status they were given, but their cluster may have grown
        # into an earlier one: later documents must link to the merged cluster's root
        self._roots.data[:] = roots
        ids = self._ids
        kept = tuple(ids[i] for i in range(start, len(ids)) if roots[i] == i)
        dups = {ids[i]: Duplicate(ids[i], ids[roots[i]], float(j))
                for i, j in zip(removed.tolist(), rjac.tolist(), strict=True)}
        return DedupResult(kept, dups)

    def query(self, text: str) -> list[tuple[Hashable, float]]:
        """Return ``(id, jaccard)`` of indexed documents whose exact Jaccard with *text* is at
        least the threshold, in the order they were added. Of documents with equal shingle sets
        only the first is listed."""
        text = check_text(text, "NearDupIndex.query")
        if not len(self):
            return []
        p = _Prepared([("", text)], self._config, (self._bands, self._rows), _Workspace(),
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

    def save(self, path: str | Path) -> None:
        """Write the index to the directory *path* (created if needed), atomically.

        New data files are written first, then ``params.json`` is replaced to point to them,
        then the old ones are removed: an interrupted save leaves the previous index intact.
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        old = _read_params(folder) if (folder / "params.json").exists() else None
        tag = secrets.token_hex(4)
        data, ids = f"arrays-{tag}.npz", f"ids-{tag}.json"
        with atomic_writer(folder / data) as fh:
            np.savez(fh, keys=self._keys.data, offsets=self._offsets.data,
                     values=self._values.data, digests=self._digests.data,
                     roots=self._roots.data, reps=self._reps.data)
        with atomic_writer(folder / ids) as fh:
            fh.write(json.dumps(self._ids, ensure_ascii=False).encode("utf-8"))
        params = {"format": FORMAT, "version": VERSION, "shingling": SHINGLING,
                  "scheme": "affine32", "count": len(self), "arrays": data, "ids": ids,
                  "config": dataclasses.asdict(self.config)}
        with atomic_writer(folder / "params.json") as fh:
            fh.write(json.dumps(params, indent=2).encode("utf-8") + b"\n")
        if old is not None:
            for name in {old.get("arrays"), old.get("ids")} - {data, ids}:
                if isinstance(name, str) and "/" not in name:
                    (folder / name).unlink(missing_ok=True)

    @classmethod
    def load(cls, path: str | Path, config: DedupConfig | None = None) -> NearDupIndex:
        """Read an index saved by :meth:`save`; *config*, if given, must match the stored one."""
        folder = Path(path)
        params = _read_params(folder)
        stored = _stored_config(params, folder)
        if config is not None:
            _check_same(stored, config)
        index = cls(stored)
        try:
            with np.load(folder / str(params["arrays"]), allow_pickle=False) as arrays:
                index._keys = _Column(np.uint64, data=arrays["keys"])
                index._offsets = _Column(np.int64, data=arrays["offsets"])
                index._values = _Column(np.uint32, data=arrays["values"])
                index._digests = _Column(np.uint64, data=arrays["digests"])
                index._roots = _Column(np.int64, data=arrays["roots"])
                index._reps = _Column(np.bool_, data=arrays["reps"])
            ids = json.loads((folder / str(params["ids"])).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as err:
            msg = f"the saved index is damaged: {type(err).__name__}: {err}"
            raise InputError(msg, source=str(folder)) from None
        index._ids = ids if isinstance(ids, list) else []
        index._positions = {doc_id: i for i, doc_id in enumerate(index._ids)
                            if isinstance(doc_id, (str, int))}
        _check_arrays(index, params.get("count"), folder)
        return index


def _read_params(folder: Path) -> dict[str, Any]:
    where = str(folder / "params.json")
    try:
        params = json.loads((folder / "params.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = "no saved index here (params.json is missing)"
        raise InputError(msg, source=str(folder)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"not valid JSON: {err}", source=where) from None
    if not isinstance(params, dict) or params.get("format") != FORMAT:
        raise InputError(f"not a {FORMAT} parameter file", source=where)
    if params.get("version") != VERSION or params.get("shingling") != SHINGLING:
        msg = (f"saved by another version (format {params.get('version')!r}, shingling "
               f"{params.get('shingling')!r}); rebuild the index with this one")
        raise ConfigError(f"{where}: {msg}")
    return params


def _stored_config(params: dict[str, Any], folder: Path) -> DedupConfig:
    fields = {f.name for f in dataclasses.fields(DedupConfig)}
    raw = params.get("config")
    if not isinstance(raw, dict) or set(raw) != fields:
        raise InputError("the stored parameters are incomplete", source=str(folder))
    return DedupConfig(**raw)


def _check_same(stored: DedupConfig, wanted: DedupConfig) -> None:
    mine = dataclasses.asdict(wanted)
    if not wanted.bands:
        mine["bands"], mine["rows"] = wanted.banding()
    theirs = dataclasses.asdict(stored)
    diff = [f"{k}: index has {theirs[k]!r}, asked for {mine[k]!r}"
            for k in theirs if theirs[k] != mine[k]]
    if diff:
        raise ConfigError("the saved index was built with other parameters: " + "; ".join(diff))


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


def dedup_documents(docs: Iterable[Any], *, threshold: float | None = None,
                    config: DedupConfig | None = None) -> DedupResult:
    """Find near-duplicate documents; keep the first of each cluster (the rule of
    :mod:`cleanseed.corpus.neardup`).

    *docs* are ``(id, text)`` pairs or :class:`cleanseed.Document` objects; ids are str or int.
    Give ``threshold=`` (Jaccard, 0.8 when neither is given) or a whole ``config=``, not both.

    >>> r = dedup_documents([("a", "the cat sat on the mat today"), ("b", "pigs can fly"),
    ...                      ("c", "The cat sat on the mat, today!")])
    >>> r.kept, r.removed["c"]
    (('a', 'b'), Duplicate(id='c', duplicate_of='a', jaccard=1.0))
    """
    return NearDupIndex(dedup_config(threshold, config, "dedup_documents")).add(docs)
