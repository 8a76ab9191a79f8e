"""Dedup one corpus locally and on a local Ray cluster: wall time, peak memory, same answer.

    python benchmarks/scale.py                    # 200 000 documents of ~2 KB, 2 CPUs
    python benchmarks/scale.py --docs 20000 --cpus 2 --object-store-mb 1000

The corpus (``benchmarks/_corpus.py``: near-duplicate clusters at known edits) is written once to
``benchmarks/_work/`` as Parquet, then each engine runs in a fresh process of its own:

* ``local``: ``cleanseed.dedup_documents`` over the ids and texts read with pyarrow;
* ``ray``: ``cleanseed.ray.find_duplicates`` on a private cluster of ``--cpus`` CPUs, started
  inside the timed process (its start-up is shown apart).

Peak memory is the largest sum, sampled every 0.2 s, of the proportional set size (PSS) of the
engine's process and all its descendants: Ray's GCS, raylet, workers and the object store pages
they map, each shared page counted once. The fingerprint is a SHA-256 of the kept ids in order and
of every ``removed -> kept (jaccard)``: the two engines must print the same one, or the script
exits with status 1. Nothing is sent over the network; the cluster listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "_work"


def fingerprint(kept: list[Any], removed: dict[Any, tuple[Any, float]]) -> str:
    """SHA-256 of the kept ids in order and of the removed -> kept pairs with their Jaccard."""
    digest = hashlib.sha256()
    for doc_id in kept:
        digest.update(f"k\t{doc_id}\n".encode())
    for doc_id in sorted(removed, key=str):
        target, jaccard = removed[doc_id]
        digest.update(f"r\t{doc_id}\t{target}\t{jaccard!r}\n".encode())
    return digest.hexdigest()[:16]


def proc_kb(pid: int, name: str, field: str) -> int:
    """The figure in kB that the line starting with *field* of ``/proc/PID/NAME`` gives (0 if
    the process has ended or the file has no such line)."""
    try:
        text = Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


def _pss(pid: int) -> int:
    """Proportional set size of *pid* in bytes, from /proc (0 if it has ended)."""
    return proc_kb(pid, "smaps_rollup", "Pss:") * 1024


def _tree(root: int) -> list[int]:
    """*root* and its descendants, from the parent ids in /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = [root], [root]
    while todo:
        for kid in children.get(todo.pop(), []):
            found.append(kid)
            todo.append(kid)
    return found


class PeakMemory:
    """Samples the PSS of a process (*root*, default this one) and its descendants in a thread;
    keeps the largest sum."""

    def __init__(self, interval: float = 0.2, root: int | None = None) -> None:
        self.interval, self.root = interval, root
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        root = os.getpid() if self.root is None else self.root
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_pss(pid) for pid in _tree(root)))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def make_corpus(docs: int, seed: int) -> Path:
    """Write the corpus to Parquet once; return its path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sys.path.insert(0, str(ROOT.parent))
    from benchmarks._corpus import generate

    path = WORK / f"corpus-{docs}-{seed}.parquet"
    if not path.exists():
        WORK.mkdir(exist_ok=True)
        corpus = generate(docs, dup_fraction=0.3, seed=seed)
        table = pa.table({"id": corpus.ids, "text": corpus.texts})
        pq.write_table(table, str(path) + ".tmp", row_group_size=20_000)
        Path(str(path) + ".tmp").rename(path)
    return path


def run_local(path: Path) -> dict[str, Any]:
    import pyarrow.parquet as pq

    from cleanseed.corpus.budget import dedup_documents

    with PeakMemory() as memory:
        start = time.perf_counter()
        table = pq.read_table(path, columns=["id", "text"])
        result = dedup_documents(zip(table.column("id").to_pylist(),
                                     table.column("text").to_pylist(), strict=True))
        seconds = time.perf_counter() - start
    removed = {d.id: (d.duplicate_of, d.jaccard) for d in result.removed.values()}
    return {"engine": "local", "seconds": seconds, "startup": 0.0, "peak": memory.peak,
            "kept": len(result.kept), "removed": len(removed),
            "fingerprint": fingerprint(list(result.kept), removed)}


def run_ray(path: Path, cpus: int, store_mb: int) -> dict[str, Any]:
    import cleanseed.ray as cr

    with PeakMemory() as memory:
        begin = time.perf_counter()
        with cr.local_cluster(num_cpus=cpus, object_store_memory=store_mb * 2**20):
            import ray

            ray.data.DataContext.get_current().enable_progress_bars = False
            start = time.perf_counter()
            ds, _ = cr.read(str(path))
            result = cr.find_duplicates(ds).to_result()
            seconds = time.perf_counter() - start
        startup = start - begin
    removed = {d.id: (d.duplicate_of, d.jaccard) for d in result.removed.values()}
    return {"engine": f"ray ({cpus} CPUs)", "seconds": seconds, "startup": startup,
            "peak": memory.peak, "kept": len(result.kept), "removed": len(removed),
            "fingerprint": fingerprint(list(result.kept), removed)}


def child(args: argparse.Namespace) -> int:
    path = Path(args.input)
    if args.engine == "local":
        out = run_local(path)
    else:
        out = run_ray(path, args.cpus, args.object_store_mb)
    print(json.dumps(out))
    return 0


def parent(args: argparse.Namespace) -> int:
    path = make_corpus(args.docs, args.seed)
    rows = []
    for engine in ("local", "ray"):
        cmd = [sys.executable, __file__, "--engine", engine, "--input", str(path),
               "--cpus", str(args.cpus), "--object-store-mb", str(args.object_store_mb)]
        done = subprocess.run(cmd, check=True, capture_output=True, text=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{args.docs:,} documents ({path.stat().st_size / 2**20:.0f} MB Parquet), "
          f"threshold 0.8, num_perm 128")
    print(f"{'engine':<16}{'dedup s':>9}{'start s':>9}{'docs/s':>9}{'peak MB':>9}"
          f"{'kept':>9}{'removed':>9}  fingerprint")
    for r in rows:
        print(f"{r['engine']:<16}{r['seconds']:>9.1f}{r['startup']:>9.1f}"
              f"{args.docs / r['seconds']:>9,.0f}{r['peak'] / 2**20:>9,.0f}"
              f"{r['kept']:>9,}{r['removed']:>9,}  {r['fingerprint']}")
    same = len({r["fingerprint"] for r in rows}) == 1
    print("same kept ids and removed -> kept pairs:", "yes" if same else "NO")
    return 0 if same else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument("--object-store-mb", type=int, default=2000)
    parser.add_argument("--engine", choices=["local", "ray"], help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return child(args) if args.engine else parent(args)


if __name__ == "__main__":
    sys.exit(main())
