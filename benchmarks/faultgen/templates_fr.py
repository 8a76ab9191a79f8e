"""French article templates: news prose, headings, lists, and the traps that must be kept."""

from __future__ import annotations

from types import MappingProxyType

from .model import Language

TRAPS = MappingProxyType({
    "cookie": (
        "La boulangerie de la place du marché, à {city}, a vendu {big} cookies le premier "
        "week-end.",
        "La CNIL a infligé à {company} une amende de {amount} millions d’euros pour des cookies "
        "publicitaires déposés sans consentement.",
    ),
    "photo": (
        "Une photo prise par {name} en {year} montre la place noire de monde.",
        "Le photographe dit avoir pris plus de {big} clichés cette nuit-là.",
    ),
    "shares": (
        "L’action {company} a gagné {pct} % {weekday} après la publication des résultats.",
        "La vidéo a été partagée plus de {big} fois en une heure.",
    ),
    "subscribers": (
        "La chaîne, qui compte {big} abonnés, ne publie plus rien depuis {month}.",
        "Le quotidien a perdu {pct} % de ses abonnés l’an dernier.",
    ),
    "privacy": (
        "{company} a modifié sa politique de confidentialité en {month} après des plaintes "
        "d’utilisateurs de {city}.",
        "Selon la nouvelle politique de confidentialité, les données seront effacées après {n} "
        "mois, a précisé {name}.",
    ),
    "banner_quote": (
        "Les visiteurs tombaient d’abord sur une fenêtre indiquant « Ce site utilise des "
        "cookies », un message jugé trompeur par l’association.",
        "« Tout accepter ou partir, ce n’est pas un vrai choix », estime {name}.",
    ),
    "chrome_word": (
        "Les recettes publicitaires de {company} ont reculé de {pct} % au deuxième trimestre.",
        "Partager la cour avec l’école voisine n’a jamais posé problème, assure {name}.",
        "Imprimer les billets reste obligatoire pour les voyageurs sans téléphone.",
    ),
    "date_led": (
        "Publié en {year}, le roman s’est vendu à {big} exemplaires le premier mois.",
        "Mis à jour {weekday}, le bilan fait état de {big} foyers privés d’électricité.",
        "{n} minutes plus tard, les pompiers sont arrivés.",
    ),
    "short_quote": (
        "« C’est fini », a dit {name}.",
        "« Nous reconstruirons », a promis {name}.",
    ),
})

