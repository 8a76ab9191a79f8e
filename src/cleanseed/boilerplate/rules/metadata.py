"""Article metadata: dates, "Published"/"Updated" stamps, reading times and bylines.

Metadata alone on a line goes with its line. Metadata glued to a title ("date 2026-03-04 The
power of ...", "Title | March 4, 2026") is cut away and the title stays. A bare date only counts
as a glued prefix when a title visibly starts after it, so "March 4, 2026 was the day everything
changed." is left alone.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.base import Rule, alternation

__all__ = ["BARE_DATE", "DATE", "MONTHS", "READING_TIME", "RULES", "TIME"]

_D = "[0-9０-９]"  # full-width digits survive NFC in CJK text

_MONTHS = alternation((
    # English, with the abbreviations news sites use
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", r"jan\.?", r"feb\.?", r"mar\.?", r"apr\.?", r"jun\.?",
    r"jul\.?", r"aug\.?", r"sept?\.?", r"oct\.?", r"nov\.?", r"dec\.?",
    # German, French, Spanish, Italian, Portuguese, Dutch, Swedish
    "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    r"mär\.?", r"okt\.?", r"dez\.?", "janvier", "février", "mars", "avril", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre", r"janv\.?", r"févr\.?", r"avr\.?",
    r"juil\.?", r"déc\.?", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "gennaio",
    "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro",
    "dezembro", "januari", "februari", "maart", "mei", "augustus", "augusti", "maj",
    # Polish and Russian months in the genitive, as dates write them
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
    "września", "października", "listopada", "grudnia", "января", "февраля", "марта", "апреля",
    "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
    # Czech in the genitive, and Turkish
    "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
    "října", "listopadu", "prosince", "ocak", "şubat", "mart", "nisan", "mayıs", "haziran",
    "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
))
#: The names of the months, as dates write them (lower case; match without case).
MONTHS = _MONTHS
_WEEKDAY = alternation((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", r"mon\.?",
    r"tue\.?", r"tues\.?", r"wed\.?", r"thu\.?", r"thur\.?", r"thurs\.?", r"fri\.?", r"sat\.?",
    r"sun\.?", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì",
    "giovedì", "venerdì", "sabato", "domenica", r"segunda-feira", r"terça-feira", r"quarta-feira",
    r"quinta-feira", r"sexta-feira", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
    "zaterdag", "zondag",
))
_WD = rf"(?:{_WEEKDAY},?[ \t]+)?"
# The article or preposition a date line may start with: "Le 6 mai 2025", "Am 4. März 2026".
_ART = r"(?:(?:le|el|am|il|op|den|on)[ \t]+)?"

# Dates written with digits only: ISO, slashes, dots, and the CJK and Korean forms.
_NUMERIC_DATE = (
    rf"(?:{_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}(?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|{_D}{{4}}/{_D}{{1,2}}/{_D}{{1,2}}|{_D}{{4}}\.{_D}{{2}}\.{_D}{{2}}"
    rf"|{_D}{{4}}\.[ \t]{_D}{{1,2}}\.[ \t]{_D}{{1,2}}\.|{_D}{{1,2}}[./-]{_D}{{1,2}}[./-]{_D}{{4}}"
    rf"|{_D}{{4}}[ \t]*年[ \t]*{_D}{{1,2}}[ \t]*月[ \t]*{_D}{{1,2}}[ \t]*日"
    r"(?:[ \t]*[（(][月火水木金土日][）)])?"
    rf"|{_D}{{4}}년[ \t]*{_D}{{1,2}}월[ \t]*{_D}{{1,2}}일)"
)
# Dates with a month name: "March 4, 2026", "4 March 2026", "4. März 2026", "4 de marzo de 2026".
_WORD_DATE = (
    rf"(?:{_MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|\.|er|º|°)?[ \t]+(?:de[ \t]+)?{_MONTHS},?[ \t]+"
    r"(?:de[ \t]+|del[ \t]+)?\d{4}(?:[ \t]*г\.?)?)"
)
_MONTH_YEAR = rf"{_MONTHS}[ \t]+\d{{4}}"

#: A calendar date with no weekday or article before it: smaller, for rules that put it inside
#: other text.
BARE_DATE = rf"(?i:{_NUMERIC_DATE}|{_WORD_DATE})"
#: A calendar date, in any of the forms above (case-insensitive month names).
DATE = rf"(?i:{_ART}{_WD}(?:{_NUMERIC_DATE}|{_WORD_DATE}))"

# A clock time after a date: "10:30", "10.30 GMT", "at 9:15 a.m. ET", "um 14:00 Uhr", "10时30分".
_CLOCK = (
    r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:[ \t]*(?i:[ap]\.?m\.?))?(?:[ \t]*(?i:uhr|h))?"
    r"(?:[ \t]*\(?(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?"
)
_TIME = (
    r"(?:[ \t]*(?:,?[ \t]*(?i:at|um|à|a las|alle|às|om|kl\.?|klockan|v|saat)|[,–|/@-])?[ \t]*"
    rf"(?:{_CLOCK}|\d{{1,2}}[时時]\d{{1,2}}分))?"
)
# "2 hours ago", "vor 3 Stunden", "il y a 5 minutes", "3小时前": only after a label.
_RELATIVE = (
    r"(?i:\d{1,3}[ \t]+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)[ \t]+ago|just now"
    r"|\d{1,3}[ \t]?[smhdw][ \t]+ago|yesterday|today"
    r"|vor[ \t]+\d{1,3}[ \t]+(?:minuten|stunden|tagen|wochen)|il y a[ \t]+"
    r"\d{1,3}[ \t]+(?:minutes?|heures?|jours?)|hace[ \t]+\d{1,3}[ \t]+(?:minutos?|horas?|días?)"
    r"|\d{1,3}[ \t]?(?:分钟|分鐘|小时|小時|天|分|時間|日)前|\d{1,3}(?:분|시간|일) 전"
    r"|\d{1,3}[ \t]+(?:minuti|ore|giorni) fa|há[ \t]+\d{1,3}[ \t]+(?:minutos?|horas?|dias?)"
    r"|\d{1,3}[ \t]+(?:minuten|uur|dagen) geleden|för[ \t]+\d{1,3}[ \t]+(?:minuter|timmar"
    r"|dagar) sedan|\d{1,3}[ \t]+(?:minut[ay]?|godzin[ay]?|dni) temu|\d{1,3}[ \t]+(?:минут[уы]?"
    r"|час(?:а|ов)?|дн(?:я|ей)) назад|před[ \t]+\d{1,3}[ \t]+(?:minutou|minutami|hodinou"
    r"|hodinami|dnem|dny)|\d{1,3}[ \t]+(?:dakika|saat|gün) önce)"
)
_LABEL = (
    r"(?i:date|dated|air date|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated(?: on)?"
    r"|last modified(?: on)?|modified(?: on)?|first published(?: on)?|originally published"
    r"(?: on)?|created(?: on)?|release date|publication date|date published"
    r"|veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?|stand|erstellt"
    r"(?: am)?|publié(?: le)?|mis à jour(?: le)?|modifié(?: le)?|publicado(?: el| em| en)?"
    r"|actualizado(?: el)?|atualizado(?: em)?|pubblicato(?: il)?|aggiornato(?: il)?"
    r"|gepubliceerd(?: op)?|bijgewerkt(?: op)?|laatst bijgewerkt(?: op)?|geplaatst(?: op)?"
    r"|publicerad|uppdaterad|opublikowano|zaktualizowano|aktualizacja|опубликовано|обновлено"
    r"|publikováno|aktualizováno|vydáno|yayınlanma(?: tarihi)?|güncellenme(?: tarihi)?"
    r"|yayın tarihi|yayınlandı|güncellendi"
    r"|дата публикации|发布时间|发布日期|发表时间|发表于|发布于|更新时间|更新于|日期|时间"
    r"|發布時間|發佈時間|發表於|更新時間|公開日時?|更新日時?|投稿日時?|掲載日|最終更新日"
    r"|작성일|입력|수정|등록일|기사입력|최종수정"
    # "来源：新华网 2020-10-27": the source a Chinese page names before its date
    r"|(?:来源|來源|出处|出處|出典)[ \t]*[:：][ \t]*[^ \t\d|:：,，。]{1,20})"
)
# The time may come first, after a label or alone: "Updated 22:55 GMT, 8 September 2025",
# "11:26 pm EST, Tuesday, November 19, 2019".
# "Updated: Sat 8:31 PM, Feb 17, 2018": a weekday may come before the time.
_CLOCK_FIRST = rf"(?:(?i:{_WEEKDAY},?[ \t]+)?{_CLOCK}[ \t]*,?[ \t]*(?i:on[ \t]+)?)?"
# "Updated Nov 19, 6:55 AM": after a label, a day of the month without its year, and a time.
_DAY_CLOCK = rf"(?i:{_MONTHS})[ \t]+\d{{1,2}},?[ \t]+{_CLOCK}"
# A stamp: a date, or a labelled date, month or relative time ("Updated 2 hours ago"), and the
# clock time after it. Each part appears once, so that RE2 programs stay small.
_STAMP = (
    rf"(?:(?:{_LABEL}[ \t]*[:：]?[ \t]*)?{_CLOCK_FIRST}{DATE}|{_LABEL}[ \t]*[:：]?[ \t]*"
    rf"(?:(?i:{_MONTH_YEAR})|{_RELATIVE}|{_DAY_CLOCK})){_TIME}"
)
_LABELED = (
    rf"{_LABEL}[ \t]*[:：]?[ \t]*(?:{_CLOCK_FIRST}{DATE}|(?i:{_MONTH_YEAR})|{_RELATIVE}"
    rf"|{_DAY_CLOCK}){_TIME}"
)

#: "5 min read", "Reading time: 4 minutes", "Lesezeit: 3 Minuten", "阅读时间：5分钟".
_MIN = r"(?:min(?:ute[ns]?|utos?|uti|uto|ut|s)?\.?|мин(?:ут[аы]?)?\.?)"
READING_TIME = (
    rf"(?i:(?:\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine|ten)[ \t-]*{_MIN}"
    r"[ \t-]+(?:read|reading(?: time)?|to read|de lectura|de leitura|di lettura|de lecture"
    r"|lesezeit|lesedauer|leestijd|läsning|lästid|czytania|чтения)|(?:reading time|read time"
    r"|time to read|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura"
    r"|tempo di lettura|leestijd|lästid|czas czytania|время чтения|lectura|lecture|lettura"
    r"|leitura)[ \t]*[:：]?[ \t]*(?:ca\.|approx\.|about|environ|circa|ongeveer|cerca de|около"
    r"|unos|aprox\.)?[ \t]*\d{1,3}(?:[ \t]*[-–][ \t]*\d{1,3})?[ \t]*"
    rf"{_MIN}|(?:阅读时间|阅读时长|閱讀時間|预计阅读时间|預計閱讀時間|読了時間)"
    r"[ \t]*[:：]?[ \t]*[约約]?\d{1,3}[ \t]*(?:分钟|分鐘|分)|[约約]?\d{1,3}[ \t]*分钟?(?:阅读|讀完)"
    r"|(?:この記事は)?約?\d{1,3}分で読めます)"
)
#: The clock time that may follow a date: "at 9:15 a.m. ET", ", 10:30", "um 14:00 Uhr".
TIME = _TIME
_UNIT = rf"(?:{_STAMP}|{READING_TIME})"
_SEP = r"(?:[ \t]*[|·•,;/–—-][ \t]*|[ \t]+)"
_END = r"(?:[ \t]*[|·•,;–—:-])?[ \t]*"  # a separator after glued metadata

# A title starts with a capital, a letter of a caseless script, a digit, a quote or a bracket.
_TITLE_START = r"""[\p{Lu}\p{Lt}\p{Lo}0-9"“‘'«「『《【(]"""

# The names in a byline: capitalised words, two at least ("Jane Doe", "Jean-Luc de la Tour"),
# joined by commas and "and"; or a wire service or desk.
_TOKEN = r"\p{Lu}[\pL'’.-]*"
_JOIN = r"(?:[ \t]+|,[ \t]*|,?[ \t]+(?:and|&|und|et|y|e|en|och)[ \t]+)"
_PARTICLE = r"(?:(?:de|da|del|der|den|di|du|la|le|van|von|al|bin|ibn|el)[ \t]+)*"
_DESK = (
    r"(?:Reuters|AFP|AP|Xinhua|Bloomberg|CNN|BBC|dpa|(?:the |The )?Associated Press"
    r"|Agence France-Presse|Staff|Staff Reporter|Our Correspondent|Global Times|CGTN|China Daily)"
)
_NAMES = rf"(?:{_TOKEN}(?:{_JOIN}{_PARTICLE}{_TOKEN})+|{_DESK})"
_ROLE = (
    r"(?i:staff (?:writer|reporter)|(?:senior |chief |special )?(?:\w+ )?(?:correspondent"
    r"|reporter|editor|contributor|columnist|writer)|in \p{Lu}\pL+)"
)
_BYLINE_TAIL = rf"(?:{_SEP}(?:{_UNIT}|{_ROLE}|{_DESK}|{_TOKEN}))*"

RULES: tuple[Rule, ...] = (
    # "Published March 4, 2026 | Updated March 5, 2026 10:30 GMT", "2026-03-04", "4. März 2026".
    Rule(
        id="metadata.date", lang="*", max_chars=200,
        pattern=rf"(?:{_STAMP}{_SEP}?)+\.?",
    ),
    # "5 min read", "Lesezeit: 3 Minuten", "阅读时间：5分钟", "March 4, 2026 · 5 min read".
    Rule(
        id="metadata.reading_time", lang="*", max_chars=200,
        pattern=rf"(?:{_UNIT}{_SEP}?)+\.?",
    ),
    # "10H ago", "16 hours ago", "Nov 18": a short stamp alone on its line, as feeds print it.
    Rule(
        id="metadata.ago", lang="en", max_chars=40,
        pattern=(
            r"(?i:\d{1,3}[ \t]?(?:[smhdw]|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)"
            rf"[ \t]+ago|(?:{_MONTHS})[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
        ),
    ),
    # "By" left alone when the name was a link the extractor dropped; "Contributing Writer".
    Rule(
        id="metadata.byline_rest", lang="en", max_chars=40,
        pattern=(
            r"By|BY|(?i:(?:contributing|staff|senior|guest|special) (?:writer|editor|reporter"
            r"|correspondent)|staff)"
        ),
    ),
    # "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By Jane Doe | March 4, 2026",
    # "Von Max Mustermann", "Par Jean Dupont", "Por Juan Pérez", "Av Anna Svensson".
    Rule(
        id="metadata.byline", lang="*", max_chars=200,
        pattern=(
            r"(?:By|BY|by|Written by|Words by|Text by|Reporting by|Story by|Report by|Von|VON|von"
            rf"|Par|PAR|par|Por|POR|por|Av)[ \t]+(?:{_NAMES}|{_TOKEN}){_BYLINE_TAIL}"
        ),
    ),
    # "Chris Davies - Nov 19, 2019, 10:31 pm CST": the author's name and the stamp, with no
    # "By" (a name alone could be a heading or a signature, and stays).
    Rule(
        id="metadata.name_stamp", lang="*", max_chars=200,
        pattern=rf"{_NAMES}[ \t]+[-–—|·•][ \t]+(?:{_STAMP}{_SEP}?)+\.?",
    ),
    # "Published", "Aktualisiert:", "Yayınlanma tarihi": a stamp's label alone, its date on the
    # next line; alone, it could be a heading.
    Rule(
        id="metadata.stamp_label", lang="*", max_chars=40, near=1,
        pattern=rf"(?:{_LABEL}|(?i:posted|published|updated|zveřejněno))[ \t]*[:：]?",
    ),
    # "Posted by admin at 10:32 AM", "Posted on March 4, 2020 by Jane Doe", "Publié par Marie
    # le 4 mars 2020": who posted, and when (a digit after the name, or nothing).
    Rule(
        id="metadata.posted_by", lang="*", max_chars=160,
        pattern=(
            r"(?i:posted|submitted|published|geschrieben|veröffentlicht|erstellt|publié|écrit"
            r"|publicado|escrito|pubblicato|scritto|geplaatst|geschreven|publicerad|skriven"
            r"|opublikowany|napisany|опубликовано|опубликовал)"
            rf"(?:[ \t]+(?i:on|am|le|el|il|em|op|den)[ \t]+{DATE}{_TIME})?[ \t]+"
            r"(?i:by|von|par|por|da|door|av|przez|пользователем)[ \t]+[\pL\pN_.@-]+"
            r"(?:[ \t]+[\pL\pN_.@-]+){0,3}(?:[ \t]*(?:[,|·•–—-]|(?i:at|on|am|um|le|à|el|a las"
            r"|il|alle|em|às|op|om|den|kl\.?))[ \t]*[^\d\n]{0,20}\d[\pL\pN ,.:/|·–-]{0,50})?"
        ),
    ),
    # "Author: Jane Doe", "Autorin: Anna Muster", "Rédaction : Le Monde", "Editor: John Roe".
    Rule(
        id="metadata.author", lang="*", max_chars=120,
        pattern=(
            r"(?i:authors?|autor(?:in|en)?|auteurs?|autora?|autores|autore|autori|reporters?"
            r"|editors?|edited by|redaktion|rédaction|redacción|redazione|redactie)[ \t]*[:：]"
            r"[ \t]*\S.*"
        ),
    ),
    # "作者：张三", "文/张三", "来源：新华社", "责任编辑：李四", often several on one line.
    Rule(
        id="metadata.zh.byline", lang="zh", max_chars=120,
        pattern=(
            r"(?:(?:作者|记者|記者|撰文|文|编辑|編輯|责任编辑|責任編輯|责编|責編|编审|編審|校对|校對"
            r"|审核|審核|来源|來源|策划|策劃|监制|監製|统筹|統籌|翻译|翻譯|编译|編譯|出品|制作|製作"
            r"|主编|主編|初审|初審|复审|複審|终审|終審|图片编辑|圖片編輯)[ \t]*[:：/／|丨][ \t]*"
            r"[\p{Han}\pL·• ]+?[ \t、,，|丨]*)+"
        ),
    ),
    # "文：山田太郎", "取材・文／山田花子".
    Rule(
        id="metadata.ja.credit", lang="ja", max_chars=80,
        pattern=r"(?:(?:取材|文|構成|編集|記者|撮影|執筆|著者)[・･]?)+[ \t]*[:：/／=＝][ \t]*\S.*",
    ),
    # "홍길동 기자", "홍길동 기자 hong@example.com".
    Rule(
        id="metadata.ko.byline", lang="ko", max_chars=80,
        pattern=r"\p{Hangul}{2,4}[ \t]*기자(?:[ \t]+[\w.+-]+@[\w.-]+)?",
    ),
    # " date 2026-03-04 The power of ...": a labelled date glued before a title. Several stamps
    # ("Published ... | Updated ... | Title") are cut one after the other.
    Rule(
        id="metadata.dated_title", lang="*", scope="prefix",
        pattern=rf"{_LABELED}{_END}",
    ),
    # "2026-03-04 The power of ...", "March 4, 2026 | The power of ...": a bare date before a
    # title. After a separator the title may start with anything; after a mere space it must
    # visibly start (a capital, a digit, a quote), since prose begins with dates too ("March 4,
    # 2026 was the day ..."). A date led by an article ("Le 6 mai 2025 ...") needs the
    # separator: without it, it is how a French or Spanish sentence starts.
    Rule(
        id="metadata.date_title", lang="*", scope="prefix",
        pattern=(
            rf"(?:(?i:{_WD}){_NUMERIC_DATE}|(?i:{_ART}{_WD}{_WORD_DATE})){_TIME}"
            r"[ \t]*[|·•–—-][ \t]*"
            rf"|(?:(?i:{_WD}){_NUMERIC_DATE}|(?i:{_WD}{_WORD_DATE})){_TIME}[ \t]+"
            rf"(?P<keep>{_TITLE_START})"
        ),
    ),
    # "5 min read | The power of ...", "14 min read the budget ...": a reading time is never
    # how prose starts, so any title start will do.
    Rule(
        id="metadata.reading_title", lang="*", scope="prefix",
        pattern=rf"{READING_TIME}(?:[ \t]*[|·•,–—-])?[ \t]+(?P<keep>[\pL\pN\pP])",
    ),
    # "The power of ... | March 4, 2026", "The power of ... · Updated 2 hours ago".
    Rule(
        id="metadata.date_suffix", lang="*", scope="suffix",
        pattern=rf"[ \t]*[|·•][ \t]*{_STAMP}\.?",
    ),
    # "The power of ... - 5 min read".
    Rule(
        id="metadata.reading_suffix", lang="*", scope="suffix",
        pattern=rf"[ \t]*[|·•–—-][ \t]*{READING_TIME}\.?",
    ),
)
