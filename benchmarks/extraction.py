"""Main-text extraction from HTML: cleanseed against trafilatura, Resiliparse, jusText and bs4.

    python benchmarks/extraction.py FOLDER [FOLDER ...] [--half all|dev|held-out] [--limit N]
        [--systems NAME ...] [--rounds N] [--previous SRC] [--markdown]

Each FOLDER is one of the three sets (the article extraction benchmark, the Readability test
pages, or trafilatura's real-world test pages); :mod:`_pages` reads them, draws their halves by
site and marks Readability's hand-made fixtures. Every page is decoded once, by
:func:`cleanseed.html.decode_html`, and every system gets the same ``str``. Results are printed
per group: each set's ``dev`` and ``held-out`` halves, and the fixtures apart (they test one
piece of markup each, not a page).

The score is the article extraction benchmark's own metric, re-implemented here: ``\\w+`` tokens
(not lower-cased), 4-token shingles (a text with fewer than four tokens is one shingle),
per-page true positives, false positives and false negatives as multiset overlaps normalised to
sum to one, precision and recall averaged over pages (a page without predicted shingles is left
out of precision, one without true shingles out of recall), and F1 = 2PR/(P+R). trafilatura's
pages have snippets for their truth, not a text: their table gives the snippets' scores instead
(:mod:`_snippets`: "with" snippets found, "without" snippets absent, pages passing every one).

``--previous PATH/TO/src`` adds ``clean_html`` of another cleanseed source tree (a previous
release), run in a child process with that tree first on ``PYTHONPATH``, fed the same decoded
pages, in its turn among the others in every round.

CPU time is the CPU time (``time.process_time``) of each call, in this process (in the child
for ``--previous``), so other load on the machine disturbs it less than wall time would. The
systems take turns for ``--rounds`` rounds, and each page's best round counts: load from other
processes only ever adds time. Compare figures from the same run.

Leaks: a page leaks when its output has a line that is a photo caption or credit or a cookie
banner, and that line is not part of the page's human ground truth. Lines are judged by
cleanseed's own boilerplate rules (classes ``cookie`` and ``caption``) and, independently of
them, by the few patterns in :data:`LEAK_PATTERNS`. On a page whose truth is snippets, the
"with" snippets stand for the truth, so nearly every such line counts.

jusText is given its English stop-word list on pages marked English or not marked at all, and
runs in its language-independent mode (no stop words, both stop-word bars at 0) on pages whose
``<html lang>`` names another language.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pages import groups, load_pages
from _snippets import SnippetScore, snippet_score

import cleanseed
from cleanseed.default import clean_html
from cleanseed.html import (
    decode_html,
    html_to_text,
    resiliparse_extractor,
    trafilatura_extractor,
)

Extract = Callable[[str], str]
#: Runs one system over the pages: the CPU seconds of each call, and the outputs.
Runner = Callable[[Sequence["Page"]], tuple[list[float], list[str]]]

_TOKEN = re.compile(r"\w+")
_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)

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
    """One page as the systems get it: its id, decoded HTML, human truth and reporting group."""

    id: str
    html: str
    truth: str
    group: str
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()

    @property
    def by_snippets(self) -> bool:
        """Whether the truth is snippets rather than the main text."""
        return bool(self.with_snippets or self.without_snippets)


@dataclass(slots=True)
class Score:
    """What one system did over the pages: per page, its match, snippets, CPU seconds and
    leaked lines."""

    matches: list[tuple[float, float, float]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    leaks: list[list[str]] = field(default_factory=list)
    snippets: list[SnippetScore] = field(default_factory=list)


def load(folders: Sequence[Path], half: str, limit: int | None) -> list[Page]:
    """Read every page of *folders*, keeping *half* (fixtures go with every half) and at most
    *limit* of them."""
    pages = []
    for group, members in groups(load_pages(folders)).items():
        if half != "all" and not group.endswith((half, "fixtures")):
            continue
        pages += [Page(p.id, decode_html(p.raw), p.truth, group, p.with_snippets,
                       p.without_snippets) for p in members]
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


def _justext() -> Extract:
    import justext

    english = justext.get_stoplist("English")

    def extract(html: str) -> str:
        lang = _LANG.search(html[:20000])
        if lang is None or lang.group(1).lower() == "en":
            paragraphs = justext.justext(html, english)
        else:
            paragraphs = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


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
        "jusText alone": _justext(),
        "BeautifulSoup get_text()": bs4_text,
    }


def timed(extract: Extract, pages: Sequence[Page]) -> tuple[list[float], list[str]]:
    """The CPU seconds *extract* takes on each of *pages*, and its outputs."""
    extract(pages[0].html)  # imports and first-call set-up are not what a page costs
    gc.collect()
    seconds, outputs = [], []
    clock = time.process_time
    for page in pages:
        start = clock()
        outputs.append(extract(page.html))
        seconds.append(clock() - start)
    return seconds, outputs


#: What the child process runs for ``--previous``: the same timing as :func:`timed`.
_CHILD = """
import gc, json, sys, time
import cleanseed
from cleanseed.default import clean_html
assert cleanseed.__file__.startswith(sys.argv[2]), cleanseed.__file__
pages = json.load(open(sys.argv[1], encoding="utf-8"))
clean_html(pages[0])
gc.collect()
seconds, outputs = [], []
for html in pages:
    start = time.process_time()
    outputs.append(clean_html(html))
    seconds.append(time.process_time() - start)
