"""The parts of an article that are not paragraphs: its section headings, the values of its
data tables. And whole pages of kinds other than news (a documentation page, a wiki article, a
forum thread, a recipe, a blog post with comments), each written by hand, each read sensibly.
"""

from __future__ import annotations

from cleanseed.default import clean_html, explain_html
from cleanseed.html import html_to_text

#: A paragraph long enough to be prose wherever it is put.
PROSE = ("The line from the coast to the mountains was finished in 1911, after nine years of "
         "work in a valley that floods each spring and freezes each winter.")


def test_a_heading_whose_text_is_in_a_span_called_headline_keeps_its_text() -> None:
    """Wikis write ``<h2><span class="mw-headline">``: inside a subheading, "headline" says
    only what the heading's tag says. Outside one, the same span is still the page's header."""
    html = (f"<div><p>{PROSE}</p><h2><span class='mw-headline'>History</span></h2>"
            f"<p>{PROSE} Again.</p><h3><span class='mw-headline'>Early years</span></h3>"
            f"<p>{PROSE} Once more.</p></div>")
    text = html_to_text(html)
    assert "\n\nHistory\n\n" in text
    assert "\n\nEarly years\n\n" in text
    banner = f"<div><span class='site-headline'>Rail Weekly</span><p>{PROSE}</p></div>"
    assert "Rail Weekly" not in html_to_text(banner)


def test_a_header_holding_only_a_subheading_amid_the_article_is_a_section_heading() -> None:
    """``<section><header><h2>`` and a box's ``<div class="box__header"><h3>`` between the
    article's paragraphs are its headings; the page's banner and the article's own header
    (its headline and byline) still go, named."""
    html = f"""<html><head><title>Trains of the north</title></head><body>
        <header class="site-header"><h2>Rail Weekly</h2></header>
        <article><header class="entry-header"><h1>Trains of the north</h1>
          <div>By Jo, May 2</div></header>
        <p>{PROSE} Most of the men who built it came from the fishing towns on the coast.</p>
        <section><header><h2>The first winter</h2></header><p>{PROSE} Snow filled the
          cuttings faster than crews could clear them.</p></section>
        <div class="boxout"><div class="boxout__header"><h3>What is a rotary plough?</h3></div>
          <p>A machine pushed by a locomotive, with a fan at the front that cuts the snow and
          throws it clear of the track.</p></div>
        <section><header><h2>Today</h2></header><p>{PROSE} The ploughs stand in a museum at
          the valley's end, painted as they were in 1912.</p></section>
        </article><footer>Rail Weekly, 2024</footer></body></html>"""
    result = explain_html(html)
    for heading in ("The first winter", "What is a rotary plough?", "Today"):
        assert f"\n\n{heading}\n\n" in result.text
    assert "Rail Weekly" not in result.text
    assert "By Jo" not in result.text
    assert any(r.rule == "html.header" and "By Jo" in r.text for r in result.removals)


def test_a_header_with_more_than_a_heading_is_not_brought_back() -> None:
    """A header that holds a heading and a line of its own (a kicker, a date) amid the
    article is the header the rule names: it stays out."""
    html = (f"<article><p>{PROSE} One.</p><p>{PROSE} Two.</p>"
            f"<div class='story-header'><h2>Part two</h2><span>Updated 5 May</span></div>"
            f"<p>{PROSE} Three.</p><p>{PROSE} Four.</p></article>")
    text = html_to_text(html)
    assert "Updated" not in text
    assert "Part two" not in text


INFOBOX = """<table class="infobox"><tr><th colspan="2">Barley</th></tr>
    <tr><td>Family:</td><td><a href="/wiki/Poaceae">Poaceae</a></td></tr>
    <tr><td>Genus:</td><td><a href="/wiki/Hordeum">Hordeum</a></td></tr>
    <tr><td>Grown since:</td><td>10,000 years ago</td></tr></table>"""


