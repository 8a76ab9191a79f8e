"""Spanish article templates: news prose, headings, lists, and the traps that must be kept."""

from __future__ import annotations

from types import MappingProxyType

from .model import Language

TRAPS = MappingProxyType({
    "cookie": (
        "La pastelería de la plaza mayor de {city} vendió {big} galletas y cookies el primer "
        "fin de semana.",
        "La agencia de protección de datos multó a {company} con {amount} millones de euros por "
        "instalar cookies publicitarias sin consentimiento.",
    ),
    "photo": (
        "Una foto tomada por {name} en {year} muestra la plaza llena de manifestantes.",
        "El fotógrafo aseguró que hizo más de {big} fotografías aquella noche.",
    ),
    "shares": (
        "Las acciones de {company} subieron un {pct} % el {weekday} tras presentar resultados.",
        "La publicación se compartió más de {big} veces en una hora.",
    ),
    "subscribers": (
        "El canal, que tiene {big} suscriptores, dejó de publicar en {month}.",
        "El diario perdió el {pct} % de sus suscriptores el año pasado.",
    ),
    "privacy": (
        "{company} cambió su política de privacidad en {month} tras las quejas de usuarios de "
        "{city}.",
        "Según la nueva política de privacidad, los datos se borrarán a los {n} meses, explicó "
        "{name}.",
    ),
    "banner_quote": (
        "Los visitantes veían primero un aviso que decía «Utilizamos cookies para mejorar su "
        "experiencia», algo que la asociación calificó de engañoso.",
        "«Aceptar todo o marcharse no es una elección real», dijo {name}.",
    ),
    "chrome_word": (
        "Los ingresos por publicidad de {company} cayeron un {pct} % en el segundo trimestre.",
        "Compartir el patio con la escuela vecina nunca fue un problema, asegura {name}.",
        "Imprimir las entradas sigue siendo obligatorio para quien no tiene móvil.",
    ),
    "date_led": (
        "Publicada en {year}, la novela vendió {big} ejemplares el primer mes.",
        "Actualizadas el {weekday}, las cifras muestran {big} hogares aún sin luz.",
        "{n} minutos después llegaron los bomberos.",
    ),
    "short_quote": (
        "«Se acabó», dijo {name}.",
        "«Vamos a reconstruir», prometió {name}.",
    ),
})

