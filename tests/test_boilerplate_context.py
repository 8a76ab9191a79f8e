"""The context step of strip_boilerplate: line kinds, the page cut into content and chrome, the
evidence a stretch needs to go, and the invariants a step keeps (idempotence above all: removing
lines changes the neighbours)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.invariants import assert_strip_invariants

from cleanseed import explain
from cleanseed.boilerplate import (
    BoilerplateConfig,
    classify_lines,
    features,
    guess_language,
    stop_words,
    strip_boilerplate,
    strip_boilerplate_and_explain,
    strip_context,
    strip_context_and_explain,
)
from cleanseed.boilerplate.context import segment
from cleanseed.boilerplate.lines import kind_of

EN = stop_words("en")

PROSE = [
    "The river rose by two metres overnight, and the town's bridge was closed to traffic.",
    "Residents said that the water had reached their doors well before dawn on Tuesday.",
    "By noon the council had opened the school hall for the families who had to leave.",
    "Engineers expect the level to fall slowly once the rain stops later in the week.",
]
MENU = ["Home", "World", "Business", "Sport", "Weather", "Contact"]
# A footer as pages have them: links, and lines the rules name (copyright, terms, privacy).
FOOTER = ["About", "Careers", "Advertise", "Privacy Policy", "Terms of Use", "Help",
          "Newsroom", "Podcasts", "© 2026 The Daily Example. All rights reserved."]
HEADING = "Floods close the bridge"


def _page(body: list[str]) -> str:
    """A page: a menu, the heading, the body and a footer."""
    return "\n".join([*MENU, HEADING, *body, *FOOTER])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (PROSE[0], "prose"),
        ("Home", "plain"),
        ("Terms of Use", "plain"),
        ("Writing a blog post", "label"),
        ("Blue Origin, Kent, Washington", "label"),
        ("Cookie preferences | Allow all | Only necessary", "row"),
        ("Save | Listen (4 min) | Gift this article", "row"),
        ("Home · News · Sport · Weather", "row"),
        ("HomeAboutContactCareers", "row"),
        ("63%", "cell"),
        ("Preheat the oven to 200 °C.", "data"),
        ("const x = f(y);", "data"),
        ("• a cycle lane along the river", "text"),
        ("The plan includes:", "text"),
        ("It did not last.", "text"),
        ("»", "mark"),
    ],
)
def test_a_line_is_judged_by_its_shape(line: str, kind: str) -> None:
    """Prose; plain labels (a menu's) and other labels (a list's); rows of labels, joined or
    glued; cells and other lines with digits or code; items of lists, lines that announce a
    list and short sentences; marks."""
    assert kind_of(line, EN) == kind


def test_features_carry_the_signals() -> None:
    """features() tells the kind and what it was read from, as explain shows it."""
    f = features("Privacy Policy", EN)
    assert (f.kind, f.plain, f.words) == ("label", True, 2)
    assert f.signals() == "label words=2 stop=0.00 unended plain"


def test_language_is_guessed_from_stop_words() -> None:
    """The list that the words hit most wins; Han and kana text is told by its script."""
    assert guess_language(["Der Hund und die Katze sind im Garten, aber nicht im Haus."]) == "de"
    assert guess_language(["El perro y el gato están en el jardín, pero no en la casa."]) == "es"
    assert guess_language(["这是一个关于城市交通的新计划。"]) == "zh"
    assert guess_language(["これは新しい計画についての記事です。"]) == "ja"
    assert guess_language([]) == "en"


def test_menus_and_footers_go_and_the_article_stays() -> None:
    """The menu above the article and the footer below it go; the heading above the prose
    stays. What no rule names goes as context.short_run."""
    out, removals = strip_boilerplate_and_explain(_page(PROSE))
    assert out == "\n".join([HEADING, *PROSE])
    context = {r.text.strip() for r in removals if r.rule == "context.short_run"}
    assert set(MENU) <= context
    assert {"About", "Newsroom", "Podcasts"} <= context


def test_short_lines_between_paragraphs_stay() -> None:
    """A heading, a list and a table between paragraphs are content."""
    body = [PROSE[0], "What to do", "Sandbags", "Torches", "Bottled water", "Blankets",
            PROSE[1], "Station", "Level", "Rhine", "4.2 m", "Main", "3.1 m", PROSE[2], PROSE[3]]
    assert strip_boilerplate(_page(body)) == "\n".join([HEADING, *body])


def test_a_list_below_the_last_paragraph_stays() -> None:
    """A list at the end of the article stays; the footer under it goes."""
    body = [*PROSE, "You will need:", "• sandbags", "• a torch", "• bottled water"]
    assert strip_boilerplate(_page(body)) == "\n".join([HEADING, *body])


def test_a_table_of_labels_and_figures_stays() -> None:
    """Labels amid lines of figures are the cells of a table, not a menu."""
    table = ["Station", "River", "Level", "Change", "Bonn", "Rhine", "4.2 m", "+0.3",
             "Koblenz", "Moselle", "3.1 m", "+0.1", "Mainz", "Main", "2.7 m", "-0.2"]
    body = [*PROSE[:2], *table, *PROSE[2:]]
    assert strip_boilerplate(_page(body)) == "\n".join([HEADING, *body])


def test_a_row_of_labels_goes_even_inside_the_article() -> None:
    """A row of short labels joined by separators is chrome wherever it stands."""
    body = [PROSE[0], "Save | Listen (4 min) | Gift this article", *PROSE[1:]]
    out, removals = strip_boilerplate_and_explain(_page(body))
    assert "Gift this article" not in out
    assert "context.label_row" in {r.rule for r in removals}


def test_a_stretch_needs_evidence_to_go() -> None:
    """Short lines below the article with no sign of chrome in them (no line a rule names, no
    row, no run of a menu's labels) stay, however light: a removal needs evidence."""
    tail = ["Contributors", "Anna Berg", "Tom Hale"]
    text = "\n".join([HEADING, *PROSE, *tail])
    assert strip_boilerplate(text) == text


def test_the_lines_between_the_menu_and_the_article_stay() -> None:
    """Above the article, chrome goes only down to its last sign: the title, the standfirst
    and the place between the menu and the first paragraph stay."""
    top = ["Floods close the bridge", "Hundreds of homes along the river are without power",
           "Bonn and Koblenz"]
    text = "\n".join([*MENU, *top, *PROSE, *FOOTER])
    assert strip_boilerplate(text) == "\n".join([*top, *PROSE])


def test_a_table_of_contents_stays() -> None:
    """Labels that recur as the headings of the article are its table of contents, not a menu,
    even in a run above the article."""
    toc = ["Contents", "The River", "The Bridge", "The Town", "Next Steps"]
    body = ["The River", PROSE[0], "The Bridge", PROSE[1], "The Town", PROSE[2],
            "Next Steps", PROSE[3]]
    text = "\n".join([*MENU, HEADING, *toc, *body, *FOOTER])
    out = strip_boilerplate(text).split("\n")
    assert out[: len(toc) + 1] == [HEADING, *toc]
    assert out[len(toc) + 1:] == body


def test_a_short_line_beside_a_share_bar_stays() -> None:
    """One short line next to lines the rules took is no proof of chrome: the rules removed
    what they name, and the line stays."""
    text = "\n".join([HEADING, *PROSE, "Talks continue.", "Share this article",
                      "Related articles"])
    assert strip_boilerplate(text) == "\n".join([HEADING, *PROSE, "Talks continue."])


def test_a_small_prose_block_amid_chrome_goes() -> None:
    """A comment or a teaser's sentence between menus, far from the article, is low prose."""
    comment = "I have never seen the water this high."
    text = "\n".join([*MENU, HEADING, *PROSE, *FOOTER, comment, *MENU])
    out, removals = strip_boilerplate_and_explain(text)
    assert comment not in out
    assert any(r.rule == "context.low_prose" and comment in r.text for r in removals)


def test_text_without_prose_or_too_short_is_left_to_the_rules() -> None:
    """A list of names, or three lines, is not a page: the context step leaves it alone."""
    names = "\n".join(["Berlin", "Paris", "Madrid", "Rome", "Lisbon", "Vienna", "Prague"])
    assert strip_boilerplate(names) == names
    short = "Home\nThe river rose by two metres overnight, and the bridge was closed.\nTerms"
    assert strip_boilerplate(short) == short


def test_context_can_be_switched_off() -> None:
    """BoilerplateConfig(context=False) runs the rules alone."""
    out = strip_boilerplate(_page(PROSE), BoilerplateConfig(context=False))
    assert out.split("\n")[:len(MENU)] == MENU
    with pytest.raises(ValueError, match="context"):
        BoilerplateConfig(context="yes")  # type: ignore[arg-type]


def test_the_verdicts_carry_their_signals() -> None:
    """Each removal names its reason; classify_lines tells the deciding signals."""
    lines = _page(PROSE).split("\n")
    verdicts = classify_lines(lines)
    home = verdicts[0]
    assert not home.keep and home.rule == "context.short_run"
    assert home.signals.startswith("label words=1")
    assert "in a stretch of chrome weighing -" in home.signals
    assert verdicts[len(MENU) + 1].keep and verdicts[len(MENU) + 1].rule is None


def test_lines_removed_by_rules_are_not_judged_again() -> None:
    """A line a rule took is reported under the rule, never under a context reason."""
    text = _page(["Share this article", *PROSE, "Advertisement"])
    rules = {r.text.strip(): r.rule for r in strip_boilerplate_and_explain(text).removals}
    assert rules["Share this article"] == "chrome.share"
    assert rules["Advertisement"] == "chrome.ad"


def test_strip_context_judges_without_rules() -> None:
    """strip_context runs the context step alone: what a rule would name stays, a menu goes."""
    text = "\n".join([*MENU, HEADING, "Share this article", *PROSE])
    out, removals = strip_context_and_explain(text)
    assert out == strip_context(text)
    assert "Share this article" in out and "Weather" not in out
    assert {r.rule for r in removals} == {"context.short_run"}


_WEIGHT = st.sampled_from([3.0, 10.0, 0.25, 0.0, -0.2, -0.5, -1.0, -1.5, -2.0, -2.5])


@given(st.lists(_WEIGHT, max_size=40))
def test_dropping_what_was_dropped_drops_nothing_more(weights: list[float]) -> None:
    """What segment keeps, segmented again alone, is kept whole: dropping items never makes
    dropping others pay. The context step stops after one round on this ground."""
    keep = segment(weights, 3.0, 10.0)
    kept = [w for w, k in zip(weights, keep, strict=True) if k]
    assert all(segment(kept, 3.0, 10.0))


_LINE = st.one_of(st.sampled_from(PROSE + MENU + FOOTER + [
    "Save | Listen (4 min) | Gift this article", "Share this article", "Advertisement",
    "• a torch", "You will need:", "63%", "Reply", "Photo: Reuters", HEADING,
    "I grew up in that town and I have never seen the water this high before."]),
    st.text(alphabet="ab .|:\n", max_size=20))


@given(st.lists(_LINE, max_size=40), st.sampled_from(["\n", "\n\n"]))
def test_page_shaped_text_is_idempotent(lines: list[str], separator: str) -> None:
    """Stripping twice is stripping once, though removing lines changes the neighbours of the
    rest; the explained text equals the plain one, and every removal is found in the input.
    strip_context keeps the same invariants, and clean is idempotent on such text too."""
    text = separator.join(lines)
    assert explain(text).text == assert_strip_invariants(text)


_SHAPES = st.one_of(
    _LINE,
    st.text(alphabet="aB é中. |·•/-*,:;()0123456789…\t", max_size=40),
    st.lists(st.sampled_from(["Home", "News", "über", "the", "und", "的", "2026", "|", "/", "•",
                              "-", "*", "Déjà", "vu.", "Ποιοι", "είμαστε", "Контакты"]),
             max_size=12).map(" ".join),
)


@given(_SHAPES, st.sampled_from(["en", "de", "fr", "zh", "el", "xx"]))
def test_the_shortcut_never_misses_a_line_that_weighs_against(line: str, lang: str) -> None:
    """A line may_weigh_against calls content is never a label, a row or a mark, and a line
    may_be_row turns down is never a row, in any language: the context step may skip a text
    on their word before it guesses the language (xx: a language without stop words)."""
    from cleanseed.boilerplate.lines import may_be_row, may_weigh_against

    text = line.strip()
    if not text:
        return
    kind = kind_of(text, stop_words(lang))
    if not may_weigh_against(text):
        assert kind in ("prose", "text", "cell", "data")
    if not may_be_row(text):
        assert kind != "row"


_CHROME = st.lists(st.one_of(st.sampled_from(MENU + FOOTER), _SHAPES), max_size=8)


@given(_CHROME, st.lists(st.one_of(st.sampled_from(PROSE), _SHAPES), min_size=1, max_size=6),
       _CHROME, st.lists(st.sampled_from(["kept", "ruled", "quiet"]), max_size=22))
# at the bound: two labels past a line a rule took weigh just enough to go
@example([], PROSE[:3], ["Advertisement", "Home", "News"], ["kept"] * 3 + ["ruled"])
@example(["Home", "News"], PROSE[:3], [], [])
# a stray short line between lines rules took weighs as a label amid chrome
@example(["Home"] * 6 + [""], [PROSE[0], PROSE[0], "vu.", PROSE[0]], [],
         ["kept"] + ["ruled"] * 5 + ["kept", "ruled", "ruled"])
def test_a_text_the_shortcut_leaves_alone_would_lose_nothing(
        head: list[str], body: list[str], foot: list[str], fates: list[str]) -> None:
    """When the context step skips a text before guessing its language, judging it in full
    takes nothing either (whatever lines the rules took, quiet or not)."""
    from cleanseed.boilerplate import context, rounds, shortcut

    rows = [(line, *(fate != "kept", fate == "quiet")) for line, fate in
            zip(head + body + foot, [*fates, *["kept"] * 22], strict=False)]
    lines = [line.strip() or "x" for line, _, _ in rows]
    removed = [gone for _, gone, _ in rows]
    quiet = [gone and calm for _, gone, calm in rows]
    alive = [i for i, gone in enumerate(removed) if not gone]
    if not shortcut.nothing_to_take(lines, alive, removed, quiet):
        return
    full = rounds.nothing_to_take
    try:
        rounds.nothing_to_take = lambda *_: False  # type: ignore[assignment]
        assert context.judge(lines, removed, quiet=quiet) == {}
    finally:
        rounds.nothing_to_take = full  # type: ignore[assignment]


def test_a_context_removal_says_why() -> None:
    """Each line the context step takes carries its deciding signals in Removal.why (its shape,
    its weight where it stands, its stretch and the evidence); a rule's removal carries none,
    and the field reaches as_dict and the explain view."""
    from cleanseed import explain_view

    text = _page(PROSE)
    removals = explain(text).removals
    context = [r for r in removals if r.rule.startswith("context.")]
    assert {r.text.strip() for r in context} >= set(MENU)
    home = next(r for r in context if r.text.strip() == "Home")
    assert home.why.startswith("label words=1 ")
    assert "weighs -1.00 where it stands" in home.why
    assert "in a stretch of chrome weighing -" in home.why
    assert "shown by a menu's run of plain labels; stop words: en" in home.why
    assert home.as_dict()["why"] == home.why
    assert all(r.why == "" for r in removals if not r.rule.startswith("context."))
    assert f"why: {home.why}" in explain_view(text)


def test_a_row_removal_names_the_row() -> None:
    """A row of labels taken amid prose is a stretch of its own: one line, one row."""
    row = "Save | Listen (4 min) | Gift this article"
    text = "\n".join([HEADING, *PROSE[:2], row, *PROSE[2:]])
    (removal,) = strip_boilerplate_and_explain(text).removals
    assert removal.rule == "context.label_row"
    assert removal.why.startswith("row words=9 ")
    assert "; 1 line), shown by 1 row of labels;" in removal.why


# Made-up labels in several scripts: menus, consent buttons, article actions.
_LABELS = ["Startseite", "Kontakt", "Alle akzeptieren", "Accueil", "Tout refuser", "Inicio",
           "Guardar", "Escuchar (4 min)", "Главная", "Новости", "Αρχική", "Ειδήσεις", "Gündem",
           "Tümünü kabul et", "Domů", "Nastavení", "Főoldal", "होम", "समाचार", "الرئيسية",
           "أخبار", "Головна", "Save", "Gift this article", "Only necessary"]
_SEPARATORS = [" | ", " · ", " • ", " / ", "| ", " |"]


@given(st.lists(st.sampled_from(_LABELS), min_size=3, max_size=6, unique=True),
       st.sampled_from(_SEPARATORS))
def test_a_row_of_short_labels_goes_in_any_language(labels: list[str], separator: str) -> None:
    """Short labels joined by a bar, a middle dot, a bullet or a spaced slash, in any script,
    are a row by their shape, and a row goes even amid the article's prose: with no rule at all
    (strip_context), it goes as context.label_row; with the rules, one of them may name it.
    A last label that ends with a bracket ("Listen (4 min)") does not make the row a
    sentence."""
    row = separator.join(labels)
    assert kind_of(row, EN) == "row"
    text = "\n".join([HEADING, *PROSE[:2], row, *PROSE[2:]])
    out, removals = strip_context_and_explain(text)
    assert out == "\n".join([HEADING, *PROSE])
    assert [r.rule for r in removals] == ["context.label_row"]
    assert strip_boilerplate(text) == out


@pytest.mark.parametrize(("row", "lang"), [
    ("HomeAboutContactCareers", "en"),
    ("StartseiteÜberUnsKontakt", "de"),
    ("ГлавнаяНовостиСпортПогода", "ru"),
    ("首页 | 新闻 | 体育 | 财经", "zh"),
    ("首页｜新闻｜体育", "zh"),
    ("分享 · 收藏 · 打印", "zh"),
    ("ホーム | ニュース | スポーツ", "ja"),
])
def test_glued_labels_and_rows_in_scripts_without_spaces_are_rows(row: str, lang: str) -> None:
    """Capitalised labels glued together, in any cased script, and labels between bars in Han
    or kana (no space needed there) are rows too."""
    assert kind_of(row, stop_words(lang)) == "row"


@pytest.mark.parametrize(("line", "lang"), [
    ("Revenue rose by 4% year/year, and the | key on that keyboard was broken again.", "en"),
    ("He wrote and/or edited the report / the summary, which took two weeks.", "en"),
    ("Die Zahl stieg auf 3/4 des Vorjahres | sagte der Sprecher / am Montag.", "de"),
    ("Le ministre a dit que la loi entrera en vigueur le 1/1 | selon le journal.", "fr"),
    ("El precio subió a 3 / 4 del total | dijo la empresa en un comunicado.", "es"),
    ("唐纳德·特朗普与埃隆·马斯克在白宫会面", "zh"),
    ("Either / or: the choice was hard.", "en"),
    ("Roses are red / violets are blue / sugar is sweet / and so are you.", "en"),
])
def test_prose_with_a_bar_or_a_slash_is_no_row(line: str, lang: str) -> None:
    """A sentence that holds a bar, a slash or a middle dot is still a sentence, and stays on
    a page where a row beside it goes."""
    assert kind_of(line, stop_words(lang)) != "row"
    row = "Save | Listen (4 min) | Gift this article"
    text = "\n".join([HEADING, PROSE[0], line, PROSE[1], row, *PROSE[2:]])
    out = strip_boilerplate(text)
    assert line in out and "Gift this article" not in out


@pytest.mark.parametrize(("lines", "removed", "error", "says"), [
    ("Home\nAbout us\nThe river rose by two metres overnight.", None, TypeError, "not the text"),
    (["Home", "", "The river rose by two metres overnight."], None, ValueError, "line 1 is blank"),
    (["Home", "   ", "About"], None, ValueError, "line 1 is blank"),
    (["Home", "About"], [False], ValueError, "1 removed flags for 2 lines"),
])
def test_classify_lines_says_what_is_wrong_with_its_input(
        lines: object, removed: list[bool] | None, error: type[Exception], says: str) -> None:
    """A whole text, a blank line or flags that do not match the lines are errors that say
    so, not an IndexError from inside the step."""
    with pytest.raises(error, match=says):
        classify_lines(lines, removed)  # type: ignore[arg-type]
