"""MB/s of cleanseed's text pipeline per core, step by step, on a large corpus.

By default the corpus is the planted-fault generator's (``benchmarks/faultgen``): articles in
several languages, each with banners, captions, chrome, metadata, repeats and mojibake planted in
it, grown to ``--mb`` megabytes by generating more documents. With ``--pages DIR`` (the folder of
the article extraction benchmark, as for ``benchmarks/extraction.py``) it is real pages instead:
the visible text of each page as a plain scraper gets it (BeautifulSoup's ``get_text`` with
scripts and styles dropped: menus, footers and all), each page once (``--mb`` does not apply).
Time is CPU time of this process (one core), the best
of ``--repeat`` runs over the whole corpus: other load on the machine only ever adds time.

``clean`` is one document at a time; ``clean_batch`` takes the corpus as one list, and runs
each step over a chunk of documents before the next step starts.

With ``--previous PATH/TO/src`` (another cleanseed tree, such as the previous release's; give
it more than once to compare several), the same measurement runs ``--rounds`` times for each
tree in turn, each run in a process of its own with that tree first on the path, the trees
alternating so that the load of a shared machine falls on all alike; the table gives each
tree's best and, for each other tree, this one's speed as a multiple of it.

    python benchmarks/throughput.py --mb 50
    python benchmarks/throughput.py --mb 10 --pages PATH/TO/article-extraction-benchmark
    python benchmarks/throughput.py --pages PATH/TO/article-extraction-benchmark \\
        --previous PATH/TO/previous/src --rounds 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from faultgen.generate import generate

import cleanseed


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


def page_texts(folder: Path) -> list[str]:
    """The visible text of each page of *folder* (``html/*.html.gz``), each page once."""
    from bs4 import BeautifulSoup

    pages = sorted((folder / "html").glob("*.html.gz"))
    if not pages:
        sys.exit(f"no html/*.html.gz pages under {folder}")
    texts = []
    for path in pages:
        soup = BeautifulSoup(gzip.decompress(path.read_bytes()), "lxml")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        texts.append(soup.get_text("\n"))
    return texts


def best_of(run: Callable[[], object], repeat: int) -> float:
    """Least CPU seconds, over *repeat* calls, that *run* took."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def measure(fn: Callable[[str], object], docs: list[str], repeat: int) -> float:
    """Least CPU seconds, over *repeat* runs, to run *fn* over *docs* one at a time."""
    return best_of(lambda: [fn(doc) for doc in docs], repeat)


def rows_of(docs: list[str], n: int) -> list[tuple[str, float]]:
    """CPU seconds of each step and of the whole pipeline over *docs*, best of *n* runs."""
    # each step is timed on the output of the steps before it, as in the pipeline
    fixed = [cleanseed.fix_encoding(d) for d in docs]
    stripped = [cleanseed.strip_boilerplate(d) for d in fixed]
    return [
        ("fix_encoding", measure(cleanseed.fix_encoding, docs, n)),
        ("strip_boilerplate", measure(cleanseed.strip_boilerplate, fixed, n)),
        ("dedup_paragraphs", measure(cleanseed.dedup_paragraphs, stripped, n)),
        ("clean (all three)", measure(cleanseed.clean, docs, n)),
        ("clean_batch", best_of(lambda: cleanseed.clean_batch(docs), n)),
        ("explain (all three)", measure(cleanseed.explain, docs, n)),
    ]


def side_by_side(argv: list[str], previous: list[Path], rounds: int,
                 ) -> dict[str, list[dict[str, float]]]:
    """Run this script with *argv* (``--json``) for each tree in turn, *rounds* times: the
    seconds of each step, per tree (by its path, "this" for this one), per run."""
    this = Path(cleanseed.__file__).resolve().parents[1]
    trees = {**{str(src): src.resolve() for src in previous}, "this": this}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(rounds):
        for name, src in trees.items():
            env = {**os.environ, "PYTHONPATH": str(src)}
            done = subprocess.run([sys.executable, __file__, *argv, "--json"], env=env,
                                  check=True, capture_output=True, text=True)
            runs[name].append(json.loads(done.stdout))
    return runs


def print_side_by_side(runs: dict[str, list[dict[str, float]]], size: float) -> None:
    """The table of MB/s per core of each step, for each tree (its best run), and this tree's
    speed as a multiple of each other's."""
    others = [name for name in runs if name != "this"]
    for k, name in enumerate(others, 1):
        print(f"tree {k}: {name}")
    head = [f"tree {k} MB/s" for k in range(1, len(others) + 1)]
    head += ["this MB/s", *(f"this/tree {k}" for k in range(1, len(others) + 1))]
    print(f"| {'step':<20} | " + " | ".join(f"{h:>12}" for h in head) + " |")
    print(f"|{'-' * 22}|" + "|".join("-" * 14 for _ in head) + "|")
    for step in runs["this"][0]:
        rates = [size / min(run[step] for run in runs[name]) for name in [*others, "this"]]
        cells = [f"{r:12.1f}" for r in rates] + [f"{rates[-1] / r:12.2f}" for r in rates[:-1]]
        print(f"| {step:<20} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0,
                        help="size of the generated corpus in MB (default 20)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pages", type=Path, metavar="DIR",
                        help="real pages instead: the article extraction benchmark's folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row, best kept (default 3)")
    parser.add_argument("--previous", type=Path, metavar="SRC", action="append",
                        help="another cleanseed source tree to measure in turn with this one "
                             "(may be given more than once)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="with --previous: runs of each tree, alternating (default 3)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    pages = args.pages
    docs = corpus(args.mb, args.seed) if pages is None else page_texts(pages)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    kind = "planted faults" if args.pages is None else f"real pages of {args.pages.name}"
    head = (f"corpus: {kind}, {len(docs)} documents, {size:.1f} MB, "
            f"{size * 1e3 / len(docs):.1f} KB/doc")
    if args.previous is not None:
        child = [f"--mb={args.mb}", f"--seed={args.seed}", f"--repeat={args.repeat}"]
        if pages is not None:
            child.append(f"--pages={pages}")
        print(f"{head}; {args.rounds} runs of each tree in turn, best of each")
        print_side_by_side(side_by_side(child, args.previous, args.rounds), size)
        return 0
    rows = rows_of(docs, args.repeat)
    if args.json:
        print(json.dumps(dict(rows)))
        return 0
    print(f"{head} (cleanseed {cleanseed.__version__})")
    print(f"| {'step':<20} | {'CPU s':>7} | {'MB/s per core':>13} | {'docs/s':>8} |")
    print(f"|{'-' * 22}|{'-' * 9}|{'-' * 15}|{'-' * 10}|")
    for name, seconds in rows:
        rate = len(docs) / seconds
        print(f"| {name:<20} | {seconds:7.2f} | {size / seconds:13.1f} | {rate:8.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
