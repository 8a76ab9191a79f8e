"""The article's own text where a page's markup hides it: under a name that says chrome, just
outside the element picked to hold it, or set as a line too short to judge alone. Every page
here is written by hand for one class of page, and none of its text comes from a real one."""

from __future__ import annotations

from cleanseed.default import clean_html, explain_html

#: The paragraphs of an article, each told apart by its number.
ARTICLE = [
    f"Paragraph {n} of the report: the council voted to keep the village school open for "
    f"another ten years, and parents who had campaigned for it since spring were relieved."
    for n in range(1, 9)
]


def paragraphs(numbers: range, tag: str = "p") -> str:
    return "".join(f"<{tag}>{ARTICLE[n - 1]}</{tag}>" for n in numbers)


def kept(text: str) -> list[int]:
    return [n for n, p in enumerate(ARTICLE, start=1) if p in text]


def teasers(count: int) -> str:
    """A column of teasers, each a date, a linked headline, a summary and a "more" link, each
    in an element named a teaser."""
    return "".join(
        f"<div class='teaser'><div class='teaser_date'>0{n}.10.2016</div>"
        f"<div class='teaser_headline'><a href='/news/{n}'>Story number {n} of the week</a>"
        f"</div><div class='teaser_text'>The mayor spoke at length on Tuesday about the state "
        f"of the roads in the north of the town, number {n}, and promised new money for them "
        f"next year.</div><a href='/news/{n}'>read more</a></div>"
        for n in range(1, count + 1))


def test_an_article_named_a_teaser_beside_real_teasers_is_the_page_text() -> None:
    """A site that writes its article in a ``teaser_text`` box, beside a column of teasers
    holding as much prose, gets its article, not an empty page: the article is the page's one
    passage of prose, the teasers each one summary between links."""
    html = (f"<html><body><div class='nav'><a href='/'>Home</a></div>"
            f"<div id='teasers'>{teasers(5)}</div>"
            f"<div class='blog_teaser_headline'>School stays open</div>"
            f"<div class='blog_teaser_text'>{paragraphs(range(1, 5))}</div>"
            f"<div><a href='/'>Back to the overview</a></div></body></html>")
    text = clean_html(html)
    assert kept(text) == [1, 2, 3, 4]
    assert "mayor" not in text


def test_a_flagged_box_holding_a_passage_beside_the_article_stays_out() -> None:
    """The passage rule is for pages with no article of their own: beside an article in plain
    markup, whose paragraphs links part, a box named a teaser stays out, though its paragraphs
    make a longer passage than any of the article's."""
    parted = "".join(f"<p>{ARTICLE[n - 1]}</p><p><a href='/{n}'>Read also: story {n}</a></p>"
                     for n in range(1, 6))
    html = (f"<html><body><article>{parted}</article>"
            f"<div class='teaser'>{paragraphs(range(6, 9))}</div></body></html>")
    assert kept(clean_html(html)) == [1, 2, 3, 4, 5]


def test_sections_that_bear_the_name_of_the_wrapper_taken_for_the_article_stay() -> None:
    """A CMS that writes ``field--label-hidden`` (the field's label is hidden) on the wrapper
    of a page's every section, and on each section inside it: the wrapper holds the article,
    so the name is outweighed there, and counts against none of the sections it holds. A
    label under that name, with no prose, still goes."""
    sections = "".join(
        f"<div class='field field--label-hidden field--item'><h2>Part {n}</h2>"
        f"{paragraphs(range(2 * n - 1, 2 * n + 1))}</div>"
        f"<div class='field field--label-hidden field--item'><img src='/{n}.png'></div>"
        for n in range(1, 5))
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
            f"<div class='field field--label-hidden field--items'>"
            f"<div class='field--label-hidden'>Advertisement</div>{sections}</div>"
            f"<footer>Imprint</footer></body></html>")
    result = explain_html(html)
    assert kept(result.text) == list(range(1, 9))
    assert "Part 3" in result.text
    assert "Advertisement" not in result.text


def test_a_closing_line_after_the_prose_taken_back_comes_with_it() -> None:
    """The article's last paragraphs sit in a box of their own, which widening takes back;
    the sign-off under them ("Yours, the editors"), too short to judge alone and with no
    prose after it, ends that box and comes back with them. A line of links there does not."""
    html = (f"<html><body><div class='row'><div class='col'>{paragraphs(range(1, 6))}</div></div>"
            f"<div class='row'><div class='col'>{paragraphs(range(6, 9))}"
            f"<p>Yours, the editors</p></div></div>"
            f"<div class='row'><div class='col'><p>{ARTICLE[0][:40]}</p>"
            f"<p><a href='/a'>Home</a> <a href='/b'>Shop</a></p></div></div>"
            f"</body></html>")
    text = clean_html(html)
    assert kept(text) == list(range(1, 9))
    assert text.endswith("Yours, the editors")
    html = html.replace("<p>Yours, the editors</p>", "<p><a href='/x'>More stories</a></p>")
    assert "More stories" not in clean_html(html)


