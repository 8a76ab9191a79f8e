"""The damage stage weighs a text's own usage: a word it writes often confirms a hole beside a
word of its language, a piece it writes on its own is a word of it, its ways of writing (lists
of keys, lines that end in a space, placeholders) are no damage, and mojibake is read back in
every code page and in the text's own alphabet."""

from __future__ import annotations

import pytest

from cleanseed.damage import find_damage


def _found(text: str) -> list[tuple[str, str]]:
    return [(d.kind, d.text) for d in find_damage(text)]


FINNISH = ("Syötä lista.\nSyötä kokonainen arvo.\nSyöt  oikea UUID.\nSyötä oikea JSON-arvo.\n"
           "Valitse oikea vaihtoehto. Valintaa ei löydy vaihtoehtojen joukosta.")
CATALAN = ("Anglès\nAnglès britànic\nEsperanto\ncastellà\ncastell  d'Argentina\ncastellà de "
           "Colòmbia\ncastellà de Mèxic\ncastellà de Nicaragua\nEstonià\nBasc\nPersa\nFinès")
BRETON = ("N'eus ket eus ar bajenn-mañ.\nAn niver a bajenn mañ a zo bihanoc'h eget 1.\n"
          "N'haller ket diskwel endalc'had ar c'havlec'h-ma?.\nMeneger %(directory)s")


@pytest.mark.parametrize(("text", "span"), [
    (FINNISH, "Syöt "),      # "syöt" is a word too ("you eat"), but the text says "Syötä"
    (CATALAN, "castell "),   # "castell" is a castle, but the list is full of "castellà"
    (BRETON, "ma?"),         # "ma" is a common word of the lists, "mañ" the text's
])
def test_a_word_the_text_writes_often_confirms_a_hole_beside_a_word(text: str,
                                                                    span: str) -> None:
    assert _found(text) == [(("lost.question" if "?" in span else "lost.space"), span)]


def test_one_line_that_ends_in_a_space_or_starts_with_a_key_is_weighed_as_before() -> None:
    assert _found("Mit freundlichem Gruß\nGru \nTag\nNacht\nWoche\nJahr\nDer Gruß am Ende "
                  "des Briefes ist kurz und freundlich, wie es sich gehört.") == [
        ("lost.space", "Gru ")]


def test_a_side_the_text_writes_on_its_own_elsewhere_is_no_damage() -> None:
    # the same Finnish text, which writes "syöt" on its own too: two spaces are a typing slip
    text = FINNISH + "\nMitä syöt tänään? Syöt liikaa."
    assert find_damage(text) == ()
    # a word written intact only once says nothing against a word of the language
    once = FINNISH.replace("Syötä lista.\nSyötä kokonainen arvo.\n", "")
    assert find_damage(once) == ()


@pytest.mark.parametrize("text", [
    # short pieces the lists take for noise, which the text writes on its own: words
    "ADVARSEL: Intet bruger-id er blevet markeret som primær. Brug kommandoen for at "
    "vælge et id, og se om nøglen er gyldig. Det er ikke sikkert, at den er i brug.",
    "Uwaga: Plik '%s' ma czas modyfikacji %s s w przyszłości\nCzekam 5 s na odpowiedź w "
    "trybie zgodności. Zmiany w pliku zapisano w katalogu %s.",
    # a list of keys: a space, one letter, and what the key does ("n" is no "în")
    "Opțiuni:\n n nume        Dă un nume de fișier nou pentru următorul volum\n q             "
    "Închide tar\n y sau linie nouă  Continuă operația\n",
    # labels that end in a space, line after line ("Gru" is no "Gruß" there)
    "Mit freundlichem Gruß\nGru \nTag \nNacht \nWoche \nJahr\nDer Gruß am Ende des Briefes "
    "ist kurz und freundlich, wie es sich gehört.",
    # a lone capital before a word the text writes on its own: a model's letter, no name
    "Dell Latitude prijenosnik\nDell Precision M prijenosnik\nDell Precision M65 prijenosnik"
    "\nDell Inspiron prijenosnik\nHP Pavilion prijenosnik\nTipkovnica za prijenosnik",
    # a placeholder glued to a word in capitals: no mojibake
    "%s:%u: přeskakuji tento řádek\n%sČíslo: %s Držitel: %s Počítadlo: %lu\n%(name)sČíslo",
])
def test_the_text_s_own_ways_of_writing_raise_no_alarm(text: str) -> None:
    assert find_damage(text) == ()


