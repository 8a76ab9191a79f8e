"""The corpus stage: near-duplicate documents and lines recurring across documents.

:mod:`~cleanseed.corpus.minhash` builds shingle sets and datasketch-compatible signatures;
:mod:`~cleanseed.corpus.neardup` the steps of the dedup (banding, verified candidates,
keep-first clusters); :mod:`~cleanseed.corpus.index` the index that runs them and grows across
runs, :mod:`~cleanseed.corpus.disk_index` the same in a folder, in bounded memory;
:mod:`~cleanseed.corpus.budget` :func:`dedup_documents`, in memory when it fits and on disk
when not; :mod:`~cleanseed.corpus.redis_index` the same in Redis;
:mod:`~cleanseed.corpus.site` lines recurring across the documents of a site.
"""

from __future__ import annotations

from cleanseed.corpus.budget import dedup_documents
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.minhash import minhash_signatures, shingle_hashes, to_lean_minhash
from cleanseed.corpus.neardup import DedupConfig, DedupResult, Duplicate
from cleanseed.corpus.redis_index import RedisNearDupIndex
from cleanseed.corpus.site import RecurringLines, find_recurring, strip_site_boilerplate

__all__ = [
    "DedupConfig",
    "DedupResult",
    "Duplicate",
    "NearDupIndex",
    "RecurringLines",
    "RedisNearDupIndex",
    "dedup_documents",
    "find_recurring",
    "minhash_signatures",
    "shingle_hashes",
    "strip_site_boilerplate",
    "to_lean_minhash",
]
