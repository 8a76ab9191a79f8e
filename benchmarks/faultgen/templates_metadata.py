"""Dates, "Published ..." and reading times that stand before a title, or are glued to it.

A template is filled with :func:`date_fields`: ``{date}`` (the language's long form), ``{num}``
(its numeric form), ``{iso}``, ``{time}``, ``{weekday}``, ``{n}`` (minutes of reading).
"""

from __future__ import annotations

import random
from types import MappingProxyType

from .templates_de import DE
from .templates_en import EN
from .templates_es import ES
from .templates_fr import FR
from .templates_zh import ZH

__all__ = ["LINES", "SEPARATORS", "date_fields"]

LINES = MappingProxyType({
    "en": ("Published {date}", "Published: {date}", "Updated {time} GMT, {date}",
           "Last updated: {date}", "{date}", "{date} {time}", "{n} min read",
           "{date} · {n} min read", "date {iso}", "{iso} {time}", "Posted on {date}",
           "{weekday}, {date}", "Updated: {num}"),
    "de": ("Veröffentlicht am {date}", "Aktualisiert am {date}, {time} Uhr", "{date}, {time} Uhr",
           "Lesezeit: {n} Min.", "{n} Min. Lesezeit", "Stand: {num} {time} Uhr", "{iso}",
           "{weekday}, {date}"),
    "fr": ("Publié le {date} à {time}", "Mis à jour le {date}", "Lecture {n} min.",
           "Temps de lecture : {n} min", "Le {date}", "{num} à {time}", "Publié le {num}"),
    "es": ("Publicado el {date}", "Actualizado: {date} - {time}", "Lectura: {n} min",
           "{n} minutos de lectura", "{num} {time}", "{weekday}, {date}"),
    "zh": ("发布时间：{iso} {time}", "{date}", "{date} {time}", "来源：新华网 {iso}",
           "更新时间：{iso} {time}", "{iso} {time}", "阅读时长约{n}分钟"),
})

#: What a scraper leaves between a glued date and the title.
SEPARATORS = MappingProxyType({
    "en": (" ", " | ", " - ", " · "),
    "de": (" ", " | ", " – "),
    "fr": (" ", " | ", " - "),
    "es": (" ", " | ", " - "),
    "zh": (" ", "  "),
})

_LANGS = MappingProxyType({lang.code: lang for lang in (EN, DE, FR, ES, ZH)})


def _long_date(lang: str, day: int, month: int, year: int) -> str:
    name = _LANGS[lang].month[month - 1]
    if lang == "en":
        return f"{name} {day}, {year}" if day % 2 else f"{day} {name} {year}"
    if lang == "de":
        return f"{day}. {name} {year}"
    if lang == "es":
        return f"{day} de {name} de {year}"
    if lang == "zh":
        return f"{year}年{month}月{day}日"
    return f"{day} {name} {year}"


def date_fields(rng: random.Random, lang: str) -> dict[str, str | int]:
    """Return the fields of one random publication date, formatted for *lang*.

    >>> date_fields(random.Random(1), "de")["iso"]
    '2021-10-28'
    """
    year, month, day = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    sep = "/" if lang in ("en", "es", "fr") else "."
    return {
        "date": _long_date(lang, day, month, year),
        "num": f"{day:02d}{sep}{month:02d}{sep}{year}",
        "iso": f"{year}-{month:02d}-{day:02d}",
        "time": f"{hour:02d}:{minute:02d}",
        "weekday": _LANGS[lang].weekday[rng.randrange(7)],
        "n": rng.randint(2, 14),
    }
