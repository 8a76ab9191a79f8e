"""The post-chrome families (rules/posts.py, prompts.py, teasers.py and the stamps of
metadata.py): each family removes its lines in several languages, and prose that uses the same
words stays."""

from __future__ import annotations

import pytest

from cleanseed.boilerplate.strip import BoilerplateConfig, strip_boilerplate_and_explain

RULES_ONLY = BoilerplateConfig(context=False)
BEFORE, AFTER = "The first paragraph stays.", "The last paragraph stays too."

# (rule id, line): each line goes alone between two paragraphs, removed by that rule.
REMOVED = [
    # the heading of a comment thread quotes the post
    ("chrome.comment_thread", "34 responses to “Anthony Lynn: We needed to win this game”"),
    ("chrome.comment_thread", "One thought on “Why I write”"),
    ("chrome.comment_thread", "12 Kommentare zu „Warum ich blogge“"),
    ("chrome.comment_thread", "2 réflexions sur « Pourquoi j'écris »"),
    ("chrome.comment_thread", "5 comentarios en «Por qué escribo»"),
    ("chrome.comment_thread", "3 pensieri su “Perché scrivo”"),
    ("chrome.comment_thread", "4 gedachten over “Waarom ik schrijf”"),
    ("chrome.comment_thread", "7 комментариев к “Почему я пишу”"),
    ("chrome.comment_thread", "3 komentáře k „Proč píšu“"),
    ("chrome.comment_thread", "“Neden yazıyorum” için 3 yorum"),
    ("chrome.pingback", "Pingback: Ten tips for writers | Example Blog"),
    ("chrome.comment_link", "Kommentare lesen"),
    ("chrome.comment_link", "Yorumları göster"),
    ("chrome.comment_link", "Zobrazit komentáře (12)"),
    ("chrome.pager", "« Vorige | Nächste »"),
    ("chrome.pager", "Previous / Next"),
    ("chrome.newsletter", "S'abonner"),
    ("chrome.newsletter", "Abone ol"),
    ("chrome.pingback", "Pingback von Too much information - Lesezeichen | 11.09.2011 23:31"),
    ("chrome.pingback", "Trackback: Notes on writing"),
    # the comment form's notices
    ("chrome.comment_notice", "Notify me via e-mail if anyone answers my comment."),
    ("chrome.comment_notice", "Benachrichtige mich über nachfolgende Kommentare via E-Mail."),
    ("chrome.comment_notice", "Prévenez-moi de tous les nouveaux commentaires par e-mail."),
    ("chrome.comment_notice", "Devi essere connesso per inviare un commento."),
    ("chrome.comment_notice", "Debes iniciar sesión para publicar un comentario."),
    ("chrome.comment_notice", "Musisz się zalogować, aby móc dodać komentarz."),
    ("chrome.comment_notice", "Pro přidání komentáře se musíte přihlásit."),
    ("chrome.comment_notice", "Bitte melden Sie sich an, um zu kommentieren."),
    ("chrome.comment_notice", "Connectez-vous pour réagir."),
    ("chrome.comment_notice", "Lines and paragraphs break automatically."),
    ("chrome.comment_notice", "Zeilenumbrüche und Absätze werden automatisch erzeugt."),
    ("chrome.comment_notice", "Yorum yapabilmek için giriş yapmalısınız."),
    ("chrome.comment_notice", "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre "
     "mehr darüber, wie deine Kommentardaten verarbeitet werden."),
    ("chrome.comment_notice", "Bu site istenmeyenleri azaltmak için Akismet kullanıyor."),
    ("chrome.comment_save", "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour "
     "mon prochain commentaire."),
    ("chrome.comment_save", "Uložit do prohlížeče jméno, e-mail a webovou stránku pro budoucí "
     "komentáře."),
    ("chrome.comment_save", "Bir dahaki sefere yorum yaptığımda kullanılmak üzere adımı, e-posta "
     "adresimi ve web site adresimi bu tarayıcıya kaydet."),
    # commenters' lines that carry their own stamp
    ("metadata.comment_author_dated", "Gary M on September 17, 2018 at 8:50 pm said:"),
    ("metadata.comment_author_dated", "Olivia (GiveWell) on October 4, 2018 at 10:58 am said:"),
    ("metadata.comment_author_dated", "Anna am 4. März 2026 um 10:12 sagt:"),
    # the line under a post, and its labels
    ("chrome.entry_footer", "This entry was posted in News and tagged cars, trucks. Bookmark "
     "the permalink."),
    ("chrome.entry_footer", "Dieser Beitrag wurde unter Allgemein veröffentlicht. Setze ein "
     "Lesezeichen auf den Permalink."),
    ("chrome.entry_footer", "Esta entrada fue publicada en Noticias y etiquetada coches."),
    ("chrome.entry_footer", "Ten wpis został opublikowany w kategorii Bez kategorii."),
    ("chrome.entry_footer", "Запись опубликована в рубрике Новости с метками машины."),
    ("chrome.tag_label", "Posted in:"),
    ("chrome.tag_label", "Tags"),
    ("chrome.tag_label", "Schlagwörter:"),
    ("chrome.tag_label", "Étiquettes :"),
    ("chrome.tag_label", "Štítky:"),
    ("chrome.tag_label", "Etiketler"),
    ("chrome.tags", "getaggt mit: Berlin, Demonstration"),
    ("chrome.tags", "tags #Local Markets #Nifty #Sensex"),
    ("chrome.uncategorized", "Uncategorized"),
    ("chrome.uncategorized", "Non classé"),
    ("chrome.uncategorized", "Bez kategorii"),
    ("chrome.post_nav", "Post navigation"),
    ("chrome.post_nav", "Beitragsnavigation"),
    ("chrome.post_nav", "Navigation des articles"),
    ("chrome.post_nav", "Навигация по записям"),
    # newsletter forms
    ("chrome.newsletter_heading", "Raptors Newsletter"),
    ("chrome.newsletter_heading", "See All Newsletters"),
    ("chrome.newsletter_heading", "Unser Newsletter"),
    ("chrome.newsletter_heading", "Onze nieuwsbrief"),
    ("chrome.newsletter_notice", "No spam, we promise. You can unsubscribe at any time."),
    ("chrome.newsletter_notice", "Thanks for signing up!"),
    ("chrome.newsletter_notice", "Kein Spam, Abmeldung jederzeit möglich."),
    ("chrome.newsletter_notice", "Vous pouvez vous désinscrire à tout moment."),
    ("chrome.newsletter_notice", "Gracias por suscribirte."),
    ("chrome.newsletter_notice", "Спасибо за подписку!"),
    ("chrome.newsletter_notice", "İstediğiniz zaman abonelikten çıkabilirsiniz."),
    # affiliate disclosures
    ("chrome.affiliate", "When you purchase through links on our site, we may earn an affiliate "
     "commission."),
    ("chrome.affiliate", "As an Amazon Associate I earn from qualifying purchases."),
    ("chrome.affiliate", "Wenn du über diese Links kaufst, erhalten wir eine kleine Provision."),
    ("chrome.affiliate", "Si vous achetez via ces liens, nous pouvons percevoir une commission."),
    ("chrome.affiliate", "Si compras a través de estos enlaces, podemos recibir una comisión."),
    ("chrome.affiliate", "Se acquisti tramite questi link potremmo ricevere una commissione."),
    ("chrome.affiliate", "Als je via deze links koopt, ontvangen wij een kleine commissie."),
    # the boxes a form asks the reader to tick, in the reader's voice
    ("chrome.consent_box", "By checking this box, I agree to the terms of service and privacy "
     "policy of Example Media."),
    ("chrome.consent_box", "I understand that I can withdraw my consent at any time"),
    ("chrome.consent_box", "I agree that Example Sports can send me the newsletter."),
    ("chrome.consent_box", "I agree to my personal data being stored and used to receive offers"),
    ("chrome.consent_box", "Ich habe die Datenschutzerklärung gelesen und akzeptiere sie."),
    ("chrome.consent_box", "Ich willige in die Verarbeitung meiner Daten ein."),
    ("chrome.consent_box", "J'accepte de recevoir la newsletter et les offres."),
    ("chrome.consent_box", "He leído y acepto la política de privacidad."),
    ("chrome.consent_box", "Ho letto e accetto l'informativa sulla privacy."),
    ("chrome.consent_box", "Li e aceito os termos de uso."),
    ("chrome.consent_box", "Ik ga akkoord met de algemene voorwaarden."),
    ("chrome.consent_box", "Wyrażam zgodę na przetwarzanie moich danych osobowych."),
    # appeals to pay for fewer ads, or to turn an ad blocker off
    ("chrome.ad_appeal", "Want to see fewer ads? Become a Member."),
    ("chrome.ad_appeal", "Become an Example member and experience far fewer ads and no pop-ups."),
    ("chrome.ad_appeal", "Example relies on advertising to support our journalism. If you value "
     "our work, please disable your ad blocker."),
    ("chrome.ad_appeal", "Werbefrei lesen mit EXAMPLE+"),
    ("chrome.ad_appeal", "Bitte deaktivieren Sie Ihren Adblocker."),
    ("chrome.ad_appeal", "Lisez sans publicité avec notre offre."),
    ("chrome.ad_appeal", "Disfruta sin anuncios por 1 euro al mes."),
    ("chrome.ad_appeal", "Leggi senza pubblicità con l'abbonamento."),
    ("chrome.ad_appeal", "Lees zonder advertenties met een abonnement."),
    # a trail of links whose first link was an icon, and a caption's credit with its licence
    ("chrome.breadcrumb", "> Blog > Aus den Ländern > Jahrestagung 2015 der Stiftung"),
    ("chrome.breadcrumb", "» Actualités » Sport » Le club gagne enfin"),
    ("chrome.breadcrumb", "› 新闻 › 体育 › 比赛结果"),
    ("caption.credit_tail", "Nicht labern, ranklotzen! Foto: Timur | flickr| CC BY 2.0"),
    ("caption.credit_tail", "The bridge at dawn. Photo: Jane Doe / Wikimedia Commons / CC BY-SA "
     "4.0"),
    ("caption.credit_tail", "Le pont au matin. Photo : Jean Dupont, CC BY-NC 2.0"),
    # box headings
    ("chrome.read_more", "You may also like:"),
    ("chrome.read_more", "Related post: Pickled Brussels Sprouts Recipe"),
    ("chrome.read_more", "Previous Post:Free scooter and motorcycle training"),
    ("chrome.read_more", "Customers also bought"),
    ("chrome.read_more", "More from this author"),
    ("chrome.read_more", "Kunden kauften auch"),
    ("chrome.read_more", "Vous aimerez aussi"),
    ("chrome.read_more", "Lo más compartido"),
    ("chrome.read_more", "Vidéos les plus vues"),
    ("chrome.read_more", "En savoir plus"),
    ("chrome.read_more", "More in Technology"),
    ("chrome.read_more", "Weitere Artikel aus Berlin"),
    ("chrome.read_more", "Erfahre mehr »"),
    ("chrome.read_more", "Dowiedz się więcej"),
    ("chrome.read_more", "I più letti"),
    ("chrome.read_more", "Související články"),
    ("chrome.read_more", "İlgili Haberler"),
    # footers and sign-in forms
    ("chrome.recaptcha", "This site is protected by reCAPTCHA and the Google Privacy Policy and "
     "Terms of Service apply."),
    ("chrome.recaptcha", "Diese Website ist durch reCAPTCHA geschützt."),
    ("chrome.recaptcha", "Bu site reCAPTCHA tarafından korunmaktadır."),
    ("chrome.terms_accepted", "Registration on or use of this site constitutes acceptance of our "
     "User Agreement and Privacy Policy"),
    ("chrome.terms_accepted", "El uso de este sitio implica la aceptación de las condiciones."),
    ("chrome.terms_accepted", "Korzystanie z serwisu oznacza akceptację regulaminu."),
    ("chrome.copyright_inline", "痞客邦首頁 © 2003 - 2017 PIXNET Travel"),
    ("chrome.footer", "Privacy statement | Cookie settings"),
    ("chrome.footer", "Ochrana osobních údajů | Kontakt"),
    ("chrome.footer", "Gizlilik Politikası | Kullanım Koşulları | İletişim"),
    ("chrome.account", "Sign up now"),
    ("chrome.form_field", "ZIP Code *"),
    ("chrome.form_field", "Name (Pflichtfeld)"),
    ("chrome.form_field", "E-posta (zorunlu)"),
    ("chrome.share", "Share this with WhatsApp"),
    ("chrome.follow", "Follow RT on"),
    ("chrome.account", "Create a new password"),
    ("chrome.account", "Passwort zurücksetzen"),
    ("chrome.account", "Zapomenuté heslo"),
    ("chrome.account", "Şifremi unuttum"),
    # stamps
    ("metadata.date", "Updated: Sat 8:31 PM, Feb 17, 2018"),
    ("metadata.date", "Updated on: November 19, 2019 / 10:07 AM"),
    ("metadata.date", "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM"),
    ("metadata.date", "posted on April 21, 2015, at 11:29 a.m."),
    ("metadata.date", "updated 16m ago"),
    ("metadata.date", "Aktualizováno před 1 hodinou"),
    ("metadata.date", "Güncellendi: 3 saat önce"),
    ("metadata.date", "Обновлено 5 часов назад"),
    ("metadata.date", "Publikováno: 4. března 2026 v 10:30"),
    ("metadata.date", "Yayınlanma tarihi: 4 Mart 2026 saat 10:30"),
    ("metadata.date", "11:26 pm EST, Tuesday, November 19, 2019"),
    ("metadata.date", "14:05 Uhr, Dienstag, 19. November 2019"),
    ("metadata.name_stamp", "Chris Davies - Nov 19, 2019, 10:31 pm CST"),
    ("metadata.name_stamp", "Anna Muster | 4. März 2026"),
    ("metadata.name_stamp", "Jean Dupont – 4 mars 2026 à 10:12"),
    ("metadata.name_stamp", "Ana Pérez · 4 de marzo de 2026"),
    ("metadata.date", "8. April 2019 @ 11:38"),
    ("metadata.date", "March 4, 2026 @ 9:15 am"),
    ("chrome.archive", "►März(8)"),
    ("chrome.archive", "▼ 2019 (10)"),
    ("chrome.archive", "April 2019 (3)"),
    ("chrome.archive", "► juillet 2019 (4)"),
    ("metadata.byline", "by Rahul"),
    ("metadata.byline", "by India Post News Weekly"),
]

