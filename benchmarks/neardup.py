"""Near-duplicate detection on a labelled synthetic corpus: quality, then scale.

Quality (default): a corpus of originals and variants (words replaced, sentences swapped,
headers and footers added, ends cut off) whose true Jaccard is computed here from word 5-gram
strings, independently of cleanseed's hashing. Reported:

* candidate recall: share of true pairs (Jaccard >= threshold) that share a band, for
  cleanseed's banding and for datasketch's ``MinHashLSH`` defaults (fed the same signatures as
  ``LeanMinHash``), as a function of the true Jaccard;
* precision / recall / F1 of the removed documents and of the (removed, kept) pairs, against the
  same keep-first union-find rule applied to the true Jaccards.

Scale (``--scale N``): N documents streamed from the generator into the in-memory index; time
(wall and CPU, generation excluded) and peak memory (max RSS) of the process.

Scale through the command line (``--scale N --cli``): the N documents are written once to
``benchmarks/_work/`` as ``.jsonl.gz``, then ``cleanseed dedup`` runs on them in a child
process with ``--memory`` (default 4G; several budgets, comma-separated, run one after the
other and must give the same output): wall and CPU time, its peak RSS (its own high-water
mark, sampled each second), the peak memory of its
process tree (the sum of its PSS, sampled), the peak disk used by its work folder, and the
fingerprint (SHA-256 of kept ids and removed -> kept pairs) of its output. ``--check S`` also
dedups the first S documents through the command line at ``--check-memory`` (default 64M, so
on disk) and with the in-memory index, and says whether the two fingerprints agree.

    python benchmarks/neardup.py [--docs 20000] [--threshold 0.8]
    python benchmarks/neardup.py --scale 100000
    python benchmarks/neardup.py --scale 1000000 --cli --memory 4G,1G --check 100000
    python benchmarks/neardup.py --datatrove --docs 30000
    python benchmarks/neardup.py --datatrove --docs 1000000 --datatrove-banding default \
        --datatrove-workers 2

``--datatrove`` runs ``cleanseed dedup`` and datatrove's four MinHash stages on the labelled
corpus (see ``benchmarks/_datatrove.py``, which needs the ``bench`` extra): time, memory, and
how their removals agree, with each other and with the labels.

Nothing is sent over the network.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus

from cleanseed.corpus.budget import dedup_documents
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.minhash import minhash_signatures, to_lean_minhash
from cleanseed.corpus.neardup import (
    DedupConfig,
    band_keys,
    candidate_pairs,
)


def true_pairs(corpus: _corpus.Corpus) -> dict[tuple[int, int], float]:
    """True Jaccard of every pair inside a generated cluster (other pairs share ~no 5-gram)."""
    members: dict[int, list[int]] = {}
    for i, c in enumerate(corpus.cluster.tolist()):
        if c >= 0:
            members.setdefault(c, []).append(i)
    out = {}
    for docs in members.values():
        sets = {i: _corpus.shingle_set(corpus.texts[i]) for i in docs}
        for i, j in combinations(sorted(docs), 2):
            out[(i, j)] = _corpus.jaccard(sets[i], sets[j])
    return out


def keep_first(n: int, links: list[tuple[int, int]]) -> np.ndarray:
    """Roots of a plain union-find where the earliest document of a cluster is the root."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return np.array([find(i) for i in range(n)])


def prf(found: set[object], truth: set[object]) -> str:
    hit = len(found & truth)
    p = hit / len(found) if found else 1.0
    r = hit / len(truth) if truth else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  ({len(found)} found, {len(truth)} true)"


