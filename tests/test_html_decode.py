"""Decoding a page's bytes: BOM, then declarations, then UTF-8, then Windows-1252."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanseed.html import decode_html, html_to_text
from cleanseed.html.decode import declared_encoding

WORD = "Привет, мир"


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_a_byte_order_mark_wins_over_everything(bom: bytes, codec: str) -> None:
    """The BOM names the encoding even when a <meta> says otherwise; it is not kept."""
    page = f'<meta charset="windows-1252"><p>{WORD}</p>'
    assert decode_html(bom + page.encode(codec)) == page


def test_meta_charset_is_honoured() -> None:
    """<meta charset> names the encoding of bytes that are not UTF-8."""
    page = f'<html><head><meta charset="windows-1251"></head><p>{WORD}</p>'
    assert html_to_text(page.encode("cp1251")) == WORD


def test_http_style_declaration_wins_over_meta_charset() -> None:
    """<meta http-equiv="Content-Type" content="...; charset=..."> comes first, wherever it is."""
    page = (f'<meta charset="utf-8"><meta http-equiv="content-type" '
            f'content="text/html; charset=KOI8-R"><p>{WORD}</p>')
    assert declared_encoding(page.encode("koi8-r")) == "koi8-r"
    assert html_to_text(page.encode("koi8-r")) == WORD


CHINESE = "深度学习的新电脑已可利用记忆自学，人工智能迈上新台阶。"


@pytest.mark.parametrize("label", ["gb2312", "gbk", "GB18030", "big5", "shift_jis"])
def test_valid_utf8_wins_over_a_legacy_declaration(label: str) -> None:
    """A page saved as UTF-8 that still declares its old charset is read as UTF-8, not as
    mojibake: text in a legacy encoding is not valid UTF-8 once it holds a few such letters."""
    page = (f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
            f"<p>{CHINESE}</p>")
    assert decode_html(page.encode("utf-8")) == page
    assert html_to_text(page.encode("utf-8")) == CHINESE
    assert decode_html(page.encode("utf-8"), charset="iso-8859-1") == page


def test_the_same_page_in_gbk_follows_its_declaration() -> None:
    """The GBK bytes of that page are not valid UTF-8: its declaration is read as before."""
    page = f'<meta charset="gb2312"><p>{CHINESE}</p>'
    assert decode_html(page.encode("gbk")) == page


def test_a_little_valid_utf8_leaves_the_declaration_standing() -> None:
    """A few bytes that happen to be valid UTF-8 ("Ã©" in Windows-1252 is "é" in UTF-8) are
    too little to overrule what the page says."""
    data = '<meta charset="windows-1252"><p>Ã© and Ã¨, as written</p>'.encode("cp1252")
    data.decode("utf-8")  # valid UTF-8, two characters outside ASCII
    assert decode_html(data) == data.decode("cp1252")


def test_latin1_labels_read_as_windows_1252() -> None:
    """As in browsers, an ISO-8859-1 page is read as Windows-1252 (curly quotes survive)."""
    page = '<meta charset="iso-8859-1"><p>\x93quoted\x94 caf\xe9</p>'.encode("latin-1")
    assert html_to_text(page) == "\u201cquoted\u201d café"


@pytest.mark.parametrize("label", ["nonsense", "base64", "rot13", "zlib", "utf-7", "",
                                   "x" * 300, "utf-8\x00", "hex"])
def test_bogus_labels_are_ignored(label: str) -> None:
    """A label naming no web encoding (or a codec that is no text encoding) falls back."""
    page = f'<meta charset="{label}"><p>{WORD}</p>'.encode("utf-8", errors="surrogateescape")
    assert html_to_text(page) == WORD


def test_utf16_label_on_an_ascii_compatible_page_means_utf8() -> None:
    """A UTF-16 label found by an ASCII scan cannot be right: the page is read as UTF-8."""
    page = f'<meta charset="utf-16"><p>{WORD}</p>'
    assert html_to_text(page.encode("utf-8")) == WORD


def test_without_a_declaration_utf8_then_windows_1252() -> None:
    """Valid UTF-8 is read as UTF-8; anything else as Windows-1252, which never fails."""
    assert html_to_text(f"<p>{WORD}</p>".encode()) == WORD
    assert html_to_text(b"<p>na\xefve \x80 caf\xe9</p>") == "naïve € café"


def test_a_declaration_after_the_prescan_window_is_not_seen() -> None:
    """Only the start of the page is searched for a declaration, as browsers do."""
    page = b"<p>x</p>" + b" " * 20000 + b'<meta charset="koi8-r">'
    assert declared_encoding(page) is None


@given(st.binary(max_size=400))
def test_decoding_never_raises(data: bytes) -> None:
    """Any bytes decode to a str."""
    assert isinstance(decode_html(data), str)


@given(st.sampled_from(["utf-8", "cp1252", "koi8-r", "shift_jis", "gbk", "latin1", "bogus"]),
       st.binary(max_size=200))
def test_decoding_never_raises_whatever_the_declaration(label: str, body: bytes) -> None:
    """A declaration followed by bytes it does not fit still decodes, replacing what is bad."""
    data = b'<meta charset="' + label.encode() + b'">' + body
    assert isinstance(decode_html(data), str)
