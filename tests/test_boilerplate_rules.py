"""The rule tables: well-formed ids, patterns RE2 accepts, and one working example per rule."""

from __future__ import annotations

import re

import pytest
import re2

from cleanseed.boilerplate.rules import (
    CLASSES,
    DEFAULT_RULES,
    SCOPES,
    Rule,
    alternation,
    label_line,
)
from cleanseed.boilerplate.strip import RuleSet, strip_boilerplate_and_explain
from cleanseed.errors import ConfigError

IDS = [rule.id for rule in DEFAULT_RULES]

#: A line each rule must remove (or, for prefix and suffix rules, cut), by rule id.
EXAMPLES = {
    "cookie.en.consent": "We use cookies to improve your experience. By continuing you agree.",
    "cookie.en.buttons": "Accept all | Reject | Settings",
    "cookie.en.agree": "By using this site, you agree to our Terms of Use and Privacy Policy.",
    "cookie.de.consent": "Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie zu.",
    "cookie.de.buttons": "Alle akzeptieren",
    "cookie.fr.consent": "Ce site utilise des cookies. En poursuivant, vous acceptez.",
    "cookie.fr.buttons": "Tout refuser",
    "cookie.es.consent": "Este sitio web utiliza cookies para mejorar su experiencia.",
    "cookie.es.buttons": "Aceptar todas las cookies",
    "cookie.it.consent": "Questo sito utilizza cookie per migliorare la tua esperienza.",
    "cookie.it.buttons": "Accetta tutti · Rifiuta",
    "cookie.pt.consent": "Utilizamos cookies para melhorar a sua experiência no nosso site.",
    "cookie.pt.buttons": "Aceitar todos os cookies",
    "cookie.nl.consent": "Wij gebruiken cookies om onze website te verbeteren.",
    "cookie.nl.buttons": "Alles accepteren",
    "cookie.sv.consent": "Vi använder kakor för att ge dig en bättre upplevelse av webbplatsen.",
    "cookie.sv.buttons": "Godkänn alla kakor",
    "cookie.pl.consent": "Używamy plików cookie, aby zapewnić najlepszą obsługę naszej strony.",
    "cookie.pl.buttons": "Akceptuj wszystkie",
    "cookie.ru.consent": "Мы используем файлы cookie, чтобы улучшить работу сайта.",
    "cookie.ru.buttons": "Принять все",
    "cookie.zh.consent": "本网站使用cookie。继续浏览即表示您同意我们使用cookie。",
    "cookie.zh.buttons": "接受",
    "cookie.ja.consent": "当サイトではクッキーを使用します。閲覧を続けると同意したと"
                         "みなします。",
    "cookie.ja.buttons": "同意する",
    "cookie.ko.consent": "이 사이트는 쿠키를 사용합니다. 계속 이용하시면 동의하는 것으로 "
                         "간주됩니다.",
    "cookie.ko.buttons": "모두 수락",
    "cookie.ar.consent": "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.",
    "cookie.ar.tcf": "نحن وشركاؤنا نقوم بتخزين و/أو الوصول إلى المعلومات على الجهاز.",
    "cookie.ar.title": "خصوصيتك تهمنا",
    "cookie.ar.buttons": "قبول الكل",
    "cookie.tr.consent": "Bu web sitesi deneyiminizi iyileştirmek için çerezler kullanmaktadır.",
    "cookie.tr.tcf": "Biz ve iş ortaklarımız bir cihazdaki bilgileri depolama ve/veya bunlara "
                     "erişme amacıyla çerezler kullanırız.",
    "cookie.tr.title": "Gizliliğinize değer veriyoruz",
    "cookie.tr.buttons": "Tümünü kabul et",
    "cookie.uk.consent": "Цей сайт використовує кукі, щоб покращити ваш досвід.",
    "cookie.uk.tcf": "Ми та наші партнери можемо зберігати та/або отримувати доступ до "
                     "інформації на вашому пристрої.",
    "cookie.uk.title": "Ми цінуємо вашу конфіденційність",
    "cookie.uk.buttons": "Відхилити всі",
    "cookie.cs.consent": "Tento web používá soubory cookie k poskytování služeb.",
    "cookie.cs.tcf": "My a naši partneři provádíme ukládání a/nebo přístup k informacím v "
                     "zařízení.",
    "cookie.cs.title": "Vážíme si vašeho soukromí",
    "cookie.cs.buttons": "Přijmout vše | Odmítnout vše",
    "cookie.hi.consent": "हम आपके अनुभव को बेहतर बनाने के लिए कुकीज़ का उपयोग करते हैं।",
    "cookie.hi.tcf": "हम और हमारे भागीदार किसी डिवाइस पर जानकारी संग्रहीत करना और/या उस तक "
                     "पहुँचना करते हैं।",
    "cookie.hi.title": "आपकी गोपनीयता हमारे लिए महत्वपूर्ण है",
    "cookie.hi.buttons": "सभी स्वीकार करें",
    "cookie.el.consent": "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας.",
    "cookie.el.tcf": "Εμείς και οι συνεργάτες μας πραγματοποιούμε αποθήκευση ή πρόσβαση σε "
                     "πληροφορίες σε μια συσκευή.",
    "cookie.el.title": "Ρυθμίσεις cookies",
    "cookie.el.buttons": "Αποδοχή όλων",
    "cookie.hu.consent": "Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében.",
    "cookie.hu.tcf": "Mi és partnereink információk tárolása és/vagy hozzáférés eszközön "
                     "céljából adatokat kezelünk.",
    "cookie.hu.title": "Adatvédelmi beállítások",
    "cookie.hu.buttons": "Összes elfogadása",
    "caption.agency_slash": "The Li Auto i6 parked in Shanghai. /CFP",
    "caption.label": "Photo: Reuters",
    "caption.bbc": "Image caption, The president arrives in Berlin",
    "caption.credit_end": "A man walks past a logo. (Photo by Jane Doe/Getty Images)",
    "caption.wire": "FILE PHOTO: A man walks past a logo of Volkswagen in Berlin.",
    "caption.wire_credit": "A man walks past a logo. REUTERS/Jane Doe/File Photo",
    "caption.credit_only": "AFP via Getty Images",
    "caption.zh.label": "图片来源：视觉中国",
    "caption.zh.photographer": "工人们在生产线上工作。（新华社记者 张三 摄）",
    "caption.ja.credit": "東京の街並み（写真：ロイター）",
    "caption.viewer": "Enlarge this image",
    "chrome.share": "Share on Facebook",
    "chrome.ad": "Advertisement",
    "chrome.newsletter": "Sign up for our newsletter",
    "chrome.follow": "Follow us on Twitter",
    "chrome.nav": "Skip to main content",
    "chrome.breadcrumb": "Home > News > World",
    "chrome.controls": "‹ › ×",
    "chrome.read_more": "Read more: Markets rally as rates fall",
    "chrome.copyright": "© 2026 Example Media",
    "chrome.rights": "Example Media Ltd. All rights reserved.",
    "chrome.cjk_rights": "版权所有 © 新华网",
    "chrome.javascript": "Please enable JavaScript to view the comments.",
    "chrome.loading": "Loading...",
    "chrome.comments": "Comments (12)",
    "chrome.tags": "Tags: EV, China, Germany",
    "chrome.comment_form": "Leave a reply | Cancel reply",
    "chrome.comment_notice": "Your email address will not be published. Required fields are "
                             "marked *",
    "chrome.related": "« Older posts",
    "chrome.pagination": "« Previous 1 2 3 … 10 Next »",
    "chrome.pager": "Next »",
    "chrome.docs": "Was this page helpful?",
    "chrome.account": "Already a subscriber? Sign in",
    "chrome.author_box": "View all posts by Jane Doe",
    "chrome.powered_by": "Proudly powered by WordPress",
    "chrome.posted_in": "Posted in News, Sports | Tagged cars, trucks",
    "metadata.posted_by": "Posted by admin at 10:32 AM",
    "chrome.footer": "About Us | Contact | Privacy Policy",
    "metadata.date": "Published March 4, 2026",
    "metadata.name_stamp": "Jane Doe - Nov 19, 2019, 10:31 pm CST",
    "chrome.archive": "►März(8)",
    "metadata.reading_time": "5 min read",
    "metadata.byline": "By Jane Doe | March 4, 2026",
    "metadata.author": "Author: Jane Doe",
    "metadata.ago": "10H ago",
    "metadata.byline_rest": "Contributing Writer",
    "metadata.zh.byline": "作者：张三 编辑：李四",
    "metadata.ja.credit": "取材・文／山田花子",
    "metadata.ko.byline": "홍길동 기자",
    "metadata.dated_title": "date 2026-03-04 The power of cooperation",
    "metadata.date_title": "2026-03-04 The power of cooperation",
    "metadata.reading_title": "5 min read | The power of cooperation",
    "metadata.date_suffix": "The power of cooperation | March 4, 2026",
    "metadata.reading_suffix": "The power of cooperation - 5 min read",
    "cookie.en.tcf": "We and our partners store and/or access information on a device and "
                     "process personal data, such as unique identifiers.",
    "cookie.de.tcf": "Wir und unsere Partner speichern und/oder greifen auf Informationen auf "
                     "einem Gerät zu und verarbeiten personenbezogene Daten.",
    "cookie.fr.tcf": "Nos partenaires et nous stockons et/ou accédons à des informations sur un "
                     "appareil et traitons des données personnelles.",
    "cookie.es.tcf": "Nosotros y nuestros socios almacenamos o accedemos a información en un "
                     "dispositivo y procesamos datos personales.",
    "cookie.it.tcf": "Noi e i nostri partner archiviamo e/o accediamo a informazioni su un "
                     "dispositivo e trattiamo dati personali.",
    "cookie.pt.tcf": "Nós e os nossos parceiros armazenamos e/ou acedemos a informações num "
                     "dispositivo e tratamos dados pessoais.",
    "cookie.nl.tcf": "Wij en onze partners slaan informatie op en/of openen informatie op een "
                     "apparaat en verwerken persoonsgegevens.",
    "cookie.sv.tcf": "Vi och våra partner lagrar och/eller får åtkomst till information på en "
                     "enhet och behandlar personuppgifter.",
    "cookie.pl.tcf": "My i nasi partnerzy przechowujemy i/lub uzyskujemy dostęp do informacji na "
                     "urządzeniu i przetwarzamy dane osobowe.",
    "cookie.ru.tcf": "Мы и наши партнеры храним и/или получаем доступ к информации на "
                     "устройстве и обрабатываем персональные данные.",
    "cookie.zh.tcf": "我们和我们的合作伙伴在设备上存储和/或访问信息，并处理个人数据。",
    "cookie.ja.tcf": "当社とパートナーは、デバイスに情報を保存し、またはデバイス上の情報に"
                     "アクセスし、個人データを処理します。",
    "cookie.ko.tcf": "당사와 당사의 파트너는 기기에 정보를 저장 및/또는 액세스하고 개인 "
                     "데이터를 처리합니다.",
    "cookie.en.title": "We value your privacy",
    "cookie.de.title": "Ihre Privatsphäre ist uns wichtig",
    "cookie.fr.title": "Votre vie privée nous importe",
    "cookie.es.title": "Valoramos tu privacidad",
    "cookie.it.title": "Rispettiamo la tua privacy",
    "cookie.pt.title": "Valorizamos a sua privacidade",
    "cookie.nl.title": "Wij waarderen uw privacy",
    "cookie.sv.title": "Vi värnar om din integritet",
    "cookie.pl.title": "Szanujemy twoją prywatność",
    "cookie.ru.title": "Мы ценим вашу конфиденциальность",
    "cookie.zh.title": "我们重视您的隐私",
    "cookie.ja.title": "プライバシー設定",
    "cookie.ko.title": "개인정보 보호 설정",
    "caption.credit_tail": "Fans queue outside the stadium in Cardiff. Picture: PA Images",
    "chrome.consent_box": "By checking this box, I agree to the terms of service and privacy "
    "policy of Example Media.",
    "chrome.ad_appeal": "Want to see fewer ads? Become a Member.",
    "caption.zh.credit_tail": "游客在西湖边拍照留念。图源：东方IC",
    "caption.zh.credit_only": "资料图",
    "caption.ko.credit": "시민들이 거리를 걷고 있다. (사진=연합뉴스)",
    "chrome.newsletter_prompt": "Never miss a story. Sign up for the weekly newsletter from our "
                                "science desk.",
    "chrome.app": "Jetzt die App herunterladen",
    "chrome.cjk_buttons": "【打印】【关闭】",
    "chrome.end_mark": "（完）",
    "chrome.comment_thread": "3 thoughts on “The power of cooperation”",
    "chrome.pingback": "Pingback: The power of cooperation | Example Blog",
    "chrome.comment_save": "Meinen Namen, E-Mail und Website in diesem Browser speichern, bis "
                           "ich wieder kommentiere.",
    "chrome.entry_footer": "This entry was posted in News and tagged cars. Bookmark the "
                           "permalink.",
    "chrome.tag_label": "Tags:",
    "chrome.uncategorized": "Uncategorized",
    "chrome.post_nav": "Post navigation",
    "chrome.newsletter_heading": "The Example Newsletter",
    "chrome.newsletter_notice": "No spam, we promise. You can unsubscribe at any time.",
    "chrome.affiliate": "When you buy through links on our site, we may earn an affiliate "
                        "commission.",
    "metadata.comment_author_dated": "Jane Doe on March 4, 2026 at 9:15 am said:",
    "chrome.recaptcha": "This site is protected by reCAPTCHA and the Google Privacy Policy and "
                        "Terms of Service apply.",
    "chrome.terms_accepted": "Use of this site constitutes acceptance of our User Agreement.",
    "chrome.copyright_inline": "Example Travel © 2003 - 2017",
    "chrome.comment_link": "Kommentare lesen",
    "chrome.form_field": "Email Address *",
}

