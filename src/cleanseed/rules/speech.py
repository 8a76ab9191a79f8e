"""Reported-speech vetoes: words showing that a line *reports* a banner rather than being one.

A consent banner speaks to the reader ("we use cookies", "you agree"); a news paragraph that
quotes one says who said it. These patterns are used as ``unless`` companions of the rules that
look for banners anywhere in a line.

RE2's ``\\b`` only knows ASCII letters, so words ending in other letters are matched without a
boundary after them.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["REPORTED_SPEECH"]

#: One pattern per language, matched anywhere in the line.
REPORTED_SPEECH = MappingProxyType({
    # "regulators", "court", "lawsuit" and "fined": a paragraph about a banner, not a banner.
    # "according to" only before a source: banners say "according to your preferences".
    "en": (
        r"(?i)\b(?:said|says|told|tells|according to (?:the|a|an|people|sources)\b|"
        r"according to (?-i:[A-Z])|reported|wrote|writes|claimed|alleged|argued|explained|"
        r"stated|announced|warned|insisted|admitted|acknowledged|testified|complained|"
        r"spokes(?:man|woman|person)|regulators?|watchdog|lawsuit|court|fined|ruling)\b"
    ),
    "de": (
        r"(?i)\b(?:sagte|sagten|sagt|erklärte|berichtete|betonte|meinte|kritisierte|"
        r"so (?:der|die) \pL+|zufolge|Gericht|Klage|Bußgeld|Datenschützer)"
    ),
    "fr": (
        r"(?i)\b(?:a déclaré|a dit|a affirmé|a expliqué|a indiqué|a souligné|"
        r"selon (?:le|la|les|lui|elle|eux|M\.|Mme)\b|déclare|affirme|a-t-il|a-t-elle|dit-il|"
        r"dit-elle|tribunal|amende|la Cnil a)"
    ),
    "es": (
        r"(?i)\b(?:dijo|afirmó|declaró|explicó|señaló|aseguró|según (?:el|la|los|las|él|ella|"
        r"fuentes)\b|indicó|manifestó|tribunal|multa)"
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
        r"|據悉|透露|声称|聲稱|记者|記者|说，|說，|称，|稱，|法院|罚款|罰款)"
    ),
    "ja": r"(?:と述べ|と話し|と語っ|によると|と発表|と説明|と指摘|記者|裁判)",
    "ko": r"(?:밝혔다|말했다|따르면|전했다|설명했다|기자)",
})
