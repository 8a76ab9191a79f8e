"""Main-text extraction from HTML: cleanseed against trafilatura, Resiliparse and bs4, in one run.

    python benchmarks/extraction.py ../shared/data/article-extraction-benchmark [--limit N]
        [--half all|dev|held-out] [--systems NAME ...] [--markdown]

The folder is the article extraction benchmark (``html/<id>.html.gz`` and
``ground-truth.json``). Every page is decoded once, by :func:`cleanseed.html.decode_html`, and
every system gets the same ``str``. The score is the benchmark's own metric, re-implemented
here: ``\\w+`` tokens (not lower-cased), 4-token shingles (a text with fewer than four tokens is
one shingle), per-page true positives, false positives and false negatives as multiset overlaps
normalised to sum to one, precision and recall averaged over pages (a page without predicted
shingles is left out of precision, one without true shingles out of recall), and F1 = 2PR/(P+R).

CPU time is this process's CPU time (``time.process_time``), so other load on the machine
disturbs it less than wall time would; each system runs over all pages in turn, so the garbage
it leaves is collected on its own clock. The systems take turns for ``--rounds`` rounds, and
each one's best round is reported: load from other processes only ever adds time. Compare
figures from the same run.

Leaks: a page leaks when its output has a line that is a photo caption or credit or a cookie
banner, and that line is not part of the page's human ground truth. Lines are judged by
cleanseed's own boilerplate rules (classes ``cookie`` and ``caption``) and, independently of
them, by the few patterns in :data:`LEAK_PATTERNS`.

The pages are split in two halves by a hash of their id: ``dev`` and ``held-out``. The rules
were developed looking at the ``dev`` half only; the F1 of each half is printed.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

import cleanseed
from cleanseed.default import clean_html
from cleanseed.html import (
    decode_html,
    html_to_text,
    resiliparse_extractor,
    trafilatura_extractor,
)

Extract = Callable[[str], str]

_TOKEN = re.compile(r"\w+")

#: Caption, credit and cookie-banner lines, judged independently of cleanseed's own rules. The
#: patterns have no nested or overlapping quantifiers, and run on stripped lines cut to 1000
#: chars.
LEAK_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?i)\b(?:we|this (?:web)?site|our (?:web)?site) (?:uses?|serves?) cookies\b"),
    re.compile(r"(?i)\b(?:accept|allow|reject|manage|decline) (?:all )?cookies\b"),
    re.compile(r"(?i)\bcookie (?:policy|settings|preferences|consent)\b.{0,80}"
               r"\b(?:accept|agree|consent)"),
    re.compile(r"(?i)^(?:photo|image|picture|illustration|graphic)s?(?: credit)?\s*[:|]"),
    re.compile(r"(?i)^(?:credit|source|caption)\s*:"),
    re.compile(r"(?i)\((?:photo|image|picture)s?(?: by)?:? [^)]{1,80}\)$"),
    re.compile(r"(?i)(?:getty images|ap photo|afp via getty|reuters/|shutterstock|istock|/cfp)"
               r"\)?$"),
)


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its id, decoded HTML, human ground truth and half."""

    id: str
    html: str
    truth: str
    half: str


@dataclass(slots=True)
class Score:
    """What one system did over the pages."""

    matches: list[tuple[float, float, float]] = field(default_factory=list)
    halves: list[str] = field(default_factory=list)
    cpu_seconds: float = 0.0
    leaks: int = 0


def half_of(page_id: str) -> str:
    """The half a page belongs to, from a hash of its id."""
    return "dev" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "held-out"


