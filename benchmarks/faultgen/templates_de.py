"""German article templates: news prose, headings, lists, and the traps that must be kept."""

from __future__ import annotations

from types import MappingProxyType

from .model import Language

TRAPS = MappingProxyType({
    "cookie": (
        "Die Bäckerei am Marktplatz in {city} verkaufte am ersten Wochenende {big} Kekse und "
        "Cookies.",
        "Die Datenschutzbehörde verhängte gegen {company} ein Bußgeld von {amount} Millionen "
        "Euro, weil Werbe-Cookies ohne Einwilligung gesetzt wurden.",
    ),
    "photo": (
        "Ein Foto, das {name} im Jahr {year} aufnahm, zeigt den Platz voller Demonstranten.",
        "Der Fotograf sagte, er habe in jener Nacht mehr als {big} Bilder gemacht.",
    ),
    "shares": (
        "Die Aktie von {company} legte am {weekday} um {pct} Prozent zu.",
        "Der Beitrag wurde innerhalb einer Stunde mehr als {big} Mal geteilt.",
    ),
    "subscribers": (
        "Der Kanal hat {big} Abonnenten, veröffentlicht aber seit {month} keine Videos mehr.",
        "Die Zeitung verlor im vergangenen Jahr {pct} Prozent ihrer Abonnenten.",
    ),
    "privacy": (
        "{company} änderte im {month} seine Datenschutzerklärung, nachdem sich Nutzer aus "
        "{city} beschwert hatten.",
        "Nach der neuen Datenschutzerklärung werden Daten nach {n} Monaten gelöscht, sagte {name}.",
    ),
    "banner_quote": (
        "Besucher sahen zuerst ein Fenster mit dem Satz „Wir verwenden Cookies“, das die "
        "Verbraucherzentrale als irreführend bezeichnete.",
        "„Alle akzeptieren oder gehen ist keine echte Wahl“, sagte {name} über die "
        "Einwilligungsbanner von {company}.",
    ),
    "chrome_word": (
        "Die Werbeeinnahmen von {company} sanken im zweiten Quartal um {pct} Prozent.",
        "Die Druckauflage des Magazins hat sich seit {year} halbiert.",
        "Teilen wollten die Nachbarn den Garten nicht, sagte {name}.",
        "Mehr zum Hintergrund erklärte der Minister am {weekday} im Landtag.",
    ),
    "date_led": (
        "Veröffentlicht wurde der Roman {year}, im ersten Monat verkaufte er sich {big} Mal.",
        "Aktualisierte Zahlen vom {weekday} zeigen, dass {big} Haushalte noch ohne Strom sind.",
        "{n} Minuten später traf die Feuerwehr ein.",
    ),
    "short_quote": (
        "„Es ist vorbei“, sagte {name}.",
        "„Wir bauen wieder auf“, sagte {name}.",
    ),
})

