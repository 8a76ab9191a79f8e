# ruff: noqa: E501  (a page's lines are as long as its paragraphs)
"""Made-up page texts of lists with stamps, marked as in ``tests/pages_made_up.py`` (``c``
content, ``t`` title, ``b`` chrome): an article with a list of teasers under it (a headline, a
summary and a stamp, again and again), in three languages; and three pages whose stamps come
back at a steady step around content, which stays: a timeline of dated paragraphs, comment
threads (a name and a stamp, on two lines or on one, and a comment), a listicle whose items
carry dates, and a page that lists events. None is copied from a real page.
"""

from __future__ import annotations

from tests.pages_made_up import Page, _page

#: The top of a made-up article in three languages, the site's menu over it: the pages below
#: go on from them.
NIGHT_TRAINS = """b News
b World
b Business
b Science
t Town votes to keep its night trains
c The council voted on Tuesday to keep the two night trains that link the town with the capital, after a year in which the service had been close to closing."""
NACHTZUEGE = """b Nachrichten
b Welt
b Wirtschaft
b Wissen
t Stadt behält ihre Nachtzüge
c Der Stadtrat hat am Dienstag beschlossen, die beiden Nachtzüge in die Hauptstadt zu behalten, nachdem die Verbindung ein Jahr lang auf der Kippe gestanden hatte.
c Im Sommer stieg die Zahl der Fahrgäste um ein Drittel, wie das Bahnunternehmen mitteilte, vor allem Studierende und Menschen mit Wochenendschichten.
c Ab März soll der Freitagszug einen Schlafwagen bekommen, und Fahrkarten sollen wieder am Schalter im Bahnhof verkauft werden statt nur im Internet."""
TRAINS_DE_NUIT = """b Actualités
b Monde
b Économie
b Sciences
t La ville garde ses trains de nuit"""

TEASERS_EN = _page(NIGHT_TRAINS + """
c Passenger numbers rose by a third over the summer, the rail operator said, and most of the new travellers were students and people who work weekend shifts.
c The operator will add a sleeping car to the Friday train from March, and it plans to sell tickets at the station again instead of only online.
b More in World
b Harbour crane collapses in overnight storm
b No one was hurt when the crane fell onto an empty quay, the port authority said.
b 2H ago
b Farmers test zebra stripes on their cows
b The stripes keep biting flies away, a study from a university farm suggests.
b 3 hours ago
b City library opens its rooftop garden to readers
b The garden holds forty seats and a shelf of books about plants.
b 5 hours ago
b Ferry prices rise for the second time this year
b The operator blamed the cost of fuel and the new harbour fees.
b 7 hours ago
b About us
b Privacy policy
""")

TEASERS_DE = _page(NACHTZUEGE + """
b Weitere Meldungen
b Hafenkran stürzt im nächtlichen Sturm um
b Verletzt wurde niemand, der Kran fiel auf einen leeren Kai.
b 4. März 2026
b Bauern testen Zebrastreifen auf ihren Kühen
b Die Streifen halten Stechfliegen fern, zeigt eine Studie.
b 3. März 2026
b Stadtbibliothek öffnet ihren Dachgarten für alle Leser
b Der Garten hat vierzig Plätze und ein Regal mit Büchern über Pflanzen.
b 2. März 2026
b Fährpreise steigen zum zweiten Mal in diesem Jahr
b Der Betreiber nennt die Kosten für Treibstoff und neue Hafengebühren.
b 1. März 2026
b Impressum
b Datenschutz
""")

TEASERS_FR = _page(TRAINS_DE_NUIT + """
c Le conseil municipal a voté mardi le maintien des deux trains de nuit qui relient la ville à la capitale, après une année où la ligne a failli fermer.
c Le nombre de voyageurs a augmenté d'un tiers cet été, selon l'exploitant, surtout parmi les étudiants et les personnes qui travaillent le week-end.
c Dès le mois de mars, le train du vendredi aura une voiture-couchettes, et les billets seront de nouveau vendus au guichet de la gare.
b À lire aussi
b Une grue du port s'effondre dans la tempête
b Personne n'a été blessé, la grue est tombée sur un quai vide.
b 4 mars 2026
b Des éleveurs peignent des rayures sur leurs vaches
b Les rayures éloignent les mouches, selon une étude.
b 3 mars 2026
b La bibliothèque ouvre son jardin sur le toit aux lecteurs
b Le jardin compte quarante places et une étagère de livres sur les plantes.
b 2 mars 2026
b Le prix du ferry augmente pour la deuxième fois cette année
b L'exploitant invoque le coût du carburant et les nouvelles taxes portuaires.
b 1 mars 2026
b Mentions légales
b Contact
""")

