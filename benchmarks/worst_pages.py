"""The dev pages where cleanseed's extraction does worst, to study: held-out pages never show.

    python benchmarks/worst_pages.py FOLDER [FOLDER ...] [--top N] [--show ID ...]

Lists the ``dev`` pages of the shared sets (see :mod:`_pages`) by ``clean_html``'s F1, worst
first, with precision and recall. ``--show`` prints, for the pages named, the lines of the truth
that the output misses and the lines of the output the truth lacks. Pages of the held-out half
are not even scored, so that their outputs cannot guide a change.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pages import load_pages
from extraction import match, metrics

from cleanseed.default import clean_html
from cleanseed.html import decode_html


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def show(page_id: str, truth: str, output: str) -> None:
    """Print the truth's lines the output misses, and the output's lines the truth lacks."""
    out_text, truth_text = " ".join(output.split()), " ".join(truth.split())
    print(f"\n=== {page_id}")
    for line in _lines(truth):
        if line not in out_text:
            print(f"  - {line[:160]}")
    for line in _lines(output):
        if line not in truth_text:
            print(f"  + {line[:160]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--top", type=int, default=25, help="how many pages to list")
    parser.add_argument("--show", nargs="*", default=[], help="page ids to show in detail")
    args = parser.parse_args(argv)
    pages = [p for p in load_pages(args.folders) if p.half == "dev"]
    rows = []
    for page in pages:
        output = clean_html(decode_html(page.raw))
        f1, p, r = metrics([match(page.truth, output)])
        rows.append((f1, p, r, page, output))
    rows.sort(key=lambda item: item[0])
    for f1, p, r, page, _ in rows[:args.top]:
        kind = "fixture" if page.fixture else page.corpus
        print(f"{f1:.3f} P {p:.3f} R {r:.3f}  {kind:<11} {page.id}")
    for _, _, _, page, output in rows:
        if page.id in args.show:
            show(page.id, page.truth, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
