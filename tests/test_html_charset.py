"""Pages that declare no charset, the charset a header gave, and what a page says of itself."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanseed import html_to_text
from cleanseed.errors import InputTypeError
from cleanseed.html.charset import detect_charset
from cleanseed.html.decode import decode_html
from cleanseed.html.metadata import PageMetadata, page_metadata

# Pages without any declaration, in the legacy encodings of their languages.
PAGES = {
    "gbk": ("<html><head><title>天气预报</title></head><body><article><p>今天的天气很好，我们一起去"
            "公园散步吧。明天会下雨，请大家记得带伞出门。</p></article></body></html>", "gbk"),
    "shift_jis": ("<html><head><title>天気予報</title></head><body><article><p>今日はとても良い天気"
                  "です。公園に散歩に行きましょう。明日は雨が降るので傘を持って行きましょう。"
                  "</p></article></body></html>", "shift_jis"),
    "euc-kr": ("<html><body><article><p>안녕하세요, 오늘 날씨가 좋네요. 공원에 산책하러 갑시다. "
               "내일은 비가 온다고 하니 우산을 챙기세요.</p></article></body></html>", "euc-kr"),
    "big5": ("<html><body><article><p>今天的天氣很好，我們一起去公園散步吧。明天會下雨，"
             "請大家記得帶傘出門。</p></article></body></html>", "big5"),
    "windows-1251": ("<html><body><article><p>Сегодня хорошая погода, пойдём гулять в парк. "
                     "Завтра обещают дождь, не забудьте зонт.</p></article></body></html>",
                     "cp1251"),
    "koi8-r": ("<html><body><article><p>Сегодня хорошая погода, пойдём гулять в парк. "
               "Завтра обещают дождь, не забудьте зонт.</p></article></body></html>", "koi8-r"),
    "windows-1252": ("<html><body><article><p>Le gouvernement a annoncé mercredi une série de "
                     "mesures destinées à réduire la consommation d'énergie des bâtiments."
                     "</p></article></body></html>", "cp1252"),
    "windows-1253": ("<html><body><article><p>Η κυβέρνηση ανακοίνωσε την Τετάρτη μια σειρά μέτρων "
                     "για τη μείωση της κατανάλωσης ενέργειας.</p></article></body></html>",
                     "cp1253"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_undeclared_legacy_pages_decode_right(name: str) -> None:
    """A page with no <meta charset> and no header is not mojibake: its charset is guessed."""
    page, codec = PAGES[name]
    data = page.encode(codec)
    assert decode_html(data) == page
    body = page.split("<p>")[1].split("</p>")[0]
    assert html_to_text(data) == body


def test_little_evidence_falls_back_to_windows_1252() -> None:
    """With only a byte or two outside ASCII, a page is read as Windows-1252, as browsers do."""
    assert detect_charset(b"<p>caf\xe9 cr\xe8me</p>") == "cp1252"
    assert decode_html(b"<p>caf\xe9</p>") == "<p>café</p>"


def test_header_charset_goes_before_meta_and_after_bom() -> None:
    """The charset a server's header gave wins over <meta>; a byte order mark wins over both."""
    page = "<meta charset='windows-1252'><p>Привет</p>"
    data = page.encode("cp1251")
    assert decode_html(data, charset="windows-1251") == page
    assert html_to_text(data, charset="windows-1251") == "Привет"
    assert decode_html(b"\xef\xbb\xbf<p>\xc3\xa9</p>", charset="koi8-r") == "<p>é</p>"
    assert decode_html(b"<meta charset=koi8-r><p>\xf0\xd2\xc9", charset="bogus") == \
        "<meta charset=koi8-r><p>При"


@given(st.binary(max_size=600))
def test_any_bytes_decode_without_raising(data: bytes) -> None:
    """Whatever the bytes, decoding gives a str and detection gives a web codec."""
    assert isinstance(decode_html(data), str)
    assert isinstance(detect_charset(data), str)


# -- what a page says of itself ----------------------------------------------------------------


def test_metadata_of_a_page() -> None:
    """Title, language and canonical link come from the head; the URL is the caller's."""
    page = ('<!doctype html><html lang="pt_br"><head><meta charset="utf-8">'
            "<title>\n  Previsão do tempo \n</title>"
            '<link rel="alternate stylesheet" href="/x.css"><link rel="Canonical" href="/tempo">'
            '</head><body><h1>Outro título</h1><link rel=canonical href="/wrong"></body></html>')
    found = page_metadata(page, url="https://example.br/tempo?ref=home")
    assert found == PageMetadata(title="Previsão do tempo", language="pt-BR",
                                 canonical="https://example.br/tempo",
                                 url="https://example.br/tempo?ref=home")
    assert found.as_fields() == {"title": "Previsão do tempo", "url": found.url,
                                 "language": "pt-BR", "canonical": found.canonical}


def test_metadata_fallbacks() -> None:
    """og:title stands in for a missing <title>; content-language and og:locale for lang."""
    page = ('<head><meta property="og:title" content="From OG">'
            '<meta http-equiv="Content-Language" content="de-DE"></head>')
    assert page_metadata(page) == PageMetadata(title="From OG", language="de-DE")
    page = '<head><meta property="og:locale" content="fr_FR"></head>'
    assert page_metadata(page).language == "fr-FR"
    assert page_metadata("<p>no head at all</p>") == PageMetadata()


def test_metadata_of_bytes_reads_the_charset() -> None:
    """A GBK page's title comes out right, from the header's charset or from a guess."""
    page, _ = PAGES["gbk"]
    assert page_metadata(page.encode("gbk")).title == "天气预报"
    assert page_metadata(page.encode("gbk"), charset="gbk").title == "天气预报"


def test_metadata_refuses_other_types() -> None:
    """Anything but str or bytes is an InputTypeError."""
    with pytest.raises(InputTypeError, match="str or bytes"):
        page_metadata(42)  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_metadata_of_any_text_never_raises(text: str) -> None:
    """Whatever the markup, the head is read without raising, and a title has no edge space."""
    found = page_metadata(text)
    assert found.title is None or found.title == found.title.strip() != ""
