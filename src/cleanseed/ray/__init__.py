"""cleanseed on Ray Data: clean and de-duplicate a corpus across a cluster, same answers as local.

Install with ``pip install 'cleanseed[ray]'``.

>>> import ray                                                          # doctest: +SKIP
>>> import cleanseed.ray as cr                                          # doctest: +SKIP
>>> with cr.local_cluster(num_cpus=4):                                  # doctest: +SKIP
...     ds = ray.data.read_parquet("corpus/")
...     ds = cr.clean(ds, text_column="text")
...     ds = cr.dedup(ds, text_column="text", id_column="id", threshold=0.8)
...     ds.write_parquet("clean/")

:func:`clean` runs a cleanseed pipeline in ``map_batches``; :func:`dedup` keeps exactly the rows
``cleanseed.dedup_documents`` keeps for the same rows in the same order (:func:`find_duplicates`
also returns the removed rows, each with the kept id it duplicates and the Jaccard of the pair).

Ray is imported only when a function here needs it, so that :func:`local_cluster` can set the
environment Ray reads at import time (see :mod:`cleanseed.ray._cluster`). No function here starts
a cluster behind the caller's back: start one with :func:`local_cluster` or join one with
:func:`connect` (or ``ray.init(address=...)``) first.

On a multi-node cluster, every node needs the same Python with ``cleanseed[ray]`` installed (or
ship it with ``runtime_env={"py_modules": [...]}``), and inputs and outputs on storage every node
reads (S3, GCS, NFS): a local path means a different file on each node. ``dedup`` holds the whole
corpus in the object store once (spilling to disk beyond it) plus each document's shingle set
(about 4 bytes per distinct 5-gram) and band keys (8 bytes per band); each of its five shuffles
moves the sets once. Its cost grows linearly with the corpus and with the candidate pairs (the
near-duplicates), and the driver holds ``blocks x partitions`` object references per shuffle.
"""

from __future__ import annotations

import importlib.util

if importlib.util.find_spec("ray") is None or importlib.util.find_spec("pyarrow") is None:
    _MISSING = ("cleanseed.ray needs Ray Data and pyarrow, which are an optional extra: "
                "pip install 'cleanseed[ray]'")
    raise ImportError(_MISSING)

from cleanseed.ray._blocks import rows_per_block
from cleanseed.ray._clean import clean
from cleanseed.ray._cluster import ClusterInfo, connect, local_cluster
from cleanseed.ray._dedup import Duplicates, dedup, find_duplicates
from cleanseed.ray._io import format_of, read, write

__all__ = [
    "ClusterInfo",
    "Duplicates",
    "clean",
    "connect",
    "dedup",
    "find_duplicates",
    "format_of",
    "local_cluster",
    "read",
    "rows_per_block",
    "write",
]