# Prose that uses the families' words: it stays, alone and between paragraphs.
KEPT = [
    "He said: “The tags were lost.”",
    "The minister said: “We will act.”",
    "We posted the letter at noon.",
    "The tags on the animals were lost in the flood.",
    "Tags are useful for sorting a library.",
    "Categories of risk were defined by the committee.",
    "Sie sagt: „Das reicht nicht.“",
    "Il dit : « Nous verrons. »",
    "34 responses to the survey were received by Friday.",
    "Three thoughts on the matter came to mind.",
    "The pingback feature was removed from the blog engine in 2019.",
    "Readers were notified by e-mail when the comment period closed.",
    "The browser saves passwords, the researchers warned.",
    "This entry was welcomed by the committee.",
    "The newsletter reached 10,000 readers within a year.",
    "Der Newsletter erreichte 10.000 Leser.",
    "Users can unsubscribe at any time, the regulator said.",
    "Amazon pays bloggers a commission when readers buy through affiliate links.",
    "We earn a commission on every car we sell, the dealer said.",
    "Les clients ont acheté plus de pain cette année.",
    "Customers also bought more bread this year.",
    "We talked about related subjects for hours.",
    "The next post office is two miles away.",
    "The date on the cover was March 4, 2026, not the day it was published.",
    "by the way",
    "Mart 2026'da yeni yasa çıktı.",
    "Uncategorized items are sorted last by the archive software.",
    "Google's reCAPTCHA protects millions of sites from bots, the company said.",
    "The use of this site grew quickly after the launch.",
    "She signed up for the course in 2019.",
    "In 2019 the copyright of the song passed to her children.",
    "Kommentare lesen sich oft wie Briefe an die Redaktion.",
    "Previous owners sold the house in 2010.",
    "En savoir plus sur le climat est devenu une priorité.",
    "Lines and paragraphs were set by hand in the first edition.",
    "Před 3 dny jsme odjeli do Brna.",
    "Prices include VAT*",
    "More in common than you think, the study found.",
    "Follow the money on this one.",
    # first-person agreement in prose and in comments
    "I agree with the content. The privacy policy is far too long.",
    "I agree but it begs the question.",
    "I agree to disagree.",
    "I agree that the e-mails we sent were too long.",
    "The senator said: I agree to the terms, but not to the privacy rules.",
    "I accept the terms of the deal because it keeps the factory open, and so will the union.",
    "Ich stimme dem Minister zu, dass der Datenschutz wichtig ist.",
    "Je comprends que je peux me tromper.",
    "Acepto las críticas con humildad.",
    "Ik ga akkoord met het voorstel van de minister.",
    # ads and ad blockers spoken of, not to the reader
    "Ad blockers cost publishers billions, the study found.",
    "The channel runs with fewer ads than its rivals.",
    "The ad-free tier costs more, and subscribers grew by 10 percent.",
    "Viewers see fewer ads during the final.",
    "Users who pay get faster pages and see fewer ads.",
    "Der Sender ist werbefrei.",
    "La chaîne est sans publicité depuis 2009.",
    # a time, a date and a name in a sentence
    "10:30 March 4, 2026 was the day everything changed.",
    "Town votes on March 4, 2026 - Jane Doe reports.",
    "Jane Doe - the mayor since March 4, 2026 - spoke first.",
    # a month's or a year's count in a table's cell, and in a sentence
    "March (2)",
    "2019 (10)",
    "In April 2019 (3 weeks after the flood) the bridge reopened.",
    # quotations in replies, and licences named in prose
    "> > I think so too, he wrote.",
    "> I said that x > 3 and y > 4 in the proof.",
    "The photos are released under CC BY 2.0, so anyone may reuse them.",
    "Flickr was sold to SmugMug in 2018.",
    # code that ends like a required field
    "SELECT *",
    "SELECT DISTINCT *",
    "player.setav stamina *",
    "char entries *",
]