def test_linked_values_in_a_data_table_are_kept() -> None:
    """A cell that is one link, beside a label in a table mostly of text, is a value."""
    html = f"<div>{INFOBOX}<p>{PROSE}</p><p>{PROSE} Again.</p></div>"
    text = html_to_text(html)
    assert "Family:\tPoaceae" in text
    assert "Genus:\tHordeum" in text


def test_a_table_of_links_and_a_layout_tables_link_column_are_not_data() -> None:
    """A navigation box is a table of links; in a layout table, a cell of links beside the
    article's long text is a menu: neither is a data table's value."""
    navbox = ("<table><tr><th>Cereals</th><td><a href=/w>Wheat</a> · <a href=/r>Rice</a> · "
              "<a href=/o>Oats</a> · <a href=/y>Rye</a> · <a href=/m>Millet</a></td></tr>"
              "<tr><th>Pulses</th><td><a href=/l>Lentils</a> · <a href=/p>Peas</a></td></tr>"
              "</table>")
    html = f"<div><p>{PROSE}</p><p>{PROSE} Again.</p>{navbox}</div>"
    text = html_to_text(html)
    assert "Wheat" not in text
    assert "Lentils" not in text
    layout = (f"<table><tr><td><a href=/a>Home</a> <a href=/b>News</a></td>"
              f"<td><p>{PROSE}</p><p>{PROSE} Again.</p></td></tr></table>")
    text = html_to_text(layout)
    assert PROSE in text
    assert "Home" not in text


DOCS = """<html><head><title>Configuring the cache — Widgetlib documentation</title></head>
<body><div class="wy-grid-for-nav">
<nav class="wy-nav-side"><p class="caption">Contents</p><ul>
  <li><a href="install.html">Installation</a></li><li><a href="#">Configuring the cache</a>
  <ul><li><a href="#backends">Backends</a></li><li><a href="#options">Options</a></li></ul></li>
  <li><a href="api.html">API reference</a></li></ul></nav>
<section class="wy-nav-content-wrap"><div class="rst-content">
<div role="navigation" aria-label="breadcrumbs"><a href="index.html">Docs</a> » Cache</div>
<div itemprop="articleBody"><div class="section" id="configuring-the-cache">
<h1>Configuring the cache<a class="headerlink" href="#configuring-the-cache">¶</a></h1>
<p>Widgetlib keeps the widgets it has rendered in a cache, so that a page that shows the same
widget twice renders it once. This page tells how to choose where that cache lives.</p>
<div class="section" id="backends"><h2>Backends<a class="headerlink" href="#backends">¶</a></h2>
<p>Three backends ship with the library:</p>
<dl><dt><code>memory</code></dt><dd><p>Entries live in the process.</p></dd>
<dt><code>file</code></dt><dd><p>Entries live in a folder.</p></dd></dl>
<div class="highlight"><pre>cache = Cache(backend="file", path="/var/cache/w")</pre></div></div>
<div class="section" id="options"><h2>Options<a class="headerlink" href="#options">¶</a></h2>
<table><tr><th>Option</th><th>Default</th><th>Meaning</th></tr>
<tr><td>ttl</td><td>300</td><td>Seconds an entry lives</td></tr>
<tr><td>size</td><td>1000</td><td>Most entries kept</td></tr></table></div>
</div></div>
<footer><a href="install.html" rel="prev">Previous</a> <a href="api.html" rel="next">Next</a>
<p>© Copyright 2024, the Widgetlib authors.</p></footer></div></section></div></body></html>"""


def test_a_documentation_page_keeps_its_text_code_and_tables_but_not_its_sidebar() -> None:
    text = clean_html(DOCS)
    for piece in ("Three backends ship", "memory\n\nEntries live in the process.",
                  'cache = Cache(backend="file"', "ttl\t300\tSeconds an entry lives",
                  "Backends", "Options"):
        assert piece in text
    for chrome in ("Installation", "API reference", "Previous", "Next", "Copyright", "Docs"):
        assert chrome not in text


