# ruff: noqa: E501  (a page's lines are as long as its paragraphs)
"""Made-up page texts, one line per block as a page's visible text has them, each line marked:
``c`` content (stays), ``t`` the page's title (stays), ``b`` chrome (goes).

Four kinds of page whose chrome sits among the content: a forum thread (the rows of each post's
actions between the posts), a page of documentation (an "On this page" list under the header,
a "Was this page helpful?" run above the footer), a recipe (a row of times under the title) and
an article with short rows between its paragraphs ("Share this:", "Related", "Tags: ...", the
links to the previous and next articles). Each in two or three languages; none is copied from a
real page.
"""

from __future__ import annotations

Page = list[tuple[str, str]]


def _page(text: str) -> Page:
    """The lines of *text*, each "<mark> <line>"."""
    out = []
    for raw in text.strip("\n").split("\n"):
        mark, _, line = raw.partition(" ")
        assert mark in ("c", "t", "b"), raw
        out.append((mark, line))
    return out


FORUM_EN = _page("""
b Home
b Forums
b Bikes & Repairs
b Members
b Log in
b Register
t Chain keeps slipping on the small cog
b alice_w
b Joined: Mar 2019
b Posts: 212
b #1
c My chain keeps slipping on the smallest cog when I climb, even after I cleaned and oiled it last weekend. The bike is a five-year-old touring frame with the original drivetrain. What should I check first?
b Like · Quote · Reply
b Report
b ben_rides
b Joined: Jan 2021
b Posts: 48
b #2
c Check the cassette for worn teeth.
b Like · Quote · Reply
b Report
b carla.m
b Joined: Aug 2017
b Posts: 1,034
b #3
c Five years on the original parts usually means the chain has stretched, and a stretched chain wears the cassette with it. Measure it with a ruler: twelve links should be exactly twelve inches, and if they are longer, replace the chain and most likely the cassette as well.
b Like · Quote · Reply
b Report
b alice_w
b Joined: Mar 2019
b Posts: 212
b #4
c Thanks, that was it.
b Like · Quote · Reply
b Report
b Similar threads
b Rear derailleur noise after rain
b Which chain checker is worth buying?
b Terms and rules
b Privacy policy
b Help
b © 2026 Example Riders Forum
""")

FORUM_DE = _page("""
b Startseite
b Foren
b Garten & Balkon
b Mitglieder
b Anmelden
b Registrieren
t Tomaten platzen nach dem Regen
b gruenerdaumen
b Dabei seit: 04.05.2018
b Beiträge: 377
b #1
c Nach jedem starken Regen platzen bei mir die reifen Tomaten auf, obwohl ich sie unter einem kleinen Dach stehen habe. Liegt das am Gießen oder an der Sorte, und kann ich noch etwas dagegen tun?
b Gefällt mir · Zitieren · Antworten
b Melden
b hobbygaertnerin
b Dabei seit: 12.09.2020
b Beiträge: 58
b #2
c Das ist bei uns jedes Jahr so.
b Gefällt mir · Zitieren · Antworten
b Melden
b gruenerdaumen
b Dabei seit: 04.05.2018
b Beiträge: 377
b #3
c Gieß lieber morgens und gleichmäßig, dann nehmen die Früchte nach einem Regen nicht so viel Wasser auf einmal auf, und ernte die fast reifen Tomaten schon vor einem angesagten Gewitter.
b Gefällt mir · Zitieren · Antworten
b Melden
b Ähnliche Themen
b Gurken werden bitter
b Schnecken im Hochbeet
b Nutzungsbedingungen
b Datenschutz
b Hilfe
""")

FORUM_FR = _page("""
b Accueil
b Forums
b Cuisine du quotidien
b Membres
b Connexion
b Inscription
t Pâte à crêpes trop épaisse
b lucie_b
b Inscrit le : 02/03/2016
b Messages : 95
b #1
c Ma pâte à crêpes reste trop épaisse même après une heure de repos, et les crêpes se cassent quand je les retourne. Je mets un demi-litre de lait pour deux cent cinquante grammes de farine.
b J'aime · Citer · Répondre
b Signaler
b marc_cuisine
b Inscrit le : 19/11/2019
b Messages : 1 204
b #2
c Ajoute un peu de lait.
b J'aime · Citer · Répondre
b Signaler
b lucie_b
b Inscrit le : 02/03/2016
b Messages : 95
b #3
c Merci, avec un verre de lait en plus et une cuillère de beurre fondu, elles ne se cassent plus du tout et elles sont bien plus fines qu'avant.
b J'aime · Citer · Répondre
b Signaler
b Sujets similaires
b Crêpes sans œufs
b Conditions d'utilisation
b Confidentialité
b Aide
""")

