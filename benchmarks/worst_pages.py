"""The dev pages where cleanseed's extraction does worst, to study: held-out pages never show.

    python benchmarks/worst_pages.py FOLDER [FOLDER ...] [--top N] [--show ID ...]

Lists the ``dev`` pages of the shared sets (see :mod:`_pages`) by ``clean_html``'s F1, worst
first, with precision and recall. ``--show`` prints, for the pages named, the lines of the truth
that the output misses and the lines of the output the truth lacks. Pages whose truth is
snippets (trafilatura's real-world tests) are listed after, each that fails with the "with"
snippets its output misses and the "without" ones it holds. Pages of the held-out half are not
even scored, so that their outputs cannot guide a change.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pages import Page, load_pages
from _snippets import normalise, snippet_score
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
    snippet_pages = [p for p in pages if p.with_snippets or p.without_snippets]
    pages = [p for p in pages if not (p.with_snippets or p.without_snippets)]
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
    for page in snippet_pages:
        failing(page, clean_html(decode_html(page.raw)), page.id in args.show)
    return 0


def failing(page: Page, output: str, full: bool) -> None:
    """Print a snippet page that fails: the snippets it misses and holds; with *full*, its
    output too."""
    score = snippet_score(output, page.with_snippets, page.without_snippets)
    if score.pages_passing and not full:
        return
    haystack = f" {normalise(output)} "
    print(f"\n=== snippets {page.id} ({page.site})")
    for snippet in page.with_snippets:
        if normalise(snippet) not in haystack:
            print(f"  missing: {snippet[:160]!r}")
    for snippet in page.without_snippets:
        if normalise(snippet) in haystack:
            print(f"  holding: {snippet[:160]!r}")
    if full:
        print(output)


if __name__ == "__main__":
    sys.exit(main())
