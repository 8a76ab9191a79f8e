"""The words of consent banners, one :class:`Lexicon` per language, that the cookie rules are
built from (:mod:`cleanseed.boilerplate.rules.cookies`).

The tables themselves are in :mod:`cleanseed.boilerplate.rules.lexicon_eu` (English, German, French,
Spanish, Italian, Portuguese), :mod:`cleanseed.boilerplate.rules.lexicon_north` (Dutch, Swedish,
Polish, Russian) and :mod:`cleanseed.boilerplate.rules.lexicon_asia` (Chinese, Japanese, Korean).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Lexicon"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """What a consent banner says in one language, as RE2 pattern fragments.

    >>> Lexicon(code="xx", keyword="cookie", cue="we", context="site", strong=("ok",),
    ...         weak=(), tcf="store", tcf_data="device", titles=("cookie settings",)).spaced
    True
    """

    #: ISO 639-1 code, the middle part of the rule ids ("cookie.de.consent").
    code: str
    #: A cookie word: "consent" alone is also medical, legal and everyday prose.
    keyword: str
    #: The site speaking to the reader: "we", "our", "this site", "by continuing".
    cue: str
    #: A web context word: "site", "browser", "privacy", "partners", "device".
    context: str
    #: Button labels unambiguous on their own: "Accept all cookies", "Tout refuser".
    strong: tuple[str, ...]
    #: Action labels that need company: another label on the line, or a removed banner line
    #: close by ("Accept", "Settings", "OK").
    weak: tuple[str, ...]
    #: The IAB TCF banner, whose first purpose is "store and/or access information on a
    #: device", and the "we and our partners ..." sentence that carries it.
    tcf: str
    #: What the TCF sentence must also name: the device, cookies or personal data.
    tcf_data: str
    #: Titles of consent dialogs, alone on their line: "We value your privacy".
    titles: tuple[str, ...]
    #: Further labels that only count in a row of labels ("Necessary Statistics Marketing").
    labels: tuple[str, ...] = ()
    #: Further requirements of a banner line, where the keyword is ambiguous.
    sense: tuple[str, ...] = ()
    #: Written with spaces between words.
    spaced: bool = True