DE = Language(
    code="de",
    first=("Jürgen", "Anna", "Lukas", "Sophie", "Björn", "Zeynep", "Matthias", "Lena", "Jörg",
           "Katrin", "Mehmet", "Sabine", "Felix", "Hannah", "Günter", "Marie"),
    last=("Müller", "Schmidt", "Schäfer", "Weiß", "Becker", "Yılmaz", "Hoffmann", "Krüger",
          "Wagner", "Köhler", "Neumann", "Groß", "Fischer", "Lehmann"),
    city=("München", "Köln", "Düsseldorf", "Nürnberg", "Leipzig", "Bremen", "Lübeck", "Würzburg",
          "Dresden", "Göttingen", "Graz", "Zürich", "Saarbrücken"),
    org=("das Statistische Bundesamt", "die Bundesagentur für Arbeit", "der Deutsche Wetterdienst",
         "das Robert Koch-Institut", "die Industrie- und Handelskammer", "der Stadtrat"),
    company=("Nordwerk Energie", "Haldener Lebensmittel", "Bahnlink", "Corvex Systeme",
             "Atlas Fahrzeugbau", "Meridian Bank", "Grünblatt Pharma"),
    title=("Sprecher", "Vorstandschef", "Geschäftsführer", "Forschungsleiter", "Betriebsratschef"),
    job=("Lehrerin", "Krankenpfleger", "Busfahrer", "Ladenbesitzerin", "Landwirt", "Studentin",
         "Ingenieur", "Elektriker"),
    weekday=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    month=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    sentences=(
        "{name}, {title} von {company}, sagte am {weekday}, der Plan werde bis Ende {month} "
        "überprüft.",
        "Der Stadtrat in {city} billigte den Haushalt mit {n2} zu {n} Stimmen nach einer Debatte, "
        "die bis spät in den Abend dauerte.",
        "Nach Angaben des Statistischen Bundesamts stiegen die Preise im {month} um {pct} "
        "Prozent, so stark wie seit {year} nicht mehr.",
        "„Wir sind noch nicht am Ziel“, sagte {name} vor dem Gebäude und kündigte weitere "
        "Gespräche für die kommende Woche an.",
        "Anwohner in {city} klagen seit Jahren über verspätete Züge, volle Bahnsteige und "
        "defekte Aufzüge.",
        "{company} beschäftigt in der Region rund {big} Menschen und eröffnete dort {year} sein "
        "erstes Werk.",
        "Das Projekt, erstmals {year} vorgeschlagen, soll etwa {amount} Millionen Euro kosten.",
        "Kritiker bemängeln, dass die Regeln große Firmen begünstigen; Befürworter sehen darin "
        "einen Schutz für kleine Zulieferer.",
        "{name} wuchs in {city} auf und arbeitete nach dem Studium zunächst bei {company}.",
        "Zum Auftakt des Festivals kamen nach Angaben der Veranstalter {big} Besucher.",
        "Jede {n}. Familie hat laut der Umfrage unter {big} Haushalten seit {month} beim Essen "
        "gespart.",
        "Ökonomen rechnen für das kommende Jahr mit einem Wachstum von {pct} Prozent.",
        "Die Schulen in {city} bleiben bis {weekday} geschlossen, während Gutachter die "
        "beschädigten Dächer prüfen.",
        "Die Tarifparteien verhandelten am {weekday} {n} Stunden lang, ohne sich zu einigen.",
        "Der neue Flügel des Museums, entworfen von {name}, soll {big} Objekte der Sammlung "
        "zeigen.",
        "{name} traf in der zweiten Halbzeit doppelt, {city} gewann daheim mit {g1}:{g2}.",
        "Die Landwirte rund um {city} rechnen wegen des trockenen Frühjahrs mit {pct} Prozent "
        "weniger Ertrag.",
        "Seit dem Start des Programms im {month} gingen mehr als {big} Anträge ein.",
        "{name} wollte sich am {weekday} auf Anfrage nicht zu den Ermittlungen äußern.",
        "Die Bauarbeiten sollen im {month} beginnen und etwa {n} Jahre dauern.",
        "Die neue Linie soll {city} in weniger als {n2} Minuten mit dem Flughafen verbinden.",
        "Ehrenamtliche verteilten Decken und heißen Tee an die Wartenden vor dem Bahnhof.",
        "Die Vereinbarung muss noch vom Landtag gebilligt werden, der im {month} wieder tagt.",
        "{name}, {job} aus {city}, sagte, die Entscheidung sei völlig überraschend gekommen.",
        "Die Arbeitslosenquote in der Region sank auf {pct} Prozent, den niedrigsten Stand seit "
        "{year}.",
        "Nach Angaben der Polizei wurden {n} Menschen leicht verletzt; Festnahmen gab es keine.",
        "Die Brücke, seit {year} gesperrt, ist seit {weekday} wieder für Radfahrer und "
        "Fußgänger offen.",
        "Ein Milchkaffee kostet in der Innenstadt von {city} inzwischen {price} Euro.",
        "Der Sturm entwurzelte in {city} zahlreiche Bäume, rund {big} Haushalte waren über Nacht "
        "ohne Strom.",
        "Am {weekday} wurden in {city} {temp} Grad gemessen, deutlich mehr als im {month} üblich.",
        "{name} und {name2} haben {n} Monate lang an der Ausstellung gearbeitet.",
    ),
    headlines=(
        "{city} beschließt neuen Haushalt nach langer Debatte",
        "Preise steigen um {pct} Prozent",
        "{company} baut neues Werk bei {city}",
        "Warum die Züge in {city} ständig zu spät kommen",
        "Hochwasser: {big} Haushalte in {city} ohne Strom",
        "{name} wird neuer {title} von {company}",
        "Museum in {city} öffnet nach {n} Jahren Umbau",
    ),
    headings=("Hintergrund", "Wie es weitergeht", "Reaktionen", "Die Zahlen", "Kritik aus der "
              "Opposition", "Ein langer Weg"),
    short=("Verletzt wurde niemand.", "Die Abstimmung fiel einstimmig aus.",
           "Das änderte sich {year}.", "Es hielt nicht lange.", "Die Antwort war nein.",
           "Die Gespräche gehen weiter.", "Dann kam der Regen."),
    list_intros=("Der Plan sieht vor:", "Die wichtigsten Punkte:", "Das ändert sich:"),
    list_items=("{n} neue Buslinien", "kostenloses Parken am Sonntag", "längere Öffnungszeiten "
                "der Bibliotheken", "ein Radweg entlang des Flusses", "{big} neue Wohnungen bis "
                "{future}", "mehr Personal im Krankenhaus", "günstigere Tickets für Studierende"),
    numbered=("Linie {i} fährt ab {month} alle {m} Minuten.",
              "Bauabschnitt {i} sperrt die Straße für {n} Wochen.",
              "Tor {i} öffnet an Spieltagen um {hour} Uhr."),
    captions=("{name} spricht am {weekday} in {city} zu Anhängern.",
              "Feuerwehrleute löschen einen Brand bei {city}.",
              "Überflutete Straßen in {city}.",
              "Pendler warten am Hauptbahnhof in {city} auf einen Zug."),
    traps=TRAPS,
    decimal=",",
    bullets=("- ", "• ", "– "),
)