#: For each rule that needs a neighbour: a line it removes next to a removed banner title.
NEAR_EXAMPLES = {
    "cookie.en.lone_button": "Accept",
    "cookie.de.lone_button": "Akzeptieren",
    "cookie.fr.lone_button": "Accepter",
    "cookie.es.lone_button": "Aceptar",
    "cookie.it.lone_button": "Accetta",
    "cookie.pt.lone_button": "Aceitar",
    "cookie.nl.lone_button": "Accepteren",
    "cookie.sv.lone_button": "Acceptera",
    "cookie.pl.lone_button": "Akceptuj",
    "cookie.ru.lone_button": "Принять",
    "cookie.zh.lone_button": "设置",
    "cookie.ja.lone_button": "詳細を見る",
    "cookie.ko.lone_button": "닫기",
    "cookie.ar.lone_button": "قبول",
    "cookie.tr.lone_button": "Reddet",
    "cookie.uk.lone_button": "Відхилити",
    "cookie.cs.lone_button": "Odmítnout",
    "cookie.hi.lone_button": "स्वीकार करें",
    "cookie.el.lone_button": "Απόρριψη",
    "cookie.hu.lone_button": "Elutasítom",
    "metadata.comment_author": "jdoe says:",
    "metadata.stamp_label": "Published",
    "caption.label_alone": "Image copyright",
}

