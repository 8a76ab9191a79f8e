"""Guess the charset of a page that declares none and is not UTF-8, with charset-normalizer.

A page in GBK or Shift_JIS with no ``<meta charset>`` and no header saying so used to come out
as Windows-1252 mojibake. Browsers guess from the bytes in that case; so does this, with
`charset-normalizer <https://github.com/jawah/charset_normalizer>`_ restricted to the encodings
the web uses, looking at the page's text with its markup taken out (tags are ASCII whatever the
charset, and only dilute the evidence).

Two guesses stay as browsers make them: a page with only a few bytes outside ASCII is read as
Windows-1252 (there is too little to go on), and when Windows-1252 reads the text as well as the
best guess does (Central European code pages agree with it on most accented letters, and the
detector cannot tell French from German by them) Windows-1252 wins, being the web's default.
"""

from __future__ import annotations

import re

__all__ = ["FALLBACK", "detect_charset"]

#: What a page is read as when the guess has too little to go on.
FALLBACK = "cp1252"
#: charset-normalizer's names of the encodings the web uses (WHATWG), Windows-1252 first.
_CANDIDATES = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "cp874", "cp866", "iso8859_2", "iso8859_5", "iso8859_7", "koi8_r", "koi8_u", "gb18030",
    "big5", "euc_jp", "cp932", "cp949",
)
#: Bytes of the page looked at, and of text after its tags are taken out: a page's charset
#: shows in its first paragraphs, and the detector's time grows with its input.
_LOOK = 1 << 18
_SAMPLE = 1 << 16
#: Fewer bytes than this outside ASCII are too few to tell code pages apart.
_MIN_EVIDENCE = 8
#: Guesses this close in charset-normalizer's scores count as equally good.
_TIE = 0.01
_TAG = re.compile(rb"<[^<>]*>")
_HIGH = re.compile(rb"[\x80-\xff]")


def _sample(data: bytes) -> bytes:
    return _TAG.sub(b" ", data[:_LOOK])[:_SAMPLE]


def detect_charset(data: bytes) -> str:
    """Return the Python codec a page's bytes are most likely in (never UTF-8: call this for
    bytes that are not valid UTF-8); Windows-1252 when there is too little to tell.

    >>> detect_charset("今日はとても良い天気です。公園に散歩に行きましょう。".encode("cp932"))
    'cp932'
    >>> detect_charset(b"<p>caf\\xe9</p>")
    'cp1252'
    """
    sample = _sample(data)
    if len(_HIGH.findall(sample, 0, _SAMPLE)) < _MIN_EVIDENCE:
        return FALLBACK
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample, cp_isolation=list(_CANDIDATES)))
    if not matches:
        return FALLBACK
    chaos = min(m.chaos for m in matches)
    good = [m for m in matches if m.chaos <= chaos + _TIE]
    coherence = max(m.coherence for m in good)
    best = [m.encoding for m in good if m.coherence >= coherence - _TIE]
    return FALLBACK if FALLBACK in best else best[0]
