"""What a line of page text looks like on its own: its length, its share of stop words, its
punctuation, and the marks of a row of labels.

Most boilerplate on a page is short lines of labels in runs (menus, link lists, tag clouds,
footers); most content is lines of prose, full of the little words of its language. These
features tell the two apart line by line; :mod:`cleanseed.boilerplate.context` weighs them with the
neighbours.

    >>> f = features("We went to the market, and it was closed.", stop_words("en"))
    >>> f.kind, f.words
    ('prose', 9)
    >>> features("Home | News | Sport | Weather", stop_words("en")).kind
    'row'

Stop words come from the stopwords-iso lists (the ``stopwordsiso`` package, MIT), 58 languages;
the language of a text is guessed from which list its words hit most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

__all__ = [
    "Kind",
    "LineFeatures",
    "features",
    "guess_language",
    "language_hits",
    "language_of",
    "stop_words",
]

#: What a line is on its own: ``prose`` (a sentence, or the piece of one), ``label`` (a few
#: words with no sentence in them: a menu item, a heading, a name), ``short`` (a short line
#: that is not a bare label: a number, a date, code, a line ending in punctuation), ``row``
#: (short labels joined by separators or glued together: "Home | News | Sport").
Kind = Literal["prose", "label", "short", "row"]

# Prose: this many words at least, this share of stop words, and a sentence's end; or a
# longer line with more stop words, a sentence cut by a line break (hard-wrapped text).
PROSE_WORDS = 8
PROSE_STOP = 0.25
PROSE_STOP_UNENDED = 0.4
LONG_WORDS = 25
LONG_STOP = 0.3
# A label: at most this many words, fewer stop words than this share (any share up to
# LABEL_ANY_STOP words: "About us", "More from this site"), no sentence end.
LABEL_WORDS = 8
LABEL_STOP = 0.34
LABEL_ANY_STOP = 4
# A row: at least this many separators, and labels of at most this many words on average.
ROW_SEPARATORS = 2
ROW_WORDS_PER_LABEL = 4

# Lines in scripts written without spaces count a word for this many characters.
_CJK_CHARS_PER_WORD = 2

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_END = (".", "!", "?", "…", '"', "”", "’", "'", ":", ";", ")", "。", "！", "？", "：", "；", "」",
        "』", "）")
# A list item's marker at the start of a line: a bullet or a dash, then a space.
_MARKER = re.compile(r"[•·▪‣◦●○■□*–—-]\s")
# A separator between labels: a bar, a middle dot or a bullet with a space on one side at least,
# or a slash between spaces.
_SEPARATOR = re.compile(r"\s[|·•]|[|·•]\s|\s/\s")
_SEPARATOR_CHARS = re.compile(r"[|·•/]")
# Three or more capitalised words glued together: "HomeAboutContact", "NewsSportWeather".
_GLUED = re.compile(r"(?<!\w)(?:[A-Z][a-z]+){3,}(?!\w)")
# Marks of code, markup, numbers and tables: such a short line is not a bare label.
_CODE = re.compile(r"[=;{}<>\[\]()_#@$%\\\d]")


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The shape of one line."""

    #: Words (in scripts without spaces, one per two characters).
    words: int
    #: Share of the words that are stop words of the text's language.
    stop: float
    #: Whether the line ends as a sentence does (or with a colon, a quote, a bracket).
    ended: bool
    #: Separators between short labels ("|", "·", "•", " / ").
    separators: int
    #: Whether three or more capitalised words are glued together ("HomeAboutContact").
    glued: bool
    #: Whether the line holds digits, code or markup characters, or starts with a list marker.
    code: bool
    #: What the line is on its own, from the above.
    kind: Kind

    def signals(self) -> str:
        """The features, as explain shows them."""
        flags = [f"words={self.words}", f"stop={self.stop:.2f}",
                 "ended" if self.ended else "unended"]
        if self.separators:
            flags.append(f"separators={self.separators}")
        if self.glued:
            flags.append("glued")
        if self.code:
            flags.append("digits/code")
        return " ".join(flags)


@cache
def stop_words(lang: str) -> frozenset[str]:
    """The stop words of *lang* (an ISO 639-1 code), lower-cased; empty if it has none.

    >>> "the" in stop_words("en") and "und" in stop_words("de")
    True
    """
    import stopwordsiso

    words = frozenset(w.lower() for w in stopwordsiso.stopwords(lang))
    if lang in ("zh", "ja"):  # written without spaces: single characters are what count
        words = frozenset(w for w in words if len(w) == 1 and w.isalpha())
    return words