def candidate_recall(corpus: _corpus.Corpus, truth: dict[tuple[int, int], float],
                     config: DedupConfig) -> None:
    sig = minhash_signatures(corpus.texts, num_perm=config.num_perm, seed=config.seed)
    bands, rows = config.banding()
    ours = {tuple(p) for p in candidate_pairs(band_keys(sig, bands, rows)).tolist()}
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
    leans = [to_lean_minhash(s, seed=config.seed) for s in sig]
    for i, m in enumerate(leans):
        lsh.insert(i, m)
    theirs = {(min(i, j), max(i, j)) for i, m in enumerate(leans) for j in lsh.query(m) if i != j}
    print(f"candidate recall of true pairs (cleanseed bands={bands} rows={rows}; "
          f"datasketch MinHashLSH default b={lsh.b} r={lsh.r}):")
    edges = [0.0, 0.5, config.threshold, 0.85, 0.9, 0.95, 1.01]
    for lo, hi in itertools.pairwise(edges):
        pairs = [p for p, j in truth.items() if lo <= j < hi]
        if pairs:
            a = sum(p in ours for p in pairs) / len(pairs)
            b = sum(p in theirs for p in pairs) / len(pairs)
            print(f"  J in [{lo:.2f}, {min(hi, 1.0):.2f}{')' if hi <= 1 else ']'}: {len(pairs):6d} "
                  f"pairs  cleanseed {a:.4f}  datasketch {b:.4f}")
    print(f"  candidate pairs to verify: cleanseed {len(ours)}, datasketch {len(theirs)}")


def quality(args: argparse.Namespace) -> None:
    corpus = _corpus.generate(args.docs, dup_fraction=args.dup_fraction, seed=args.seed)
    config = DedupConfig(threshold=args.threshold)
    truth = true_pairs(corpus)
    print(f"{args.docs} documents, {len(truth)} pairs inside clusters, "
          f"{sum(j >= args.threshold for j in truth.values())} of them at J >= {args.threshold}")
    candidate_recall(corpus, truth, config)
    t0 = time.perf_counter()
    result = dedup_documents(zip(corpus.ids, corpus.texts, strict=True), config=config)
    elapsed = time.perf_counter() - t0
    roots = keep_first(args.docs, [p for p, j in truth.items() if j >= args.threshold])
    index = {doc_id: i for i, doc_id in enumerate(corpus.ids)}
    found_docs = {index[d] for d in result.removed}
    true_docs = {i for i in range(args.docs) if roots[i] != i}
    found_pairs = {(index[d.id], index[d.duplicate_of]) for d in result.removed.values()}
    true_pairs_ = {(i, int(roots[i])) for i in true_docs}
    print(f"dedup_documents: {elapsed:.1f} s; kept {len(result.kept)}, "
          f"removed {len(result.removed)}")
    print(f"  removed documents: {prf(found_docs, true_docs)}")
    print(f"  (removed, kept) pairs: {prf(found_pairs, true_pairs_)}")
    errors = [abs(d.jaccard - _corpus.jaccard(
        _corpus.shingle_set(corpus.texts[index[d.id]]),
        _corpus.shingle_set(corpus.texts[index[d.duplicate_of]]))) for d in result.removed.values()]
    print(f"  reported Jaccard vs true Jaccard: max abs difference {max(errors, default=0):.2e}")


def scale(args: argparse.Namespace) -> None:
    gen_time = [0.0, 0.0]
    source = _corpus.stream(args.scale, dup_fraction=args.dup_fraction, seed=args.seed,
                            sentences=args.sentence_pool)

    def docs() -> Iterator[tuple[str, str]]:
        while True:
            w0, c0 = time.perf_counter(), time.process_time()
            item = next(source, None)
            gen_time[0] += time.perf_counter() - w0
            gen_time[1] += time.process_time() - c0
            if item is None:
                return
            yield item[0], item[1]

    dedup_documents([(0, "warm up the kernels"), (1, "and the imports")])
    base = rss_mb()  # after imports and the numba JIT (about 150 MB): a fixed cost
    w0, c0 = time.perf_counter(), time.process_time()
    index = NearDupIndex(DedupConfig(threshold=args.threshold))
    result = index.add(docs())  # what dedup_documents does, keeping the index to measure it
    wall = time.perf_counter() - w0 - gen_time[0]
    cpu = time.process_time() - c0 - gen_time[1]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.scale} documents: kept {len(result.kept)}, removed {len(result.removed)}")
    print(f"dedup time without generation: wall {wall:.1f} s, CPU {cpu:.1f} s "
          f"({args.scale / wall:.0f} docs/s); generation took {gen_time[0]:.1f} s")
    print(f"memory: RSS {base:.0f} MB before, {rss_mb():.0f} MB after, peak {peak:.0f} MB; "
          f"index arrays {index.nbytes / 1e6:.0f} MB ({index.nbytes / args.scale:.0f} B/doc)")
    per_doc = (peak - base) * 2**20 / args.scale
    print(f"peak growth {per_doc:.0f} B/doc: about {2**30 / per_doc / 1e3:.0f} k documents per GB")