#: The removed line a near rule's example goes beside, where it is not a dialog's title.
NEAR_ANCHORS = {
    "metadata.comment_author": ("metadata.date", "March 4, 2026 at 9:15 am"),
    "metadata.stamp_label": ("metadata.date", "March 4, 2026"),
    "caption.label_alone": ("caption.credit_only", "Getty Images"),
}

#: A run rule's example: lines that go together, each of which stays alone.
RUN_EXAMPLES = {
    "chrome.counted_list": ("Camping (12)", "尖石_美樹營地 (3)", "Vikings come back to beat the "
                            "Broncos (145)"),
}


def test_rule_ids_are_unique() -> None:
    """No two rules share an id: the id is what a removal reports."""
    assert len(IDS) == len(set(IDS))


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=IDS)
def test_rule_is_well_formed(rule: Rule) -> None:
    """Every id is '<class>.<name>' in lower case, of a known class, with a known scope."""
    assert re.fullmatch(r"[a-z]+(?:\.[a-z0-9_]+)+", rule.id)
    assert rule.rule_class in CLASSES
    assert rule.id.startswith(rule.rule_class + ".")
    assert rule.scope in SCOPES
    assert rule.lang == "*" or re.fullmatch(r"[a-z]{2}", rule.lang)


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=IDS)
def test_every_pattern_compiles_in_re2(rule: Rule) -> None:
    """RE2 accepts every pattern and companion, which is what guarantees linear-time matching."""
    for pattern in (rule.pattern, *rule.requires, *rule.unless):
        assert re2.compile(pattern) is not None


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=IDS)
def test_keep_group_only_where_it_means_something(rule: Rule) -> None:
    """Only prefix and suffix rules may mark text to keep; nothing else has a capturing group."""
    regex = re2.compile(rule.pattern)
    if rule.scope in ("prefix", "suffix"):
        assert regex.groups == len(regex.groupindex) <= 1
        assert set(regex.groupindex) <= {"keep"}
    else:
        assert regex.groups == 0