FORUM = """<html><head><title>Chain slips on the small cog - Cycling Forum</title></head><body>
<header class="site-header"><a href="/">Cycling Forum</a><nav><a href="/latest">Latest</a>
  <a href="/login">Log in</a></nav></header>
<div id="main-outlet"><h1>Chain slips on the small cog</h1><div class="posts">
<div class="topic-post"><div class="topic-meta"><a href="/u/anna">anna_k</a> Mar 3</div>
  <div class="cooked"><p>Since last week my chain slips whenever I am on the smallest cog and
  push hard. The chain is three months old. Any idea what to check first?</p></div></div>
<div class="topic-post"><div class="topic-meta"><a href="/u/bo">bo</a> Mar 3</div>
  <div class="cooked"><p>A worn cog, most likely. A new chain on an old cassette skips on the
  cogs you used most, and the smallest is the one that wears first.</p></div></div>
<div class="topic-post"><div class="topic-meta"><a href="/u/anna">anna_k</a> Mar 6</div>
  <div class="cooked"><p>It was the cassette. I replaced it and there is no more slipping,
  thank you all!</p></div></div></div>
<div class="suggested-topics"><h3>Suggested Topics</h3><table>
  <tr><td><a href="/t/1">Tubeless sealant dried out</a></td><td>4</td></tr>
  <tr><td><a href="/t/2">Which chain checker?</a></td><td>12</td></tr></table></div></div>
<footer><p>Powered by Discourse</p></footer></body></html>"""


def test_a_forum_thread_keeps_every_post() -> None:
    text = clean_html(FORUM)
    for piece in ("smallest cog and push hard", "A worn cog, most likely", "It was the cassette"):
        assert piece in text
    for chrome in ("Log in", "Tubeless sealant", "Which chain checker", "Powered by"):
        assert chrome not in text


RECIPE = """<html><head><title>Lemon barley soup | Home Kitchen</title></head><body>
<header><nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav></header>
<main><article><h1>Lemon barley soup</h1>
<p>This soup is what I make when the fridge is nearly empty: barley, an onion, a lemon and
whatever greens are left. It is better the next day.</p>
<div class="recipe-card"><h3>Ingredients</h3><ul><li>1 cup pearl barley</li>
<li>1 onion, diced</li><li>1 lemon</li><li>6 cups stock</li></ul>
<h3>Instructions</h3><ol><li>Soften the onion in oil for ten minutes.</li>
<li>Add the barley and stock; simmer for 40 minutes.</li><li>Stir in the lemon's juice.</li>
</ol></div><div class="share"><a href="#">Pin it</a> <a href="#">Share</a></div></article>
<section class="comments"><h3>3 comments</h3><p>Made this tonight, lovely!</p></section></main>
<aside class="sidebar"><h3>Popular</h3><ul><li><a href="/a">Quick bread</a></li></ul></aside>
</body></html>"""


def test_a_recipe_keeps_its_ingredients_and_steps() -> None:
    text = clean_html(RECIPE)
    assert "Ingredients\n\n1 cup pearl barley\n1 onion, diced\n1 lemon\n6 cups stock" in text
    assert "Soften the onion in oil for ten minutes.\nAdd the barley" in text
    for chrome in ("Pin it", "Made this tonight", "Quick bread", "Recipes"):
        assert chrome not in text


BLOG = """<html><head><title>Why I went back to paper notebooks</title></head><body>
<header id="masthead"><p class="site-title"><a href="/">Sam's blog</a></p></header>
<article class="post type-post"><header class="entry-header">
  <h1 class="entry-title">Why I went back to paper notebooks</h1>
  <div class="entry-meta">Posted on May 2 by Sam</div></header>
<div class="entry-content">
<p>For six years I kept every note in an app. Last spring I bought a paper notebook on a whim,
and I have not opened the app since.</p>
<h2>What I lost</h2>
<p>Search, mostly. I cannot grep a notebook. I number the pages and keep an index on the last
ones, which works better than I thought it would.</p></div></article>
<nav class="post-navigation"><a href="/prev" rel="prev">Previous post: Winter cycling</a></nav>
<div id="comments" class="comments-area"><h2>2 thoughts on this post</h2><ol>
<li class="comment"><div class="comment-content"><p>Same here. I use a dotted notebook and a
cheap fountain pen, and it made note-taking a pleasure again, I must say.</p></div></li>
</ol><div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>
</body></html>"""


