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

``--incremental BASE,NEW``: a :class:`DiskIndex` of BASE documents is committed, then opened
again in a child process that adds NEW more and commits, twice: as committed (its sorted runs
are searched) and with its runs taken out of ``params.json`` (every key column is read, as
before runs were kept). For each: CPU and wall time of the child (interpreter start and
imports included), its own peak RSS, the CPU of its add and of its commit, what the add found.

    python benchmarks/dedup_paths.py [--sizes 100,2000,20000,100000] [--repeat 3]
    python benchmarks/dedup_paths.py --incremental 200000,2000

Nothing is sent over the network.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
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


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _child_add(folder: Path, source: Path) -> tuple[dict[str, float], str]:
    """This script's ``--add-to FOLDER SOURCE`` in a child: its CPU, wall and peak RSS, and its
    one line of output (what the add found)."""
    w0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--add-to", str(folder), str(source)],
                             stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    out = child.stdout.read().strip() if child.stdout else ""
    if os.waitstatus_to_exitcode(status):
        raise SystemExit("the child add failed")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": time.perf_counter() - w0}, out


def add_to(folder: str, source: str) -> None:
    """The child: open the index in *folder*, add the JSONL documents of *source*, commit."""
    with Path(source).open(encoding="utf-8") as fh:
        docs = [(r["id"], r["text"]) for r in map(json.loads, fh)]
    with DiskIndex(folder) as index:
        c0 = time.process_time()
        found = index.result(index.add(docs))
        c1 = time.process_time()
        index.commit()
        c2 = time.process_time()
    pairs = sorted((d.id, d.duplicate_of, round(d.jaccard, 6)) for d in found.removed.values())
    print(f"peak RSS {_own_peak_mb():.0f} MB; add CPU {c1 - c0:.2f} s, commit CPU "
          f"{c2 - c1:.2f} s; kept {len(found.kept)}, removed {len(pairs)}, "
          f"fingerprint {hashlib.sha256(repr(pairs).encode()).hexdigest()[:16]}")


def _own_peak_mb() -> float:
    """This process's peak RSS since it started (``VmHWM``; a child's ``ru_maxrss`` as its
    parent sees it also counts the parent's memory at the time of the fork)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def incremental(base: int, new: int, seed: int) -> None:
    """See the module docstring."""
    docs = [(d, t) for d, t, _ in _corpus.stream(base + new, seed=seed, sentences=100000)]
    with tempfile.TemporaryDirectory(prefix="dedup-incremental-") as tmp:
        runs, old = Path(tmp) / "runs", Path(tmp) / "columns"
        c0, w0 = time.process_time(), time.perf_counter()
        with DiskIndex(runs) as index:
            index.add(docs[:base])
            index.commit()
        print(f"{base} documents added and committed: CPU {time.process_time() - c0:.1f} s, "
              f"wall {time.perf_counter() - w0:.1f} s, folder {_folder_mb(runs):.0f} MB "
              f"(sorted runs {_folder_mb_of(runs, 'run-*'):.0f} MB)")
        shutil.copytree(runs, old)
        params = json.loads((old / "params.json").read_text())
        for run in params.pop("runs"):
            (old / run["file"]).unlink()
        (old / "params.json").write_text(json.dumps(params))
        source = Path(tmp) / "new.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for doc_id, text in docs[base:]:
                fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
        for name, folder in (("sorted runs", runs), ("columns read whole", old)):
            m, out = _child_add(folder, source)
            print(f"open + add {new} + commit, {name:18s}: CPU {m['cpu']:.1f} s, wall "
                  f"{m['wall']:.1f} s; {out}")


def _folder_mb_of(folder: Path, pattern: str) -> float:
    return sum(p.stat().st_size for p in folder.glob(pattern)) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,2000,20000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--incremental", metavar="BASE,NEW",
                        help="open a committed index of BASE documents and add NEW")
    parser.add_argument("--add-to", nargs=2, metavar=("FOLDER", "SOURCE"),
                        help=argparse.SUPPRESS)  # the child of --incremental
    args = parser.parse_args(argv)
    if args.add_to:
        add_to(*args.add_to)
        return 0
    if args.incremental:
        base, new = (int(x) for x in args.incremental.split(","))
        incremental(base, new, args.seed)
        return 0
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
