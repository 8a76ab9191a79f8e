"""strip_boilerplate: what goes, what must stay, the seeds, the configuration and the invariants."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
import re2
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import documents, texts

from cleanseed._text import tidy
from cleanseed.boilerplate.rules import DEFAULT_RULES, Rule
from cleanseed.boilerplate.rules.cookies import NEAR_LINES
from cleanseed.boilerplate.strip import (
    DEFAULT,
    BoilerplateConfig,
    RuleSet,
    strip_boilerplate,
    strip_boilerplate_and_explain,
)
from cleanseed.errors import ConfigError, InputTypeError
from cleanseed.pipeline import compose, explainer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BEFORE, AFTER = "The first paragraph stays.", "The last paragraph stays too."


def _between(line: str) -> str:
    return f"{BEFORE}\n{line}\n{AFTER}"


# (id, line, rule class): each line must go, removed by a rule of that class.
REMOVED = [
    ("cookie-en-banner", "We use cookies to improve your experience. By continuing you agree to "
     "our use of cookies.", "cookie"),
    ("cookie-en-site-uses", "This website uses cookies to ensure you get the best experience on "
     "our website.", "cookie"),
    ("cookie-en-partners", "We and our partners use cookies and similar technologies to "
     "personalise content and ads.", "cookie"),
    ("cookie-en-seed", "By continuing to browse our site you agree to our use of cookies, revised "
     "Privacy Policy and Terms of Use.", "cookie"),
    ("cookie-de-banner", "Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, "
     "stimmen Sie der Verwendung von Cookies zu.", "cookie"),
    ("cookie-de-wir", "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
     "cookie"),
    ("cookie-fr-banner", "Ce site utilise des cookies. En poursuivant votre navigation, vous "
     "acceptez leur utilisation.", "cookie"),
    ("cookie-es-banner", "Utilizamos cookies propias y de terceros para mejorar nuestros "
     "servicios. Si continúa navegando, consideramos que acepta su uso.", "cookie"),
    ("cookie-it-banner", "Questo sito utilizza cookie per migliorare la tua esperienza. "
     "Proseguendo la navigazione accetti l'uso dei cookie.", "cookie"),
    ("cookie-pt-banner", "Utilizamos cookies para melhorar a sua experiência no nosso site.",
     "cookie"),
    ("cookie-nl-banner", "Wij gebruiken cookies om onze website te verbeteren. Door verder te gaan "
     "ga je akkoord met ons gebruik van cookies.", "cookie"),
    ("cookie-sv-banner", "Vi använder kakor för att ge dig en bättre upplevelse av webbplatsen.",
     "cookie"),
    ("cookie-pl-banner", "Używamy plików cookie, aby zapewnić najlepszą obsługę naszej strony.",
     "cookie"),
    ("cookie-ru-banner", "Мы используем файлы cookie. Продолжая использовать сайт, вы соглашаетесь "
     "с этим.", "cookie"),
    ("cookie-zh-banner", "本网站使用cookie。继续浏览即表示您同意我们使用cookie。", "cookie"),
    ("cookie-zh-we", "我们使用Cookie来改善您的浏览体验。", "cookie"),
    ("cookie-ja-banner", "当サイトではクッキーを使用します。サイトの閲覧を続けることで、"
     "クッキーの使用に同意したものとみなされます。", "cookie"),
    ("cookie-ko-banner", "이 사이트는 쿠키를 사용합니다. 계속 이용하시면 쿠키 사용에 "
     "동의하는 것으로 간주됩니다.", "cookie"),
    ("buttons-en-bar", "Accept all | Reject | Settings", "cookie"),
    ("buttons-en-spaces", "Accept all cookies  Reject all  Cookie settings", "cookie"),
    ("buttons-en-manage", "Manage preferences", "cookie"),
    ("buttons-de", "Alle akzeptieren · Einstellungen", "cookie"),
    ("buttons-fr", "Tout accepter Tout refuser Paramétrer", "cookie"),
    ("buttons-es", "Aceptar todas las cookies", "cookie"),
    ("buttons-zh", "接受全部 拒绝", "cookie"),
    ("buttons-zh-alone", "接受", "cookie"),
    ("buttons-ja", "同意する", "cookie"),
    ("caption-cfp", "The Li Auto i6 mid-to-large-sized five-seater pure electric SUV parked in "
     "Shanghai. /CFP", "caption"),
    ("caption-xinhua", "Visitors look at a robot at the expo in Beijing, March 3, 2026. /Xinhua",
     "caption"),
    ("caption-afp", "A view of the port. /AFP", "caption"),
    ("caption-vcg", "Workers assemble cars in Hefei. /VCG", "caption"),
    ("caption-photo-label", "Photo: Reuters", "caption"),
    ("caption-getty", "(Photo by Jane Doe/Getty Images)", "caption"),
    ("caption-photo-by-end", "A man walks past the logo of Volkswagen in Berlin. (Photo by Jane "
     "Doe/Getty Images)", "caption"),
    ("caption-file-photo", "FILE PHOTO: A man walks past a logo of Volkswagen in Berlin, Germany, "
     "March 1, 2026. REUTERS/Jane Doe/File Photo", "caption"),
    ("caption-reuters-credit", "A man walks past a logo. REUTERS/Jane Doe", "caption"),
    ("caption-bbc-caption", "Image caption, The president arrives in Berlin", "caption"),
    ("caption-bbc-source", "Image source, Getty Images", "caption"),
    ("caption-credit", "Credit: NASA/JPL", "caption"),
    ("caption-de-foto", "Foto: dpa", "caption"),
    ("caption-de-bild", "Bild: Keystone", "caption"),
    ("caption-fr-photo", "Photo : AFP", "caption"),
    ("caption-zh-source", "图片来源：视觉中国", "caption"),
    ("caption-zh-photographer", "工人们在生产线上工作。（新华社记者 张三 摄）", "caption"),
    ("caption-china-daily", "Cars wait at the port of Shanghai. [Photo/Xinhua]", "caption"),
    ("caption-ko", "사진=연합뉴스", "caption"),
    ("caption-credit-alone", "AFP via Getty Images", "caption"),
    ("chrome-share-article", "Share this article", "chrome"),
    ("chrome-share-facebook", "Share on Facebook", "chrome"),
    ("chrome-tweet", "Tweet", "chrome"),
    ("chrome-print", "Print", "chrome"),
    ("chrome-email", "Email", "chrome"),
    ("chrome-share-row", "Facebook Twitter LinkedIn", "chrome"),
    ("chrome-ad", "Advertisement", "chrome"),
    ("chrome-ad-de", "Anzeige", "chrome"),
    ("chrome-ad-fr", "Publicité", "chrome"),
    ("chrome-ad-zh", "广告", "chrome"),
    ("chrome-ad-scroll", "Advertisement - Scroll to continue", "chrome"),
    ("chrome-ad-continues", "Story continues below advertisement", "chrome"),
    ("chrome-newsletter", "Sign up for our newsletter", "chrome"),
    ("chrome-subscribe", "Subscribe to our daily briefing", "chrome"),
    ("chrome-app", "Download our app", "chrome"),
    ("chrome-skip", "Skip to main content", "chrome"),
    ("chrome-top", "Back to top", "chrome"),
    ("chrome-read-more", "Read more: Markets rally as rates fall", "chrome"),
    ("chrome-related", "Related: Chinese EV makers expand in Europe", "chrome"),
    ("chrome-also-read", "Also read: The future of batteries", "chrome"),
    ("chrome-de-lesen", "Lesen Sie auch: Die Zukunft der Autos", "chrome"),
    ("chrome-fr-lire", "À lire aussi : La voiture électrique", "chrome"),
    ("chrome-copyright", "© 2026 Example Media. All rights reserved.", "chrome"),
    ("chrome-rights", "Example Media Ltd. All rights reserved.", "chrome"),
    ("chrome-javascript", "Please enable JavaScript to view the comments powered by Disqus.",
     "chrome"),
    ("chrome-loading", "Loading...", "chrome"),
    ("chrome-comments", "Comments (12)", "chrome"),
    ("chrome-follow", "Follow us on Twitter", "chrome"),
    ("chrome-follow-de", "Folgen Sie uns auf Facebook", "chrome"),
    ("chrome-breadcrumb", "Home > News > World", "chrome"),
    ("chrome-footer", "About Us | Contact | Privacy Policy | Terms of Use", "chrome"),
    ("chrome-zh-rights", "版权所有 © 新华网", "chrome"),
    ("metadata-iso", "2026-03-04", "metadata"),
    ("metadata-us-date", "March 4, 2026", "metadata"),
    ("metadata-published", "Published March 4, 2026", "metadata"),
    ("metadata-relative", "Updated 2 hours ago", "metadata"),
    ("metadata-modified", "Last modified: 2026-03-04 10:30", "metadata"),
    ("metadata-guardian", "Published: Wed 4 Mar 2026 10.30 GMT", "metadata"),
    ("metadata-de", "Veröffentlicht am 4. März 2026", "metadata"),
    ("metadata-fr", "Publié le 4 mars 2026 à 10h30", "metadata"),
    ("metadata-es", "4 de marzo de 2026", "metadata"),
    ("metadata-zh-date", "2026年3月4日", "metadata"),
    ("metadata-zh-stamp", "发布时间：2026-03-04 10:30", "metadata"),
    ("metadata-read", "5 min read", "metadata"),
    ("metadata-read-de", "Lesezeit: 3 Minuten", "metadata"),
    ("metadata-read-and-date", "March 4, 2026 · 5 min read", "metadata"),
    ("metadata-byline-date", "By Jane Doe | March 4, 2026", "metadata"),
    ("metadata-byline", "By Jane Doe", "metadata"),
    ("metadata-byline-two", "By Jane Doe and John Roe, Reuters", "metadata"),
    ("metadata-byline-de", "Von Max Mustermann", "metadata"),
    ("metadata-byline-fr", "Par Jean Dupont", "metadata"),
    ("metadata-zh-byline", "作者：张三 编辑：李四", "metadata"),
    ("metadata-ago", "16 hours ago", "metadata"),
    ("metadata-month-day", "Nov 18", "metadata"),
    ("metadata-by-alone", "By", "metadata"),
    ("list-share", "• Facebook", "chrome"),
    ("list-footer", "• Privacy Policy", "chrome"),
    ("list-subscribe", "- Subscribe", "chrome"),
    ("wordpress-share", "Share this:", "chrome"),
    ("wordpress-reply", "Leave a Reply Cancel reply", "chrome"),
    ("most-popular", "Most Popular", "chrome"),
    ("controls", "‹ › ×", "chrome"),
    ("caption-viewer", "Caption", "caption"),
    ("tcf-en-geolocation", "With your permission, we and our partners may use precise "
     "geolocation data and identification through device scanning.", "cookie"),
    ("tcf-fr", "Nous et nos partenaires stockons et/ou accédons à des informations sur un "
     "appareil, telles que des cookies.", "cookie"),
    ("tcf-it-purpose", "Archiviare e/o accedere a informazioni su un dispositivo", "cookie"),
    ("cookie-en-quoted-button", "By clicking “Accept All Cookies”, you agree to the storing of "
     "cookies on your device to enhance site navigation.", "cookie"),
    ("cookie-fr-quoted-buttons", "En cliquant sur « Accepter », vous acceptez nos cookies. "
     "Cliquez sur « Refuser » pour les refuser.", "cookie"),
    ("cookie-en-straight-quotes", 'Click "Accept" to agree to our use of cookies on this site, '
     'or "Reject" to decline.', "cookie"),
    ("cookie-en-these-cookies", "Some of these cookies are essential, while others help us "
     "understand how visitors use the site.", "cookie"),
    ("title-en", "Your privacy matters", "cookie"),
    ("title-de", "Datenschutz-Präferenzen", "cookie"),
    ("title-fr", "Paramètres des cookies", "cookie"),
    ("title-es", "Este sitio web utiliza cookies", "cookie"),
    ("title-ja", "Cookieに関するお知らせ", "cookie"),
    ("title-cookie-emoji", "🍪 We use cookies", "cookie"),
    ("buttons-en-ok-got-it", "OK, got it", "cookie"),
    ("buttons-fr-j-accepte", "J'accepte", "cookie"),
    ("buttons-de-auswahl", "Alle Cookies zulassen  Auswahl erlauben", "cookie"),
    ("buttons-ja-row", "すべて受け入れる 拒否 設定", "cookie"),
    ("caption-tail-de", "Ein Zug fährt in den Bahnhof ein. Foto: picture alliance/dpa",
     "caption"),
    ("caption-tail-es-copyright", "Vista del puerto de Valencia. © EFE", "caption"),
    ("caption-tail-en-name", "Workers at the plant in Leeds. Photograph: Anna Berg/AP",
     "caption"),
    ("caption-paren-fr", "La place du marché à Lyon. (Photo Paul Martin/AFP)", "caption"),
    ("caption-zh-agency-sends", "市民在公园内赏花。（新华社发 李明摄）", "caption"),
    ("caption-zh-slash-after-stop", "北京街头的共享单车。/视觉中国", "caption"),
    ("caption-zh-picture-slash", "运动员在比赛中。（图/视觉中国）", "caption"),
    ("caption-ja-mainichi", "記者会見する首相＝首相官邸で2026年3月4日、山田太郎撮影", "caption"),
    ("chrome-nav-zh", "跳到主要内容", "chrome"),
    ("chrome-nav-es", "Saltar a la navegación", "chrome"),
    ("chrome-top-arrow-de", "↑ Nach oben", "chrome"),
    ("chrome-newsletter-fr", "Ne manquez rien : abonnez-vous gratuitement à notre newsletter.",
     "chrome"),
    ("chrome-newsletter-de", "Melden Sie sich jetzt für unseren Newsletter an", "chrome"),
    ("chrome-app-es", "Descarga la app de noticias", "chrome"),
    ("chrome-app-fr", "Téléchargez l'application", "chrome"),
    ("chrome-related-it", "Articoli correlati", "chrome"),
    ("chrome-related-pt", "Notícias relacionadas", "chrome"),
    ("chrome-ad-zh-promo", "推广", "chrome"),
    ("chrome-end-zh", "【完】", "chrome"),
    ("chrome-buttons-zh", "[ 打印 ] [ 关闭窗口 ]", "chrome"),
    ("chrome-javascript-zh", "您的浏览器已禁用JavaScript，请启用后再试。", "chrome"),
    ("chrome-comments-fr", "Réagir", "chrome"),
    ("metadata-fr-le", "Le 12 janvier 2026", "metadata"),
    ("metadata-es-reading", "Lectura: 5 min", "metadata"),
    ("metadata-es-minutos", "6 minutos de lectura", "metadata"),
    ("metadata-time-first", "Updated 09:15 GMT, 4 March 2026", "metadata"),
    ("metadata-zh-source-date", "来源：人民网 2026-03-04", "metadata"),
]

# Lines that must stay: prose that mentions the same words, quotes, headings, list items.
KEPT = [
    ("bakery-cookies", "The bakery's cookies sold out before noon."),
    ("regulators-banner", "Regulators said the site's cookie banner misled users who clicked "
     "'Accept all'."),
    ("quoted-banner", '"We use cookies," the company said.'),
    ("quoted-long-banner", '"We use cookies to improve your experience on our site," the company '
     "said in a statement."),
    ("quoted-banner-zh", "该公司发言人表示：“我们使用cookie来改善您的浏览体验。”"),
    ("quoted-banner-de", "„Wir verwenden Cookies auf unserer Website“, sagte ein Sprecher."),
    ("bakery-we-use", "We use cookies from a local bakery in our sundaes."),
    ("our-cookies", "Our cookies are baked fresh every morning."),
    ("german-cookies", "Die Kekse waren schnell ausverkauft."),
    ("french-cookie", "Le cookie est un biscuit sec."),
    ("shares", "Shares of Apple rose 3%."),
    ("share-prices", "Share prices fell sharply on Monday."),
    ("subscribers", "She told subscribers the photo was taken in 1998."),
    ("subscribers-rose", "Subscribers rose 4% in the quarter."),
    ("read-more-books", "Read more books, the teacher said."),
    ("date-prose", "March 4, 2026 was the day everything changed."),
    ("date-prose-zh", "2026年3月4日，中国发布了新政策。"),
    ("by-the-end", "By the end of 2025, sales had doubled."),
    ("by-monday", "By Monday, prices fell."),
    ("print-media", "Print media is in decline."),
    ("photo-prose", "The photo shows a man in Berlin."),
    ("photography", "Photography is her passion."),
    ("copyright-law", "Copyright law was changed in 2019."),
    ("javascript-prose", "JavaScript is required for most modern web apps, the survey found."),
    ("privacy-policy-prose", "She said the privacy policy was rewritten after subscribers "
     "complained."),
    ("newsletter-prose", "The newsletter reached 10,000 readers within a year."),
    ("advertising-prose", "Advertising revenue fell 5% last year."),
    ("comments-prose", "Comments were closed after the article was published."),
    ("loading-prose", "Loading the truck took three hours."),
    ("home-prose", "Home is where the heart is."),
    ("follow-prose", "Follow the money, the detective said."),
    ("email-prose", "Email remains the most common attack vector."),
    ("reuters-prose", "Reuters reported that the deal was done."),
    ("consent-prose", "The consent form was signed by both parties."),
    ("you-agree-prose", "You agree that this is the best pizza in town?"),
    ("short-answer", "Yes."),
    ("short-quote", "“No comment.”"),
    ("weak-label-alone", "Settings"),
    ("heading", "Openness forges strength toward global win-win cooperation"),
    ("heading-quotes", "From 'master-apprentice' to 'partners'"),
    ("list-item", "1. Preheat the oven."),
    ("list-section-name", "• Politics"),
    ("scene-break", "* * *"),
    ("bullet", "- Item one"),
    ("year-prose", "In March 2024, the moment Xiaomi's EV factory was unveiled, it captured "
     "global attention."),
    ("quoted-banner-de-guillemets", "Auf der Startseite stand nur der Hinweis „Diese Website "
     "verwendet Cookies“ – ohne Knopf zum Ablehnen."),
    ("quoted-banner-fr", "Le bandeau affichait « Nous utilisons des cookies » sans bouton pour "
     "refuser."),
    ("quoted-banner-es", "El aviso solo decía «Este sitio web utiliza cookies» y no ofrecía "
     "ninguna alternativa."),
    ("quoted-banner-zh-no-verb", "页面顶部只显示“我们使用Cookie来改善您的体验”，没有任何选项。"),
    ("quoted-banner-ja", "画面には「当サイトはクッキーを使用しています」とだけ表示された。"),
    ("quoted-banner-en-no-verb", "A pop-up reading “We use cookies to improve your experience” "
     "covered half the page."),
    ("quoted-tcf-en", "The dialog began with “We and our partners store and/or access "
     "information on a device” and listed 800 vendors."),
    ("quoted-banner-de-chevrons", "Dort hieß es nur »Diese Website verwendet Cookies« und "
     "sonst nichts."),
    ("subscribe-prose-zh", "订阅邮件的用户数量在一年内增长了两成。"),
    ("zh-prose-not-japanese", "监管机构称，该网站未经用户同意使用Cookie追踪浏览记录。"),
    ("partners-prose", "We and our partners will build three new plants in Ohio next year."),
    ("partners-device-prose", "We and our partners use recycled steel in every device we ship."),
    ("lone-accept", "Accept"),
    ("photo-label-prose", "He shared the picture online. Photo: the one thing he kept from the "
     "war."),
    ("le-date-prose", "Le 6 mai 2025, le gouvernement a présenté son budget."),
    ("date-sentence-fr", "Le 6 mai 2025 Emmanuel Macron a présenté son plan."),
    ("subscribe-prose", "Readers who subscribe to the newsletter get a discount, the company "
     "said."),
    ("app-prose", "The app was downloaded ten million times in its first week."),
    ("zh-photography-prose", "他喜欢在周末去郊外拍照（尤其是风光摄影）。"),
    ("privacy-heading-prose", "Privacy is a human right, the court ruled."),
]

#: KEPT lines that are also button labels: beside a removed cookie line they go, as buttons.
LONE_LABELS = {"Settings", "Accept"}


@pytest.mark.parametrize(("line", "rule_class"), [(line, c) for _, line, c in REMOVED],
                         ids=[i for i, _, _ in REMOVED])
def test_boilerplate_line_is_removed(line: str, rule_class: str) -> None:
    """The line goes, the paragraphs around it stay, and the removal names a rule of its class."""
    out, removals = strip_boilerplate_and_explain(_between(line))
    assert out == f"{BEFORE}\n{AFTER}"
    assert len(removals) == 1
    assert removals[0].rule.startswith(rule_class + ".")
    assert removals[0].text.rstrip("\n") == line


@pytest.mark.parametrize("line", [line for _, line in KEPT], ids=[i for i, _ in KEPT])
def test_content_is_kept(line: str) -> None:
    """Prose that mentions cookies, photos, shares or dates is content, not boilerplate."""
    assert strip_boilerplate(_between(line)) == _between(line)
    assert strip_boilerplate(line) == line


@pytest.mark.parametrize(
    ("line", "expected", "rule"),
    [
        (" date 2026-03-04 The power of win-win cooperation", "The power of win-win cooperation",
         "metadata.dated_title"),
        ("Published: March 4, 2026 | The power of cooperation", "The power of cooperation",
         "metadata.dated_title"),
        ("2026-03-04 The power of cooperation", "The power of cooperation", "metadata.date_title"),
        ("04.03.2026 Die Macht der Zusammenarbeit", "Die Macht der Zusammenarbeit",
         "metadata.date_title"),
        ("March 4, 2026 | The power of cooperation", "The power of cooperation",
         "metadata.date_title"),
        ("5 min read · The power of cooperation", "The power of cooperation",
         "metadata.reading_title"),
        ("The power of cooperation | March 4, 2026", "The power of cooperation",
         "metadata.date_suffix"),
        ("The power of cooperation - 5 min read", "The power of cooperation",
         "metadata.reading_suffix"),
    ],
    ids=["label-iso", "label-colon-bar", "bare-iso", "bare-dotted", "month-name-bar", "reading",
         "date-suffix", "reading-suffix"],
)
def test_glued_metadata_is_cut_and_title_kept(line: str, expected: str, rule: str) -> None:
    """Metadata glued to a title is cut; the title stays, and the cut names its rule."""
    out, removals = strip_boilerplate_and_explain(_between(line))
    assert out == _between(expected)
    assert [r.rule for r in removals] == [rule]


def test_several_glued_stamps_are_all_cut() -> None:
    """Stamps on both sides of a title are cut one after the other."""
    line = "Published March 4, 2026 | 5 min read | The power of cooperation | Updated 2 hours ago"
    out, removals = strip_boilerplate_and_explain(line)
    assert out == "The power of cooperation"
    assert [r.rule for r in removals] == [
        "metadata.dated_title", "metadata.reading_title", "metadata.date_suffix"]


def test_many_glued_stamps_are_cut_in_linear_time() -> None:
    """Thousands of stamps glued before a title are all cut (each cut looks at a bounded window,
    so this finishes quickly; the test asserts the result, not the time)."""
    line = "Published 2026-03-04 | " * 3000 + "The power of cooperation"
    out, removals = strip_boilerplate_and_explain(line)
    assert out == "The power of cooperation"
    assert len(removals) == 3000


def test_line_left_with_only_boilerplate_after_a_cut_goes_whole() -> None:
    """If what remains after the cut is itself boilerplate, the whole line goes."""
    out, removals = strip_boilerplate_and_explain(_between("date 2026-03-04 Advertisement"))
    assert out == f"{BEFORE}\n{AFTER}"
    assert [r.rule for r in removals] == ["chrome.ad"]


def test_seed_000_loses_banner_and_captions_only() -> None:
    """Seed 000: the cookie banner and every '/CFP' caption go, and nothing else."""
    text = (SEEDS / "000_f40d5da0bd9190a7.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    out, removals = strip_boilerplate_and_explain(text)
    expected = [ln for ln in lines[1:] if not ln.endswith("/CFP") and ln.strip()]
    assert out.split("\n") == expected
    assert [r.rule for r in removals] == ["cookie.en.consent"] + ["caption.agency_slash"] * 3
    assert removals[0].text.startswith("By continuing to browse our site")


def test_seed_001_loses_only_the_date_prefix() -> None:
    """Seed 001: only the ' date 2026-03-04 ' glued before the title goes."""
    text = (SEEDS / "001_0ccc9cf2ea06e653.txt").read_text(encoding="utf-8")
    out, removals = strip_boilerplate_and_explain(text)
    assert [(r.rule, r.text, r.start) for r in removals] == [
        ("metadata.dated_title", " date 2026-03-04 ", 0)]
    assert out.startswith("The power of win-win cooperation: What does the wave of China’s NEVs "
                          "bring to the world?\n")
    assert out == text[len(" date 2026-03-04 "):].rstrip("\n")


BANNER = "We use cookies to improve your experience on our site."


@pytest.mark.parametrize(
    ("lines", "gone"),
    [
        ([BANNER, "Accept", "Reject"], [0, 1, 2]),
        (["Accept", "Settings", BANNER], [0, 1, 2]),
        ([BANNER, "A paragraph between.", "Accept"], [0, 2]),
        ([BANNER, "One paragraph.", "Two paragraphs.", "Accept"], [0]),
        ([BANNER, "Accept", "One paragraph.", "Two paragraphs.", "Reject"], [0, 1]),
        (["Advertisement", "Accept"], [0]),
        (["Accept", "Photo: Reuters", "Reject"], [1]),
    ],
    ids=["after", "before", "one-between", "too-far", "chain-breaks", "not-by-chrome",
         "not-by-caption"],
)
def test_lone_button_needs_a_cookie_line_close_by(lines: list[str], gone: list[int]) -> None:
    """A lone label goes only within two non-blank lines of a line that went for a cookie
    rule, directly or through other labels; chrome and captions are no such neighbour."""
    for separator in ("\n", "\n\n"):
        out = strip_boilerplate(separator.join(lines))
        assert out == separator.join(line for i, line in enumerate(lines) if i not in gone)


@given(st.lists(st.sampled_from([BANNER, "Accept", "Reject", "OK", "Settings", "A paragraph.",
                                 "Advertisement", "We value your privacy", ""]), max_size=14),
       st.sampled_from(["\n", "\n\n"]))
def test_lone_buttons_are_idempotent(lines: list[str], separator: str) -> None:
    """Removing labels beside banners is idempotent and explained like the plain call: what the
    first pass leaves has no cookie line left for a label to stand beside."""
    text = separator.join(lines)
    out = strip_boilerplate(text)
    assert strip_boilerplate(out) == out
    assert strip_boilerplate_and_explain(text).text == out
    assert "A paragraph." not in text or "A paragraph." in out


def test_lone_button_is_reported_under_its_own_rule() -> None:
    """The label beside the banner is named by its own rule, not by the banner's."""
    removals = strip_boilerplate_and_explain(f"{BANNER}\nAceptar\n{AFTER}").removals
    assert [r.rule for r in removals] == ["cookie.en.consent", "cookie.es.lone_button"]