def _between(line: str) -> str:
    return f"{BEFORE}\n{line}\n{AFTER}"


@pytest.mark.parametrize(("rule_id", "line"), REMOVED,
                         ids=[f"{r}:{line[:30]}" for r, line in REMOVED])
def test_family_line_is_removed(rule_id: str, line: str) -> None:
    """The line goes whole, the paragraphs stay, and the removal names the family's rule."""
    out, removals = strip_boilerplate_and_explain(_between(line), RULES_ONLY)
    assert out == f"{BEFORE}\n{AFTER}"
    assert [r.rule for r in removals] == [rule_id]


@pytest.mark.parametrize("line", KEPT, ids=[line[:30] for line in KEPT])
def test_prose_with_the_same_words_stays(line: str) -> None:
    """A sentence that mentions tags, comments, newsletters or commissions is content."""
    assert strip_boilerplate_and_explain(_between(line), RULES_ONLY).text == _between(line)
    assert strip_boilerplate_and_explain(line, RULES_ONLY).text == line


@pytest.mark.parametrize(("name", "stamp"), [("jdoe says:", "March 4, 2026 at 9:15 am"),
                                             ("Franziska sagt:", "4. März 2026 um 10:12"),
                                             ("Marie dit :", "4 mars 2026 à 10:12")])
