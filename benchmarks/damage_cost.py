"""What looking for damage costs on top of cleaning, in CPU time, side by side in one run.

Two corpora: the visible text of the two shared HTML sets' pages as a plain scraper gets it
(mostly English, some French, German, Spanish, Portuguese, Czech, Russian, Chinese, Japanese,
Korean), and Django's translation catalogues (about 100 languages, nearly all written in letters
outside ASCII: the finder's dearest case). For each, best of ``--repeat`` runs, interleaved:

- ``clean``: :func:`cleanseed.clean` over every document;
- ``find``: :func:`cleanseed.find_damage` over every cleaned document, as ``cleanseed clean``
  does by default (``--damaged flag``); its share of ``clean`` is the cost of the default;
- ``lists``: reading the word lists a fresh process needs for that corpus (paid once per process,
  and only for the languages its documents are in).

With ``--cli`` the command itself is timed too (CPU of the child process, start-up included):
``cleanseed clean`` with ``--damaged off`` and with the default, on the pages as JSONL. With
``--against SRC`` every row is also measured with the ``src`` folder of another checkout (an
earlier release) in a child process, so that the two are compared in the same run.

    python benchmarks/damage_cost.py PATH/TO/article-extraction-benchmark \
        PATH/TO/readability-test-pages [--cli] [--against ../cleanseed-0.2/src]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _damage_corpus import django_docs
from _pages import load_pages, visible_lines

import cleanseed
from cleanseed.html.decode import decode_html


def page_texts(folders: list[Path]) -> list[str]:
    """The visible text of every page of *folders*, decoded as cleanseed decodes HTML."""
    return ["\n".join(visible_lines(decode_html(page.raw))) for page in load_pages(folders)]


def best(run: Callable[[], object], repeat: int) -> float:
    """Least CPU seconds *run* took over *repeat* calls."""
    out = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        out = min(out, time.process_time() - start)
    return out


def measure(texts: list[str], repeat: int) -> dict[str, float]:
    """CPU seconds to read the lists this corpus needs, to clean it, and to find its damage."""
    from cleanseed.damage import lexicon

    cleaned = [cleanseed.clean(t) for t in texts]
    start = time.process_time()
    try:
        fresh = lexicon.Lexicon()
        loaded: Callable[[], tuple[str, ...]] = fresh.loaded
    except TypeError:  # an earlier release: one lexicon of every language, read at once
        fresh = lexicon.default_lexicon()
        loaded = lambda: lexicon.LANGUAGES  # noqa: E731
    for text in cleaned:  # the first pass reads the lists: a fresh process pays this once
        cleanseed.find_damage(text, lexicon=fresh)
    first = time.process_time() - start
    clean = find = float("inf")
    for _ in range(repeat):  # interleaved, so that both see the same machine
        clean = min(clean, best(lambda: [cleanseed.clean(t) for t in texts], 1))
        find = min(find, best(lambda: [cleanseed.find_damage(t, lexicon=fresh)
                                       for t in cleaned], 1))
    return {"clean": clean, "find": find, "lists": max(first - find, 0.0),
            "languages": float(len(loaded())), "mb": sum(map(len, texts)) / 1e6}


def _child(src: str, corpus: str, repeat: int, folders: list[Path]) -> dict[str, float]:
    code = ("import sys, json; sys.path.insert(0, sys.argv[1]); import damage_cost as d; "
            "print(json.dumps(d.measure(d.corpus(sys.argv[2], [__import__('pathlib').Path(f) "
            "for f in sys.argv[4:]]), int(sys.argv[3]))))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), corpus,
                          str(repeat), *map(str, folders)],
                         env=env, capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"the run against {src} failed:\n{out.stderr}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def corpus(name: str, folders: list[Path]) -> list[str]:
    """The texts of corpus *name*: ``pages`` or ``django``."""
    return page_texts(folders) if name == "pages" else [d.text for d in django_docs()]


def _cli_cpu(args: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "cleanseed.cli", *args], env=env, check=True,
                   capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cli_rows(texts: list[str], repeat: int, srcs: dict[str, str]) -> list[str]:
    """``cleanseed clean`` on *texts* as JSONL, with the finder off and on, per source tree."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "pages.jsonl"
        src.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n"
                               for i, t in enumerate(texts)), encoding="utf-8")
        out = str(Path(tmp) / "out.jsonl")
        times: dict[tuple[str, str], float] = {}
        for _ in range(repeat):
            for name, path in srcs.items():
                env = {**os.environ, "PYTHONPATH": path}
                for mode in ("off", "flag"):
                    cpu = _cli_cpu(["clean", str(src), "-o", out, "-q", "--damaged", mode], env)
                    times[name, mode] = min(times.get((name, mode), float("inf")), cpu)
        for name in srcs:
            off, on = times[name, "off"], times[name, "flag"]
            rows.append(f"| {name} | cleanseed clean --damaged off | {off:.2f} | |")
            rows.append(f"| {name} | cleanseed clean (--damaged flag) | {on:.2f} | "
                        f"+{100 * (on - off) / off:.1f}% |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="the shared HTML sets")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", action="store_true", help="time the command too")
    parser.add_argument("--against", metavar="SRC", help="another checkout's src folder")
    parser.add_argument("--cli-copies", type=int, default=1, metavar="N",
                        help="the command reads the pages this many times over (default 1)")
    args = parser.parse_args()
    here = str(Path(cleanseed.__file__).resolve().parent.parent)
    print("| tree | corpus | MB | clean CPU s | find CPU s | find / clean | lists CPU s "
          "| lists read |")
    print("|---|---|---|---|---|---|---|---|")
    for name in ("pages", "django"):
        results = {"this": measure(corpus(name, args.folders), args.repeat)}
        if args.against:
            results["against"] = _child(args.against, name, args.repeat, args.folders)
        for tree, r in results.items():
            print(f"| {tree} | {name} | {r['mb']:.1f} | {r['clean']:.2f} | {r['find']:.3f} | "
                  f"{100 * r['find'] / r['clean']:.1f}% | {r['lists']:.2f} | "
                  f"{int(r['languages'])} |")
    if args.cli:
        srcs = {"this": here, **({"against": args.against} if args.against else {})}
        texts = page_texts(args.folders) * args.cli_copies
        print(f"\n| tree | command ({sum(map(len, texts)) / 1e6:.1f} MB of pages' text as JSONL) "
              "| CPU s | finder's cost |")
        print("|---|---|---|---|")
        print("\n".join(cli_rows(texts, args.repeat, srcs)))


if __name__ == "__main__":
    main()