# A timeline in an article: each date a metadata rule takes, each paragraph a sentence.
TIMELINE_EN = _page("""
b News
b World
b Business
b Science
t How the night trains were saved
c The service had been close to closing for a year before the council's vote. These are the dates that decided it.
b March 4, 2026
c The operator announced that the two night trains would stop running at the end of the summer.
b March 18, 2026
c Residents handed the council a petition with four thousand names, asking it to keep the trains.
b April 1, 2026
c The council asked the operator for its passenger numbers and the cost of running the service.
b April 15, 2026
c The numbers showed that passengers had risen by a third, and the council voted to keep the trains.
c The operator will add a sleeping car to the Friday train from March.
b About us
b Privacy policy
""")

# Comments under an article: a commenter's name, the stamp, a comment.
COMMENTS_EN = _page(NIGHT_TRAINS + """
c Passenger numbers rose by a third over the summer, the rail operator said.
b 4 Comments
c Jane Doe
b March 4, 2026 at 9:15 am
c Finally some good news for the town, and about time too.
c Tom
b March 4, 2026 at 10:02 am
c I took that train every Friday for years, so I am glad it stays.
c Marie K.
b March 4, 2026 at 11:40 am
c Will they stop in the villages too? The article does not say.
c Sam
b March 4, 2026 at 12:05 pm
c Great news for the students who work on weekends.
b Leave a Reply
b Privacy policy
""")

# Comments whose author and stamp share a line: a comment may be no sentence.
COMMENTS_DE = _page("""
b Nachrichten
b Welt
b Wirtschaft
b Wissen
t Stadt behält ihre Nachtzüge
c Der Stadtrat hat am Dienstag beschlossen, die beiden Nachtzüge in die Hauptstadt zu behalten, nachdem die Verbindung ein Jahr lang auf der Kippe gestanden hatte.
c Im Sommer stieg die Zahl der Fahrgäste um ein Drittel, wie das Bahnunternehmen mitteilte.
b 4 Kommentare
b Anna Muster | 4. März 2026
c endlich mal gute Nachrichten für unsere Stadt
b Thomas Beck | 4. März 2026
c bin jahrelang jeden Freitag mitgefahren, schön dass er bleibt
b Marie Klein | 4. März 2026
c halten die Züge dann auch in den Dörfern
b Jan Vogt | 5. März 2026
c gute Nachricht für alle, die am Wochenende arbeiten
b Antworten
b Datenschutz
""")

# A listicle: each item a heading, its date and a paragraph.
LISTICLE_DE = _page("""
b Nachrichten
b Reisen
b Kultur
b Wissen
t Fünf Nachtzüge, die sich lohnen
c Nachtzüge erleben eine Renaissance. Diese fünf Verbindungen haben wir im vergangenen Jahr selbst ausprobiert.
c Von Wien nach Venedig über die Alpen
b 4. März 2026
c Der Zug fährt am Abend ab und erreicht die Lagune am frühen Morgen, pünktlich zum Frühstück.
c Von Berlin nach Stockholm mit der Fähre
b 5. März 2026
c Der Zug wird in Sassnitz auf die Fähre geschoben, und die Reisenden schlafen über die Ostsee hinweg.
c Von Zürich nach Amsterdam entlang des Rheins
b 6. März 2026
c Die Strecke folgt dem Rhein, und wer früh aufsteht, sieht die Burgen im ersten Licht.
c Von Paris nach Nizza an die Küste
b 7. März 2026
c Am Morgen liegt das Meer vor dem Fenster, und der Zug hält in jeder kleinen Stadt an der Küste.
b Impressum
b Datenschutz
""")

# A page that lists events: each its date, its name and its place; the list is the page.
EVENTS_EN = _page("""
b Home
b Events
b Venues
b Tickets
t What's on this spring
c Concerts, readings and markets in the old town.
b March 4, 2026
c Night train stories: readings at the station hall
c Station hall, Platform Road, from 7 pm
b March 11, 2026
c Spring market with local farmers and bakers
c Market square, all day, entry free
b March 18, 2026
c Brass band concert in the harbour church
c Harbour church, Quay Street, from 8 pm
b March 25, 2026
c Open day at the new library rooftop garden
c City library, Main Street, from 10 am
b About us
b Privacy policy
""")

#: Every page, by name: the teaser lists, then the lists whose content stays.
TEASER_PAGES: dict[str, Page] = {
    "teasers-en": TEASERS_EN, "teasers-de": TEASERS_DE, "teasers-fr": TEASERS_FR,
}
KEPT_PAGES: dict[str, Page] = {
    "timeline-en": TIMELINE_EN, "comments-en": COMMENTS_EN, "comments-de": COMMENTS_DE,
    "listicle-de": LISTICLE_DE, "events-en": EVENTS_EN,
}