def test_default_rules_compile_into_one_set() -> None:
    """The tables compile together into the set the step scans with."""
    assert RuleSet(DEFAULT_RULES).rules == DEFAULT_RULES


def test_every_rule_has_an_example() -> None:
    """Each rule in the table is exercised by an example below, and no example is stale."""
    assert not set(EXAMPLES) & set(NEAR_EXAMPLES)
    assert not (set(EXAMPLES) | set(NEAR_EXAMPLES)) & set(RUN_EXAMPLES)
    assert set(EXAMPLES) | set(NEAR_EXAMPLES) | set(RUN_EXAMPLES) == set(IDS)
    assert set(NEAR_EXAMPLES) == {r.id for r in DEFAULT_RULES if r.near is not None}
    assert set(RUN_EXAMPLES) == {r.id for r in DEFAULT_RULES if r.run is not None}


@pytest.mark.parametrize(("rule_id", "line"), sorted(EXAMPLES.items()), ids=sorted(EXAMPLES))
def test_example_is_removed_by_its_rule(rule_id: str, line: str) -> None:
    """The example line goes (or is cut), and the removal names that rule."""
    text = f"First paragraph stays.\n{line}\nLast paragraph stays."
    out, removals = strip_boilerplate_and_explain(text)
    assert [r.rule for r in removals] == [rule_id]
    assert out.startswith("First paragraph stays.\n")
    assert out.endswith("\nLast paragraph stays.")
    if DEFAULT_RULES[IDS.index(rule_id)].scope in ("prefix", "suffix"):
        assert "The power of cooperation" in out
    else:
        assert out == "First paragraph stays.\nLast paragraph stays."


