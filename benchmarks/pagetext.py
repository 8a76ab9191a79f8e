"""Boilerplate on full page text: cleanseed's ``clean`` against C4's and FineWeb's line rules.

    python benchmarks/pagetext.py PATH... [--previous SRC] [--half dev|held-out|both]
                                          [--markdown] [--errors FILE]

PATHs are the HTML sets (the article extraction benchmark, the Readability test pages and
trafilatura's real-world test pages; ``_pages.py`` loads them and draws their dev and held-out
halves by site). Each page's
text is what a Common Crawl WET file holds: its visible text, one line per block element,
scripts and styles dropped, menus, sidebars and footers kept (``_pages.visible_lines``), with
``fix_encoding`` applied first so that every system sees the same characters. Each line is
labelled content, boilerplate or title from the page's truth (``_linelabels``: aligned tokens);
on a page whose truth is snippets (trafilatura's), a line is content when a "with" snippet falls
on it, boilerplate when only a "without" one does, and unjudged (scored neither way) otherwise
(``_snippets.label_by_snippets``). A line labelled content that repeats an earlier line of its
page whole (eight words or more) is unjudged: the truth holds that paragraph once, and a
cleaner keeps one copy (``unjudge_copies``).

Each system's output is mapped back to the page's lines: its lines are found in order among the
page's, each within the first line at or after the last one found that holds it, so a line
kept whole, or with glued metadata cut off, counts as kept (with the characters kept). The
scores, per group of pages (each corpus's dev and held-out halves, and Readability's fixtures):

- **bp removed**: boilerplate lines gone, of all boilerplate lines (and by characters);
- **content kept**: content lines kept, of all content lines (and by characters);
- on pages whose truth is snippets, also a second table: **with found**, **without absent** and
  **pages passing** (``_snippets``), looked for in each system's output (for the line rules,
  their kept lines).

Systems:

- ``raw``: every line kept;
- ``previous``: ``clean`` of another cleanseed source tree (``--previous PATH/TO/src``), run in
  a subprocess with that tree first on ``PYTHONPATH``;
- ``clean``: ``cleanseed.clean`` of this tree;
- ``C4 lines``: the line rules of C4 (Raffel et al. 2020, and TensorFlow Datasets' ``c4_utils``
  they point to): a line stays when it ends in terminal punctuation (``. ! ? "`` and ``'``, not
  an ellipsis), has at least 3 words and no word over 1,000 characters, does not mention
  "javascript", and holds none of the policy phrases ("terms of use", "privacy policy",
  "cookie policy", "uses cookies", "use of cookies", "use cookies"); Wikipedia citation marks
  are cut first;
- ``C4 + page``: also C4's page rules that concern boilerplate: the whole page goes when a kept
  line holds "lorem ipsum" or a curly bracket, or when the kept lines hold fewer than 5
  sentences (counted as runs ending in ``. ! ?``, where C4 uses NLTK's sentence splitter). The
  bad-words rule is left out: it judges the topic, not the boilerplate;
- ``FineWeb lines``: FineWeb's C4 filter, which is C4's line rules without the terminal
  punctuation rule;
- ``FineWeb + page``: also FineWeb's page rules: C4's page rules above, then its quality
  filter on what is left (the page goes when at most 12% of its lines end in terminal
  punctuation, when at least 67% are 30 characters or shorter, when lines repeated whole hold
  at least 1% of its characters, or when it has more than 0.3 line breaks per word; words are
  ``\\w+`` and punctuation runs where FineWeb uses NLTK's word tokenizer).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _linelabels import label_lines, page_titles
from _pages import Page, groups, load_pages, visible_lines
from _snippets import SnippetScore, label_by_snippets, snippet_score

import cleanseed
from cleanseed.html import decode_html


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's lines, their labels, and the page it came from."""

    page: Page
    lines: list[str]
    labels: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def page_text(page: Page) -> PageText:
    """The page's visible lines after ``fix_encoding``, labelled from its truth."""
    html = decode_html(page.raw)
    lines = visible_lines(html)
    fixed = cleanseed.fix_encoding("\n".join(lines)).split("\n")
    if len(fixed) == len(lines) and all(line.strip() for line in fixed):
        lines = fixed
    if page.with_snippets or page.without_snippets:
        labels = label_by_snippets(lines, page.with_snippets, page.without_snippets)
    else:
        labels = label_lines(lines, page.truth, page_titles(html))
    return PageText(page, lines, unjudge_copies(lines, labels))