DOCS_EN = _page("""
b Docs
b Guides
b API reference
b Blog
b Search docs…
t Installing the command-line tool
b On this page
b Requirements
b Install with pip
b Check the install
c Requirements
c The tool runs on Python 3.10 or later, on Linux, macOS and Windows, and it needs no compiler to install.
c Install with pip
c Install it into a virtual environment, so that its dependencies stay apart from the rest of your system:
c pip install example-cli
c Check the install
c Run the tool with its version flag; it prints the version and the folder it was installed in.
c example --version
b Was this page helpful?
b Yes
b No
b Previous
b Quick start
b Next
b Configuration
b Edit this page
b © 2026 The Example Project
""")

DOCS_DE = _page("""
b Dokumentation
b Anleitungen
b API-Referenz
b Blog
t Konfigurationsdatei anlegen
b Auf dieser Seite
b Speicherort
b Aufbau der Datei
b Beispiel
c Speicherort
c Das Werkzeug sucht die Datei zuerst im aktuellen Ordner und danach im Heimatverzeichnis des Benutzers.
c Aufbau der Datei
c Jede Zeile enthält einen Schlüssel und einen Wert, die durch ein Gleichheitszeichen getrennt sind.
c Beispiel
c timeout = 30
c Der Wert gilt in Sekunden und darf nicht kleiner als eins sein, sonst bricht das Programm ab.
b War diese Seite hilfreich?
b Ja
b Nein
b Zurück
b Installation
b Weiter
b Befehle
b Diese Seite bearbeiten
""")

DOCS_FR = _page("""
b Documentation
b Guides
b Référence
b Blog
t Mettre à jour la base de données
b Sur cette page
b Sauvegarde
b Migration
b Vérification
c Sauvegarde
c Avant toute mise à jour, faites une copie complète de la base et gardez-la dans un dossier à part.
c Migration
c Lancez la commande suivante depuis le dossier du projet ; elle applique les changements dans l'ordre :
c example migrate --all
c Vérification
c Une fois la migration terminée, l'outil affiche le nombre de tables modifiées et le temps écoulé.
b Cette page vous a-t-elle été utile ?
b Oui
b Non
b Précédent
b Installation
b Suivant
b Sauvegardes automatiques
b Modifier cette page
""")

RECIPE_EN = _page("""
b Recipes
b Breakfast
b Dinner
b Desserts
b Sign in
t Lentil soup with lemon
b Prep 15 min · Cook 30 min · Serves 4
c A thick, bright soup for a cold evening: the lentils cook down to a purée, and the lemon at the end keeps it from tasting heavy.
c Ingredients
c 250 g red lentils
c 1 onion
c 2 carrots
c 1 litre vegetable stock
c 1 lemon
c Method
c Chop the onion and the carrots and soften them in a little oil for five minutes over a medium heat.
c Add the lentils and the stock, bring to the boil and simmer for twenty-five minutes, stirring now and then.
c Blend until smooth, then stir in the juice of the lemon and season with salt and pepper to taste.
b Share this recipe
b More soups
b Privacy
b Terms
b Contact
""")

RECIPE_DE = _page("""
b Rezepte
b Frühstück
b Hauptgerichte
b Desserts
b Anmelden
t Kartoffelsalat mit Gurke
b Vorbereitung 20 Min. · Kochen 25 Min. · 4 Portionen
c Ein leichter Salat ohne Mayonnaise, der am besten schmeckt, wenn er eine Stunde lang durchziehen kann.
c Zutaten
c 1 kg festkochende Kartoffeln
c 1 Salatgurke
c 1 Zwiebel
c 200 ml Gemüsebrühe
c Zubereitung
c Die Kartoffeln in der Schale garen, etwas abkühlen lassen, pellen und in dünne Scheiben schneiden.
c Die Zwiebel fein würfeln, in der heißen Brühe kurz aufkochen und alles über die Kartoffeln gießen.
c Die Gurke hobeln, unterheben und den Salat mit Salz, Pfeffer und etwas Essig abschmecken.
b Rezept teilen
b Weitere Salate
b Datenschutz
b Impressum
b Kontakt
""")