def test_a_closing_sentence_set_as_a_heading_is_no_empty_section() -> None:
    """Two sentences set in an ``<h4>`` at the article's end, with only a byline and chrome
    after them, close the article: they head no section that lost its text. A title over
    chrome alone ("More from the desk") still goes."""
    html = (f"<html><body><div class='story'>{paragraphs(range(1, 5))}"
            f"<h4>The school will reopen in May. Parents were told on Friday.</h4>"
            f"<h4>More from the desk</h4><ul><li><a href='/1'>One story</a></li>"
            f"<li><a href='/2'>Another story</a></li></ul></div></body></html>")
    result = explain_html(html)
    assert "Parents were told on Friday." in result.text
    assert "More from the desk" not in result.text


def test_a_ranked_lists_linked_headings_over_paragraphs_that_name_them_stay() -> None:
    """A list of films, each a linked heading ("19) <a>Title</a>") over a review whose long
    paragraph opens with the linked title: each heading heads its text. A teaser's linked
    headline over a line or two that opens with a link still goes."""
    review = ("is a dark comedy about a woman who moves across the country to befriend a "
              "stranger she admires, and it is by turns funny, sad and frightening; the two "
              "leads are wonderful, and the script never mocks the people it looks at. ")
    entries = "".join(
        f"<h3>{20 - n}) <a href='/review/{n}'><em>Film {n}</em></a></h3>"
        f"<p><a href='/review/{n}'><em>Film {n}</em></a> {review * 2}</p>"
        for n in range(1, 4))
    html = (f"<html><body><article>{paragraphs(range(1, 3))}{entries}"
            f"<h3><a href='/other'>Another story</a></h3><p><a href='/other'>Read it:</a> the "
            f"other story is about a harbour and its boats.</p></article></body></html>")
    text = clean_html(html)
    for n in range(1, 4):
        assert f"{20 - n}) Film {n}" in text
    assert "Another story" not in text


def test_an_article_in_boxes_parted_by_chrome_is_taken_back_box_after_box() -> None:
    """An intro in a box of its own, then a box of paragraphs, then the container picked, each
    parted from the next by a row of share links: the box beside the container comes back,
    and so does the intro beside that box, which touches the container only through it."""
    share = "<p><a href='/f'>Share on Facebook</a> <a href='/t'>Share on Twitter</a></p>"
    html = (f"<html><body><div class='page'>"
            f"<div class='top'><div class='box'>{paragraphs(range(1, 2))}</div></div>{share}"
            f"<div class='mid'><div class='box'>{paragraphs(range(2, 4))}</div></div>{share}"
            f"<div class='main'><div class='box'>{paragraphs(range(4, 9))}</div></div>"
            f"</div><div class='foot'><a href='/'>Home</a></div></body></html>")
    assert kept(clean_html(html)) == list(range(1, 9))


def test_a_subheading_whose_id_names_it_an_anchor_of_the_menu_stays() -> None:
    """``<h3 id="nav_2">`` amid the article is the target of its list of sections, not a menu:
    followed by text, it heads it. A subheading so named over links (a box of share links
    amid the article) still goes."""
    html = (f"<html><body><article>{paragraphs(range(1, 3))}<h3 id='nav_2'>The second part</h3>"
            f"{paragraphs(range(3, 5))}<h3 class='share-title'>Share this story</h3>"
            f"<ul><li><a href='/f'>Facebook</a></li><li><a href='/t'>Twitter</a></li></ul>"
            f"{paragraphs(range(5, 7))}</article></body></html>")
    text = clean_html(html)
    assert "\n\nThe second part\n\n" in text
    assert "Share this story" not in text
    assert kept(text) == list(range(1, 7))


def test_a_long_comment_is_not_the_main_prose_that_outweighs_the_article() -> None:
    """An article in a box a rule names (a "widget"), its paragraphs parted by links, holds
    most of the page's prose; a comment under it holds the page's longest passage. The
    comment is no article's prose: the article stays, and the comment goes."""
    comment = ("I disagree with the council entirely, and I have lived in the village for forty "
               "years, so I know what I am talking about here. ") * 3
    parted = "".join(f"<p>{ARTICLE[n - 1]}</p><p><a href='/{n}'>Read also: story {n}</a></p>"
                     for n in range(1, 9))
    html = (f"<html><body><div class='post-widget'>{parted}</div><ol class='comment-list'>"
            f"<li class='comment'><p>{comment}</p><p>{comment}</p><p>{comment}</p></li></ol>"
            f"</body></html>")
    text = clean_html(html)
    assert kept(text) == list(range(1, 9))
    assert "forty years" not in text
