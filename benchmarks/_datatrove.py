"""cleanseed dedup and datatrove's MinHash dedup, side by side, on one labelled corpus.

Used by ``benchmarks/neardup.py --datatrove``. Each contender runs in a child process on the
same JSONL file and writes kept and removed records as JSONL, as a user would run it:

* ``cleanseed dedup IN -o KEPT --removed REMOVED --threshold T``;
* datatrove's four MinHash stages (signatures, buckets, cluster, filter) with a
  ``LocalPipelineExecutor`` each, one worker and one task a stage by default (one a bucket for
  the buckets stage; ``--datatrove-workers N`` writes the input as N files, in order, and runs
  the signature and filter stages as N tasks, every stage on N workers), its default hashing
  (64-bit xxhash, word 5-grams from its English tokenizer, spaCy's), cluster ids saved so
  that clusters can be compared. datatrove has no threshold and does not verify candidates:
  its banding alone decides. It runs twice: with cleanseed's banding for T
  (as many candidates as cleanseed verifies) and with its own default, 14 buckets of 8.

The parent measures each child from outside (CPU and peak RSS from ``wait4``, the peak PSS of
its process tree) and compares what they removed: with each other, and against the labels
(pairs of documents whose true Jaccard of word 5-gram sets reaches T, joined into clusters).

    python benchmarks/_datatrove.py IN_DIR OUT_DIR BANDS ROWS WORKERS   (the datatrove child)
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

Clusters = dict[str, str]  # removed or clustered document -> the cluster's kept document


def run_datatrove(source: Path, out: Path, bands: int, rows: int, workers: int) -> None:
    """The four stages, one after the other, in this process (the child); *source* is the
    folder of input files, which datatrove's reader shares out among the tasks."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers.jsonl import JsonlWriter

    config = MinhashConfig(num_buckets=bands, hashes_per_bucket=rows)
    logs = out / "logs"

    def reader() -> JsonlReader:
        return JsonlReader(str(source), glob_pattern="*.jsonl")

    stages = [
        ([reader(), MinhashDedupSignature(output_folder=str(out / "sigs"), config=config)],
         workers),
        ([MinhashDedupBuckets(input_folder=str(out / "sigs"), output_folder=str(out / "buckets"),
                              config=config)], bands),
        ([MinhashDedupCluster(input_folder=str(out / "buckets"), output_folder=str(out / "ids"),
                              config=config, save_cluster_id=True)], 1),
        ([reader(), MinhashDedupFilter(input_folder=str(out / "ids"), load_cluster_ids=True,
                                       exclusion_writer=JsonlWriter(str(out / "removed"))),
          JsonlWriter(str(out / "kept"))], workers),
    ]
    for k, (pipeline, tasks) in enumerate(stages):
        # "fork": the workers are this process's children, waited for, so their CPU time is in
        # what wait4 reports for it (its default, a fork server, would hide it)
        LocalPipelineExecutor(pipeline=pipeline, tasks=tasks, workers=min(workers, tasks),
                              start_method="fork",
                              logging_dir=str(logs / f"stage{k}")).run()


def _records(path: Path) -> Iterator[dict[str, Any]]:
    files = sorted(path.glob("*.jsonl*")) if path.is_dir() else [path]
    for file in files:
        opener = gzip.open if file.suffix == ".gz" else open
        with opener(file, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def datatrove_clusters(out: Path) -> tuple[set[str], Clusters]:
    """Removed ids, and every clustered document's cluster named by its kept member."""
    kept_of: dict[int, str] = {}
    members: dict[str, int] = {}
    for rec in _records(out / "kept"):
        cid = rec.get("metadata", {}).get("minhash_cluster_id", -1)
        if cid >= 0:
            kept_of[cid] = rec["id"]
            members[rec["id"]] = cid
    removed = set()
    for rec in _records(out / "removed"):
        removed.add(rec["id"])
        members[rec["id"]] = rec["metadata"]["minhash_cluster_id"]
    return removed, {doc: kept_of.get(cid, f"cluster {cid}") for doc, cid in members.items()}


def cleanseed_clusters(removed_file: Path) -> tuple[set[str], Clusters]:
    clusters: Clusters = {}
    for rec in _records(removed_file):
        clusters[rec["id"]] = rec["duplicate_of"]
        clusters.setdefault(rec["duplicate_of"], rec["duplicate_of"])
    return {d for d, k in clusters.items() if d != k}, clusters


def measured(cmd: list[str]) -> dict[str, float]:
    """Run *cmd*; its wall and CPU seconds, peak RSS and peak PSS of its tree, in MB."""
    from scale import PeakMemory

    w0 = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err: list[bytes] = []
    drain = threading.Thread(target=lambda: err.append(child.stderr.read()), daemon=True)
    drain.start()
    with PeakMemory(interval=0.2, root=child.pid) as tree:
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - w0
    drain.join()
    if os.waitstatus_to_exitcode(status):
        sys.stderr.write(b"".join(err).decode(errors="replace")[-3000:])
        raise SystemExit(f"{cmd[:4]}... failed")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024, "pss_mb": tree.peak / 2**20}


