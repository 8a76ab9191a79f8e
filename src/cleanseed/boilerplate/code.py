"""Lines that are code, a formula or a row of a table set in columns, told by their shape.

A page about software or standards holds lines that look like nothing a sentence looks like:
``this.name = name || "Anon";`` (its bars are an operator, not the separators of a row of
labels), ``Category: Standards Track        J. Smith`` (a line of a header set in columns, not a
line of tags). The rules of labels and the context step must not take them for chrome. What
gives them away is on the line itself:

- *marks of code*, each enough alone: an ending of a statement or a block (``;``, ``{``, ``}``),
  an operator that prose never writes (``==``, ``!=``, ``=>``, ``+=``, ``:=``, ``a->b``,
  ``a::b``), a prompt before a command (``$ pip install``, ``>>> import``), or an equation
  (``=`` with an arithmetic operator beside it);
- *hints of code*: a call (``f(x)``), an identifier with an underscore, in camel case or dotted
  (``max_len``, ``getName``, ``os.path``), an assignment (``a = b``), a bracket or a tag, an
  operator that a menu may also write (``||``, ``&&``, ``<<``);
- *layout*: indentation kept (a leading space or tab, which only preformatted text keeps) and
  columns (three spaces or a tab between two pieces of text: a row of a table, a line of a
  header block, set in a preformatted block).

A line is code when it has a mark, is set in columns, or has a hint and is indented. A line is
judged on its own, never by its neighbours: the repeats step may remove a neighbour, and the
line must be judged the same when the text is cleaned again. (A run of such lines counts in
the context step, where a label amid lines of code or figures weighs nothing.)

    >>> code_line('    this.name = name || "Anon";')
    True
    >>> code_line("Home | News | Sport"), code_line("Tags: politics, economy")
    (False, False)
    >>> code_line("Category: Standards Track        J. Smith")
    True
"""

from __future__ import annotations

import re

__all__ = ["code_line", "code_shaped"]

# Marks: an operator of two characters that prose and menus never write (a bar doubled, which
# some menus use as a separator, is only a hint), or a statement's or a block's ending.
_OPERATOR = re.compile(r"[=!+*/:-]=|=>|->|::")  # (checked in context by _operator)
_ENDINGS = (";", "{", "}")
# A shell's or an interpreter's prompt before a command in lower case.
_PROMPT = re.compile(r"(?:\$|>>>) [a-z.]")
# An equation: a sign of equality or order, and an arithmetic operator among short terms.
_EQUATION = re.compile(r"[=≤≥≈≠]")
_ARITHMETIC = re.compile(r"\w ?[-+*/^×÷±−] ?[\w(]|[√∑∫∏²³]")
# Hints: a call, an identifier of a program, an assignment, a bracket or a tag.
_HINT = re.compile(
    r"[A-Za-z_]\w*\(|\w_\w|\b[a-z]+[A-Z]\w*|\b[a-z_]\w*\.[a-z_]\w*\b|\w ?= ?[\w\"'(\[{-]"
    r"|[\[\]{}<>]|\$\w|@\w+\(|\|\||&&|\w::|<<|>>")


def code_shaped(text: str) -> bool:
    """Whether the stripped line *text* has a mark of code on its own: an operator of two
    characters, a statement's or a block's ending, or an equation.

    >>> code_shaped("x = (a + b) / 2"), code_shaped("} else {"), code_shaped("Home || News")
    (True, True, False)
    >>> code_shaped("Read more; share this")
    False
    """
    if text.endswith(_ENDINGS) or text.startswith("}") or _operator(text) \
            or (text[:1] in ("$", ">") and _PROMPT.match(text) is not None):
        return True
    # (the signs of an equation other than "=" are not ASCII)
    return ("=" in text or not text.isascii()) and _EQUATION.search(text) is not None \
        and _ARITHMETIC.search(text) is not None


def _operator(text: str) -> bool:
    """Whether *text* holds an operator of _OPERATOR where code has it: "a->b" and "a::b"
    between two words; the others after a word or a bracket and before something, a space
    allowed on either side ("x == y", "n+=1"). The pattern finds the operators alone, fast;
    their neighbours are checked here, for the few lines that have one."""
    if "=" not in text and "->" not in text and "::" not in text:  # most lines: no regex
        return False
    for found in _OPERATOR.finditer(text):
        i, j = found.span()
        if found.group() in ("->", "::"):
            before, after = text[i - 1:i], text[j:j + 1]
            if _word(before) and _word(after):
                return True
            continue
        before = text[i - 2:i - 1] if text[i - 1:i] == " " else text[i - 1:i]
        after = text[j + 1:j + 2] if text[j:j + 1] == " " else text[j:j + 1]
        if (_word(before) or before in (")", "]")) and after.strip():
            return True
    return False


def _word(char: str) -> bool:
    """Whether *char* is a character of a word (a letter, a digit or an underscore)."""
    return char.isalnum() or char == "_"


def code_line(line: str) -> bool:
    """Whether *line* (as it stands, its indentation kept) is a line of code, a formula or a
    row of a table set in columns. See the module's documentation for the shapes."""
    text = line.strip()
    if "   " in text or "\t" in text:  # columns: inside the stripped line, between two pieces
        return True
    return code_shaped(text) or (line[:1] in (" ", "\t") and _HINT.search(text) is not None)