FR = Language(
    code="fr",
    first=("Léa", "Hugo", "Chloé", "Jérôme", "Émilie", "François", "Inès", "Théo", "Anaïs",
           "Benoît", "Hélène", "Karim", "Zoé", "Noël"),
    last=("Martin", "Dubois", "Lefèvre", "Moreau", "Girard", "Bonnet", "Rousseau", "Mercier",
          "Benali", "Fournier", "Lemaître", "Chevalier"),
    city=("Lyon", "Marseille", "Nantes", "Besançon", "Genève", "Montréal", "Liège", "Nîmes",
          "Orléans", "Saint-Étienne", "Québec", "Rennes"),
    org=("l’Insee", "la Banque de France", "Météo-France", "l’Organisation mondiale de la santé",
         "la préfecture", "le conseil régional"),
    company=("Énergie du Nord", "Halden Alimentaire", "Ferlink", "Corvex Systèmes",
             "Atlas Automobiles", "Banque Méridien"),
    title=("porte-parole", "directeur général", "directrice", "présidente", "responsable de la "
           "recherche"),
    job=("enseignante", "infirmier", "chauffeur de bus", "commerçante", "agriculteur à la "
         "retraite", "étudiante", "ingénieur"),
    weekday=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    month=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    sentences=(
        "{name}, {title} de {company}, a déclaré {weekday} que le projet serait réexaminé avant "
        "la fin de {month}.",
        "Le conseil municipal de {city} a adopté le budget par {n2} voix contre {n}, après un "
        "débat qui s’est prolongé tard dans la soirée.",
        "Selon {org}, les prix ont augmenté de {pct} % en {month}, leur plus forte hausse depuis "
        "{year}.",
        "« Nous n’y sommes pas encore », a reconnu {name} devant le bâtiment, ajoutant que les "
        "discussions reprendraient la semaine prochaine.",
        "Les habitants de {city} se plaignent depuis des années de trains en retard, de quais "
        "bondés et d’ascenseurs en panne.",
        "{company} emploie environ {big} personnes dans la région, où elle a ouvert sa première "
        "usine en {year}.",
        "Le projet, proposé pour la première fois en {year}, devrait coûter près de {amount} "
        "millions d’euros.",
        "Les critiques estiment que les règles avantagent les grands groupes ; leurs partisans y "
        "voient une protection pour les petits fournisseurs.",
        "{name} a grandi à {city} et a étudié l’ingénierie avant de rejoindre {company}.",
        "Le festival a attiré {big} visiteurs lors du week-end d’ouverture, selon les "
        "organisateurs.",
        "D’après l’enquête menée auprès de {big} ménages, une famille sur {n} a réduit ses "
        "dépenses alimentaires depuis {month}.",
        "Les économistes tablent sur une croissance de {pct} % l’an prochain.",
        "Les écoles de {city} resteront fermées jusqu’à {weekday}, le temps d’inspecter les "
        "toitures endommagées.",
        "Les négociateurs se sont réunis pendant {n} heures {weekday} sans parvenir à un accord.",
        "La nouvelle aile du musée, conçue par {name}, accueillera {big} œuvres de la collection "
        "permanente.",
        "{name} a marqué deux fois en seconde période et {city} s’est imposé {g1}-{g2} à "
        "domicile.",
        "Autour de {city}, les agriculteurs estiment que la sécheresse a réduit leur récolte de "
        "près de {pct} %.",
        "Le ministère dit avoir reçu plus de {big} dossiers depuis l’ouverture du dispositif en "
        "{month}.",
        "Contacté {weekday}, {name} n’a pas souhaité commenter l’enquête.",
        "Les travaux doivent commencer en {month} et durer environ {n} ans.",
        "La nouvelle ligne reliera {city} à l’aéroport en moins de {n2} minutes.",
        "Des bénévoles ont distribué des couvertures et des boissons chaudes devant la gare.",
        "{name}, {job} à {city}, dit avoir été totalement surpris par la décision.",
        "Le taux de chômage de la région est tombé à {pct} %, son plus bas niveau depuis {year}.",
        "La police a fait état de {n} blessés légers et d’aucune interpellation.",
        "Le pont, fermé depuis {year}, a rouvert aux cyclistes et aux piétons {weekday}.",
        "Un café crème coûte désormais {price} euros dans le centre de {city}.",
        "La tempête a déraciné des arbres dans tout {city} et près de {big} foyers ont été privés "
        "d’électricité.",
        "Il a fait {temp} °C {weekday}, bien au-dessus des normales de {month}.",
        "{name} et {name2} ont consacré {n} mois à préparer l’exposition.",
    ),
    headlines=(
        "{city} adopte son budget après une longue nuit de débats",
        "Les prix augmentent de {pct} % en un an",
        "{company} va ouvrir une usine près de {city}",
        "Pourquoi les trains de {city} sont toujours en retard",
        "Inondations : {big} foyers privés de courant à {city}",
        "{name} nommée à la tête de {company}",
    ),
    headings=("Contexte", "Et maintenant ?", "Réactions", "Les chiffres", "Un long chemin",
              "Ce qui change"),
    short=("Personne n’a été blessé.", "Le vote a été unanime.", "Tout a changé en {year}.",
           "Cela n’a pas duré.", "La réponse a été non.", "Les discussions continuent."),
    list_intros=("Le plan prévoit :", "Les principaux points :", "Ce qui change :"),
    list_items=("{n} nouvelles lignes de bus", "le stationnement gratuit le dimanche",
                "des horaires élargis pour les bibliothèques", "une piste cyclable le long du "
                "fleuve", "{big} logements neufs d’ici {future}", "des tarifs réduits pour les "
                "étudiants"),
    numbered=("La ligne {i} passera toutes les {m} minutes à partir de {month}.",
              "La phase {i} des travaux fermera la rue pendant {n} semaines.",
              "La porte {i} ouvrira à {hour} h les soirs de match."),
    captions=("{name} s’adresse à ses partisans à {city}, {weekday}.",
              "Des pompiers luttent contre un incendie près de {city}.",
              "Les rues inondées de {city}.",
              "Des voyageurs attendent un train en gare de {city}."),
    traps=TRAPS,
    decimal=",",
    bullets=("- ", "• ", "– "),
)
