"""The damage stage: letters lost before the text reached us are found, shown, and repaired only
from evidence in the document or the corpus."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import documents

from cleanseed.damage import (
    DamageConfig,
    Lexicon,
    Vocabulary,
    damage_counts,
    find_damage,
    mark_damage,
    repair_damage,
    repair_damage_and_explain,
)
from cleanseed.document import Document
from cleanseed.errors import ConfigError, InputTypeError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _found(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(d.kind, d.text) for d in find_damage(text, **kwargs)]  # type: ignore[arg-type]


def test_the_seed_letter_lost_as_a_space_is_found() -> None:
    text = (SEEDS / "001_0ccc9cf2ea06e653.txt").read_text(encoding="utf-8")
    found = find_damage(text)
    assert [(d.kind, d.text) for d in found] == [("lost.space", "K llenius")]
    assert text[found[0].start:found[0].end] == "K llenius"
    assert found[0].repair == ""  # the name is nowhere else: nothing to repair it from


def test_the_other_seed_is_sound() -> None:
    text = (SEEDS / "000_f40d5da0bd9190a7.txt").read_text(encoding="utf-8")
    assert find_damage(text) == ()


@pytest.mark.parametrize(("text", "kind", "span"), [
    ("Fran?ois Hollande came to Paris.", "lost.question", "Fran?ois"),
    ("She flew to K?benhavn on Monday.", "lost.question", "K?benhavn"),
    ("Die Stra\ufffde ist lang.", "lost.replacement", "Stra\ufffde"),
    ("S\ufffd\ufffdo Paulo is large.", "lost.replacement", "S\ufffd\ufffdo"),
    ("The town of Gr nwald lies south of Munich; Grünwald is rich.", "lost.space",
     "Gr nwald"),
    ("Er ist für uns zur ck gekommen.", "lost.space", "zur ck"),
    ("Un caff\u00e8 pi\u221a\u03c0 tardi.", "mojibake", "pi\u221a\u03c0"),
    ("Der Vorstand Ola K\u0102\u00a4llenius sprach.", "mojibake", "K\u0102\u00a4llenius"),
    ("Bu sabah kahvalt\u0131da tatl\u0131 \u00c5\u0178eker yedik ve \u00e7ok mutlu olduk.",
     "mojibake", "\u00c5\u0178eker"),
])
def test_each_kind_is_found(text: str, kind: str, span: str) -> None:
    assert (kind, span) in _found(text)


@pytest.mark.parametrize("text", [
    "George W Bush met Plan B supporters; vitamin C helps with type 2 diabetes.",
    "Malcolm X spoke. J B Priestley wrote. Model S owners and Formula E drivers.",
    "¿Qué pasa? ¿Dónde está la estación? Is it true? Yes. Really?Yes, really.",
    "See https://example.com/page.php?id=3&lang=de or /search?q=caf%C3%A9 today.",
    "x = a ? b : c; y = obj?.field ?? fallback; re.compile('colou?r')",
    "The formula a × b ≥ c and n ≤ m, with 5 μg of x² per m a day.",
    "| Name | Score |\n|---|---|\n| Anna | 3 |\n- item one\n- item two\n1. first",
    "你好吗?我很好。これはペンですか?はい。สวัสดีครับ ขอบคุณ",
    "THE CEO OF MERCEDES SPEAKS AT THE SHOW. FRANÇOIS HOLLANDE ARRIVES",
    "Irish: na hÉireann, i nÉirinn. Catalan col·lecció. Russian: Её дом.",
    "Wir gehen über die Brücke. Ça va très bien. Łódź leży w Polsce. Việt Nam.",
    "A short list: a b c d e f g, and the letters x y z.",
    "Please send me an e mail about the meeting; the e-mail address is below.",
    "Il a  mangé une pomme et il est où maintenant avec sa sœur ?",
    "Bonjour ! Ça va ? Oui, très bien ; et toi : « super » dit-elle.",
    "Die Straße ist lang, und wir gehen über die Brücke nach Hause zurück.",
    "Dobrý den, jak se máte? Děkuji, mám se dobře a těším se na léto.",
    "Tiếng Việt là ngôn ngữ chính thức của Việt Nam, được sử dụng rộng rãi.",
    'printf("%s in %s", name, place); format("%(name)s in %(place)s")',
    "Perché non vieni con noi? Perché è già tardi e la città è lontana.",
    "The pattern colou?r matches both spellings, and so does gr[ae]y in most tools.",
    "Index\na\nb\nc\nd\nWhy subscribe?\nGot a news tip?\nS&P 500 rose 2 % in Q3 ; U.S. fell.",
])
def test_sound_text_raises_no_alarm(text: str) -> None:
    assert find_damage(text) == ()


@pytest.mark.parametrize(("text", "span"), [
    # UTF-8 read in a code page, in capitals no word has; read back, in those of a word
    ("Ange ditt LĂśsenord två gånger och tryck sedan på knappen.", "LĂśsenord"),
    ("Ma ei leidnud ĂĽhtki vastust sellele küsimusele.", "ĂĽhtki"),
    ("Vi bor i Malmö hos familjen MÃŒller sedan länge.", "MÃŒller"),
])
def test_mojibake_in_capitals_no_word_has_is_found(text: str, span: str) -> None:
    assert _found(text) == [("mojibake", span)]


@pytest.mark.parametrize("text", [
    "Die Option »Überschreibung« ist erlaubt, wenn Sie das wünschen.",
    # Irish: a word in capitals after a lower-case prefix
    "--user=ÚSÁIDEOIR          socraigh an tÚSÁIDEOIR ftp agus http, más gá é.",
    "MINISTERUL EDUCAŢIEI ŞI ÎNVĂŢĂMÂNTULUI ANUNŢĂ REZULTATELE",
    "ÅSA OCH ÖRJAN ÄTER SMÖRGÅSAR I ÅRE",
])
def test_capitals_a_word_has_are_no_mojibake(text: str) -> None:
    assert find_damage(text) == ()


def test_min_confidence_drops_weak_evidence() -> None:
    text = "the CEO of the Group Ola K llenius said"
    assert _found(text) == [("lost.space", "K llenius")]
    assert find_damage(text, DamageConfig(min_confidence=0.8)) == ()


def test_kinds_can_be_chosen() -> None:
    text = "Fran?ois and Stra\ufffde"
    config = DamageConfig(kinds=frozenset({"lost.replacement"}))
    assert [d.kind for d in find_damage(text, config)] == ["lost.replacement"]


@pytest.mark.parametrize("bad", [{"min_confidence": 1.5}, {"min_corpus_count": 0},
                                 {"kinds": frozenset({"lost.ink"})}])
def test_config_is_checked(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        DamageConfig(**bad)  # type: ignore[arg-type]


def test_bytes_are_refused_with_a_clear_error() -> None:
    with pytest.raises(InputTypeError, match="find_damage"):
        find_damage(b"Fran?ois")  # type: ignore[arg-type]


def test_counts_by_kind() -> None:
    found = find_damage("Fran?ois, Stra\ufffde and Fran?oise")
    assert damage_counts(found) == {"lost.question": 2, "lost.replacement": 1}


@pytest.mark.parametrize(("text", "span"), [
    # a lone letter that is no word of the text's language, beside a common word it makes
    ("Twoje hasło nie mo e być zbyt podobne do twoich innych danych osobowych.", "mo e"),
    ("Ingrese una dirección IPv6 v lida. Esta no es una dirección válida para nosotros.",
     "v lida"),
    # a word beside two spaces, when the word it makes is far commoner ("perch" is English)
    ("Stai vedendo questa pagina perch  hai impostato il file di configurazione.", "perch "),
    # a fragment of one letter at a word's edge makes one of the language's commonest words
    ("Varje sida p  den publika sidan är genererad av en vy.", "p "),
    # the last part of a compound, and the last item of a list joined by commas
    ("Wir fahren nach Ost-M nchen und dann weiter über die Brücke.", "M nchen"),
    ("Respuestas posibles: sí,no,quiz s y también otras que no sé.", "quiz s"),
    # markup around a word is no code
    ("Estás viendo las notas de la versi?n</a> de Django en español.", "versi?n"),
    # a "?" between letters that make a rare word, not a common one ("colou?r" stays a pattern)
    ("Horário de funcionamento: Seg a Sex das 9h às 18h, S?b das 9h às 13h. Não abrimos.",
     "S?b"),
    # a single letter before "?" and a lower-case word, in Norwegian
    ("Verktøy for nettleseren din for å f? rask tilgang til admin-funksjonalitet.", "f?"),
])
def test_the_text_language_decides_what_a_fragment_is(text: str, span: str) -> None:
    assert span in [d.text for d in find_damage(text)]


@pytest.mark.parametrize(("text", "span"), [
    # the word is in the lists but rarer than a lone letter's split needs: the letters around
    # the space ("...ç o" cannot end and start words; "...ção" ends thousands) decide
    ("Não foi enviado nenhum ficheiro. Verifique o tipo de codificaç o do formulário.",
     "codificaç o"),
    ("Le s isme a fait près de 5 500 morts et des milliers de blessés dans la région.",
     "s isme"),
    # the word is in no list, in a text written in a language the lists know
    ("Bu uyarıyı görüyorsanız, CSRF koruması katı g ndereni denetimi yapmak için Referer "
     "başlığını gerektirir. Tarayıcınız bu başlığı göndermiyorsa, lütfen etkinleştirin.",
     "g ndereni"),
])
def test_the_letters_around_a_space_weigh_a_rare_or_unlisted_word(text: str, span: str) -> None:
    assert _found(text) == [("lost.space", span)]


@pytest.mark.parametrize(("text", "span"), [
    # both sides are words, one of them rare ("spr", an abbreviation; "spa"), and the word they
    # make is a common one: the letters around the space say one word
    ("Určuje, či sa používateľ môže prihlásiť do spr vy stránok. Určuje, či je účet aktívny.",
     "spr vy"),
    ("Numele de domeniu nu poate conține spa ii sau tab-uri.", "spa ii"),
    ("Mai multe informa ii sunt disponibile pentru această pagină.", "informa ii"),
])
def test_a_split_into_two_words_one_rare_is_weighed_by_its_letters(text: str, span: str) -> None:
    assert _found(text) == [("lost.space", span)]


@pytest.mark.parametrize(("text", "span"), [
    # the text writes another form of the word intact, with its hole after the same letters
    # and before the same four: "fjalëkalimi" and "fjalëkalimit" for "fjalëkalimin"
    ("U dërgua ricaktim fjalëkalimi\nJepni fjal kalimin e ri\n"
     "Ricaktimi i fjalëkalimit nuk pati sukses", "fjal kalimin"),
    # "dom" is a Danish word, "nenavnet" none; the text says "domænenavn"
    ("Websider\nDom nenavnet må ikke indeholde mellemrum eller tabulatorer.\ndomænenavn\n"
     "vist navn", "Dom nenavnet"),
])
def test_another_form_of_a_word_the_text_writes_confirms_a_split(text: str, span: str) -> None:
    found = find_damage(text)
    assert [(d.kind, d.text) for d in found] == [("lost.space", span)]
    assert found[0].repair == ""  # another form of the word names no letter for this one


@pytest.mark.parametrize(("text", "span"), [
    # "hodnot" is a Czech word too, but "hodnotí" is as common, and its letters as likely
    ('Trenér ocenil jeho občasná špatná rozhodnutí ve finální třetině hřiště," hodnot  '
     'českého středopolaře londýnský večerník.', "hodnot "),
    # the first letter lost: "člana"
    ("Korisnik sa tim korisničkim imenom već postoji.\nime\nprezime\nstatus  lana "
     "uredništva\nOznačava da li korisnik može da se prijavi.", " lana"),
])
def test_two_spaces_between_words_beside_a_word_with_a_letter_more(text: str, span: str) -> None:
    assert _found(text) == [("lost.space", span)]


@pytest.mark.parametrize("text", [
    # "però" is far rarer than "per": two spaces alone are no evidence
    'valore "%s" per  opzione "%s" non valido del metodo di accesso per la tabella',
    # a text laid out with spaces (columns, indented options) writes two spaces on purpose
    "  -s,--signal SIGNÁL  odešle tento signál namísto SIGTERM\n"
    "  -u,--user UŽIVATEL  zabije pouze proces(y) bežící jako UŽIVATEL\n",
    "Trenér ocenil jeho rozhodnutí ve třetině hřiště.\n  Tabulka:   hodnot  českého   hráčů\n",
])
def test_two_spaces_a_text_writes_as_layout_or_beside_a_commoner_word_are_sound(
        text: str) -> None:
    assert find_damage(text) == ()


def test_a_question_mark_at_a_line_end_is_a_lost_letter_where_the_lists_say_so() -> None:
    # "latvi" is no Lithuanian word, "latvių" a common one: no question ends there
    text = ("Lietuvių kalba yra graži.\nKalbos:\nLietuvių\nLatvi?\nMakedonų\nMalajalių\n"
            "Mongolų\nSuomių\nPrancūzų\nVokiečių\nAnglų kalba ir ką tu manai apie tai.")
    assert _found(text) == [("lost.question", "Latvi?")]
    # a question that ends a line on a word stays a question
    text = ("Ar tu žinai, kas yra Latvija? Taip, tai šalis, kur gyvena latviai?\n"
            "Ne, aš nežinau, ką tu sakai apie tai.")
    assert find_damage(text) == ()


def test_a_letter_lost_at_a_line_end_is_confirmed_by_the_text_alone() -> None:
    # too short a text to tell its language: only its own words speak
    text = "Sezení\nklíč sezení\ndata sezen \ndatum expirace\nsezení"
    assert _found(text) == [("lost.space", "sezen ")]
    assert find_damage(text)[0].repair == "sezení"


def test_a_text_that_lost_every_letter_outside_ascii_is_read_whole() -> None:
    text = "Er ist f r uns zur ck gekommen, und wir k nnen es nicht glauben."
    assert [d.text for d in find_damage(text)] == ["f r", "zur ck", "k nnen"]


def test_a_short_text_with_no_letter_outside_ascii_is_read_whole_in_its_language() -> None:
    # one sentence of Spanish may hold no accent by chance: its language says to look whole
    text = "El nombre de dominio no puede incluir espacios ni marcas de tabulaci n."
    assert _found(text) == [("lost.space", "tabulaci n")]
    assert find_damage("The domain name cannot contain spaces or tabs, and it is short.") == ()


@pytest.mark.parametrize(("text", "span"), [
    # Hungarian "és" (7.4) against "s", a word of Hungarian too (6.0): 1.4 apart
    ("A domainnév nem tartalmazhat szóközöket ?s tabulátorokat.", "?s"),
    # Romanian "în" against "n", at two spaces
    ("Pentru a utiliza aceste taguri, puneți codul  n șablon înainte de a utiliza tagul.",
     " n"),
])
def test_a_word_25_times_commoner_than_its_fragment_fills_the_hole(text: str, span: str) -> None:
    assert span in [d.text for d in find_damage(text)]


def test_mojibake_of_latin_extended_additional_letters_is_found() -> None:
    # "ḍ" (U+1E0D, Kabyle, Berber and transliterations) read in code page 850
    text = "Ad yettwakkes umiß©ìan seg tebdart."
    assert _found(text) == [("mojibake", "umiß©ìan")]


def test_a_word_split_beside_markup_is_found() -> None:
    text = ("Bu sayfayı görüyorsunuz çünkü ayarlar dosyanızda DEBUG=True var. Django için "
            '<a href="https://docs.djangoproject.com/en/releases/" target="_blank" '
            'rel="noopener">yay m notlarını</a> göster.')
    assert _found(text) == [("lost.space", "yay m")]


def test_two_rare_words_that_make_a_common_one_seen_intact_are_one_split_word() -> None:
    # "ozna" and "ava" are words of the lists, but rare; "označava" is common, and in the text
    text = ("Ozna ava da li se korisnik smatra aktivnim. Deselektujte ovo umesto brisanja "
            "naloga.\nOznačava da li korisnik može da se prijavi na ovaj sajt za administraciju.")
    assert _found(text) == [("lost.space", "Ozna ava")]


def test_a_question_mark_going_on_into_a_lower_case_word_is_a_lost_letter() -> None:
    # Irish is in no list: a "?" after a fragment, inside the sentence, is found all the same
    text = "D'éirigh le hathr? pasfhocal. Níl an focal faire ceart, bain triail eile as."
    assert _found(text) == [("lost.question", "hathr?")]
    # a question a word ends, however the sentence goes on, stays one
    assert find_damage("¿Qué? no sé nada, está lejos de aquí y la estación está cerrada.") == ()
    assert find_damage("Warum? weil es spät ist, und die Brücke über den Fluss gesperrt ist.") == ()
    # a text too short to say its language, which may be one written in such letters
    assert _found("klju? sesije\npodaci sesije\ndatum isteka\nsesija") == [
        ("lost.question", "klju?")]
    # English is written in ASCII: there a "?" before a lower-case word is a question's
    assert find_damage("Should these be added to sndhdr? midi, mp3 and others are left.") == ()


def test_a_lost_first_letter_is_confirmed_by_the_word_intact_in_the_same_text() -> None:
    # "i" is a word of Romanian too, but "și" is ten times commoner, and the text holds it
    text = ("Autentificare  i autorizare. Utilizatorul și grupul sunt salvate în baza de date "
            "și pot fi modificate.")
    assert _found(text) == [("lost.space", " i")]
    # a word the text holds, rarer than the one beside two spaces, says nothing
    text = "No se puede  de la base de datos, porque dé igual lo que pase en la estación."
    assert find_damage(text) == ()


def test_a_text_in_another_script_quoting_latin_letters_raises_no_alarm() -> None:
    # a program's help in Russian: its few English words say no language of the lists
    text = ("Примеры:\n  %s f - g  Выводит содержимое f, потом стандартный ввод, потом "
            "содержимое g.\n  %s root /u  Меняет владельца /u на «root».\n  %s root:staff /u"
            "  То же, но еще меняет группу на «staff».")
    assert find_damage(text) == ()


def test_a_lone_letter_is_a_word_that_lost_a_letter_only_where_a_word_could_stand() -> None:
    # a capital between two spaces inside a line is a variable
    text = "Se  N  ne estas indikita, uzu  1  anstataŭe. La ŝelo montras ĉiujn komandojn."
    assert find_damage(text) == ()
    # ... but a line's first word may be one: Romanian "Vă"
    text = ("Această valoare poate conține doar litere, cifre și caracterele @/./+/-/_.\nV  rugăm "
            "să folosiți un nume acceptat. Vă mulțumim că ați ales să folosiți această aplicație.")
    assert _found(text) == [("lost.space", "V ")]


@pytest.mark.parametrize("text", [
    # an option, not a word that lost a letter: "-s" + "er" is no "sør"
    "Advarsel: flaget -s er angivet, men filen findes ikke på disken, så vi går videre.",
    # a word in capitals does not go on in lower case: "ID er" is no "idéer"
    "Gruppe-ID er forskellig. Der er ingen nye idéer i den måde, vi gør det på.",
    # a mark glued to what follows opens it (Finnish quotes with ”, Danish with »)
    "tunnistamaton lohkotyyppi ”%s”\nlohkotyyppiä ei tunnistettu tässä tiedostossa.",
    "bruger-id »%s« er allerede tilbagekaldt, og nøglen kan ikke bruges mere.",
    # an option before two spaces, an ellipsis, French spacing inside « », an abbreviation
    "Opciones:\n      -m  comb_teclas    Usa COMB_TECLAS como la combinación de teclas para la "
    "acción.",
    "wait [-fn] [-p zmienna] [id ...]\nwait [pid ...]\nCzeka na zakończenie zadania i zwraca "
    "jego stan wyjścia.",
    "format « %s » invalide, doit être soit « plain » soit « tar »\nsocket invalide : %s",
    "Thời gian sống: \n            %2lus  m.chủ  thời gian chạy\n\n        %2um %2lus  m.chủ  "
    "thời gian chạy",
])
def test_spaces_at_options_capitals_and_opening_marks_raise_no_alarm(text: str) -> None:
    assert find_damage(text) == ()


def test_a_text_in_no_listed_language_takes_only_words_seen_intact() -> None:
    assert _found("xyzzy Bokm la qwert Bokmåla plugh zork") == [("lost.space", "Bokm la")]
    assert find_damage("xyzzy s e plugh zork frob") == ()


def test_the_corpus_alone_never_confirms_a_word_of_three_letters() -> None:
    corpus = Vocabulary.from_texts(["Tha qéx math", "qéx", "qéx ann"])
    assert find_damage("xyzzy q x plugh zork frob", vocabulary=corpus) == ()
    assert _found("xyzzy q x plugh zork frob qéx") == [("lost.space", "q x")]


# --- repair -----------------------------------------------------------------------------------


def test_repair_from_the_same_document_names_its_evidence() -> None:
    text = "Ola K llenius spoke first.\nLater Ola Källenius said more."
    found = find_damage(text)
    assert found[0].repair == "Källenius"
    assert found[0].evidence == "'Källenius' seen once in this document"
    out, edits = repair_damage_and_explain(text)
    assert out == "Ola Källenius spoke first.\nLater Ola Källenius said more."
    assert [(e.stage, e.rule, e.text, e.replacement) for e in edits] == [
        ("damage", "lost.space", "K llenius", "Källenius")]


def test_repair_from_the_corpus_needs_enough_sightings() -> None:
    corpus = Vocabulary.from_texts([("a", "François a parlé."), ("b", "François est venu.")])
    text = "Hier Fran?ois est venu."
    assert repair_damage(text, vocabulary=corpus) == text  # seen twice: not enough
    corpus.add("Avec François.", "c")
    found = find_damage(text, vocabulary=corpus)
    assert found[0].repair == "François"
    assert found[0].evidence == "'François' seen 3 times in 3 documents of the corpus: a, b, c"
    assert repair_damage(text, vocabulary=corpus) == "Hier François est venu."
    config = DamageConfig(min_corpus_count=4)
    assert repair_damage(text, config, vocabulary=corpus) == text


def test_two_candidates_leave_the_text_as_it_is() -> None:
    corpus = Vocabulary.from_texts(["Vi\u1ec7t Nam"] * 3 + ["vi\u1ebft th\u01b0"] * 3)
    text = "Vi?t Nam"
    assert [d.repair for d in find_damage(text, vocabulary=corpus)] == [""]
    assert repair_damage(text, vocabulary=corpus) == text


def test_mojibake_is_repaired_only_to_what_its_bytes_read_as() -> None:
    text = "Piano, pi\u221a\u03c0 piano. Pi\u00f9 o meno: pi\u00f9."  # √π is "ù" in Mac Roman
    assert repair_damage(text) == "Piano, pi\u00f9 piano. Pi\u00f9 o meno: pi\u00f9."
    other = "Piano, pi\u221a\u03c0 piano. Pi\u00e0 o meno."  # only "pià" seen: no repair
    assert repair_damage(other) == other


def test_case_follows_the_damaged_word() -> None:
    assert repair_damage("K?BENHAVN og København") == "KØBENHAVN og København"


def test_a_rival_about_as_common_leaves_the_word_as_it_is() -> None:
    text = "Những người dùng đã đăng nhập, nh ng họ không thấy trang này."
    (found,) = find_damage(text)  # "những" is seen, but "nhưng" is as common: and was lost
    assert (found.text, found.repair) == ("nh ng", "")
    assert repair_damage(text) == text


def test_a_lost_first_letter_at_a_line_start_is_left_as_it_is() -> None:
    text = "?kter\nØkter er lange og kjedelige for alle som er her."
    (found,) = find_damage(text)  # a heading takes a capital, an item of a list may not
    assert (found.text, found.repair) == ("?kter", "")
    assert repair_damage("Her er ?kter og økter.") == "Her er økter og økter."


def test_repairs_go_on_until_none_is_left() -> None:
    # the repair of "AI s" changes the text's language ("s" is a Czech word), and with it the
    # evidence for the other span: a second round repairs it, so a third changes nothing
    text = '"AI s HiǴ\x800Aißs0Hiß'
    out, edits = repair_damage_and_explain(text)
    assert out == '"AIßs Hiß0Aißs0Hiß' == repair_damage(out)
    assert [(e.text, e.start, e.replacement) for e in edits] == [
        ("AI s", 1, "AIßs"), ("HiǴ\x80", 6, "Hiß")]


def test_a_later_repair_inside_an_earlier_one_is_one_edit_of_the_original() -> None:
    from cleanseed.damage.repair import _Edits

    edits = _Edits()
    current = "ab cd ef gh"
    edits.replace(current, 3, 8, "XY", "k", "")  # "cd ef" -> "XY": "ab XY gh"
    edits.replace("ab XY gh", 0, 4, "Z", "k", "")  # "ab X" -> "Z": "ZY gh"
    assert edits.spans == [(0, 8, "ZY", "k", "")]


def test_a_lexicon_word_is_no_evidence_for_a_repair() -> None:
    text = "Er ist für uns zur ck gekommen."  # "zurück" is a common word, not in this text
    assert find_damage(text)[0].repair == ""
    assert repair_damage(text) == text


def test_mark_damage_fills_the_document() -> None:
    doc = Document("Fran?ois came. François left.", id="d1", metadata={"lang": "fr"})
    flagged = mark_damage(doc)
    assert flagged.text == doc.text
    assert [(d.kind, d.repair, d.repaired) for d in flagged.damage] == [
        ("lost.question", "François", False)]
    repaired = mark_damage(doc, repair=True)
    assert repaired.text == "François came. François left."
    assert repaired.damage[0].repaired
    assert [r.replacement for r in repaired.removals] == ["François"]
    assert pickle.loads(pickle.dumps(repaired)) == repaired


def test_a_small_lexicon_can_be_given() -> None:
    lexicon = Lexicon.from_words([("für", 6.0), ("zurück", 5.0), ("zur", 5.0)])
    assert _found("Er ist f r uns zur ck.", lexicon=lexicon) == [
        ("lost.space", "f r"), ("lost.space", "zur ck")]
    assert pickle.loads(pickle.dumps(lexicon)).zipf("zurück") == 5.0


# --- properties -------------------------------------------------------------------------------

_WORDS = ("François", "Källenius", "Grünwald", "straße", "Việt", "più", "zurück", "São",
          "Łódź", "über", "plan", "B", "the", "C", "?", "\ufffd", " ", "pi\u221a\u03c0")


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """Words with letters outside ASCII, some with a letter lost as a space, "?" or U+FFFD."""
    parts = []
    for word in draw(st.lists(st.sampled_from(_WORDS), max_size=30)):
        spots = [i for i, c in enumerate(word) if not c.isascii()]
        if spots and draw(st.booleans()):
            at = draw(st.sampled_from(spots))
            word = word[:at] + draw(st.sampled_from([" ", "?", "\ufffd", "\ufffd\ufffd"])) \
                + word[at + 1:]
        parts.append(word)
        parts.append(draw(st.sampled_from([" ", "  ", "\n", ". ", ", "])))
    return "".join(parts)


# Words of languages the lists know, common and rare, so that a text says its language and the
# letters are asked about its splits.
_SPOKEN = ("bu", "ve", "için", "bir", "göndereni", "denetimi", "başlığını", "se", "na", "je",
           "že", "podílejte", "pomoc", "získejte", "el", "de", "la", "tabulación", "espacios",
           "codificação", "formulário", "não", "é", "%(name)s", "Grünwald")


@st.composite
def spoken(draw: st.DrawFn) -> str:
    """Words of a few languages, some split by a space anywhere inside them."""
    parts = []
    for word in draw(st.lists(st.sampled_from(_SPOKEN), min_size=5, max_size=40)):
        if len(word) > 1 and draw(st.booleans()):
            at = draw(st.integers(1, len(word) - 1))
            word = word[:at] + draw(st.sampled_from([" ", "  "])) + word[at:]
        parts.append(word)
    return " ".join(parts)


texts = st.one_of(documents(), damaged(), spoken(), st.text())


@given(texts)
def test_find_never_crashes_and_points_into_the_text(text: str) -> None:
    for d in find_damage(text):
        assert text[d.start:d.end] == d.text
        assert 0 <= d.confidence <= 1


@given(texts)
def test_repair_replaces_only_damaged_characters_with_letters_seen(text: str) -> None:
    out, edits = repair_damage_and_explain(text)
    assert out == repair_damage(text)
    seen = Vocabulary.from_texts([text])
    pos, rebuilt = 0, []
    for edit in edits:
        assert text.startswith(edit.text, edit.start)
        rebuilt += [text[pos:edit.start], edit.replacement]
        pos = edit.start + len(edit.text)
        assert edit.replacement in seen or edit.replacement.lower() in seen
        head = len(_common_prefix(edit.text, edit.replacement))
        tail = len(_common_prefix(edit.text[head:][::-1], edit.replacement[head:][::-1]))
        lost = edit.text[head:len(edit.text) - tail]
        restored = edit.replacement[head:len(edit.replacement) - tail]
        assert restored.isalpha()
        # a lost letter left a space, "?" or U+FFFD; mojibake left two characters or more a
        # letter, some of them letters themselves
        assert set(lost) <= set(" ?\ufffd") or len(lost) >= 2 * len(restored), lost
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


@given(texts)
def test_repair_is_idempotent(text: str) -> None:
    once = repair_damage(text)
    assert repair_damage(once) == once


@pytest.mark.parametrize(("text", "span"), [
    ("Die Stra e ist wegen Bauarbeiten gesperrt, sagte der Sprecher der Stadt am Montag.",
     "Stra e"),
    ("Nach der Sitzung haben wir die Gr e der neuen Halle gemessen und aufgeschrieben.",
     "Gr e"),
])
def test_a_lost_sharp_s_is_found_though_the_lists_spell_it_ss(text: str, span: str) -> None:
    """The word lists are casefolded ("straße" is listed as "strasse"); a converter loses the
    "ß" alone, and the word spelt with it is what the hole is matched against."""
    assert (("lost.space", span)) in _found(text)


def test_a_word_spelt_with_ss_raises_no_alarm() -> None:
    text = "Das Wasser ist kalt, und die Masse der Leute geht nach Hause, weil es regnet."
    assert _found(text) == []


def test_a_lost_dotted_capital_i_is_found_and_restored_as_written() -> None:
    # "İ" folds to an ASCII "i", as the word lists write it, yet it is the letter lost
    text = ("Dil seçenekleri: Almanca, Fransızca, İspancası ve İtalyanca. Bu sitenin ?spancası "
            "yakında gelecek ve İngilizce de.")
    found = find_damage(text)
    assert [(d.kind, d.text, d.repair) for d in found] == [
        ("lost.question", "?spancası", "İspancası")]
    assert repair_damage(text).count("İspancası") == 2


def test_a_corpus_files_a_dotted_capital_i_under_its_hole(tmp_path: Path) -> None:
    vocab = Vocabulary.from_texts(["ispancası", "İspancası güzel.", "İspancası iyi.",
                                   "İspancası çok güzel."])
    path = tmp_path / "vocab.json"
    vocab.save(path)
    text = "Bu sitenin ?spancası yakında gelecek, değil mi? Çok güzel olacak."
    for each in (vocab, Vocabulary.load(path)):
        assert [d.repair for d in find_damage(text, vocabulary=each)] == ["İspancası"]


@pytest.mark.parametrize("damaged", ["Š?", "Š "])
def test_a_word_of_letters_outside_ascii_only_is_restored_from_the_text(damaged: str) -> None:
    # Latvian "šī" has no letter in ASCII: each of its letters is a hole of one of its keys
    text = (f"Šī vērtība nav derīga. Lūdzu, ievadiet citu vērtību.\n{damaged} lauks ir "
            "obligāts. Šī vērtība ir pārāk gara.")
    assert [(d.text, d.repair) for d in find_damage(text)] == [(damaged, "Šī")]