#: A line of this many words or more that the page holds twice is text, not a label, and a copy
#: of it is a copy whichever half it stands in.
COPY_WORDS = 8


def unjudge_copies(lines: Sequence[str], labels: list[str]) -> list[str]:
    """*labels*, with a line labelled content that repeats an earlier line of the page whole
    (its words compared, case folded, so that quotes and apostrophes may differ; of COPY_WORDS
    words or more) unjudged.

    The truth holds such a paragraph once (a standfirst printed again as the article's first
    paragraph, a lead quoted again in a share form), but snippets fall on every copy, and the
    aligned tokens on the copy they meet last. The text is kept when one copy is, and a
    cleaner that removes repeats keeps the first: scoring the later copy as content lost would
    count the same paragraph twice, once kept and once lost.
    """
    seen: set[str] = set()
    out = labels[:]
    for i, line in enumerate(lines):
        words = line.split()
        key = " ".join(_WORD.findall(line.casefold()))
        if key in seen and out[i] == "content" and len(words) >= COPY_WORDS:
            out[i] = "unjudged"
        seen.add(key)
    return out


def kept_chars(lines: Sequence[str], output: str) -> list[int]:
    """For each of *lines*, how many of its characters *output* kept (see the module doc)."""
    kept = [0] * len(lines)
    cursor = 0
    for out in output.split("\n"):
        out = " ".join(out.split())
        if not out:
            continue
        for i in range(cursor, len(lines)):
            if out in lines[i]:
                kept[i] = len(out)
                cursor = i + 1
                break
    return kept


# --- C4 and FineWeb, as published ---------------------------------------------------------------

_CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
_END = (".", "?", "!", '"', "'")
_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
           "use cookies")
_SENTENCE = re.compile(r"[^.!?]*\w[^.!?]*[.!?]+")
_WORDS = re.compile(r"\w+|[^\w\s]+")
_WORD = re.compile(r"\w+")


def c4_lines(lines: Sequence[str], *, terminal_punct: bool, page_rules: bool) -> list[bool]:
    """Which *lines* C4's filter keeps (FineWeb's without *terminal_punct*); all False when a
    page rule drops the page."""
    keep = []
    sentences = 0
    for raw in lines:
        line = raw.strip()
        words = line.split()
        line = _CITATION.sub("", line)
        lower = line.lower()
        ok = not any(len(w) > 1000 for w in words)
        ok = ok and not (terminal_punct and (not line.endswith(_END) or line.endswith("...")))
        ok = ok and len(words) >= 3
        if ok and page_rules and ("lorem ipsum" in lower or "{" in line):
            return [False] * len(lines)
        ok = ok and "javascript" not in lower and not any(p in lower for p in _POLICY)
        if ok:
            sentences += max(1, len(_SENTENCE.findall(line)))
        keep.append(ok)
    if page_rules and sentences < 5:
        return [False] * len(lines)
    return keep


def fineweb_quality(kept: Sequence[str]) -> bool:
    """Whether FineWeb's quality filter keeps the page made of *kept* lines."""
    text = "\n".join(kept)
    if not kept or not text.replace("\n", ""):
        return False
    if sum(line.endswith((".", "'", '"', "!", "?")) for line in kept) / len(kept) <= 0.12:
        return False
    if sum(len(line) <= 30 for line in kept) / len(kept) >= 0.67:
        return False
    seen: set[str] = set()
    repeated = 0
    for line in kept:
        if line in seen:
            repeated += len(line)
        seen.add(line)
    if repeated / len(text.replace("\n", "")) >= 0.01:
        return False
    return text.count("\n") / max(1, len(_WORDS.findall(text))) <= 0.3


#: Runs one system over the pages: per page, the characters of each line kept, and the text.
System = Callable[[list[PageText]], tuple[list[list[int]], list[str]]]