def pair_set(clusters: Clusters) -> set[tuple[str, str]]:
    """Pairs of documents in one cluster."""
    groups: dict[str, list[str]] = {}
    for doc, head in clusters.items():
        groups.setdefault(head, []).append(doc)
    return {tuple(sorted(p)) for docs in groups.values() for p in combinations(docs, 2)}


def check_installed() -> None:
    """Stop with the extra to install if datatrove or what its MinHash stages import is missing."""
    import importlib.util

    missing = [m for m in ("datatrove", "spacy", "xxhash", "tokenizers", "orjson")
               if importlib.util.find_spec(m) is None]
    if missing:
        raise SystemExit(f"--datatrove needs {', '.join(missing)}: pip install 'cleanseed[bench]'")


def compare(ids: list[str], texts: list[str], truth_pairs: dict[tuple[int, int], float],
            threshold: float, bandings: list[tuple[int, int]], workers: int = 1) -> None:
    """cleanseed, and datatrove at each of *bandings* on *workers* processes, on the corpus;
    print time, memory and agreement."""
    here = Path(__file__).resolve().parent
    runs: list[tuple[str, dict[str, float], set[str], Clusters]] = []
    with tempfile.TemporaryDirectory(prefix="neardup-datatrove-") as tmp:
        work = Path(tmp)
        source = work / "input"
        source.mkdir()
        files = [source / f"docs-{k:03d}.jsonl" for k in range(workers)]
        share = -(-len(ids) // workers)
        for k, file in enumerate(files):
            with file.open("w", encoding="utf-8") as fh:
                for doc_id, text in zip(ids[k * share:(k + 1) * share],
                                        texts[k * share:(k + 1) * share], strict=True):
                    fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
        m = measured([sys.executable, "-m", "cleanseed.cli", "dedup", *map(str, files), "-o",
                      str(work / "kept.jsonl"), "--removed", str(work / "removed.jsonl"),
                      "--threshold", str(threshold), "-q"])
        runs.append(("cleanseed dedup", m, *cleanseed_clusters(work / "removed.jsonl")))
        for bands, rows in bandings:
            out = work / f"dt-{bands}x{rows}"
            m = measured([sys.executable, str(here / "_datatrove.py"), str(source), str(out),
                          str(bands), str(rows), str(workers)])
            runs.append((f"datatrove, {bands} x {rows}", m, *datatrove_clusters(out)))
    report(ids, truth_pairs, threshold, runs)


def report(ids: list[str], truth_pairs: dict[tuple[int, int], float], threshold: float,
           runs: list[tuple[str, dict[str, float], set[str], Clusters]]) -> None:
    from neardup import keep_first, prf

    n = len(ids)
    for name, m, removed, _ in runs:
        print(f"{name:24s} wall {m['wall']:6.1f} s  CPU {m['cpu']:6.1f} s  "
              f"({n / m['cpu']:6.0f} docs per CPU-second)  peak RSS {m['rss_mb']:5.0f} MB  "
              f"peak PSS of its processes {m['pss_mb']:5.0f} MB  removed {len(removed)}")
    ours = runs[0][2]
    for name, _, theirs, _ in runs[1:]:
        both = ours & theirs
        print(f"removal sets, cleanseed and {name}: {len(both)} removed by both, "
              f"{len(ours - theirs)} by cleanseed only, {len(theirs - ours)} by datatrove only "
              f"(Jaccard {len(both) / max(len(ours | theirs), 1):.4f})")
    roots = keep_first(n, [p for p, j in truth_pairs.items() if j >= threshold])
    true_clusters: Clusters = {}
    for i in range(n):
        if roots[i] != i:
            true_clusters[ids[i]] = true_clusters[ids[roots[i]]] = ids[roots[i]]
    true_removed = {d for d, k in true_clusters.items() if d != k}
    truth = pair_set(true_clusters)
    print(f"against the labels (clusters of true Jaccard >= {threshold}):")
    for name, _, removed, clusters in runs:
        print(f"  {name:24s} removed documents (keep the first): {prf(removed, true_removed)}")
        print(f"  {name:24s} pairs in one cluster:               "
              f"{prf(set(pair_set(clusters)), truth)}")


if __name__ == "__main__":
    run_datatrove(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
                  int(sys.argv[5]))
