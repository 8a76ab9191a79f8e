"""Write the article itself: a title, paragraphs, headings, lists, one-line sentences and traps.

Every line is filled from the templates of one language, with names, places and numbers drawn
at random, so no two paragraphs of a document are the same (except where a trap asks for lines
that differ only by a number).
"""

from __future__ import annotations

import random
from types import MappingProxyType

from .model import Language, Unit
from .templates_de import DE
from .templates_en import EN
from .templates_es import ES
from .templates_fr import FR
from .templates_zh import ZH

__all__ = ["LANGUAGES", "Filler", "article"]

LANGUAGES: MappingProxyType[str, Language] = MappingProxyType(
    {lang.code: lang for lang in (EN, DE, FR, ES, ZH)}
)

_WORD_LISTS = ("city", "org", "company", "title", "job", "weekday", "month")


class _Slots(dict[str, object]):
    """The fields of one template: each is drawn the first time the template asks for it."""

    def __init__(self, filler: Filler, fixed: dict[str, object]) -> None:
        super().__init__(fixed)
        self.filler = filler

    def __missing__(self, key: str) -> object:
        value = self.filler.draw(key)
        self[key] = value
        return value


class Filler:
    """Fill templates of one language with random names, places and numbers.

    >>> Filler(random.Random(0), LANGUAGES["en"])("{n} buses") != ""
    True
    """

    def __init__(self, rng: random.Random, lang: Language) -> None:
        self.rng = rng
        self.lang = lang
        self.used: set[str] = set()  # sentence templates already written in this document

    def __call__(self, template: str, **fixed: object) -> str:
        return template.format_map(_Slots(self, dict(fixed)))

    def person(self) -> str:
        first, last = self.rng.choice(self.lang.first), self.rng.choice(self.lang.last)
        return last + first if self.lang.surname_first else f"{first} {last}"

    def decimal(self, low: int, high: int) -> str:
        return f"{self.rng.randint(low, high)}{self.lang.decimal}{self.rng.randint(1, 9)}"

    def draw(self, key: str) -> object:
        """Draw the value of one field (see :class:`Language` for the names)."""
        rng = self.rng
        if key in _WORD_LISTS:
            return rng.choice(getattr(self.lang, key))
        if key in ("name", "name2"):
            return self.person()
        numbers = {
            "n": (2, 12), "n2": (13, 60), "big": (120, 9800), "amount": (3, 950),
            "year": (1985, 2023), "d": (1, 28), "g1": (0, 5), "g2": (0, 5), "hour": (6, 22),
            "future": (2027, 2035), "temp": (28, 41),
        }
        if key in numbers:
            return rng.randint(*numbers[key])
        if key == "pct":
            return self.decimal(1, 19)
        if key == "price":
            return self.decimal(2, 9)
        if key == "m":
            return rng.choice((5, 10, 12, 15, 20, 30))
        msg = f"no value for field {{{key}}} in {self.lang.code} templates"
        raise KeyError(msg)


def _paragraph(fill: Filler) -> str:
    count = fill.rng.choice((1, 2, 2, 3, 3, 3, 4))
    fresh = [t for t in fill.lang.sentences if t not in fill.used]
    templates = fill.rng.sample(fresh if len(fresh) >= count else fill.lang.sentences, count)
    fill.used.update(templates)
    return fill.lang.joiner.join(fill(t) for t in templates)


def _block(fill: Filler, kind: str) -> list[Unit]:
    """One block of the body: a paragraph, heading, list, short line or trap."""
    rng, lang = fill.rng, fill.lang
    if kind == "heading":
        return [Unit("content", "heading", t := rng.choice(lang.headings), t, template="heading")]
    if kind == "short":
        text = fill(rng.choice(lang.short))
        return [Unit("content", "short", text, text, template="short")]
    if kind == "list":
        bullet = rng.choice(lang.bullets)
        items = rng.sample(lang.list_items, rng.randint(3, min(5, len(lang.list_items))))
        lines = [fill(rng.choice(lang.list_intros))] + [bullet + fill(i) for i in items]
        return [Unit("content", "list", x, x, template="list") for x in lines]
    if kind == "numbered":
        # list items that differ only by their number: near duplicates that must all stay
        template, start = rng.choice(lang.numbered), rng.randint(1, 5)
        fixed = {k: fill.draw(k) for k in ("m", "n", "month", "hour")}
        lines = [fill(template, i=i, **fixed) for i in range(start, start + rng.randint(3, 5))]
        return [Unit("content", "trap.numbered", x, x, template="trap.numbered") for x in lines]
    if kind == "trap":
        trap = rng.choice(sorted(lang.traps))
        text = fill(rng.choice(lang.traps[trap]))
        return [Unit("content", f"trap.{trap}", text, text, template=f"trap.{trap}.{lang.code}")]
    text = _paragraph(fill)
    return [Unit("content", "text", text, text, template="text")]


def _plan(rng: random.Random) -> list[str]:
    """The kinds of the body's blocks, in order."""
    kinds = ["text"] * rng.randint(3, 9)
    extras = ["heading"] * rng.choice((0, 0, 1, 2)) + ["short"] * rng.choice((0, 1, 1, 2))
    if rng.random() < 0.25:
        extras.append("list")
    if rng.random() < 0.6:
        extras += ["trap"] * rng.randint(1, 3)
    if rng.random() < 0.15:
        extras.append("numbered")
    for kind in extras:
        kinds.insert(rng.randint(1, len(kinds)), kind)
    return kinds


def article(rng: random.Random, lang: Language) -> list[Unit]:
    """Write an article: a title line, then the body; every line distinct.

    >>> units = article(random.Random(0), LANGUAGES["de"])
    >>> units[0].cls, len({u.text for u in units}) == len(units)
    ('title', True)
    """
    fill = Filler(rng, lang)
    title = fill(rng.choice(lang.headlines))
    units = [Unit("content", "title", title, title, template="title")]
    seen = {title}
    for kind in _plan(rng):
        for _ in range(8):  # a redraw when a block repeats a line already written
            block = _block(fill, kind)
            texts = [u.text for u in block]
            if len(set(texts)) == len(texts) and seen.isdisjoint(texts):
                units += block
                seen.update(texts)
                break
    return units
