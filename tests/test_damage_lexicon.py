"""The damage finder's word lists: read a language at a time, only when a text in it needs one;
a text's languages guessed from its commonest words; keys and sides of words built in bulk."""

from __future__ import annotations

import pickle

import pytest

from cleanseed.damage import Lexicon, find_damage
from cleanseed.damage._tables import _group_keys
from cleanseed.damage._words import keys_of
from cleanseed.errors import ConfigError


@pytest.mark.parametrize(("text", "language"), [
    ("Der Hund ist in den Garten gelaufen, und er bellt laut.", "de"),
    ("The cat sat on the mat and it was fine all day long.", "en"),
    ("Twoje hasło nie może być zbyt podobne do twoich danych.", "pl"),
    ("Esta no es una dirección válida para nosotros, lo siento.", "es"),
    ("Những người dùng đã đăng nhập nhưng họ không thấy trang này.", "vi"),
])
def test_the_guess_names_the_language_first(text: str, language: str) -> None:
    assert Lexicon().guess(text)[0] == language


_NAMES = ("afrykanerski arabski asturyjski azerski bułgarski białoruski bengalski bretoński "
          "bośniacki kataloński czeski walijski duński niemiecki grecki angielski esperanto "
          "hiszpański estoński baskijski perski fiński francuski fryzyjski irlandzki galicyjski "
          "hebrajski chorwacki węgierski interlingua indonezyjski islandzki włoski japoński "
          "gruziński kazachski khmerski koreański luksemburski litewski łotewski macedoński "
          "mongolski birmański nepalski holenderski osetyjski pendżabski polski portugalski "
          "rumuński rosyjski słowacki słoweński albański serbski szwedzki suahili tamilski telugu "
          "tajski turecki tatarski ukraiński uzbecki wietnamski chiński")


def test_a_text_that_starts_with_a_list_of_names_is_read_on_to_its_sentences() -> None:
    # a catalogue's first thousand characters name languages; its sentences say its own
    names = "\n".join([_NAMES.replace(" ", "\n")] * 2)
    text = (names + "\nUpewnij siƒô, że liczba ma nie więcej niż %(max)s cyfr."
            "\nTo pole nie może być puste, a wartość musi być liczbą.\nWpisz poprawny adres "
            "e-mail, który nie jest za długi.\nUpewnij się, że ta wartość ma co najwyżej "
            "%(limit)s znaków, a nie więcej.")
    assert Lexicon().guess(text)[0] == "pl"
    assert [(d.kind, d.text) for d in find_damage(text)] == [("mojibake", "siƒô")]


def test_a_word_common_everywhere_counts_where_it_is_commonest() -> None:
    # "the", "and", "it" are among the commonest words of every list (web text quotes English)
    assert Lexicon().guess("The cat sat on the mat and it was fine.") == ("en",)


def test_a_text_that_does_not_say_its_language_gets_none() -> None:
    assert Lexicon().guess("zz = qq(xx, ww); rr = tt[kk] + 1234") == ()


def test_a_lexicon_of_one_language_always_guesses_it() -> None:
    assert Lexicon.from_words([("zur", 5.0)], language="de").guess("anything") == ("de",)


def test_lists_are_read_only_for_the_languages_a_text_needs() -> None:
    lexicon = Lexicon()
    find_damage("A sound English text about the weather, which was fine all day.",
                lexicon=lexicon)
    assert lexicon.loaded() == ()  # no shape of damage: no list at all
    find_damage("Die Straße ist lang und wir gehen über die Brücke nach Hause.",
                lexicon=lexicon)
    assert lexicon.loaded() == ("de",)


def test_keys_built_in_bulk_are_those_of_each_word() -> None:
    words = ["für", "größe", "naïve", "příliš", "ключ", "l'été", "ä", "straße", "tiếng",
             "aujourd'hui", "cliché", "x"]
    assert sorted(_group_keys(words)) == sorted(k for keys in keys_of(words) for k in keys)


def test_holes_name_the_commonest_word_and_its_rival() -> None:
    lexicon = Lexicon.from_words([("những", 6.6), ("nhưng", 6.4), ("người", 6.0)])
    assert lexicon.holes("nh\0ng") == {"und": (6.6, 6.4)}
    assert lexicon.rival("nh\0ng", "những") == 6.4
    assert lexicon.rival("nh\0ng", "nhưng") == 6.6
    assert lexicon.rival("ng\0\0i", "người") == 0.0


def test_sides_are_the_letters_beside_a_hole() -> None:
    lexicon = Lexicon.from_words([("källenius", 3.0), ("ola", 4.0)])
    assert lexicon.sides(["k", "llenius", "ola", "kllenius"]) == {"k", "llenius"}


def test_a_language_without_a_list_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="xx"):
        Lexicon(("xx",)).table("xx")
    with pytest.raises(ConfigError, match="not one of"):
        Lexicon(("de",)).table("fr")
    with pytest.raises(ConfigError, match="distinct"):
        Lexicon(("de", "de"))


def test_a_lexicon_pickles_as_its_languages() -> None:
    lexicon = Lexicon(("de", "fr"))
    lexicon.table("de")
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy.languages == ("de", "fr")
    assert copy.loaded() == ()  # hashes are of one process: another reads its own
    assert copy.zipf("zurück", ("de",)) == lexicon.zipf("zurück", ("de",)) > 5