def test_commenter_goes_beside_its_stamp_only(name: str, stamp: str) -> None:
    """"jdoe says:" goes above its removed stamp; before a quotation or alone, it stays, since
    an article may open a quotation the same way."""
    out = strip_boilerplate_and_explain(f"{BEFORE}\n{name}\n{stamp}\n{AFTER}", RULES_ONLY).text
    assert out == f"{BEFORE}\n{AFTER}"
    alone = _between(name)
    assert strip_boilerplate_and_explain(alone, RULES_ONLY).text == alone


def test_picture_label_goes_beside_its_credit_only() -> None:
    """"Image copyright" goes beside the credit it labels; alone, it stays."""
    text = f"{BEFORE}\nImage copyright\nGetty Images\n{AFTER}"
    assert strip_boilerplate_and_explain(text, RULES_ONLY).text == f"{BEFORE}\n{AFTER}"
    alone = _between("Image copyright")
    assert strip_boilerplate_and_explain(alone, RULES_ONLY).text == alone


def test_stamp_label_goes_beside_its_stamp_only() -> None:
    """A bare "Published" goes beside its date; alone, it may be a heading, and stays."""
    text = f"{BEFORE}\nPublished\nMarch 4, 2026\n{AFTER}"
    assert strip_boilerplate_and_explain(text, RULES_ONLY).text == f"{BEFORE}\n{AFTER}"
    assert strip_boilerplate_and_explain(_between("Published"), RULES_ONLY).text == _between(
        "Published")