def test_a_blog_post_keeps_its_text_and_headings_but_not_its_comments() -> None:
    text = clean_html(BLOG)
    assert text.startswith("For six years")
    assert "\n\nWhat I lost\n\nSearch, mostly." in text
    for chrome in ("Posted on", "Winter cycling", "dotted notebook", "Leave a Reply"):
        assert chrome not in text


def test_a_linked_heading_over_a_list_of_prose_is_kept_a_linked_label_is_not() -> None:
    """A section heading that links somewhere (a project's wiki page) heads the list of
    entries that follows it (entries too short, or too bare of punctuation, to read as prose
    alone); a linked heading followed by another heading heads no text of
    its own: a label ("Related post: <a>...</a>") goes."""
    entries = ("<ul><li>Dimi fixed <a href='/b/1'>Bug 1677710</a> so the password manager no"
               " longer reads the disk on the main thread</li><li>Saved logins sort by site"
               "</li></ul>")
    html = (f"<article><p>{PROSE}</p><p>{PROSE} Again.</p>"
            f"<h4><a href='/wiki/pm'>Password Manager</a></h4>{entries}"
            f"<h3>Related post: <a href='/2016/sprouts'>Pickled sprouts</a></h3>"
            f"<h3>What you need</h3><p>{PROSE} Once more.</p></article>")
    text = html_to_text(html)
    assert "\n\nPassword Manager\n\nDimi fixed Bug 1677710" in text
    assert "Pickled sprouts" not in text


POSTS = [
    "When I run the exporter on a file with more than 65,536 rows, it stops without an error "
    "and the output is cut at that row. I expected it to go on, or to say why it stopped.",
    "Thanks for the report. The old writer used a 16-bit row counter; the new one does not. "
    "Can you try the release candidate and tell us whether it still happens?",
    "The release candidate exports all 200,000 rows of my file. Thank you, I am closing this.",
]


def _thread(article: str) -> str:
    posts = "".join(f"<div class='timeline-comment'><div class='comment-header'><a href='/u'>"
                    f"user{n}</a> commented on May {n}</div><div class='comment-body'><p>{post}"
                    f"</p></div></div>" for n, post in enumerate(POSTS))
    return (f"<html><head><title>Export stops at 65536 rows</title></head><body>"
            f"<header><a href='/'>Tracker</a> <a href='/issues'>Issues</a></header>"
            f"<div id='issue'><h1>Export stops at 65536 rows</h1>{article}{posts}</div>"
            f"<footer><a href='/terms'>Terms</a></footer></body></html>")


def test_a_thread_of_posts_each_named_a_comment_is_the_page_text() -> None:
    """An issue tracker's or a forum's page is its posts, each in an element named a comment,
    none of them holding most of the page: with no article beside them, they are weighed
    together and kept."""
    text = clean_html(_thread(""))
    assert all(post in text for post in POSTS)
    assert "Terms" not in text


def test_comments_under_an_article_stay_out_however_many_they_are() -> None:
    """With an article beside them, comments stay out, even when together they hold more
    prose than it and no element holds them all."""
    result = explain_html(_thread(f"<div class='post'><p>{PROSE}</p><p>{PROSE} Again, and"
                                  f" with more words.</p></div>"))
    assert PROSE in result.text
    assert not any(post in result.text for post in POSTS)
    assert any(r.rule == "html.comments" and POSTS[0] in r.text for r in result.removals)


