"""What the corpus indexes share: documents in, batches prepared, parameters checked, positions out.

:class:`~cleanseed.corpus.index.NearDupIndex` (arrays in memory),
:class:`~cleanseed.corpus.disk_index.DiskIndex` (columns in a folder) and
:class:`~cleanseed.corpus.redis_index.RedisNearDupIndex` read documents the same way
(:func:`iter_pairs`, :func:`batched`), compute the same things from a batch of them before any
store is touched (:func:`prepare`), compare stored parameters with the wanted ones the same way
(:func:`check_same`), and report a repeated id the same way (:class:`RepeatedId`). An index
moved from memory to disk mid-run hands its columns over as :class:`Prepared` batches too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, NamedTuple

import numpy as np

from cleanseed.corpus.minhash import (
    Shingles,
    _shingle_batch,
    _Workspace,
    batches,
    permutations,
    signatures_from_shingles,
)
from cleanseed.corpus.neardup import DedupConfig, band_keys, set_digests, unique_sets
from cleanseed.document import as_document
from cleanseed.errors import ConfigError, InputError, InputTypeError, check_many, check_text

_BATCH_CHARS = 1 << 19  # characters per batch: about 250 documents of 2 KB
Progress = Callable[[int], object]


def iter_pairs(docs: Iterable[Any]) -> Iterator[tuple[Hashable, str]]:
    """Yield ``(id, text)`` from ``(id, text)`` pairs or :class:`cleanseed.Document` objects."""
    for i, item in enumerate(check_many(docs, "add", "(id, text) pairs or Documents")):
        doc = as_document(item, i)
        doc_id, text = doc.id, doc.text
        if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            msg = f"item {i}: an id must be a str or an int, got {type(doc_id).__name__}"
            raise InputTypeError(msg)
        yield doc_id, check_text(text, f"item {i} (id {doc_id!r})")


def batched(pairs: Iterator[tuple[Hashable, str]]) -> Iterator[list[tuple[Hashable, str]]]:
    """*pairs* in batches of about ``_BATCH_CHARS`` characters of text."""
    return batches(pairs, _text_length, _BATCH_CHARS)


def _text_length(pair: tuple[Hashable, str]) -> int:
    return len(pair[1])


class Prepared:
    """A batch's ids and what the indexes keep of its texts: shingle sets, band keys, set
    digests; the signatures too when computed from the texts (the Redis index stores them;
    columns handed from one index to another come without)."""

    def __init__(self, ids: list[Hashable], sets: Shingles, keys: np.ndarray,
                 digests: np.ndarray, signatures: np.ndarray | None = None) -> None:
        self.ids, self.sets, self.keys, self.digests = ids, sets, keys, digests
        self.signatures = signatures
        self.reps = np.ones(len(ids), dtype=bool)  # not an exact copy of an earlier document

    @property
    def nbytes(self) -> int:
        """Bytes of the arrays an index keeps of the batch."""
        return int(self.sets.offsets.nbytes + self.sets.hashes.nbytes + self.keys.nbytes
                   + self.digests.nbytes + self.reps.nbytes)


def prepare(batch: list[tuple[Hashable, str]], config: DedupConfig, banding: tuple[int, int],
            work: _Workspace, perms: np.ndarray) -> Prepared:
    """Shingle sets, signatures, band keys and set digests of a batch of ``(id, text)``."""
    shingles = _shingle_batch([text for _, text in batch], config.ngram, work)
    sets = unique_sets(shingles)
    signatures = signatures_from_shingles(shingles, perms, _work=work)
    return Prepared([doc_id for doc_id, _ in batch], sets, band_keys(signatures, *banding),
                    set_digests(sets), signatures)


def prepared_batches(docs: Iterable[Any], config: DedupConfig,
                     progress: Progress | None = None) -> Iterator[Prepared]:
    """*docs* read (:func:`iter_pairs`), batched and prepared; *progress*, if given, is called
    with a batch's size once the consumer has taken it."""
    banding = config.banding()
    work, perms = _Workspace(), permutations(config.num_perm, config.seed)
    for batch in batched(iter_pairs(docs)):
        yield prepare(batch, config, banding, work, perms)
        if progress is not None:
            progress(len(batch))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique arrays (two empty ones: 1.0)."""
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union if union else 1.0


class RepeatedId(InputError):
    """An id added twice; ``position`` is where the second one would have gone."""

    def __init__(self, doc_id: Hashable, position: int) -> None:
        super().__init__(f"id {doc_id!r} occurs twice (ids must be unique across the index)",
                         field="id")
        self.doc_id, self.position = doc_id, position


class Positions(NamedTuple):
    """What an index's ``add`` found, by position (0 = the first document ever added): the new
    documents are ``start:stop``; ``removed`` of them (ascending) duplicate ``targets`` (kept
    documents, maybe older) with exact Jaccard ``jaccards``; the rest are kept."""

    start: int
    stop: int
    removed: np.ndarray
    targets: np.ndarray
    jaccards: np.ndarray


def check_same(stored: DedupConfig, wanted: DedupConfig) -> None:
    """A ConfigError naming every parameter where *wanted* differs from *stored*."""
    mine = dataclasses.asdict(wanted)
    if not wanted.bands:
        mine["bands"], mine["rows"] = wanted.banding()
    theirs = dataclasses.asdict(stored)
    diff = [f"{k}: index has {theirs[k]!r}, asked for {mine[k]!r}"
            for k in theirs if theirs[k] != mine[k]]
    if diff:
        raise ConfigError("the saved index was built with other parameters: " + "; ".join(diff))
