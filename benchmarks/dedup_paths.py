"""dedup_documents in memory, on disk, and moved between them, side by side: CPU, wall, disk.

The same documents are deduplicated four ways in one process, alternating so that load on the
machine falls on all of them alike:

* ``budget``: :func:`cleanseed.dedup_documents` as a user calls it (in memory when the estimated
  peak fits the default 4 GB budget, which every size here does);
* ``memory``: :class:`~cleanseed.corpus.index.NearDupIndex` directly;
* ``disk``: :class:`~cleanseed.corpus.disk_index.DiskIndex` in a temporary folder with the same
  budget (what a run that does not fit in memory does), and the bytes it wrote;
* ``moved``: ``dedup_documents`` with a budget about half what the run needs in memory, so that
  it starts in memory and moves to disk halfway.

All four must give the same result; the script stops if they do not. Each size is run
``--repeat`` times (more for small ones) and the least CPU time is shown.

    python benchmarks/dedup_paths.py [--sizes 100,2000,20000,100000] [--repeat 3]

Nothing is sent over the network.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus

from cleanseed.corpus.budget import dedup_documents
from cleanseed.corpus.disk_index import DiskIndex
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupResult

Docs = list[tuple[str, str]]


def via_budget(docs: Docs, _: list[int]) -> DedupResult:
    return dedup_documents(docs)


def via_memory(docs: Docs, _: list[int]) -> DedupResult:
    return NearDupIndex().add(docs)


def via_disk(docs: Docs, written: list[int]) -> DedupResult:
    with tempfile.TemporaryDirectory(prefix="dedup-paths-") as tmp, DiskIndex(tmp) as index:
        result = index.result(index.add(docs))
        written.append(sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()))
    return result


def via_moved(docs: Docs, _: list[int]) -> DedupResult:
    # the in-memory estimate is 16 MB plus about 2.3 KB a document of 2.6 KB
    return dedup_documents(docs, memory=(16 << 20) + 1100 * len(docs))


WAYS: dict[str, Callable[[Docs, list[int]], DedupResult]] = {
    "budget": via_budget, "memory": via_memory, "disk": via_disk, "moved": via_moved}


def measure(docs: Docs, repeat: int) -> dict[str, tuple[float, float, int]]:
    """Least CPU and wall seconds of each way, and the bytes the disk way wrote."""
    best: dict[str, tuple[float, float, int]] = {}
    results: dict[str, DedupResult] = {}
    for _ in range(repeat):
        for name, run in WAYS.items():
            written: list[int] = []
            c0, w0 = time.process_time(), time.perf_counter()
            results[name] = run(docs, written)
            cpu, wall = time.process_time() - c0, time.perf_counter() - w0
            old = best.get(name, (float("inf"), float("inf"), 0))
            best[name] = (min(old[0], cpu), min(old[1], wall), written[0] if written else 0)
    if len({(r.kept, tuple(sorted(r.removed.items()))) for r in results.values()}) != 1:
        raise SystemExit("the ways disagree")
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,2000,20000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    via_budget([("a", "warm up the kernels and imports")], [])
    via_disk([("a", "warm up the kernels and imports")], [])
    print(f"{'docs':>8} {'way':>7} {'CPU s':>9} {'wall s':>9} {'CPU/doc us':>11} {'written':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        docs = [(d, t) for d, t, _ in _corpus.stream(size, seed=args.seed)]
        repeat = max(args.repeat, 20 if size <= 1000 else 0)
        for name, (cpu, wall, written) in measure(docs, repeat).items():
            shown = f"{written / 1e6:.1f}M" if name == "disk" else "-"
            print(f"{size:>8} {name:>7} {cpu:>9.4f} {wall:>9.4f} {cpu / size * 1e6:>11.1f} "
                  f"{shown:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
