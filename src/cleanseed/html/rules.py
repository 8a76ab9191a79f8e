"""The HTML stage's rules, as data: which elements are never article text, and which mark it.

Every table entry carries a stable rule id (``html.<name>``); that id is what
:class:`~cleanseed.document.Removal` reports, so a removal can be traced back to one entry here.

Class and id names are matched by *word part* (see :data:`ATTRIBUTE_RULES`), never as
substrings: ``share`` matches ``article-share`` and ``shareBar`` but not ``timeshare``.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "ATTRIBUTE_RULES",
    "BLOCK_TAGS",
    "CELL_TAGS",
    "CHROME_TAGS",
    "COMMENTS_RULE",
    "CONSENT_PREFIXES",
    "CONTENT_MARKERS",
    "DROP_ROLES",
    "DROP_TAGS",
    "FIGURE_CONTENT_TAGS",
    "FIGURE_TAGS",
    "HEADER_RULE",
    "HEADINGS",
    "HEAD_WORDS",
    "PRE_TAGS",
    "PROSE_RULES",
    "PROTECTED_TAGS",
    "QUOTE_TAGS",
    "STATE_PARTS",
    "SUBHEADINGS",
    "WRAPPER_PARTS",
]

#: Elements that never hold article text, whatever their attributes say or they hold.
DROP_TAGS: MappingProxyType[str, str] = MappingProxyType({
    # not text at all
    "head": "html.head",
    "script": "html.script",
    "style": "html.style",
    "template": "html.template",
    "svg": "html.svg",
    "canvas": "html.embed",
    "iframe": "html.iframe",
    "object": "html.embed",
    "embed": "html.embed",
    "video": "html.embed",
    "audio": "html.embed",
    "map": "html.embed",
    # things to click or fill in
    "button": "html.form",
    "input": "html.form",
    "select": "html.form",
    "textarea": "html.form",
    "dialog": "html.dialog",
    # what is said about an image (a <figure> itself may hold a table or code: see FIGURE_TAGS)
    "figcaption": "html.caption",
    "picture": "html.caption",
})

#: Page chrome by its tag. Dropped like an element a class rule flags, that is unless it holds
#: the article: a few sites wrap a whole page in a <form> (ASP.NET) or a <header>.
CHROME_TAGS: MappingProxyType[str, str] = MappingProxyType({
    "nav": "html.nav",
    "menu": "html.nav",
    "header": "html.header",  # the page's banner, or an article's title, byline and date
    "footer": "html.footer",
    "aside": "html.aside",
    "form": "html.form",
    # a script's fallback: trackers, "enable JavaScript", now and then the whole article
    "noscript": "html.noscript",
})

#: A <figure> holds an image and its caption, or an illustration made of text: a table, a code
#: listing, a quotation. Text in a figure counts as caption unless it is inside one of these.
FIGURE_TAGS = frozenset({"figure"})
FIGURE_CONTENT_TAGS = frozenset({"pre", "code", "table", "blockquote", "ol", "ul", "dl"})

#: ARIA landmark and widget roles that are page chrome.
DROP_ROLES: MappingProxyType[str, str] = MappingProxyType({
    "navigation": "html.nav",
    "menu": "html.nav",
    "menubar": "html.nav",
    "banner": "html.header",
    "contentinfo": "html.footer",
    "complementary": "html.aside",
    "search": "html.form",
    "form": "html.form",
    "button": "html.form",
    "dialog": "html.dialog",
    "alertdialog": "html.dialog",
    "tooltip": "html.dialog",
})

#: The rule of comments. A thread is the one kind of text made of many flagged elements of
#: one kind, each a post: on a page that is a thread (a forum, an issue tracker), the posts
#: are weighed together, as one element.
COMMENTS_RULE = "html.comments"

#: The rule of elements named a header or a title: the page's banner, an article's headline,
#: and also the header of one of its sections, whose subheading is the article's.
HEADER_RULE = "html.header"

#: Elements that frame the whole page or the article: a rule matched by their class or id
#: would throw the article away with the chrome (``<body class="has-sidebar">``).
PROTECTED_TAGS = frozenset({"html", "body", "main", "article"})

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: (rule id, words). Class and id values are cut into word parts (at white space, ``-``,
#: ``_``, digits and camelCase humps); a rule matches when a part, or two or three neighbouring
#: parts written together, is one of its words: ``social-share``, ``shareBar`` and
#: ``share_tools`` all hold ``share``; ``most-read`` and ``mostRead`` both give ``mostread``.
#: When several rules match, the first in this table names the removal.
ATTRIBUTE_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("html.cookie", _words("""
        cookie cookies cookiebanner cookiebar cookienotice cookieconsent cookielaw cookiepolicy
        cookiepopup cookiewall cookiemessage consent gdpr cmp ccpa privacybanner
        privacynotice privacybar privacypopup onetrust optanon otsdk cybot cookiebot didomi
        qccmp truste teconsent spmessage usercentrics ucbanner osano iubenda cmplz cky borlabs
        klaro termly axeptio evidon cmpbox cmpwrapper fcconsent ccwindow ccbanner""")),
    ("html.comments", _words("""
        comment comments commentlist commentform commentsection commentarea commentcount
        commentthread commentwrapper commentrespond disqus discussion respond replies
        readercomments coral talkstream livefyre vfcomments""")),
    ("html.share", _words("""
        share shares sharing sharebar sharebuttons sharebutton sharetools sharetool sharelinks
        shareicons sharebox sharethis social socialshare sociallinks socialmedia socialicons
        socialbuttons socialbar socialtools sociable addthis shariff addtoany sharedaddy
        printbutton followus emailshare""")),
    ("html.related", _words("""
        related relatedposts relatedarticles relatedstories relatedcontent relatedlinks
        mostread mostpopular mostviewed mostshared popular trending recommended
        recommendation recommendations readmore readnext morestories morearticles morefrom
        morenews moreon alsoread upnext nextarticle nextpost nextstory youmaylike outbrain
        taboola tbl zergnet recirc recirculation jprelatedposts yarpp crp headlines teaser
        teasers furtherreading""")),
    ("html.caption", _words("""
        caption captions wpcaption figcaption credit credits photocredit imagecredit imgcredit
        mediacredit captiontext gallery slideshow carousel lightbox imagemeta photometa""")),
    ("html.ad", _words("""
        ad ads advert adverts advertisement advertising adslot adunit adcontainer adwrapper
        adzone adbox adblock adlabel dfp gptad googlead adsense sponsor sponsored promo
        promotion nativead paidcontent partnercontent affiliate""")),
    ("html.newsletter", _words("""
        newsletter subscribe subscription signup paywall regwall membership donate
        inlinesignup emailsignup registration""")),
    ("html.nav", _words("""
        nav navbar navigation menu breadcrumb breadcrumbs pagination pager skiplink skipto
        topbar masthead toolbar tabs siteheader sitenav globalnav jumplink""")),
    ("html.header", _words("""
        header pageheader articleheader entryheader postheader headline title entrytitle
        posttitle articletitle headinggroup kicker eyebrow""")),
    ("html.footer", _words("""
        footer sitefooter pagefooter articlefooter entryfooter postfooter colophon copyright
        legal disclaimer""")),
    ("html.aside", _words("""
        sidebar aside rail rightrail leftrail widget widgets sidecar""")),
    ("html.byline", _words("""
        byline bylines author authors authorinfo authorbio authorbox authorname authormeta
        dateline timestamp date dates pubdate published updated postmeta entrymeta
        articlemeta meta metadata tags taglist posttags categories category topics keywords
        readingtime readtime""")),
    ("html.hidden", _words("""
        hidden ishidden sronly visuallyhidden screenreadertext screenreader offscreen
        invisible""")),
)

#: Rules whose elements hold prose by their nature (comments, captions, consent notices): how
#: much prose such an element holds says little against its name, so it is taken for the
#: article only where the rest of the page has no article of its own (see
#: :mod:`cleanseed.html.extract`). Teasers of other stories are no prose (a linked headline
#: and a line), so an element named "related" that holds most of a page's prose is believed.
PROSE_RULES = frozenset({"html.comments", "html.caption", "html.cookie"})

#: Words that name an element only as the *last* word part of a class token, where a class
#: name says what the element is: ``article-source`` or ``photoSource`` credit where the text or
#: the image came from, while ``source-code`` (a listing) does not.
HEAD_WORDS: MappingProxyType[str, str] = MappingProxyType({"source": "html.caption"})

#: Consent platforms whose ids and classes share a prefix (``onetrust-pc-sdk``,
#: ``CybotCookiebotDialog``, ``qc-cmp2-ui``): a word part starting with one is a consent part.
CONSENT_PREFIXES: tuple[str, ...] = (
    "cookie", "consent", "gdpr", "onetrust", "optanon", "cybot", "didomi", "usercentrics",
    "iubenda", "cmplz", "borlabs", "truste", "qccmp", "spmessage", "osano", "termly",
    "axeptio", "evidon", "cmpbox",
)

#: Word parts (as above) that name the article's body when a class token ends with them (see
#: :data:`WRAPPER_PARTS`): an element they mark is never dropped by an :data:`ATTRIBUTE_RULES`
#: entry (``<div class="article-body has-comments">``), and is preferred as the main content.
CONTENT_MARKERS: frozenset[str] = _words("""
    articlebody articlecontent articletext articlemain storybody storycontent storytext
    entrycontent entrybody postcontent postbody posttext postentry bodytext contentbody
    textbody maintext articlecopy richtext pagecontent newscontent newsbody blogpost
    singlepost fieldbody paywallcontent hentry hnews typepost""")

#: Word parts that make a class token state a condition of the page rather than name a part
#: of it: ``has-sidebar``, ``with-share-icons``, ``no-ads``, ``content-and-menu``.
STATE_PARTS: frozenset[str] = _words("has with without no and not")

#: Word parts that name a wrapper: they may end a class name that marks the article's body
#: (``article-body-wrapper``, ``entry-content-inner``).
WRAPPER_PARTS: frozenset[str] = _words("wrap wrapper container inner outer holder area region")

#: Elements that start a new block of text (a paragraph boundary) where they open and close.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
})

#: Preformatted text: its white space is kept as written, and a link in it (a linked name in a
#: listing) is no link text.
PRE_TAGS = frozenset({"pre", "listing", "plaintext", "xmp"})

#: Table cells: each is a block; the cells of a row share its line, separated by a tab.
CELL_TAGS = frozenset({"td", "th"})

#: Headings: a link inside one is no menu item, and one is never a caption.
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Quotations: a box named chrome that holds nothing but one (an embedded post in a "widget")
#: quotes someone for the article.
QUOTE_TAGS = frozenset({"blockquote"})
#: Headings below the page's own: the article's sections, never its title.
SUBHEADINGS = HEADINGS - {"h1"}