@cache
def _stop_index() -> dict[str, tuple[str, ...]]:
    """Each stop word of a spaced language, with the languages that list it."""
    import stopwordsiso

    index: dict[str, list[str]] = {}
    for lang in sorted(stopwordsiso.langs()):
        if lang in ("zh", "ja"):
            continue
        for word in stop_words(lang):
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def guess_language(lines: Iterable[str]) -> str:
    """Guess the language of *lines* from which stop-word list their words hit most ("en" when
    nothing hits); text mostly in Han or kana is "zh" or "ja". Only lines of
    :data:`GUESS_MIN_WORDS` words or more are read: menus say little about the language.

    >>> guess_language(["Der Hund und die Katze sind im Garten."])
    'de'
    """
    return language_of(language_hits(line) for line in lines)


#: Lines shorter than this many words do not vote on the language.
GUESS_MIN_WORDS = 5


def language_hits(line: str) -> Counter[str]:
    """The votes of *line* for the language of its text: a count of stop words per language,
    and under the keys "#cjk", "#kana" and "#letters" the characters of each kind."""
    votes: Counter[str] = Counter()
    if line.count(" ") < GUESS_MIN_WORDS - 1 and line.isascii():  # short: no vote, and fast
        return votes
    if _CJK.search(line):
        votes["#cjk"] = len(_CJK.findall(line))
        votes["#kana"] = len(_KANA.findall(line))
    words = _WORD.findall(line.lower())
    if len(words) < GUESS_MIN_WORDS and not votes:
        return votes
    index = _stop_index()
    votes["#letters"] = sum(map(len, words))
    for word, count in Counter(words).items():
        for lang in index.get(word, ()):
            votes[lang] += count
    return votes


def language_of(votes: Iterable[Counter[str]]) -> str:
    """The language the summed *votes* of :func:`language_hits` elect."""
    total: Counter[str] = Counter()
    for v in votes:
        total.update(v)
    cjk, kana, letters = total.pop("#cjk", 0), total.pop("#kana", 0), total.pop("#letters", 0)
    if cjk and cjk * 2 >= letters:
        return "ja" if kana * 5 >= cjk else "zh"
    if not total:
        return "en"
    best = max(total.values())
    return "en" if total["en"] == best else min(k for k, v in total.items() if v == best)


def features(line: str, stop: frozenset[str]) -> LineFeatures:
    """The features of *line* (stripped or not), with *stop* the stop words of its language."""
    text = line.strip()
    if _CJK.search(text):
        cjk = _CJK.findall(text)
        spaced = _WORD.findall(_CJK.sub(" ", text).lower())
        words = len(spaced) + len(cjk) // _CJK_CHARS_PER_WORD
        hits = sum(ch in stop for ch in cjk) * _CJK_CHARS_PER_WORD + sum(
            w in stop for w in spaced)
        share = min(1.0, hits / words) if words else 0.0
    else:
        tokens = _WORD.findall(text.lower())
        words = len(text.split())
        share = sum(map(stop.__contains__, tokens)) / len(tokens) if tokens else 0.0
    ended = text.endswith(_END)
    separators = len(_SEPARATOR.findall(text)) if _SEPARATOR_CHARS.search(text) else 0
    glued = words <= LABEL_WORDS and _GLUED.search(text) is not None
    code = _CODE.search(text) is not None or _MARKER.match(text) is not None
    return LineFeatures(words, share, ended, separators, glued, code,
                        _kind(words, share, ended, separators, glued, code))


def _kind(words: int, stop: float, ended: bool, separators: int, glued: bool,
          code: bool) -> Kind:
    if (glued and words <= LABEL_WORDS) or (separators >= ROW_SEPARATORS
                 and words <= ROW_WORDS_PER_LABEL * (separators + 1)):
        return "row"
    if words >= PROSE_WORDS and ((stop >= PROSE_STOP and ended) or stop >= PROSE_STOP_UNENDED):
        return "prose"
    if words >= LONG_WORDS and stop >= LONG_STOP:
        return "prose"
    if (not ended and not code and words <= LABEL_WORDS
            and (stop < LABEL_STOP or words <= LABEL_ANY_STOP)):
        return "label"
    return "short"
