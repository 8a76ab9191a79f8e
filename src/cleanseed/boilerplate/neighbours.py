"""The rules that take a line only with others: a lone button label ("Accept") goes next to a
line a rule of its class removed whole (:func:`near_anchors`), and a line of some rules goes
only in a run of such lines, one right after the other (:func:`in_runs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, count

from cleanseed._text import Line, Lines, Span, line_span
from cleanseed.boilerplate.ruleset import Compiled

__all__ = ["in_runs", "near_anchors"]


def _sweep(items: Iterable[tuple[int, str, int | None]]) -> set[int]:
    """Walk *items* (ordinal, class, distance or None for an anchor) in the given order; return
    the ordinals of the candidates within their distance of the last anchor or accepted line
    of their class."""
    last: dict[str, int] = {}
    accepted = set()
    for ordinal, cls, distance in items:
        if distance is not None:
            if cls not in last or abs(ordinal - last[cls]) > distance:
                continue
            accepted.add(ordinal)
        last[cls] = ordinal
    return accepted


def _ordinals(lines: Lines) -> dict[int, int]:
    """The number of each non-blank line of a text (its *lines*) among them, by where it
    starts."""
    raws, starts = lines
    return dict(zip(compress(starts, map(str.strip, raws)), count()))


def near_anchors(scan: str, lines: Lines, anchors: list[Span],
                 pending: list[tuple[Line, Compiled]]) -> list[Span]:
    """Return spans for the *pending* lines (matched by rules that need a neighbour) that a
    chain of lines ties to an *anchor*: a line removed whole by a rule of the same class."""
    ordinal = _ordinals(lines)
    items = sorted([(ordinal[a.start], a.rule.partition(".")[0], None) for a in anchors]
                   + [(ordinal[line.start], c.rule.rule_class, c.rule.near) for line, c in pending])
    keep = _sweep(items) | _sweep(reversed(items))
    return [line_span(scan, line, c.rule.id) for line, c in pending if ordinal[line.start] in keep]


def in_runs(scan: str, lines: Lines, anchors: list[Span], pending: list[tuple[Line, Compiled]],
             ) -> list[Span]:
    """Return spans for the *pending* lines (matched by rules that need a run) that stand in
    a run of their rule's ``run`` lines or more, one right after the other; a line removed
    whole by a rule of the rule's class (an *anchor*) may stand between them."""
    ordinal = _ordinals(lines)
    classes: dict[int, set[str]] = {}
    for span in anchors:
        if (k := ordinal.get(span.start)) is not None:
            classes.setdefault(k, set()).add(span.rule.partition(".")[0])
    runs: list[list[tuple[Line, Compiled]]] = []
    last = -1
    for line, compiled in pending:
        k = ordinal[line.start]
        rule = compiled.rule
        # it goes on the run when the lines between it and the run's last are its class's
        if runs and runs[-1][0][1].rule is rule and all(
                rule.rule_class in classes.get(j, ()) for j in range(last + 1, k)):
            runs[-1].append((line, compiled))
        else:
            runs.append([(line, compiled)])
        last = k
    return [line_span(scan, line, c.rule.id) for run in runs
            if len(run) >= (run[0][1].rule.run or 0) for line, c in run]

