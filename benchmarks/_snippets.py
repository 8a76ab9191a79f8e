"""Real pages whose truth is snippets: text the main content must hold, and text it must not.

    from _snippets import load_snippet_pages, snippet_score
    pages = load_snippet_pages(Path(".../trafilatura-1.1.0/tests"))

The set is trafilatura's real-world regression test as its source distributions up to 1.1.0
ship it (later ones leave the pages out): ``cache/`` holds the pages as their sites served them
and ``realworld_tests.py`` names each page's URL in a dict ``MOCK_PAGES`` (URL -> file) and
asserts, page by page, that the extracted text holds some snippets (``'…' in result``) and does
not hold others (``'…' not in result``). The snippets were chosen by hand, by trafilatura's
author, page by page. ``_pages`` splits the set by site into dev and held-out halves, as it does
the other two.

The test file is read, never run: :mod:`ast` finds ``MOCK_PAGES`` and, in order, each
``result = load_mock_page(URL, …)`` and the ``in`` / ``not in`` comparisons of the asserts that
follow it (the parts of an ``and`` chain; a bare string in such a chain, a slip in the source,
checks nothing and is skipped). Under ``if xmloutput is False:`` (or ``True``) only the branch
the plain-text run takes counts, since every system here returns plain text. A page with no
snippet (one whose asserts are commented out) is left out.

**The scores.** A snippet is looked for in a system's output with every run of white space, in
both, made one space (and the output padded with one at each end, so that a snippet that begins
or ends with a space still finds a word's edge); case and everything else count as written.

- **with found**: the "with" snippets found, of all "with" snippets;
- **without absent**: the "without" snippets not found, of all "without" snippets;
- **pages passing**: the pages whose every "with" snippet is found and every "without" one
  absent (the test's own verdict).

Shares are pooled over every snippet of the pages reported together, so a page with many
snippets weighs more than one with few.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The test file that holds the snippets, in the ``tests/`` folder of the source distribution.
TEST_FILE = "realworld_tests.py"
#: The folder beside it that holds the pages.
CACHE = "cache"

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SnippetPage:
    """One page: its URL, its file, and the snippets its text must and must not hold."""

    url: str
    path: Path
    with_: tuple[str, ...]
    without: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SnippetScore:
    """Snippets found and absent over some pages, and the pages that pass every one."""

    with_found: int = 0
    with_total: int = 0
    without_absent: int = 0
    without_total: int = 0
    pages_passing: int = 0
    pages: int = 0

    def __add__(self, other: SnippetScore) -> SnippetScore:
        return SnippetScore(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))

    def shares(self) -> tuple[float, float, float]:
        """(with found, without absent, pages passing), each in percent; NaN for an empty
        total."""
        def share(part: int, whole: int) -> float:
            return 100 * part / whole if whole else float("nan")
        return (share(self.with_found, self.with_total),
                share(self.without_absent, self.without_total),
                share(self.pages_passing, self.pages))


def _fields(score: SnippetScore) -> tuple[int, ...]:
    return (score.with_found, score.with_total, score.without_absent, score.without_total,
            score.pages_passing, score.pages)


def normalise(text: str) -> str:
    """*text* with every run of white space made one space (the ends kept)."""
    return _SPACE.sub(" ", text)


def snippet_score(output: str, with_: Sequence[str], without: Sequence[str]) -> SnippetScore:
    """How *output* (one page's text) fares against the page's snippets."""
    haystack = f" {normalise(output)} "
    found = sum(normalise(s) in haystack for s in with_)
    absent = sum(normalise(s) not in haystack for s in without)
    passing = found == len(with_) and absent == len(without)
    return SnippetScore(found, len(with_), absent, len(without), int(passing), 1)


def is_snippet_set(folder: Path) -> bool:
    """Whether *folder* is the set's ``tests/`` folder or the source distribution holding it."""
    return (folder / TEST_FILE).is_file() or (folder / "tests" / TEST_FILE).is_file()


def load_snippet_pages(folder: Path) -> list[SnippetPage]:
    """Every page of the set at *folder* that has snippets, in the order the test names them."""
    if not (folder / TEST_FILE).is_file():
        folder = folder / "tests"
    source = folder / TEST_FILE
    tree = ast.parse(source.read_bytes(), filename=str(source))
    files = _mock_pages(tree, source)
    snippets: dict[str, tuple[list[str], list[str]]] = {}
    for url, kind, text in _assertions(tree):
        if url not in files:
            msg = f"{source}: {url!r} is asserted on but not in MOCK_PAGES"
            raise SystemExit(msg)
        with_, without = snippets.setdefault(url, ([], []))
        (with_ if kind == "with" else without).append(text)
    pages = []
    for url, (with_, without) in snippets.items():
        path = folder / CACHE / files[url]
        if not path.is_file():
            msg = f"{source}: the page of {url!r} is missing ({path})"
            raise SystemExit(msg)
        pages.append(SnippetPage(url, path, tuple(dict.fromkeys(with_)),
                                 tuple(dict.fromkeys(without))))
    return pages


def _mock_pages(tree: ast.Module, source: Path) -> dict[str, str]:
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "MOCK_PAGES"):
            value = ast.literal_eval(node.value)
            if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str)
                                               for k, v in value.items()):
                return value
    msg = f"{source}: no MOCK_PAGES dict of URL -> file name"
    raise SystemExit(msg)


