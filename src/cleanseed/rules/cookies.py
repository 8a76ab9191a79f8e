"""Cookie and consent banners: whole paragraphs, and lines made only of button labels.

A banner paragraph needs three things in one line: a cookie keyword, a first- or
second-person cue (the site speaking to the reader: "we use", "your preferences", "by
continuing") and a web context word ("site", "browser", "privacy"), and it must carry no
reported-speech veto. A paragraph *about* a banner ("Regulators said the site's cookie banner
misled users") names a third party, so it stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanseed.rules.base import Rule, label_line
from cleanseed.rules.speech import REPORTED_SPEECH

__all__ = ["BUTTON_MAX_CHARS", "RULES"]

#: A line of button labels longer than this is something else.
BUTTON_MAX_CHARS = 160


@dataclass(frozen=True, slots=True)
class _Lang:
    """The words of one language that the two cookie rules of that language are built from."""

    code: str
    keyword: str  # a cookie word: "consent" alone is also medical, legal and everyday prose
    cue: str  # the site speaking to the reader
    context: str  # a web context word
    strong: tuple[str, ...]  # button labels unambiguous on their own
    weak: tuple[str, ...]  # button labels that need company
    spaced: bool = True  # written with spaces between words
    sense: tuple[str, ...] = ()  # further requirements, where the keyword is ambiguous


# English "cookie" is also a biscuit, so an English banner must also use it in a phrase where it
# can only be the web kind ("use of cookies", "cookie settings", "analytics cookies").
_EN_SENSE = (
    r"(?i)\b(?:(?:use|uses|using|used|place|places|set|sets|store|stores|serve|deploy|employ"
    r"|utili[sz]e|accept|accepting|allow|enable|disable|block|manage|reject|decline|delete"
    r"|consent to|agree to)(?: \w+){0,2} cookies|(?:use|placement|storage|setting) of"
    r"(?: \w+)? cookies|(?:essential|necessary|analytics?|functional|performance|advertising"
    r"|marketing|tracking|targeting|third[- ]party|session|persistent|optional|non-essential)"
    r" cookies|cookies? (?:policy|settings|preferences|notice|statement|consent|banner"
    r"|declaration|choices)|cookies (?:and (?:similar|other) (?:technologies|tools|tracking)"
    r"|help us|enable us|allow us|to (?:improve|enhance|give|ensure|provide|personali[sz]e"
    r"|analy[sz]e|offer|deliver|help|make|understand|remember|collect|measure|show|serve"
    r"|track|optimi[sz]e|run|operate))|consent (?:preferences|settings|choices|management|manager"
    r"|mode))\b"
)

_LANGS = (
    _Lang(
        "en",
        keyword=r"(?i)cookie|consent",
        cue=(
            r"(?i)\b(?:we|we're|we've|our|ours|us|you|your|you're|this (?:site|website|page)"
            r"|by (?:continuing|using|clicking|browsing|visiting|accessing|remaining|staying))\b"
        ),
        context=(
            r"(?i)\b(?:site|website|web|page|browser|brows(?:e|ing)|online|experience|analytics"
            r"|advertis\w*|ads|partners|third[- ]part(?:y|ies)|technolog(?:y|ies)|settings"
            r"|preferences|privacy|personali[sz]\w*|consent|traffic|tracking|functionality"
            r"|services?|policy|terms|device|visit|continuing|agree)\b"
        ),
        strong=(
            r"accept all(?: cookies)?", r"(?:accept|allow) (?:all |necessary |essential "
            r"|selected |required )?cookies", r"allow all(?: cookies)?", r"reject all(?: cookies)?",
            r"reject (?:non-essential |optional |additional )?cookies", r"decline (?:all|cookies"
            r"|optional cookies)", r"deny all", r"refuse all", r"cookie (?:settings|preferences"
            r"|policy)", r"manage (?:cookies|cookie settings|(?:my )?preferences|consent|options"
            r"|settings|choices)", r"customi[sz]e (?:cookies|settings|choices)",
            r"(?:use )?(?:necessary|essential|required) cookies only",
            r"only (?:necessary|essential|required) cookies", r"necessary only",
            r"(?:accept|agree) (?:and|&) (?:close|continue|proceed)",
            r"save (?:and|&) (?:close|exit)",
            r"save (?:my )?(?:preferences|settings|choices)", r"confirm (?:my )?choices?",
            r"privacy settings", r"your privacy choices",
            r"do not sell(?: or share)? my personal information", r"i accept", r"i agree",
            r"privacy overview",
            r"got it!?",
        ),
        sense=(_EN_SENSE,),
        weak=(
            r"accept", r"reject", r"decline", r"deny", r"agree", r"disagree", r"allow",
            r"settings", r"preferences", r"options", r"ok(?:ay)?", r"close", r"dismiss",
            r"more (?:info|information|options)", r"learn more", r"find out more", r"cookies",
            r"continue", r"customi[sz]e", r"save", r"confirm", r"privacy policy", r"[x✕×]",
        ),
    ),
    _Lang(
        "de",
        keyword=r"(?i)cookie",
        cue=(
            r"\b(?:[Ww]ir|[Uu]ns(?:ere[mnrs]?)?|Sie|Ihr(?:e[mnrs]?)?|Ihnen|Du|[Dd]ein(?:e[mnrs]?)?"
            r"|[Dd]iese (?:Website|Webseite|Seite|Internetseite))\b"
            r"|(?i:durch (?:die )?(?:weitere )?"
            r"(?:Nutzung|Fortsetzung)|wenn Sie (?:fortfahren|weitersurfen))"
        ),
        context=(
            r"(?i)website|webseite|seite|browser|nutzung|datenschutz|einstellungen|einwilligung"
            r"|zustimmung|akzeptieren|zustimmen|erfahrung|erlebnis|analyse|werbung|partner|dienste"
            r"|angebot|surf|verwende|nutze|setze"
        ),
        strong=(
            r"alle (?:cookies )?(?:akzeptieren|annehmen|zulassen|erlauben|ablehnen)",
            r"(?:cookies )?(?:akzeptieren|zulassen|zustimmen) und (?:schließen|weiter|fortfahren)",
            r"nur (?:technisch )?(?:notwendige|essenzielle|erforderliche)(?: cookies)?"
            r"(?: akzeptieren| zulassen| erlauben)?", r"cookie-?einstellungen(?: verwalten)?",
            r"cookie-?richtlinie", r"(?:einstellungen|optionen|präferenzen) verwalten",
            r"(?:auswahl|einstellungen) (?:speichern|bestätigen|übernehmen)", r"ich stimme zu",
            r"ich akzeptiere", r"ich bin einverstanden", r"einverstanden",
            r"datenschutzeinstellungen", r"cookies (?:akzeptieren|ablehnen|zulassen)",
        ),
        weak=(
            r"akzeptieren", r"annehmen", r"ablehnen", r"zustimmen", r"einstellungen", r"optionen",
            r"details", r"mehr (?:infos?|informationen|erfahren)", r"schließen", r"ok", r"weiter",
            r"speichern", r"anpassen", r"verwalten", r"datenschutz(?:erklärung)?", r"impressum",
        ),
    ),
    _Lang(
        "fr",
        keyword=r"(?i)cookie|traceurs|témoins de connexion",
        cue=(
            r"(?i)\b(?:nous|notre|nos|vous|votre|vos|ce site|en (?:poursuivant|continuant"
            r"|cliquant|naviguant|utilisant|acceptant))\b"
        ),
        context=(
            r"(?i)site|navigat|naviguer|expérience|accept|consentement|paramètr|préférences"
            r"|confidentialité|publicit|partenaires|utilis|statistiques|services|mesure d'audience"
        ),
        strong=(
            r"tout accepter", r"tout refuser", r"accepter (?:tous les |les )?cookies",
            r"refuser (?:tous les |les )?cookies", r"accepter et (?:fermer|continuer)",
            r"continuer sans accepter", r"paramétrer (?:les )?cookies",
            r"paramètres (?:des )?cookies", r"gérer (?:les |mes )?(?:cookies|préférences|choix"
            r"|paramètres)", r"personnaliser (?:mes choix|les cookies)", r"j['’]accepte",
            r"je refuse", r"(?:uniquement|seulement) les cookies (?:nécessaires|essentiels)",
            r"enregistrer (?:mes )?(?:choix|préférences)", r"politique (?:de |des )?cookies",
        ),
        weak=(
            r"accepter", r"refuser", r"paramétrer", r"paramètres", r"personnaliser", r"fermer",
            r"ok", r"d['’]accord", r"en savoir plus", r"continuer", r"enregistrer",
            r"préférences", r"options",
        ),
    ),
    _Lang(
        "es",
        keyword=r"(?i)cookie",
        cue=(
            r"(?i)\b(?:utilizamos|usamos|empleamos|nuestr[oa]s?|usted|tus?|sus? consentimiento"
            r"|este sitio|esta (?:web|página)|si (?:continúa|continúas|sigue|sigues)"
            r"|al (?:continuar"
            r"|hacer clic|navegar|utilizar|usar|seguir))\b"
        ),
        context=(
            r"(?i)sitio|web|página|navega|experiencia|acept|consentimiento|configura|preferencias"
            r"|privacidad|publicidad|terceros|análisis|servicios|política"
        ),
        strong=(
            r"aceptar todas?(?: las cookies)?", r"aceptar (?:las )?cookies",
            r"rechazar todas?(?: las cookies)?", r"rechazar (?:las )?cookies",
            r"configurar (?:las )?cookies", r"configuración de cookies",
            r"(?:gestionar|administrar) (?:las )?(?:cookies|preferencias|opciones)",
            r"(?:solo|sólo) (?:las )?(?:cookies )?(?:necesarias|esenciales)", r"acepto",
            r"estoy de acuerdo", r"política de cookies", r"aceptar y (?:cerrar|continuar)",
            r"guardar (?:mis )?(?:preferencias|configuración)",
        ),
        weak=(
            r"aceptar", r"rechazar", r"configurar", r"configuración", r"preferencias", r"opciones",
            r"cerrar", r"más información", r"saber más", r"personalizar", r"guardar", r"continuar",
            r"de acuerdo", r"vale",
        ),
    ),
    _Lang(
        "it",
        keyword=r"(?i)cookie",
        cue=(
            r"(?i)\b(?:utilizziamo|usiamo|noi|nostr[oiae]|tu|tuo|tuoi|tua|vostr[oiae]|questo sito"
            r"|chiudendo|proseguendo|continuando|cliccando|acconsenti|accetti)\b"
        ),
        context=(
            r"(?i)sito|navigazione|esperienza|consenso|accett|impostazioni|preferenze|privacy"
            r"|pubblicit|terze parti|servizi|informativa"
        ),
        strong=(
            r"accetta tutti?(?: i cookie)?", r"accetta (?:i )?cookie",
            r"rifiuta tutti?(?: i cookie)?", r"rifiuta (?:i )?cookie",
            r"(?:gestisci|personalizza) (?:i )?(?:cookie|preferenze|opzioni)",
            r"impostazioni (?:dei )?cookie", r"accetto",
            r"solo (?:i )?cookie (?:necessari|tecnici|essenziali)",
            r"accetta e (?:chiudi|continua)",
            r"continua senza accettare", r"salva (?:le )?(?:preferenze|impostazioni)",
            r"cookie policy", r"informativa (?:sui )?cookie",
        ),
        weak=(
            r"accetta", r"rifiuta", r"personalizza", r"impostazioni", r"preferenze", r"opzioni",
            r"chiudi", r"ok", r"scopri di più", r"maggiori informazioni", r"salva", r"continua",
        ),
    ),
    _Lang(
        "pt",
        keyword=r"(?i)cookie",
        cue=(
            r"(?i)\b(?:utilizamos|usamos|nós|noss[oa]s?|você|seus?|suas?|este site|ao (?:continuar"
            r"|clicar|navegar|utilizar|usar)|se continuar)\b"
        ),
        context=(
            r"(?i)site|navega|experiência|aceit|consentimento|configura|preferências|privacidade"
            r"|publicidade|terceiros|serviços|política"
        ),
        strong=(
            r"aceitar todos?(?: os cookies)?", r"aceitar (?:os )?cookies",
            r"(?:rejeitar|recusar) todos?(?: os cookies)?", r"(?:rejeitar|recusar) (?:os )?cookies",
            r"(?:gerenciar|gerir|configurar|personalizar) (?:os )?(?:cookies|preferências|opções)",
            r"(?:configurações|definições) de cookies", r"aceito", r"concordo",
            r"(?:apenas|somente) (?:os )?cookies (?:necessários|essenciais)",
            r"aceitar e (?:fechar|continuar)", r"política de cookies",
            r"(?:salvar|guardar) (?:as )?(?:preferências|configurações)",
        ),
        weak=(
            r"aceitar", r"rejeitar", r"recusar", r"configurar", r"configurações", r"definições",
            r"preferências", r"opções", r"fechar", r"ok", r"saiba mais", r"mais informações",
            r"personalizar", r"salvar", r"guardar", r"continuar",
        ),
    ),
    _Lang(
        "nl",
        keyword=r"(?i)cookie",
        cue=(
            r"(?i)\b(?:wij|we|ons|onze|u|uw|jij|je|jouw|deze (?:website|site)"
            r"|door (?:verder te gaan"
            r"|te klikken|gebruik te maken))\b"
        ),
        context=(
            r"(?i)website|site|browser|surf|ervaring|akkoord|accepte|toestemming|instellingen"
            r"|voorkeuren|privacy|advertenties|partijen|diensten|gebruik"
        ),
        strong=(
            r"alles? accepteren", r"alle cookies (?:accepteren|weigeren|toestaan)",
            r"(?:cookies )?accepteren en (?:sluiten|doorgaan)", r"alles? weigeren",
            r"cookies (?:accepteren|weigeren|toestaan)", r"cookie-?instellingen",
            r"(?:voorkeuren|instellingen|cookies) (?:beheren|aanpassen)",
            r"alleen (?:noodzakelijke|functionele|essentiële) cookies", r"akkoord",
            r"ik ga akkoord", r"ik accepteer", r"cookiebeleid", r"(?:voorkeuren|keuze) opslaan",
        ),
        weak=(
            r"accepteren", r"weigeren", r"instellingen", r"voorkeuren", r"opties", r"sluiten",
            r"ok", r"meer (?:info|informatie)", r"lees meer", r"aanpassen", r"opslaan", r"doorgaan",
        ),
    ),
    _Lang(
        "sv",
        keyword=r"(?i)cookie|kakor",
        cue=(
            r"(?i)\b(?:vi|vår|våra|vårt|du|din|dina|ditt|genom att (?:fortsätta|använda|klicka)"
            r"|den här (?:webbplatsen|sajten))"
        ),
        context=(
            r"(?i)webbplats|sajt|webbläsar|upplevelse|godkänn|samtycke|inställningar|integritet"
            r"|annonser|tjänster|surfa|använd"
        ),
        strong=(
            r"(?:acceptera|godkänn|tillåt) alla(?: kakor| cookies)?", r"(?:neka|avvisa) alla",
            r"hantera (?:inställningar|kakor|cookies)", r"kakinställningar",
            r"endast nödvändiga(?: kakor| cookies)?", r"jag godkänner", r"jag accepterar",
        ),
        weak=(
            r"acceptera", r"godkänn", r"neka", r"avvisa", r"inställningar", r"stäng", r"läs mer",
            r"ok", r"spara",
        ),
    ),
    _Lang(
        "pl",
        keyword=r"(?i)cookie|ciasteczk",
        cue=(
            r"(?i)(?:używamy|wykorzystujemy|stosujemy|nasz|korzystając|kontynuując|twoj|twoich"
            r"|państwa|ta strona|ten serwis|serwis (?:używa|wykorzystuje))"
        ),
        context=r"(?i)stron|serwis|przeglądark|zgod|prywatnoś|ustawie|reklam|partner|usług",
        strong=(
            r"(?:za)?akceptuj wszystkie", r"akceptuję", r"zgadzam się", r"odrzuć wszystkie",
            r"ustawienia (?:plików )?cookie", r"tylko niezbędne(?: pliki cookie)?",
        ),
        weak=(
            r"(?:za)?akceptuj", r"odrzuć", r"ustawienia", r"zamknij", r"więcej informacji", r"ok",
        ),
    ),
    _Lang(
        "ru",
        keyword=r"(?i)cookie|куки",
        cue=r"(?i)(?:мы |нашего|наш |наши|вы |ваш|этот сайт|продолжая|используя (?:сайт|наш))",
        context=r"(?i)сайт|использ|соглас|браузер|конфиденциальност|настройк|опыт|сервис",
        strong=(
            r"принять все", r"принять(?: cookies?| куки)", r"отклонить все", r"я согласен",
            r"согласен", r"настройки (?:cookie|куки)", r"только необходимые",
        ),
        weak=(r"принять", r"отклонить", r"настройки", r"закрыть", r"подробнее", r"ок", r"ok"),
    ),
    _Lang(
        "zh",
        keyword=r"(?i)cookie|小型文本文件|网络跟踪器|網路追蹤器",
        cue=(
            r"本网站|本站|本網站|我们|我們|您|你|继续(?:浏览|使用|访问)|繼續(?:瀏覽|使用|訪問)"
            r"|点击|點擊"
        ),
        context=r"网站|網站|浏览|瀏覽|使用|同意|接受|隐私|隱私|体验|體驗|设置|設定|政策|偏好",
        strong=(
            r"接受", r"同意", r"接受全部", r"全部接受", r"接受所有(?:cookies?)?", r"接受cookies?",
            r"拒绝", r"拒絕", r"全部拒绝", r"全部拒絕", r"拒绝全部", r"拒绝所有(?:cookies?)?",
            r"cookies? ?(?:设置|設定|政策)", r"管理(?:cookies?|偏好|设置|設定)",
            r"仅(?:接受)?必要(?:的)?(?:cookies?)?", r"我同意", r"同意并继续", r"同意並繼續",
            r"接受并继续", r"隐私设置", r"隱私設定", r"我知道了", r"知道了",
        ),
        weak=(
            r"设置", r"設定", r"关闭", r"關閉", r"了解更多", r"更多信息", r"确定", r"確定",
            r"取消", r"保存", r"儲存", r"偏好",
        ),
        spaced=False,
    ),
    _Lang(
        "ja",
        keyword=r"(?i)cookie|クッキー",
        cue=r"当サイト|本サイト|当社|弊社|私たち|お客様|あなた|利用者|同意|閲覧を続け|引き続き",
        context=r"サイト|ウェブ|閲覧|利用|使用|同意|プライバシー|設定|ポリシー|広告|分析|体験|利便性",
        strong=(
            r"同意する", r"同意します", r"(?:すべて|全て)(?:に)?同意(?:する)?",
            r"(?:すべて|全て)(?:の)?(?:cookie|クッキー)を(?:許可|受け入れ)(?:る|する)?",
            r"(?:すべて|全て)受け入れる", r"受け入れる", r"(?:すべて|全て)拒否(?:する)?",
            r"拒否する", r"同意しない", r"(?:cookie|クッキー)(?:の)?設定",
            r"設定を管理(?:する)?", r"必要な(?:cookie|クッキー)のみ(?:許可)?", r"承諾する",
            r"許可する",
        ),
        weak=(r"設定", r"閉じる", r"詳細", r"詳しく見る", r"詳細を見る", r"ok", r"保存", r"管理"),
        spaced=False,
    ),
    _Lang(
        "ko",
        keyword=r"(?i)cookie|쿠키",
        cue=r"당사|저희|귀하|사용자|이 사이트|본 사이트|계속",
        context=r"사이트|웹사이트|사용|동의|개인정보|설정|경험",
        strong=(
            r"모두 (?:수락|동의|허용|거부)", r"동의합니다", r"쿠키 설정", r"수락", r"거부",
        ),
        weak=(r"설정", r"닫기", r"자세히 보기", r"자세히", r"확인"),
    ),
)


def _rules(lang: _Lang) -> tuple[Rule, ...]:
    # English quotes turn up in every language, and some cues ("we", "site") are shared.
    veto = tuple(dict.fromkeys((REPORTED_SPEECH[lang.code], REPORTED_SPEECH["en"])))
    consent = Rule(
        id=f"cookie.{lang.code}.consent", lang=lang.code, pattern=lang.keyword, scope="search",
        requires=(*lang.sense, lang.cue, lang.context), unless=veto,
    )
    buttons = Rule(
        id=f"cookie.{lang.code}.buttons", lang=lang.code, max_chars=BUTTON_MAX_CHARS,
        pattern="(?i:" + label_line(lang.strong, lang.weak, spaced=lang.spaced) + ")",
    )
    return consent, buttons


#: "By using this site you agree to our Terms": consent to terms without naming cookies.
_EN_AGREE = Rule(
    id="cookie.en.agree", lang="en", scope="search", max_chars=400,
    pattern=(
        r"(?i)\bby (?:continuing to (?:use|browse|visit)|using|accessing|visiting|browsing"
        r"|clicking [^ ]+(?: \w+){0,2})(?: \w+){0,2} (?:this|our|the) (?:site|website|web site"
        r"|services?|app)(?: \w+){0,3},? you (?:agree|consent|accept)"
        r"|\byou (?:agree|consent) to (?:our|the) (?:use of cookies|privacy policy|cookie policy"
        r"|terms(?: of (?:use|service))?)"
    ),
    unless=(REPORTED_SPEECH["en"],),
)

#: Every cookie rule, English first (the most common language of web text).
RULES: tuple[Rule, ...] = (
    *(rule for lang in _LANGS for rule in _rules(lang)), _EN_AGREE,
)
