"""MinHash signatures from raw text: cleanseed against datasketch and rensa, side by side.

Every contender starts from the same raw documents and ends with one 128-value signature per
document. datasketch and rensa are fed word 5-gram shingles built the usual way (lower-case,
``\\w+`` tokens, n-grams joined with spaces), and that shingling is part of their time, as it is
part of cleanseed's. cleanseed runs its numba kernels when numba is installed, and its
numpy path otherwise; both rows are shown (they give identical signatures). Throughput is per
core: bytes of UTF-8 text (and documents) per second of this process's CPU time, so other
load on the machine disturbs it less than wall time would.

    python benchmarks/minhash.py [--docs 4000] [--slow-docs 300] [--repeat 3]

``--against SRC`` adds a row for the numpy kernels (``cleanseed/corpus/_sketch.py``) of another
source tree, e.g. an earlier commit's (``git archive REV src | tar -x -C /tmp/old``, then
``--against /tmp/old/src``), run in the same process on the same documents: a before/after
comparison that load on the machine affects alike. Its signatures must equal today's.

Nothing is sent over the network.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus

from cleanseed.corpus.minhash import minhash_signatures

NUM_PERM, SEED, NGRAM = 128, 1, 5
_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> list[str]:
    """Word 5-grams as strings: how datasketch and rensa users usually shingle a document."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < NGRAM:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + NGRAM]) for i in range(len(tokens) - NGRAM + 1)]


def run_cleanseed(texts: list[str]) -> None:
    minhash_signatures(texts, num_perm=NUM_PERM, seed=SEED, ngram=NGRAM)


def run_cleanseed_numpy(texts: list[str]) -> None:
    """The path taken without numba installed (private API: a workspace without kernels)."""
    from cleanseed.corpus import minhash

    work = minhash._Workspace(fast=False)
    perms = minhash.permutations(NUM_PERM, SEED)
    for batch in minhash._texts(texts, "bench"):
        minhash.signatures_from_shingles(minhash._shingle_batch(batch, NGRAM, work), perms,
                                         _work=work)


def numpy_kernels_of(src: str) -> Callable[[list[str]], np.ndarray]:
    """The numpy path with the ``_sketch`` module of the source tree *src*; it returns the
    signatures."""
    import importlib.util

    from cleanseed.corpus import minhash

    path = Path(src) / "cleanseed" / "corpus" / "_sketch.py"
    spec = importlib.util.spec_from_file_location("_sketch_against", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a module")
    other = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(other)
    perms = minhash.permutations(NUM_PERM, SEED)
    mult = minhash._ngram_multipliers(NGRAM)

    def run(texts: list[str]) -> np.ndarray:
        buffer = other.SignatureBuffer()
        parts = []
        for batch in minhash._texts(texts, "bench"):
            offsets, hashes = other.shingles(batch, minhash._TABLES, mult)
            parts.append(other.signatures(hashes, offsets, perms, buffer))
        return np.concatenate(parts)

    return run


def run_datasketch_update(texts: list[str]) -> None:
    from datasketch import MinHash

    for text in texts:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        for s in shingles(text):
            m.update(s.encode("utf-8"))
        m.digest()


def run_datasketch_bulk(texts: list[str]) -> None:
    from datasketch import MinHash

    sets = [[s.encode("utf-8") for s in shingles(t)] for t in texts]
    for m in MinHash.bulk(sets, num_perm=NUM_PERM, seed=SEED):
        m.digest()


def run_rensa(texts: list[str]) -> None:
    from rensa import RMinHash

    for text in texts:
        m = RMinHash(num_perm=NUM_PERM, seed=SEED)
        m.update(shingles(text))
        m.digest()


def run_rensa_matrix(texts: list[str]) -> None:
    from rensa import RMinHash

    RMinHash.digest_matrix_from_token_sets([shingles(t) for t in texts], NUM_PERM, SEED)


def measure(fn: Callable[[list[str]], object], texts: list[str],
            repeat: int) -> tuple[float, float]:
    """Best CPU seconds and wall seconds of *repeat* runs of *fn* over *texts*."""
    fn(texts[:10])  # warm up: imports, first allocations
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn(texts)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return min(cpu), min(wall)


CONTENDERS: tuple[tuple[str, Callable[[list[str]], object], bool], ...] = (
    # name, function, slow (measured on the smaller sample)
    ("cleanseed minhash_signatures", run_cleanseed, False),
    ("cleanseed, numpy only (no numba)", run_cleanseed_numpy, False),
    ("rensa RMinHash.update loop", run_rensa, False),
    ("rensa digest_matrix_from_token_sets", run_rensa_matrix, False),
    ("datasketch MinHash.bulk", run_datasketch_bulk, True),
    ("datasketch update() loop", run_datasketch_update, True),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--slow-docs", type=int, default=300,
                        help="documents for the datasketch contenders, which are much slower")
    parser.add_argument("--chars", type=int, default=2000, help="about this many characters a doc")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", metavar="SRC",
                        help="also time the numpy kernels of this source tree")
    args = parser.parse_args(argv)
    texts = list(_corpus.iter_texts(args.docs, args.chars, seed=1))
    contenders = list(CONTENDERS)
    if args.against:
        other = numpy_kernels_of(args.against)
        sample = texts[:300]
        if not np.array_equal(other(sample), minhash_signatures(sample, num_perm=NUM_PERM,
                                                                seed=SEED, ngram=NGRAM)):
            raise SystemExit(f"{args.against}: other signatures than today's")
        contenders.insert(2, ("numpy only, --against tree", other, False))
    rows = []
    for name, fn, slow in contenders:
        sample = texts[: args.slow_docs] if slow else texts
        mb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
        cpu, wall = measure(fn, sample, 1 if slow else args.repeat)
        rows.append((name, len(sample), mb / cpu, len(sample) / cpu, mb / wall))
    base = rows[0][2]
    print(f"{len(texts)} documents, {np.mean([len(t) for t in texts]):.0f} characters on average, "
          f"num_perm={NUM_PERM}, word {NGRAM}-grams")
    print(f"{'contender':38s} {'docs':>6s} {'MB/s/core':>10s} {'docs/s/core':>12s} "
          f"{'MB/s wall':>10s} {'cleanseed is':>13s}")
    for name, n, mbs, docs, wall_mbs in rows:
        print(f"{name:38s} {n:6d} {mbs:10.1f} {docs:12.0f} {wall_mbs:10.1f} {base / mbs:12.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
