"""Page chrome: share and print links, advertising slots, newsletter and app prompts, navigation,
"Read more" teasers, copyright footers, script warnings, loaders and comment counters.

Almost every rule here must match a whole line: "Share" alone is chrome, "Shares of Apple rose
3%" is news. A teaser needs its separator ("Read more: <headline>"), so "Read more books, the
teacher said." stays.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.base import Rule, alternation, label_line
from cleanseed.boilerplate.rules.speech import REPORTED_SPEECH
from cleanseed.boilerplate.rules.teasers import MORE as _MORE
from cleanseed.boilerplate.rules.teasers import TEASER as _TEASER

__all__ = ["CHROME_MAX_CHARS", "RULES"]

#: Chrome lines are short; a longer line that looks like one is prose.
CHROME_MAX_CHARS = 250

_SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|weibo|wechat|line"
    r"|e-?mail|messenger|flipboard|tumblr|threads|bluesky|mastodon|xing|vk|微信|微博|朋友圈"
    r"|QQ空间|QQ)"
)

_SHARE = (
    r"share(?: this)?(?: article| story| post| page| video| link| on| via)?:?",
    rf"share(?: this)? (?:on|via|to|with|by) {_SOCIAL}", r"read later", r"copied!?",
    r"close share (?:panel|menu|dialog)",
    r"click to share on \S+(?: \(opens in new window\))?",
    r"sharing is caring!?", r"like this:", r"buffer",
    _SOCIAL, r"tweet(?: this)?", r"print(?: this)?(?: article| page| story)?",
    r"e-?mail(?: this)?(?: article| story| page| to a friend)?", r"copy (?:link|url)",
    r"link copied", r"save (?:article|story|for later)", r"bookmark", r"gift (?:this )?article",
    r"(?:artikel )?teilen", rf"(?:auf|per|via) {_SOCIAL} teilen", r"drucken",
    r"per e-?mail (?:teilen|versenden|senden)", r"link kopieren", r"merken",
    r"partager(?: l['’]article| cet article)?", rf"partager (?:sur|par|via) {_SOCIAL}",
    r"imprimer", r"envoyer par e-?mail", r"copier le lien", rf"compartir(?: en {_SOCIAL})?",
    r"imprimir", r"enviar por (?:e-?mail|correo)", r"copiar (?:enlace|link|o link)",
    rf"condividi(?: su {_SOCIAL})?", r"stampa", r"invia per e-?mail", r"copia (?:il )?link",
    rf"(?:compartilhar|partilhar)(?: no {_SOCIAL})?", r"delen", r"afdrukken", r"dela",
    r"skriv ut", r"udostępnij", r"drukuj", r"поделиться", r"печать",
    rf"分享(?:到)?(?:{_SOCIAL})?", r"转发", r"轉發", r"打印(?:本页|此页|本頁|此頁|文章|全文)?",
    r"列印(?:本頁|此頁)?", r"收藏", r"复制链接",
    r"複製連結", r"シェア(?:する)?", r"ツイート", r"印刷", r"共有", r"공유(?:하기)?", r"인쇄",
)

_AD_WORD = (
    r"(?:advertisement|advertising|advertorial|sponsored(?: content| post| links?| stories)?"
    r"|promoted(?: content| stories)?|paid (?:content|post)|ad|ads|adchoices|advert|anzeige|werbung"
    r"|publicité|iklan|gesponsert|contenu sponsorisé|contenido patrocinado|patrocinado"
    r"|contenuto sponsorizzato|sponsorizzato|gesponsord|sponsrat"
    r"|publicidad|pubblicità|publicidade|advertentie|reclame|annons|reklama|реклама|광고|广告"
    r"|廣告|広告|推广|推廣|赞助|贊助|赞助内容|贊助內容|商业推广|商業推廣|スポンサーリンク"
    r"|スポンサー)"
)
_AD_TAIL = (
    r"(?:(?:story|article|content|text) continues below(?: this)?(?: advertisement| ad)?"
    r"|continue reading (?:the main story|below)"
    r"|scroll (?:down )?to continue(?: reading| with content)?"
    r"|weiterlesen nach der anzeige|weiter nach der anzeige"
    r"|la suite (?:après|sous) (?:cette |la )?publicité"
    r"|continúa (?:después|debajo) de la publicidad"
    r"|l['’]articolo continua (?:sotto|dopo la pubblicità))"
)

# Asking the reader to subscribe, at the start of a sentence, and what they would subscribe to.
_SUBSCRIBE = (
    r"(?:sign up|subscribe|register|join|get|receive|stay (?:informed|up to date|in the know)"
    r"|don['’]t miss|abonnieren sie|abonniere|melden sie sich|melde dich|bestellen sie"
    r"|erhalten sie|registrieren sie sich|verpassen sie|jetzt (?:kostenlos )?(?:abonnieren"
    r"|anmelden|registrieren)|abonnez-vous|inscrivez-vous|recevez|ne manquez|restez informés?"
    r"|suscr[íi]bete|suscr[íi]base|suscribite|apúntate|regístrate|recibe|reciba|no te pierdas"
    r"|iscriviti|abbonati|ricevi|registrati|non perderti|assine|inscreva-se|cadastre-se|receba"
    r"|não perca|schrijf (?:je|u) in|meld (?:je|u) aan|abonneer (?:je|u)|ontvang|prenumerera"
    r"|anmäl dig|zapisz się|subskrybuj|подпишитесь|订阅|訂閱|扫码关注|掃碼關注)"
)
_LETTER = (
    r"(?:newsletters?|nieuwsbrief|nyhetsbrev|boletín|bolet[ií]n|infolettre"
    r"|lettre d['’]information|inbox|postfach|posteingang|boîte (?:mail|e-mail|de réception)"
    r"|bandeja de entrada|casella (?:di posta|email)|caixa de entrada|e-?mail (?:updates|alerts"
    r"|briefing)|daily briefing|morning briefing|рассылк|新闻通讯|新聞通訊|电子报|電子報|简报"
    r"|簡報|公众号|公眾號)"
)
_APP = (
    r"(?:download|get|install|try) (?:our|the)(?: free| new)?(?: [\w-]+){0,3} app\b.*"
    r"|available (?:on|in) the app store.*|get it on google play.*"
    r"|(?:jetzt )?(?:die|unsere) (?:[\w-]+ )?app (?:herunterladen|laden|installieren|downloaden)"
    r".*|app herunterladen.*|laden sie (?:sich )?(?:jetzt )?(?:unsere|die) .*app.*"
    r"|hol(?:en sie)? (?:dir|sich) (?:die|unsere) .*app.*"
    r"|t[ée]l[ée]charge[zr]? (?:gratuitement )?(?:notre |l['’]|la )(?:appli(?:cation)?|app)\b.*"
    r"|desc[aá]rg(?:a|ue|ate|uese)(?: gratis)? (?:nuestra|la) (?:app|aplicación).*"
    r"|scarica (?:gratis )?(?:la nostra |l['’])app.*"
    r"|baixe (?:o nosso |nosso |o )?(?:app|aplicativo).*|descarregue a (?:nossa )?app.*"
    r"|download (?:onze|de) app.*|ladda ner (?:vår|appen).*|pobierz (?:naszą )?aplikację.*"
    r"|скачайте (?:наше )?приложение.*"
    r"|(?:扫码|掃碼|立即|点击|點擊)?下载\p{Han}{0,6}(?:客户端|客戶端|app|应用|應用).*"
    r"|扫码下载.*|アプリ(?:を)?ダウンロード.*|アプリで読む"
)

_NAV = (
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article|menu)",
    r"skip navigation", r"jump to (?:main )?(?:content|navigation|comments)", r"back to top",
    r"(?:go|scroll|return) to top", r"top of page", r"main menu", r"toggle navigation",
    r"(?:open|close) menu", r"menu", r"search(?: form)?",
    # a search box's placeholder: "Search docs…", "Suchen …", "Rechercher..."
    r"(?:search|suche|suchen|rechercher|buscar|cerca|pesquisar|zoeken|sök|szukaj|поиск)"
    r"(?: [\w ]{1,30})?[ \t]*(?:…|\.\.\.)", r"sign in", r"log ?in", r"register",
    r"close", r"cancel", r"dismiss", r"(?:back|return) to (?:top|home|homepage|gallery)",
    r"(?:logo )?return to top",
    r"my account",
    r"(?:direkt )?zum (?:haupt)?inhalt(?: springen| wechseln)?",
    r"zur (?:haupt)?navigation(?: springen)?", r"(?:navigation|inhalt) überspringen",
    r"zur suche(?: springen)?", r"(?:zurück )?nach oben", r"(?:zum )?seitenanfang",
    r"zurück zur startseite",
    r"(?:aller|passer|accéder) (?:au|à la|directement au) (?:contenu(?: principal)?|navigation"
    r"|menu|recherche)", r"retour en haut(?: de (?:la )?page)?", r"haut de page",
    r"(?:revenir|remonter) en haut(?: de (?:la )?page)?", r"retour à l['’]accueil",
    r"(?:ir|saltar|pasar) (?:al contenido(?: principal)?|a la navegación|al menú)",
    r"(?:volver|ir) (?:arriba|al inicio)", r"subir", r"volver a la portada",
    r"(?:vai|salta|passa) (?:al contenuto(?: principale)?|alla navigazione)",
    r"torna (?:su|in alto|all['’]inizio|alla home(?:page)?)",
    r"(?:ir|pular|saltar) para o conteúdo(?: principal)?", r"(?:voltar|ir) (?:ao|para o) topo",
    r"(?:ga |direct |spring )?naar (?:de )?(?:hoofd)?inhoud", r"(?:terug )?naar boven",
    r"hoppa till (?:huvud)?innehåll(?:et)?", r"(?:tillbaka )?till toppen",
    r"przejdź do (?:głównej )?(?:treści|zawartości)", r"do góry", r"powrót na górę",
    r"перейти к (?:основному )?(?:содержанию|содержимому)", r"(?:вернуться )?наверх",
    r"返回顶部", r"回到顶部", r"返回頂部", r"回到頂部", r"跳过导航", r"略过导航", r"跳過導覽",
    r"略過導覽", r"(?:跳到|跳至|跳转到|跳轉到)(?:主要)?(?:内容|內容|正文|导航|導覽)",
    r"(?:返回|回到)(?:首页|首頁)", r"关闭(?:窗口|本页)?", r"關閉(?:視窗|本頁)?",
    r"トップへ戻る", r"ページの?(?:先頭|トップ|上部)へ(?:戻る)?",
    r"(?:本文|メインコンテンツ|コンテンツ)へ(?:スキップ|移動)", r"ナビゲーションをスキップ",
    r"본문(?:으로)? 바로가기", r"(?:주 )?메뉴 바로가기", r"맨 위로", r"위로 가기",
)
# Arrows around a navigation label: "Back to Top ↑", "↑ Nach oben", "Zurück nach oben ⬆".
_NAV_ARROW = r"(?:[ \t]*[↑⬆▲△⇧↥^←→»›>«‹]+[ \t]*)?"

# After a label alone: an arrow, an ellipsis, or the colon of a heading ("You may also like:").
_ARROW = r"(?:[ \t]*(?:[>»›→…:：]|\.\.\.))?"

# The labels of bracketed buttons on Chinese pages.
_CJK_BUTTON = alternation((
    r"打印(?:本页|此页|本頁|此頁|文章)?", r"列印", r"关闭(?:窗口|本页)?", r"關閉(?:視窗|本頁)?",
    r"(?:我要)?纠错", r"(?:我要)?糾錯", r"(?:加入)?收藏", r"分享(?:到)?", r"推荐", r"推薦",
    r"评论", r"評論", r"复制链接", r"複製連結", r"返回顶部", r"返回頂部", r"字号", r"字號", r"大",
    r"中", r"小", r"放大", r"缩小", r"縮小", r"默认", r"默認", r"返回", r"返回(?:首页|首頁|列表)",
    r"(?:阅读|閱讀|查看)原文", r"转发", r"轉發", r"发给朋友", r"(?i:top)",
))

_RIGHTS = alternation((
    r"all rights reserved", r"alle rechte vorbehalten", r"tous droits réservés",
    r"todos los derechos reservados", r"tutti i diritti riservati",
    r"todos os direitos reservados", r"alle rechten voorbehouden", r"alla rättigheter förbehållna",
    r"wszelkie prawa zastrzeżone", r"все права защищены",
))

_FOOTER_STRONG = (
    r"about us", r"contact us", r"privacy policy", r"privacy notice",
    r"terms (?:of use|of service|and conditions|& conditions)", r"cookie policy", r"site ?map",
    r"accessibility(?: statement)?", r"advertise(?: with us)?", r"careers", r"imprint",
    r"impressum", r"datenschutz(?:erklärung)?", r"nutzungsbedingungen", r"agb", r"kontakt",
    r"mentions légales", r"politique de confidentialité",
    r"conditions (?:générales )?d['’]utilisation", r"nous contacter", r"aviso legal",
    r"política de privacidad", r"términos y condiciones", r"contacto", r"quiénes somos",
    r"note legali", r"chi siamo", r"contatti", r"política de privacidade", r"termos de uso",
    r"fale conosco", r"privacybeleid", r"algemene voorwaarden", r"over ons", r"integritetspolicy",
    r"om oss", r"polityka prywatności", r"regulamin", r"关于我们", r"關於我們", r"联系我们",
    r"聯絡我們", r"隐私政策", r"隱私政策", r"使用条款", r"免责声明", r"网站地图", r"網站地圖",
    r"プライバシーポリシー", r"利用規約", r"会社概要", r"お問い合わせ", r"サイトマップ",
    r"개인정보처리방침", r"이용약관",
    # the links a footer adds for privacy law, and Czech and Turkish footers
    r"privacy (?:statement|center|centre|settings|choices)", r"your privacy choices",
    r"user agreement", r"cookie (?:settings|preferences|notice)", r"manage cookies",
    r"do not sell(?: or share)? my (?:personal )?info(?:rmation)?", r"legal notice",
    r"datenschutz(?:hinweise|einstellungen|richtlinie)", r"cookie-(?:einstellungen|richtlinie)",
    r"barrierefreiheit", r"déclaration de confidentialité", r"gestion des cookies",
    r"(?:paramètres|préférences) (?:des )?cookies", r"declaración de privacidad",
    r"política de cookies", r"configuración de cookies", r"informativa (?:sulla )?privacy",
    r"impostazioni (?:dei )?cookie", r"aviso de privacidade", r"privacyverklaring",
    r"cookiebeleid", r"cookie-instellingen",
    r"dataskyddspolicy", r"cookieinställningar", r"polityka cookies", r"ustawienia cookies",
    r"политика конфиденциальности", r"пользовательское соглашение", r"контакты", r"о нас",
    r"ochrana (?:osobních )?údajů", r"zásady ochrany osobních údajů",
    r"zásady (?:používání )?cookies",
    r"podmínky (?:použití|užívání)", r"o nás", r"gizlilik (?:politikası|sözleşmesi)",
    r"kullanım koşulları", r"çerez politikası", r"hakkımızda", r"[iİ]letişim", r"künye",
)
_FOOTER_WEAK = (
    r"help", r"faq", r"terms", r"privacy", r"contact", r"about", r"jobs", r"press", r"legal",
    r"rss", r"newsletters?", r"home", r"news", r"blog", r"podcasts?", r"events", r"archive",
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="chrome.share", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern="(?i:" + label_line(_SHARE, (), spaced=False) + ")(?:[ \t]*[:：])?",
    ),
    Rule(
        id="chrome.ad", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern=rf"(?i:{_AD_WORD}(?:[ \t]*[-–—:·|][ \t]*{_AD_TAIL})?|{_AD_TAIL})",
    ),
    Rule(
        id="chrome.newsletter", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern=(
            r"(?i:(?:sign up|subscribe|register|join)(?: now| today| free| here)?(?: for| to)?"
            r"(?: our| the| my| a)?(?: free| daily| weekly| morning| evening| \w+)? (?:newsletters?"
            r"|e-?mails?|briefings?|digest|alerts?|mailing list)\b.*|(?:get|receive) (?:our|the)"
            r"(?: free| daily| weekly| \w+)? (?:newsletters?|briefings?|digest)\b.*"
            r"|subscribe(?: now| today| here)?(?: to .+)?|newsletter"
            # the button alone: "S'abonner", "Abonnieren", "Abone ol"
            r"|s['’]abonner|abonnieren|suscribirse|iscriviti|assinar|abonneren|prenumerera"
            r"|subskrybuj|zapisz się|подписаться|odebírat|přihlásit k odběru|abone ol"
            r"|(?:download|get|install) (?:our|the)(?: free)?(?: \w+){0,3} app\b.*"
            r"|(?:jetzt |kostenlos )?(?:zum )?newsletter (?:abonnieren|bestellen|anmelden).*"
            r"|jetzt abonnieren.*|melden sie sich .*newsletter.*|(?:app herunterladen|laden"
            r" sie (?:unsere|die) .*app).*|abonnez-vous.*|inscrivez-vous.*(?:newsletter"
            r"|lettre d['’]information).*|recevez (?:notre|la) newsletter.*|téléchargez (?:notre"
            r"|l['’])application.*|suscr[íi]b(?:ete|ase).*|recib[ea] (?:nuestro|el) (?:boletín"
            r"|newsletter).*|descarga (?:nuestra|la) app.*|iscriviti(?: alla| alle)?(?: nostra)?"
            r" newsletter.*|abbonati (?:ora|subito|a) .*|scarica (?:la nostra |l['’])app.*"
            r"|assine (?:a |nossa )?"
            r"(?:newsletter|já).*|inscreva-se.*|baixe (?:o nosso|nosso|o) app.*|schrijf (?:je|u)"
            r" in voor (?:onze |de )?nieuwsbrief.*|download (?:onze|de) app.*"
            r"|订阅我们的(?:新闻通讯|邮件|简报|电子报).*|订阅(?:新闻通讯|邮件|简报|电子报)"
            r"(?:[ \t]*[:：>»].*)?|扫码关注.*|长按(?:识别)?二维码.*"
            r"|下载\p{Han}*(?:客户端|app).*|メルマガ(?:登録|購読).*"
            r"|ニュースレター(?:に|を)?(?:登録|購読).*|アプリを?ダウンロード.*)"
        ),
    ),
    # "Get the latest news straight to your inbox. Subscribe to our free daily newsletter.",
    # "Recevez l'essentiel : inscrivez-vous à notre newsletter.": a sentence that asks the
    # reader to subscribe and names the newsletter, anywhere in a short line.
    Rule(
        id="chrome.newsletter_prompt", lang="*", scope="search", max_chars=CHROME_MAX_CHARS,
        pattern=(
            rf"(?i:(?:^|[.!?:;|–—•·][ \t]*)(?:{_SUBSCRIBE}\b[^.!?\n]*{_LETTER}"
            # German prompts put the verb last: "Jetzt kostenlos zum Newsletter anmelden"
            r"|(?:jetzt|kostenlos|gratis|hier|einfach)\b[^.!?\n]*newsletter[^.!?\n]*"
            r"(?:anmelden|abonnieren|bestellen|sichern)))"
        ),
        unless=(REPORTED_SPEECH["en"],),
    ),
    # "Download our app", "Jetzt die App herunterladen", "Téléchargez l'appli", "扫码下载APP".
    Rule(
        id="chrome.app", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern=f"(?i:{_APP})",
    ),
    Rule(
        id="chrome.follow", lang="*", max_chars=160,
        pattern=(
            # "Follow RT on": a name and "on", the networks' icons after it
            r"(?i:follow (?:\S+[ \t]+){1,3}on(?:[ \t]*[:：])?"
            r"|follow (?:us|me)(?: on| at| via)?.*|like us on facebook.*|folge?n? (?:sie )?uns.*"
            r"|suivez-nous.*|síguenos.*|seguici.*|siga-nos.*|volg ons.*|följ oss.*|obserwuj nas.*"
            r"|подписывайтесь.*|关注我们.*|關注我們.*|フォローする|フォローしてください.*)"
        ),
    ),
    Rule(
        id="chrome.nav", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern=_NAV_ARROW + "(?i:" + label_line(_NAV, (), spaced=False) + ")" + _NAV_ARROW,
    ),
    # Buttons in brackets, as Chinese news pages print them: "【打印】【关闭】",
    # "[ 打印 ] [ 关闭 ]"; and the font-size switch "字号：大 中 小".
    Rule(
        id="chrome.cjk_buttons", lang="zh", max_chars=80,
        pattern=(
            rf"(?:[【\[［〔][ \t]*{_CJK_BUTTON}[ \t]*[】\]］〕][ \t]*)+"
            r"|(?:字号|字號|字体|字體)[ \t]*[:：]?[ \t]*(?:[大中小]|默认|默認)"
            r"(?:[ \t]*(?:[大中小]|默认|默認))*"
        ),
    ),
    # The end mark of a Chinese or Japanese wire story: "（完）", "【完】", "—— END ——".
    Rule(
        id="chrome.end_mark", lang="*", max_chars=20,
        pattern=(
            r"[（(【\[](?:完|終|终|全文完|本文完|おわり)[）)】\]]"
            r"|[-—–=]+[ \t]*END[ \t]*[-—–=]+"
        ),
    ),
    # Carousel and dialog controls left as text: "‹ › ×", "»".
    Rule(
        id="chrome.controls", lang="*", max_chars=20,
        pattern=r"[‹›«»×✕✖←→↑↓▲▼◀▶☰⋮](?:[ \t]*[‹›«»×✕✖←→↑↓▲▼◀▶☰⋮])*",
    ),
    # "Home > News > Floods close the bridge", and a trail whose first link was an icon, so that
    # it opens with its separator: "> Blog > Aus den Ländern > Jahrestagung 2015". Each link but
    # the last is a label of at most four words, the first a capital ("> > quoted twice" and
    # "> if x > 3" are a reply's quotation).
    Rule(
        id="chrome.breadcrumb", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern=(
            r"(?i:home|startseite|accueil|inicio|início|home page|首页|首頁|ホーム|홈)"
            r"(?:[ \t]*[>»›][ \t]*[^>»›]+)+"
            r"|[>»›][ \t]*(?:[\p{Lu}\p{Lo}][^>»›\s]*(?:[ \t]+[^>»›\s]+){0,3}[ \t]*[>»›][ \t]*)+"
            r"[^>»›\s][^>»›]*"
        ),
    ),
    Rule(
        id="chrome.read_more", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern=(
            rf"(?i:{_TEASER}(?:[ \t]*(?:[:：>»|–—]|-|\.\.\.|…)[ \t]*\S.*|{_ARROW})"
            rf"|{_MORE}{_ARROW})"
        ),
    ),
    # "© 2026 Example Media", "Copyright © 2026 ...", "COPYRIGHT 2026 ...".
    Rule(
        id="chrome.copyright", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern=(
            r"(?:©|\([cC]\)|Copyright[ \t]*(?:©|\([cC]\))|Copyright[ \t]+\d{4}|COPYRIGHT[ \t]+"
            r"(?:©[ \t]*)?(?:\d{4}|\p{Lu})|Copr\.).*"
        ),
    ),
    # "... Example Media. All rights reserved."
    Rule(
        id="chrome.rights", lang="*", scope="tail", max_chars=CHROME_MAX_CHARS,
        pattern=rf"(?i:{_RIGHTS})\.?",
    ),
    # "版权所有 © 新华网", "未经授权禁止转载", "無断転載を禁じます".
    Rule(
        id="chrome.cjk_rights", lang="*", scope="search", max_chars=160,
        pattern=(
            r"版权所有|版權所有|保留所有权利|未经授权|未經授權|無断転載|無斷轉載"
            r"|저작권자|무단 ?전재"
        ),
    ),
    Rule(
        id="chrome.javascript", lang="*", scope="search", max_chars=CHROME_MAX_CHARS,
        pattern=(
            r"(?i)(?:enable|turn on|activate|allow) javascript|javascript (?:is |must be |needs to"
            r" be )?(?:required|disabled|not enabled|turned off|enabled)|requires javascript"
            r"|javascript to (?:view|use|see|run|access|display|continue)|your browser does not"
            r" support|(?:upgrade|update) your browser|aktivieren sie javascript|aktiviere"
            r" javascript|javascript (?:ist )?deaktiviert|activer (?:le )?javascript|activ[ae]"
            r" (?:el )?javascript|habilita javascript|abilita javascript|ative o javascript"
            r"|schakel javascript in|aktivera javascript|włącz javascript|включите javascript"
            r"|(?:启用|開啟|开启|打开|啟用)[ \t]?javascript|javascriptを有効|您的浏览器不支持"
            r"|您的瀏覽器不支援|javascript[ \t]?(?:已|已经|已經)?(?:被)?(?:禁用|关闭|關閉|停用)"
            r"|(?:禁用|停用)(?:了)?[ \t]?javascript|未(?:启用|開啟|开启|啟用)[ \t]?javascript"
            r"|javascriptが(?:無効|オフ)"
        ),
        # the line must speak to the reader: a paragraph about JavaScript does not
        requires=(
            r"(?i)please|\byou|\byour|\bto (?:view|use|see|continue|access|run)|in order to|bitte"
            r"|\bsie\b|veuillez|vous|por favor|per favore|请|請|ください|您|하세요",
        ),
        unless=(REPORTED_SPEECH["en"],),
    ),
    Rule(
        id="chrome.loading", lang="*", max_chars=60,
        pattern=(
            r"(?i:(?:loading|saving|please wait|lädt|wird geladen|chargement(?: en cours)?|cargando"
            r"|caricamento(?: in corso)?|carregando|a carregar|bezig met laden|laddar|ładowanie"
            r"|загрузка|加载中|載入中|読み込み中|로딩 ?중)(?:[ \t]*(?:\.\.\.|…|\.))?)"
        ),
    ),
    Rule(
        id="chrome.comments", lang="*", max_chars=80,
        pattern=(
            r"(?i:(?:\d+[ \t]*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti"
            r"|comentários|reacties|kommentarer|komentarze?|комментари(?:и|ев|й)|评论|評論|留言"
            r"|コメント|댓글)(?:[ \t]*[(\[]?\d+[)\]]?)?|(?:leave|add|post|write|show|view|hide|load"
            r"|read) (?:a |the |all |\d+ )?(?:comments?|reply|replies)|join the (?:conversation"
            r"|discussion)|be the first to comment|no comments(?: yet)?|kommentar (?:schreiben"
            r"|verfassen|hinzufügen)|(?:laisser|ajouter|écrire) un commentaire|(?:deja|dejar"
            r"|escribe) (?:un|tu) comentario|lascia un commento|deixe (?:um|seu) comentário"
            r"|leave a reply(?: cancel reply)?|post was not sent - check your email addresses!"
            r"|email check failed, please try again"
            r"|sorry, your blog cannot share posts by e-?mail\."
            r"|发表评论|我要评论|查看评论|コメントする|コメントを書く|réagir|réagissez"
            r"|commenter|kommentieren|comentar|commenta|reageer|kommentera|skomentuj"
            r"|комментировать|写评论|寫評論|댓글 쓰기|(?:voir|afficher) les commentaires"
            r"|ver (?:los )?comentarios|kommentare anzeigen|\d+ (?:réactions?|reacties))"
        ),
    ),
    Rule(
        id="chrome.tags", lang="*", max_chars=200,
        pattern=(
            r"(?i:tags?|topics?|filed under|tagged (?:with|as)|categories|category|schlagwörter"
            r"|schlagworte|getaggt mit|verschlagwortet mit|themen|mots[- ]clés|étiquettes"
            r"|etiquetas|temas|argomenti|onderwerpen|ämnen|taggar|tagi|теги|метки|štítky|témata"
            r"|etiketler|konular|标签|標籤|タグ|태그)"
            # "Tags: cars, trucks", "tags #Local Markets #Nifty"
            r"(?:[ \t]*[:：][ \t]*\S.*|[ \t]+#\S.*)"
        ),
    ),
    Rule(
        id="chrome.footer", lang="*", max_chars=CHROME_MAX_CHARS,
        pattern="(?i:" + label_line(_FOOTER_STRONG, _FOOTER_WEAK, spaced=False) + ")",
    ),
)
