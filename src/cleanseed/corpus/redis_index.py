"""A near-duplicate index in Redis, shared by worker processes (requires the ``redis`` extra).

It follows the rule of :mod:`cleanseed.corpus.neardup` and of the on-disk
:class:`~cleanseed.corpus.index.NearDupIndex`:
the same documents added in the same order get the same result.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
from collections.abc import Hashable, Iterable, Iterator
from typing import Any, cast

import numpy as np

from cleanseed import _validate
from cleanseed.corpus._index_base import (
    Prepared,
    Progress,
    batched,
    iter_pairs,
    jaccard,
    prepare,
)
from cleanseed.corpus._saved import SHINGLING, VERSION
from cleanseed.corpus.minhash import _Workspace, permutations, to_lean_minhash
from cleanseed.corpus.neardup import (
    DedupConfig,
    DedupResult,
    Duplicate,
    candidate_pairs,
    exact_pairs,
    verify,
)
from cleanseed.errors import ConfigError, InputError, StorageError, check_text

__all__ = ["RedisNearDupIndex"]


class RedisNearDupIndex:
    """A near-duplicate index in Redis, shared by worker processes (requires ``redis``).

    The band buckets live in datasketch's own Redis storage (``MinHashLSH`` with the same bands and
    rows, fed the :func:`~cleanseed.corpus.minhash.to_lean_minhash` form of the signatures; keys are
    bytes, never pickled). Beside them, under the same prefix, cleanseed keeps each document's
    shingle set (for exact verification), its id, a digest of its set and the parent pointer of its
    cluster. Each batch is checked and inserted under a Redis lock, so the input order is the order
    in which batches take the lock, and the rule is the one of :mod:`cleanseed.corpus.neardup`
    (candidates are all documents sharing a band: no window). A batch that fails leaves the batches
    before it in the index.

    Parameters are stored in Redis on first use and checked by every later client. A server that
    cannot be reached, or refuses a command, is a :class:`StorageError` naming it, as is a
    parent chain that no add writes (one that loops, or points to a later document).
    """

    def __init__(self, name: str, config: DedupConfig | None = None, *, host: str = "127.0.0.1",
                 port: int = 6379, db: int = 0, lock_timeout: float = 600.0) -> None:
        import redis
        from datasketch import MinHashLSH

        if not re.fullmatch(r"[\w.-]+", name, flags=re.ASCII):
            msg = f"an index name is letters, digits, '_', '.' and '-', got {name!r}"
            raise ConfigError(msg)
        self._config = _validate.config(config, DedupConfig, DedupConfig(), "RedisNearDupIndex")
        self._bands, self._rows = self._config.banding()
        self._prefix = f"cleanseed:{name}:"  # every key of the index starts with it
        self._where = f"the Redis index {self._prefix!r} at {host}:{port} (db {db})"
        self._redis: Any = redis.Redis(host=host, port=port, db=db)
        self._lock_timeout = lock_timeout
        with self._reaching():
            self._check_params()
            self._lsh = MinHashLSH(
                num_perm=self._config.num_perm, params=(self._bands, self._rows),
                prepickle=False,
                storage_config={"type": "redis", "basename": f"{self._prefix}lsh".encode(),
                                "redis": {"host": host, "port": port, "db": db}})

    @contextlib.contextmanager
    def _reaching(self) -> Iterator[None]:
        """Turn the Redis client's errors into a StorageError naming the server."""
        import redis

        try:
            yield
        except redis.exceptions.RedisError as exc:
            raise StorageError(f"{self._where}: {type(exc).__name__}: {exc}") from None

    def _key(self, what: str) -> str:
        return self._prefix + what

    def _check_params(self) -> None:
        mine = json.dumps({"version": VERSION, "shingling": SHINGLING,
                           "config": dataclasses.asdict(dataclasses.replace(
                               self._config, bands=self._bands, rows=self._rows))}, sort_keys=True)
        self._redis.set(self._key("params"), mine, nx=True)
        stored = self._redis.get(self._key("params"))
        if stored is not None and stored.decode("utf-8") != mine:
            msg = (f"the Redis index {self._prefix!r} was built with other parameters: "
                   f"{stored.decode('utf-8')}")
            raise ConfigError(msg)

    def __len__(self) -> int:
        with self._reaching():
            return int(self._redis.hlen(self._key("ids")))

    def drop(self) -> None:
        """Delete every key of this index from Redis."""
        with self._reaching():
            keys = list(self._redis.scan_iter(match=self._prefix + "*", count=1000))
            for i in range(0, len(keys), 1000):
                self._redis.delete(*keys[i : i + 1000])

    def _sets_of(self, seqs: list[int]) -> dict[int, np.ndarray]:
        raw = self._redis.hmget(self._key("sets"), seqs) if seqs else []
        return {s: np.frombuffer(v, dtype=np.uint32) for s, v in zip(seqs, raw, strict=True)
                if v is not None}

    def _root(self, seq: int, cache: dict[int, int]) -> int:
        """The root of *seq*'s cluster. A parent is never a later document (a root is the first
        of its cluster), so the chain ends; a stored one that does not is damage."""
        path = []
        while seq not in cache:
            raw = self._redis.hget(self._key("parent"), seq)
            parent = int(raw) if raw is not None and raw.isdigit() else None
            if parent is None or parent > seq:
                msg = f"{self._where} is damaged: document {seq} has the parent {raw!r}, " \
                      "which no add writes"
                raise StorageError(msg)
            if parent == seq:
                cache[seq] = seq
                break
            path.append(seq)
            seq = parent
        for s in path:
            cache[s] = cache[seq]
        return cache[seq]

    def add(self, docs: Iterable[Any], *, progress: Progress | None = None) -> DedupResult[Any]:
        """Add *docs* and return which of them are duplicates (of any document in Redis)."""
        kept: list[Hashable] = []
        removed: dict[Hashable, Duplicate] = {}
        work = _Workspace()
        perms = permutations(self._config.num_perm, self._config.seed)
        for batch in batched(iter_pairs(docs)):
            prepared = prepare(batch, self._config, (self._bands, self._rows), work, perms)
            with self._reaching(), self._redis.lock(self._key("lock"),
                                                    timeout=self._lock_timeout):
                result = self._add_batch(prepared)
            kept.extend(result.kept)
            removed.update(result.removed)
            if progress is not None:
                progress(len(batch))
        return DedupResult(tuple(kept), removed)

    def _lean(self, p: Prepared, i: int) -> Any:
        signatures = cast(np.ndarray, p.signatures)  # always computed here: prepare() made p
        return to_lean_minhash(signatures[i], seed=self._config.seed)

    def _add_batch(self, p: Prepared) -> DedupResult[Any]:
        ids_json = [json.dumps(i) for i in p.ids]
        if len(set(ids_json)) < len(ids_json) or any(self._redis.hmget(self._key("seq_of"),
                                                                        ids_json)):
            msg = "an id occurs twice (ids must be unique across the index)"
            raise InputError(msg, field="id")
        n = len(p.ids)
        base = int(self._redis.incrby(self._key("seq"), n)) - n
        links, sets = self._store_links(p, base)
        for i, j in exact_pairs(p.digests, p.sets).tolist():
            links.append((base + i, base + j, 1.0))
            p.reps[j] = False
        reps = np.flatnonzero(p.reps)
        pairs = reps[candidate_pairs(p.keys[reps], window=n)]
        jac = verify(pairs, p.sets)
        links += [(base + i, base + j, x)
                  for (i, j), x in zip(pairs.tolist(), jac.tolist(), strict=True)
                  if x >= self._config.threshold]
        for i in range(n):
            sets[base + i] = p.sets.doc(i)
        return self._commit(p, base, links, sets, ids_json)

    def _store_links(self, p: Prepared, base: int) -> tuple[list[tuple[int, int, float]],
                                                             dict[int, np.ndarray]]:
        """Verified links from the batch to documents already in Redis."""
        raw = self._redis.hmget(self._key("digests"), [int(d) for d in p.digests.tolist()])
        firsts = {i: int(v) for i, v in enumerate(raw) if v is not None}
        sets = self._sets_of(sorted(set(firsts.values())))
        links = []
        queries = {}
        for i in range(len(p.ids)):
            first = firsts.get(i)
            if first in sets and np.array_equal(sets[first], p.sets.doc(i)):
                links.append((first, base + i, 1.0))  # an exact copy: no need to ask the LSH
                p.reps[i] = False
            else:
                queries[i] = [int(k) for k in self._lsh.query(self._lean(p, i))]
        sets.update(self._sets_of(sorted({s for seqs in queries.values() for s in seqs})))
        for i, seqs in queries.items():
            for s in seqs:
                x = jaccard(p.sets.doc(i), sets[s]) if s in sets else 0.0
                if x >= self._config.threshold:
                    links.append((s, base + i, x))
        return links, sets

    def _commit(self, p: Prepared, base: int, links: list[tuple[int, int, float]],
                sets: dict[int, np.ndarray], ids_json: list[str]) -> DedupResult[Any]:
        stored: dict[int, int] = {}  # roots of documents already in Redis
        parent = {base + i: base + i for i in range(len(p.ids))}

        def find(s: int) -> int:
            if s < base:
                s = self._root(s, stored)
                parent.setdefault(s, s)
            while parent[s] != s:
                s = parent[s]
            return s

        for a, b, _ in links:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        roots = [find(base + i) for i in range(len(p.ids))]
        sets.update(self._sets_of(sorted({r for r in roots if r not in sets})))
        need = sorted({r for r in roots if r < base})
        names = dict(zip(need, self._redis.hmget(self._key("ids"), need) if need else [],
                         strict=True))
        known = {(a, b): x for a, b, x in links}
        pipe = self._redis.pipeline()
        for s in [s for s in parent if s < base and parent[s] != s]:
            pipe.hset(self._key("parent"), s, find(s))  # a cluster merged into an earlier one
        kept, removed = [], {}
        for i, root in enumerate(roots):
            seq = base + i
            pipe.hset(self._key("sets"), seq, sets[seq].tobytes())
            pipe.hset(self._key("ids"), seq, ids_json[i])
            pipe.hset(self._key("seq_of"), ids_json[i], seq)
            pipe.hset(self._key("parent"), seq, root)
            pipe.hsetnx(self._key("digests"), int(p.digests[i]), seq)
            if root == seq:
                kept.append(p.ids[i])
                continue
            x = known.get((root, seq))
            x = jaccard(sets[seq], sets[root]) if x is None else x
            other = p.ids[root - base] if root >= base else json.loads(names[root])
            removed[p.ids[i]] = Duplicate(p.ids[i], other, x)
        pipe.execute()
        with self._lsh.insertion_session() as session:
            for i in np.flatnonzero(p.reps).tolist():
                session.insert(str(base + i).encode(), self._lean(p, i),
                               check_duplication=False)
        return DedupResult(tuple(kept), removed)

    def query(self, text: str) -> list[tuple[Hashable, float]]:
        """Return ``(id, jaccard)`` of stored documents at or above the threshold with *text*."""
        p = prepare([("", check_text(text, "RedisNearDupIndex.query"))], self._config,
                      (self._bands, self._rows), _Workspace(),
                      permutations(self._config.num_perm, self._config.seed))
        with self._reaching():
            return self._query(p)

    def _query(self, p: Prepared) -> list[tuple[Hashable, float]]:
        seqs = sorted(int(k) for k in self._lsh.query(self._lean(p, 0)))
        sets = self._sets_of(seqs)
        hits = [(s, jaccard(p.sets.doc(0), v)) for s, v in sorted(sets.items())]
        hits = [(s, x) for s, x in hits if x >= self._config.threshold]
        names = self._redis.hmget(self._key("ids"), [s for s, _ in hits]) if hits else []
        return [(json.loads(v), x) for (_, x), v in zip(hits, names, strict=True)]