def load(folder: Path, half: str, limit: int | None) -> list[Page]:
    """Read the benchmark's pages (sorted by id), keeping *half* and at most *limit*."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        if half != "all" and half_of(page_id) != half:
            continue
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        body = truth[page_id].get("articleBody") or ""
        pages.append(Page(page_id, decode_html(raw), body, half_of(page_id)))
    return pages[:limit] if limit else pages


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of *n*-token shingles of *text*; fewer than *n* tokens make one shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def match(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of the predicted shingles against the true ones."""
    true, pred = shingles(truth), shingles(predicted)
    tp = fp = fn = 0.0
    for key in true.keys() | pred.keys():
        t, p = true.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def metrics(matches: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) over pages, as the benchmark defines them."""
    precisions, recalls = [], []
    for tp, fp, fn in matches:
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def _norm(text: str) -> str:
    return " ".join(text.split())


def leaks(output: str, truth: str) -> list[str]:
    """The caption, credit and cookie lines of *output* that the ground truth does not have."""
    found = {r.text.strip() for r in cleanseed.strip_boilerplate_and_explain(output).removals
             if r.rule.split(".")[0] in ("cookie", "caption")}
    for line in output.split("\n"):
        if any(p.search(line.strip()[:1000]) for p in LEAK_PATTERNS):
            found.add(line.strip())
    truth_text = _norm(truth)
    return sorted(line for line in found if line and _norm(line) not in truth_text)


def systems() -> dict[str, Extract]:
    """Every contender, by name: cleanseed's variants first, then the libraries alone."""
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text

    def bs4_text(html: str) -> str:
        return BeautifulSoup(html, "lxml").get_text(" ", strip=True)

    return {
        "cleanseed clean_html (default)": clean_html,
        "cleanseed html_to_text (no text rules)": html_to_text,
        "cleanseed + trafilatura extractor":
            lambda h: clean_html(h, extractor=trafilatura_extractor),
        "cleanseed + Resiliparse extractor":
            lambda h: clean_html(h, extractor=resiliparse_extractor),
        "trafilatura alone": lambda h: trafilatura.extract(h, include_comments=False) or "",
        "Resiliparse alone": lambda h: extract_plain_text(
            h, main_content=True, alt_texts=False, comments=False),
        "BeautifulSoup get_text()": bs4_text,
    }


def timed(extract: Extract, pages: Sequence[Page]) -> tuple[float, list[str]]:
    """The CPU seconds *extract* takes over *pages*, and its outputs."""
    extract(pages[0].html)  # imports and first-call set-up are not what a page costs
    gc.collect()
    start = time.process_time()
    outputs = [extract(page.html) for page in pages]
    return time.process_time() - start, outputs


def score(name: str, seconds: float, outputs: list[str], pages: Sequence[Page]) -> Score:
    """The scores and leaks of *outputs*."""
    result = Score(cpu_seconds=seconds)
    for page, output in zip(pages, outputs, strict=True):
        result.matches.append(match(page.truth, output))
        result.halves.append(page.half)
        leaked = leaks(output, page.truth)
        if leaked:
            result.leaks += 1
            print(f"  leak [{name}] {page.id[:12]}: {leaked[0][:100]!r}", file=sys.stderr)
    return result


def row(name: str, score: Score, pages: int, markdown: bool) -> str:
    """One line of the results table."""
    f1, p, r = metrics(score.matches)
    by_half = {h: metrics([m for m, hh in zip(score.matches, score.halves, strict=True)
                           if hh == h])[0] for h in ("dev", "held-out")}
    cells = [name, f"{f1:.3f}", f"{p:.3f}", f"{r:.3f}", f"{by_half['dev']:.3f}",
             f"{by_half['held-out']:.3f}", f"{score.cpu_seconds * 1000 / pages:.1f}",
             str(score.leaks)]
    if markdown:
        return "| " + " | ".join(cells) + " |"
    return f"{cells[0]:<40} " + " ".join(f"{c:>9}" for c in cells[1:])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the article extraction benchmark's folder")
    parser.add_argument("--half", choices=("all", "dev", "held-out"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="score the first N pages only")
    parser.add_argument("--systems", nargs="*", help="names (or name prefixes) to run")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best counts")
    args = parser.parse_args(argv)
    pages = load(args.folder, args.half, args.limit)
    if not pages:
        parser.error("no pages found")
    contenders = {n: f for n, f in systems().items()
                  if not args.systems or any(n.startswith(s) for s in args.systems)}
    header = ["system", "F1", "precision", "recall", "F1 dev", "F1 held-out", "CPU ms/page",
              "leaking pages"]
    print(f"{len(pages)} pages")
    if args.markdown:
        print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    else:
        print(f"{header[0]:<40} " + " ".join(f"{h:>9}" for h in header[1:]))
    best: dict[str, float] = {}
    outputs: dict[str, list[str]] = {}
    for _ in range(max(1, args.rounds)):
        for name, extract in contenders.items():
            seconds, out = timed(extract, pages)
            best[name] = min(seconds, best.get(name, seconds))
            outputs.setdefault(name, out)
    for name in contenders:
        result = score(name, best[name], outputs[name], pages)
        print(row(name, result, len(pages), args.markdown), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
