"""Letters lost as a space: "Ola K llenius", "Gr nwald", "ist  ber".

A space between two words is the commonest thing in text, so a space alone is no evidence. A
split is reported only when one side is no word of the text's languages and the two sides,
joined by one letter, make a word: one the document or the corpus holds intact, or a word of the
text's languages that is clearly commoner than the sides read as words of it (a side that is
none counts nothing: "zur ck" for "zurück", "v lida" for "válida"). Two sides that are both
words are one split word only if both hold: the word is seen intact, and clearly commoner than
either ("Ozna ava" in a text that says "Označava"); or if one is rare and the letters around the
space say one word ("spr vy" for Slovak "správy"). Another form of a word the text writes intact,
with the hole after the same letters and before the same four, confirms a split one side of
which is no word ("fjal kalimin" beside "fjalëkalimi"). A lone letter that is a word
of the text's languages ("a", Polish "w", Spanish "y") is no fragment. With no word that fits,
one pattern is still reported, with less confidence: a lone capital inside a name ("Group Ola K
llenius") before a lower-case fragment that is no word of the text's languages; an initial would
be followed by a capital ("George W Bush").

A letter lost at the start or the end of a word leaves two spaces ("ist  ber" for "ist über"),
or a space before a closing mark or at the edge of a line or of the text; the fragment beside
it must then be no word and, with the letter put back, a known one; or, at two spaces between
words in a text not laid out with spaces, a word the letter put back makes at least as common
("hodnot  českého" for "hodnotí"). A fragment of one or two
letters ("p  den" for Swedish "på den") needs the word it makes to be among its language's
commonest. Where the text writes a word intact twice or more, a side beside its hole that the
text writes nowhere else on its own is that word damaged, word of the language or not
("Syöt  oikea" in a Finnish text that says "Syötä"). What the text does often is its way of
writing, not damage: lines that start with a space and a key (" n nume"), lines that end in a
space, and short pieces the lists take for noise that it writes on its own ("bruger-id er").

Where to look is decided first, without a word list (:mod:`._scan`): in a text written in
letters outside ASCII, beside every piece that is no word and every piece that stands beside
the hole of one of the text's own words; elsewhere, only at the shapes a lost
letter leaves, and at its own words split. A text whose shapes turn out to be in a language
written in such letters (a German text that lost every "ü") is then looked at whole, and so is a
short one in such a language, which may hold none of them by chance ("tabulaci n" in one
sentence of Spanish).
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from itertools import compress

from cleanseed.damage import _scan
from cleanseed.damage._hits import COMMONER, Context, Hit
from cleanseed.damage._pieces import Pieces, fragments, is_fragment
from cleanseed.damage._space_shapes import MIN_FRAGMENT, Candidate, candidates
from cleanseed.damage._words import HOLE, fold, is_latin, keys_of

KIND = "lost.space"

# Confidence by the strongest evidence found.
_SEEN = 0.95        # the joined word is in the document or the corpus
_KNOWN = 0.9        # the joined word is in the lexicon
_EDGE_SEEN = 0.9    # a letter lost at a word's edge, the whole word seen
_EDGE_KNOWN = 0.75  # ... the whole word in the lexicon
_LONE_CAPITAL = 0.6  # "K llenius", with nothing to confirm it
_SPELT = 0.7        # the letters around the space say one word
_STEM_SEEN = 0.8    # another form of the word is in the document
_EDGE_SPACED = 0.7  # two spaces between words, beside a word the lists know with a letter more
# The odds (log10) the letters must give one word with a letter lost against two words, where
# the word it makes is one of the lists' but too rare, or its sides too short, for them alone;
# and where it is none of the lists' words, in a text with at least this share of its words in
# its language's list.
_ODDS = 1.5
_UNLISTED_ODDS = 2.2
_WRITTEN_IN = 0.5
# The odds the letters must give a word beside two spaces with a letter put back against the
# word as written: about as likely, at worst ten times less ("hodnotí" against "hodnot": -0.1;
# a letter before "českého" against "českého": -1.2).
_EDGE_ODDS = -1.0
# A word of the text's languages rarer than this (once in 100,000 words) may be one side of a
# split word whose other side is a word too ("spr vy" for Slovak "správy": "spr", 3.1, is an
# abbreviation): the letters then weigh the split, as they weigh a word the lists lack.
_RARE = 4.0
# How much commoner than the fragment at a word's edge (a word itself) the word it makes must be
# where the same text holds that word intact ("Autentificare  i autorizare" in a Romanian text
# that says "și", 7.5, against "i", 6.4): ten times.
_SEEN_COMMONER = 1.0
# A word made with a lone letter must be this common in the text's languages (once in 10,000
# words); one made from a fragment of one or two letters at a word's edge, ten times commoner.
_LONE_COMMON = 4.0
_EDGE_COMMON = 5.0
# A text this short (a few sentences) may hold no letter outside ASCII though its language is
# written in them, and so be looked at whole once its language says so ("marcas de tabulaci n").
_SHORT = 1000
# How far around a shape (in characters, within its line) the pieces are cut.
_REACH = 100


def space_hits(ctx: Context) -> Iterator[Hit]:
    """Yield the splits of :mod:`this module <cleanseed.damage._space>`."""
    text = ctx.text
    if ctx.corpus is not None or (ctx.dense and ctx.languages):
        yield from _whole(ctx)
        return
    found: list[Candidate] = []
    for lo, hi, marks in _windows(ctx):
        pieces = Pieces(text, lo, hi)
        pairs: set[int] = set()
        for k in sorted({k for start, end in marks for k in pieces.covering(start, end)}):
            found += candidates(pieces, k, pairs)
    if not found and len(text) > _SHORT:
        return
    if ctx.lettered:
        yield from _whole(ctx)  # a text in such a language that holds none of its letters
        return
    yield from _judged(ctx, found)


def _whole(ctx: Context) -> Iterator[Hit]:
    """The hits beside every piece of the text that is no word of its languages, and beside
    every two spaces (a word at a lost letter's edge may be one: "perch  hai")."""
    pieces = Pieces(ctx.text, 0, len(ctx.text))
    items = pieces.items
    frags = fragments(ctx, items)
    anchors = set(compress(range(len(items)), map(frags.__contains__, items)))
    for k in compress(range(len(items)), map(operator.not_, items)):  # empty: two spaces
        anchors.update((k - 1, k + 1))
    # a piece beside the hole of one of the text's own words, though it is a word itself
    # ("Ozna ava" in a text that says "Označava")
    beside = {form for side in ctx.own_sides if len(side) >= MIN_FRAGMENT
              for form in (side, side.capitalize())}
    anchors.update(compress(range(len(items)), map(beside.__contains__, items)))
    rare = _rare_sides(ctx, set(items).difference(frags))
    anchors.update(compress(range(len(items)), map(rare.__contains__, items)))
    found: list[Candidate] = []
    pairs: set[int] = set()
    last = len(items) - 1
    for k in sorted(anchors):
        if 0 <= k <= last and items[k] and items[k] != "\n":
            found += candidates(pieces, k, pairs)
    yield from _judged(ctx, found)


def _rare_sides(ctx: Context, pieces: set[str]) -> set[str]:
    """The pieces of *pieces* that are rare words of the text's languages (:data:`_RARE`) and
    stand beside a hole in a word of their lists: one side of a split into two words. Each
    piece is weighed once per set of languages, and kept with the lexicon."""
    memo = ctx.lexicon.memo.get(ctx.languages)
    if not ctx.languages or memo is None:
        return set()
    known = memo.rare
    new = {piece: fold(piece) for piece in pieces if piece not in known}
    rare = {piece: folded for piece, folded in new.items()
            if len(piece) >= 2 and piece.isalpha() and is_latin(piece)
            and ctx.zipf(piece) < _RARE and not is_fragment(ctx, piece)}
    listed = ctx.lexicon.sides(set(rare.values()), ctx.languages)
    for piece in new:
        known[piece] = piece in rare and rare[piece] in listed
    return {piece for piece in pieces if known[piece]}


def _windows(ctx: Context) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """Stretches of the text around its shapes (:func:`._scan.shape_spans`) and around the
    damaged forms of its own words, each with the spans inside it."""
    text = ctx.text
    marks = sorted([*ctx.marks[_scan.SHAPE], *_own_forms(ctx)])
    window: tuple[int, int, list[tuple[int, int]]] | None = None
    for start, end in marks:
        # the line, with its breaks: a letter lost at a line's edge leaves a space beside one
        lo = max(text.rfind("\n", 0, start), start - _REACH, 0)
        line_end = text.find("\n", end)
        hi = min(len(text) if line_end < 0 else line_end + 1, end + _REACH)
        if window is not None and lo <= window[1]:
            window = (window[0], max(window[1], hi), [*window[2], (start, end)])
            continue
        if window is not None:
            yield window
        window = (lo, hi, [(start, end)])
    if window is not None:
        yield window


def _own_forms(ctx: Context) -> Iterator[tuple[int, int]]:
    """Where the text holds one of its own intact words split at a letter outside ASCII, as
    it is written elsewhere in the text ("Gr nwald" in a text that says "Grünwald")."""
    forms = {key.replace(HOLE, " ") for keys in keys_of(sorted(ctx.own_words)) for key in keys
             if 0 < key.index(HOLE) < len(key) - 1}
    return _scan.literal_spans(ctx.text, ctx.data, sorted(forms))


def _judged(ctx: Context, found: list[Candidate]) -> Iterator[Hit]:
    if found and ctx.languages:
        ctx.lexicon.prefetch(words=[s for c in found for s in c.sides if len(s) > 1],
                             keys=[c.key for c in found], languages=ctx.languages)
    unknown: list[Candidate] = []
    paired: list[Candidate] = []
    for candidate in found:
        hit = _judge(ctx, candidate)
        if hit is not None:
            yield hit
        elif _spelt_apart(ctx, candidate):
            unknown.append(candidate)
        elif _rare_pair(ctx, candidate):
            paired.append(candidate)
    if unknown or paired:
        yield from _spelt(ctx, unknown, paired)


def _spelt_apart(ctx: Context, c: Candidate) -> bool:
    """Whether *c* is left for the letters to weigh: a side is no word of the text's
    languages, and no word seen intact fills the hole."""
    if c.edge or not ctx.languages or ctx.has_seen(c.key):
        return False
    return any(is_fragment(ctx, side) for side in c.sides)


def _rare_pair(ctx: Context, c: Candidate) -> bool:
    """Whether *c* is two words of the text's languages, of two letters or more, one of them
    rare (:data:`_RARE`), that make a word of the lists with a letter put back ("spr vy" for
    Slovak "správy", "spa ii" for Romanian "spații"): the letters weigh it, as a word the lists
    lack."""
    if c.edge or c.name or not ctx.languages or ctx.has_seen(c.key):
        return False
    if min(map(len, c.sides)) < 2 or not ctx.hole_zipf(c.key):
        return False
    return min(ctx.zipf(side) for side in c.sides) < _RARE


def _spelt(ctx: Context, found: list[Candidate], paired: list[Candidate]) -> Iterator[Hit]:
    """The candidates whose letters say one word, with a letter lost, rather than what is
    written (:mod:`._letters`), in the text's likeliest language: where the lists know the word
    (too rare, or its sides too short, for them alone), by :data:`_ODDS`; where they do not, or
    where both sides are words of the language (*paired*), by :data:`_UNLISTED_ODDS`, and only
    in a text that is written in that language (most of its words are words of it: a text in a
    language the lists lack is guessed to be in the nearest one, whose letters then say
    little)."""
    listed = [bool(ctx.hole_zipf(c.key)) for c in found]
    if _coverage(ctx) < _WRITTEN_IN:  # the unlisted, and the pairs of words, are not weighed
        found = [c for c, known in zip(found, listed, strict=True) if known]
        listed = [True] * len(found)
        paired = []
    floors = [_ODDS if known else _UNLISTED_ODDS for known in listed]
    found, floors = [*found, *paired], [*floors, *[_UNLISTED_ODDS] * len(paired)]
    if not found:
        return
    letters = ctx.lexicon.letters(ctx.languages[0])
    splits = [tuple(c.key.split(HOLE)) for c in found]
    weighed = letters.odds(splits, floors)  # type: ignore[arg-type]
    for c, floor, odds in zip(found, floors, weighed, strict=True):
        if odds >= floor and not _written_apart(ctx, c):
            yield Hit(KIND, c.start, c.end, c.hole, c.hole_end, _SPELT)


def _coverage(ctx: Context) -> float:
    """The share of the text's words that are words of its languages (0 if its pieces were not
    all read)."""
    return ctx.coverage or 0.0


def _judge(ctx: Context, c: Candidate) -> Hit | None:
    if not c.name and not ctx.hole_zipf(c.key) and not ctx.has_seen(c.key):
        return _stem(ctx, c)  # no word fills the hole: most candidates end here
    if c.edge:
        return _judge_edge(ctx, c)
    if not any(is_fragment(ctx, side) for side in c.sides):
        # two rare words making a common one, or a word the text writes often, seen intact
        if ctx.has_seen(c.key) and (_known(ctx, c) or ctx.repeated(c.key, c.sides)):
            return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _SEEN)
        return None  # two words: "a la", "x a" in a formula
    if ctx.has_seen(c.key):
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _SEEN)
    if _known(ctx, c) and not _written_apart(ctx, c):
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _KNOWN)
    if c.name and ctx.languages and ctx.zipf(c.sides[1]) == 0 \
            and ctx.written_alone(c.sides[1]) <= 1:  # "Precision M prijenosnik" in a text
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _LONE_CAPITAL)  # full of them
    return None