def test_a_header_over_a_list_of_links_amid_the_article_stays_out() -> None:
    """A box's header over a list of stories, set amid the article, heads no section of it."""
    stories = "".join(f"<li><a href='/s/{n}'>Another story about the valley, number {n}</a></li>"
                      for n in range(4))
    html = (f"<article><p>{PROSE} One.</p><p>{PROSE} Two.</p>"
            f"<div class='box'><div class='box-title'><h3>Read more</h3></div><ul>{stories}</ul>"
            f"</div><p>{PROSE} Three.</p><p>{PROSE} Four.</p></article>")
    text = html_to_text(html)
    assert "Read more" not in text
    assert "Another story" not in text
    assert f"{PROSE} Four." in text


def test_a_title_named_in_a_sentence_stays_in_it() -> None:
    """Inside a paragraph, an inline element named a title is the title of what the sentence
    names (a book, a product): it stays in its sentence, which stays one paragraph. Other
    names still speak there."""
    html = (f"<article><p>{PROSE}</p><p>Amazon is offering the <span id='productTitle'>"
            f"<a href='/p/1'>Eve Door Sensor for $30</a></span>. That is a quarter off, the first"
            f" drop this year.</p><p>She read <i class='book-title'>Moby-Dick</i> twice.</p>"
            f"<p>{PROSE} Again. <span class='share-links'><a href='/s'>Share</a></span></p>"
            f"</article>")
    text = html_to_text(html)
    assert ("\n\nAmazon is offering the Eve Door Sensor for $30. That is a quarter off, the first"
            " drop this year.\n\n") in text
    assert "She read Moby-Dick twice." in text
    assert "Share" not in text


def test_a_heading_whose_section_lost_all_its_text_goes_one_over_its_text_stays() -> None:
    """"Contents", "See also" and "Related stories" head lists of links the stage drops:
    alone, they would read as text, so they go too, named. A part's title right above its
    first chapter's heads that chapter's text, and stays."""
    toc = ("<div class='toc'><h2>Contents</h2><ul><li><a href='#a'>1 Origin</a></li>"
           "<li><a href='#b'>2 Rating</a></li></ul></div>")
    see_also = ("<h2>See also</h2><ul><li><a href='/w/1'>Barley water</a></li>"
                "<li><a href='/w/2'>Barley wine</a></li></ul>")
    html = (f"<article><p>{PROSE}</p>{toc}<h2>Part one</h2><h3>The valley</h3><p>{PROSE} Again."
            f"</p><h3>Related stories</h3><ul><li><a href='/s/1'>Storm closes schools</a></li>"
            f"<li><a href='/s/2'>Rates rise again</a></li></ul><h2>Part two</h2><p>{PROSE} Once"
            f" more.</p>{see_also}</article>")
    result = explain_html(html)
    assert "Part one\n\nThe valley\n\n" in result.text
    assert "Part two" in result.text
    for heading in ("Contents", "Related stories", "See also"):
        assert heading not in result.text
        assert any(r.rule == "html.empty_section" and r.text == heading
                   for r in result.removals)


def test_a_quotation_in_a_box_of_its_own_amid_the_article_is_quoted_by_it() -> None:
    """A post embedded in a box named a widget is a quotation the article makes; a box that
    quotes and also offers links ("Tweet this") is a share box; a quote in a sidebar, beside
    the article rather than amid it, is not the article's."""
    tweet = ("<div class='article-widget article-tweet'><blockquote class='twitter-tweet'><p>"
             "Club statement on the new manager</p>— The Club (@club) <a href='https://t/1'>"
             "November 20, 2019</a></blockquote><script src='https://t/widgets.js'></script>"
             "</div>")
    share = ("<div class='social-share'><blockquote>The valley floods each spring.</blockquote>"
             "<a href='/t'>Tweet this</a></div>")
    sidebar = ("<div class='sidebar-widget'><blockquote>Best read of the year! — A reader"
               "</blockquote></div>")
    html = (f"<body><article><p>{PROSE} One.</p><p>{PROSE} Two.</p>{tweet}<p>{PROSE} Three.</p>"
            f"{share}<p>{PROSE} Four.</p></article>{sidebar}</body>")
    text = html_to_text(html)
    assert "Club statement on the new manager\n\n— The Club (@club) November 20, 2019" in text
    assert "Tweet this" not in text
    assert "Best read" not in text
