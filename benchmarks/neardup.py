"""Near-duplicate detection on a labelled synthetic corpus: quality, then scale.

Quality (default): a corpus of originals and variants (words replaced, sentences swapped,
headers and footers added, ends cut off) whose true Jaccard is computed here from word 5-gram
strings, independently of cleanseed's hashing. Reported:

* candidate recall: share of true pairs (Jaccard >= threshold) that share a band, for
  cleanseed's banding and for datasketch's ``MinHashLSH`` defaults (fed the same signatures as
  ``LeanMinHash``), as a function of the true Jaccard;
* precision / recall / F1 of the removed documents and of the (removed, kept) pairs, against the
  same keep-first union-find rule applied to the true Jaccards.

Scale (``--scale N``): N documents streamed from the generator into ``dedup_documents``; time
(wall and CPU, generation excluded) and peak memory (max RSS) of the process.

    python benchmarks/neardup.py [--docs 20000] [--threshold 0.8]
    python benchmarks/neardup.py --scale 100000

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

from cleanseed.corpus.index import NearDupIndex, dedup_documents
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
    args = parser.parse_args(argv)
    if args.scale:
        scale(args)
    else:
        quality(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