def line_system(rule: Callable[[Sequence[str]], list[bool]]) -> System:
    def run(pages: list[PageText]) -> tuple[list[list[int]], list[str]]:
        keeps = [rule(p.lines) for p in pages]
        kept = [[len(line) if k else 0 for line, k in zip(p.lines, keep, strict=True)]
                for p, keep in zip(pages, keeps, strict=True)]
        texts = ["\n".join(line for line, k in zip(p.lines, keep, strict=True) if k)
                 for p, keep in zip(pages, keeps, strict=True)]
        return kept, texts
    return run


def fineweb_page(lines: Sequence[str]) -> list[bool]:
    keep = c4_lines(lines, terminal_punct=False, page_rules=True)
    if not fineweb_quality([line for line, k in zip(lines, keep, strict=True) if k]):
        return [False] * len(lines)
    return keep


def text_system(clean: Callable[[list[str]], list[str]]) -> System:
    def run(pages: list[PageText]) -> tuple[list[list[int]], list[str]]:
        outs = clean([p.text for p in pages])
        return [kept_chars(p.lines, out) for p, out in zip(pages, outs, strict=True)], outs
    return run


def previous_clean(src: Path) -> Callable[[list[str]], list[str]]:
    """``clean`` of the cleanseed tree at *src*, run in a subprocess with it on the path."""
    code = ("import json, sys, cleanseed; texts = json.load(open(sys.argv[1]));"
            "assert cleanseed.__file__.startswith(sys.argv[2]), cleanseed.__file__;"
            "json.dump([cleanseed.clean(t) for t in texts], open(sys.argv[1], 'w'))")

    def run(texts: list[str]) -> list[str]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "texts.json"
            path.write_text(json.dumps(texts), encoding="utf-8")
            subprocess.run([sys.executable, "-c", code, str(path), str(src.resolve())],
                           env={"PYTHONPATH": str(src.resolve()), "PATH": ""}, check=True)
            outs: list[str] = json.loads(path.read_text(encoding="utf-8"))
        return outs
    return run


# --- scoring ------------------------------------------------------------------------------------

@dataclass
class Score:
    """Lines and characters of each label, and how many of them a system kept."""

    lines: dict[str, int] = field(default_factory=lambda: {"content": 0, "boilerplate": 0})
    chars: dict[str, int] = field(default_factory=lambda: {"content": 0, "boilerplate": 0})
    kept_lines: dict[str, int] = field(default_factory=lambda: {"content": 0, "boilerplate": 0})
    kept_chars: dict[str, int] = field(default_factory=lambda: {"content": 0, "boilerplate": 0})

    def add(self, page: PageText, kept: list[int]) -> None:
        for line, label, k in zip(page.lines, page.labels, kept, strict=True):
            if label not in self.lines:  # a title, or a line no snippet judges
                continue
            self.lines[label] += 1
            self.chars[label] += len(line)
            self.kept_lines[label] += k > 0
            self.kept_chars[label] += k

    def row(self) -> tuple[float, float, float, float]:
        def share(kept: dict[str, int], total: dict[str, int], label: str) -> float:
            return 100 * kept[label] / total[label] if total[label] else float("nan")
        return (100 - share(self.kept_lines, self.lines, "boilerplate"),
                100 - share(self.kept_chars, self.chars, "boilerplate"),
                share(self.kept_lines, self.lines, "content"),
                share(self.kept_chars, self.chars, "content"))


def systems(previous: Path | None) -> dict[str, System]:
    out: dict[str, System] = {"raw": line_system(lambda lines: [True] * len(lines))}
    if previous is not None:
        out["previous clean"] = text_system(previous_clean(previous))
    out["clean"] = text_system(lambda texts: [cleanseed.clean(t) for t in texts])
    out["C4 lines"] = line_system(lambda ls: c4_lines(ls, terminal_punct=True, page_rules=False))
    out["C4 + page"] = line_system(lambda ls: c4_lines(ls, terminal_punct=True, page_rules=True))
    out["FineWeb lines"] = line_system(
        lambda ls: c4_lines(ls, terminal_punct=False, page_rules=False))
    out["FineWeb + page"] = line_system(fineweb_page)
    return out