json.dump([seconds, outputs], open(sys.argv[1] + ".out", "w", encoding="utf-8"))
"""


def previous(src: Path, folder: Path) -> Runner:
    """``clean_html`` of the cleanseed tree at *src*, in a child process with it on the path;
    the pages go through a file in *folder*."""
    src = src.resolve()

    def run(pages: Sequence[Page]) -> tuple[list[float], list[str]]:
        path = folder / "pages.json"
        if not path.exists():
            path.write_text(json.dumps([p.html for p in pages]), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(src)}
        subprocess.run([sys.executable, "-c", _CHILD, str(path), str(src)], env=env,
                       check=True)
        seconds, outputs = json.loads(Path(f"{path}.out").read_text(encoding="utf-8"))
        return seconds, outputs

    return run


def score(seconds: list[float], outputs: list[str], pages: Sequence[Page]) -> Score:
    """The scores and leaks of *outputs*."""
    result = Score(seconds=seconds)
    for page, output in zip(pages, outputs, strict=True):
        result.matches.append(match(page.truth, output))
        truth = "\n".join(page.with_snippets) if page.by_snippets else page.truth
        result.leaks.append(leaks(output, truth))
        result.snippets.append(snippet_score(output, page.with_snippets, page.without_snippets))
    return result


def row(name: str, score: Score, members: list[int], markdown: bool, snippets: bool) -> str:
    """One line of a group's table: the scores of *score* over the pages at *members*, by
    shingles or, when *snippets*, by snippets."""
    if snippets:
        total = sum((score.snippets[i] for i in members), SnippetScore())
        found, absent, passing = total.shares()
        cells = [name, f"{found:.1f}%", f"{absent:.1f}%", f"{passing:.1f}%"]
    else:
        f1, p, r = metrics([score.matches[i] for i in members])
        cells = [name, f"{f1:.3f}", f"{p:.3f}", f"{r:.3f}"]
    ms = 1000 * sum(score.seconds[i] for i in members) / len(members)
    cells += [f"{ms:.1f}", str(sum(bool(score.leaks[i]) for i in members))]
    if markdown:
        return "| " + " | ".join(cells) + " |"
    return f"{cells[0]:<40} " + " ".join(f"{c:>9}" for c in cells[1:])


_HEADER = ["system", "F1", "precision", "recall", "CPU ms/page", "leaking pages"]
_SNIPPET_HEADER = ["system", "with found", "without absent", "pages passing", "CPU ms/page",
                   "leaking pages"]


def report(results: dict[str, Score], pages: Sequence[Page], markdown: bool) -> None:
    """Print one table per group, systems in the order they ran."""
    by_group: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        by_group.setdefault(page.group, []).append(i)
    for group, members in by_group.items():
        snippets = all(pages[i].by_snippets for i in members)
        header = _SNIPPET_HEADER if snippets else _HEADER
        print(f"\n{group}: {len(members)} pages")
        if snippets:
            with_ = sum(len(pages[i].with_snippets) for i in members)
            without = sum(len(pages[i].without_snippets) for i in members)
            print(f"{with_} snippets to find, {without} to leave out")
        if markdown:
            print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
        else:
            print(f"{header[0]:<40} " + " ".join(f"{h:>9}" for h in header[1:]))
        for name, result in results.items():
            print(row(name, result, members, markdown, snippets), flush=True)


def _print_leaks(results: dict[str, Score], pages: Sequence[Page]) -> None:
    for name, result in results.items():
        for page, leaked in zip(pages, result.leaks, strict=True):
            if leaked:
                print(f"  leak [{name}] {page.group} {page.id[:24]}: {leaked[0][:100]!r}",
                      file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="+",
                        help="the article extraction benchmark's, the Readability pages' and/or"
                             " trafilatura's real-world tests' folder")
    parser.add_argument("--half", choices=("all", "dev", "held-out"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="score the first N pages only")
    parser.add_argument("--systems", nargs="*", help="names (or name prefixes) to run")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the best counts")
    parser.add_argument("--previous", type=Path, help="src folder of a cleanseed release to "
                        "run beside this one")
    args = parser.parse_args(argv)
    pages = load(args.folders, args.half, args.limit)
    if not pages:
        parser.error("no pages found")
    with tempfile.TemporaryDirectory() as tmp:
        runners: dict[str, Runner] = {}
        if args.previous is not None:
            runners["previous release clean_html"] = previous(args.previous, Path(tmp))
        runners.update({n: functools.partial(timed, f) for n, f in systems().items()})
        runners = {n: r for n, r in runners.items()
                   if not args.systems or any(n.startswith(s) for s in args.systems)}
        best: dict[str, list[float]] = {}
        outputs: dict[str, list[str]] = {}
        for _ in range(max(1, args.rounds)):
            for name, run in runners.items():
                seconds, out = run(pages)
                earlier = best.get(name, seconds)
                best[name] = [min(a, b) for a, b in zip(seconds, earlier, strict=True)]
                outputs.setdefault(name, out)
    results = {name: score(best[name], outputs[name], pages) for name in runners}
    _print_leaks(results, pages)
    report(results, pages, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
