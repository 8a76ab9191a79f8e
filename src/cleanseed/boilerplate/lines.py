"""What a line of page text looks like on its own: its length, its share of stop words, its
punctuation, its digits, and the marks of a row of labels.

Most boilerplate on a page is short lines of bare labels in runs (menus, link lists, tag clouds,
footers); most content is lines of prose, full of the little words of its language, and the
lines that go with prose: headings, list items, the cells of a table. These features tell the
kinds apart line by line; :mod:`cleanseed.boilerplate.context` weighs them with the neighbours.

    >>> features("We went to the market, and it was closed.", stop_words("en")).kind
    'prose'
    >>> [features(line, stop_words("en")).kind for line in ("Home", "63%", "Home | News | Sport")]
    ['label', 'cell', 'row']

The stop words of a line's language, and the guess of that language, are in
:mod:`~cleanseed.boilerplate.language` (re-exported here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from cleanseed.boilerplate.code import code_shaped
from cleanseed.boilerplate.language import (
    CJK,
    LETTER,
    guess_language,
    language_of,
    language_sample,
    stop_words,
)

__all__ = [
    "SENTENCE_ENDS",
    "Kind",
    "LineFeatures",
    "features",
    "guess_language",
    "heads_prose",
    "kind_of",
    "language_of",
    "language_sample",
    "may_be_row",
    "may_weigh_against",
    "stop_words",
]

#: What a line is on its own:
#:
#: - ``prose``: a sentence of prose, or a long line of text;
#: - ``text``: a few words with stop words in them, a short sentence, a heading, a headline;
#: - ``label``: a few words without a sentence in them: a menu item, a name, a section's title;
#: - ``cell``: a line of at most CELL_WORDS words with digits, as a table's cell holds ("63",
#:   "85%", "4.2 m");
#: - ``data``: a longer short line with digits, or with code: a score, a date, a line of a
#:   program;
#: - ``row``: short labels joined by separators or glued together ("Home | News | Sport");
#: - ``mark``: no letter at all ("|", "»", "***").
Kind = Literal["prose", "text", "label", "cell", "data", "row", "mark"]

# Prose: this many words at least, this share of stop words, and a sentence's end; or a line of
# LONG_WORDS words or more, whatever it holds (a hard-wrapped paragraph, a line of a table of
# results spelt out).
PROSE_WORDS = 8
PROSE_STOP = 0.2
LONG_WORDS = 25
# A line of this many characters and spaces is that long whatever its words.
LONG_CHARS = 200
LONG_SPACES = LONG_WORDS - 1
# A label: at most this many words, and fewer stop words than this share (any share up to
# LABEL_ANY_STOP words: "About us", "More from this site").
LABEL_WORDS = 6
LABEL_STOP = 0.34
LABEL_ANY_STOP = 3
# A cell: at most this many words, one with a digit at least.
CELL_WORDS = 3
# A row: at least this many separators, and labels of at most this many words on average.
ROW_SEPARATORS = 2
ROW_WORDS_PER_LABEL = 4

# Lines in scripts written without spaces count a word for this many characters.
_CJK_CHARS_PER_WORD = 2

_DIGIT = re.compile(r"\d")
# Digits, or marks of code and markup (brackets, semicolons, assignments, tags).
_MARKS = re.compile(r"[\d{}<>;=\[\]]")
# Any of the characters the tests of a row, of marks and of a plain label look for.
_SPECIAL = re.compile(r'[\d{}<>;=\[\]|·•/,()"“”‘’]')
#: The marks that end a sentence, in the scripts the stop-word lists cover.
SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？")
# The end of a sentence (or of a quotation or a bracket closing one).
_END = (*SENTENCE_ENDS, '"', "”", "’", "'", ")", "」", "』", "）")
# A separator between labels: a bar, a middle dot or a bullet with a space on one side at least,
# or a slash between spaces.
_SEPARATOR = re.compile(r"\s[|·•]|[|·•]\s|\s/\s")
# In scripts written without spaces, a bar between labels needs no space ("首页｜新闻｜体育"); a
# middle dot does, as it also joins the parts of a foreign name ("唐纳德·特朗普").
_CJK_SEPARATOR = re.compile(r"[|｜]|\s[·•]|[·•]\s|\s/\s")


def _cased(upper: bool) -> str:
    """The upper- or lower-case letters of the Latin, Greek, Cyrillic and Armenian scripts, as
    the inside of a character class."""
    blocks = (range(0x41, 0x250), range(0x370, 0x590), range(0x1E00, 0x2000))
    return "".join(re.escape(ch) for block in blocks for ch in map(chr, block)
                   if (ch.isupper() if upper else ch.islower()) and ch.isalpha())


# Three or more capitalised words glued together: "HomeAboutContact", "StartseiteÜberUns",
# "ГлавнаяНовостиСпорт".
_GLUED = re.compile(f"(?<!\\w)(?:[{_cased(True)}][{_cased(False)}]+){{3,}}(?!\\w)")


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The shape of one line."""

    #: What the line is on its own (see :data:`Kind`).
    kind: Kind
    #: Words (in scripts without spaces, one per two characters).
    words: int
    #: Share of the words that are stop words of the text's language.
    stop: float
    #: Whether the line ends as a sentence does (or with a quote or a bracket).
    ended: bool
    #: Whether the line ends with a colon: it announces what follows (a list, a table).
    colon: bool
    #: Whether the line holds a digit.
    digits: bool
    #: For a label: whether it is a plain one, as menus have them: its words capitalised (the
    #: stop words aside), no comma or bracket.
    plain: bool = False

    def signals(self) -> str:
        """The features, as explain shows them."""
        end = "ended" if self.ended else "colon" if self.colon else "unended"
        flags = [self.kind, f"words={self.words}", f"stop={self.stop:.2f}", end]
        if self.digits:
            flags.append("digits")
        if self.plain:
            flags.append("plain")
        return " ".join(flags)