@pytest.mark.parametrize(("rule_id", "line"), sorted(NEAR_EXAMPLES.items()),
                         ids=sorted(NEAR_EXAMPLES))
def test_near_example_goes_only_beside_a_banner(rule_id: str, line: str) -> None:
    """The example goes beside its removed anchor (a dialog's title, a stamp), naming its rule;
    alone, it stays."""
    title_id = rule_id.replace("lone_button", "title")
    title_id, anchor = NEAR_ANCHORS.get(rule_id, (title_id, EXAMPLES.get(title_id, "")))
    text = f"First paragraph stays.\n{anchor}\n{line}\nLast paragraph stays."
    out, removals = strip_boilerplate_and_explain(text)
    assert [r.rule for r in removals] == [title_id, rule_id]
    assert out == "First paragraph stays.\nLast paragraph stays."
    alone = f"First paragraph stays.\n{line}\nLast paragraph stays."
    assert strip_boilerplate_and_explain(alone) == (alone, ())


@pytest.mark.parametrize(("rule_id", "lines"), sorted(RUN_EXAMPLES.items()),
                         ids=sorted(RUN_EXAMPLES))
def test_run_example_goes_only_in_a_run(rule_id: str, lines: tuple[str, ...]) -> None:
    """The example's lines go together, each naming its rule; one fewer, or any one alone
    between paragraphs, stays."""
    run = DEFAULT_RULES[IDS.index(rule_id)].run
    assert run == len(lines)
    text = "First paragraph stays.\n" + "\n".join(lines) + "\nLast paragraph stays."
    out, removals = strip_boilerplate_and_explain(text)
    assert [r.rule for r in removals] == [rule_id] * len(lines)
    assert out == "First paragraph stays.\nLast paragraph stays."
    short = "First paragraph stays.\n" + "\n".join(lines[1:]) + "\nLast paragraph stays."
    assert strip_boilerplate_and_explain(short) == (short, ())
    # a paragraph between two of them breaks the run
    broken = text.replace(lines[1], f"A paragraph.\n{lines[1]}")
    assert strip_boilerplate_and_explain(broken) == (broken, ())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id": "Cookie.en", "lang": "en", "pattern": "x"}, "lower case"),
        ({"id": "cookie", "lang": "en", "pattern": "x"}, "lower case"),
        ({"id": "banner.en.x", "lang": "en", "pattern": "x"}, "class must be"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "scope": "body"}, "scope"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "max_chars": 0}, "max_chars"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "max_chars": True}, "max_chars"),
        ({"id": "chrome.x", "lang": "en", "pattern": ""}, "non-empty"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "requires": "y"}, "non-empty"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "near": 0}, "near"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "near": True}, "near"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "near": 2, "scope": "prefix"}, "near"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "run": 1}, "run"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "run": 3, "scope": "suffix"}, "run"),
        ({"id": "chrome.x", "lang": "en", "pattern": "x", "run": 3, "near": 1}, "run"),
    ],
    ids=["upper-case", "no-name", "unknown-class", "bad-scope", "zero-max", "bool-max",
         "empty-pattern", "requires-not-tuple", "zero-near", "bool-near", "near-on-prefix",
         "one-line-run", "run-on-suffix", "run-and-near"],
)
def test_malformed_rule_is_refused(kwargs: dict[str, object], message: str) -> None:
    """A malformed rule raises ConfigError when it is made, not when it is first used."""
    with pytest.raises(ConfigError, match=message):
        Rule(**kwargs)  # type: ignore[arg-type]