def _stem(ctx: Context, c: Candidate) -> Hit | None:
    """A split whose hole stands where another form of a word the text writes intact has it,
    one side no word of the text's languages (:meth:`Context.stem_seen`)."""
    if c.edge or not ctx.stem_seen(c.key) or not any(is_fragment(ctx, s) for s in c.sides):
        return None
    return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _STEM_SEEN)


def _judge_edge(ctx: Context, c: Candidate) -> Hit | None:
    """A word beside two spaces is weighed in the text's languages only: a piece of a language
    the lists lack, with a letter added, is too often some other word seen in the corpus. A
    word seen intact confirms a fragment of three letters or more; the lists confirm even a
    word, if the one it makes is clearly commoner ("perch  hai" for "perché hai"). In a text
    whose language the lists lack, a fragment of four letters or more is confirmed by a word of
    the same text alone ("data sezen " in a text that says "sezení"), and in one whose language
    they know, a word ten times commoner than its fragment that the same text holds intact
    ("Autentificare  i" in a Romanian text that says "și")."""
    (side,) = c.sides
    if not ctx.languages:  # only the text's own words speak, for a fragment of some length
        if len(side) > MIN_FRAGMENT and c.key in ctx.own_keys:
            return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _EDGE_SEEN)
        return None
    if len(side) >= MIN_FRAGMENT and is_fragment(ctx, side) and ctx.has_seen(c.key):
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _EDGE_SEEN)
    if _known(ctx, c):
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _EDGE_KNOWN)
    if c.key in ctx.own_keys and (_known(ctx, c, _SEEN_COMMONER)
                                  or ctx.repeated(c.key, c.sides)):
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _EDGE_SEEN)
    if _spaced_word(ctx, c):
        return Hit(KIND, c.start, c.end, c.hole, c.hole_end, _EDGE_SPACED)
    return None


