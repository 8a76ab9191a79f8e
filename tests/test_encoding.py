"""Tests of the encoding step: ftfy underneath, conservative settings, tidy output."""

from __future__ import annotations

import unicodedata

import ftfy
import ftfy.badness
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import texts

from cleanseed import EncodingConfig, fix_encoding, fix_encoding_and_explain
from cleanseed._badness import is_bad as cleanseed_is_bad
from cleanseed.encoding import (
    _AMP_CHAIN,
    _INVISIBLE_RE,
    _LINE_BREAKS,
    _ODD_SPACE,
    DEFAULT,
    _one_pass,
)
from cleanseed.errors import ConfigError, InputTypeError


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        pytest.param("CafÃ©", "Café", id="utf8-as-cp1252"),
        pytest.param("naÃƒÂ¯ve", "naïve", id="double-encoded"),
        pytest.param("The EUâ€™s rules", "The EU’s rules", id="curly-apostrophe-mojibake"),
        pytest.param("fish &amp; chips &eacute;t&eacute;", "fish & chips été", id="entities"),
        pytest.param("a &amp;lt; b", "a < b", id="entity-escaped-twice"),
        pytest.param("one\u00a0two\u202fthree", "one two three", id="no-break-spaces"),
        pytest.param("zero\u200bwidth\u00adsoft\ufeff", "zerowidthsoft", id="invisible"),
        pytest.param("line one\r\nline two\rline three", "line one\nline two\nline three",
                     id="crlf"),
        pytest.param("bell\x07 and\x00 nul", "bell and nul", id="control-chars"),
        pytest.param("\u00c3\x85sa said", "\u00c5sa said", id="nel-inside-mojibake"),
        pytest.param("lone \ud83d surrogate", "lone \ufffd surrogate", id="lone-surrogate"),
        pytest.param("paired \ud83d\ude00", "paired \U0001f600", id="surrogate-pair"),
        pytest.param("wait\x85 what", "wait\u2026 what", id="lone-nel-is-cp1252-ellipsis"),
        pytest.param("\x1b[31mred\x1b[0m", "red", id="terminal-escapes"),
        pytest.param("a\n\n\n\nb  \n", "a\n\nb", id="blank-runs-and-trailing-space"),
    ],
)
def test_repairs(raw: str, fixed: str) -> None:
    """Each kind of fault comes out repaired."""
    assert fix_encoding(raw) == fixed


@pytest.mark.parametrize(
    "kept",
    [
        pytest.param("“Quoted,” she said — it’s fine.", id="curly-quotes"),
        pytest.param("你好，世界！（测试）", id="cjk-full-width-punctuation"),
        pytest.param("ﬁnancial ﬂow", id="ligatures"),
        pytest.param("10³ m²", id="superscripts"),
        pytest.param("日本語\u3000全角スペース", id="ideographic-space"),
        pytest.param("क्‍ष and 👩‍💻", id="zero-width-joiner"),
        pytest.param("    indented code\n\tand a tab", id="indentation"),
    ],
)
def test_conservative(kept: str) -> None:
    """What the author wrote on purpose is left as written."""
    assert fix_encoding(kept) == kept


def test_explain_records_edits_at_their_offsets() -> None:
    """Each edit names what was there, where, and what replaced it."""
    text = "first line\nnaÃ¯ve and CafÃ©"
    out, edits = fix_encoding_and_explain(text)
    assert out == "first line\nnaïve and Café"
    assert edits, "an edit was made, so it must be listed"
    for edit in edits:
        assert edit.stage == "encoding"
        assert text[edit.start : edit.start + len(edit.text)] == edit.text
    assert [(e.text, e.replacement) for e in edits] == [("Ã¯", "ï"), ("Ã©", "é")]


def test_bytes_are_refused_with_advice() -> None:
    """Bytes get an error that says how to decode them."""
    with pytest.raises(InputTypeError, match="decode"):
        fix_encoding(b"caf\xc3\xa9")  # type: ignore[arg-type]


def test_bad_config() -> None:
    """An unknown normalization form is a ConfigError, not a deep ftfy error."""
    with pytest.raises(ConfigError, match="normalization"):
        EncodingConfig(normalization="NFKC")  # type: ignore[arg-type]


def test_config_can_turn_fixes_off() -> None:
    """Each option switches its fix off."""
    assert fix_encoding("a &amp; b", EncodingConfig(unescape_html=False)) == "a &amp; b"
    assert fix_encoding("a\u00a0b", EncodingConfig(normalize_spaces=False)) == "a\u00a0b"
    assert fix_encoding("CafÃ©", EncodingConfig(fix_mojibake=False)) == "CafÃ©"


@given(texts)
def test_never_raises_and_is_idempotent(text: str) -> None:
    """Any str at all: a result, and running again changes nothing."""
    once = fix_encoding(text)
    assert fix_encoding(once) == once


@given(texts)
def test_plain_equals_explained(text: str) -> None:
    """The plain step and its explaining twin cannot drift apart."""
    explained = fix_encoding_and_explain(text)
    assert explained.text == fix_encoding(text)


# Characters near every boundary of the ranges the fast path skips, so the property probes them.
_edges = st.sampled_from(
    list("&\t\x7f\x80\xa0\xc3\xa9\u0100\u017f\u0391\u0410\u0301\u058f\u0590\u1100\u1161\u2013\u2019\u2028"
         "\u20ac\u2122\u2500\u2e80\u9fff\uac00\ud7af\ufffd\uff0c\U0001f600")
)


@given(st.lists(st.one_of(st.text(max_size=8), _edges, st.just("\ud83d")), max_size=30)
       .map("".join))
def test_fast_path_is_ftfy(text: str) -> None:
    """Skipping ftfy for lines it would not change gives what ftfy gives on every line."""
    config = DEFAULT.ftfy_config()
    text = _AMP_CHAIN.sub("&", _LINE_BREAKS.sub("\n", text))
    fixed = "\n".join(ftfy.fix_text(line, config) for line in text.split("\n"))
    reference = _INVISIBLE_RE.sub("", _ODD_SPACE.sub(" ", unicodedata.normalize("NFC", fixed)))
    reference = reference.translate(dict.fromkeys(range(55296, 57344), "�"))
    assert _one_pass(text, DEFAULT, config) == reference


_mojibake_chars = st.sampled_from(list("ÂÃÎÐØÙàâ€œŠš¢£Ÿž\xa0\xad®©°·»–—´×²³√±∂†≠™≤≥¥µø≈‚Äìîïòôúùûπ"
                                       "вЂГўВРСΒΓΞΟβΆā ?\t.,!aZé"))


@given(st.lists(st.one_of(_mojibake_chars, st.text(max_size=3)), max_size=40).map("".join))
def test_re2_badness_agrees_with_ftfy(text: str) -> None:
    """The RE2 build of ftfy's mojibake detector answers as ftfy's own does."""
    assert cleanseed_is_bad(text) == ftfy.badness.is_bad(text)