ES = Language(
    code="es",
    first=("José", "María", "Lucía", "Raúl", "Martín", "Sofía", "Íñigo", "Begoña", "Andrés",
           "Nuria", "Óscar", "Ángela", "Joaquín", "Inés"),
    last=("García", "Martínez", "López", "Fernández", "Núñez", "Pérez", "Gómez", "Sánchez",
          "Muñoz", "Díaz", "Ibáñez", "Castaño"),
    city=("Sevilla", "Valencia", "Bilbao", "Málaga", "Córdoba", "Zaragoza", "Bogotá", "Medellín",
          "Quito", "Rosario", "Mérida", "León"),
    org=("el Instituto Nacional de Estadística", "el Banco de España", "la Aemet",
         "la Organización Mundial de la Salud", "el ayuntamiento", "la consejería de Sanidad"),
    company=("Energía del Norte", "Alimentos Halden", "Ferrolink", "Sistemas Corvex",
             "Atlas Motor", "Banco Meridiano"),
    title=("portavoz", "consejero delegado", "directora", "presidente", "jefa de investigación"),
    job=("maestra", "enfermero", "conductor de autobús", "comerciante", "agricultor jubilado",
         "estudiante", "ingeniera"),
    weekday=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    month=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    sentences=(
        "{name}, {title} de {company}, afirmó el {weekday} que el plan se revisará antes de "
        "que acabe {month}.",
        "El pleno de {city} aprobó el presupuesto por {n2} votos a {n} tras un debate que se "
        "alargó hasta la noche.",
        "Según {org}, los precios subieron un {pct} % en {month}, el mayor aumento desde {year}.",
        "«Todavía no hemos llegado», dijo {name} a la salida del edificio, y añadió que las "
        "conversaciones seguirán la próxima semana.",
        "Los vecinos de {city} se quejan desde hace años de trenes con retraso, andenes llenos y "
        "ascensores averiados.",
        "{company} emplea a unas {big} personas en la región, donde abrió su primera fábrica en "
        "{year}.",
        "El proyecto, propuesto por primera vez en {year}, costará unos {amount} millones de "
        "euros.",
        "Los críticos sostienen que las normas favorecen a las grandes empresas; sus defensores "
        "dicen que protegen a los pequeños proveedores.",
        "{name} creció en {city} y estudió ingeniería antes de entrar en {company}.",
        "El festival reunió a {big} visitantes en su primer fin de semana, según la "
        "organización.",
        "La encuesta a {big} hogares revela que una de cada {n} familias ha recortado el gasto "
        "en comida desde {month}.",
        "Los economistas prevén un crecimiento del {pct} % el próximo año.",
        "Los colegios de {city} seguirán cerrados hasta el {weekday} mientras se revisan los "
        "tejados dañados.",
        "Los negociadores estuvieron reunidos {n} horas el {weekday} sin alcanzar un acuerdo.",
        "La nueva ala del museo, diseñada por {name}, albergará {big} piezas de la colección "
        "permanente.",
        "{name} marcó dos goles en la segunda parte y {city} ganó {g1}-{g2} en casa.",
        "Los agricultores de los alrededores de {city} calculan que la sequía ha reducido la "
        "cosecha casi un {pct} %.",
        "El ministerio ha recibido más de {big} solicitudes desde que se abrió el plazo en "
        "{month}.",
        "{name} declinó hacer comentarios sobre la investigación cuando se le contactó el "
        "{weekday}.",
        "Las obras empezarán en {month} y durarán unos {n} años.",
        "La nueva línea unirá {city} con el aeropuerto en menos de {n2} minutos.",
        "Voluntarios repartieron mantas y bebidas calientes a quienes esperaban ante la estación.",
        "{name}, {job} de {city}, dijo que la decisión le pilló por sorpresa.",
        "El paro en la región bajó al {pct} %, su nivel más bajo desde {year}.",
        "La policía informó de {n} heridos leves y de que no hubo detenidos.",
        "El puente, cerrado desde {year}, reabrió el {weekday} para ciclistas y peatones.",
        "Un café con leche cuesta ya {price} euros en el centro de {city}.",
        "La tormenta derribó árboles en todo {city} y unos {big} hogares se quedaron sin luz.",
        "El termómetro marcó {temp} grados el {weekday}, muy por encima de lo normal en {month}.",
        "{name} y {name2} dedicaron {n} meses a preparar la exposición.",
    ),
    headlines=(
        "{city} aprueba el presupuesto tras una larga noche de debate",
        "Los precios suben un {pct} % en un año",
        "{company} abrirá una fábrica cerca de {city}",
        "Por qué los trenes de {city} siempre llegan tarde",
        "Inundaciones: {big} hogares sin luz en {city}",
        "{name}, nueva presidenta de {company}",
    ),
    headings=("Contexto", "Qué pasará ahora", "Reacciones", "Las cifras", "Un largo camino",
              "Qué cambia"),
    short=("Nadie resultó herido.", "La votación fue unánime.", "Eso cambió en {year}.",
           "No duró mucho.", "La respuesta fue no.", "Las conversaciones continúan."),
    list_intros=("El plan incluye:", "Los puntos clave:", "Qué cambia:"),
    list_items=("{n} nuevas líneas de autobús", "aparcamiento gratuito los domingos",
                "más horas de apertura en las bibliotecas", "un carril bici junto al río",
                "{big} viviendas nuevas antes de {future}", "billetes más baratos para "
                "estudiantes"),
    numbered=("La línea {i} pasará cada {m} minutos a partir de {month}.",
              "La fase {i} de las obras cortará la calle durante {n} semanas.",
              "La puerta {i} abrirá a las {hour}:00 los días de partido."),
    captions=("{name} habla ante sus seguidores en {city} el {weekday}.",
              "Bomberos trabajan para sofocar un incendio cerca de {city}.",
              "Calles inundadas en {city}.",
              "Viajeros esperan un tren en la estación de {city}."),
    traps=TRAPS,
    decimal=",",
)
