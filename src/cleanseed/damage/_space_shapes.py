"""Where a space may stand for a lost letter, read from the shapes of the text alone, before any
word list is asked: a space between two letters ("Gr nwald"), two spaces ("ist  ber"), a space
before a closing mark or at a line's edge ("hodnot ."), and a lone capital inside a name
("Group Ola K llenius"). Each is a :class:`Candidate`, which :mod:`._space` then weighs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from cleanseed.damage._pieces import Pieces, elides, head, tail
from cleanseed.damage._words import HOLE, fold, is_latin

__all__ = ["LISTED", "MIN_FRAGMENT", "Candidate", "candidates"]

#: The shortest fragment at a word's edge weighed like a longer one, and the shortest after a
#: lone capital.
MIN_FRAGMENT = 3
# Marks that close a phrase: a space before one may be a lost last letter ("hodnot .").
_CLOSING = frozenset(".,;:)]}\u201d")
_SENTENCE_ENDS = frozenset(".!?:;\"\u201c\u201d\u00bb")
#: Lines that start with a space and one letter, or end in a space, this many times in a text
#: are its way of writing: a list of keys (" n nume", " q   Quit"), or of labels ("Pre \nHën ").
LISTED = 3


class Candidate(NamedTuple):
    """A space that may be a lost letter, before any word list is asked."""

    start: int
    end: int
    hole: int
    hole_end: int
    key: str
    sides: tuple[str, ...]  # the fragments beside the hole
    edge: bool              # a letter lost at a word's edge
    name: bool              # "Group Ola K llenius": a lone capital where a surname starts


def candidates(pieces: Pieces, i: int, pairs: set[int]) -> Iterator[Candidate]:
    """The splits and edges beside piece *i*, from their shapes alone."""
    items = pieces.items
    last = len(items) - 1
    for j in (i - 1, i):  # the pairs (i - 1, i) and (i, i + 1), each once
        if 0 <= j < last and j not in pairs and _joinable(items[j], items[j + 1]):
            pairs.add(j)
            found = _split(pieces, j)
            if found is not None:
                yield found
    yield from _edges(pieces, i)


def _joinable(left: str, right: str) -> bool:
    return bool(left) and bool(right) and left != "\n" and right != "\n"


def _split(pieces: Pieces, j: int) -> Candidate | None:
    left_raw, right_raw = pieces.items[j], pieces.items[j + 1]
    if not (left_raw[-1].isalpha() and right_raw[0].isalpha()):
        return None  # a mark or a digit at the space: no word was split here
    if right_raw[0].isupper() and not left_raw.isupper():
        return None  # a new word starts: "George W Bush"
    left, right = tail(left_raw), head(right_raw)
    if not (left and right and is_latin(left) and is_latin(right)):
        return None  # a mark between them: no word was split here
    capitals = left.isupper() and right.isupper()
    if capitals and min(len(left), len(right)) == 1:
        return None  # initials: "J B Priestley"
    if len(left) > 1 and left.isupper() and len(right) > 1 and not right.isupper():
        return None  # a word in capitals goes on in capitals ("Gruppe-ID er"), but for the
        # "s" of a plural ("CDs")
    if len(left) == 1 and left != left_raw and not any(c.isalpha() for c in left_raw[:-1]):
        return None  # a letter after a mark is an option or a placeholder: "-s er", "%s er"
    at = pieces.start(j) + len(left_raw)  # the space
    return Candidate(at - len(left), at + 1 + len(right), at, at + 1,
                      fold(left) + HOLE + fold(right), (left, right), edge=False,
                      name=_name(pieces.items, j, left, right))


def _name(items: list[str], j: int, left: str, right: str) -> bool:
    """A capital inside a name, before a lower-case fragment: "Ola K llenius".

    The word before it is capitalised and does not start a sentence, so the capital stands
    where a surname starts.
    """
    if not (len(left) == 1 and left.isupper() and items[j] == left and right.islower()
            and len(right) >= MIN_FRAGMENT and j >= 2):
        return False
    name, before = items[j - 1], items[j - 2]
    return (len(name) > 1 and name.isalpha() and name[0].isupper() and name[1:].islower()
            and bool(before) and before[-1] not in _SENTENCE_ENDS and before != "\n")


def _closes(piece: str) -> bool:
    """Whether *piece* is a mark that closes a phrase, with nothing after it but marks: one
    glued to what follows opens it ("\u201d%s\u201d" in Finnish), and an ellipsis ("id ...")
    closes nothing. French sets "\u00bb" after a space, German and Danish open with it: it is
    none of these marks."""
    return (piece[:1] in _CLOSING and piece[:2] != ".."
            and not any(c.isalnum() or c in "%$&@#" for c in piece))


def _lone_first(pieces: Pieces, i: int, word: str) -> bool:
    """Whether *word*, a piece of one letter after two spaces or at a line's start, may have
    lost its first letter: a lower-case letter standing alone (an option, "-m  keys", or an
    abbreviation, "m.chủ", is none), but not at the start of one of several lines that start
    with a space and one letter (a list of keys: " n nume", " q   Închide")."""
    return (word == pieces.items[i] and word.islower()
            and not (pieces.items[i - 2] == "\n" and pieces.keyed_lines() >= LISTED))


def _lone_last(pieces: Pieces, i: int, word: str, beyond: str) -> bool:
    """Whether *word*, a piece of one letter before two spaces and the piece *beyond* them,
    may have lost its last letter: not at a line's end or before a mark (a label: "R,H,J,C ."),
    standing alone, in lower case or as a line's first word ("V  rugăm" for Romanian "Vă"; a
    capital inside a line is a variable: "Se  N  ne estas")."""
    items = pieces.items
    if word != items[i] or beyond in ("", "\n"):
        return False
    return word.islower() or (items[i - 1] == "\n" if i else pieces.base == 0)


def _edges(pieces: Pieces, i: int) -> Iterator[Candidate]:
    """A piece beside two spaces, or a space at a line's edge or before a closing mark: a lost
    first or last letter; a lone letter, only as :func:`_lone_first` and :func:`_lone_last`
    say."""
    items = pieces.items
    last = len(items) - 1
    spaced = i >= 2 and not items[i - 1] and items[i - 2]  # a space before it
    if spaced or (i >= 1 and elides(items[i - 1])):  # or an elided word ("l’ laborée")
        word = head(items[i])
        lone = spaced and _lone_first(pieces, i, word)
        if word and is_latin(word) and (len(word) > 1 or lone):
            start = pieces.start(i)
            yield Candidate(start - 1, start + len(word), start - 1, start, HOLE + fold(word),
                             (word,), edge=True, name=False)
    closing = i < last and _closes(items[i + 1])  # "hodnot ."
    spaced = i + 2 <= last and not items[i + 1] and items[i + 2]  # "hodnot  a", "hodnot \n"
    ends = i + 1 == last and not items[i + 1] and pieces.at_end  # "sezen " ends the text
    if spaced and items[i + 2] == "\n" and pieces.spaced_lines() >= LISTED:
        spaced = False  # a text whose lines often end in a space: one more says nothing
    if closing or spaced or ends:
        word = tail(items[i])
        beyond = items[i + 2] if spaced else ""
        if word and is_latin(word) and (len(word) > 1 or _lone_last(pieces, i, word, beyond)):
            end = pieces.start(i) + len(items[i])
            yield Candidate(end - len(word), end + 1, end, end + 1, fold(word) + HOLE,
                             (word,), edge=True, name=False)
