"""The rules compiled for one configuration: one RE2 set for the first pass, a regex per rule.

A rule's pattern is wrapped by its scope (a whole line, a line's head or tail, anywhere in it)
and compiled on the text's UTF-8 bytes; every rule is also in one RE2 set, so one scan of a line
finds every rule that matches it, and every rule's companion patterns (``requires``,
``unless``) are in a second set. :class:`RuleSet` is what :mod:`cleanseed.boilerplate.strip`
applies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress
from typing import Any

import re2

from cleanseed.boilerplate.rules import Rule
from cleanseed.errors import ConfigError

__all__ = ["Compiled", "RuleSet"]

# What str.strip() strips, as an RE2 class: the rules see a line the way tidy() leaves it.
_WS = (
    r"[\t\x0b\x0c\r\x1c-\x1f \x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}"
    r"\x{205f}\x{3000}]"
)
# A list marker before a whole-line match: extractors render menus and share bars as lists.
_MARKER = "(?:[•·▪‣◦●○■□*–—-]" + _WS + "*)?"

# What goes before and after a rule's pattern, by scope. (?m) makes ^ and $ match at line ends.
_WRAP = {
    "line": ("(?m)^" + _WS + "*" + _MARKER + "(?:", ")" + _WS + "*$"),
    "tail": ("(?m)(?:", ")" + _WS + "*$"),
    "search": ("(?m)(?:", ")"),
    "prefix": ("(?m)^" + _WS + "*(?:", ")"),
    "suffix": ("(?m)(?:", ")" + _WS + "*$"),
}
_WHOLE_LINE = ("line", "tail", "search")

# The combined set of all rules needs more than RE2's default 8 MiB to compile.
_MAX_MEM = 64 << 20

# The whole-text scan before the lines pays while fewer than this share of texts have a match
# (it costs about half the per-line scans of a text of ten lines); the share is a mean over
# about the last 1 / _RATE_WEIGHT texts.
_PRESCAN_BELOW = 0.5
_RATE_WEIGHT = 0.02

# A text of this many lines or more is a page, which repeats some of them (its menus): each line
# of it is matched once. On fewer lines, telling the repeats apart costs more than it saves.
_MANY_LINES = 64


def _options() -> re2.Options:
    options = re2.Options()
    options.never_nl = True  # no rule may match across a line break, whatever its classes say
    options.max_mem = _MAX_MEM
    options.log_errors = False  # a failed set match is detected and handled below
    return options


def _wrapped(rule: Rule) -> str:
    head, tail = _WRAP[rule.scope]
    return head + rule.pattern + tail


def _compile(pattern: str, rule: Rule) -> Any:
    try:
        return re2.compile(pattern.encode(), _options())
    except re2.error as exc:
        msg = f"rule {rule.id!r}: pattern does not compile in RE2: {exc}"
        raise ConfigError(msg) from exc


@dataclass(frozen=True, slots=True)
class Compiled:
    """A rule with its patterns compiled: the wrapped main pattern and the companions, which
    are also numbered in the rule set's companion set (``need`` and ``veto``)."""

    rule: Rule
    regex: Any
    keep: int | None  # the group index of ``keep``, if the pattern has one
    need: frozenset[int]
    veto: frozenset[int]
    # what the rule's scope and neighbour say, looked up for each line it matches
    whole: bool  # it takes a whole line on its own
    beside: bool  # it takes a whole line beside a line of its class
    in_run: bool  # it takes a whole line in a run of lines it matches
    cuts: bool  # it cuts a prefix or a suffix

    @classmethod
    def of(cls, rule: Rule, number: dict[str, int]) -> Compiled:
        regex = _compile(_wrapped(rule), rule)
        if regex.search(b""):  # it would match every line, and everywhere in one
            msg = f"rule {rule.id!r}: pattern matches the empty string"
            raise ConfigError(msg)
        whole_line = rule.scope in _WHOLE_LINE
        return cls(rule, regex, regex.groupindex.get(b"keep"),
                   frozenset(number[p] for p in rule.requires),
                   frozenset(number[p] for p in rule.unless),
                   whole_line and rule.near is None and rule.run is None,
                   whole_line and rule.near is not None, whole_line and rule.run is not None,
                   not whole_line)

    def fits(self, size: int, max_banner_chars: int) -> bool:
        """Whether a line of *size* characters (stripped) whose main pattern matched is within
        the length limit."""
        limit = self.rule.max_chars
        if self.rule.scope == "search":
            limit = min(limit or max_banner_chars, max_banner_chars)
        return limit is None or size <= limit


