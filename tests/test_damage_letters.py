"""The model of a language's letters that weighs a space between two fragments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleanseed.damage._letters import build_letters
from cleanseed.damage.lexicon import Lexicon

_WORDS = ["canción", "acción", "nación", "razón", "camión", "can", "ni", "son", "la", "de",
          "casa", "perro", "gato", "mesa"]


def test_a_split_no_word_would_make_has_high_odds() -> None:
    letters = build_letters(_WORDS * 3)
    naci, casa = letters.odds([("naci", "n"), ("la", "casa")])
    assert naci > 2 > 0 > casa


def test_the_letters_outside_ascii_are_the_language_s() -> None:
    assert set(build_letters(["über", "größe", "straße", "hund"]).foreign) == {"ü", "ö", "ß"}
    assert build_letters(["cat", "dog"]).foreign == ()
    assert build_letters(["cat", "dog"]).odds([("ca", "t")]) == [0.0]


def test_a_lexicon_builds_its_letters_once() -> None:
    lexicon = Lexicon.from_words([(w, 4.0) for w in _WORDS], "es")
    assert lexicon.letters("es") is lexicon.letters("es")
    assert "ó" in lexicon.letters("es").foreign


@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12)), max_size=8))
def test_odds_never_fail_on_any_fragments(splits: list[tuple[str, str]]) -> None:
    letters = build_letters(_WORDS)
    odds = letters.odds(splits)
    assert len(odds) == len(splits)
    assert all(x == x for x in odds)  # never NaN
