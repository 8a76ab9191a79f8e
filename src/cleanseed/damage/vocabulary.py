"""The words with non-ASCII letters that a document, or a corpus, holds intact.

This is the only evidence a repair takes: a damaged word is restored only to a word seen intact
here, never to one from a word list. Word lists know common words; a corpus also knows its own
names and terms ("Källenius", "Grünwald"), which are the words most often damaged.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os import PathLike

from cleanseed.damage import _vocabulary_file
from cleanseed.damage._words import HOLE, WORD, capital_i_keys, fold, is_latin, keys_of

__all__ = ["Seen", "Vocabulary"]

# Document ids kept per word, to say where the intact word was seen.
_IDS_KEPT = 3


@dataclass(frozen=True, slots=True)
class Seen:
    """An intact word (folded), how often it was seen, in how many documents, a few of their ids
    (empty for documents without one), and its spellings with how often each was seen."""

    word: str
    count: int
    documents: int
    ids: tuple[str, ...]
    forms: tuple[tuple[str, int], ...] = ()


def is_intact(word: str) -> bool:
    """Whether *word* (letters only) holds a non-ASCII Latin letter and looks intact: at least
    two letters, in a case pattern a word can have (not "piĂą", whose capital sits inside a
    lower-case word: mojibake)."""
    return (len(word) >= 2 and not word.isascii() and (word[1:].islower() or word.isupper())
            and is_latin(word))


def intact_words(text: str) -> Iterator[str]:
    """Yield each word of *text* that :func:`is_intact`, in order.

    Only the pieces of the text (cut at whitespace) that hold a character outside ASCII are
    searched for words, so a text in English costs little more than one split.

    >>> list(intact_words("Ola Källenius, not KĂ¤llenius"))
    ['Källenius']
    """
    if not text.isascii():
        yield from intact_in(text.split())


def intact_in(pieces: Iterable[str]) -> Iterator[str]:
    """Yield each word that :func:`is_intact` in *pieces* (pieces of text cut at whitespace),
    but none of a piece that holds a symbol outside ASCII: mojibake leaves them between letters
    ("KĂ¤llenius")."""
    for piece in pieces:
        if not piece.isascii() and not any(
                unicodedata.category(c)[0] == "S" for c in piece if not c.isascii()):
            for word in WORD.findall(piece):
                if is_intact(word):
                    yield word


class Vocabulary:
    """Words with non-ASCII letters, seen intact, counted; add documents with :meth:`add`.

    >>> vocab = Vocabulary()
    >>> vocab.add("Ola Källenius spoke. Källenius said", "doc-1")
    >>> vocab.candidates("k\\0llenius")
    [Seen(word='källenius', count=2, documents=1, ids=('doc-1',), forms=(('Källenius', 2),))]
    """

    def __init__(self) -> None:
        self._count: Counter[str] = Counter()
        self._docs: Counter[str] = Counter()
        self._ids: dict[str, list[str]] = {}
        self._keys: dict[str, set[str]] = {}
        self._forms: dict[str, Counter[str]] = {}
        self._sides: set[str] = set()
        self.documents = 0

    @classmethod
    def from_texts(cls, texts: Iterable[str | tuple[str, str]]) -> Vocabulary:
        """Build a vocabulary from texts, or from ``(id, text)`` pairs."""
        vocab = cls()
        for item in texts:
            if isinstance(item, tuple):
                vocab.add(item[1], item[0])
            else:
                vocab.add(item)
        return vocab

    def save(self, path: str | PathLike[str]) -> None:
        """Write the vocabulary to *path* (JSON, gzipped if the name ends in ``.gz``), so that
        a later run can :meth:`load` it instead of reading the corpus again."""
        rows = [[word, count, self._docs[word], list(self._ids.get(word, ())),
                 [[form, n] for form, n in self._forms[word].most_common()]]
                for word, count in sorted(self._count.items())]
        _vocabulary_file.write(path, self.documents, rows)

    @classmethod
    def load(cls, path: str | PathLike[str]) -> Vocabulary:
        """Read a vocabulary that :meth:`save` wrote; a file that is not one, or of another
        version, raises :class:`~cleanseed.errors.InputError` naming it."""
        documents, rows = _vocabulary_file.read(path)
        vocab = cls()
        for word, count, docs, ids, forms in rows:
            vocab._count[word] = count
            vocab._docs[word] = docs
            if ids:
                vocab._ids[word] = list(ids)
            vocab._forms[word] = Counter(dict(forms))
        for word, keys in zip(list(vocab._count), keys_of(list(vocab._count)), strict=True):
            vocab._index(word, keys)
        vocab.documents = documents
        return vocab

    def add(self, text: str, doc_id: str = "") -> None:
        """Count the intact words of one document."""
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        self.add_words(intact_words(text), doc_id)

    def add_words(self, words: Iterable[str], doc_id: str = "") -> None:
        """Count one document's intact words (see :func:`intact_words`)."""
        self.documents += 1
        here: Counter[str] = Counter()
        for form, n in Counter(words).items():
            folded = fold(form)
            here[folded] += n
            forms = self._forms.get(folded)
            if forms is None:
                forms = self._forms[folded] = Counter()
            forms[form] += n
            if "\u0130" in form and folded in self._count:  # a dotted capital seen only now
                self._index(folded, [])
        new = [word for word in here if word not in self._count]
        for word, keys in zip(new, keys_of(new), strict=True):
            self._index(word, keys)
        self._count.update(here)
        self._docs.update(here.keys())
        if doc_id:
            for folded in here:
                ids = self._ids.setdefault(folded, [])
                if len(ids) < _IDS_KEPT:
                    ids.append(doc_id)

    def _index(self, word: str, keys: list[str]) -> None:
        """File the folded *word* under *keys*, and under the keys of its spellings' dotted
        capitals (:func:`capital_i_keys`), which fold to an ASCII "i"."""
        for form in self._forms.get(word, ()):
            keys = [*keys, *capital_i_keys(form)]
        for key in keys:
            self._keys.setdefault(key, set()).add(word)
            before, _, after = key.partition(HOLE)
            self._sides.update((before, after))

    def candidates(self, key: str) -> list[Seen]:
        """The intact words whose non-ASCII letters fill the hole of *key*, most common first."""
        found = [Seen(w, self._count[w], self._docs[w], tuple(self._ids.get(w, ())),
                      tuple(self._forms[w].most_common()))
                 for w in self._keys.get(key, ())]
        return sorted(found, key=lambda s: (-s.count, s.word))

    def words(self) -> list[str]:
        """Every intact word seen (folded)."""
        return list(self._count)

    def is_side(self, fragment: str) -> bool:
        """Whether *fragment* (folded) stands beside the hole of some intact word's key."""
        return bool(fragment) and fragment in self._sides

    def has(self, key: str) -> bool:
        """Whether some intact word fills the hole of *key*."""
        return key in self._keys

    def forms(self, word: str) -> Counter[str]:
        """How often each spelling (with its capitals) of the folded *word* was seen."""
        return Counter(self._forms.get(word, Counter()))

    def __len__(self) -> int:
        return len(self._count)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and fold(word) in self._count
