"""Peak memory against input size: what one document costs, and what the size caps bound.

    python benchmarks/memory.py [--html-sizes 1M 5M 16M] [--shapes NAME ...] [--bomb MB]
        [--skip-html] [--skip-cli]

Each measurement runs in a subprocess of its own; its peak resident memory is read with
``resource.getrusage(RUSAGE_CHILDREN)`` once it has ended, and the peak of a subprocess that only
imports cleanseed and cleans one small page is taken off, so the figures are what the input
costs.

Two tables:

- **HTML**: ``clean_html`` on pages of several shapes (nested tables, nested divs, flat
  paragraphs, an article-like page, one huge attribute) at each size: peak MB and bytes of memory
  per byte of input. The worst shape decides the default size cap for raw HTML
  (``Limits.max_html_bytes``).
- **Command line**: ``cleanseed clean --max-chars 1000`` on inputs far larger than the cap (a
  gzip bomb of text that inflates to ``--bomb`` bytes, the same as raw HTML, one JSONL line of
  that size): the peak, which must not grow with the input.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

MB = 1 << 20
SIZES = {"256K": MB // 4, "1M": MB, "4M": 4 * MB, "5M": 5_000_000, "8M": 8 * MB,
         "16M": 16 * MB, "20M": 20 * MB}


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> bytes:
    body = unit * max(1, (size - len(head) - len(tail)) // len(unit))
    return (head + body + tail).encode()


SHAPES: dict[str, Callable[[int], bytes]] = {
    "nested-tables": lambda n: _repeat("<table><tr><td>cell text ", n),
    "nested-divs": lambda n: _repeat("<div>some words ", n),
    "paragraphs": lambda n: _repeat("<p>A sentence of ordinary prose, about the weather.</p>\n", n,
                                     "<html><body><article>", "</article></body></html>"),
    "article": lambda n: _repeat(
        "<div class='story'><h2>Heading</h2><p>Prose with <a href='/x'>a link</a> and <b>bold"
        "</b> words.</p><ul><li>item</li><li>item</li></ul><table><tr><td>1</td><td>2</td></tr>"
        "</table></div>\n", n, "<html><body>", "</body></html>"),
    "one-attribute": lambda n: _repeat("a", n, '<p title="', '">Some text.</p>'),
}

_HTML_RUN = """
import sys, pathlib, cleanseed
page = pathlib.Path(sys.argv[1]).read_bytes()
cleanseed.clean_html(page)
"""
_BASE_RUN = """
import cleanseed
cleanseed.clean_html(b"<p>" + b"Some text. " * 100 + b"</p>")
cleanseed.clean("Some text.")
"""


def _alone(argv: list[str]) -> float:
    """Peak resident memory of a subprocess running *argv*, in MB: measured by a parent of its
    own, whose only child it is."""
    script = ("import resource, subprocess, sys\n"
              "subprocess.run(sys.argv[1:], capture_output=True)\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True,
                          check=True, text=True)
    return int(done.stdout.split()[-1]) / 1024


def _python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def html_table(sizes: list[str], shapes: list[str], tmp: Path) -> None:
    base = _alone(_python(_BASE_RUN))
    print(f"HTML: clean_html peak memory over a {base:.0f} MB baseline (import and a small page)")
    print(f"{'shape':<16}" + "".join(f"{s:>16}" for s in sizes))
    for shape in shapes:
        cells = []
        for size in sizes:
            page = tmp / f"{shape}-{size}.html"
            page.write_bytes(SHAPES[shape](SIZES[size]))
            extra = _alone(_python(_HTML_RUN, str(page))) - base
            per_byte = extra * MB / SIZES[size]
            cells.append(f"{extra:8.0f} MB {per_byte:4.0f}x")
            page.unlink()
        print(f"{shape:<16}" + "".join(f"{c:>16}" for c in cells))


_CLI_RUN = """
import sys
from cleanseed.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _bomb(path: Path, size: int, line: bytes) -> None:
    with gzip.open(path, "wb", compresslevel=9) as fh:
        block = line * (MB // len(line))
        for _ in range(size // len(block)):
            fh.write(block)


def cli_table(bomb: int, tmp: Path) -> None:
    cases: dict[str, tuple[Path, list[str]]] = {}
    text = tmp / "bomb.txt.gz"
    _bomb(text, bomb, b"All work and no play makes a dull corpus.\n")
    cases["text .txt.gz"] = (text, [])
    html = tmp / "bomb.html.gz"
    _bomb(html, bomb, b"<p>All work and no play makes a dull corpus.</p>\n")
    cases["raw HTML .html.gz"] = (html, [])
    line = tmp / "line.jsonl"
    with line.open("wb") as fh:
        fh.write(b'{"id": 1, "text": "')
        chunk = b"All work and no play makes a dull corpus. " * (MB // 42)
        for _ in range(bomb // len(chunk)):
            fh.write(chunk)
        fh.write(b'", "lang": "en"}\n{"id": 2, "text": "A short one."}\n')
    cases["one JSONL line"] = (line, [])
    base = _alone(_python(_CLI_RUN, "clean", str(tmp / "small.txt"), "-o", os.devnull))
    print(f"\nCommand line: cleanseed clean --max-chars 1000 on {bomb / MB:.0f} MB inputs "
          f"(baseline {base:.0f} MB)")
    print(f"{'input':<20}{'on disk':>12}{'peak':>12}{'over baseline':>16}")
    for name, (path, extra) in cases.items():
        argv = _python(_CLI_RUN, "clean", str(path), "-o", str(tmp / "out"), "--max-chars",
                       "1000", "-q", *extra)
        peak = _alone(argv)
        print(f"{name:<20}{path.stat().st_size / MB:>9.1f} MB{peak:>9.0f} MB"
              f"{peak - base:>13.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html-sizes", nargs="+", default=["1M", "5M", "16M"],
                        choices=list(SIZES))
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--bomb", default="1024", help="MB an input inflates to (default 1024)")
    parser.add_argument("--skip-html", action="store_true")
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "small.txt").write_text("Some text.\n")
        if not args.skip_html:
            html_table(args.html_sizes, args.shapes, tmp)
        if not args.skip_cli:
            cli_table(int(args.bomb) * MB, tmp)


if __name__ == "__main__":
    main()
