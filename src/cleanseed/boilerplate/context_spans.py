"""The context step inside the boilerplate step: the lines of a text that
:mod:`~cleanseed.boilerplate.context` takes, judged beside what the rules removed, as spans of
the text (one a line with the reasons, for explain; one a run of lines without, for the plain
step).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress, count, pairwise
from operator import ne

from cleanseed._text import Line, Lines, Span, line_span
from cleanseed.boilerplate.context import Taken, judge, taken_lines
from cleanseed.boilerplate.lines import features, stop_words
from cleanseed.boilerplate.weights import RULE_RUN

__all__ = ["MIN_CONTEXT_LINES", "context_spans"]

# The context step needs a page: a text of fewer non-blank lines is left to the rules.
MIN_CONTEXT_LINES = 4
# A line removed by a rule of these classes is one an article holds too (a caption, a
# dateline): the context step does not take it for a sign that the lines around it are chrome.
_ARTICLE_CLASSES = frozenset(("caption", "metadata"))
# The rules that take a stamp of time alone ("March 4, 2026", "2H ago"), which a list of
# teasers prints with each teaser (context.teaser_list); a stamp that names its author is a
# post's or a comment's.
_STAMPS = frozenset(("metadata.date", "metadata.ago"))


def context_spans(scan: str, lines: Lines, spans: list[Span],
                   whys: dict[tuple[str, int], str] | None) -> list[Span]:
    """Spans for the lines of *scan* that the context step takes, beside the rules' *spans*.
    A line the rules cut is judged by what is left of it, as stripping again would see it.

    With *whys*, a span a line, and the deciding signals of each put in *whys* under its rule
    and its end (for explain); without, the lines taken one after the other are one span,
    under one rule (for the plain step, where no removal is recorded: it saves a span a line).
    """
    raws, starts = lines
    numbers = list(compress(count(), map(str.strip, raws)))  # the non-blank lines
    if len(numbers) < MIN_CONTEXT_LINES:
        return []
    texts, removed, quiet, stamps = _after_rules(scan, lines, numbers, spans)
    if whys is None:
        return _runs_of(taken_lines(texts, removed, quiet=quiet, stamps=stamps), numbers,
                        starts, len(scan))
    taken = judge(texts, removed, quiet=quiet, stamps=stamps)
    return _line_spans(scan, lines, numbers, texts, taken, whys) if taken else []


def _after_rules(scan: str, lines: Lines, numbers: list[int], spans: list[Span],
                 ) -> tuple[list[str], list[bool], list[bool], list[bool]]:
    """The non-blank *lines* of *scan* (*numbers*: their numbers among them) as the rules'
    *spans* left them: what is left of each, whether it went, whether it went to a rule of a
    class that articles hold (quiet), and whether it went as a stamp of time."""
    raws, starts = lines
    texts = list(map(raws.__getitem__, numbers))
    removed = [False] * len(numbers)
    quiet = [False] * len(numbers)  # removed by a rule of a class that articles hold
    stamps = [False] * len(numbers)  # removed as a stamp (a date, "2H ago")
    if not spans:
        return texts, removed, quiet, stamps
    by_line: dict[int, list[Span]] = {}
    for span in sorted(spans):  # each in the line it starts in
        k = bisect_right(numbers, bisect_right(starts, span.start) - 1) - 1
        by_line.setdefault(k, []).append(span)
    for k, cuts in by_line.items():
        start = starts[numbers[k]]
        end = start + len(texts[k])
        if cuts[0].start <= start and cuts[0].end >= end:  # most go whole
            texts[k], removed[k] = "", True
        else:
            texts[k] = _rest(scan, start, end, cuts)
            removed[k] = not texts[k].strip()
        quiet[k] = removed[k] and cuts[0].rule.partition(".")[0] in _ARTICLE_CLASSES
        stamps[k] = removed[k] and cuts[0].rule in _STAMPS
    return texts, removed, quiet, stamps


def _line_spans(scan: str, lines: Lines, numbers: list[int], texts: list[str],
                taken: dict[int, Taken], whys: dict[tuple[str, int], str]) -> list[Span]:
    """A span for each line *taken* (its number among the non-blank lines *numbers*), in order,
    with the deciding signals of each put in *whys* under its rule and its end (for explain);
    *texts*: what the rules left of the lines, as they were judged."""
    raws, starts = lines
    out = []
    for k, t in sorted(taken.items()):
        span = line_span(scan, Line(starts[numbers[k]], raws[numbers[k]]), t.rule)
        whys[t.rule, span.end] = t.why(features(texts[k], stop_words(t.stretch.lang)))
        out.append(span)
    return out


def _rest(scan: str, start: int, end: int, cuts: list[Span]) -> str:
    """What is left of ``scan[start:end]`` without the spans *cuts* (sorted) that start in it."""
    rest, j = [], start
    for span in cuts:
        rest.append(scan[j:max(j, span.start)])
        j = max(j, span.end)
    rest.append(scan[j:end])
    return "".join(rest)


def _runs_of(taken: list[int], numbers: list[int], starts: list[int], size: int) -> list[Span]:
    """One span for each run of the lines *taken* (their numbers among the non-blank lines,
    in order) that follow one another in the text (*numbers*: the non-blank lines' numbers
    among all the lines, which start at *starts*; *size*: the text's length)."""
    if not taken:
        return []
    lines = list(map(numbers.__getitem__, taken))
    # runs of lines one after the other: where a line does not follow the one before
    firsts = [0, *compress(count(1), map(ne, lines[1:], map((1).__add__, lines))), len(lines)]
    return [Span(starts[lines[a]], min(starts[lines[b - 1] + 1], size), RULE_RUN)
            for a, b in pairwise(firsts)]

