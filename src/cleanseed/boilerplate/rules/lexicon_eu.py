"""Consent-banner words in English, German, French, Spanish, Italian and Portuguese.

The sentences and labels are those of the common consent platforms (the IAB TCF dialogs, and
the banners of OneTrust, Cookiebot, Didomi, Usercentrics, Quantcast and Google's own) as sites
show them in each language.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.lexicon import Lexicon

__all__ = ["LEXICONS"]

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
    r"|mode)|(?:such as|like|including|e\.g\.,?) cookies|cookies,? (?:or|and) similar"
    r"|(?:these|some of these|some of the|the other|all) cookies (?:are|help|allow|enable|collect"
    r"|track|may|will)|cookies (?:are|is) (?:strictly )?(?:essential|necessary|required"
    r"|needed))\b"
)

_EN = Lexicon(
    code="en",
    keyword=r"(?i)cookie|consent",
    cue=(
        r"(?i)\b(?:we|we're|we've|our|ours|us|you|your|you're|this (?:site|website|page)"
        r"|by (?:continuing|using|clicking|browsing|visiting|accessing|remaining|staying))\b"
    ),
    context=(
        r"(?i)\b(?:site|website|web|page|browser|brows(?:e|ing)|online|experience|analytics"
        r"|advertis\w*|ads|partners|vendors|third[- ]part(?:y|ies)|technolog(?:y|ies)|settings"
        r"|preferences|privacy|personali[sz]\w*|consent|traffic|tracking|functionality"
        r"|services?|policy|terms|device|visit|continuing|agree|personal data|identifiers)\b"
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
        r"privacy overview", r"got it!?", r"ok(?:ay)?,? got it!?", r"yes,? i (?:agree|accept)",
        r"(?:agree|disagree) to all", r"do not consent", r"continue without (?:agreeing"
        r"|accepting)", r"allow selection", r"vendor preferences", r"show purposes",
        r"object to all", r"accept recommended(?: settings)?", r"allow essential(?: only)?",
    ),
    weak=(
        r"accept", r"reject", r"decline", r"deny", r"agree", r"disagree", r"allow",
        r"consent", r"settings", r"preferences", r"options", r"more options", r"ok(?:ay)?",
        r"close", r"dismiss", r"continue", r"customi[sz]e", r"save", r"confirm", r"understood",
        r"i understand", r"no,? thanks", r"learn more", r"more (?:info|information)",
        r"manage", r"[x✕×]",
    ),
    labels=(
        r"find out more", r"cookies", r"privacy policy", r"necessary", r"statistics",
        r"marketing", r"show details", r"details", r"partners", r"vendors", r"purposes",
        r"legitimate interest", r"back", r"apply", r"cancel",
    ),
    tcf=(
        r"(?i)\b(?:store and/or access|store or access|access and/or store|storing and/or"
        r" accessing|storage of and/or access to) (?:information|data) (?:on|from|in)"
        r" (?:a|your|the|the user's) (?:user's )?(?:device|terminal equipment|browser)"
        r"|\bidentification through device scanning|\bactively scan device characteristics"
        r"|\bour and our partners'? processing"
    ),
    tcf_data=r"(?i)device|cookies|personal data|identifiers|geolocation",
    titles=(
        r"we (?:value|respect|care about|protect) your privacy",
        r"we take your privacy seriously",
        r"your privacy (?:matters|is important(?: to us)?|choices|settings|preferences|options"
        r"|controls)", r"your privacy,? your choice",
        r"(?:cookie|consent) (?:preferences|settings|preference cent(?:er|re)|cent(?:er|re)"
        r"|choices|options|overview|notice|banner|management|manager|declaration)",
        r"privacy (?:preferences|settings|preference cent(?:er|re)|choices|options|overview)",
        r"(?:this (?:site|website) uses|we use|we're using|we serve) cookies",
        r"(?:about|how we use|our use of|a note on) cookies", r"cookies? (?:policy|notice|consent)",
        r"(?:privacy|cookies) (?:&|and) (?:cookies|privacy)(?: (?:policy|settings|notice))?",
        r"manage (?:your )?(?:cookie|consent|privacy) (?:preferences|settings|choices)",
        r"your (?:cookie|consent) (?:choices|preferences|settings)",
        r"(?:cookie|privacy) consent (?:preferences|settings)",
        r"do you accept cookies\??", r"can we use cookies\??", r"cookies on (?:this|our) site",
    ),
    sense=(_EN_SENSE,),
)

_DE = Lexicon(
    code="de",
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
        r"|angebot|surf|verwende|nutze|setze|gerät|personenbezogen"
    ),
    strong=(
        r"alle (?:cookies )?(?:akzeptieren|annehmen|zulassen|erlauben|ablehnen|zustimmen)",
        r"(?:cookies )?(?:akzeptieren|zulassen|zustimmen) (?:und|&) (?:schließen|weiter"
        r"|fortfahren)", r"nur (?:technisch )?(?:notwendige|essenzielle|erforderliche)"
        r"(?: cookies)?(?: akzeptieren| zulassen| erlauben| verwenden)?",
        r"cookie-?einstellungen(?: verwalten)?", r"cookie-?richtlinie",
        r"(?:einstellungen|optionen|präferenzen|cookies) verwalten",
        r"(?:auswahl|einstellungen) (?:speichern|bestätigen|übernehmen|erlauben|zulassen)",
        r"ich stimme zu", r"ich akzeptiere", r"ich bin einverstanden", r"einverstanden",
        r"datenschutzeinstellungen", r"cookies (?:akzeptieren|ablehnen|zulassen)",
        r"nicht einwilligen", r"(?:ohne|weiter ohne) (?:zustimmung|einwilligung)(?: fortfahren)?",
        r"speichern (?:und|&) (?:beenden|schließen)", r"auswahl erlauben",
    ),
    weak=(
        r"akzeptieren", r"annehmen", r"ablehnen", r"zustimmen", r"einwilligen", r"zulassen",
        r"einstellungen", r"optionen", r"mehr optionen", r"schließen", r"ok(?:ay)?", r"weiter",
        r"speichern", r"anpassen", r"verwalten", r"verstanden", r"alles klar",
        r"mehr (?:infos?|informationen|erfahren)",
    ),
    labels=(
        r"details(?: (?:anzeigen|zeigen))?", r"datenschutz(?:erklärung)?", r"impressum",
        r"notwendig", r"statistiken", r"marketing", r"präferenzen", r"partner", r"zurück",
    ),
    tcf=(
        r"(?i)(?:speichern|speichert) und/oder greifen auf informationen auf (?:einem|ihrem)"
        r" (?:end)?gerät zu|informationen auf (?:einem|ihrem) (?:end)?gerät (?:speichern"
        r"|gespeichert) und/oder (?:abrufen|abgerufen|darauf zugreifen)|(?:speicherung von"
        r"|speichern von) und/oder zugriff auf informationen auf (?:einem|ihrem) (?:end)?gerät"
    ),
    tcf_data=r"(?i)gerät|cookie|personenbezogene|kennungen|identifikatoren",
    titles=(
        r"wir (?:respektieren|schätzen|schützen) (?:ihre|deine) privatsphäre",
        r"(?:ihre|deine) privatsphäre (?:ist uns wichtig|liegt uns am herzen)",
        r"(?:ihre|deine) (?:privatsphäre|datenschutz)-?einstellungen",
        r"privatsphäre-?einstellungen",
        r"cookie-?(?:einstellungen|hinweis|richtlinie|präferenzen|zustimmung|einwilligung"
        r"|banner|erklärung|informationen?|nutzung|verwaltung)",
        r"(?:cookies|datenschutz) (?:&|und) (?:datenschutz|cookies)",
        r"(?:diese (?:website|webseite|seite) (?:verwendet|nutzt)|wir (?:verwenden|nutzen)"
        r"|wir setzen) cookies(?: ein)?",
        r"(?:einwilligung|zustimmung) (?:verwalten|zur datenverarbeitung|zu cookies)",
        r"wir (?:brauchen|benötigen) (?:ihre|deine) (?:zustimmung|einwilligung)",
        r"datenschutz-?präferenzen",
    ),
)

_FR = Lexicon(
    code="fr",
    keyword=r"(?i)cookie|traceurs|témoins de connexion",
    cue=(
        r"(?i)\b(?:nous|notre|nos|vous|votre|vos|ce site|en (?:poursuivant|continuant"
        r"|cliquant|naviguant|utilisant|acceptant))\b"
    ),
    context=(
        r"(?i)site|navigat|naviguer|expérience|accept|consentement|paramètr|préférences"
        r"|confidentialité|publicit|partenaires|utilis|statistiques|services|mesure d'audience"
        r"|appareil|terminal|données personnelles"
    ),
    strong=(
        r"tout accepter", r"tout refuser", r"accepter (?:tous les |les )?cookies",
        r"refuser (?:tous les |les )?cookies", r"accepter (?:et|&) (?:fermer|continuer)",
        r"continuer sans accepter", r"paramétrer (?:les )?cookies",
        r"paramètres (?:des )?cookies", r"gérer (?:les |mes )?(?:cookies|préférences|choix"
        r"|paramètres|options)", r"personnaliser (?:mes choix|les cookies)", r"j['’]accepte",
        r"je refuse", r"(?:uniquement|seulement) les cookies (?:nécessaires|essentiels)",
        r"enregistrer (?:mes )?(?:choix|préférences)", r"politique (?:de |des )?cookies",
        r"autoriser tous les cookies", r"ne pas (?:autoriser|consentir|accepter)",
        r"confirmer (?:mes |les )?choix", r"ok pour moi", r"enregistrer et quitter",
        r"tout autoriser", r"continuer sans consentir",
    ),
    weak=(
        r"accepter", r"refuser", r"autoriser", r"consentir", r"paramétrer", r"paramètres",
        r"personnaliser", r"fermer", r"ok", r"d['’]accord", r"continuer", r"enregistrer",
        r"préférences", r"options", r"plus d['’]options", r"en savoir plus", r"j['’]ai compris",
        r"compris",
    ),
    labels=(r"nécessaires", r"statistiques", r"marketing", r"détails", r"partenaires",
            r"afficher les détails", r"retour"),
    tcf=(
        r"(?i)(?:stocker|stockons|stockent|stockage) (?:et/ou|ou) (?:accéder|accédons|accèdent"
        r"|accès) (?:à|aux) (?:des )?informations (?:stockées )?sur (?:un|votre) (?:appareil"
        r"|terminal)"
    ),
    tcf_data=r"(?i)appareil|terminal|cookie|traceurs|données personnelles|identifiants",
    titles=(
        r"(?:votre|ta) vie privée nous (?:importe|tient à cœur|est précieuse)",
        r"(?:nous respectons|respect de) votre vie privée",
        r"votre vie privée (?:est importante|compte)(?: pour nous)?",
        r"(?:vie privée|confidentialité) et cookies", r"cookies et (?:vie privée|confidentialité)",
        r"(?:gestion|paramètres|paramétrage|préférences|politique|utilisation|gestionnaire"
        r"|bandeau|déclaration) (?:des|de|du) (?:cookies|consentement|traceurs)",
        r"(?:ce site utilise|nous utilisons) des (?:cookies|traceurs)",
        r"(?:paramètres|préférences|centre de préférences) de confidentialité",
        r"vos choix (?:en matière de|concernant les|relatifs aux) cookies",
        r"gérer (?:vos|mes) (?:préférences|consentements?)", r"à propos des cookies",
    ),
)

_ES = Lexicon(
    code="es",
    keyword=r"(?i)cookie",
    cue=(
        r"(?i)\b(?:utilizamos|usamos|empleamos|nuestr[oa]s?|nosotros|usted|tus?|sus?"
        r" consentimiento|este sitio|esta (?:web|página)|si (?:continúa|continúas|sigue|sigues)"
        r"|al (?:continuar|hacer clic|navegar|utilizar|usar|seguir))\b"
    ),
    context=(
        r"(?i)sitio|web|página|navega|experiencia|acept|consentimiento|configura|preferencias"
        r"|privacidad|publicidad|terceros|análisis|servicios|política|dispositivo"
        r"|datos personales|socios"
    ),
    strong=(
        r"aceptar todas?(?: las cookies)?", r"aceptar (?:las )?cookies",
        r"rechazar todas?(?: las cookies)?", r"rechazar (?:las )?cookies",
        r"configurar (?:las )?cookies", r"configuración de cookies",
        r"(?:gestionar|administrar) (?:las )?(?:cookies|preferencias|opciones)",
        r"(?:solo|sólo) (?:las )?(?:cookies )?(?:necesarias|esenciales)", r"acepto",
        r"estoy de acuerdo", r"política de cookies", r"aceptar y (?:cerrar|continuar)",
        r"guardar (?:mis )?(?:preferencias|configuración)", r"aceptar todo", r"rechazar todo",
        r"no (?:consentir|acepto|aceptar)", r"confirmar (?:mis )?(?:opciones|elecciones|selección)",
        r"continuar sin aceptar", r"permitir todas(?: las cookies)?", r"permitir (?:la )?selección",
        r"usar (?:solo|sólo) (?:las )?cookies necesarias", r"guardar y salir",
    ),
    weak=(
        r"aceptar", r"rechazar", r"consentir", r"permitir", r"denegar", r"configurar",
        r"configuración", r"preferencias", r"opciones", r"más opciones", r"cerrar",
        r"más información", r"saber más", r"personalizar", r"guardar", r"continuar",
        r"de acuerdo", r"vale", r"entendido", r"ok",
    ),
    labels=(r"necesarias", r"estadísticas", r"marketing", r"mostrar detalles", r"detalles",
            r"socios", r"volver"),
    tcf=(
        r"(?i)(?:almacenar|almacenamos|almacenan)(?: la información)? (?:y/o|o|y) (?:acceder"
        r"|accedemos|acceden)(?: a ella| a (?:la )?información)? (?:en|de) (?:un|su|el)"
        r" dispositivo|almacenar (?:la )?información en un dispositivo y/o acceder a ella"
    ),
    tcf_data=r"(?i)dispositivo|cookie|datos personales|identificadores",
    titles=(
        r"(?:valoramos|respetamos|protegemos|cuidamos) (?:tu|su) privacidad",
        r"(?:tu|su) privacidad es importante(?: para nosotros)?",
        r"(?:configuración|preferencias|gestión|política|aviso|uso|panel de configuración"
        r"|centro de preferencias|consentimiento) de (?:las )?cookies",
        r"(?:configuración|preferencias|centro de preferencias) de (?:la )?privacidad",
        r"(?:este sitio(?: web)?|esta web|esta página) (?:utiliza|usa) cookies",
        r"(?:utilizamos|usamos) cookies", r"privacidad y cookies", r"cookies y privacidad",
        r"(?:gestionar|gestión del) consentimiento",
    ),
)

_IT = Lexicon(
    code="it",
    keyword=r"(?i)cookie",
    cue=(
        r"(?i)\b(?:utilizziamo|usiamo|noi|nostr[oiae]|tu|tuo|tuoi|tua|vostr[oiae]|questo sito"
        r"|chiudendo|proseguendo|continuando|cliccando|acconsenti|accetti)\b"
    ),
    context=(
        r"(?i)sito|navigazione|esperienza|consenso|accett|impostazioni|preferenze|privacy"
        r"|pubblicit|terze parti|servizi|informativa|dispositivo|dati personali"
    ),
    strong=(
        r"accetta tutti?(?: i cookie)?", r"accetta (?:i )?cookie",
        r"rifiuta tutti?(?: i cookie)?", r"rifiuta (?:i )?cookie",
        r"(?:gestisci|personalizza) (?:i )?(?:cookie|preferenze|opzioni)",
        r"impostazioni (?:dei )?cookie", r"accetto", r"acconsento", r"non acconsento",
        r"solo (?:i )?cookie (?:necessari|tecnici|essenziali)",
        r"accetta e (?:chiudi|continua)", r"accetta tutto", r"rifiuta tutto",
        r"continua senza accettare", r"salva (?:le )?(?:preferenze|impostazioni)",
        r"cookie policy", r"informativa (?:sui )?cookie", r"conferma (?:le )?scelte",
        r"consenti tutti(?: i cookie)?", r"consenti (?:la )?selezione", r"salva ed esci",
    ),
    weak=(
        r"accetta", r"rifiuta", r"consenti", r"nega", r"personalizza", r"impostazioni",
        r"preferenze", r"opzioni", r"più opzioni", r"chiudi", r"ok", r"ho capito",
        r"scopri di più", r"maggiori informazioni", r"salva", r"continua",
    ),
    labels=(r"necessari", r"statistiche", r"marketing", r"mostra dettagli", r"dettagli",
            r"partner", r"indietro"),
    tcf=(
        r"(?i)(?:archiviare|archiviamo|memorizzare|memorizziamo) e/o (?:accedere|accediamo)"
        r" a(?:lle)? informazioni su (?:un|il tuo) dispositivo"
    ),
    tcf_data=r"(?i)dispositivo|cookie|dati personali|identificatori",
    titles=(
        r"(?:(?:rispettiamo|proteggiamo|tuteliamo)(?: la)?|teniamo alla|ci sta a cuore la"
        r"|valorizziamo la) (?:tua|vostra|sua) privacy",
        r"la (?:tua|vostra|sua) privacy (?:è importante(?: per noi)?|conta)",
        r"(?:gestione|impostazioni|preferenze|informativa|utilizzo|uso|politica|avviso)"
        r" (?:dei |sui |sull['’]uso dei )?cookie",
        r"(?:gestisci|gestione del) (?:il )?consenso",
        r"(?:questo sito(?: web)?|il sito) (?:utilizza|usa) (?:i )?cookie",
        r"(?:utilizziamo|usiamo) (?:i )?cookie",
        r"(?:preferenze|impostazioni) (?:sulla |della |per la )?privacy",
        r"privacy e cookie", r"cookie e privacy",
    ),
)

_PT = Lexicon(
    code="pt",
    keyword=r"(?i)cookie",
    cue=(
        r"(?i)\b(?:utilizamos|usamos|nós|noss[oa]s?|você|seus?|suas?|este site|ao (?:continuar"
        r"|clicar|navegar|utilizar|usar)|se continuar)\b"
    ),
    context=(
        r"(?i)site|navega|experiência|aceit|consentimento|configura|preferências|privacidade"
        r"|publicidade|terceiros|serviços|política|dispositivo|dados pessoais|parceiros"
    ),
    strong=(
        r"aceitar todos?(?: os cookies)?", r"aceitar (?:os )?cookies",
        r"(?:rejeitar|recusar) todos?(?: os cookies)?", r"(?:rejeitar|recusar) (?:os )?cookies",
        r"(?:gerenciar|gerir|configurar|personalizar) (?:os )?(?:cookies|preferências|opções)",
        r"(?:configurações|definições) de cookies", r"aceito", r"concordo",
        r"(?:apenas|somente) (?:os )?cookies (?:necessários|essenciais)",
        r"aceitar e (?:fechar|continuar)", r"política de cookies",
        r"(?:salvar|guardar) (?:as )?(?:preferências|configurações)", r"aceitar tudo",
        r"(?:rejeitar|recusar) tudo", r"não (?:consentir|aceitar|concordo)",
        r"confirmar (?:as )?(?:escolhas|opções)", r"permitir todos(?: os cookies)?",
        r"permitir (?:a )?seleção", r"continuar sem aceitar",
    ),
    weak=(
        r"aceitar", r"rejeitar", r"recusar", r"consentir", r"permitir", r"negar", r"configurar",
        r"configurações", r"definições", r"preferências", r"opções", r"mais opções", r"fechar",
        r"ok", r"entendi", r"saiba mais", r"mais informações", r"personalizar", r"salvar",
        r"guardar", r"continuar",
    ),
    labels=(r"necessários", r"estatísticas", r"marketing", r"mostrar detalhes", r"detalhes",
            r"parceiros", r"voltar"),
    tcf=(
        r"(?i)(?:armazenar|armazenamos|armazenam) e/ou (?:aceder|acedemos|acedem|acessar"
        r"|acessamos|acessam) (?:a )?informações (?:num|em um|no seu|em seu|no) dispositivo"
    ),
    tcf_data=r"(?i)dispositivo|cookie|dados pessoais|identificadores",
    titles=(
        r"(?:valorizamos|respeitamos|protegemos) (?:a )?(?:sua|tua) privacidade",
        r"a (?:sua|tua) privacidade é importante(?: para nós)?",
        r"(?:gestão|gerenciamento|configurações|definições|preferências|política|aviso|uso"
        r"|utilização) (?:de|dos) cookies",
        r"(?:este site|o site) (?:utiliza|usa) cookies", r"(?:utilizamos|usamos) cookies",
        r"(?:configurações|definições|preferências) de privacidade",
        r"privacidade e cookies", r"cookies e privacidade",
        r"(?:gerir|gerenciar) (?:o )?consentimento",
    ),
)

#: The lexicons of this module, English first (the most common language of web text).
LEXICONS: tuple[Lexicon, ...] = (_EN, _DE, _FR, _ES, _IT, _PT)
