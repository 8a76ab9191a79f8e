"""Lines shaped as code, a formula, a shell session or a row of a table set in columns, amid an
article and its chrome: the rules of labels and the context step leave them, the chrome around
them goes, and a rule that names a cookie banner outright still takes one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanseed import clean
from cleanseed.boilerplate import strip_boilerplate, strip_boilerplate_and_explain
from cleanseed.boilerplate.code import code_line, code_shaped
from cleanseed.boilerplate.lines import kind_of, stop_words

EN = stop_words("en")

MENU = ["Home", "Guides", "Reference", "Blog", "Community", "Download"]
FOOTER = ["About", "Careers", "Privacy Policy", "Terms of Use", "Contact", "Newsletter",
          "Share this article", "© 2026 The Example Project. All rights reserved."]
INTRO = ("The parser reads each record in turn, and the loop below shows how a caller keeps "
         "the names that it has already seen in a set of its own.")
MIDDLE = ("Run the same steps from a shell: the tool installs into a fresh environment, and "
          "the last command prints the version that was installed.")
OUTRO = ("The table above lists the figures of each release, and the header below is copied "
         "from the standard that the format follows, as the document itself prints it.")
CLOSE = ("Nothing else changes between the two releases, and the old names still work for "
         "now, though they will go in a later release of the library.")

CODE = [
    "function Cow(name) {",
    '    this.name = name || "Anon cow";',
    "    seen_names.add(this.name);",
    "}",
    "Cow.prototype.greet = function () {",
    "    return this.name;",
    "};",
]
SHELL = [
    "$ python -m venv .venv",
    "$ source .venv/bin/activate",
    "$ pip install example",
    "$ example --version",
]
TABLE = [
    "Release     Date          Size",
    "1.0         2024-01-02    12 MB",
    "1.1         2024-06-30    13 MB",
    "2.0         2025-03-14    15 MB",
]
HEADER = [
    "Internet Engineering Task Force (IETF)                  A. Writer, Ed.",
    "Request for Comments: 9999                              Example Corp",
    "Category: Standards Track                               B. Author",
    "ISSN: 2070-1721                                         March 2026",
]
# Paragraphs before the first listing and after the last: a label within a few lines of lines
# of code or figures is a cell of a table, so a menu right beside a listing is left (as one
# right beside a table is).
OPENING = [
    "Every release of the library keeps a list of the names it has read so far, and the list "
    "grows with each record, which is what most callers want from it.",
    "Some callers need the names for longer than one pass, and the usual advice is to keep "
    "them in a structure of their own rather than in the parser.",
    "This guide shows how to do that in a few lines, and how to install the tool first if it "
    "is not installed yet on the machine where the code will run.",
    "The examples are short on purpose, and each of them can be pasted as it stands into a "
    "file of its own and run without any change at all.",
    "They were written for the current release, and the notes at the end of the guide say "
    "what differs in the releases that came before it.",
]
CLOSING = [
    "The next guide shows how to read the records in parallel, which needs a little more "
    "care with the names that two workers may see at the same time.",
    "Questions about this guide are welcome on the forum, where the maintainers answer most "
    "of them within a day or two of their being asked.",
    "A list of the changes in each release is kept in the repository, with a note on every "
    "name that was renamed and on the release that will remove it.",
    "The guides are written by the people who use the library every day, and anyone who "
    "finds a mistake in one of them is welcome to send a fix.",
    "Thanks go to everyone who read the drafts of this guide and told us where it was not as "
    "clear as it should have been for a newcomer to the library.",
]


LISTINGS = [*CODE, *SHELL, *TABLE, *HEADER]


def _page(listings: bool = True) -> str:
    lines = [*MENU, "How to keep names", *OPENING, INTRO, *CODE, MIDDLE, *SHELL, OUTRO,
             *TABLE, *HEADER, CLOSE, *CLOSING, *FOOTER]
    return "\n".join(line for line in lines if listings or line not in LISTINGS)


def test_code_shell_table_and_header_stay_and_the_chrome_goes() -> None:
    out = clean(_page()).splitlines()
    for line in [*LISTINGS, INTRO, MIDDLE, OUTRO, CLOSE]:
        assert line in out, line
    for line in [*MENU, *FOOTER[1:4], *FOOTER[5:]]:
        assert line not in out, line
    # the listings change nothing else: the page cleans as it does without them
    assert [line for line in out if line not in LISTINGS] == clean(_page(False)).splitlines()


def test_a_cookie_banner_shaped_as_code_still_goes() -> None:
    banner = "We use cookies to improve your experience; accept all cookies to continue;"
    text = "\n".join([INTRO, *CODE[:2], banner, *CODE[2:], CLOSE])
    explained = strip_boilerplate_and_explain(text)
    assert banner not in explained.text.splitlines()
    assert any(r.rule.startswith("cookie.") for r in explained.removals)
    assert CODE[1] in explained.text.splitlines()


def test_a_line_of_tags_outside_a_listing_still_goes() -> None:
    text = "\n".join([INTRO, "Category: Standards Track", CLOSE])
    assert "Category: Standards Track" not in strip_boilerplate(text)
    assert strip_boilerplate_and_explain(text).removals[0].rule == "chrome.tags"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('    this.name = name || "Anon cow";', True),
        ("} else {", True),
        ("x = (a + b) / 2", True),
        ("E = m * c^2", True),
        ("std::vector<int> values", True),
        ("result == expected", True),
        ("$ pip install example", True),
        (">>> import example", True),
        ("Home | News | Sport", False),
        ("Home || News || Sport", False),
        ("Tags: C++, Rust, politics", False),
        ("Share this article", False),
        ("Read more; share this", False),
        ("Photo: Jane Doe / Reuters", False),
        ("Home > World > Middle-East", False),
    ],
)
def test_a_line_is_code_by_its_marks(line: str, code: bool) -> None:
    assert code_shaped(line.strip()) is code
    assert code_line(line) is code


def test_a_hint_needs_indentation_and_a_row_needs_columns() -> None:
    assert not code_line("seen_names")  # an identifier alone may be a word of a page
    assert code_line("    seen_names")  # indented, as only preformatted text keeps it
    assert not code_line("    Share this")  # indented, but nothing of code in it
    assert not code_line("Category: Standards Track")
    assert code_line("Category: Standards Track      B. Author")


def test_a_line_of_code_is_no_row_nor_label() -> None:
    assert kind_of('this.name = name || "Anon cow";', EN) == "data"
    assert kind_of("$ pip install example", EN) == "data"
    assert kind_of("Home || News || Sport", EN) == "row"
    assert kind_of("Install", EN) == "plain"


@given(st.lists(st.sampled_from([*CODE, *SHELL, *TABLE, *HEADER, INTRO, CLOSE, *MENU,
                                 *FOOTER, "", "   "]), max_size=30))
def test_pages_with_code_clean_to_a_fixed_point(lines: list[str]) -> None:
    once = clean("\n".join(lines))
    assert clean(once) == once