ARTICLE_EN = _page("""
b News
b World
b Business
b Science
b Culture
t Town votes to keep its night trains
c The council voted on Tuesday to keep the two night trains that link the town with the capital, after a year in which the service had been close to closing.
c Passenger numbers rose by a third over the summer, the rail operator said, and most of the new travellers were students and people who work weekend shifts.
b Share this:
b Facebook
b X
b Email
c The operator will add a sleeping car to the Friday train from March, and it plans to sell tickets at the station again instead of only online.
c Residents who had campaigned for the service said they were relieved, though they want the trains to stop at the two villages on the line as well.
b Related
b New timetable starts in spring
b Station café reopens
b Tags: rail, transport, council
b Previous article
b Bridge repairs finish early
b Next article
b Library extends its opening hours
b About us
b Advertise
b Privacy policy
""")

ARTICLE_DE = _page("""
b Nachrichten
b Welt
b Wirtschaft
b Wissen
b Kultur
t Stadt behält ihre Nachtzüge
c Der Stadtrat hat am Dienstag beschlossen, die beiden Nachtzüge in die Hauptstadt zu behalten, nachdem die Verbindung ein Jahr lang auf der Kippe gestanden hatte.
c Im Sommer stieg die Zahl der Fahrgäste um ein Drittel, wie das Bahnunternehmen mitteilte, vor allem Studierende und Menschen mit Wochenendschichten.
b Teilen:
b Facebook
b X
b E-Mail
c Ab März soll der Freitagszug einen Schlafwagen bekommen, und Fahrkarten sollen wieder am Schalter im Bahnhof verkauft werden statt nur im Internet.
c Die Bürgerinitiative zeigte sich erleichtert, möchte aber, dass die Züge auch in den beiden Dörfern an der Strecke halten.
b Mehr zum Thema
b Neuer Fahrplan ab Frühjahr
b Bahnhofscafé öffnet wieder
b Schlagwörter: Bahn, Verkehr, Stadtrat
b Vorheriger Artikel
b Brückensanierung früher fertig
b Nächster Artikel
b Bibliothek verlängert Öffnungszeiten
b Impressum
b Datenschutz
b Kontakt
""")

ARTICLE_FR = _page("""
b Actualités
b Monde
b Économie
b Sciences
b Culture
t La ville garde ses trains de nuit
c Le conseil municipal a voté mardi le maintien des deux trains de nuit qui relient la ville à la capitale, après une année où la ligne a failli fermer.
c Le nombre de voyageurs a augmenté d'un tiers cet été, selon l'exploitant, surtout parmi les étudiants et les personnes qui travaillent le week-end.
b Partager :
b Facebook
b X
b E-mail
c Dès le mois de mars, le train du vendredi aura une voiture-couchettes, et les billets seront de nouveau vendus au guichet de la gare.
c Les habitants qui s'étaient mobilisés se disent soulagés, mais ils demandent aussi un arrêt dans les deux villages de la ligne.
b Sur le même sujet
b Nouveaux horaires au printemps
b Le café de la gare rouvre
b Mots-clés : rail, transports, conseil municipal
b Article précédent
b Fin des travaux du pont
b Article suivant
b La bibliothèque ouvre plus tard
b Mentions légales
b Contact
""")

#: Every page, by name.
PAGES: dict[str, Page] = {
    "forum-en": FORUM_EN, "forum-de": FORUM_DE, "forum-fr": FORUM_FR,
    "docs-en": DOCS_EN, "docs-de": DOCS_DE, "docs-fr": DOCS_FR,
    "recipe-en": RECIPE_EN, "recipe-de": RECIPE_DE,
    "article-en": ARTICLE_EN, "article-de": ARTICLE_DE, "article-fr": ARTICLE_FR,
}
