# ruff: noqa: E501  (a page's lines are as long as its paragraphs)
"""Made-up page texts of ranked lists, marked as in ``tests/pages_made_up.py`` (``c`` content,
``t`` title, ``b`` chrome): an article with a list of the most read under it (a rank alone on
its line, then a headline, again and again), in three languages; and pages whose ranks count up
around content, which stays: a listicle whose items each hold a paragraph, a chart announced by
a sentence, and the steps of a recipe. None is copied from a real page.
"""

from __future__ import annotations

from tests.pages_made_up import Page, _page
from tests.pages_made_up_lists import NACHTZUEGE, NIGHT_TRAINS, TRAINS_DE_NUIT

RANKED_EN = _page(NIGHT_TRAINS + """
c Passenger numbers rose by a third over the summer, the rail operator said, and most of the new travellers were students and people who work weekend shifts.
c The operator will add a sleeping car to the Friday train from March, and it plans to sell tickets at the station again instead of only online.
b Most read
b 1
b Harbour crane collapses in overnight storm
b 2
b Farmers test zebra stripes on their cows
b 3
b City library opens its rooftop garden to readers
b 4
b Ferry prices rise for the second time this year
b About us
b Privacy policy
""")

RANKED_DE = _page(NACHTZUEGE + """
b Meistgelesen
b 1.
b Hafenkran stürzt im nächtlichen Sturm um
b 2.
b Bauern testen Zebrastreifen auf ihren Kühen
b 3.
b Stadtbibliothek öffnet ihren Dachgarten für alle Leser
b 4.
b Fährpreise steigen zum zweiten Mal in diesem Jahr
b Impressum
b Datenschutz
""")

RANKED_FR = _page(TRAINS_DE_NUIT + """
c Le conseil municipal a décidé mardi de garder les deux trains de nuit qui relient la ville à la capitale, après une année où la ligne avait failli fermer.
c Le nombre de voyageurs a augmenté d'un tiers cet été, selon l'exploitant, surtout des étudiants et des personnes qui travaillent le week-end.
c L'exploitant ajoutera une voiture-lits au train du vendredi dès mars, et vendra de nouveau des billets au guichet de la gare.
b Les plus lus
b 1
b Une grue du port s'effondre pendant la tempête
b 2
b Des éleveurs peignent des rayures sur leurs vaches
b 3
b La bibliothèque ouvre son jardin sur le toit
b 4
b Le prix du ferry augmente pour la deuxième fois
b Mentions légales
b Contact
""")

# A listicle: each rank heads a name and a paragraph, which are the page.
LISTICLE_EN = _page("""
b Home
b Travel
b Food
t Five small museums worth the trip
c Big museums draw the crowds, but some of the best collections in the country sit in small towns, in old houses and former schools.
c 1
c The Button Museum in Lowmoor
c A retired tailor gathered forty thousand buttons over sixty years, and the town now shows them in the hall of the old school, sorted by colour and by century.
c 2
c The Clock House at Fenwick Bay
c Every clock in the house still runs, and on the hour the rooms fill with the sound of chimes from three centuries of clockmakers.
c 3
c The Salt Works by the Marsh
c The last of the salt pans is kept as it was, and in summer visitors can rake the salt themselves and take a bag of it home.
c 4
c The Map Room above the Library
c The town's maps, some of them hand-drawn by surveyors on horseback, fill a long room under the roof of the library.
b Privacy policy
""")

# A chart that a sentence announces: the list is the article's.
CHART_ES = _page("""
b Inicio
b Cultura
b Música
t Los discos más vendidos del año
c El mercado de la música creció por tercer año seguido, impulsado por las ventas de vinilo y por las plataformas de streaming, según el informe anual de la industria.
c Las ventas de discos físicos subieron un doce por ciento, y el vinilo superó al disco compacto por primera vez desde los años ochenta.
c Los cinco discos más vendidos del año fueron estos:
c 1
c El viento del norte de Marta Ruiz
c 2
c Canciones para una casa vacía
c 3
c La noche larga de Los Faros
c 4
c Diez años en la costa de Ana Gil
c La industria espera que el vinilo siga creciendo el año que viene, aunque las fábricas no dan abasto.
b Aviso legal
""")

# A recipe's steps, each rank above its instruction.
RECIPE_IT = _page("""
b Ricette
b Primi
b Dolci
t Risotto alla zucca
c Un primo d'autunno semplice, che si prepara in mezz'ora con pochi ingredienti e un buon brodo vegetale.
c 1
c Tagliate la zucca a cubetti e fatela rosolare con la cipolla.
c 2
c Aggiungete il riso e tostatelo per due minuti, mescolando.
c 3
c Versate il brodo caldo poco alla volta finché il riso è cotto.
c 4
c Mantecate con il burro e il parmigiano e servite subito.
b Contatti
""")

RANKED_PAGES: dict[str, Page] = {"ranked-en": RANKED_EN, "ranked-de": RANKED_DE,
                                 "ranked-fr": RANKED_FR}
RANKED_KEPT: dict[str, Page] = {"listicle-en": LISTICLE_EN, "chart-es": CHART_ES,
                                "recipe-it": RECIPE_IT}
