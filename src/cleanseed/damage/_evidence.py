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

from cleanseed.damage._hits import Context, Hit
from cleanseed.damage.vocabulary import Seen

#: The name of the document's own vocabulary among the context's vocabularies.
DOCUMENT = "document"


class Repair(NamedTuple):
    """The damaged word restored, and where the intact word was seen."""

    word: str
    evidence: str


def _fits(hit: Hit, key: str, seen: Seen) -> bool:
    middle = len(seen.word) - (len(key) - 1)
    return 1 <= middle <= hit.width


def choose(ctx: Context, hit: Hit, min_corpus_count: int) -> Repair | None:
    """The one intact word *hit* was, with the evidence for it; ``None`` if not exactly one."""
    key = ctx.key(hit)
    support: dict[str, list[tuple[str, Seen]]] = {}
    for name, seen in ctx.seen(key):
        if not _fits(hit, key, seen):
            continue
        if seen.count >= (1 if name == DOCUMENT else min_corpus_count):
            support.setdefault(seen.word, []).append((name, seen))
    if len(support) != 1:
        return None
    (word, sightings), = support.items()
    return Repair(_restore(ctx, hit, key, word, sightings), _describe(word, sightings))


def _restore(ctx: Context, hit: Hit, key: str, word: str,
             sightings: list[tuple[str, Seen]]) -> str:
    """The damaged word with its hole filled from *word*, in the capitals of the evidence."""
    text = ctx.text
    prefix, suffix = text[hit.start:hit.hole], text[hit.hole_end:hit.end]
    cut = key.index("\0")
    middle = word[cut:len(word) - (len(key) - 1 - cut)]
    forms: Counter[str] = Counter()
    for _, seen in sightings:
        forms.update(dict(seen.forms))
    for form, _ in forms.most_common():
        if form.startswith(prefix) and form.endswith(suffix) and len(form) == len(word):
            return prefix + form[len(prefix):len(form) - len(suffix)] + suffix
    letters = prefix + suffix
    if len(letters) > 1 and letters.isupper():
        middle = middle.upper()
    elif not prefix and forms and forms.most_common(1)[0][0][:1].isupper():
        middle = middle[:1].upper() + middle[1:]
    return prefix + middle + suffix


def _describe(word: str, sightings: list[tuple[str, Seen]]) -> str:
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
