"""The chrome of a page's sections around the article: comment forms, lists of related posts and
pagination, sign-in and paywall prompts, author boxes, "Posted in" lines and "Powered by"
footers, in the thirteen languages of the consent rules.

Each rule names what the section's own controls and headings say, never its content: "Leave a
reply" heads a comment form, "Your email address will not be published" sits in one, "Older
posts" pages a blog. Every rule must match its whole line, except the comment form's notices,
which are distinctive sentences found anywhere in a short line.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.base import Rule, alternation, label_line
from cleanseed.boilerplate.rules.posts import COMMENT_NOTICE, COMMENT_NOTICE_WORD
from cleanseed.boilerplate.rules.speech import REPORTED_SPEECH

__all__ = ["RULES"]

#: Section chrome is short; a longer line that looks like it is prose.
SECTION_MAX_CHARS = 160

# The form under a post: its heading, its buttons, its links.
_COMMENT_LABELS = (
    r"leave a (?:reply|comment|response)", r"(?:post|submit|add|write) (?:a |your )?comment",
    r"(?:post|submit) (?:a )?reply", r"cancel reply", r"reply", r"\d+ (?:replies|responses)",
    r"(?:log|sign) in to (?:reply|comment)", r"comments are closed",
    r"(?:show|view|load|hide) (?:more |all |previous )?(?:comments|replies)",
    r"hinterlasse einen kommentar", r"(?:eine )?antwort hinterlassen", r"antworten",
    r"kommentar (?:abschicken|absenden|posten)", r"antwort abbrechen", r"kommentare geschlossen",
    r"laisser (?:un commentaire|une réponse)", r"répondre", r"annuler la réponse",
    r"(?:publier|envoyer) (?:le |un |votre )?commentaire", r"les commentaires sont fermés",
    r"deja (?:una respuesta|un comentario)", r"responder", r"cancelar respuesta",
    r"publicar (?:el )?comentario", r"comentarios cerrados", r"lascia (?:un commento|una risposta)",
    r"rispondi", r"annulla risposta", r"(?:invia|pubblica) (?:il )?commento",
    r"deixe (?:uma resposta|um comentário)", r"cancelar resposta",
    r"(?:publicar|enviar) comentário",
    r"laat een (?:reactie|antwoord) achter", r"reageer", r"beantwoorden", r"reactie plaatsen",
    r"lämna ett (?:svar|kommentar)", r"svara", r"skicka kommentar",
    r"zostaw (?:komentarz|odpowiedź)",
    r"odpowiedz", r"anuluj odpowiedź", r"(?:dodaj|opublikuj) komentarz",
    r"оставьте (?:комментарий|ответ)", r"ответить", r"отменить ответ",
    r"(?:добавить|отправить) комментарий", r"发表评论", r"回复", r"回覆", r"取消回复", r"提交评论",
    r"コメントを残す", r"返信", r"返信をキャンセル", r"コメントを送信", r"댓글 남기기", r"답글",
    r"답글 취소", r"댓글 등록",
)

# The form's notices: the address stays private, the fields are required, the site keeps the
# name for next time, spam is filtered.
_COMMENT_NOTICE = alternation((
    r"your (?:e-?mail )?(?:address )?will (?:not|never) be published",
    r"required fields are marked", r"save my name,? e-?mail,? and website",
    r"notify me of (?:follow-up comments|new posts|new comments)",
    r"you must be (?:logged|signed) in to (?:post|leave) a comment",
    r"this site uses akismet to reduce spam",
    r"(?:deine|ihre) e-?mail-?adresse wird nicht veröffentlicht",
    r"erforderliche felder sind (?:mit \S+ )?markiert",
    r"votre adresse (?:e-?mail|de messagerie) ne sera pas publiée",
    r"les champs obligatoires sont indiqués",
    r"tu (?:dirección de )?correo electrónico no será publicad",
    r"los campos obligatorios están marcados",
    r"il tuo indirizzo (?:e-?mail )?non sarà pubblicato",
    r"i campi obbligatori sono contrassegnati",
    r"(?:o )?seu (?:endereço de )?e-?mail não será publicado",
    r"(?:os )?campos obrigatórios são marcados",
    r"je e-?mailadres wordt niet gepubliceerd", r"vereiste velden zijn gemarkeerd",
    r"din e-?postadress kommer inte (?:att )?publiceras", r"obligatoriska fält är märkta",
    r"twój adres e-?mail nie zostanie opublikowany", r"wymagane pola są oznaczone",
    r"ваш (?:адрес )?(?:email|e-mail|электронной почты) не будет опубликован",
    r"обязательные поля помечены",
    r"您的(?:电子)?邮箱地址不会被公开", r"必填项已用",
    r"メールアドレスが公開されることはありません",
    r"は必須項目です", r"이메일 주소는 공개되지 않습니다", r"필수 필드는",
))

# Lists of other posts, and the links that page through them.
_RELATED = (
    r"(?:recent|latest|popular|related|similar|previous|next|older|newer|more) (?:posts|entries"
    r"|articles|stories)", r"(?:previous|next) (?:post|entry|article|story|page)",
    r"back to (?:overview|the overview|the list|list|all (?:posts|articles|news)|blog|news)",
    r"more (?:posts|articles|stories) from [^|:]{1,40}",
    r"ältere (?:beiträge|einträge|artikel)", r"neuere (?:beiträge|einträge|artikel)",
    r"(?:vorheriger|nächster) (?:beitrag|artikel)", r"zurück zur übersicht",
    r"neueste (?:beiträge|artikel)", r"weitere beiträge(?: von [^|:]{1,40})?",
    r"articles? (?:plus anciens|plus récents|précédents?|suivants?|récents)",
    r"derniers articles", r"retour à la liste", r"retour aux actualités",
    r"entradas? (?:anteriores|recientes|siguientes?|anterior)",
    r"(?:artículo|noticia) (?:anterior|siguiente)", r"siguiente (?:artículo|noticia|entrada)",
    r"volver al (?:listado|blog)", r"últimas entradas",
    r"articoli (?:precedenti|recenti|successivi)",
    r"articolo (?:precedente|successivo)", r"torna all['’]elenco", r"post (?:più )?recenti",
    r"posts? (?:mais antigos|recentes|anteriores)", r"(?:artigo|post) anterior",
    r"próximo (?:artigo|post)", r"voltar (?:para a|à) lista", r"oudere berichten",
    r"recente berichten", r"(?:vorig|volgend) bericht", r"terug naar (?:het )?overzicht",
    r"äldre inlägg", r"senaste inläggen", r"(?:föregående|nästa) inlägg",
    r"tillbaka till översikten", r"starsze wpisy", r"najnowsze wpisy",
    r"(?:poprzedni|następny) wpis",
    r"powrót do listy", r"(?:предыдущая|следующая) (?:статья|запись)", r"последние записи",
    r"назад к списку", r"上一篇", r"下一篇", r"上一页", r"下一页", r"返回列表", r"最新文章",
    r"前の記事", r"次の記事", r"一覧に戻る", r"最新記事", r"이전 글", r"다음 글", r"목록으로",
    r"최신 글",
)
# The pager's words alone on a line with their arrow: "Next »", "‹ Zurück", "Suivant →" (a
# bare "Next" may be a heading).
_PAGER_WORDS = alternation((
    r"previous", r"prev", r"next", r"older", r"newer", r"zurück", r"weiter", r"vorherige[rs]?",
    r"nächste[rs]?", r"précédent(?:e)?", r"suivant(?:e)?", r"anterior", r"siguiente",
    r"precedente", r"successivo", r"próximo", r"vorige", r"volgende", r"föregående", r"nästa",
    r"poprzedni(?:a)?", r"następn[ya]", r"назад", r"далее", r"вперёд",
))

# A documentation page's own chrome: the heading of the list of its sections under the header
# ("On this page"; not "Contents" or "In this article", which head an article's own table of
# contents), the feedback widget and the link to its source above the footer.
_DOCS = alternation((
    r"on this page",
    r"was this (?:page|article|section|topic|answer|information) (?:helpful|useful)\??",
    r"did (?:this|you find this) (?:page|article) (?:help(?: you)?|helpful)\??",
    r"(?:edit|improve) this page(?: on github)?", r"edit (?:on|in) github",
    r"(?:suggest|propose) (?:an )?edits?", r"report an? (?:issue|problem) with this page",
    r"auf dieser seite",
    r"(?:war|ist) (?:diese seite|dieser artikel) hilfreich\??",
    r"(?:diese seite|seite) bearbeiten", r"auf github bearbeiten",
    r"sur cette page",
    r"cette page (?:vous )?(?:a-t-elle|a t-elle) été utile ?\??",
    r"(?:cet article|cette page) (?:vous )?(?:a-t-il|a-t-elle) été utile ?\??",
    r"modifier cette page", r"en esta página",
    r"¿?(?:te|le) (?:ha )?(?:resultado|sido|pareció) útil (?:esta página|este artículo)\??",
    r"¿?(?:esta página|este artículo) (?:te |le )?(?:ha )?(?:sido|resultó|fue) útil\??",
    r"editar (?:esta|essa) página", r"in questa pagina",
    r"(?:questa pagina|questo articolo) (?:ti )?(?:è stat[oa]|è) utile\??",
    r"modifica questa pagina", r"nesta página",
    r"(?:esta página|este artigo) (?:foi|é) útil\??", r"op deze pagina",
    r"(?:was|is) deze pagina (?:nuttig|behulpzaam)\??", r"deze pagina bewerken",
    r"på den här sidan", r"var den här sidan (?:till )?hjälp(?:sam)?\??",
    r"na tej stronie", r"czy ta strona była pomocna\??", r"на этой странице",
    r"(?:была ли )?эта страница (?:была )?полезна\??", r"本页内容", r"本頁內容", r"此页内容",
    r"这篇文章(?:对您)?有帮助吗[？?]?", r"此页面(?:对您)?有帮助吗[？?]?",
    r"本頁(?:對您)?有幫助嗎[？?]?",
    r"この(?:ページ|記事)は(?:役に立ちましたか|参考になりましたか)[？?]?",
    r"このページの内容", r"이 페이지가 도움이 되었나요[？?]?",
))

# "Page 2 of 10", "Seite 2 von 10", "1 2 3 … 10 Next", "« Previous 1 2 3 Next »".
_PAGE_WORDS = (
    r"(?:page|seite|pagina|página|sida|strona|страница) \d+ (?:of|von|sur|de|di|van|av|z|из)"
    r" \d+|第 ?\d+ ?页(?:[ \t]*共 ?\d+ ?页)?"
)
_PAGER = (
    r"(?:(?:«|‹|<|←)?[ \t]*(?i:previous|prev|next|older|newer|zurück|weiter|précédent|suivant"
    r"|anterior|siguiente|precedente|successivo|próximo|vorige|volgende|föregående|nästa"
    r"|poprzednia|następna|назад|вперёд|далее)?[ \t]*(?:»|›|>|→)?[ \t]*)"
    r"\d{1,4}(?:(?:[ \t]+|[ \t]*(?:…|\.\.\.)[ \t]*)\d{1,4}){2,}"
    r"(?:[ \t]*(?i:next|weiter|suivant|siguiente|successivo|próximo|volgende|nästa|następna"
    r"|далее|вперёд))?(?:[ \t]*(?:»|›|>|→))?"
)

# Sign-in, registration and paywall prompts.
_ACCOUNT = alternation((
    r"already (?:a subscriber|have an account|registered)\??(?: (?:sign|log) ?in\.?)?",
    r"(?:don['’]t|do not) have an account\??"
    r"(?: (?:sign up|register)(?: (?:now|here|for free))?\.?)?",
    r"forgot (?:your |my )?password\??", r"create (?:a |an |your )?(?:free )?account",
    r"(?:sign|log) in (?:or|/) (?:register|sign up|create an account)",
    r"(?:sign|log) in to (?:continue|read|keep reading|comment)",
    r"subscribe (?:now )?to (?:continue|keep) reading", r"to (?:read|continue reading) the full "
    r"(?:story|article)",
    r"this (?:article|story|content) is (?:for|only available to|reserved for)"
    r" (?:subscribers|members)(?: only)?", r"you['’]ve reached your (?:limit|monthly limit)"
    r"(?: of free articles)?", r"subscribers only",
    r"bereits (?:abonnent|registriert)\??(?: jetzt)?(?: anmelden| einloggen)?",
    r"passwort vergessen\??",
    r"(?:noch kein|kein) (?:konto|benutzerkonto)\??(?: jetzt registrieren)?",
    r"konto erstellen", r"(?:dieser artikel|dieser inhalt) ist (?:nur )?für abonnenten"
    r"(?: reserviert)?", r"jetzt weiterlesen", r"déjà abonné\s?\??(?: se connecter)?",
    r"mot de passe oublié\s?\??", r"créer (?:un|mon) compte", r"se connecter",
    r"cet article est réservé aux abonnés", r"¿ya eres suscriptor\??(?: inicia sesión)?",
    r"¿olvidaste tu contraseña\??", r"crear (?:una )?cuenta", r"iniciar sesión",
    r"(?:este contenido|este artículo) es exclusivo para suscriptores",
    r"sei già abbonato\??(?: accedi)?", r"password dimenticata\??", r"crea (?:un )?account",
    r"questo articolo è riservato agli abbonati", r"já é assinante\??(?: faça login| entrar)?",
    r"esqueceu (?:sua|a) senha\??", r"criar (?:uma )?conta",
    r"(?:este conteúdo|esta matéria) é exclusiv[oa] para assinantes", r"al abonnee\??(?: log in)?",
    r"wachtwoord vergeten\??", r"account aanmaken", r"inloggen", r"dit artikel is (?:alleen )?voor"
    r" abonnees", r"redan prenumerant\??(?: logga in)?", r"glömt lösenordet\??", r"skapa konto",
    r"logga in", r"masz już konto\??(?: zaloguj się)?", r"nie pamiętasz hasła\??",
    r"załóż konto", r"zaloguj się", r"ten artykuł jest dostępny (?:tylko )?dla (?:subskrybentów"
    r"|prenumeratorów)", r"уже есть аккаунт\??(?: войти)?", r"забыли пароль\??",
    r"зарегистрироваться", r"войти", r"忘记密码", r"登录后(?:阅读|查看)全文", r"会员专享",
    r"パスワードをお忘れですか[？?]?", r"会員登録", r"この記事は会員限定です", r"비밀번호 찾기",
    r"회원가입", r"구독자 전용",
    # the form's own controls
    r"sign up(?: now| today| free| for free| here)?", r"sign out", r"log ?out",
    r"(?:sign|log) ?in with[ \t]*:?", r"(?:or )?(?:sign up|continue) with (?:google|facebook|apple"
    r"|e-?mail)", r"create (?:a )?new password", r"reset (?:your )?password",
    r"resend (?:e-?mail )?verification(?: e-?mail)?", r"(?:edit|my|view) profile",
    r"use another account", r"remember me", r"keep me (?:signed|logged) in",
    r"registrieren", r"abmelden", r"ausloggen", r"angemeldet bleiben",
    r"passwort zurücksetzen", r"profil bearbeiten", r"s['’]inscrire", r"se déconnecter",
    r"déconnexion", r"rester connecté", r"réinitialiser (?:le|votre) mot de passe",
    r"registrarse", r"regístrate", r"cerrar sesión", r"recordarme",
    r"restablecer (?:la |tu )?contraseña", r"editar perfil", r"registrati", r"ricordami",
    r"reimposta (?:la )?password", r"modifica profilo", r"cadastre-se", r"registre-se",
    r"lembrar-me", r"redefinir (?:a )?senha", r"registreren", r"uitloggen", r"onthoud mij",
    r"wachtwoord opnieuw instellen", r"registrera dig", r"logga ut", r"kom ihåg mig",
    r"återställ lösenord", r"zarejestruj się", r"wyloguj(?: się)?", r"zapamiętaj mnie",
    r"resetuj hasło", r"запомнить меня", r"сбросить пароль", r"přihlásit se",
    r"registrovat se", r"odhlásit se", r"zapamatovat si mě", r"zapomenuté heslo",
    r"vytvořit účet", r"giriş yap", r"kayıt ol", r"üye ol", r"çıkış yap", r"beni hatırla",
    r"şifremi unuttum", r"hesap oluştur",
))

# An author box's heading and its link to the author's other posts.
_AUTHOR_BOX = alternation((
    r"about the author", r"(?:view|see|read) all (?:posts|articles|stories) by [^|:]{1,40}",
    r"(?:more )?(?:posts|articles|stories) by [^|:]{1,40}", r"über den autor", r"über die autorin",
    r"alle (?:beiträge|artikel) von [^|:]{1,40}(?: anzeigen)?", r"à propos de l['’]auteur",
    r"(?:voir )?tous les articles (?:de|par) [^|:]{1,40}", r"sobre el autor", r"sobre la autora",
    r"ver todas las entradas de [^|:]{1,40}", r"informazioni sull['’]autore",
    r"(?:visualizza )?tutti gli articoli di [^|:]{1,40}", r"sobre o autor", r"sobre a autora",
    r"ver todos os (?:posts|artigos) de [^|:]{1,40}", r"over de auteur",
    r"bekijk alle berichten van [^|:]{1,40}", r"om författaren", r"visa alla inlägg av [^|:]{1,40}",
    r"o autorze", r"zobacz wszystkie wpisy(?: autora)? [^|:]{1,40}", r"об авторе",
    r"все (?:записи|статьи) автора[^|:]{0,40}", r"作者简介", r"作者簡介", r"关于作者",
    r"この記事を書いた人", r"著者について", r"著者プロフィール", r"저자 소개", r"기자 소개",
))

# What follows "Powered by": a name or two, no sentence ("Designed by Gehry, the museum ...").
_NAME_TAIL = r"[ \t]+(?:[^.!?;,\n]|\.\S){1,60}"
# "Powered by WordPress", "Proudly powered by ...", "Theme by ...", "Site by ...".
_POWERED = alternation((
    r"(?:proudly )?powered by", r"(?:wordpress )?theme(?: by| designed by|:)",
    r"(?:web ?)?(?:site|design) by", r"designed (?:and developed )?by", r"built with",
    r"betrieben (?:mit|von)", r"(?:fièrement )?propulsé par", r"(?:desarrollado|funciona) con",
    r"con la tecnología de", r"(?:orgogliosamente )?(?:creato|realizzato) con",
    r"(?:desenvolvido|feito) (?:por|com)", r"orgulhosamente (?:criado|feito) com",
    r"mogelijk gemaakt door", r"drivs (?:med|av)", r"(?:dumnie )?wspierane przez",
    r"(?:сайт )?работает на",
))

# "Posted in News, Sports | Tagged cars", "Filed in Reviews": the post's categories.
_POSTED_IN = (
    r"(?i:posted in|filed in|tagged(?: with)?|categori[sz]ed (?:in|as)|veröffentlicht in"
    r"|abgelegt unter|publié dans|classé dans|publicado en|archivado en|pubblicato in"
    r"|archiviato in|publicado em|arquivado em|geplaatst in|publicerat i|opublikowano w"
    r"|опубликовано в|kategorie|catégories?|categorías?|categori[ae]|kategori(?:a|en)?|рубрик[аи])"
    r"[ \t]*:?[ \t]+(?:[^.!?\n]|\.\S){1,180}"
    r"|(?:分类|分類|カテゴリー?|카테고리)[ \t]*[:：][ \t]*\S.*"
)

RULES: tuple[Rule, ...] = (
    # "Leave a Reply", "Post Comment", "Reply", "Cancel reply": alone, or several on a line.
    Rule(
        id="chrome.comment_form", lang="*", max_chars=SECTION_MAX_CHARS,
        pattern="(?i:" + label_line(_COMMENT_LABELS, (), spaced=False) + r")(?:[ \t]*[→»›.:])?",
    ),
    # "Your email address will not be published. Required fields are marked *".
    Rule(
        id="chrome.comment_notice", lang="*", scope="search", max_chars=300,
        pattern=COMMENT_NOTICE_WORD, requires=(f"(?i){_COMMENT_NOTICE}|{COMMENT_NOTICE}",),
        unless=(REPORTED_SPEECH["en"],),
    ),
    # "Older posts", "Next article", "Back to overview", "Page 2 of 10", "1 2 3 … 10 Next".
    Rule(
        id="chrome.related", lang="*", max_chars=SECTION_MAX_CHARS,
        pattern=(
            r"(?:[«‹<←][ \t]*)?(?i:" + alternation(_RELATED) + r")(?:[ \t]*[»›>→:])?"
        ),
    ),
    # "« Previous", "Next »", "‹ Zurück": a pager's word and its arrow alone on a line.
    Rule(
        id="chrome.pager", lang="*", max_chars=30,
        pattern=(r"[«‹<←][ \t]*(?i:" + _PAGER_WORDS + r")(?:[ \t]*[»›>→])?|(?i:" + _PAGER_WORDS
                 + r")[ \t]*[»›>→]"
                 # "« Vorige | Nächste »", "Previous / Next": a row of them
                 r"|(?:[«‹<←][ \t]*)?(?i:" + _PAGER_WORDS + r")(?:[ \t]*[|·•/][ \t]*(?i:"
                 + _PAGER_WORDS + r"))+(?:[ \t]*[»›>→])?"),
    ),
    # "On this page", "Was this page helpful?", "Edit this page", "Auf dieser Seite".
    Rule(
        id="chrome.docs", lang="*", max_chars=80,
        pattern=r"(?i:" + _DOCS + r")[ \t]*[:：]?",
    ),
    Rule(
        id="chrome.pagination", lang="*", max_chars=SECTION_MAX_CHARS,
        pattern=rf"(?i:{_PAGE_WORDS})|{_PAGER}",
    ),
    # "Already a subscriber? Sign in", "Forgot your password?", "Subscribe to continue reading".
    Rule(
        id="chrome.account", lang="*", max_chars=SECTION_MAX_CHARS,
        pattern=rf"(?i:{_ACCOUNT}(?:[ \t]*[|·•/][ \t]*{_ACCOUNT})*)[ \t]*[.!»›→]?",
    ),
    # "About the author", "View all posts by Jane Doe".
    Rule(
        id="chrome.author_box", lang="*", max_chars=SECTION_MAX_CHARS,
        pattern=rf"(?i:{_AUTHOR_BOX})[ \t]*[.:»›→]?",
    ),
    Rule(
        id="chrome.powered_by", lang="*", max_chars=SECTION_MAX_CHARS,
        pattern=f"(?:[|·•©-][ \t]*)?(?i:{_POWERED}){_NAME_TAIL}"
                r"|由 ?\S+ ?(?:强力驱动|提供技术支持|驱动)|技术支持[:：].*",
    ),
    Rule(
        id="chrome.posted_in", lang="*", max_chars=240,
        pattern=_POSTED_IN,
    ),
)
