"""Letters lost as a question mark ("Fran?ois") or as U+FFFD ("Stra\\ufffde").

U+FFFD is what a decoder writes for bytes it could not read: wherever it stands, a character
was lost. A question mark is what an encoder writes for a character it could not write, but it
is also punctuation. It is taken as a lost letter only between two letters of a cased script
(Latin, Greek, Cyrillic: Chinese and Japanese put "?" between characters as punctuation), in a
word that holds nothing but letters (not a URL, code, or a formula), and not where a sentence
ends without its space ("really?Yes"). At a word's start or end it is a lost letter only if the
word, with a letter in its place, is one the corpus or the lexicon knows and the fragment is
none; or, after Latin letters that are no word, where the sentence goes on in lower case ("hathr?
pasfhocal") in a text that is, or may be, written in letters outside ASCII (a bracket after it
opens a prompt's choices: "klíč? (a/N)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleanseed.damage._hits import COMMONER, WORD_ZIPF, Context, Hit
from cleanseed.damage._scan import QUESTION as QUESTION_SHAPE
from cleanseed.damage._words import HOLE, fold, is_latin

QUESTION = "lost.question"
REPLACEMENT = "lost.replacement"

# The shortest fragment before a "?" that ends a line, weighed alone.
_MIN_FRAGMENT = 3
# A word this common (Zipf 5: once in 100,000 words) before a "?" ends a question, whatever
# follows ("Are you talking to me? she asked"), though a rarer word might fit ("með").
_COMMON = 5.0
# Marks that cannot follow a question mark, but follow a word (a quote or a bracket may close
# a question: "for me?")
_CLOSING = frozenset(".,;:")
# Brackets that open a prompt's choices after a question ("Smazat? (a/N)").
_OPENING = frozenset("([{")
# A "?" inside a sentence, after a fragment that is no word, with no word known to fit.
_MID_SENTENCE = 0.6
# The most "?" that stand for one word's lost letters.
_LONGEST = 3
# A word made from a fragment of one letter must be this common (once in 100,000 words).
_EDGE_COMMON = 5.0
# In a text written in letters outside ASCII, a "?" between letters is a pattern's ("colou?r"),
# not a lost letter, only where the letters around it make a word at least this common (once in
# 100,000 words) and no known word fills it: there a rarer one is most often a word typed without
# its letter outside ASCII ("sb" for "sáb"). Elsewhere any word of the text's languages will do.
_PATTERN = 4.0
_FFFD = re.compile("\ufffd+")
# Characters a word may hold besides letters and the lost ones: apostrophes and hyphens.
_IN_WORD = frozenset("'\u2019-\u2010\u2011?\ufffd")
# An HTML tag that opens or closes just after a word, or just before one.
_TAG_AFTER = re.compile(r"</?[A-Za-z][^<>]{0,80}>")
_TAG_BEFORE = re.compile(r"</?[A-Za-z][^<>]{0,80}>\Z")
_TAG_REACH = 90
# Marks that join the pieces of URLs, queries, code and patterns.
_JOINERS = frozenset("/=&%@#_\\$^|~<>[]{}`*+")


def _cased(char: str) -> bool:
    return char.lower() != char.upper()


def _code_like(text: str, start: int, end: int) -> bool:
    """Whether the "?" at ``[start, end)`` sits in a URL, a query, code or a pattern: the run
    of letters around it touches a mark that joins such things ("page.php?id=3", "a?b:c",
    "colou?r)")."""
    left = start
    while left > 0 and (text[left - 1].isalpha() or text[left - 1] in _IN_WORD):
        left -= 1
    right = end
    while right < len(text) and (text[right].isalpha() or text[right] in _IN_WORD):
        right += 1
    before = text[left - 1] if left else " "
    after = text[right] if right < len(text) else " "
    if after == "<" and _TAG_AFTER.match(text, right):
        after = " "  # "versi?n</a>": markup around a word is no code
    if before == ">" and _TAG_BEFORE.search(text, max(0, left - _TAG_REACH), left):
        before = " "
    if before in _JOINERS or after in _JOINERS:
        return True
    # "x.com?id" or "?x.y": a dot or colon glued to more letters or digits
    return (before in ".:" and left >= 2 and text[left - 2].isalnum()) or (
        after in ".:" and right + 1 < len(text) and text[right + 1].isalnum())


def question_hits(ctx: Context) -> Iterator[Hit]:
    """Yield each "?" (or run of up to three) that stands for lost letters, among those the
    first look found beside a letter where no question ends (:data:`._scan.QUESTION`)."""
    text = ctx.text
    if "?" not in text:
        return
    for first, last in ctx.marks[QUESTION_SHAPE]:
        start = text.index("?", first, last)
        end = start + 1
        while end < len(text) and text[end] == "?":
            end += 1
        if end - start > _LONGEST or (start and text[start - 1] == "?"):
            continue
        before, after = ctx.word_before(start), ctx.word_after(end)
        if before is None and after is None:
            continue
        if _code_like(text, start, end):
            continue
        hit = _question(ctx, before, after, start, end)
        if hit is not None:
            yield hit


def _question(ctx: Context, before: tuple[int, int] | None, after: tuple[int, int] | None,
              start: int, end: int) -> Hit | None:
    text = ctx.text
    left = text[before[0]:start] if before else ""
    right = text[end:after[1]] if after else ""
    span = (before[0] if before else start, after[1] if after else end)
    if left and right:
        return _inside(ctx, left, right, span, start, end)
    fragment = left or right
    if not _cased(fragment[0]):
        return None
    key = fold(left) + HOLE + fold(right)
    if left:
        follows = _after_final(text, end)
        if follows is None or (len(left) < 2 and follows != "word"):
            return None  # a question ends here; "s?" after "%(name)"
        if ctx.repeated(key, (left,)):  # "ma?." in a Breton text that says "mañ" often
            return Hit(QUESTION, *span, start, end, 0.9, end - start)
        if follows == "break" and (len(left) < _MIN_FRAGMENT or not (
                ctx.has_seen(key) or (not ctx.is_word(left) and _known_edge(ctx, key, left)))):
            return None  # at a line's end, a question may end: a word seen intact, or a
            # common word of the text's languages where the fragment is none, says none did
        if ctx.is_word(fragment) if len(fragment) == 1 else ctx.zipf(fragment) >= _COMMON:
            return None  # "me? she asked": a common word ends a question
    elif start and not text[start - 1].isspace():
        return None
    strength = ctx.known_hole(key)
    if strength < 1 and not _known_edge(ctx, key, fragment):
        if left and _before_word(ctx, left, end):
            return Hit(QUESTION, *span, start, end, _MID_SENTENCE, end - start)
        return None
    return Hit(QUESTION, *span, start, end, 0.9 if strength >= 1 else 0.7, end - start)


def _before_word(ctx: Context, left: str, end: int) -> bool:
    """Whether a "?" after *left*, in Latin letters, goes on into a lower-case word ("hathr?
    pasfhocal"), in a text that may be written in letters outside ASCII, where *left* is no
    word of the text's languages: no question ends there, and the letter lost may be of a
    language the lists lack."""
    return (_after_final(ctx.text, end) == "word" and ctx.text[end + 1].isalpha()
            and is_latin(left) and _written_in_letters(ctx) and not ctx.is_word(left))


def _written_in_letters(ctx: Context) -> bool:
    """Whether the text is written in letters outside ASCII, or may be: its languages are, or
    it does not say which they are (a line or two of a language the lists lack)."""
    return ctx.dense or not (ctx.languages or ctx.other_script) or ctx.lettered


def _known_edge(ctx: Context, key: str, fragment: str) -> bool:
    """Whether a word of the text's languages fits a "?" at a word's edge, clearly commoner
    than the fragment ("pi?" is rather "più" than "pi"; "Malm?" may be "Malm"). A fragment
    of one letter needs one of the language's commonest words ("?r tom" for Swedish "är")."""
    found = ctx.hole_zipf(key)
    if found < (_EDGE_COMMON if len(fragment) == 1 else WORD_ZIPF):
        return False
    return ctx.margin(key, (fragment,)) >= COMMONER


def _inside(ctx: Context, left: str, right: str, span: tuple[int, int], start: int,
            end: int) -> Hit | None:
    """A "?" between two letters: lost unless the two sides make a word ("colou?r" in a
    pattern: a common one, in a text written in letters outside ASCII) or a sentence starts
    there without its space ("really?Yes")."""
    if not (_cased(left[-1]) and _cased(right[0])):
        return None
    strength = ctx.known_hole(fold(left) + HOLE + fold(right))
    if strength == 0 and ((right[0].isupper() and not left.isupper())
                          or ctx.zipf(left + right) >= (_PATTERN if ctx.dense else WORD_ZIPF)):
        return None
    confidence = 0.99 if strength >= 1 else 0.97 if strength > 0 else 0.9
    return Hit(QUESTION, *span, start, end, confidence, end - start)


def _after_final(text: str, end: int) -> str | None:
    """What follows a "?" at a word's end: no capital ("gi? sul") or a closing mark ("pi?."
    cannot end a question), a line break (it may), or a capital or a bracket (``None``: a
    sentence, or a prompt's choices, "klíč? (a/N)", follow a question's end)."""
    if end >= len(text) or text[end] == "\n":
        return "break"
    if text[end] in _CLOSING:
        return "mark"
    if text[end] == " " and end + 1 < len(text) and not text[end + 1].isupper() \
            and text[end + 1] not in _OPENING:
        return "word"
    return None  # a capital follows: a sentence starts


def replacement_hits(ctx: Context) -> Iterator[Hit]:
    """Yield each run of U+FFFD, with the word it stands in."""
    text = ctx.text
    if "\ufffd" not in text:
        return
    for match in _FFFD.finditer(text):
        start, end = match.span()
        before, after = ctx.word_before(start), ctx.word_after(end)
        span_start = before[0] if before else start
        span_end = after[1] if after else end
        confidence = 1.0 if before or after else 0.9
        yield Hit(REPLACEMENT, span_start, span_end, start, end, confidence, end - start)
