"""The main-content container as a prior: widening, the fallback, and class names weighed
against the text they name. Every page here is written by hand for one mechanism."""

from __future__ import annotations

import pytest

from cleanseed.default import clean_html, explain_html
from cleanseed.html import html_to_text, html_to_text_and_explain
from cleanseed.html.blocks import Block, collect
from cleanseed.html.classify import BAD, GOOD, alone, judge
from cleanseed.html.parse import parse

#: Paragraphs long enough to be prose wherever they are put, each told apart by its number.
PARAGRAPHS = [
    f"Paragraph {n} of the story: the river rose by two metres overnight, and the council "
    f"closed the old bridge until engineers could inspect its foundations, said officials."
    for n in range(1, 13)
]


def paragraphs(numbers: range) -> str:
    return "".join(f"<p>{PARAGRAPHS[n - 1]}</p>" for n in numbers)


def page(body: str) -> str:
    return f"<html><head><title>A page</title></head><body>{body}</body></html>"


def kept(text: str) -> list[int]:
    """The numbers of the paragraphs in *text*."""
    return [n for n, p in enumerate(PARAGRAPHS, start=1) if p in text]


TEASERS = "".join(
    f'<li><a href="/story/{n}">Another story, number {n}, about the harbour</a> '
    f"The harbour master said boats would stay moored for a week, and fishermen agreed.</li>"
    for n in range(8))


def test_an_article_split_in_two_containers_is_taken_whole() -> None:
    """The container picked holds the second part; the first, in another box, comes back."""
    html = page(f"""
        <div class="layout">
          <div class="col"><div class="part">{paragraphs(range(1, 5))}</div></div>
          <div class="col"><div class="part">{paragraphs(range(5, 13))}</div></div>
        </div>
        <div class="more"><ul>{TEASERS}</ul></div>""")
    text = html_to_text(html)
    assert kept(text) == list(range(1, 13))
    assert "harbour" not in text  # teasers open with a link: not prose, not taken


def test_widening_leaves_out_what_is_not_prose_and_explains_it() -> None:
    """Beside the container, only runs of prose come back; a menu between stays out, named."""
    html = page(f"""
        <div class="c"><div class="d">{paragraphs(range(1, 5))}</div></div>
        <div class="b"><p><a href="/1">Home</a> <a href="/2">World</a> <a href="/3">Sport</a>
          <a href="/4">Business and money</a></p></div>
        <div class="c"><div class="d">{paragraphs(range(5, 13))}</div></div>""")
    result = html_to_text_and_explain(html)
    assert kept(result.text) == list(range(1, 13))
    assert "Sport" not in result.text
    assert any(r.rule == "html.outside_main" and "Sport" in r.text for r in result.removals)


def test_prose_in_other_markup_beside_the_container_is_not_taken() -> None:
    """Comments without a class that says so, in a list after the article: not widened into."""
    thread = "".join(
        f"<li><p>Comment {n}: I walked over that bridge every day for years, and I think the "
        f"council should have closed it long ago, frankly.</p></li>" for n in range(6))
    html = page(f"""<div class="x"><div class="y">{paragraphs(range(1, 9))}</div></div>
        <ol>{thread}</ol>""")
    text = html_to_text(html)
    assert kept(text) == list(range(1, 9))
    assert "Comment" not in text


def test_a_page_without_a_container_falls_back_to_its_runs_of_prose() -> None:
    """The best-scoring container is an author's box; the article, a paragraph a box, is
    found by the fallback."""
    boxes = "".join(f'<div class="sub"><div class="inner"><div class="text"><div><p>{p}</p>'
                    "</div></div></div></div>" for p in PARAGRAPHS)
    thread = "".join(
        f"<li><p>Comment {n}: I walked over that bridge every day for years, and I think the "
        f"council should have closed it long ago, frankly.</p></li>" for n in range(6))
    html = page(f"""<div class="post">{boxes}</div>
        <article class="bio"><p>Jo Bloggs writes about rivers, bridges and the councils that
        keep them open, from an office by the water.</p></article><ol>{thread}</ol>""")
    text = html_to_text(html)
    assert kept(text) == list(range(1, 13))
    assert "Comment" not in text  # the longest passage is the article, the thread is not it


def test_a_container_that_holds_the_article_is_left_as_it_is() -> None:
    """No widening when the container holds most of the page's prose."""
    html = page(f"<article>{paragraphs(range(1, 10))}</article>"
                f"<div class='x'><div class='y'>{paragraphs(range(10, 12))}</div></div>")
    assert kept(html_to_text(html)) == list(range(1, 10))


