"""Metadata glued to a title ("date 2026-03-04 The power of cooperation"), cut from either end
of a line while the title stays; a line left with nothing but metadata goes whole.
"""

from __future__ import annotations

from cleanseed._text import Line, Span, line_span
from cleanseed.boilerplate.line_rules import whole_line
from cleanseed.boilerplate.options import BoilerplateConfig
from cleanseed.boilerplate.ruleset import Compiled, RuleSet

__all__ = ["trim"]

# Glued metadata is looked for within this many characters of either end of what is left of a
# line, so a line of a million glued stamps costs linear time, not quadratic.
_WINDOW = 256


def _matching(data: bytes, ruleset: RuleSet,
              known: dict[bytes, list[Compiled]]) -> list[Compiled]:
    """:meth:`RuleSet.matching` of *data*, looked up in *known* if that text was scanned before."""
    if data not in known:
        known[data] = ruleset.matching(data)
    return known[data]


def _cut_once(line: str, start: int, end: int, prefix: bool, ruleset: RuleSet,
              known: dict[bytes, list[Compiled]]) -> Span | None:
    """Cut one prefix (or suffix) from ``line[start:end]``; return its span within the line.
    *known* maps the text scanned so far to the rules matching it (see :func:`_matching`)."""
    base = start if prefix else max(start, end - _WINDOW)
    rest = line[base:min(end, start + _WINDOW) if prefix else end].encode()
    scope = "prefix" if prefix else "suffix"
    for compiled in _matching(rest, ruleset, known):
        match = compiled.regex.search(rest) if compiled.rule.scope == scope else None
        if match is None:
            continue
        # a pattern may mark the text to keep in some of its branches only
        kept = compiled.keep is not None and match.start(compiled.keep) >= 0
        if prefix:
            at = match.start(compiled.keep) if kept else match.end()
        else:
            at = match.end(compiled.keep) if kept else match.start()
        cut = base + len(rest[:at].decode())  # RE2 cuts UTF-8 at character boundaries
        span = Span(start, cut, compiled.rule.id) if prefix else Span(cut, end, compiled.rule.id)
        if span.end > span.start and line[span.start:span.end].strip():
            return span
    return None


def trim(scan: str, line: Line, rules: list[Compiled], config: BoilerplateConfig) -> list[Span]:
    """Cut glued metadata from both ends of a line until none is left; drop the line if only
    metadata (or a line that a whole-line rule takes) remains. *rules* match the line."""
    text = scan[line.start:line.end]
    ruleset = config.ruleset
    # Each piece of the line is scanned once, for all the rules at once: the whole line was
    # already; while what is left is short, it is the window at both ends; and the piece left
    # at the end is judged as a line.
    known = {text.encode(): rules}
    start, end, cuts = 0, len(text), []
    while True:
        span = _cut_once(text, start, end, True, ruleset, known) or _cut_once(
            text, start, end, False, ruleset, known)
        if span is None:
            break
        cuts.append(span)
        start, end = (span.end, end) if span.start == start else (start, span.start)
    if not cuts:
        return []
    core = text[start:end]
    whole = whole_line(core.strip(), _matching(core.encode(), ruleset, known), config)
    if whole is not None or not any(ch.isalnum() for ch in core):
        return [line_span(scan, line, whole or cuts[0].rule)]
    return [Span(line.start + s.start, line.start + s.end, s.rule) for s in cuts]

