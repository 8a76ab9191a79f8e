"""Consent-banner words in Dutch, Swedish, Polish and Russian.

Built like :mod:`cleanseed.boilerplate.rules.lexicon_eu`: the sentences and labels of the common
consent platforms as sites show them in each language.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.lexicon import Lexicon

__all__ = ["LEXICONS"]

_NL = Lexicon(
    code="nl",
    keyword=r"(?i)cookie",
    cue=(
        r"(?i)\b(?:wij|we|ons|onze|u|uw|jij|je|jouw|deze (?:website|site)"
        r"|door (?:verder te gaan|te klikken|gebruik te maken))\b"
    ),
    context=(
        r"(?i)website|site|browser|surf|ervaring|akkoord|accepte|toestemming|instellingen"
        r"|voorkeuren|privacy|advertenties|partijen|diensten|gebruik|apparaat|persoonsgegevens"
    ),
    strong=(
        r"alles? accepteren", r"alle cookies (?:accepteren|weigeren|toestaan)",
        r"(?:cookies )?accepteren en (?:sluiten|doorgaan)", r"alles? weigeren",
        r"cookies (?:accepteren|weigeren|toestaan)", r"cookie-?instellingen",
        r"(?:voorkeuren|instellingen|cookies|opties) (?:beheren|aanpassen)",
        r"alleen (?:noodzakelijke|functionele|essentiële) cookies(?: gebruiken)?", r"akkoord",
        r"(?:ja,? )?ik ga akkoord", r"ik accepteer", r"cookiebeleid",
        r"(?:voorkeuren|keuze|keuzes) (?:opslaan|bevestigen)", r"niet akkoord",
        r"(?:geen )?toestemming geven", r"selectie toestaan", r"opslaan en sluiten",
    ),
    weak=(
        r"accepteren", r"weigeren", r"toestaan", r"instellingen", r"voorkeuren", r"opties",
        r"meer opties", r"sluiten", r"ok", r"meer (?:info|informatie)", r"lees meer",
        r"aanpassen", r"opslaan", r"doorgaan",
    ),
    labels=(r"noodzakelijk", r"statistieken", r"marketing", r"details(?: tonen)?",
            r"partners", r"terug"),
    tcf=(
        r"(?i)slaan informatie op en/of (?:openen|hebben toegang tot|krijgen toegang tot)"
        r" (?:informatie|deze) op (?:een|uw|je) apparaat|informatie op (?:een|uw|je) apparaat"
        r" (?:opslaan|opgeslagen) en/of (?:openen|geopend|raadplegen)"
    ),
    tcf_data=r"(?i)apparaat|cookie|persoonsgegevens|identificatoren",
    titles=(
        r"(?:wij|we) (?:waarderen|respecteren|beschermen) (?:uw|je|jouw) privacy",
        r"(?:uw|je|jouw) privacy is (?:belangrijk|ons veel waard)(?: voor ons)?",
        r"cookie-?(?:instellingen|voorkeuren|melding|verklaring|beleid|toestemming)",
        r"privacy-?(?:instellingen|voorkeuren)",
        r"(?:deze (?:website|site) gebruikt|(?:wij|we) gebruiken) cookies",
        r"toestemming beheren", r"privacy (?:en|&) cookies", r"cookies (?:en|&) privacy",
    ),
)

_SV = Lexicon(
    code="sv",
    keyword=r"(?i)cookie|kakor",
    cue=(
        r"(?i)\b(?:vi|vår|våra|vårt|du|din|dina|ditt|genom att (?:fortsätta|använda|klicka)"
        r"|den här (?:webbplatsen|sajten))"
    ),
    context=(
        r"(?i)webbplats|sajt|webbläsar|upplevelse|godkänn|samtycke|inställningar|integritet"
        r"|annonser|tjänster|surfa|använd|enhet|personuppgifter"
    ),
    strong=(
        r"(?:acceptera|godkänn|tillåt) alla(?: kakor| cookies)?", r"(?:neka|avvisa) alla",
        r"hantera (?:inställningar|kakor|cookies|alternativ)", r"kakinställningar",
        r"endast nödvändiga(?: kakor| cookies)?", r"jag godkänner", r"jag accepterar",
        r"bekräfta (?:mina )?val", r"tillåt urval", r"spara och avsluta",
    ),
    weak=(
        r"acceptera", r"godkänn", r"neka", r"avvisa", r"tillåt", r"samtyck", r"inställningar",
        r"stäng", r"läs mer", r"ok", r"spara", r"anpassa", r"fler alternativ",
    ),
    labels=(r"nödvändiga", r"statistik", r"marknadsföring", r"visa detaljer", r"detaljer"),
    tcf=(
        r"(?i)(?:lagra|lagrar) och/eller (?:få|får) (?:åtkomst|tillgång) till information på"
        r" (?:en|din) enhet"
    ),
    tcf_data=r"(?i)enhet|cookie|kakor|personuppgifter",
    titles=(
        r"vi (?:värnar om|respekterar|värdesätter) din integritet",
        r"din integritet är viktig(?: för oss)?", r"(?:cookie|kak)-?(?:inställningar|policy"
        r"|meddelande)", r"integritetsinställningar",
        r"(?:den här webbplatsen|denna webbplats|vi) använder (?:cookies|kakor)",
        r"hantera samtycke",
    ),
)

_PL = Lexicon(
    code="pl",
    keyword=r"(?i)cookie|ciasteczk",
    cue=(
        r"(?i)(?:używamy|wykorzystujemy|stosujemy|nasz|korzystając|kontynuując|twoj|twoich"
        r"|państwa|ta strona|ten serwis|serwis (?:używa|wykorzystuje)|my i nasi)"
    ),
    context=(
        r"(?i)stron|serwis|przeglądark|zgod|prywatnoś|ustawie|reklam|partner|usług|urządzen"
        r"|dane osobowe"
    ),
    strong=(
        r"(?:za)?akceptuj wszystkie", r"akceptuję", r"zgadzam się", r"odrzuć wszystkie",
        r"ustawienia (?:plików )?cookie", r"tylko niezbędne(?: pliki cookie)?",
        r"nie zgadzam się", r"zarządzaj opcjami", r"potwierdź (?:moje )?wybory",
        r"zezwól na wszystkie", r"przejdź do serwisu",
    ),
    weak=(
        r"(?:za)?akceptuj", r"odrzuć", r"zgoda", r"ustawienia", r"zamknij", r"dostosuj",
        r"więcej opcji", r"więcej informacji", r"ok",
    ),
    labels=(r"niezbędne", r"statystyka", r"marketing", r"pokaż szczegóły", r"szczegóły"),
    tcf=(
        r"(?i)(?:przechowujemy|przechowywać|przechowywanie) (?:i/lub|lub) (?:uzyskujemy"
        r"|uzyskiwać|uzyskiwanie) dostęp(?:u)? do informacji na (?:urządzeniu|twoim urządzeniu)"
        r"|przechowywanie informacji na urządzeniu lub dostęp do nich"
    ),
    tcf_data=r"(?i)urządzen|cookie|dane osobowe|identyfikator",
    titles=(
        r"(?:szanujemy|cenimy|chronimy) (?:twoją|pani|państwa) prywatność",
        r"(?:dbamy o|troszczymy się o) (?:twoją|państwa) prywatność",
        r"twoja prywatność jest dla nas ważna",
        r"(?:ustawienia|polityka|zarządzanie) (?:plików )?cookies?", r"ustawienia prywatności",
        r"(?:ta strona|ten serwis|ta witryna) (?:używa|korzysta z|wykorzystuje)"
        r" (?:plików )?cookies?", r"(?:używamy|wykorzystujemy) (?:plików )?cookies?",
        r"zarządzaj (?:zgodami|zgodą)",
    ),
)

_RU = Lexicon(
    code="ru",
    keyword=r"(?i)cookie|куки",
    cue=r"(?i)(?:мы |нашего|наш |наши|вы |ваш|этот сайт|продолжая|используя (?:сайт|наш))",
    context=r"(?i)сайт|использ|соглас|браузер|конфиденциальност|настройк|опыт|сервис|устройств",
    strong=(
        r"принять все", r"принять(?: cookies?| куки)", r"отклонить все", r"я согласен",
        r"согласен", r"настройки (?:cookie|куки)", r"только необходимые", r"не согласен",
        r"подтвердить выбор", r"разрешить все", r"управление параметрами",
    ),
    weak=(r"принять", r"отклонить", r"настройки", r"закрыть", r"подробнее", r"хорошо",
          r"понятно", r"ок", r"ok"),
    tcf=(
        r"(?i)(?:храним|хранить|хранение) и/или (?:получаем доступ|получать доступ|доступ)"
        r" к информации на (?:вашем )?устройстве"
    ),
    tcf_data=r"(?i)устройств|cookie|куки|персональн",
    titles=(
        r"мы (?:ценим|уважаем) вашу конфиденциальность",
        r"ваша конфиденциальность важна(?: для нас)?",
        r"(?:настройки|политика|использование) (?:файлов )?(?:cookie|куки)",
        r"настройки конфиденциальности",
        r"(?:этот сайт|сайт|мы) использу(?:ет|ем) (?:файлы )?(?:cookie|куки)",
    ),
)

#: The lexicons of this module.
LEXICONS: tuple[Lexicon, ...] = (_NL, _SV, _PL, _RU)