def test_a_paragraph_named_promo_amid_the_article_is_kept() -> None:
    """A class name is evidence, not a verdict: prose amid the article stays."""
    html = page(f"""<article>{paragraphs(range(1, 4))}
        <div class="promo">{paragraphs(range(4, 6))}</div>
        {paragraphs(range(6, 9))}</article>""")
    assert kept(html_to_text(html)) == list(range(1, 9))


def test_a_real_promo_amid_the_article_is_dropped_and_named() -> None:
    """A box named promo that holds no prose (a button, a link) is dropped, under its rule."""
    html = page(f"""<article>{paragraphs(range(1, 4))}
        <div class="promo"><p><a href="/s">Subscribe now for one pound a week and get more
          stories like this one delivered</a></p></div>
        {paragraphs(range(4, 8))}</article>""")
    result = html_to_text_and_explain(html)
    assert kept(result.text) == list(range(1, 8))
    assert "Subscribe" not in result.text
    assert any(r.rule == "html.ad" and "Subscribe" in r.text for r in result.removals)


def test_a_named_box_at_the_page_edge_is_not_weighed_back() -> None:
    """A flagged element with prose but not amid the article (a site footer) stays out."""
    html = page(f"""<article>{paragraphs(range(1, 7))}</article>
        <div class="site-footer"><p>{PARAGRAPHS[11]}</p></div>""")
    assert kept(html_to_text(html)) == list(range(1, 7))


def test_a_gallery_holding_more_prose_than_the_article_stays_out() -> None:
    """Captions are prose by nature: a gallery is not the article when the page has one."""
    slides = "".join(
        f"<li><h2>{n}/20 A picture</h2><p>A long caption for picture {n}: the crowd gathered "
        f"on the quay at dawn to watch the boats come in, and stayed until noon.</p></li>"
        for n in range(20))
    html = page(f"""<div class="story">{paragraphs(range(1, 7))}
        <div class="gallery"><ul>{slides}</ul></div></div>""")
    result = html_to_text_and_explain(html)
    assert kept(result.text) == list(range(1, 7))
    assert "crowd" not in result.text
    assert any(r.rule == "html.caption" and "crowd" in r.text for r in result.removals)


def test_comments_holding_more_prose_than_the_article_stay_out() -> None:
    """A long thread of comments does not outweigh the article above it."""
    thread = "".join(
        f"<li><p>Comment {n}: I walked over that bridge every day for years, and I think the "
        f"council should have closed it long ago, frankly.</p></li>" for n in range(25))
    html = page(f"""<div class="story">{paragraphs(range(1, 5))}</div>
        <section class="comments"><ol>{thread}</ol></section>""")
    text = html_to_text(html)
    assert kept(text) == list(range(1, 5))
    assert "Comment" not in text


def test_an_article_wrapped_in_a_misnamed_box_is_still_found() -> None:
    """A box named "related" that holds the page's prose is believed to be the article."""
    html = page(f"""<div class="body">{paragraphs(range(1, 3))}
        <div class="related-wrap">{paragraphs(range(3, 13))}</div></div>""")
    assert kept(html_to_text(html)) == list(range(1, 13))


def test_no_caption_or_cookie_text_leaks_when_widening() -> None:
    """Captions and consent notices near a widened article stay out of clean_html's text."""
    html = page(f"""
        <div class="c"><div class="d">{paragraphs(range(1, 5))}
          <figure><img src="a.jpg"><figcaption>The bridge at dawn. Photo: J. Smith</figcaption>
          </figure>
          <div><img src="b.jpg"><p>Workers on the quay. (Photo: Reuters)</p></div>
        </div></div>
        <div class="b"><div class="c">{paragraphs(range(5, 13))}</div></div>
        <div class="notice"><p>We use cookies to improve your experience on our site. By
          continuing to browse you accept our use of cookies. Accept all cookies</p></div>
        <div id="cookie-banner"><p>This website uses cookies. Manage cookies or accept them to
          go on reading the story.</p></div>""")
    result = explain_html(html)
    assert kept(result.text) == list(range(1, 13))
    for leak in ("Photo", "cookies", "Workers on the quay"):
        assert leak not in result.text
    assert kept(clean_html(html)) == list(range(1, 13))


