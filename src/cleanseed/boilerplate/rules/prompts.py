"""What a page asks of the reader and discloses to them around the article: the headings and
notices of newsletter forms, the boxes a form asks the reader to tick, appeals to pay for
fewer ads or to turn an ad blocker off, and affiliate disclosures, in the languages of the
consent rules and Czech and Turkish.

A heading rule names a whole short line ("Raptors Newsletter", "See all newsletters"); a
notice rule looks for a sentence only a form or a disclosure says, in the site's own voice ("You
can unsubscribe at any time", "we may earn a commission"), so a news story about newsletters or
affiliate marketing stays.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.base import Rule
from cleanseed.boilerplate.rules.speech import REPORTED_SPEECH

__all__ = ["RULES"]

_LETTER = (
    r"(?:newsletters?|nieuwsbrie(?:f|ven)|nyhetsbrev(?:et)?|bolet(?:í|i)n(?:es)?|рассылк[аи]"
    r"|e-?bültenler?|bültenler?|zpravodaje?|infolettres?|lettres? d['’]information)"
)
# A newsletter form's heading: a name and the word ("Raptors Newsletter", "The Quanta
# Newsletter", "Unser Newsletter"), or a control of the list ("See all newsletters").
_LETTER_HEADING = (
    r"(?:(?:\p{Lu}[\pL\pN&'’.+-]*|\d+|the|our|unser(?:e|en)?|notre|nos|nuestro|la nostra"
    r"|nossa|onze|vårt|nasz|наша|náš|bizim)[ \t]+){0,3}(?i:" + _LETTER + r")"
    r"|(?i:(?:see|view|browse|manage|all|more|most recent|latest|loading)(?: (?:all|our|your))?"
    r" " + _LETTER + r"(?:[ \t]*(?:\.\.\.|…))?)"
    r"|(?i:(?:breaking )?news (?:e-?mails|alerts)|e-?mail me|stay updated|get (?:the|our)"
    r" newsletter)"
)
# How such a heading ends.
_LETTER_END = (
    rf"(?i:{_LETTER}|e-?mails|alerts|e-?mail me|stay updated|newsletter)(?:[ \t]*(?:\.\.\.|…))?"
)
# The form's notices: no spam, leave when you like, thanks, errors.
_FORM_NOTICE = (
    r"(?:you can|you may|unsubscribe|opt out) (?:unsubscribe |opt out )?at any time"
    r"|no spam[,.!]|we (?:will )?never (?:share|sell) your (?:e-?mail|details|data)"
    r"|thanks? (?:you )?for (?:signing up|subscribing)|(?:there was an )?error processing your"
    r" subscription|unsubscribe failed|check the opt-in box"
    r"|(?:abmeldung|abbestellung) (?:ist )?jederzeit möglich|(?:jederzeit|kostenlos) (?:wieder )?"
    r"abbestellbar|kein spam[,.!]|danke für (?:ihre|deine) anmeldung"
    r"|(?:vous pouvez vous|se) désinscrire à tout moment|désinscription (?:possible )?à tout"
    r" moment|pas de spam[,.!]|merci (?:de|pour) votre inscription"
    r"|(?:puedes|podrás|puede) darte de baja (?:en cualquier momento)?|darse de baja en cualquier"
    r" momento|sin spam[,.!]|gracias por (?:suscribirte|tu suscripción|registrarte)"
    r"|(?:puoi|potrai) (?:annullare l['’]iscrizione|disiscriverti) in qualsiasi momento"
    r"|niente spam[,.!]|grazie per (?:esserti iscritto|l['’]iscrizione)"
    r"|(?:você )?pode cancelar (?:a (?:sua )?inscrição|a assinatura) a qualquer momento"
    r"|sem spam[,.!]|obrigad[oa] por (?:se inscrever|assinar|se cadastrar)"
    r"|(?:je kunt je|u kunt zich) (?:op elk moment|altijd) (?:weer )?afmelden|geen spam[,.!]"
    r"|bedankt voor (?:je|uw) (?:inschrijving|aanmelding)"
    r"|(?:du kan|avsluta prenumerationen) (?:avsluta prenumerationen )?när som helst"
    r"|ingen spam[,.!]|tack för (?:din prenumeration|att du prenumererar)"
    r"|(?:możesz|można) (?:zrezygnować|wypisać się)[^.!?\n]* w (?:dowolnym|każdej)"
    r" (?:momencie|chwili)|zero spamu|bez spamu|dziękujemy za (?:zapisanie się|subskrypcję)"
    r"|(?:вы можете )?отписаться (?:можно )?в любой момент|никакого спама"
    r"|спасибо за подписку|odhlásit se (?:můžete )?(?:kdykoli|kdykoliv)|žádný spam"
    r"|děkujeme za (?:přihlášení|odběr)|[iİ]stediğiniz zaman abonelikten çıkabilirsiniz"
    r"|spam yok|abone olduğunuz için teşekkür"
)

# A word every one of those notices holds; the set looks for it alone, the sentences are checked
# only on the lines that have one (see posts.COMMENT_NOTICE_WORD).
_FORM_WORD = (
    r"(?i:unsubscri|subscribing|subscription|signing up|opt-in|opt out|never (?:share|sell)|spam"
    r"|спам|abmeldung|abbestell|anmeldung|désinscri|inscription|darte de baja|darse de baja"
    r"|suscribirte|suscripción|registrarte|disiscriv|iscrizione|esserti iscritto|cancelar a"
    r"|se inscrever|assinar|cadastrar|afmelden|inschrijving|aanmelding|prenumer|zrezygnować"
    r"|wypisać|zapisanie|subskrypcj|отписаться|подписку|odhlásit|přihlášení|odběr|abonelik"
    r"|abone olduğunuz)"
)

# The site discloses that it is paid when readers buy through its links, in its own voice.
_AFFILIATE = (
    r"(?:we|i) (?:may |might |could |will )?(?:earn|receive|get|make)\b[^.!?\n]*"
    r"(?:commission|compensation|share of (?:the )?(?:sales|revenue))"
    r"|as an amazon associate|earns? from qualifying purchases"
    r"|(?:contains|includes|may contain|uses) affiliate links"
    r"|affiliate (?:links?|disclosure)[ \t]*:"
    r"|(?:erhalten|bekommen|verdienen) wir[^.!?\n]*provision|wir (?:erhalten|bekommen"
    r"|verdienen)[^.!?\n]*provision"
    r"|(?:enthält|sind) (?:sogenannte )?(?:affiliate|provisions)-?links"
    r"|nous (?:pouvons |pourrions )?(?:percevoir|recevoir|toucher)[^.!?\n]*commission"
    r"|contient des liens (?:d['’]affiliation|affiliés)"
    r"|(?:podemos|podríamos) (?:recibir|ganar|obtener)[^.!?\n]*comisión|recibimos"
    r"[^.!?\n]*comisión|contiene enlaces de afiliad"
    r"|(?:potremmo|possiamo) (?:ricevere|guadagnare)[^.!?\n]*commissione|riceviamo"
    r"[^.!?\n]*commissione|contiene link (?:di )?affiliazione"
    r"|(?:podemos|poderemos) (?:receber|ganhar)[^.!?\n]*comissão|recebemos[^.!?\n]*"
    r"comissão|contém links de afiliados"
    r"|(?:ontvangen|krijgen|verdienen) (?:wij|we)[^.!?\n]*(?:commissie|vergoeding)"
    r"|(?:wij|we) (?:ontvangen|krijgen|verdienen)[^.!?\n]*(?:commissie|vergoeding)"
    r"|bevat affiliate ?links"
    r"|(?:får|tjänar) vi[^.!?\n]*(?:provision|ersättning)|vi (?:får|tjänar)[^.!?\n]*"
    r"(?:provision|ersättning)|innehåller affiliatelänkar"
    r"|(?:otrzymujemy|możemy otrzymać|dostajemy)[^.!?\n]*prowizj|zawiera linki afiliacyjne"
    r"|(?:мы )?(?:можем )?получ(?:аем|ить)[^.!?\n]*комисси|содержит партн[её]рские ссылки"
    r"|(?:získáme|můžeme získat|dostaneme)[^.!?\n]*provizi|obsahuje affiliate odkazy"
    r"|komisyon (?:alabiliriz|kazanabiliriz|alıyoruz)|satış ortaklığı bağlantıları içer"
)

# The word a disclosure cannot do without: what the site is paid, or the program that pays it.
# The rule set looks for it alone (a plain word is cheap to look for among every line); the
# sentence around it is checked only on the lines that have it.
_PAID = (
    r"(?i:commission|provision|comisión|commissione|comissão|commissie|vergoeding|ersättning"
    r"|prowizj|комисси|provizi|komisyon|affiliate|affiliés?|afiliad|affiliazione|afiliacyjn"
    r"|партн[её]рские ссылки|satış ortaklığı|qualifying purchases|amazon associate)"
)
# A disclosure names the links or the purchase it is paid for.
_BUYING = (
    r"(?i)link|purchas|buy|bought|click|amazon|affiliat|kauf|achat|achet|compra|acquist|koop"
    r"|köp|zakup|kupi|покуп|ссылк|nákup|odkaz|satın|bağlantı"
)

# The site's own notices in its footer: the form is guarded by reCAPTCHA, using the site means
# accepting its terms.
_SITE = (
    r"(?:this (?:site|page|form)|diese (?:website|seite)|ce (?:site|formulaire)|este (?:sitio|site"
    r"|formulario)|questo sito|deze (?:site|website)|den här webbplatsen|denna webbplats"
    r"|ta strona|этот сайт|tento web|bu site)"
)
_RECAPTCHA = rf"{_SITE}[^.\n]*recaptcha"
_TERMS_ACCEPTED = (
    r"(?:use of|registration on|using)(?: or (?:use of|registration on))?[^.\n]*(?:this|our)"
    r" (?:site|website|service)s?[^.\n]* constitutes (?:your )?acceptance"
    r"|die nutzung dieser (?:website|seite) (?:unterliegt|setzt die zustimmung)"
    r"|l['’]utilisation de ce site (?:implique|vaut) (?:l['’])?acceptation"
    r"|el uso de este sitio (?:implica|constituye) (?:la )?aceptación"
    r"|l['’]uso di questo sito (?:implica|costituisce) (?:l['’])?accettazione"
    r"|o uso deste site (?:implica|constitui) (?:a )?aceitação"
    r"|gebruik van deze (?:site|website) (?:betekent|houdt in) dat u"
    r"|användning av (?:denna|den här) webbplats innebär"
    r"|korzystanie z (?:tej )?(?:strony|serwisu) oznacza akceptację"
    r"|использование (?:этого |данного )?сайта означает"
    r"|používáním (?:tohoto )?webu (?:souhlasíte|vyjadřujete souhlas)"
    r"|bu siteyi kullanarak[^.\n]*kabul etmiş olursunuz"
)
# Where the acceptance sentence starts; the set looks for this, the whole sentence is checked
# on the lines that have it.
_USE_OF_SITE = (
    r"(?i:constitutes (?:your )?acceptance|nutzung dieser (?:website|seite)|utilisation de ce site"
    r"|uso de este sitio|uso di questo sito|uso deste site|gebruik van deze (?:site|website)"
    r"|användning av (?:denna|den här) webbplats|korzystanie z (?:tej )?(?:strony|serwisu)"
    r"|использование (?:этого |данного )?сайта|používáním (?:tohoto )?webu"
    r"|bu siteyi kullanarak)"
)
# A form's box the reader ticks, in the reader's own voice: consent to the site's terms or to
# its mail ("By checking this box, I agree to the terms of service and privacy policy", "I
# understand that I can withdraw my consent at any time", "Ich habe die Datenschutzerklärung
# gelesen"). The first person opens the line or follows the clause that says how to tick it.
_CONSENT = (
    r"(?:^|[.!?:;,][ \t]*)(?:"
    r"i (?:hereby )?(?:agree|consent) to\b|i (?:hereby )?(?:agree|consent) that [^.!?\n]*"
    r"\b(?:can|may|will) (?:send|contact|e-?mail|use|store|process|share)\b"
    r"|i accept (?:the|all|these|your)\b[^.!?\n]*(?:terms|privacy|policy|conditions)"
    r"|i(?: have|['’]ve) read and (?:agree|accept|understand)"
    r"|i understand (?:that )?i (?:can|may) (?:withdraw|unsubscribe|revoke|opt out|cancel)"
    r"|i(?:['’]m| am) (?:okay|ok|fine|happy) with [^.!?\n]*(?:handling|using|processing"
    r"|storing|sending|contacting)"
    r"|ich (?:stimme|willige)\b[^.!?\n]*(?:datenschutz|verarbeitung|speicherung"
    r"|nutzungsbedingungen|agb|newsletter|e-mail|werbung)\w*[^.!?\n]*\b(?:zu|ein)\b"
    r"|ich akzeptiere (?:die|den|das)\b"
    r"|ich habe (?:die|den|das) [^.!?\n]*gelesen|ich bin (?:damit )?einverstanden,? dass"
    r"|j['’](?:accepte|ai lu et)|je (?:consens|donne mon consentement|comprends que je peux)"
    r"|(?:he leído y )?acepto (?:los|las|la|el|recibir)\b|doy mi consentimiento"
    r"|(?:ho letto e )?accetto (?:i|il|la|le|l['’]|di ricevere)\b|acconsento|do il (?:mio )?"
    r"consenso"
    r"|(?:li e )?aceito (?:os|as|a|o|receber)\b|concordo com (?:os|as|a|o)\b"
    r"|ik (?:ga akkoord|geef toestemming|heb de [^.!?\n]*gelezen)"
    r"|jag (?:godkänner|samtycker|har läst)|akceptuję|wyrażam zgodę"
    r"|(?:я )?(?:согласен|согласна|даю согласие)|souhlasím s|kabul ediyorum)"
)
# What the box consents to: the site's terms and policies, the reader's data, its mail.
_CONSENT_OBJECT = (
    r"(?i)terms (?:of (?:use|service|sale)|and conditions)|privacy|policy|consent"
    r"|personal (?:data|information)|newsletter|e-?mails?"
    r"|offers|send me|contact me|datenschutz|daten\b|einwilligung|agb|nutzungsbedingungen"
    r"|confidentialit|conditions|données|privacidad|términos|condiciones|datos|informativa"
    r"|termini|dati|privacidade|termos|dados|voorwaarden|gegevens|villkor|personuppgift"
    r"|regulamin|danych|prywatno|персональн|услови|podmínk|osobních|koşul|kişisel|gizlilik"
)
# The word every one of those boxes opens with, looked for alone by the set.
_CONSENT_WORD = (
    r"(?i:agree|consent|accept|understand that i|i understand i|okay with|ok with|fine with"
    r"|happy with|ich stimme|ich willige|ich akzeptiere|gelesen|einverstanden|j['’]accepte"
    r"|j['’]ai lu|je consens|consentement|je comprends que je peux|acepto|doy mi|accetto"
    r"|acconsento|il mio consenso|do il consenso|aceito|concordo|ik ga akkoord|toestemming"
    r"|gelezen|godkänner|samtycker|jag har läst|akceptuję|wyrażam zgodę|согласн|даю согласие"
    r"|souhlasím|kabul ediyorum)"
)

# The site asks to be paid for its ads or spared its readers' ad blockers, in its own voice:
# "Want to see fewer ads? Become a Member.", "If you value our work, please disable your ad
# blocker.", "Werbefrei lesen mit SPIEGEL+". A story about ad blockers speaks of them, not to the
# reader's: the second person or a reader's wish is what the rule needs.
_AD_APPEAL = (
    r"(?:^|want to |you(?:['’]ll| will| can)? |(?:member|subscriber|subscribe|join)[^.!?\n]*)"
    r"(?:see|experience|enjoy|get) (?:far |even )?(?:fewer|less|no) (?:ads|advertising"
    r"|advertisements)\b|(?:go|read|browse|enjoy|try) ad-free|(?:disable|turn off|pause"
    r"|whitelist|deactivate) (?:your|the) ad ?-?blocker|(?:your|an) ad ?-?blocker (?:is|seems)"
    r"|(?:relies|depends) on advertising to support|werbefrei (?:lesen|surfen|genießen|nutzen)"
    r"|(?:deaktivieren|pausieren) sie (?:ihren|den) ad-?blocker|(?:ihr|dein) ad-?blocker ist"
    r"|(?:lisez|lire|naviguez|profitez)[^.!?\n]*sans publicité|désactive[rz] (?:votre|ton)"
    r" bloqueur|(?:disfruta|lee|navega)[^.!?\n]*sin (?:anuncios|publicidad)|desactiva(?:r)?"
    r" (?:tu|su) bloqueador|(?:leggi|naviga)[^.!?\n]*senza pubblicità|disattiva(?:re)?"
    r" (?:il tuo |l['’])ad-?block|(?:leia|navegue)[^.!?\n]*sem anúncios|desative (?:o seu"
    r"|seu) bloqueador|(?:lees|surf)[^.!?\n]*zonder advertenties|schakel (?:je|uw) adblocker"
)
# The word every such appeal holds, looked for alone by the set.
_AD_WORD = (
    r"(?i:fewer ads|less ads|no ads|fewer advert|less advert|no advert|ad-free|adblock|ad block"
    r"|ad-block|advertising to support|werbefrei|sans publicité|sin anuncios|sin publicidad"
    r"|senza pubblicità|sem anúncios|zonder advertenties|bloqueur|bloqueador)"
)

# A copyright notice and its year inside a footer line: "PIXNET Travel © 2003 - 2017", "Site
# (c) 2019". A name after the sign is a photo's credit ("photos © Inexhibit, 2018"), which is
# the article's, and stays for the caption rules.
_COPYRIGHT_INLINE = r"(?:©|\([cC]\)|(?i:copyright)[ \t]*©?)[ \t]*\d{4}\b"

# A form's field label marked required: "Email Address *", "ZIP Code *", "Name (required)".
_REQUIRED = (
    r"(?:[ \t]+\*|[ \t]*\((?i:required|pflichtfeld|obligatoire|obligatorio|obbligatorio"
    r"|obrigatório|verplicht|obligatorisk|wymagane|обязательно|povinné|zorunlu)\))"
)
# A field's label is written as a label: a capital, then lower case ("Email Address *",
# "E-Mail *"), or an acronym before such a word ("ZIP Code *"); no dot inside a word.
# "SELECT *", "SELECT DISTINCT *" and "player.setav stamina *" are code.
_LABEL_WORD = r"[\pL][\pL'’-]*"
_FIELD = (rf"(?:\p{{Lu}}[\p{{Ll}}'’-][\pL'’-]*(?:[ \t]+{_LABEL_WORD}){{0,2}}"
          rf"|\p{{Lu}}+[ \t]+\p{{Lu}}?\p{{Ll}}[\pL'’-]*(?:[ \t]+{_LABEL_WORD})?){_REQUIRED}")

RULES: tuple[Rule, ...] = (
    # "Raptors Newsletter", "See all newsletters", "Unser Newsletter", "Breaking News Emails".
    # (The set looks for the line's last word; the heading's shape is checked on those lines.)
    Rule(id="chrome.newsletter_heading", lang="*", scope="tail", max_chars=60,
         pattern=_LETTER_END, requires=(f"^(?:{_LETTER_HEADING})$",)),
    # "No spam, we promise. You can unsubscribe at any time.", "Thanks for signing up!"
    Rule(
        id="chrome.newsletter_notice", lang="*", scope="search", max_chars=250,
        pattern=_FORM_WORD,
        requires=(rf"(?i)(?:^|[.!?:;|–—•·][ \t]*|[ \t])(?:{_FORM_NOTICE})",),
        unless=(REPORTED_SPEECH["en"],),
    ),
    # "When you purchase through links on our site, we may earn an affiliate commission."
    Rule(
        id="chrome.affiliate", lang="*", scope="search", max_chars=400, pattern=_PAID,
        requires=(rf"(?i)(?:^|[.!?:;(–—•·][ \t]*|[ \t])(?:{_AFFILIATE})", _BUYING),
        unless=(REPORTED_SPEECH["en"],),
    ),
    # "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms apply."
    Rule(id="chrome.recaptcha", lang="*", scope="search", max_chars=300,
         pattern="(?i:recaptcha)", requires=(f"(?i){_RECAPTCHA}",),
         unless=(REPORTED_SPEECH["en"],)),
    # "Use of this site constitutes acceptance of our User Agreement and Privacy Policy."
    Rule(id="chrome.terms_accepted", lang="*", scope="search", max_chars=300,
         pattern=_USE_OF_SITE, requires=(f"(?i){_TERMS_ACCEPTED}",),
         unless=(REPORTED_SPEECH["en"],)),
    # "By checking this box, I agree to the terms of service and privacy policy of Example."
    Rule(id="chrome.consent_box", lang="*", scope="search", max_chars=250,
         pattern=_CONSENT_WORD, requires=(f"(?i){_CONSENT}", _CONSENT_OBJECT),
         unless=(REPORTED_SPEECH["en"], REPORTED_SPEECH["de"])),
    # "Want to see fewer ads? Become a Member.", "Please disable your ad blocker."
    Rule(id="chrome.ad_appeal", lang="*", scope="search", max_chars=250,
         pattern=_AD_WORD, requires=(f"(?i){_AD_APPEAL}",),
         unless=(REPORTED_SPEECH["en"], REPORTED_SPEECH["de"])),
    # "Email Address *", "Name (required)".
    Rule(id="chrome.form_field", lang="*", scope="tail", max_chars=40, pattern=_REQUIRED,
         requires=(f"^(?:{_FIELD})$",)),
    # "PIXNET Travel © 2003 - 2017": a short footer line with its copyright anywhere in it (a
    # line that starts with one is chrome.copyright's).
    Rule(id="chrome.copyright_inline", lang="*", scope="search", max_chars=100,
         pattern=_COPYRIGHT_INLINE),
)
