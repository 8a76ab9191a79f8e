"""Find where an element of a JSON array ends without parsing it: to tell a syntax error from a
value cut by the end of a read piece, and to go on after a broken or over-long element.

The scan follows strings and brackets only, so it goes through text that is not valid JSON.
Two marks end an element: a ``,`` outside any bracket the element opened (or the ``]`` that
closes the array), and, after a syntax error, the start of a line that starts a record (``{``)
no further right than the broken one, after a line ending in ``,``: the layout of one record a
line, or of a pretty-printed array, which holds even when a broken string has thrown the
bracket count off. A raw line break cannot be inside a JSON string, so it ends a string that
a missing quote left open.
"""

from __future__ import annotations

import re

__all__ = ["Scan"]

_TOKEN = re.compile(r'\\.|["\[\]{},\n]', re.DOTALL)
_BLANK = " \t\r"


class Scan:
    """The state of a scan through one element, carried from one piece of text to the next."""

    def __init__(self, *, column: int | None = None, depth: int = 0) -> None:
        #: with a column (that of the broken element's start), the layout of lines is used too
        self.column = column
        self.depth = depth  # brackets open at the start
        self.in_string = False
        self.resume = 0  # where to go on in the text, after feed() found no end

    def feed(self, text: str, pos: int) -> int | None:
        """Scan *text* from *pos*; return the index of the ``,`` or ``]`` that ends the element,
        or None if the text ends first (then go on from :attr:`resume` in the next text)."""
        last = pos
        for found in _TOKEN.finditer(text, pos):
            char, last = found.group(), found.end()
            if char == "\n":
                self.in_string = False
                end = self._line_end(text, found.start(), pos)
                if end is not None:
                    return end
            elif self.in_string:
                self.in_string = char != '"'
            elif char == '"':
                self.in_string = True
            elif char in "[{":
                self.depth += 1
            elif char in "]}":
                self.depth -= 1
                if self.depth < 0 and char == "]":
                    return found.start()
                self.depth = max(self.depth, 0)
            elif char == "," and self.depth == 0:
                return found.start()
        # a backslash at the very end escapes the first character of the next text
        pending = self.in_string and text.endswith("\\") and last < len(text)
        self.resume = len(text) - 1 if pending else len(text)
        return None

    def _line_end(self, text: str, newline: int, start: int) -> int | None:
        """The ``,`` that ends the line at *newline*, if the next line starts a record no
        further right than the element's start."""
        if self.column is None:
            return None
        comma = newline - 1
        while comma >= start and text[comma] in _BLANK:
            comma -= 1
        if comma < start or text[comma] != ",":
            return None
        brace = newline + 1
        while brace < len(text) and text[brace] in _BLANK:
            brace += 1
        if brace >= len(text) or text[brace] != "{" or brace - newline - 1 > self.column:
            return None
        return comma
