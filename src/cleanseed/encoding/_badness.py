"""ftfy's mojibake detector, compiled with RE2.

``ftfy.badness.is_bad`` is one large verbose regular expression of short character-class
sequences. Python's backtracking engine tries every alternative at every position, which made it
the slowest part of cleaning accented European text (about 3 us a character). RE2 runs the same
pattern as an automaton. The pattern is taken from the installed ftfy at import time, so it
follows ftfy's releases; ``tests/test_encoding.py`` checks both give the same answers.
"""

from __future__ import annotations

import re2
from ftfy.badness import BADNESS_RE

__all__ = ["PATTERN", "is_bad"]


def _strip_verbose(pattern: str) -> str:
    """Drop the white space and comments a ``re.VERBOSE`` pattern ignores (not inside classes)."""
    out: list[str] = []
    i = 0
    in_class = False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
            if pattern[i + 1 : i + 2] == "]":  # a "]" first in a class is a literal
                out.append("]")
                i += 1
        elif char == "#":
            end = pattern.find("\n", i)
            i = len(pattern) if end < 0 else end
            continue
        elif not char.isspace():
            out.append(char)
        i += 1
    return "".join(out)


def _to_re2(pattern: str) -> str:
    # Python's \s and \w are Unicode-aware; RE2's are ASCII-only.
    return (
        _strip_verbose(pattern)
        .replace("\\s", "[\\s\\p{Z}\\x1c-\\x1f\\x85]")
        .replace("\\w", "[\\p{L}\\p{N}_]")
    )


#: ftfy's pattern in RE2's syntax, for callers that combine it with patterns of their own.
PATTERN = _to_re2(BADNESS_RE.pattern)
_BADNESS = re2.compile(PATTERN)


def is_bad(text: str) -> bool:
    """Return whether *text* looks like it holds mojibake (ftfy's heuristic)."""
    try:
        # RE2 reads UTF-8: given bytes, the wrapper need not map its offsets back to characters.
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate, which UTF-8 cannot hold: ask ftfy's own regex
        return BADNESS_RE.search(text) is not None
    return _BADNESS.search(data) is not None
