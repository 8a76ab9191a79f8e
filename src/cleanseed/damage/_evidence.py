"""Which intact word a damaged word was, when the evidence names exactly one.

Candidates are the words of the document and of the corpus vocabulary that fill the damaged
word's hole (:mod:`._words`) with as many letters as the damage can stand for. One seen in the
same document counts at once (the name spelt right in another paragraph); one seen only
elsewhere needs ``min_corpus_count`` sightings. Exactly one candidate with that support, and
the word is restored; none, or more than one, and it is left as it is.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from cleanseed.damage._hits import DOCUMENT, Context, Hit
from cleanseed.damage._words import fold
from cleanseed.damage.vocabulary import Seen

# A word the lists know for the hole, at most this much rarer (in Zipf units: ten times) than the
# word seen, leaves the repair in doubt.
_RIVAL = 1.0


class Repair(NamedTuple):
    """The damaged word restored, and where the intact word was seen."""

    word: str
    evidence: str


def _middle(key: str, word: str) -> str:
    cut = key.index("\0")
    return word[cut:len(word) - (len(key) - 1 - cut)]


def _fits(ctx: Context, hit: Hit, key: str, seen: Seen) -> bool:
    middle = _middle(key, seen.word)
    if not 1 <= len(middle) <= hit.width or middle == fold(ctx.text[hit.hole:hit.hole_end]):
        return False  # too long for the damage, or the damaged word itself
    return not hit.letters or middle in {fold(letter) for letter in hit.letters}


def choose(ctx: Context, hit: Hit, min_corpus_count: int) -> Repair | None:
    """The one intact word *hit* was, with the evidence for it; ``None`` if not exactly one.

    Every word that fits counts against the others, however rarely it was seen: "irlandès"
    seen once makes "irland?s" ambiguous, even though "irlandés" was seen seven times.
    """
    key = ctx.key(hit)
    fitting: dict[str, list[tuple[str, Seen]]] = {}
    for name, seen in ctx.seen(key):
        if _fits(ctx, hit, key, seen):
            fitting.setdefault(seen.word, []).append((name, seen))
    if len(fitting) != 1:
        return None
    (word, sightings), = fitting.items()
    if not any(seen.count >= (1 if name == DOCUMENT else min_corpus_count)
               for name, seen in sightings):
        return None
    if not hit.letters and _rivalled(ctx, key, word):
        return None
    if _case_unknown(ctx, hit):
        return None
    return Repair(_restore(ctx, hit, key, word, sightings), _describe(word, sightings))


def _rivalled(ctx: Context, key: str, word: str) -> bool:
    """Whether the text's languages know another word for the hole about as common as *word*:
    then the word seen may not be the one lost ("nh ng": "những" was seen, but "nhưng" is as
    common, and was the word). Mojibake's bytes say which letter, and are never in doubt."""
    if not ctx.languages:
        return False
    rival = ctx.lexicon.rival(key, word, ctx.languages)
    return bool(rival) and rival >= ctx.zipf(word) - _RIVAL


def _case_unknown(ctx: Context, hit: Hit) -> bool:
    """Whether the lost letter starts a word at the start of a line, where nothing tells its
    case: a heading or a sentence would take a capital, an item of a list may not."""
    if hit.hole != hit.start or ctx.text[hit.hole_end:hit.end].isupper():
        return False
    head = ctx.text[:hit.start].rstrip(" \t")
    return not head or head.endswith("\n")


def _restore(ctx: Context, hit: Hit, key: str, word: str,
             sightings: list[tuple[str, Seen]]) -> str:
    """The damaged word with its hole filled from *word*, in the capitals of the evidence."""
    text = ctx.text
    prefix, suffix = text[hit.start:hit.hole], text[hit.hole_end:hit.end]
    middle = _middle(key, word)
    read = [letter for letter in hit.letters if fold(letter) == middle]
    if read:  # the bytes of mojibake say which letter, capital or not
        return prefix + read[0] + suffix
    forms: Counter[str] = Counter()
    for _, seen in sightings:
        forms.update(dict(seen.forms))
    if middle.isascii():  # a dotted capital "İ", which folds to "i": its spelling says it
        for form, _ in forms.most_common():
            if len(form) == len(word) and not form.isascii():
                return prefix + form[len(prefix):len(form) - len(suffix)] + suffix
    if prefix:  # a spelling seen with these very letters around the hole gives its capitals
        for form, _ in forms.most_common():
            if form.startswith(prefix) and form.endswith(suffix) and len(form) == len(word):
                return prefix + form[len(prefix):len(form) - len(suffix)] + suffix
    letters = prefix + suffix
    if len(letters) > 1 and letters.isupper():
        middle = middle.upper()
    elif not prefix and _capitalised(text, hit.start, forms):
        middle = middle[:1].upper() + middle[1:]
    return prefix + middle + suffix


def _capitalised(text: str, start: int, forms: Counter[str]) -> bool:
    """Whether a word whose first letter was lost began with a capital: always, if it was
    only ever seen so (a name); else where a sentence starts."""
    if forms and all(form[:1].isupper() for form in forms):
        return True
    head = text[:start].rstrip(" ")
    return not head or head[-1] in ".!?\n"


def _describe(word: str, sightings: list[tuple[str, Seen]]) -> str:
    forms: Counter[str] = Counter()
    for _, seen in sightings:
        forms.update(dict(seen.forms))
    word = forms.most_common(1)[0][0] if forms else word
    parts = []
    for name, seen in sightings:
        times = "once" if seen.count == 1 else f"{seen.count} times"
        if name == DOCUMENT:
            parts.append(f"{times} in this document")
        else:
            ids = f": {', '.join(seen.ids)}" if seen.ids else ""
            docs = "1 document" if seen.documents == 1 else f"{seen.documents} documents"
            parts.append(f"{times} in {docs} of the {name}{ids}")
    return f"'{word}' seen " + "; ".join(parts)
