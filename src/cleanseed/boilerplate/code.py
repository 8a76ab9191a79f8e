"""Lines that are code, a formula or a row of a table set in columns, told by their shape.

A page about software or standards holds lines that look like nothing a sentence looks like:
``this.name = name || "Anon";`` (its bars are an operator, not the separators of a row of
labels), ``Category: Standards Track        J. Smith`` (a line of a header set in columns, not a
line of tags). The rules of labels and the context step must not take them for chrome. What
gives them away is on the line itself, or on the line and its neighbours:

- *marks of code*, each enough alone: an ending of a statement or a block (``;``, ``{``, ``}``),
  an operator that prose never writes (``==``, ``!=``, ``=>``, ``+=``, ``:=``, ``a->b``,
  ``a::b``), or an equation (``=`` with an arithmetic operator beside it);
- *hints of code*: a call (``f(x)``), an identifier with an underscore, in camel case or dotted
  (``max_len``, ``getName``, ``os.path``), an assignment (``a = b``), a bracket or a tag, an
  operator that a menu may also write (``||``, ``&&``, ``<<``);
- *layout*: indentation kept (a leading space or tab, which only preformatted text keeps) and
  columns (three spaces or a tab between two pieces of text).

A line is code when it has a mark; or a hint and layout; or layout or a hint next to a line
that is code by its own shape, or set in columns like it (a run of such lines: a listing, a
table, a header block).

    >>> code_line('    this.name = name || "Anon";')
    True
    >>> code_line("Home | News | Sport"), code_line("Tags: politics, economy")
    (False, False)
    >>> code_line("Category: Standards Track        J. Smith",
    ...           after="ISSN: 2070-1721                  June 2014")
    True
"""

from __future__ import annotations

import re

__all__ = ["code_line", "code_shaped"]

# The characters any mark or hint of code needs: a line without one is no code on its own.
_ANY = frozenset("{}[]<>();=|&:_.+*/^\\$#@%")
# Marks: an operator of two characters that prose and menus never write (a bar doubled, which
# some menus use as a separator, is only a hint), or a statement's or a block's ending.
_OPERATOR = re.compile(r"[\w)\]] ?(?:==|!=|=>|\+=|-=|\*=|/=|:=) ?\S|\w(?:->|::)\w")
_ENDINGS = (";", "{", "}")
# An equation: a sign of equality or order, and an arithmetic operator among short terms.
_EQUATION = re.compile(r"[=≤≥≈≠]")
_ARITHMETIC = re.compile(r"\w ?[-+*/^×÷±−] ?[\w(]|[√∑∫∏²³]")
# Hints: a call, an identifier of a program, an assignment, a bracket or a tag.
_HINT = re.compile(
    r"[A-Za-z_]\w*\(|\w_\w|\b[a-z]+[A-Z]\w*|\b[a-z_]\w*\.[a-z_]\w*\b|\w ?= ?[\w\"'(\[{-]"
    r"|[\[\]{}<>]|\$\w|@\w+\(|\|\||&&|\w::|<<|>>")
# Columns: three spaces or a tab between two pieces of text.
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\s*\S")


def code_shaped(text: str) -> bool:
    """Whether the stripped line *text* has a mark of code on its own: an operator of two
    characters, a statement's or a block's ending, or an equation.

    >>> code_shaped("x = (a + b) / 2"), code_shaped("} else {"), code_shaped("Home || News")
    (True, True, False)
    >>> code_shaped("Read more; share this")
    False
    """
    if not _ANY.intersection(text):
        return False
    if text.endswith(_ENDINGS) or text.startswith("}") or _OPERATOR.search(text) is not None:
        return True
    return _EQUATION.search(text) is not None and _ARITHMETIC.search(text) is not None


def _hinted(text: str) -> bool:
    """Whether the stripped line *text* has a hint of code."""
    return bool(_ANY.intersection(text)) and _HINT.search(text) is not None


def _laid_out(line: str) -> bool:
    """Whether *line* keeps indentation or is set in columns."""
    return line[:1] in (" ", "\t") or _COLUMNS.search(line.strip()) is not None


def _own(line: str) -> int:
    """What *line* shows of code on its own: 2 surely code, 1 a hint or layout, 0 nothing."""
    text = line.strip()
    if not text:
        return 0
    if code_shaped(text):
        return 2
    hinted, laid_out = _hinted(text), _laid_out(line)
    return 2 if hinted and laid_out else int(hinted or laid_out)


def code_line(line: str, before: str = "", after: str = "") -> bool:
    """Whether *line* (as it stands, its indentation kept) is a line of code, a formula or a
    row of a table set in columns; *before* and *after* are its nearest non-blank neighbours.
    See the module's documentation for the shapes."""
    own = _own(line)
    if own != 1:
        return own == 2
    return any(_own(near) == 2 or _COLUMNS.search(near.strip()) is not None
               for near in (before, after) if near)
