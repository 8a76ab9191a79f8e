"""MB/s of cleanseed's text pipeline per core, step by step, on a large synthetic corpus.

The corpus is the planted-fault generator's (``benchmarks/faultgen``): articles in several
languages with banners, captions, chrome, metadata, repeats and mojibake, grown to ``--mb``
megabytes by generating more documents. Time is CPU time of this process (one core).

    python benchmarks/throughput.py --mb 50
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cleanseed  # noqa: E402
from faultgen.generate import generate  # noqa: E402


def corpus(megabytes: float, seed: int) -> list[str]:
    """Generate documents until they add up to *megabytes* of UTF-8."""
    docs: list[str] = []
    size = 0
    batch = 0
    while size < megabytes * 1e6:
        for doc in generate(n=500, seed=seed + batch):
            docs.append(doc.text)
            size += len(doc.text.encode("utf-8"))
        batch += 1
    return docs


def measure(fn: Callable[[str], str], docs: list[str]) -> float:
    """CPU seconds to run *fn* over *docs*."""
    start = time.process_time()
    for doc in docs:
        fn(doc)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    docs = corpus(args.mb, args.seed)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    # each step is timed on the output of the steps before it, as in the pipeline
    fixed = [cleanseed.fix_encoding(d) for d in docs]
    stripped = [cleanseed.strip_boilerplate(d) for d in fixed]
    rows = [
        ("fix_encoding", measure(cleanseed.fix_encoding, docs)),
        ("strip_boilerplate", measure(cleanseed.strip_boilerplate, fixed)),
        ("dedup_paragraphs", measure(cleanseed.dedup_paragraphs, stripped)),
        ("clean (all three)", measure(cleanseed.clean, docs)),
        ("explain (all three)", measure(cleanseed.explain, docs)),
    ]
    print(f"corpus: {len(docs)} documents, {size:.1f} MB, "
          f"{size * 1e3 / len(docs):.1f} KB/doc (cleanseed {cleanseed.__version__})")
    print(f"| {'step':<20} | {'CPU s':>7} | {'MB/s per core':>13} | {'docs/s':>8} |")
    print(f"|{'-' * 22}|{'-' * 9}|{'-' * 15}|{'-' * 10}|")
    for name, seconds in rows:
        print(f"| {name:<20} | {seconds:7.2f} | {size / seconds:13.1f} | {len(docs) / seconds:8.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
