"""MB/s of the repeats step alone, on the planted-fault corpus and on pages of many paragraphs.

    python benchmarks/repeats.py [--mb 5] [--rounds 5] [--seed 0]

Corpora, each run through ``fix_encoding`` and ``strip_boilerplate`` first, as in the pipeline:

* ``faultgen``: the planted-fault generator's documents (``benchmarks/faultgen``), grown to
  ``--mb`` megabytes: short articles, a quarter of them with a paragraph or the whole article
  pasted again.
* ``long pages``: the same documents glued 40 at a time, so each page has hundreds of distinct
  paragraphs (near-repeats are then found through MinHash bands, not word sets).

Time is CPU time of this process (one core), the best of ``--rounds`` rounds: load from other
processes only ever adds time. ``passes`` is the mean number of passes over a document the step
made (a pass that removes something is followed by another that checks nothing more goes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus, measure

import cleanseed
from cleanseed.repeats import paragraphs as repeats


def mean_passes(docs: list[str]) -> float:
    """The mean number of passes the step makes over a document (calls to its pass)."""
    real = repeats._pass
    calls = 0

    def counted(paras: list[repeats._Para], state: repeats._State) -> dict[int, str]:
        nonlocal calls
        calls += 1
        return real(paras, state)

    repeats._pass = counted
    try:
        for doc in docs:
            cleanseed.dedup_paragraphs(doc)
    finally:
        repeats._pass = real
    return calls / len(docs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds; the best counts")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    docs = [cleanseed.strip_boilerplate(cleanseed.fix_encoding(d))
            for d in corpus(args.mb, args.seed)]
    glued = ["\n\n".join(docs[i:i + 40]) for i in range(0, len(docs), 40)]
    print(f"| {'corpus':<10} | {'docs':>6} | {'MB':>5} | {'CPU s':>6} | {'MB/s':>6} "
          f"| {'docs/s':>7} | {'passes':>6} |")
    print(f"|{'-' * 12}|{'-' * 8}|{'-' * 7}|{'-' * 8}|{'-' * 8}|{'-' * 9}|{'-' * 8}|")
    for name, texts in (("faultgen", docs), ("long pages", glued)):
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        seconds = measure(cleanseed.dedup_paragraphs, texts, max(1, args.rounds))
        print(f"| {name:<10} | {len(texts):>6} | {size:>5.1f} | {seconds:>6.2f} "
              f"| {size / seconds:>6.1f} | {len(texts) / seconds:>7.0f} "
              f"| {mean_passes(texts):>6.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