def features(line: str, stop: frozenset[str]) -> LineFeatures:
    """The features of *line* (stripped or not), with *stop* the stop words of its language."""
    text = line.strip()
    kind = kind_of(text, stop) if text else "mark"
    words, share = _words_and_share(text, stop)
    ended = text.endswith(_END)
    colon = text.endswith((":", "：")) and not ended
    label = kind == "plain"
    return LineFeatures("label" if label else kind, words, share, ended, colon,  # type: ignore[arg-type]
                        _DIGIT.search(text) is not None, label)


def _words_and_share(text: str, stop: frozenset[str]) -> tuple[int, float]:
    """The words of *text*, and the share of them that are stop words."""
    if not text.isascii() and CJK.search(text):
        cjk = CJK.findall(text)
        spaced = CJK.sub(" ", text).lower().split()
        words = len(spaced) + len(cjk) // _CJK_CHARS_PER_WORD
        hits = sum(ch in stop for ch in cjk) * _CJK_CHARS_PER_WORD + sum(
            map(stop.__contains__, spaced))
        return words, min(1.0, hits / words) if words else 0.0
    low = text.lower().split()
    return len(low), sum(map(stop.__contains__, low)) / len(low) if low else 0.0


def kind_of(text: str, stop: frozenset[str]) -> str:
    """What the stripped, non-blank line *text* is on its own: a :data:`Kind`, except that a
    plain label is "plain" (see :attr:`LineFeatures.plain`).

    The cheap tests come first and the stop words are counted only where they decide, so that
    the short lines that make up most of a page cost a few string methods each.
    """
    if not text:
        return "mark"
    if not text.isascii():
        if CJK.search(text) is not None:
            return _kind_cjk(text, stop)
        if text[0] in _MARKERS and text[1:2].isspace():  # an item of a list: judge what it says
            text = text[1:].lstrip() or text
    elif text[0] in "*-" and text[1:2].isspace():
        text = text[1:].lstrip() or text
    if len(text) >= LONG_CHARS and text.count(" ") >= LONG_SPACES:
        return "prose"  # a long line of words: no need to split it to know
    parts = text.split()
    words = len(parts)
    if words >= LONG_WORDS:
        return "prose"
    ended = text.endswith(_END)
    if ended and words >= PROSE_WORDS and _share(parts, stop) >= PROSE_STOP and not (
            text.endswith(_CLOSERS) and _row_shaped(text, words)):
        return "prose"  # (a row whose last label ends with a bracket is no sentence)
    special = _SPECIAL.search(text) is not None  # most lines have none: three tests at once
    if special and (kind := _special_kind(text, parts, words)) is not None:
        return kind
    if not text[0].isalpha() and LETTER.search(text) is None:
        return "mark"
    if ended or words > LABEL_WORDS or text[0].islower():
        return "text"
    if words > LABEL_ANY_STOP and _share(parts, stop) >= LABEL_STOP:
        return "text"
    # a line with a mark of code is data (_MARKS above); of the marks without those characters,
    # a prompt or "::" ("$ pip install x", "std::string"): a line of a program, no label
    if (text[0] == "$" or "::" in text) and code_shaped(text):
        return "data"
    lowered = False  # a word after the first in lower case, not a stop word
    if not text.istitle():  # (a title-cased line has no such word, nor words glued)
        if _GLUED.search(text) is not None:
            return "row"
        lowered = words > 1 and any(w[0].islower() and w not in stop for w in parts[1:])
    if lowered or (special and _NOT_PLAIN.search(text) is not None):
        return "text" if text.endswith((":", "：")) else "label"  # it announces a list
    return "plain"