def test_judge_reads_prose_links_teasers_and_scripts_without_spaces() -> None:
    """Blocks alone and in context: prose, a link list, a teaser, Chinese lines, a heading."""
    html = ("<h2>The heading</h2><p>" + PARAGRAPHS[0] + "</p><p>Short line.</p><p>"
            + PARAGRAPHS[1] + "</p><ul><li><a href=/a>Menu entry</a></li></ul>"
            + "<li><a href=/t>A teaser headline of the kind</a> then a summary of the story"
            " that it links to, in a sentence.</li>"
            + "<p>一波波接續性低溫寒流報到已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣</p>")
    layout = collect(parse(html, None))
    assert judge(layout, [False] * len(layout.blocks)) == [GOOD, GOOD, GOOD, GOOD, BAD, BAD,
                                                          GOOD]


def test_a_linked_entry_in_a_list_of_prose_is_kept_a_list_of_links_is_not() -> None:
    """Link density is weighed against the list: an entry that is a linked title among
    entries of prose stays; a list of links (related stories) goes, named."""
    changes = ("<ul><li>Fixed the start-up hang, which had been seen on slow disks, after a long"
               " hunt.</li><li><a href='/b/1'>Bug 1677080 - Fullscreen window lost its video"
               "</a></li><li>Printing now supports ranges of pages, as many asked for, in all"
               " dialogs.</li></ul>")
    related = ("<ul><li><a href='/s/1'>Storm closes schools across the county</a></li>"
               "<li><a href='/s/2'>Rates rise again for the third month</a></li></ul>")
    result = html_to_text_and_explain(page(f"<article>{paragraphs(range(1, 4))}{changes}"
                                           f"{related}</article>"))
    assert "Bug 1677080" in result.text
    assert "Storm closes" not in result.text
    assert any(r.rule == "html.low_density" and "Storm" in r.text for r in result.removals)


def test_a_list_of_links_set_in_an_entry_of_prose_is_that_entrys() -> None:
    """A list of links under an entry of a list of prose (the bugs fixed, under the entry that
    names the work) stays with it, however much of the whole list is links; a list of links
    under an entry of links (a menu and its submenu) does not."""
    bugs = "".join(f"<li><a href='/b/{n}'>Bug {n} - the window lost its video on a switch</a>"
                   "</li>" for n in range(5))
    work = ("<ul><li>The picture-in-picture students came back for another term of work on"
            f" the player, and they are well on their way.</li><li>In progress:<ul>{bugs}</ul>"
            "</li></ul>")
    menu = ("<ul><li><a href='/m'>Sections of the site</a><ul><li><a href='/m/1'>World news"
            " and the rest of it</a></li><li><a href='/m/2'>Business and the markets today"
            "</a></li></ul></li></ul>")
    text = html_to_text(page(f"<article>{paragraphs(range(1, 3))}{work}"
                             f"{paragraphs(range(3, 5))}{menu}</article>"))
    assert all(f"Bug {n} - the window" in text for n in range(5))
    assert "World news" not in text


def test_a_linked_heading_over_prose_is_kept_a_teaser_headline_is_not() -> None:
    """A section heading that links somewhere stays when prose follows it; a headline that
    opens a teaser (a summary that opens with a link), or that is an entry of a list of
    stories set in the article, does not."""
    html = page(f"""<article>{paragraphs(range(1, 3))}
        <h3><a href="/pm">Password manager</a></h3>{paragraphs(range(3, 5))}
        <div><ul><li><h3><a href="/s">Man shot at a gas station dies</a></h3></li></ul></div>
        {paragraphs(range(5, 7))}
        <h3><a href="/other">Another story</a></h3>
        <p><a href="/other">Read it:</a> the other story is about a harbour and its boats, and
        about the fishermen who keep them moored.</p></article>""")
    text = html_to_text(html)
    assert "Password manager" in text
    assert "Another story" not in text
    assert "gas station" not in text


@pytest.mark.parametrize("text", [
    "आज मौसम बहुत अच्छा है और हम सब पार्क में घूमने जाएंगे। कल बारिश होगी तो छाता लेकर निकलें।",
    "هل ستذهب إلى الحديقة اليوم مع أصدقائك بعد انتهاء الدروس في المدرسة الكبيرة في المدينة؟",
    "Այսօր եղանակը շատ լավ է, և մենք բոլորս կգնանք զբոսնելու այգում մինչև երեկո։",
])
def test_prose_ends_its_sentences_in_its_own_script(text: str) -> None:
    """A paragraph whose only sentence marks are a danda, an Arabic question mark or an
    Armenian full stop reads as prose alone, as one ending in "." does."""
    assert alone(Block(text, -1, 0)) == GOOD
    bare = text.replace("।", "").replace("؟", "").replace("։", "")
    assert alone(Block(bare, -1, 0)) != GOOD