def test_blank_line_separators_survive() -> None:
    """Paragraphs separated by blank lines keep their blank lines around a removed one."""
    text = f"{BEFORE}\n\nAdvertisement\n\n{AFTER}"
    assert strip_boilerplate(text) == f"{BEFORE}\n\n{AFTER}"


def test_classes_switch_rule_classes_off() -> None:
    """Only the configured classes run."""
    text = _between("Advertisement") + "\nPhoto: Reuters"
    config = BoilerplateConfig(classes={"caption"})
    assert strip_boilerplate(text, config) == _between("Advertisement")


def test_disabled_rules_are_skipped() -> None:
    """A disabled rule no longer fires; the others still do."""
    config = BoilerplateConfig(disabled_rules={"metadata.byline"})
    text = _between("By Jane Doe") + "\nAdvertisement"
    assert strip_boilerplate(text, config) == _between("By Jane Doe")


def test_max_banner_chars_bounds_banners() -> None:
    """A banner longer than max_banner_chars is treated as prose."""
    banner = "We use cookies to improve your experience on our site."
    assert strip_boilerplate(banner) == ""
    assert strip_boilerplate(banner, BoilerplateConfig(max_banner_chars=20)) == banner


def test_extra_rules_run_after_the_built_in_ones() -> None:
    """A user's rule is applied and reported under its own id."""
    rule = Rule(id="chrome.mysite.promo", lang="en", pattern=r"Try Example Pro free.*",
                max_chars=80)
    config = BoilerplateConfig(extra_rules=(rule,))
    out, removals = strip_boilerplate_and_explain(_between("Try Example Pro free for 30 days!"),
                                                  config)
    assert out == f"{BEFORE}\n{AFTER}"
    assert [r.rule for r in removals] == ["chrome.mysite.promo"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"classes": {"cookie", "banner"}},
        {"classes": "cookie"},
        {"max_banner_chars": 0},
        {"max_banner_chars": True},
        {"disabled_rules": {"chrome.nope"}},
        {"extra_rules": ("not a rule",)},
        {"extra_rules": (DEFAULT_RULES[0],)},
        {"extra_rules": (Rule(id="chrome.bad", lang="en", pattern="(?P<x"),)},
    ],
    ids=["unknown-class", "class-as-str", "zero-max", "bool-max", "unknown-disabled",
         "extra-not-rule", "extra-duplicate-id", "extra-bad-pattern"],
)
def test_bad_config_is_refused(kwargs: dict[str, object]) -> None:
    """A bad option raises ConfigError (a ValueError) when the configuration is made."""
    with pytest.raises(ConfigError):
        BoilerplateConfig(**kwargs)  # type: ignore[arg-type]