def write_corpus(args: argparse.Namespace, n: int) -> Path:
    """The first *n* generated documents as JSONL.gz (written once, reused after)."""
    import gzip
    import json

    work = Path(__file__).resolve().parent / "_work"
    path = work / f"neardup-{n}-{args.seed}-{args.dup_fraction}.jsonl.gz"
    if not path.exists():
        work.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as fh:
            for doc_id, text, _ in _corpus.stream(n, dup_fraction=args.dup_fraction,
                                                  seed=args.seed,
                                                  sentences=args.sentence_pool):
                fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
        tmp.rename(path)
    return path


def fingerprint_of(kept: Path, removed: Path) -> str:
    import json

    from scale import fingerprint

    ids = [json.loads(line)["id"] for line in kept.open(encoding="utf-8")]
    dups = {}
    for line in removed.open(encoding="utf-8"):
        r = json.loads(line)
        dups[r["id"]] = (r["duplicate_of"], r["jaccard"])
    return fingerprint(ids, dups)


def _folder_bytes(folder: Path) -> int:
    import contextlib

    total = 0
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):  # a file removed while the folder is walked
            total += path.stat().st_size
    return total


def run_cli(args: argparse.Namespace, source: Path, memory: str) -> dict[str, object]:
    """``cleanseed dedup --memory MEMORY`` on *source* in a child process, measured from
    outside: its CPU time (from wait4), its peak RSS (its high-water mark, sampled each second),
    the peak PSS of its process tree, the peak size of its work folder."""
    import os
    import shutil
    import subprocess
    import tempfile
    import threading

    from scale import PeakMemory, proc_kb

    out = Path(tempfile.mkdtemp(prefix="neardup-cli-"))
    work = out / "work"
    work.mkdir()
    cmd = [sys.executable, "-m", "cleanseed.cli", "dedup", str(source), "-o",
           str(out / "kept.jsonl"), "--removed", str(out / "removed.jsonl"), "--memory",
           memory, "--work-dir", str(work), "--threshold", str(args.threshold), "-q"]
    disk, hwm = [0], [0]
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(1.0):
            disk[0] = max(disk[0], _folder_bytes(work))
            hwm[0] = max(hwm[0], proc_kb(child.pid, "status", "VmHWM:"))

    watcher = threading.Thread(target=watch, daemon=True)
    w0 = time.perf_counter()
    child = subprocess.Popen(cmd)
    with PeakMemory(interval=0.5, root=child.pid) as tree:
        watcher.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - w0
        stop.set()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"cleanseed dedup exited with {child.returncode}")
    # the child's own high-water mark, read while it ran (wait4's ru_maxrss also counts this
    # process's memory at the fork, and the last second before exit is not sampled)
    found = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
             "rss_mb": hwm[0] / 1024, "peak_mb": tree.peak / 2**20,
             "disk_mb": disk[0] / 1e6, "input_mb": source.stat().st_size / 1e6,
             "fingerprint": fingerprint_of(out / "kept.jsonl", out / "removed.jsonl")}
    shutil.rmtree(out)
    return found


def in_memory_fingerprint(source: Path, threshold: float) -> str:
    import gzip
    import json

    from scale import fingerprint

    with gzip.open(source, "rt", encoding="utf-8") as fh:
        docs = [(r["id"], r["text"]) for r in map(json.loads, fh)]
    result = NearDupIndex(DedupConfig(threshold=threshold)).add(docs)
    removed = {d.id: (d.duplicate_of, round(d.jaccard, 6)) for d in result.removed.values()}
    return fingerprint(list(result.kept), removed)