def write_errors(path: Path, pages: list[PageText], kept: list[list[int]]) -> None:
    """Write the dev pages' lines as ``clean`` judged them (held-out pages are never written):
    each line marked c/b/t/u (its label; u: no snippet judges it), +/- (kept or not) and ! where
    misjudged, with the rule of each removal and, for a misjudged line, its features as the
    context step reads them."""
    from cleanseed.boilerplate import features, guess_language, stop_words

    with path.open("w", encoding="utf-8") as out:
        for page, marks in zip(pages, kept, strict=True):
            if page.page.half != "dev" or page.page.fixture:
                continue
            rules = {r.text.strip(): r.rule for r in cleanseed.explain(page.text).removals}
            stop = stop_words(guess_language(page.lines))
            out.write(f"=== {page.page.corpus} {page.page.id}\n")
            for line, label, k in zip(page.lines, page.labels, marks, strict=True):
                wrong = (label == "content") != (k > 0) and label in ("content", "boilerplate")
                mark = {"content": "c", "boilerplate": "b", "title": "t"}.get(label, "u")
                mark += ("+" if k else "-") + ("!" if wrong else " ")
                why = [rules.get(line.strip(), "")] if not k else []
                if wrong:
                    why.append(features(line, stop).signals())
                note = f"  [{'; '.join(w for w in why if w)}]" if any(why) else ""
                out.write(f"{mark} {line[:160]}{note}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--previous", type=Path, help="src folder of the release to compare")
    parser.add_argument("--half", choices=("dev", "held-out", "both"), default="both",
                        help="score only the pages of one half (fixtures by their folder's "
                        "half too): tune on dev, run held-out once at the end")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--errors", type=Path, help="write the dev pages' lines as clean "
                        "judged them here (misjudged ones marked !)")
    args = parser.parse_args(argv)

    pages = [page_text(p) for p in load_pages(args.paths)
             if args.half in ("both", p.half)]
    by_group = groups([p.page for p in pages])
    index = {id(p.page): p for p in pages}
    results: dict[str, dict[str, Score]] = {}
    snippets: dict[str, dict[str, SnippetScore]] = {}
    for name, run in systems(args.previous).items():
        kept, texts = run(pages)
        if name == "clean" and args.errors:
            write_errors(args.errors, pages, kept)
        by_page = {id(p.page): (k, t) for p, k, t in zip(pages, kept, texts, strict=True)}
        results[name], snippets[name] = {}, {}
        for group, members in by_group.items():
            score = results[name].setdefault(group, Score())
            for page in members:
                score.add(index[id(page)], by_page[id(page)][0])
            if all(p.with_snippets or p.without_snippets for p in members):
                snippets[name][group] = sum(
                    (snippet_score(by_page[id(p)][1], p.with_snippets, p.without_snippets)
                     for p in members), SnippetScore())
    print_table(results, by_group, args.markdown)
    print_snippets(snippets, args.markdown)
    return 0


def print_snippets(snippets: dict[str, dict[str, SnippetScore]], markdown: bool) -> None:
    """The snippet scores of the groups whose truth is snippets, one row per system."""
    head = ("group", "system", "with found", "without absent", "pages passing")
    rows = [(group, name, *(f"{v:.1f}%" for v in score.shares()))
            for name, per_group in snippets.items() for group, score in per_group.items()]
    if rows:
        print()
        _print_rows(head, sorted(rows, key=lambda r: r[0]), markdown)


def print_table(results: dict[str, dict[str, Score]], by_group: dict[str, list[Page]],
                markdown: bool) -> None:
    head = ("group", "system", "bp removed", "bp chars removed", "content kept",
            "content chars kept")
    rows = []
    for group in by_group:
        for name, per_group in results.items():
            r = per_group[group].row()
            rows.append((group, name, *(f"{v:.1f}%" for v in r)))
    if not markdown:
        for group, members in by_group.items():
            any_score = next(iter(results.values()))[group]
            print(f"{group}: {len(members)} pages, {any_score.lines['content']} content and "
                  f"{any_score.lines['boilerplate']} boilerplate lines")
    _print_rows(head, rows, markdown)


def _print_rows(head: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    for row in (head, *rows):
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    raise SystemExit(main())