def test_config_is_frozen_replaceable_and_picklable() -> None:
    """The configuration is immutable, changes with replace(), and survives pickling."""
    config = BoilerplateConfig(classes={"chrome"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.max_banner_chars = 5  # type: ignore[misc]
    wider = dataclasses.replace(config, classes={"chrome", "caption"})
    assert strip_boilerplate("Photo: Reuters", wider) == ""
    again = pickle.loads(pickle.dumps(wider))
    assert again == wider
    assert strip_boilerplate("Photo: Reuters\nAdvertisement", again) == ""
    assert isinstance(pickle.loads(pickle.dumps(again.ruleset)), RuleSet)


@pytest.mark.parametrize("value", [b"Advertisement", None, 3, ["Advertisement"]],
                         ids=["bytes", "none", "int", "list"])
def test_non_str_input_raises_input_type_error(value: object) -> None:
    """Anything but a str is refused with InputTypeError, in both variants."""
    with pytest.raises(InputTypeError):
        strip_boilerplate(value)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        strip_boilerplate_and_explain(value)  # type: ignore[arg-type]


def test_lone_surrogates_are_carried_through() -> None:
    """RE2 cannot read lone surrogates; the step still works and keeps them."""
    text = "Advertisement\nKeep \ud800 this line.\nPhoto: Reuters \udfff"
    assert strip_boilerplate(text) == "Keep \ud800 this line."


def test_pipeline_finds_the_explaining_twin() -> None:
    """compose() uses strip_boilerplate_and_explain to explain the step."""
    assert explainer(strip_boilerplate) is strip_boilerplate_and_explain
    removals = compose(strip_boilerplate).explain(_between("Advertisement")).removals
    assert [(r.stage, r.rule) for r in removals] == [("boilerplate", "chrome.ad")]


def _never_invents(before: str, after: str) -> bool:
    """Every output line is (a piece of) an input line, in the input's order."""
    source = iter(line for line in before.split("\n") if line.strip())
    return all(any(line in candidate for candidate in source)
               for line in after.split("\n") if line.strip())


@given(texts)
def test_properties(text: str) -> None:
    """Never raises; idempotent; never invents text; explained text == plain text; every
    removal is found in the input at its offset."""
    out = strip_boilerplate(text)
    assert strip_boilerplate(out) == out
    assert _never_invents(text, out)
    explained = strip_boilerplate_and_explain(text)
    assert explained.text == out
    for removal in explained.removals:
        assert removal.stage == "boilerplate"
        assert text[removal.start:removal.start + len(removal.text)] == removal.text


def _beside_cookies(lines: list[str]) -> set[int]:
    """The indices of the button labels in *lines* that a chain of lines, each at most
    NEAR_LINES from the last, ties to a cookie line: those go with the banner."""
    cookie = {line for _, line, c in REMOVED if c == "cookie"}
    gone = {i for i, line in enumerate(lines) if line in cookie}
    labels = {i for i, line in enumerate(lines) if line in LONE_LABELS}
    while near := {i for i in labels - gone if any(abs(i - j) <= NEAR_LINES for j in gone)}:
        gone |= near
    return gone & labels


@given(st.lists(st.sampled_from([line for _, line, _ in REMOVED] + [line for _, line in KEPT]),
                max_size=12), st.sampled_from(["\n", "\n\n"]))
def test_removals_do_not_interact(lines: list[str], separator: str) -> None:
    """A document mixing the cases removes exactly the boilerplate lines: rules judge each line
    on its own, except that a button label goes when it stands beside a cookie banner."""
    kept = {line for _, line in KEPT}
    buttons = _beside_cookies(lines)
    expected = tidy(separator.join(line for i, line in enumerate(lines)
                                   if line in kept and i not in buttons))
    assert strip_boilerplate(separator.join(lines)) == expected


@given(documents())
def test_set_scan_agrees_with_each_rule(text: str) -> None:
    """The one-pass set finds exactly the rules that match on their own: it misses nothing."""
    ruleset, data = DEFAULT.ruleset, text.encode()
    each = [c.rule.id for c in ruleset._compiled if c.regex.search(data)]
    assert [c.rule.id for c in ruleset.matching(data)] == each


def test_sets_that_give_up_change_nothing() -> None:
    """A set whose automaton runs out of memory answers nothing, not even its number 0; then
    each rule and companion is asked on its own, and the result is the same."""
    glued = ["Published March 4, 2026 | 5 min read | The power | Updated 2 hours ago",
             "date 2026-03-04 Advertisement", "2026-03-04 The power of cooperation",
             "The power of cooperation - 5 min read"]
    lines = ([line for _, line, _ in REMOVED] + [line for _, line in KEPT] + glued
             + sorted(LONE_LABELS))
    text = "\n".join(lines[1::2] + lines[::2])
    config = BoilerplateConfig()
    nothing = re2.Set.SearchSet()  # finds nothing, as a set that gave up
    nothing.Add("x^")
    nothing.Compile()
    config.ruleset._set = config.ruleset._companions = nothing
    assert strip_boilerplate_and_explain(text, config) == strip_boilerplate_and_explain(text)
    assert strip_boilerplate_and_explain(text).removals  # the text has something to remove