def scale_cli(args: argparse.Namespace) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    source = write_corpus(args, args.scale)
    print(f"corpus: {source.name}, {source.stat().st_size / 1e6:.0f} MB compressed "
          f"(ready in wall {time.perf_counter() - t0:.0f} s, CPU {time.process_time() - c0:.0f} s)")
    n = args.scale
    prints = set()
    for memory in args.memory.split(","):
        found = run_cli(args, source, memory)
        prints.add(found["fingerprint"])
        print(f"cleanseed dedup --memory {memory}: {n} documents in wall {found['wall']:.0f} s, "
              f"CPU {found['cpu']:.0f} s ({n / float(found['cpu']):.0f} docs per CPU-second); "
              f"peak RSS {found['rss_mb']:.0f} MB, peak PSS of the process tree "
              f"{found['peak_mb']:.0f} MB; peak disk {found['disk_mb']:.0f} MB "
              f"({float(found['disk_mb']) * 1e6 / n:.0f} B/doc); "
              f"fingerprint {found['fingerprint']}")
    if len(prints) > 1:
        raise SystemExit("the memory budgets gave DIFFERENT results")
    if args.check:
        sample = write_corpus(args, args.check)
        cli = run_cli(args, sample, args.check_memory)["fingerprint"]
        mem = in_memory_fingerprint(sample, args.threshold)
        print(f"first {args.check} documents: command line --memory {args.check_memory} {cli}, "
              f"in-memory index {mem}: " + ("the same" if cli == mem else "DIFFERENT"))
        if cli != mem:
            raise SystemExit(1)


def side_by_side(args: argparse.Namespace) -> None:
    import _datatrove

    _datatrove.check_installed()
    corpus = _corpus.generate(args.docs, dup_fraction=args.dup_fraction, seed=args.seed)
    truth = true_pairs(corpus)
    bands, rows = DedupConfig(threshold=args.threshold).banding()
    print(f"{args.docs} documents, {len(truth)} pairs inside generated clusters, "
          f"{sum(j >= args.threshold for j in truth.values())} of them at J >= "
          f"{args.threshold}; cleanseed's banding {bands} x {rows}, datatrove's default 14 x 8")
    bandings = {"ours": [(bands, rows)], "default": [(14, 8)],
                "both": [(bands, rows), (14, 8)]}[args.datatrove_banding]
    _datatrove.compare(corpus.ids, corpus.texts, truth, args.threshold, bandings,
                       args.datatrove_workers)


def rss_mb() -> float:
    """Resident memory of this process now, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--dup-fraction", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scale", type=int, default=0, help="run the scale test with N docs")
    parser.add_argument("--sentence-pool", type=int, default=500000,
                        help="scale test: draw originals from this many pre-made sentences "
                             "(0: write every sentence afresh, about 3x slower)")
    parser.add_argument("--datatrove", action="store_true",
                        help="cleanseed dedup and datatrove's MinHash dedup side by side")
    parser.add_argument("--datatrove-banding", choices=("both", "ours", "default"),
                        default="both",
                        help="--datatrove: run datatrove with cleanseed's banding for the "
                             "threshold, with its own default (14 x 8), or both (twice the time)")
    parser.add_argument("--datatrove-workers", type=int, default=1, metavar="N",
                        help="--datatrove: write the input as N files and run datatrove's "
                             "stages on N worker processes (its CPU time is summed over them)")
    parser.add_argument("--cli", action="store_true",
                        help="scale test: through cleanseed dedup on a .jsonl.gz, bounded memory")
    parser.add_argument("--memory", default="4G",
                        help="--cli: the memory budget (--memory); several, comma-separated, "
                             "are run one after the other and must give the same result")
    parser.add_argument("--check", type=int, default=0,
                        help="--cli: compare with the in-memory index on the first N documents")
    parser.add_argument("--check-memory", default="64M",
                        help="--check: the budget of that run (default 64M: on disk)")
    args = parser.parse_args(argv)
    if args.datatrove:
        side_by_side(args)
    elif args.scale and args.cli:
        scale_cli(args)
    elif args.scale:
        scale(args)
    else:
        quality(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