class RuleSet:
    """Rules compiled for one configuration: one RE2 set for the first pass, a regex per rule.

    Pickled by its rules and compiled again on load, so configurations travel to worker
    processes.

    >>> from cleanseed.boilerplate.rules import DEFAULT_RULES
    >>> RuleSet(DEFAULT_RULES[:2]).rules == DEFAULT_RULES[:2]
    True
    """

    __slots__ = ("_companions", "_compiled", "_numbered", "_rate", "_set", "rules")

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        # Every companion pattern once, numbered from 1 in a set of its own: one scan of a line
        # answers every rule's companions.
        number: dict[str, int] = {}
        for rule in self.rules:
            for pattern in (*rule.requires, *rule.unless):
                number.setdefault(pattern, len(number) + 1)
        self._numbered = {number[p]: _compile(p, rule) for rule in self.rules
                          for p in (*rule.requires, *rule.unless)}
        self._compiled = tuple(Compiled.of(rule, number) for rule in self.rules)
        self._set = _set_of(_wrapped(rule) for rule in self.rules)
        self._companions = _set_of(number)
        self._rate = 0.0  # of recent texts, the share where some rule matched (decaying mean)

    def __reduce__(self) -> tuple[Any, ...]:
        return (RuleSet, (self.rules,))

    def matching(self, data: bytes) -> list[Compiled]:
        """Return the rules whose pattern matches somewhere in UTF-8 *data*, in table order."""
        return self._rules(self._set.Match(data), data)

    def hits(self, lines: list[bytes]) -> list[tuple[int, list[Compiled]]]:
        """Return the index of each of UTF-8 *lines* that some rule matches, with those rules
        (:meth:`matching`). Most lines match nothing, so the loop over them runs in C; a line a
        page repeats (its menus, its share bars) is matched once, on a text of many lines."""
        match = _match_function(self._set)
        if len(lines) < _MANY_LINES:
            found = list(map(match, lines))
        else:
            unique = dict.fromkeys(lines)
            known = dict(zip(unique, map(match, unique), strict=True))
            found = list(map(known.__getitem__, lines))
        hit = compress(range(len(lines)), map(_NOTHING.__ne__, found))
        return [(i, rules) for i in hit if (rules := self._rules(found[i], lines[i]))]

    def _rules(self, found: list[int] | None, data: bytes) -> list[Compiled]:
        """The rules the set *found* in *data*, in table order."""
        if not found:  # out of DFA memory: ask each rule (RE2 falls back to its NFA)
            return [c for c in self._compiled if c.regex.search(data)]
        return [self._compiled[i - 1] for i in sorted(found)[1:]]

    def matches(self, data: bytes) -> bool:
        """Whether some rule matches somewhere in UTF-8 *data*."""
        found = self._set.Match(data)
        if not found:  # out of DFA memory, as in matching()
            return any(c.regex.search(data) for c in self._compiled)
        return len(found) > 1  # number 0 is always among them

    def prescan_pays(self) -> bool:
        """Whether to scan a whole text once before its lines: it saves the scan of each line
        when nothing matches, and costs one scan more when something does. Texts of one corpus
        are alike, so the share of recent texts with a match decides; results do not depend on
        it, only speed."""
        return self._rate < _PRESCAN_BELOW

    def seen(self, matched: bool) -> None:
        """Count one more text, with or without a match, in the share of texts with one."""
        self._rate += ((1.0 if matched else 0.0) - self._rate) * _RATE_WEIGHT

    def companions(self, body: str) -> frozenset[int]:
        """Return the numbers of the companion patterns found in *body*."""
        data = body.encode()
        found = self._companions.Match(data)
        if not found:  # out of DFA memory, as in matching()
            return frozenset(i for i, regex in self._numbered.items() if regex.search(data))
        return frozenset(found)


# What a set finds in a text where none of its patterns matches: number 0 alone (see _set_of).
_NOTHING = [0]


def _set_of(patterns: Iterable[str]) -> Any:
    """Compile *patterns* into one RE2 set, numbered from 1 in order. Number 0 matches every
    text, so that its absence tells that the set's DFA gave up. It is ``\\A``, which matches at
    the start only: an empty pattern would match at every byte, and the set would record that
    match at every byte, which costs about a fifth of the scan."""
    compiled = re2.Set.SearchSet(_options())
    compiled.Add(r"\A")
    try:
        for pattern in patterns:
            compiled.Add(pattern.encode())
        compiled.Compile()
    except re2.error as exc:
        msg = f"the rules do not compile into one RE2 set: {exc}"
        raise ConfigError(msg) from exc
    return compiled


def _match_function(compiled: Any) -> Callable[[bytes], list[int]]:
    """Return the function that matches the RE2 set *compiled* against a text: it returns the
    numbers of the patterns found, or [] if the set's DFA gave up.

    The wrapper's ``Match`` only checks that it was given bytes before it calls the extension's,
    and answers None for []; on a short line, that costs a fifth of the call, and the set is
    called once per line.
    """
    extension = getattr(compiled, "_set", None)
    if extension is None:  # not the wrapper this was written against
        return lambda data: compiled.Match(data) or []
    match: Callable[[bytes], list[int]] = extension.Match
    return match
