"""The :class:`Rule` record, and small helpers that build rule patterns out of word lists.

A rule is data: an id, a language and RE2 patterns. The boilerplate step compiles the tables
once and applies them; nothing here runs a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cleanseed import _validate
from cleanseed.errors import ConfigError

__all__ = ["CLASSES", "SCOPES", "Rule", "Scope", "alternation", "label_line"]

#: Where a rule's pattern must match in a line, and what goes when it does:
#: ``line``: the whole line (bar surrounding spaces), and the line goes;
#: ``tail``: the end of the line, and the whole line goes (a caption ending in its credit);
#: ``search``: anywhere in the line, and the whole line goes (banners, notices);
#: ``prefix`` / ``suffix``: the start / end of the line, and only the matched text goes,
#: provided something with a letter or a digit is left (metadata glued to a title).
#: A ``tail`` rule could be written as a ``line`` rule starting with ``.*``, but a leading
#: ``.*`` keeps a thread alive through every line and makes the combined automaton slow.
Scope = Literal["line", "tail", "search", "prefix", "suffix"]
SCOPES: tuple[Scope, ...] = ("line", "tail", "search", "prefix", "suffix")

#: The rule classes of the boilerplate step; a rule id starts with one of them.
CLASSES = ("cookie", "caption", "chrome", "metadata")

# "<class>.<name>" with lower-case dotted parts: "cookie.en.consent", "metadata.date".
# Checked with the re module: the id is short, and this is validation, not matching.
_ID = re.compile(r"[a-z]+(?:\.[a-z0-9_]+)+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One boilerplate rule: a stable id, a language and RE2 patterns.

    ``requires`` are companion patterns that must all occur in the line, ``unless`` are
    patterns none of which may occur (a veto, e.g. reported speech); ``max_chars`` bounds the
    length of the line (spaces at either end not counted). A ``prefix`` or ``suffix`` pattern
    may end (or start) with a group named ``keep``: text that must be there but stays.

    ``near`` makes a whole-line rule depend on its neighbours: its line goes only when a line
    at most ``near`` non-blank lines away goes for a rule of the same class, either directly or
    through a chain of such lines. A lone "Accept" is a button beside a cookie banner and a
    word anywhere else.

    ``run`` makes a whole-line rule depend on the lines next to it: its line goes only in a run
    of ``run`` or more lines it matches, one right after the other (a line removed whole by a
    rule of the same class between them neither counts nor breaks the run). One line that ends
    in a count, "Camping (12)", may be a table's row; a column of them is a list of links.

    >>> Rule(id="chrome.en.print", lang="en", pattern="Print").rule_class
    'chrome'
    """

    id: str
    lang: str
    pattern: str
    scope: Scope = "line"
    max_chars: int | None = None
    requires: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    near: int | None = None
    run: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _ID.fullmatch(self.id):
            msg = f"rule id must look like '<class>.<name>' in lower case, got {self.id!r}"
            raise ConfigError(msg)
        if self.rule_class not in CLASSES:
            msg = f"rule {self.id!r}: class must be one of {', '.join(CLASSES)}"
            raise ConfigError(msg)
        if self.scope not in SCOPES:
            msg = f"rule {self.id!r}: scope must be one of {', '.join(SCOPES)}, got {self.scope!r}"
            raise ConfigError(msg)
        _validate.integer(f"rule {self.id!r}: max_chars", self.max_chars, low=1, optional=True)
        _validate.integer(f"rule {self.id!r}: near", self.near, low=1, optional=True)
        if self.near is not None and self.scope not in ("line", "tail", "search"):
            msg = f"rule {self.id!r}: near needs a whole-line scope, got {self.scope!r}"
            raise ConfigError(msg)
        _validate.integer(f"rule {self.id!r}: run", self.run, low=2, optional=True)
        if self.run is not None and (self.near is not None
                                     or self.scope not in ("line", "tail", "search")):
            msg = f"rule {self.id!r}: run needs a whole-line scope and no near, got {self.scope!r}"
            raise ConfigError(msg)
        patterns = (self.pattern, *self.requires, *self.unless)
        if not isinstance(self.requires, tuple) or not isinstance(self.unless, tuple) or not all(
            isinstance(p, str) and p for p in patterns
        ):
            msg = (f"rule {self.id!r}: pattern must be a non-empty string, requires and unless "
                   "tuples of them")
            raise ConfigError(msg)

    @property
    def rule_class(self) -> str:
        """The class of the rule: the part of its id before the first dot."""
        return self.id.partition(".")[0]


def alternation(options: Iterable[str]) -> str:
    """Join regex fragments into one non-capturing alternation, longest first.

    >>> alternation(["ab", "abc"])
    '(?:abc|ab)'
    """
    ordered = sorted(dict.fromkeys(options), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(ordered) + ")"


# Between two button labels: a bar, dot, bullet, slash, comma or ampersand ("Impressum &
# Datenschutz"), or just spaces. Languages written without spaces may run two labels together.
_SEP = r"(?:[ \t]*[|·•/,;:–—&][ \t]*|[ \t]+)"
_SEP_CJK = r"(?:[ \t]*[|·•/,;、・：][ \t]*|[ \t]*)"


def label_line(strong: Iterable[str], weak: Iterable[str], *, spaced: bool = True) -> str:
    """Return a pattern for a line made only of button labels.

    The line needs one *strong* label (one that is unambiguous alone, "Accept all cookies"), or
    at least two labels of any kind ("Settings | Close"); a lone weak label ("Close") is not
    enough, since it could be a one-word heading.

    >>> import re
    >>> p = label_line(["accept all"], ["close", "settings"])
    >>> [bool(re.fullmatch(p, s)) for s in ("accept all", "close | settings", "close")]
    [True, True, False]
    """
    strong = tuple(strong)
    sep = _SEP if spaced else _SEP_CJK
    one = alternation(strong)
    any_ = alternation((*strong, *weak))
    return f"{one}|{any_}(?:{sep}{any_})+"