# Lists of links with their counts of posts or comments, in several scripts.
COUNTED_LISTS = [
    ("Camping (12)", "Hiking (3)", "Food (45)", "Travel (7)"),
    ("Allgemein (2)", "Konzerte (7)", "Wehrmauer-Sanierung (9)"),
    ("Actualités (14)", "Économie (3)", "Société (128)"),
    ("復興_犘亞農場 (2)", "尖石_美樹營地 (3)", "...新竹縣營地 (45)"),
    ("• Apple Stops Signing iOS 13.2 Following Launch of iOS 13.2.2 (23)",
     "• Deals Spotlight: 16-Inch MacBook Pro Gets $100 Discount (Starting at $2,300) (28)",
     "• Apple Pay Promo Offers 75% Discount on Cards From Snapfish (3)"),
    ("Новости (5)", "Спорт (12)", "Культура (3)"),
]

# Runs of lines ending in a number in brackets that are content: years, equations' numbers,
# sentences closed before a note's number.
COUNTED_KEPT = [
    ("Casablanca (1942)", "Vertigo (1958)", "Psycho (1960)"),
    ("E = mc² (1)", "F = m·a (2)", "p = m·v (3)"),
    ("The first battle was lost. (1)", "The second was won. (2)", "The third was a draw. (3)"),
    ("Die Blechtrommel (1959)", "Katz und Maus (1961)", "Hundejahre (1963)"),
    ("(1)", "(2)", "(3)"),
]


