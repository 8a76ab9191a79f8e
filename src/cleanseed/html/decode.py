"""Decode the bytes of a page to text, as a browser would but for valid UTF-8, never raising.

The order of evidence: a byte order mark; then the bytes themselves, when they are valid UTF-8
and hold enough characters outside ASCII (see below); then the charset a server sent in its
HTTP header (the ``charset`` argument: a WARC response's header, say); then a ``<meta
http-equiv="Content-Type" content="text/html; charset=...">`` (the HTTP header, written into
the page); then a ``<meta charset="...">``; then UTF-8 if the bytes are valid UTF-8; then a
guess from the bytes (:mod:`cleanseed.html.charset`), Windows-1252 when there is too little to
guess from. A declared label that names no web encoding (a typo, ``"none"``, or one of Python's
non-text codecs such as ``"base64"``) is ignored, as browsers ignore it.

Valid UTF-8 goes before a declaration, where browsers would believe the declaration, because
scraped pages are often saved or re-served as UTF-8 with their old ``<meta charset="gb2312">``
left in them, and a server's default header (``ISO-8859-1``) often says nothing of the page.
Text in a legacy encoding is almost never valid UTF-8 once it holds a few letters outside
ASCII: in UTF-8 every byte above 0x7F belongs to a sequence of a lead byte and one to three
continuation bytes (0x80 to 0xBF), and two Chinese characters in GBK (``D6 D0 CE C4``) or an
accented letter in Windows-1252 (``E9 20`` for "é ") break that at once. So a page whose bytes
are valid UTF-8 with at least ``_UTF8_EVIDENCE`` characters outside ASCII is read as UTF-8
whatever it declares; with fewer, the declaration stands.
"""

from __future__ import annotations

import codecs
import re
from types import MappingProxyType

from cleanseed.html.charset import detect_charset

__all__ = ["declared_encoding", "decode_html", "web_codec"]

#: How far into the page to look for a declaration; real pages put theirs after long <head>s.
_PRESCAN = 16384
#: Valid UTF-8 holding this many characters outside ASCII is UTF-8, whatever the page or its
#: header declares (see the module's docstring): a chance run of legacy bytes that happens to be
#: valid UTF-8 is a character or two long, never this many.
_UTF8_EVIDENCE = 8
#: The bytes that open a character outside ASCII in UTF-8: in valid UTF-8, one per character.
_LEAD_BYTES = bytes(range(0xC2, 0xF5))

#: Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Labels whose meaning on the web differs from Python's codec of the same name (WHATWG
#: Encoding Standard): Latin-1 and ASCII pages are read as Windows-1252, the Chinese and
#: Korean legacy labels as their supersets, and a UTF-16 label found by an ASCII scan means
#: the page is in fact ASCII-compatible, which on the web means UTF-8.
_WEB_ALIASES = MappingProxyType({
    "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
    "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "iso-ir-100": "cp1252",
    "windows-1252": "cp1252", "x-cp1252": "cp1252", "cp819": "cp1252", "ibm819": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "chinese": "gb18030", "csgb2312": "gb18030", "big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "windows-949": "cp949", "korean": "cp949",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "windows-31j": "cp932", "ms_kanji": "cp932", "utf-16": "utf-8", "utf-16le": "utf-8",
    "utf-16be": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8", "utf-32": "utf-8",
    "utf-32-le": "utf-8", "utf-32-be": "utf-8", "unicode": "utf-8", "x-user-defined": "cp1252",
    "x-mac-roman": "mac-roman", "macintosh": "mac-roman", "x-mac-cyrillic": "mac-cyrillic",
    "unicode-1-1-utf-8": "utf-8", "unicode11utf8": "utf-8", "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
})

#: The Python codecs that web pages can be in (after the aliases above).
_WEB_CODECS = frozenset({
    "utf-8", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "cp874", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5",
    "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14",
    "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "gb18030",
    "big5hkscs", "euc_jp", "iso2022_jp", "cp932", "cp949",
})

# A <meta> tag is read lower-cased, cut to _TAG bytes, and without white space and quotes, so
# that the declarations are plain substrings: 'http-equiv=content-type', 'charset=<label>'.
# The label pattern is one character class, anchored: linear time.
_TAG = 1024
_SQUEEZE = b" \t\r\n\f\"'"
_LABEL = re.compile(rb"[a-z0-9_.:()+-]{1,40}")


def _codec(label: str) -> str | None:
    """The Python codec a declared *label* stands for on the web, or ``None`` if none."""
    label = label.strip().lower()
    if label in _WEB_ALIASES:
        return _WEB_ALIASES[label]
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    name = _WEB_ALIASES.get(name, name)
    return name if name in _WEB_CODECS else None


def web_codec(label: str) -> str | None:
    """The Python codec a charset *label* stands for on the web, or ``None`` if it names none.

    >>> web_codec("Shift_JIS"), web_codec("ISO-8859-1"), web_codec("no-such-charset")
    ('cp932', 'cp1252', None)
    """
    return _codec(label) if isinstance(label, str) else None


def _meta_tags(head: bytes) -> list[bytes]:
    """The ``<meta ...>`` tags of a lower-cased page head, cut and squeezed (see ``_SQUEEZE``)."""
    tags = []
    at = head.find(b"<meta")
    while at >= 0:
        end = head.find(b">", at, at + _TAG)
        tags.append(head[at:end if end >= 0 else at + _TAG].translate(None, _SQUEEZE))
        at = head.find(b"<meta", at + 5)
    return tags


def _charset(tag: bytes) -> str | None:
    at = tag.find(b"charset=")
    found = _LABEL.match(tag, at + 8) if at >= 0 else None
    return _codec(found.group().decode("ascii")) if found else None


def declared_encoding(data: bytes) -> str | None:
    """The codec the page declares in a ``<meta>``, the HTTP-style one first, or ``None``.

    >>> declared_encoding(b'<meta charset="ISO-8859-1"><meta http-equiv="Content-Type" '
    ...                   b'content="text/html; charset=koi8-r">')
    'koi8-r'
    """
    http_style = plain = None
    for tag in _meta_tags(data[:_PRESCAN].lower()):
        if b"http-equiv=content-type" in tag:
            http_style = http_style or _charset(tag)
        else:
            plain = plain or _charset(tag)
    return http_style or plain


def _outside_ascii(data: bytes) -> int:
    """How many characters outside ASCII *data* holds, if it is valid UTF-8."""
    return len(data) - len(data.translate(None, _LEAD_BYTES))


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode a page's bytes: BOM, then valid UTF-8 holding letters outside ASCII, then
    *charset* (what a server's header said), then the page's declarations, then UTF-8, then a
    guess from the bytes.

    >>> decode_html(b'<meta charset="windows-1251"><p>\\xcf\\xf0\\xe8\\xe2\\xe5\\xf2')
    '<meta charset="windows-1251"><p>Привет'
    >>> decode_html(b"<p>caf\\xe9")
    '<p>café'
    >>> decode_html(b"<p>\\x82\\xb1\\x82\\xf1", charset="Shift_JIS")
    '<p>こん'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        text: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and _outside_ascii(data) >= _UTF8_EVIDENCE:
        return text
    declared = web_codec(charset) if charset else None
    declared = declared or declared_encoding(data)
    if declared is not None:
        return data.decode(declared, errors="replace")
    return text if text is not None else data.decode(detect_charset(data), errors="replace")