def _special_kind(text: str, parts: list[str], words: int) -> str | None:
    """The kind of the line *text* (its *words* *parts*) that its special characters make it: a
    row of labels, a line of data or a cell of a table; None if they make it none of these."""
    if _row_shaped(text, words) and not code_shaped(text):  # "a || b;" is no row
        return "row"
    if _MARKS.search(text) is not None:
        if words > CELL_WORDS or _DIGIT.search(text) is None:
            return "data"
        if not _named(parts):
            return "cell"
        # a name with a number ("iPhone 11", "October 2019") is a label, not a cell
    return None


def may_weigh_against(text: str) -> bool:
    """Whether the stripped line *text* may be a label, a row of labels or a mark (the kinds that
    weigh against a line staying), whatever the language; False only when it is surely not: it
    holds a letter and no separator of a row, and it ends as a sentence does, has more words
    than a label, or starts in lower case (a list's marker aside). Cheaper than
    :func:`kind_of`: it needs no stop words, so a text of such lines alone (an article already
    cut from its page) is left as it is before its language is guessed.

    >>> may_weigh_against("The river rose by two metres."), may_weigh_against("Home")
    (False, True)
    >>> may_weigh_against("• free parking on Sundays")
    False
    """
    if text.isascii():  # of the separators of a row, only "|" and "/" are ASCII
        text = _unmarked(text)
        if "|" in text or "/" in text:  # (a search for a character is faster than a regex)
            return True
    else:
        cjk = CJK.search(text) is not None
        if not cjk:  # (in Han or kana, kind_of reads a list's marker with the line)
            text = _unmarked(text)
        if _ROW_MARK.search(text) is not None:
            return True
        if cjk:
            return not text.endswith(_END)
    # the cheap tests first: most lines of an article end as a sentence does
    if text.endswith(_END) or text[0].islower() or len(text.split()) > LABEL_WORDS:
        return not text[0].isalpha() and LETTER.search(text) is None
    return True


def _unmarked(text: str) -> str:
    """The stripped, non-blank line *text* without the marker of an item of a list, as
    :func:`kind_of` reads it."""
    if not text.isascii():
        if text[0] in _MARKERS and text[1:2].isspace():
            return text[1:].lstrip() or text
    elif text[0] in "*-" and text[1:2].isspace():
        return text[1:].lstrip() or text
    return text


