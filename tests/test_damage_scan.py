"""The damage finder's first look: one pass of RE2 over a text's bytes, read as Latin-1, finds
every shape of damage, and its spans are the text's characters."""

from __future__ import annotations

import re

import re2
from hypothesis import given
from hypothesis import strategies as st

from cleanseed.damage import _scan

_LATIN1 = re2.Options()
_LATIN1.encoding = re2.Options.Encoding.LATIN1
_QUESTION_MARKS = re2.compile(rb"\?+", _LATIN1)
_ANY_BYTE_OUTSIDE_ASCII = re2.compile(rb"[\x80-\xff]", _LATIN1)

texts = st.text(alphabet=st.sampled_from("ab ?\n\u00e9\u00df\u1ec7\u2019\u4e2d\U0001f600\ud800"))


@given(texts)
def test_spans_are_characters_of_the_text(text: str) -> None:
    data = _scan.encode(text)
    assert [(s, e) for s, e, _ in _scan.spans(_QUESTION_MARKS, text, data)] == [
        m.span() for m in re.finditer(r"\?+", text)]


@given(texts)
def test_a_match_inside_a_character_widens_to_the_whole_character(text: str) -> None:
    data = _scan.encode(text)
    found = [(s, e) for s, e, _ in _scan.spans(_ANY_BYTE_OUTSIDE_ASCII, text, data)]
    assert [text[s:e] for s, e in found] == [c for c in text if not c.isascii()]


def test_a_lone_surrogate_keeps_the_offsets() -> None:
    text = "a\ud800b"
    assert len(_scan.encode(text).decode()) == len(text)


def test_latin_letters_are_counted_and_found() -> None:
    text = "Größe × 2, ệ, Ω"
    data = _scan.encode(text)
    assert _scan.latin_letters(text, data) == 4  # ö, ß, ệ, and the sign ×: near enough
    assert [text[i] for i in _scan.latin_offsets(text, data)] == ["ö", "ß", "ệ"]


def _shapes(text: str) -> dict[int, list[str]]:
    found = _scan.suspects(text, _scan.encode(text), latin=True)
    return {kind: [text[s:e] for s, e in spans] for kind, spans in found.items() if spans}


def test_each_shape_is_found() -> None:
    assert _shapes("Ola K llenius") == {_scan.SHAPE: [" K "]}
    assert _shapes("ist  ber") == {_scan.SHAPE: ["t  b"]}
    assert _shapes("hodnot .") == {_scan.SHAPE: ["t ."]}
    assert _shapes("Fran?ois") == {_scan.QUESTION: ["n?o"]}
    assert _shapes("gi? sul") == {_scan.QUESTION: ["i? s"]}
    assert _shapes("pi\u221a\u03c0") == {_scan.PAIR: ["\u221a\u03c0"]}
    assert _shapes("pi\u0102\u0105") == {_scan.CAPITAL: ["i\u0102"]}


def test_sound_text_has_no_shape() -> None:
    text = "Why? Because it rained. A cat, I think, sat there. “Yes?” she said. Café ©"
    assert _shapes(text) == {}


def test_a_question_at_a_line_end_is_a_shape_only_beside_letters_outside_ascii() -> None:
    text = "What is this?\nNothing."
    assert _scan.suspects(text, _scan.encode(text), latin=False)[_scan.QUESTION] == []
    assert _scan.suspects(text, _scan.encode(text), latin=True)[_scan.QUESTION] == [(11, 13)]
