"""Reported-speech vetoes: words showing that a line *reports* a banner rather than being one.

A consent banner speaks to the reader ("we use cookies", "you agree"); a news paragraph that
quotes one says who said it. These patterns are used as ``unless`` companions of the rules that
look for banners anywhere in a line.

A line that *quotes* a banner is reported speech too, whoever speaks: :func:`quoting` builds the
veto for banner words inside quotation marks.

RE2's ``\\b`` only knows ASCII letters, so words ending in other letters are matched without a
boundary after them.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["QUOTE_PAIRS", "REPORTED_SPEECH", "quoting"]

#: Opening and closing quotation marks that pair up in the languages of the tables: English and
#: Chinese “…”, German and Polish „…“ „…”, French and most others «…», Japanese 「…」 『…』.
#: German »…« is only used for German lines: elsewhere » closes and « opens, and reading
#: them the German way would take the text *between* two quotations for a quotation.
QUOTE_PAIRS = (("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("「", "」"), ("『", "』"))
_GERMAN_PAIRS = (("»", "«"),)
# A quotation holds no other quotation mark and no line break.
_BODY = '[^„“”"«»「」『』\\n]*'
# A straight quote opens at the start of the line or after a space, bracket or punctuation;
# the first straight quote after it closes it.
_STRAIGHT = ('(?:^|[\\s(\\[:,;—–-])"', '"')


def _inline(pattern: str) -> str:
    """Turn a pattern's leading ``(?i)`` into a group, so the pattern can sit inside another."""
    if pattern.startswith("(?i)"):
        return "(?i:" + pattern[4:] + ")"
    return "(?:" + pattern + ")"


def quoting(first: str, second: str | None = None, *, german: bool = False) -> str:
    """Return a pattern for a quotation that holds *first* (and *second*, in either order).

    >>> import re2
    >>> veto = quoting("(?i)we", "cookies")
    >>> bool(re2.search(veto, 'A pop-up read “We use cookies” in bold.'))
    True
    >>> bool(re2.search(veto, 'We use cookies. Click “Accept” to agree.'))
    False
    """
    one = _inline(first)
    inner = one if second is None else (
        f"(?:{one}{_BODY}{_inline(second)}|{_inline(second)}{_BODY}{one})")
    pairs = QUOTE_PAIRS + (_GERMAN_PAIRS if german else ())
    quotes = [f"{o}{_BODY}{inner}{_BODY}{c}" for o, c in (*pairs, _STRAIGHT)]
    return "(?:" + "|".join(quotes) + ")"


#: One pattern per language, matched anywhere in the line.
REPORTED_SPEECH = MappingProxyType({
    # "regulators", "court", "lawsuit" and "fined": a paragraph about a banner, not a banner.
    # "according to" only before a source: banners say "according to your preferences".
    "en": (
        r"(?i)\b(?:said|says|told|tells|according to (?:the|a|an|people|sources)\b|"
        r"according to (?-i:[A-Z])|reported|wrote|writes|claimed|alleged|argued|explained|"
        r"stated|announced|warned|insisted|admitted|acknowledged|testified|complained|"
        r"critici[sz]ed|recalled|replied|"
        r"spokes(?:man|woman|person)|regulators?|watchdog|lawsuit|court|fined|ruling)\b"
    ),
    "de": (
        r"(?i)\b(?:sagte|sagten|sagt|erklärte|berichtete|betonte|meinte|kritisierte|"
        r"so (?:der|die) \pL+|zufolge|Gericht|Klage|Bußgeld|Datenschützer|bezeichnete|hieß es|"
        r"schrieb|kritisierten|Verbraucherschützer|Verbraucherzentrale)"
    ),
    "fr": (
        r"(?i)\b(?:a déclaré|a dit|a affirmé|a expliqué|a indiqué|a souligné|"
        r"selon (?:le|la|les|lui|elle|eux|M\.|Mme)\b|déclare|affirme|a-t-il|a-t-elle|dit-il|"
        r"dit-elle|tribunal|amende|la Cnil a|a écrit|a estimé|a jugé|a dénoncé|a critiqué|"
        r"a qualifié)"
    ),
    "es": (
        r"(?i)\b(?:dijo|afirmó|declaró|explicó|señaló|aseguró|según (?:el|la|los|las|él|ella|"
        r"fuentes)\b|indicó|manifestó|tribunal|multa|escribió|denunció|criticó|calificó)"
    ),
    "it": (
        r"(?i)\b(?:ha detto|ha dichiarato|ha spiegato|ha affermato|ha sottolineato|ha aggiunto|"
        r"secondo (?:lui|lei|fonti|quanto)\b|afferma|tribunale|multa)"
    ),
    "pt": (
        r"(?i)\b(?:disse|afirmou|declarou|explicou|segundo (?:ele|ela|fontes)\b|informou|"
        r"ressaltou|tribunal|multa)"
    ),
    "nl": (
        r"(?i)\b(?:zei|zegt|aldus|volgens (?:hem|haar|bronnen)|verklaarde|meldde|rechter"
        r"|boete)\b"
    ),
    "sv": r"(?i)\b(?:sade|sa att|enligt (?:honom|henne|källor)|uppger|säger|domstol)",
    "pl": r"(?i)(?:powiedział|stwierdził|według (?:niego|niej|źródeł)|poinformował|dodał|sąd )",
    "ru": r"(?i)(?:заявил|сказал|по словам|сообщил|отметил|рассказал|суд )",
    # "表示" alone also occurs in banners ("继续浏览即表示您同意"): only "X 表示，" reports speech
    "zh": (
        r"(?:表示[，,:：]|(?:他|她|他们|他們|公司|官员|官員|发言人|發言人)表示|报道|報導|指出|据悉"
        r"|反映[，,:：]|批评|批評|质疑|質疑"
        r"|據悉|透露|声称|聲稱|记者|記者|说，|說，|称，|稱，|法院|罚款|罰款)"
    ),
    "ja": r"(?:と述べ|と話し|と語っ|によると|と発表|と説明|と指摘|記者|裁判)",
    "ko": r"(?:밝혔다|말했다|따르면|전했다|설명했다|기자)",
})