def _spaced_word(ctx: Context, c: Candidate) -> bool:
    """Whether *c*, a word of three letters or more, stands at two spaces between two words of
    a line, and the word it makes with a letter put back there is a word of the lists at least
    as common as it, whose letters are about as likely as the word as written (by
    :data:`_EDGE_ODDS`): the two spaces say a letter was lost, and the word is the side where
    it was ("hodnot  českého" for Czech "hodnotí", though "hodnot" is a word too; "Kč" and
    "českého" make none). Not in a text that lays itself out with spaces (:func:`_laid_out`).
    """
    (side,) = c.sides
    text = ctx.text
    at = c.hole - 1 if c.key.startswith(HOLE) else c.hole  # the first of the spaces
    if len(side) < MIN_FRAGMENT or text[at:at + 2] != "  " or _laid_out(text):
        return False
    if not (at > 0 and text[at - 1].isalpha() and at + 2 < len(text) and text[at + 2].isalpha()):
        return False
    if ctx.hole_zipf(c.key) < ctx.zipf(side):
        return False
    left, _, right = c.key.partition(HOLE)
    return ctx.lexicon.letters(ctx.languages[0]).odds([(left, right)])[0] >= _EDGE_ODDS


def _laid_out(text: str) -> bool:
    """Whether *text* lays its words out with spaces, in columns or indented lines (a program's
    help, a table): then two spaces between words are its way of writing, not damage."""
    return "   " in text or "\n  " in text or text.startswith("  ")


def _written_apart(ctx: Context, c: Candidate) -> bool:
    """Whether the sides of a split, short ones among them, are words of the text's own: the
    lists take a piece of one or two letters that is not among their commonest for noise, but
    one the text writes on its own elsewhere too is a word of it ("bruger-id er" in a Danish
    text that writes "id" and "er" often; "s w" in a Polish one)."""
    return any(len(side) <= 2 for side in c.sides) and all(
        (len(side) > 2 and not is_fragment(ctx, side)) or ctx.written_alone(side) >= 2
        for side in c.sides)


def _known(ctx: Context, c: Candidate, commoner: float = COMMONER) -> bool:
    """Whether a word of the text's languages fills the hole, clearly commoner than its sides
    (:meth:`Context.margin`). The word a lone letter makes must be a common one; the word a
    fragment of one or two letters makes at a word's edge, a very common one ("p  den" for
    Swedish "på den").
    """
    found = ctx.hole_zipf(c.key)
    if not found:
        return False
    short = min(len(side) for side in c.sides)
    if c.edge and short < MIN_FRAGMENT and found < _EDGE_COMMON:
        return False
    if short == 1 and found < _LONE_COMMON:
        return False
    return ctx.margin(c.key, c.sides) >= commoner