def heads_prose(text: str, below: str) -> bool:
    """Whether the stripped line *text*, if a label, is surely a heading: it holds a letter (no
    mark) and *below*, the line after it, is surely prose, a line of more words than
    LONG_WORDS (a list's marker aside) outside the scripts written without spaces.

    >>> heads_prose("Background", " ".join(["word"] * 30)), heads_prose("Background", "Home")
    (True, False)
    """
    if not below.isascii() and CJK.search(below) is not None:
        return False
    return len(below.split()) > LONG_WORDS and LETTER.search(text) is not None


def may_be_row(text: str) -> bool:
    """Whether the stripped line *text* may be a row of labels (:func:`kind_of`): it holds a
    separator, or capitalised words glued together; False only when it surely is not.

    >>> may_be_row("Home | News | Sport"), may_be_row("HomeAboutContact"), may_be_row("Home")
    (True, True, False)
    """
    if not text.isascii() and CJK.search(text) is not None:
        return _ROW_MARK.search(text) is not None
    text = _unmarked(text)
    return _ROW_MARK.search(text) is not None or _GLUED.search(text) is not None


# Any separator a row of labels may have.
_ROW_MARK = re.compile(r"[|·•/｜]")


def _kind_cjk(text: str, stop: frozenset[str]) -> str:
    """:func:`kind_of` for a line in a script written without spaces."""
    words, share = _words_and_share(text, stop)
    ended = text.endswith(_END)
    if words >= LONG_WORDS or (ended and words >= PROSE_WORDS and share >= PROSE_STOP):
        return "prose"
    separators = len(_CJK_SEPARATOR.findall(text))
    if separators >= ROW_SEPARATORS and words <= ROW_WORDS_PER_LABEL * (separators + 1):
        return "row"
    if _MARKS.search(text) is not None:
        return "data"
    if ended or words > LABEL_WORDS or (words > LABEL_ANY_STOP and share >= LABEL_STOP):
        return "text"
    return "label" if _NOT_PLAIN.search(text) is not None else "plain"


def _named(parts: list[str]) -> bool:
    """Whether the words *parts* (at most CELL_WORDS) are a name with a whole number ("iPhone
    11", "October 2019", "CBS 62"): as many words of two letters or more without a digit as
    words with one, and each number a bare one. A measure ("0:00", "63%", "4.2 m"), a count
    with a sign or a mark of code keeps a line a cell."""
    named = 0
    for word in parts:
        if _DIGIT.search(word) is None:
            named += len(LETTER.findall(word)) >= 2
        elif not (word.isdigit() or (word[:-1].isalpha() and word[-1].isdigit())):
            return False  # (a model's name, "A4", is bare too)
    return 2 * named >= len(parts)


def _share(parts: list[str], stop: frozenset[str]) -> float:
    """The share of the words *parts* that are stop words (compared in lower case)."""
    return sum(map(stop.__contains__, map(str.lower, parts))) / len(parts)


# The marks of an item of a list, at the start of a line (before a space).
_MARKERS = frozenset("•·▪‣◦●○■□*–—-")
# What a plain label does not hold: a comma, a bracket, a quote.
_NOT_PLAIN = re.compile(r'[,()\[\]"“”‘’]')


# What closes a quotation or a bracket: a line that ends with one ends as a sentence only if
# it is not a row of labels ("Save | Listen (4 min)").
_CLOSERS = ('"', "”", "’", "'", ")", "」", "』", "）")


def _row_shaped(text: str, words: int) -> bool:
    """Whether *text* (of *words* words) is short labels joined by separators."""
    return ("|" in text or "·" in text or "•" in text or "/" in text) and _joined(text, words)


def _joined(text: str, words: int) -> bool:
    """Whether *text* is short labels joined by separators."""
    separators = len(_SEPARATOR.findall(text))
    return separators >= ROW_SEPARATORS and words <= ROW_WORDS_PER_LABEL * (separators + 1)