def _assertions(tree: ast.Module) -> Iterator[tuple[str, str, str]]:
    """(URL, "with" or "without", snippet) for every snippet asserted, in the file's order."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            url: list[str | None] = [None]
            yield from _walk(node.body, url)


def _walk(body: list[ast.stmt], url: list[str | None]) -> Iterator[tuple[str, str, str]]:
    for stmt in body:
        if isinstance(stmt, ast.Assign):
            loaded = _loaded_url(stmt.value)
            if loaded is not None:
                url[0] = loaded
        elif isinstance(stmt, ast.If):
            taken = _plain_text_branch(stmt.test)
            if taken is not False:
                yield from _walk(stmt.body, url)
            if taken is not True:
                yield from _walk(stmt.orelse, url)
        elif isinstance(stmt, ast.Assert) and url[0] is not None:
            for kind, text in _comparisons(stmt.test):
                yield url[0], kind, text


def _loaded_url(value: ast.expr) -> str | None:
    """The URL of ``load_mock_page(URL, …)``, or None for any other expression."""
    if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id == "load_mock_page" and value.args
            and isinstance(value.args[0], ast.Constant) and isinstance(value.args[0].value, str)):
        return value.args[0].value
    return None


def _plain_text_branch(test: ast.expr) -> bool | None:
    """Whether the plain-text run (``xmloutput`` false) takes the ``if`` branch of *test*;
    None when *test* does not turn on ``xmloutput`` (both branches are followed)."""
    negate = False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, negate = test.operand, True
    if isinstance(test, ast.Name) and test.id == "xmloutput":
        return negate  # `if xmloutput:` is not taken, `if not xmloutput:` is
    if (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == "xmloutput" and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Is | ast.IsNot)
            and isinstance(test.comparators[0], ast.Constant)
            and isinstance(test.comparators[0].value, bool)):
        same = test.comparators[0].value is False  # the plain-text run's xmloutput
        taken = same if isinstance(test.ops[0], ast.Is) else not same
        return taken != negate
    return None


def _comparisons(test: ast.expr) -> Iterator[tuple[str, str]]:
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) \
        else [test]
    for part in parts:
        if (isinstance(part, ast.Compare) and len(part.ops) == 1
                and isinstance(part.left, ast.Constant) and isinstance(part.left.value, str)
                and part.left.value.strip()
                and isinstance(part.comparators[0], ast.Name)
                and part.comparators[0].id == "result"):
            if isinstance(part.ops[0], ast.In):
                yield "with", part.left.value
            elif isinstance(part.ops[0], ast.NotIn):
                yield "without", part.left.value


def label_by_snippets(lines: Sequence[str], with_: Sequence[str],
                      without: Sequence[str]) -> list[str]:
    """Label each of *lines* (a page's visible text) ``content`` when some occurrence of a
    "with" snippet falls on it, else ``boilerplate`` when one of a "without" snippet does, else
    ``unjudged``. The lines are searched as one text joined by spaces, so a snippet may span
    lines; every occurrence counts."""
    starts, text = [], ""
    for line in lines:
        starts.append(len(text) + 1)  # after the space that opens the text or joins the lines
        text += " " + " ".join(line.split())
    text += " "

    def marked(snippets: Sequence[str]) -> set[int]:
        hit: set[int] = set()
        for snippet in (normalise(s) for s in snippets):
            at = text.find(snippet)
            core = snippet.strip()
            lead = len(snippet) - len(snippet.lstrip())
            while at >= 0 and core:
                first = bisect_right(starts, at + lead) - 1
                last = bisect_right(starts, at + lead + len(core) - 1) - 1
                hit.update(range(max(first, 0), last + 1))
                at = text.find(snippet, at + 1)
        return hit

    content, boilerplate = marked(with_), marked(without)
    return ["content" if i in content else "boilerplate" if i in boilerplate else "unjudged"
            for i in range(len(lines))]
