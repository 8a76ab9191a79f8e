"""The chrome of a blog post's own sections: the comment thread's headings and author lines,
pingbacks, the form's notices, and the lines under a post that file it ("This entry was posted
in ... and tagged ...", "Tags:", "Uncategorized", "Post navigation"), in the languages of the
consent rules and Czech and Turkish.

Each rule names a whole line that only a blog engine writes: a comment author line ends in its
verb and a colon ("jdoe says:"), never in the quotation a sentence would go on with; a thread's
heading quotes the post's title ("3 thoughts on “...”"); a bare label ("Tags") has nothing after
it. "He said: the tags were lost" and "We posted the letter at noon" stay.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.base import Rule, alternation
from cleanseed.boilerplate.rules.metadata import BARE_DATE, MONTHS, TIME
from cleanseed.boilerplate.rules.speech import REPORTED_SPEECH

__all__ = ["CHROME_RULES", "COMMENT_NOTICE", "COMMENT_NOTICE_WORD", "COUNTED_RUN", "METADATA_RULES"]

#: A list of links with counts is told by COUNTED_RUN such lines or more, one after the other.
COUNTED_RUN = 3

# --- the comment thread -------------------------------------------------------------------------

# A commenter's name: a handle or a few words, one of them maybe in brackets ("Olivia (GiveWell)").
_NICK = r"[\pL\pN_@][\pL\pN_.'’@&-]*(?:[ \t]+[\pL\pN_.'’@&()-]+){0,2}"
# The verb after it, in each language: "says", "sagt", "dit", "dice", "disse", "zegt", "pisze".
_SAYS = alternation((
    r"says", r"said", r"wrote", r"writes", r"sagt", r"schreibt", r"schrieb", r"meint", r"dit",
    r"a dit", r"écrit", r"a écrit", r"dice", r"dijo", r"escribió", r"ha detto", r"scrive",
    r"ha scritto", r"disse", r"diz", r"escreveu", r"zegt", r"schreef", r"skriver", r"säger",
    r"skrev", r"pisze", r"napisał(?:a)?", r"пишет", r"написал(?:а)?", r"говорит", r"napsal(?:a)?",
    r"píše", r"říká", r"dedi(?: ki)?", r"diyor(?: ki)?", r"yazdı",
))
_ON = r"(?i:on|am|le|el|il|em|op|den|dne|в)"
# "jdoe says:", "Gary M on September 17, 2018 at 8:50 pm said:".
_AUTHOR = rf"{_NICK}[ \t]+(?i:{_SAYS})[ \t]*[:：]"
_AUTHOR_DATED = rf"{_NICK}[ \t]+{_ON}[ \t]+{BARE_DATE}{TIME}[ \t]+(?i:{_SAYS})[ \t]*[:：]"

# The heading of a thread quotes the post: "3 thoughts on “Title”", "12 Kommentare zu „Titel“".
_ONE = (
    r"(?:\d{1,5}|one|two|three|ein(?:en)?|eine|une?|una?|uma?|um|één|een|en|ett|jedna|jeden"
    r"|jedno|одна|один|одно|bir)"
)
_THREAD_WORDS = alternation((
    r"thoughts? on", r"responses? to", r"comments? (?:on|to)", r"repl(?:y|ies) to",
    r"gedanken? zu", r"kommentare? zu", r"antworten? (?:auf|zu)", r"reaktionen? auf",
    r"réflexions? sur", r"commentaires? sur", r"réponses? à", r"pensamientos? (?:sobre|en)",
    r"comentarios? (?:en|sobre|a)", r"respuestas? a", r"pensieri? su", r"commenti? (?:su|a)",
    r"rispost[ae] a", r"pensamentos? sobre", r"comentários? (?:sobre|em|para)",
    r"respostas? (?:para|a)", r"gedachten? over", r"reacties? op", r"tank(?:e|ar) om",
    r"kommentar(?:er)? (?:till|på|om)", r"svar på", r"myśli? na temat", r"komentarz(?:e|y)? do",
    r"odpowiedzi na", r"мысл(?:ь|и|ей) о", r"комментари(?:й|я|ев) к", r"ответ(?:а|ов)? на",
    r"komentář(?:e|ů)? (?:k|u|na)", r"myšlen(?:ka|ky|ek) (?:na|o)", r"odpověd(?:i|í)? na",
))
_QUOTED = r"""[“"«„‘'»‚].+"""
_THREAD = (
    rf"(?i:{_ONE}[ \t]+{_THREAD_WORDS})[ \t]+{_QUOTED}"
    # Turkish puts the title first: "“Başlık” için 3 yorum", "“Başlık” üzerine 2 düşünce"
    rf"|{_QUOTED}[ \t]+(?i:için|üzerine|hakkında)[ \t]+{_ONE}[ \t]+(?i:yorum|düşünce|cevap|yanıt)"
)

# "Pingback: Title | Site", "Trackback von Blog | 11.09.2011 23:31".
_PINGBACK = (
    r"(?i:pingback|trackback)(?:[ \t]*[:：]|[ \t]+(?i:from|by|von|de|di|van|av|od|от|tarafından))"
    r"[ \t]*\S.*"
)

# The form's notices beyond its address and its fields (see sections.py): the reader must sign
# in, may be told of replies, may have the browser remember them; the spam filter's line.
_LOGIN_TO_COMMENT = (
    r"(?:you must be|you need to be) (?:logged|signed) in to (?:post|leave|write|add) a comment"
    r"|(?:log|sign) in to (?:post|leave|write|add) a comment"
    r"|only (?:registered|logged[- ]in) (?:users|members) can (?:comment|post comments)"
    r"|(?:bitte )?(?:melde dich|melden sie sich) an,? um (?:einen kommentar|zu kommentieren)"
    r"|connectez-vous pour (?:commenter|réagir)|inicia sesión para comentar"
    r"|accedi per commentare|faça login para comentar|log in om te reageren"
    r"|logga in för att kommentera|zaloguj się,? (?:aby|by) (?:skomentować|dodać komentarz)"
    r"|войдите,? чтобы (?:оставить комментарий|комментировать)"
    r"|přihlaste se,? abyste mohli komentovat|yorum yapmak için giriş yap"
    r"|(?:du musst|sie müssen) (?:angemeldet|eingeloggt) sein,? um (?:einen )?kommentar"
    r"|vous devez (?:être connecté|vous connecter)e? pour (?:publier|poster|laisser|écrire)"
    r" un commentaire"
    r"|(?:debes|tienes que|necesitas) (?:estar (?:conectado|registrado)|iniciar sesión|acceder)"
    r" para (?:publicar|escribir|dejar|enviar) un comentario"
    r"|devi (?:essere (?:connesso|registrato)|effettuare l['’]accesso) per (?:inviare|pubblicare"
    r"|scrivere|lasciare) un commento"
    r"|(?:você precisa|tem de|é necessário|precisa) (?:fazer login|estar (?:logado|conectado)"
    r"|iniciar (?:a )?sessão) para (?:publicar|enviar|deixar|postar) um comentário"
    r"|(?:je moet|u moet|u dient) (?:ingelogd|aangemeld) (?:te )?zijn om (?:een )?reactie"
    r"|du måste vara inloggad för att (?:skriva|lämna|posta) en kommentar"
    r"|musisz (?:się zalogować|być zalogowany),? aby (?:móc )?(?:dodać|dodawać|opublikować)"
    r" komentarz"
    r"|(?:для отправки комментария|чтобы оставить комментарий),? (?:вам )?необходимо"
    r" (?:авторизоваться|войти)|вы должны (?:авторизоваться|войти),? чтобы (?:оставить"
    r"|отправить) комментарий"
    r"|pro (?:přidání|vložení) komentáře se musíte přihlásit"
    r"|yorum (?:yapabilmek|yazabilmek|göndermek) için (?:giriş yapmalısınız|oturum açmalısınız"
    r"|giriş yapmanız gerek)"
)
_NOTIFY = (
    r"notify me (?:of|when|via e-?mail|by e-?mail|if)\b|benachrichtige mich (?:über|bei|per"
    r" e-?mail|wenn)|(?:prévenez|avertissez|notifiez)-moi (?:de|par|des|lorsque|quand)"
    r"|(?:notificarme|avisarme|notifícame|avísame) (?:de|por|los|cuando)"
    r"|(?:avvisami|notificami) (?:via|per|dei|di|quando)|(?:notifique-me|avise-me|notificar-me)"
    r" (?:sobre|de|por|quando)|(?:stuur|breng) mij (?:een e-?mail|op de hoogte)"
    r"|meddela mig (?:om|via|när)|powiadom mnie o|(?:уведомлять|сообщать|уведомить) (?:меня )?о"
    r" (?:новых|последующих)|(?:upozornit|informovat) mě (?:na|o|e-?mailem)"
    r"|(?:yorumları|yazıları) e-posta ile bana bildir"
)
# A comment form's help on its text format, as Drupal writes it.
_FORMAT_HELP = (
    r"lines and paragraphs break automatically|web page addresses and e-?mail addresses turn"
    r" into links|allowed html tags|no html tags allowed|zeilenumbrüche und absätze werden"
    r" automatisch|internet- und e-?mail-adressen werden automatisch|erlaubte html-tags"
    r"|les lignes et les paragraphes (?:vont à la ligne|passent à la ligne)"
    r"|balises html autorisées|las líneas y los párrafos se dividen automáticamente"
    r"|etiquetas html permitidas|tag html (?:consentiti|permessi)|tags html permitidas"
    r"|toegestane html-tags|tillåtna html-taggar|dozwolone znaczniki html"
    r"|разрешённые html-теги|povolené html značky|izin verilen html etiketleri"
)
_COMMENT_DATA = (
    r"(?:uses?|utilise|usa|utiliza|verwendet|nutzt|gebruikt|använder|wykorzystuje|использует"
    r"|používá) akismet|akismet kullan|how your comment data is processed"
    r"|wie deine kommentardaten verarbeitet"
    r"|données de vos commentaires sont (?:utilisées|traitées)|se procesan los datos de tus"
    r" comentarios|dati (?:derivati )?dai commenti|seus dados de comentários são processados"
    r"|reactie-?gegevens worden verwerkt|din kommentarsdata (?:bearbetas|behandlas)"
    r"|przetwarzane są dane (?:z )?(?:twoich )?komentarzy|обрабатываются (?:ваши )?данные"
    r" (?:ваших )?комментариев|(?:data|údaje) z komentářů zpracovávány"
    r"|yorum verilerinizin nasıl işlendiğini"
)

#: The form's notices, anywhere in a short line: "You must be logged in to post a comment.",
#: "Notify me of new posts by email.", "Learn how your comment data is processed." (the rule is
#: sections.py's, with the address and field notices).
COMMENT_NOTICE = f"(?:{_LOGIN_TO_COMMENT}|{_NOTIFY}|{_COMMENT_DATA}|{_FORMAT_HELP})"

#: A word every notice of the form holds (the comment, the address, the fields, the filter, the
#: notification, the text format): the rule set looks for it alone, since dozens of sentences
#: looked for anywhere in every line keep its automaton busy; the sentences are checked only on
#: the lines that have one.
COMMENT_NOTICE_WORD = (
    r"(?i:comment|kommentar|kommentier|kommenter|coment|reactie|reageren|komentarz|komentow"
    r"|коммент|komentář|komentov|yorum|réagir|akismet|not be published|never be published"
    r"|nicht veröffentlicht|pas publiée|no será publicad|non sarà pubblicat|não será publicad"
    r"|niet gepubliceerd|publiceras|nie zostanie opublikowany|не будет опубликован"
    r"|fields are marked|felder sind|champs obligatoires|campos obligatorios|campi obbligatori"
    r"|campos obrigatórios|vereiste velden|obligatoriska fält|wymagane pola|обязательные поля"
    r"|save my name|notify me|benachrichtige mich|-moi|notificarme|avisarme|notifícame|avísame"
    r"|avvisami|notificami|-me |mij een e-?mail|mij op de hoogte|meddela mig|powiadom mnie"
    r"|уведом|сообщать мне|upozornit mě|informovat mě|bana bildir|lines and paragraphs"
    r"|web page addresses|html|zeilenumbrüche|e-?mail-adressen werden|les lignes et"
    r"|las líneas y|不会被公开|必填项|公開されることはありません|必須項目|공개되지 않습니다"
    r"|필수 필드|评论|コメント|댓글)"
)

# "Save my name, email, and website in this browser for the next time I comment.": the
# browser, found anywhere, and a comment and a saving word somewhere in the same short line.
_BROWSER = r"(?i:browser|navigateur|navegador|webbläsare|przeglądar|браузер|prohlížeč|tarayıcı)"
_COMMENT_WORD = (
    r"(?i)comment|kommentier|coment|reactie|kommentar|komentarz|коммент|komentář|yorum"
)
_SAVE_WORD = (
    r"(?i)save|speichern|enregistrer|guarda|salva|salvar|opslaan|spara|zapamiętaj|zapisz"
    r"|сохранить|uložit|kaydet"
)

# A link to the comments, the verb before or after: "Kommentare lesen", "Voir les commentaires".
_COMMENT_LINK = (
    r"(?:kommentare|commentaires|comentarios|commenti|comentários|reacties|kommentarer"
    r"|komentarze|комментарии|komentáře|yorumlar|yorumları)[ \t]+(?:lesen|anzeigen|lire|voir"
    r"|afficher|ver|leer|leggi|vedi|mostra|bekijken|lezen|visa|läs|czytaj|pokaż|читать"
    r"|показать|zobrazit|číst|oku|göster)"
    r"|(?:lire|voir|afficher|leer|ver|mostrar|leggi|vedi|mostra|ler|bekijk|lees|visa|läs|czytaj"
    r"|pokaż|читать|показать|zobrazit|číst|tüm) (?:les |los |i |os |de |alla |wszystkie |все )?"
    r"(?:commentaires|comentarios|commenti|comentários|reacties|kommentarer|komentarze"
    r"|комментарии|komentáře|yorumları)"
)

# --- the post's footer --------------------------------------------------------------------------

# "This entry was posted in News and tagged cars. Bookmark the permalink.": the opener of the
# line a blog engine writes under a post, or its permalink sentence.
_ENTRY_OPENER = (
    r"this (?:entry|post) was (?:posted|filed|published)(?: on [^.\n]+?)? (?:in|under)\b"
    r"|(?:dieser|der) (?:eintrag|beitrag) wurde (?:veröffentlicht|abgelegt) (?:in|unter)\b"
    r"|(?:dieser|der) (?:eintrag|beitrag) wurde unter [^.\n]+ (?:veröffentlicht|abgelegt)"
    r"|cette entrée a été (?:publiée|postée|classée) dans|ce contenu a été publié dans"
    r"|esta entrada (?:fue publicada|se publicó|ha sido publicada) en"
    r"|questa voce è stata (?:pubblicata|archiviata) in"
    r"|esta entrada foi (?:publicada|postada|arquivada) em"
    r"|(?:dit|deze) (?:bericht|item|invoer) (?:is|werd) geplaatst in"
    r"|(?:detta|det här) inlägg (?:publicerades|postades|skrevs) (?:i|under)"
    r"|ten wpis został opublikowany w|(?:эта )?запись (?:была )?опубликована в рубрике"
    r"|(?:tento )?(?:příspěvek|záznam) byl publikován v"
    r"|bu (?:yazı|gönderi) [^.\n]+? (?:içinde|kategorisinde) (?:yayınlandı|gönderildi)"
)
_PERMALINK = (
    r"bookmark the permalink|lesezeichen (?:auf|für) den permalink|avec (?:son|ce) permalien"
    r"|(?:guarda|marca) el enlace permanente|ai segnalibri il permalink"
    r"|link permanente aos (?:seus )?favoritos|bookmark de permalink|bokmärk permalänken"
    r"|zakładkę do bezpośredniego odnośnika|в закладки постоянную ссылку"
    r"|záložk[ua] (?:pro|na) trvalý odkaz|kalıcı bağlantıyı yer imlerine"
)

# A label of the post's categories or tags alone on its line (the list is on the next lines).
_TAG_LABELS = alternation((
    r"tags", r"tagged(?: with| as| in)?", r"filed under", r"posted in", r"categories",
    r"schlagwörter", r"schlagworte", r"getaggt mit", r"verschlagwortet mit", r"abgelegt unter",
    r"kategorien", r"mots[- ]clés", r"étiquettes", r"classé dans", r"catégories", r"etiquetas",
    r"archivado en", r"categorías", r"archiviato in", r"categorie", r"arquivado em",
    r"categorias", r"trefwoorden", r"categorieën", r"taggar", r"kategorier", r"tagi",
    r"kategorie", r"метки", r"теги", r"рубрики", r"štítky", r"rubriky", r"etiketler",
    r"kategoriler", r"标签", r"標籤", r"タグ", r"태그", r"分类", r"分類", r"カテゴリー",
    r"카테고리",
))
# The category a blog engine files a post under when none was given.
_UNCATEGORIZED = alternation((
    r"uncategori[sz]ed", r"non classé", r"sin categoría", r"senza categoria", r"sem categoria",
    r"geen categorie", r"okategoriserade", r"bez kategorii", r"без рубрики", r"nezařazené",
    r"kategorisiz", r"未分类", r"未分類",
))
# The screen-reader heading of the links to the previous and next post, or comment page.
_POST_NAV = alternation((
    r"post navigation", r"posts navigation", r"comment navigation", r"beitragsnavigation",
    r"beitrags-navigation", r"kommentar-navigation", r"navigation des articles",
    r"navigation de l['’]article", r"navigation des commentaires", r"navegación de entradas",
    r"navegación de comentarios", r"navigazione articoli", r"navigazione commenti",
    r"navegação de posts", r"navegação dos comentários", r"berichtnavigatie",
    r"reactienavigatie", r"inläggsnavigering", r"nawigacja wpisu", r"nawigacja wpisów",
    r"навигация по записям", r"навигация по комментариям", r"navigace pro příspěvek",
    r"navigace pro příspěvky", r"yazı dolaşımı", r"yazı gezinmesi", r"文章导航", r"文章導覽",
    r"投稿ナビゲーション",
))

CHROME_RULES: tuple[Rule, ...] = (
    # "3 thoughts on “Title”", "12 Kommentare zu „Titel“", "2 réponses à « Titre »".
    Rule(id="chrome.comment_thread", lang="*", max_chars=300, pattern=_THREAD),
    # "Kommentare lesen", "Voir les commentaires", "Yorumları göster".
    Rule(id="chrome.comment_link", lang="*", max_chars=60,
         pattern=rf"(?i:{_COMMENT_LINK})(?:[ \t]*[(\[]?\d+[)\]]?)?(?:[ \t]*[»›→…])?"),
    # "Pingback: Ten tips for ... | Example Blog".
    Rule(id="chrome.pingback", lang="*", max_chars=300, pattern=_PINGBACK),
    # "Save my name, email, and website in this browser for the next time I comment."
    Rule(
        id="chrome.comment_save", lang="*", scope="search", max_chars=300, pattern=_BROWSER,
        requires=(_COMMENT_WORD, _SAVE_WORD), unless=(REPORTED_SPEECH["en"],),
    ),
    # "This entry was posted in News and tagged cars. Bookmark the permalink."
    Rule(
        id="chrome.entry_footer", lang="*", scope="search", max_chars=400,
        pattern=rf"(?i:^[ \t]*(?:{_ENTRY_OPENER})|{_PERMALINK})",
    ),
    # "Tags", "Posted in:", "Étiquettes :", "Štítky": the label, its list on other lines.
    Rule(id="chrome.tag_label", lang="*", max_chars=40, pattern=rf"(?i:{_TAG_LABELS})[ \t]*[:：]?"),
    # "Uncategorized", "Non classé", "Sin categoría".
    Rule(id="chrome.uncategorized", lang="*", max_chars=40, pattern=f"(?i:{_UNCATEGORIZED})"),
    # A blog's archive, a month or a year and its count of posts: "►März(8)", "▼ 2019 (10)",
    # "April 2019 (3)", each alone on its line; without the archive's marker, a month without
    # its year ("March (2)") or a year alone may be a table's cell, and stays.
    Rule(id="chrome.archive", lang="*", max_chars=40,
         pattern=(rf"(?:[►▼▶▸◄▷▽][ \t]*(?:(?i:{MONTHS})(?:[ \t]+\d{{4}})?|\d{{4}})"
                  rf"|(?i:{MONTHS})[ \t]+\d{{4}})[ \t]*\(\d{{1,4}}\)")),
    # A list of links, each with its count of posts or comments: "Camping (12)", "尖石_美樹營地
    # (3)", "Vikings come back to beat the Broncos (145)". Only in a run of COUNTED_RUN lines
    # that end so: one such line may be a table's row. A year is no count ("Casablanca
    # (1942)": a filmography), nor is an equation's number ("E = mc² (1)").
    Rule(id="chrome.counted_list", lang="*", scope="tail", max_chars=200, run=COUNTED_RUN,
         pattern=r"[^\s.。=][ \t]*\((?:\d{1,3}|[3-9]\d{3})\)", requires=(r"\pL",),
         unless=("=",)),
    # "Post navigation", "Beitragsnavigation", "Navigation des articles".
    Rule(id="chrome.post_nav", lang="*", max_chars=40, pattern=f"(?i:{_POST_NAV})"),
)

# The verb and its colon end the line: the rule set looks for that alone (a name at the start
# of a line would keep the set's automaton busy on every line), and the whole line's shape is
# checked only on the lines that end so.
_SAYS_END = rf"[ \t](?i:{_SAYS})[ \t]*[:：]"

METADATA_RULES: tuple[Rule, ...] = (
    # "Gary M on September 17, 2018 at 8:50 pm said:", "Anna am 4. März 2026 um 10:12 sagt:".
    Rule(id="metadata.comment_author_dated", lang="*", scope="tail", max_chars=120,
         pattern=_SAYS_END, requires=(f"^(?:{_AUTHOR_DATED})$",)),
    # "jdoe says:" above its stamp ("March 4, 2026 at 9:15 am"): only beside a removed stamp,
    # since "The report says:" may open a quotation in an article.
    Rule(id="metadata.comment_author", lang="*", scope="tail", max_chars=60, near=1,
         pattern=_SAYS_END, requires=(f"^(?:{_AUTHOR})$",)),
)
