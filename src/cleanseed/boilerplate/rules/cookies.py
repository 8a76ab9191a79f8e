"""Cookie and consent banners: banner paragraphs, dialog titles and lines of button labels.

A banner paragraph needs three things in one line: a cookie keyword, a first- or
second-person cue (the site speaking to the reader: "we use", "your preferences", "by
continuing") and a web context word ("site", "browser", "privacy"), and it must carry no
reported-speech veto. A paragraph *about* a banner ("Regulators said the site's cookie banner
misled users") names a third party, so it stays; so does one that *quotes* a banner
('a window with the words „Wir verwenden Cookies“'): the banner's own words inside quotation
marks are somebody's reported speech.

Each language has five rules, built from its :class:`~cleanseed.boilerplate.rules.lexicon.Lexicon`:

* ``cookie.<lang>.consent``: the banner paragraph above;
* ``cookie.<lang>.tcf``: the IAB TCF banner ("We and our partners store and/or access
  information on a device ..."), which need not say "cookie" at all;
* ``cookie.<lang>.title``: a dialog title alone on its line ("We value your privacy");
* ``cookie.<lang>.buttons``: a line of button labels, one of them unambiguous or two at least;
* ``cookie.<lang>.lone_button``: one action label alone ("Accept"), only within two lines of
  a line another cookie rule removed (a banner, a title, a row of buttons, another button).
"""

from __future__ import annotations

from cleanseed.boilerplate.rules import lexicon_asia, lexicon_eu, lexicon_north
from cleanseed.boilerplate.rules.base import Rule, alternation, label_line
from cleanseed.boilerplate.rules.lexicon import Lexicon
from cleanseed.boilerplate.rules.speech import REPORTED_SPEECH, quoting

__all__ = ["BUTTON_MAX_CHARS", "LEXICONS", "NEAR_LINES", "RULES", "TITLE_MAX_CHARS"]

#: A line of button labels longer than this is something else.
BUTTON_MAX_CHARS = 160
#: A dialog title is a few words.
TITLE_MAX_CHARS = 80
#: How close (in non-blank lines) a lone button label must be to a removed cookie line: the
#: labels of a dialog sit right under its text, one per line at most a line apart.
NEAR_LINES = 2

#: Every language's banner words, English first (the most common language of web text).
LEXICONS: tuple[Lexicon, ...] = (
    lexicon_eu.LEXICONS + lexicon_north.LEXICONS + lexicon_asia.LEXICONS)

# Decoration around a title or a label: a cookie emoji before, an arrow or a mark after.
_HEAD = "(?:🍪[ \t]*)?"
_TAIL = r"(?:[ \t]*[.!:?→›»>✓✔])?"
# A Japanese banner always has kana: without them the line is Chinese, and the Han words the
# two languages share ("同意", "使用") would read as a Japanese banner.
_KANA = r"[\p{Hiragana}\p{Katakana}]"


def _vetoes(lex: Lexicon, *quoted: str) -> tuple[str, ...]:
    """Reported speech in the line's language or English, and quotations of banner words."""
    speech: tuple[str, ...] = (REPORTED_SPEECH[lex.code], REPORTED_SPEECH["en"])
    if lex.code == "ja":  # kana-less Chinese prose is vetoed by requiring kana; its speech too
        speech += (REPORTED_SPEECH["zh"],)
    return tuple(dict.fromkeys((*speech, quoting(*quoted, german=lex.code == "de"))))


def _rules(lex: Lexicon) -> tuple[Rule, ...]:
    kana = (_KANA,) if lex.code == "ja" else ()
    consent = Rule(
        id=f"cookie.{lex.code}.consent", lang=lex.code, pattern=lex.keyword, scope="search",
        requires=(*lex.sense, lex.cue, lex.context, *kana),
        unless=_vetoes(lex, lex.cue, lex.keyword),
    )
    tcf = Rule(
        id=f"cookie.{lex.code}.tcf", lang=lex.code, pattern=lex.tcf, scope="search",
        requires=(lex.tcf_data, *kana), unless=_vetoes(lex, lex.tcf),
    )
    title = Rule(
        id=f"cookie.{lex.code}.title", lang=lex.code, max_chars=TITLE_MAX_CHARS,
        pattern=f"{_HEAD}(?i:{alternation(lex.titles)}){_TAIL}",
    )
    buttons = Rule(
        id=f"cookie.{lex.code}.buttons", lang=lex.code, max_chars=BUTTON_MAX_CHARS,
        pattern="(?i:" + label_line(lex.strong, (*lex.weak, *lex.labels),
                                    spaced=lex.spaced) + ")",
    )
    lone = Rule(
        id=f"cookie.{lex.code}.lone_button", lang=lex.code, max_chars=40, near=NEAR_LINES,
        pattern=f"(?i:{alternation(lex.weak)}){_TAIL}",
    )
    return consent, tcf, title, buttons, lone


#: "By using this site you agree to our Terms": consent to terms without naming cookies.
_EN_AGREE = Rule(
    id="cookie.en.agree", lang="en", scope="search", max_chars=400,
    pattern=(
        r"(?i)\bby (?:continuing to (?:use|browse|visit)|using|accessing|visiting|browsing"
        r"|clicking [^ ]+(?: \w+){0,2})(?: \w+){0,2} (?:this|our|the) (?:site|website|web site"
        r"|services?|app)(?: \w+){0,3},? you (?:agree|consent|accept)"
        r"|\byou (?:agree|consent) to (?:our|the) (?:use of cookies|privacy policy|cookie policy"
        r"|terms(?: of (?:use|service))?)"
    ),
    unless=(REPORTED_SPEECH["en"],),
)

#: Every cookie rule: the rules of each language in turn, then the English terms notice.
RULES: tuple[Rule, ...] = (
    *(rule for lex in LEXICONS for rule in _rules(lex)), _EN_AGREE,
)