def test_rule_with_bad_re2_pattern_is_refused_when_compiled() -> None:
    """A pattern RE2 rejects (a back-reference) is reported with the rule's id."""
    bad = Rule(id="chrome.backref", lang="en", pattern=r"(a)\1")
    with pytest.raises(ConfigError, match=r"chrome\.backref"):
        RuleSet([bad])


def test_rule_matching_the_empty_string_is_refused() -> None:
    """A pattern that matches nothing at all would match every line: it is refused."""
    with pytest.raises(ConfigError, match="empty string"):
        RuleSet([Rule(id="chrome.anything", lang="en", pattern="x*", scope="search")])


def test_ruleset_notices_a_failed_set_match_and_asks_each_rule() -> None:
    """If the set reports nothing, not even its match-all sentinel, each rule is asked instead."""
    ruleset = RuleSet(DEFAULT_RULES)
    text = b"Advertisement\nPhoto: Reuters"
    ids = [c.rule.id for c in ruleset.matching(text)]
    assert {"chrome.ad", "caption.label"} <= set(ids)
    ruleset._set = re2.Set.SearchSet()  # an empty set: Match() finds nothing
    ruleset._set.Add("x^")
    ruleset._set.Compile()
    assert [c.rule.id for c in ruleset.matching(text)] == ids


def test_alternation_puts_longer_options_first_and_drops_repeats() -> None:
    """Longer options first, so a prefix never shadows a longer option in leftmost matching."""
    assert alternation(["a", "abc", "ab", "a"]) == "(?:abc|ab|a)"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("accept all", True), ("close | settings", True), ("close settings", True),
     ("close", False), ("accept all and more", False), ("", False)],
    ids=["strong-alone", "two-weak", "space-separated", "weak-alone", "other-words", "empty"],
)
def test_label_line(line: str, expected: bool) -> None:
    """A label line needs one strong label or two labels, and nothing but labels."""
    pattern = label_line(["accept all"], ["close", "settings"])
    assert bool(re2.fullmatch(pattern, line)) is expected
