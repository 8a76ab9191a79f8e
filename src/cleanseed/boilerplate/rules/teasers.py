"""The labels of teasers and boxes of links to other pages: "Read more", "Related articles",
"You may also like", "Customers also bought", "More from this author", "Most read", and the
"Show more" buttons under such lists, in the languages of the consent rules and Czech and Turkish.

:mod:`cleanseed.boilerplate.rules.chrome` takes a label alone on its line (with an arrow or a
colon), or before a separator and a headline ("Read more: <headline>"); "Read more books, the
teacher said." has no separator, and stays.
"""

from __future__ import annotations

from cleanseed.boilerplate.rules.base import alternation

__all__ = ["MORE", "TEASER"]

# A name of a few words after a box's label: "More in World", "More by Jane Doe". Longer, it is
# a sentence ("More in common than you think").
_FEW = r"[^ \t:|]+(?:[ \t]+[^ \t:|]+){0,2}"

# Teaser labels: alone on a line, or before a separator and a headline.
TEASER = alternation((
    r"read more", r"read also", r"also read", r"related(?: articles?| stories| content| coverage"
    r"| reading| news)?", r"see also", r"more from [^:|]+", r"recommended(?: for you| reading)?",
    r"you (?:may|might) also like", r"read next", r"up next", r"more on this(?: story| topic)?",
    r"more coverage", r"further reading", r"must read", r"watch", r"listen", r"most (?:popular|read"
    r"|viewed|shared)", r"trending(?: now| stories)?", r"popular (?:posts|stories|now)",
    r"top stories", r"latest (?:news|stories|posts)", r"editor['’]s picks",
    r"lesen sie (?:auch|mehr)",
    r"mehr zum thema", r"auch interessant", r"das könnte sie (?:auch )?interessieren",
    r"weiterlesen", r"(?:à )?lire aussi", r"a lire aussi", r"voir aussi", r"lire la suite",
    r"sur le même sujet", r"lee también", r"lea también", r"leer más", r"te puede interesar",
    r"relacionad[oa]s?", r"ver también", r"leggi anche", r"leggi di più", r"potrebbe interessarti",
    r"leia (?:também|mais)", r"veja também", r"saiba mais", r"lees (?:ook|meer)",
    r"läs (?:också|mer)", r"czytaj (?:też|także|więcej)", r"читайте также", r"相关阅读",
    r"相關閱讀", r"延伸阅读", r"延伸閱讀", r"推荐阅读", r"推薦閱讀", r"相关新闻", r"相關新聞",
    r"阅读更多", r"閱讀更多", r"更多阅读", r"関連記事", r"あわせて読みたい", r"続きを読む",
    r"관련 ?기사", r"더 보기",
    r"related (?:topics|posts|videos)", r"more (?:stories|news|articles)(?: from [^:|]+)?",
    r"you (?:may|might) (?:also )?be interested in", r"recommended (?:stories|articles)",
    r"verwandte (?:themen|artikel|beiträge)", r"ähnliche (?:artikel|beiträge|themen)",
    r"weitere (?:artikel|beiträge|nachrichten|themen)", r"empfohlene artikel",
    r"articles? (?:similaires|liés|connexes|recommandés)", r"sur le même thème",
    r"(?:à )?lire également", r"dans la même rubrique",
    r"(?:noticias|artículos|temas|contenidos) relacionad[oa]s", r"más noticias",
    r"(?:sigue|seguir|continúa|continuar) leyendo", r"te recomendamos",
    r"(?:también )?te (?:puede|podría) interesar", r"lo más (?:leído|visto)",
    r"(?:articoli|notizie|contenuti) correlati", r"(?:ti )?potrebbe (?:interessarti|interessare)"
    r"(?: anche)?", r"continua a leggere",
    r"(?:artigos|notícias|matérias) relacionad[oa]s", r"(?:continue|continuar) lendo",
    r"mais lidas", r"gerelateerde (?:artikelen|berichten)", r"lees verder", r"meer nieuws",
    r"relaterade artiklar", r"läs vidare", r"powiązane artykuły", r"zobacz (?:też|także)",
    r"похожие (?:статьи|новости)", r"читать (?:далее|также)",
    r"相关文章", r"相關文章", r"相关推荐", r"相關推薦", r"相关报道", r"相關報導", r"阅读全文",
    r"閱讀全文", r"查看全文", r"展开全文", r"展開全文", r"猜你喜欢", r"猜你喜歡", r"热门文章",
    r"熱門文章", r"热门推荐", r"熱門推薦", r"推荐文章", r"推薦文章", r"更多精彩",
    r"関連ニュース", r"おすすめ記事", r"人気記事", r"もっと読む", r"관련뉴스",
    r"많이 본 뉴스", r"추천 기사",
    # the heading of a box of other pages: related, bought together, by the same author, most
    # read or shared, the post before and after
    r"related (?:posts?|links|items|products|searches|subjects|videos?|galleries)",
    r"(?:show )?more related (?:stories|articles|content|posts)",
    r"(?:customers|people|shoppers)(?: who (?:bought|viewed) this(?: item)?)? also (?:bought"
    r"|viewed|liked)", r"frequently bought together",
    r"more (?:from|by) (?:this|the) (?:author|writer)", rf"more by {_FEW}",
    r"(?:most|top)[ -](?:commented|rated comments|shared|emailed)",
    r"(?:previous|next) (?:post|article|story|entry)",
    r"kunden kauften auch", r"das könnte (?:dich|sie) auch interessieren",
    r"ähnliche produkte", r"mehr (?:vom|von diesem) autor(?:in)?", r"meistgelesen(?:e artikel)?",
    r"meistkommentiert", r"(?:vorheriger|nächster) (?:beitrag|artikel)",
    r"les clients ont (?:également|aussi) acheté", r"vous aimerez (?:peut-être )?aussi",
    r"(?:articles |vidéos )?les plus (?:lu|vu|partagé|commenté)e?s", r"du même auteur",
    r"(?:article|billet) (?:précédent|suivant)",
    r"los clientes también compraron", r"(?:también )?te (?:puede|podría) gustar",
    r"más (?:del|de este) autor", r"lo más (?:compartido|comentado)",
    r"(?:entrada|artículo) (?:anterior|siguiente)",
    r"i clienti hanno acquistato anche", r"(?:ti )?potrebbe piacerti(?: anche)?",
    r"altro (?:dall['’]autore|di questo autore)", r"i più (?:letti|condivisi|commentati)",
    r"(?:articolo|post) (?:precedente|successivo)",
    r"quem comprou(?: este)?,? também comprou", r"(?:você )?também pode gostar",
    r"mais (?:do|deste) autor", r"mais (?:compartilhadas|comentadas|vistas)",
    r"(?:artigo|post) (?:anterior|seguinte)", r"próximo (?:artigo|post)",
    r"klanten kochten ook", r"(?:misschien )?(?:vind je|ook interessant)(?: dit ook leuk)?",
    r"meer van (?:deze|de) auteur", r"meest (?:gelezen|gedeeld)",
    r"(?:vorig|volgend) (?:artikel|bericht)",
    r"kunder (?:köpte|har också köpt) också", r"du kanske också gillar",
    r"mer (?:från|av) (?:författaren|skribenten)", r"mest (?:lästa|delade)",
    r"(?:föregående|nästa) (?:artikel|inlägg)",
    r"klienci kupili (?:również|też)", r"(?:może|mogą) ci się (?:też )?spodobać",
    r"więcej (?:od|tego) autora", r"najczęściej (?:czytane|komentowane)", r"najpopularniejsze",
    r"(?:poprzedni|następny) (?:artykuł|wpis)",
    r"с этим товаром (?:покупают|также покупают)", r"вам (?:также )?может понравиться",
    r"другие (?:статьи|материалы) автора", r"самое (?:читаемое|популярное)",
    r"(?:предыдущая|следующая) (?:статья|запись)",
    r"související(?: články| zprávy| témata)?", r"mohlo by vás (?:také )?zajímat",
    r"zákazníci (?:také|též) koupili", r"další články autora", r"nejčtenější",
    r"(?:čtěte|přečtěte si) (?:také|též|dále)", r"(?:předchozí|další) článek",
    r"[iİ]lgili (?:haberler|yazılar|içerikler|konular)", r"(?:bunlar da )?[iİ]lginizi çekebilir",
    r"benzer (?:haberler|yazılar)", r"yazarın diğer yazıları", r"en çok (?:okunanlar|okunan)",
    r"devamını oku", r"(?:önceki|sonraki) (?:yazı|haber)",
    # "More in World": the box of a section's other stories
    rf"more in {_FEW}", r"(?:weitere|mehr) (?:artikel|nachrichten|meldungen) (?:aus|zu|in)"
    rf" {_FEW}", rf"autres articles (?:dans|de la rubrique) {_FEW}",
    rf"más (?:noticias|artículos) (?:de|en) {_FEW}", rf"altri articoli (?:in|di|su) {_FEW}",
    rf"mais (?:notícias|artigos) (?:de|em) {_FEW}",
    rf"meer (?:nieuws|artikelen) (?:over|in|uit) {_FEW}", rf"fler artiklar (?:om|i) {_FEW}",
    rf"więcej (?:artykułów|wiadomości) z {_FEW}", r"другие (?:статьи|новости) (?:в|из)"
    rf" {_FEW}", rf"další články z {_FEW}",
))
MORE = alternation((
    r"continue reading", r"show more", r"load more", r"see more", r"view more", r"view all",
    r"see all", r"show all", r"learn more", r"mehr anzeigen", r"mehr laden", r"voir plus",
    r"afficher plus",
    r"ver más", r"mostra di più", r"ver mais", r"toon meer", r"visa mer", r"pokaż więcej",
    r"показать ещё", r"查看更多", r"加载更多", r"載入更多", r"もっと見る", r"さらに表示",
    r"zobrazit (?:více|další)", r"načíst další",
    # "learn more" in the other languages
    r"mehr erfahren", r"erfahren sie mehr", r"erfahre mehr", r"en savoir plus", r"saber más",
    r"más información", r"scopri di più", r"per saperne di più", r"meer informatie",
    r"dowiedz się więcej", r"подробнее", r"узнать больше", r"více informací", r"zjistit více",
    r"daha fazla bilgi", r"daha fazla (?:göster|yükle)",
    r"tümünü gör", r"(?:read|show) all comments", r"alle kommentare (?:anzeigen|lesen)",
))
