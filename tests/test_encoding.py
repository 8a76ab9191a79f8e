"""Tests of the encoding step: ftfy underneath, conservative settings, tidy output."""

from __future__ import annotations

import re
import unicodedata

import ftfy
import ftfy.badness
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.strategies import texts

from cleanseed import EncodingConfig, fix_encoding, fix_encoding_and_explain
from cleanseed._text import fold_empty_lines, tidy
from cleanseed.encoding._badness import is_bad as cleanseed_is_bad
from cleanseed.encoding.fix import (
    _AMP_CHAIN,
    _INVISIBLE_RE,
    _MAX_PASSES,
    _ODD_SPACE,
    DEFAULT,
    _fix_line,
    _ftfy,
    _one_pass,
    _unify_line_breaks,
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


@given(st.lists(st.one_of(texts, st.sampled_from(["\n\n\n", "\n" * 9, "\r\n\n\n", " \n\n\n",
                                                   "\u0301", "&amp;", "Ã©"])), max_size=12)
       .map("".join))
def test_runs_of_empty_lines_are_folded_to_the_same_result(text: str) -> None:
    """The plain step folds runs of empty lines before it reads the text's lines (its twin does
    not, to give the offsets of its edits in the text it was given): the same result."""
    assert fix_encoding(text) == fix_encoding_and_explain(text).text
    assert tidy(fold_empty_lines(text)) == tidy(text)


# Characters near every boundary of the ranges the fast path skips, so the property probes them.
_edges = st.sampled_from(
    list("&\t\x7f\x80\xa0\xc3\xa9\u0100\u017f\u0391\u0410\u0301\u058f\u0590\u1100\u1161\u2013\u2019\u2028"
         "\u20ac\u2122\u2500\u2e80\u9fff\uac00\ud7af\ufffd\uff0c\U0001f600")
)


@given(st.lists(st.one_of(st.text(max_size=8), _edges, st.just("\ud83d")), max_size=30)
       .map("".join))
@example("U\u0300\x80")  # mojibake only once NFC composes "U" and its accent into "Ù"
def test_fast_path_is_ftfy(text: str) -> None:
    """Skipping ftfy for lines it would not change gives what ftfy gives on every line of the
    text as a pass hands it over: line breaks unified, ``&amp;`` chains folded, NFC."""
    config = DEFAULT.ftfy_config()
    text = unicodedata.normalize("NFC", _AMP_CHAIN.sub("&", _unify_line_breaks(text)))
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


# Pieces for ftfy's fixes to act on, and to act on in a later round of its loop: entities that
# spell mojibake or make another entity, controls that join what is either side of them.
_ftfy_pieces = st.sampled_from([
    "Ã©", "Ã", "©", "â€™", "Ã¯", "Ã\xa0", "ç¬¬", "\x85", "\x81", "\x9d", "\x80", "&", ";",
    "&amp;", "&eacute;", "&Atilde;", "&copy;", "&#195;", "&#169;", "&#59;", "&#38;", "&lt;",
    "&NewLine;", "&Tab;", "&#12;", "&#13;", "&#x2028;", "&#x85;", "&#1;", "&#xd83d;", "&eacute",
    "&#x301;", "\u0301", "\u0303", "A", "e", "\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x1b[31m",
    "\x7f", "\ufeff", "\u206a", "\ufffc", "\u2028", "\r", "\u00a0", "\u200b", "\ud83d",
    "\ud83d\ude00", "\u037e", "\u212a", "\u0958",
])
_ftfy_lines = st.lists(st.one_of(_ftfy_pieces, _mojibake_chars, st.text(max_size=2)), max_size=25)
_configs = st.sampled_from([DEFAULT, EncodingConfig(unescape_html=False),
                            EncodingConfig(normalization=None), EncodingConfig(fix_mojibake=False)])


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("CafÃ\x01© au lait", id="mojibake-once-a-control-is-gone"),
        pytest.param("CafÃ\ufeff© au lait", id="mojibake-once-a-bom-is-gone"),
        pytest.param("A\x01\u0303© x", id="mojibake-once-nfc-composes"),
        pytest.param("caf&Atilde;&copy;", id="mojibake-spelled-in-entities"),
        pytest.param("&eacute&#59; &amp;eacute;", id="entity-made-by-an-entity"),
        pytest.param("&eacute\x01;", id="entity-made-by-removing-a-control"),
        pytest.param("â€\x7f™ \x85", id="mojibake-and-controls"),
        pytest.param("Risk & Compliance", id="an-ampersand-alone"),
        pytest.param("Fish & Chips for CafÃ©", id="an-ampersand-and-mojibake"),
        pytest.param("Q&A\x85", id="an-ampersand-and-a-control"),
        pytest.param("Cre\u0300me & Co", id="an-ampersand-before-nfc"),
        pytest.param("AT&T;", id="an-ampersand-that-spells-no-entity"),
    ],
)
def test_ftfy_with_fewer_detector_runs_on_later_rounds(line: str) -> None:
    """Lines where ftfy's repair acts only in a later round of its loop."""
    config = DEFAULT.ftfy_config()
    assert _ftfy(line, config) == ftfy.fix_text(line, config)


@given(_ftfy_lines.map("".join), _configs)
@example("&#59;\u2028", DEFAULT)  # an entity ftfy leaves, then a separator it makes a break
@example("Q&A\u2029", EncodingConfig(unescape_html=False))
def test_ftfy_with_fewer_detector_runs_is_ftfy(line: str, options: EncodingConfig) -> None:
    """Taking ftfy's first round by hand gives what ftfy gives, on any line."""
    config = options.ftfy_config()
    for part in line.split("\n"):
        assert _ftfy(part, config) == ftfy.fix_text(part, config)


@given(_ftfy_lines.map("".join), _configs)
def test_a_settled_line_is_at_its_fixed_point(line: str, options: EncodingConfig) -> None:
    """A line that a pass calls settled is one that another pass leaves as it is."""
    config = options.ftfy_config()
    for part in line.split("\n"):
        fixed, settled = _fix_line(part, options, config)
        if settled:
            assert _one_pass(fixed, options, config) == fixed


@given(st.one_of(texts, st.lists(_ftfy_lines.map("".join), max_size=6).map("\n".join)), _configs)
def test_passes_over_lines_equal_passes_over_the_text(text: str, options: EncodingConfig) -> None:
    """Settling line by line the lines a pass changed gives what passes over the text give."""
    config = options.ftfy_config()
    passed = text
    for _ in range(_MAX_PASSES):
        again = _one_pass(passed, options, config)
        if again == passed:
            break
        passed = again
    assert fix_encoding(text, options) == tidy(passed)


@given(st.text(alphabet="\r\n\u2028\u2029\x0b\x0c\x85a "))
def test_line_breaks_replaced_as_one_scan_would(text: str) -> None:
    """Replacing each kind of line break in turn gives what one scan of them all gives: CRLF
    is one break, a lone CR another, and NEL (U+0085) none."""
    assert _unify_line_breaks(text) == re.sub("\r\n|[\r\u2028\u2029\x0b\x0c]", "\n", text)
