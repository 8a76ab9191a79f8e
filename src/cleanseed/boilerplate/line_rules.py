"""What the rules make of one line: the lines some rule matches, found with one call of the
rule set a line, and the verdict on each (:func:`rule_verdict`): the whole-line rule that takes
it, the rules that may cut it, or the rule that takes it only beside a neighbour or in a run
(:mod:`~cleanseed.boilerplate.neighbours` settles those).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress

from cleanseed._text import Line, Lines
from cleanseed.boilerplate.code import code_line
from cleanseed.boilerplate.options import BoilerplateConfig
from cleanseed.boilerplate.ruleset import Compiled, RuleSet

__all__ = ["RuleVerdict", "candidates", "rule_verdict", "whole_line"]

# The classes whose rules name what they remove outright (a cookie banner says what it is): they
# take a line even when it is shaped as code or as a row of a table set in columns, which the
# other rules leave (see cleanseed.boilerplate.code).
_OUTRIGHT = frozenset(("cookie",))


def candidates(lines: Lines, data: bytes, ruleset: RuleSet,
               ) -> list[tuple[Line, list[Compiled]]]:
    """Return every line of *lines* that some rule matches, with those rules in table order
    (*data*: the text's UTF-8).

    Each line that is not blank is matched against the set on its own: one call per line finds
    every rule of the line at once, where searching the text rule by rule costs a call per rule
    and hit. Matching a block of lines first, to skip its lines when it has no match, does not
    pay: the set's automaton meets far more states on a block than on single lines, and a
    block with a match costs its lines' calls as well.
    """
    raws = data.split(b"\n")
    numbers = list(compress(range(len(raws)), map(bytes.strip, raws)))  # the non-blank lines
    found = ruleset.hits([raws[i] for i in numbers])
    # "\n" is one byte in UTF-8 and no other character's encoding holds it, so the lines of
    # the text and of its bytes pair up
    texts, starts = lines
    out = []
    for k, rules in found:
        i = numbers[k]
        out.append((Line(starts[i], texts[i]), rules))
    return out


def _first(body: str, rules: Iterable[Compiled], config: BoilerplateConfig, *,
           near: bool = False, run: bool = False) -> Compiled | None:
    """Return the first whole-line rule that accepts *body*: among the rules that need a
    neighbour if *near*, that need a run of lines if *run*, among the others if neither."""
    found: frozenset[int] | None = None  # the line's companions, looked for once if needed
    size = len(body)
    for compiled in rules:
        if not (compiled.beside if near else compiled.in_run if run else compiled.whole) \
                or not compiled.fits(size, config.max_banner_chars):
            continue
        if compiled.need or compiled.veto:  # the companions must have all it needs, no veto
            if found is None:
                found = config.ruleset.companions(body)
            if not (compiled.need <= found and found.isdisjoint(compiled.veto)):
                continue
        return compiled
    return None


def whole_line(body: str, rules: Iterable[Compiled], config: BoilerplateConfig) -> str | None:
    """Return the id of the first whole-line rule (not one needing a neighbour) that accepts
    *body*, if any."""
    compiled = _first(body, rules, config)
    return None if compiled is None else compiled.rule.id


# What the rules make of a line: the whole-line rule that takes it, the rules that apply to it
# (which may cut it), the rule that takes it next to a neighbour, and the one that takes it in a
# run of such lines.
RuleVerdict = tuple["str | None", list[Compiled], "Compiled | None", "Compiled | None"]


def rule_verdict(text: str, rules: list[Compiled], config: BoilerplateConfig) -> RuleVerdict:
    """What the *rules* that match the line *text* make of it (:data:`RuleVerdict`); on a line of
    code, only the rules of the classes that take any line apply."""
    body = text.strip()
    if not body:
        return None, [], None, None
    if code_line(text):
        rules = [c for c in rules if c.rule.rule_class in _OUTRIGHT]
    whole = whole_line(body, rules, config)
    if whole is not None or any(c.cuts for c in rules):
        return whole, rules, None, None
    near = _first(body, rules, config, near=True)
    if near is not None:
        return None, rules, near, None
    return None, rules, None, _first(body, rules, config, run=True)