@pytest.mark.parametrize("lines", COUNTED_LISTS, ids=[lines[0][:20] for lines in COUNTED_LISTS])
def test_a_run_of_counted_links_goes(lines: tuple[str, ...]) -> None:
    """Three lines or more that each end in a count, one after the other, go; two of them, or
    one alone, stay (a table may hold a row that ends so)."""
    out, removals = strip_boilerplate_and_explain(_between("\n".join(lines)), RULES_ONLY)
    assert out == f"{BEFORE}\n{AFTER}"
    assert {r.rule for r in removals} == {"chrome.counted_list"}
    two = _between("\n".join(lines[:2]))
    assert strip_boilerplate_and_explain(two, RULES_ONLY).text == two


def test_an_archive_line_does_not_break_a_run_of_counted_links() -> None:
    """A blog's archive ("► 2019 (10)") amid its categories with counts is chrome too."""
    text = _between("Camping (12)\n▼ 2019 (10)\nHiking (3)\nFood (45)")
    out, removals = strip_boilerplate_and_explain(text, RULES_ONLY)
    assert out == f"{BEFORE}\n{AFTER}"
    assert [r.rule for r in removals].count("chrome.counted_list") == 3


@pytest.mark.parametrize("lines", COUNTED_KEPT, ids=[lines[0][:20] for lines in COUNTED_KEPT])
def test_a_run_of_years_or_equation_numbers_stays(lines: tuple[str, ...]) -> None:
    """A filmography, numbered equations or sentences before their notes' numbers stay."""
    text = _between("\n".join(lines))
    assert strip_boilerplate_and_explain(text, RULES_ONLY).text == text