def test_mojibake_is_read_back_in_every_code_page() -> None:
    # "NĂĽ" is "Nü" in Windows-1250, no word of Norwegian, and "Nå" in ISO 8859-2, a common one
    text = ("Dra lenken til bokmerkene, eller høyreklikk og legg til i bokmerker. N\u0102\u013d "
            "kan du velge bokmerket fra hvilken som helst side på nettstedet.")
    assert _found(text) == [("mojibake", "N\u0102\u013d")]


@pytest.mark.parametrize(("text", "span"), [
    # Sorbian, which the lists lack: "ƒõ" is "ě" misread in Mac Roman, and the list says "Pět"
    ("Pónjeźele\nWałtora\nSrjoda\nStwórtk\nP\u0192\u00f5tk\nSobota\nNjeźela\nPón\nWał\nSrj\n"
     "Stw\nPět\nSob\nNje", "P\u0192\u00f5tk"),
    # Irish: "ĂŠ" is "é" misread in ISO 8859-2, and every other day says "Dé"
    ("Dé Luain\nDé Máirt\nDé Céadaoin\nDéardaoin\nD\u0102\u0160 hAoine\nDé Sathairn\n"
     "Dé Domhnaigh", "D\u0102\u0160"),
])
def test_mojibake_that_reads_back_into_the_text_s_own_alphabet_is_found(text: str,
                                                                       span: str) -> None:
    assert _found(text) == [("mojibake", span)]
    # where the text writes those characters elsewhere, apart, they are letters of its own
    odd = text[text.index(span) + 1:text.index(span) + 3]
    assert find_damage(text + "\n" + " ".join(odd)) == ()


def test_a_letter_lost_at_the_text_s_end_is_found_as_at_a_line_s_end() -> None:
    text = "Sezení\nklíč sezení\ndata sezení\ndatum expirace\nsezení\nsezen "
    assert _found(text) == [("lost.space", "sezen ")]
    assert find_damage(text.rstrip() + " ") == find_damage(text)
    assert find_damage("Sezení\nklíč sezení\ndatum expirace\nnové datum ") == ()


def test_a_lone_letter_beside_the_hole_of_a_word_the_text_writes_often_is_found() -> None:
    text = ("El valor '%(value)s' no t  un format vàlid. Ha de tenir el format HH:MM.\n"
            "El camp té un valor invàlid.\nAquest fitxer té un nom massa llarg.\n"
            "Aquesta llista té elements repetits.")
    assert _found(text) == [("lost.space", "t ")]


@pytest.mark.parametrize(("text", "span"), [
    # the word after an elided one, split or cut short ("l'expérience", "dell'università")
    ("C'est l'exp rience qui compte: l'éducation et l'été sont là, et c'est très bien ainsi "
     "pour tout le monde.", "exp rience"),
    ("Il ministero dell'universit  ha pubblicato il bando. La città e l'università sono pronte "
     "per la novità dell'anno.", "universit "),
    # ... and its first letter lost, which leaves a space after the apostrophe
    ("Marsha P. Johnson, modèle d\u2019Andy Warhol, ou encore Marsha l\u2019 laborée, la "
     "radicale, avec ses plumes et ce maquillage qu\u2019elle ne quittait jamais.",
     " laborée"),
])
def test_a_word_after_an_elided_one_is_read_as_any_other(text: str, span: str) -> None:
    assert _found(text) == [("lost.space", span)]


def test_a_space_after_a_truncated_word_is_no_damage() -> None:
    assert find_damage("Un po' di pane e un po' più di vino, per favore. Non so se l'ho "
                       "visto, ma è già là.") == ()
