"""Build labelled documents: an article, then faults of every class planted around and into it.

Each document is drawn from its own generator, seeded with ``f"{seed}:{index}"``, so document
``i`` is the same whatever ``n`` is, and a run is the same on every machine for a seed.

Layout of a document, top to bottom: chrome that opens a page (skip links, a JavaScript
warning), a cookie banner at the top, dates standing before the title, the title (perhaps with
a date glued before it), the body with captions and chrome between paragraphs, the article
pasted again, chrome that closes a page, a cookie banner at the bottom.
"""

from __future__ import annotations

import random
from dataclasses import replace
from types import MappingProxyType

from .content import LANGUAGES, Filler, article
from .model import LabelledDoc, Language, Unit
from .templates_caption import AGENCIES, CREDITED, STANDALONE
from .templates_chrome import CHROME, OUTLETS, PLACE
from .templates_cookie import BANNERS, BUTTONS, LANGS, TITLES
from .templates_encoding import damage
from .templates_metadata import LINES, SEPARATORS, date_fields

__all__ = ["RATES", "generate", "generate_doc"]

#: How often a document gets a fault of each class (and how often its lines end in CRLF).
RATES = MappingProxyType({"cookie": 0.35, "caption": 0.35, "chrome": 0.5, "metadata": 0.4,
                          "repeat": 0.25, "encoding": 0.3, "crlf": 0.1})

_LANG_WEIGHTS = MappingProxyType({"en": 4, "de": 2, "fr": 2, "es": 2, "zh": 2})


def _fault(cls: str, text: str, template: str) -> Unit:
    return Unit("fault", cls, text, template=template)


def _cookie(rng: random.Random, lang: str) -> list[Unit]:
    """A consent banner: maybe a title, one or two notices, maybe its buttons."""
    lang = lang if rng.random() < 0.6 else rng.choice(LANGS)
    tag = f"cookie.{lang}"
    units = []
    if rng.random() < 0.35:
        units.append(_fault("cookie", rng.choice(TITLES[lang]), f"{tag}.title"))
    for text in rng.sample(BANNERS[lang], 2 if rng.random() < 0.2 else 1):
        units.append(_fault("cookie", text, f"{tag}.banner"))
    if rng.random() < 0.6:
        labels = rng.choice(BUTTONS[lang])
        if rng.random() < 0.4:
            units += [_fault("cookie", label, f"{tag}.button") for label in labels]
        else:
            joined = rng.choice((" | ", " ", "  ", " / ")).join(labels)
            units.append(_fault("cookie", joined, f"{tag}.buttons"))
    return units


def _caption(fill: Filler) -> list[Unit]:
    """A caption with its credit, or a credit line alone; sometimes printed twice."""
    rng, lang = fill.rng, fill.lang.code
    fields = {"caption": fill(rng.choice(fill.lang.captions)), "agency": rng.choice(AGENCIES)}
    if rng.random() < 0.25:
        template = rng.choice(STANDALONE[lang])
        return [_fault("caption", fill(template, **fields), f"caption.{lang}.{template}")]
    template = rng.choice(CREDITED[lang])
    line = _fault("caption", fill(template, **fields), f"caption.{lang}.{template}")
    units = [line, line] if rng.random() < 0.25 else [line]
    if template.startswith("Image caption") and rng.random() < 0.7:
        source = "Image source, " + rng.choice(AGENCIES)
        units.insert(0, _fault("caption", source, "caption.en.Image source, {agency}"))
    return units


def _chrome(fill: Filler, kind: str) -> Unit:
    rng, lang = fill.rng, fill.lang
    template = rng.choice(CHROME[kind][lang.code])
    text = fill(template, headline=fill(rng.choice(lang.headlines)), outlet=rng.choice(OUTLETS),
                year=rng.randint(2015, 2026))
    return _fault("chrome", text, f"chrome.{kind}.{lang.code}")


def _metadata(rng: random.Random, lang: str, title: Unit) -> tuple[list[Unit], Unit]:
    """Dates before the title: on lines of their own, or glued to the title's line."""
    fields = date_fields(rng, lang)
    if rng.random() < 0.5:
        template = rng.choice(LINES[lang])
        prefix = template.format(**fields) + rng.choice(SEPARATORS[lang])
        prefix = (" " if rng.random() < 0.2 else "") + prefix
        return [], replace(title, text=prefix + title.text, prefix=prefix,
                           prefix_template=f"metadata.glued.{lang}.{template}")
    lines = rng.sample(LINES[lang], rng.choice((1, 1, 2)))
    units = [_fault("metadata", t.format(**fields), f"metadata.line.{lang}.{t}") for t in lines]
    return units, title


def _near(rng: random.Random, text: str) -> tuple[str, str]:
    """A copy of *text* with a small edit, and the edit's name."""
    words = text.split(" ")
    edits = {
        "quotes": text.replace("“", '"').replace("”", '"').replace("«", '"').replace("»", '"'),
        "last_char": text[:-1],
        "double_space": text.replace(" ", "  ", 1),
        "truncated": text[: int(len(text) * 0.85)].rstrip() + "…",  # a teaser of it
    }
    if len(words) > 6:
        drop = rng.randrange(1, len(words) - 1)
        edits["drop_word"] = " ".join(words[:drop] + words[drop + 1 :])
    name = rng.choice([k for k, v in edits.items() if v != text])
    return edits[name], name


def _repeat(rng: random.Random, units: list[Unit]) -> list[Unit]:
    """Plant a repeat into *units* (title first): a paragraph again, or the whole article."""
    paragraphs = [i for i, u in enumerate(units) if u.cls == "text"]
    style = rng.choice(("exact", "exact", "near", "article", "article"))
    if style == "article":
        # a glued title is not copied: its clean copy would read as the title cleaned
        start = 0 if rng.random() < 0.5 and not units[0].prefix else 1
        copy = [_fault("repeat", u.expected, f"repeat.article.{u.cls}") for u in units[start:]]
        return units + copy
    i = rng.choice(paragraphs)
    text, tag = units[i].expected, "repeat.exact"
    if style == "near":
        text, edit = _near(rng, text)
        tag = f"repeat.near.{edit}"
    where = i + 1 if rng.random() < 0.5 else rng.randint(i + 1, len(units))
    return [*units[:where], _fault("repeat", text, tag), *units[where:]]


def _damage(rng: random.Random, units: list[Unit]) -> list[Unit]:
    """Plant encoding faults into one to three content lines.

    Not into a title with a date glued to it, nor into a line a repeat copies: a copy of a
    damaged line would carry the same damage, and repairing it would be a second fault.
    """
    copied = {u.text for u in units if u.kind == "fault"}
    lines = [i for i, u in enumerate(units)
             if u.kind == "content" and not u.prefix and u.text not in copied]
    out = list(units)
    for i in rng.sample(lines, min(len(lines), rng.randint(1, 3))):
        text, faults = damage(rng, out[i].expected)
        if faults:
            out[i] = replace(out[i], text=text, encoding=faults)
    return out


def _scatter(rng: random.Random, body: list[Unit], blocks: list[list[Unit]]) -> list[Unit]:
    """Insert *blocks* between the lines of *body* (the article after its title)."""
    out = list(body)
    for block in blocks:
        where = rng.randint(0, len(out))
        out[where:where] = block
    return out


def _plant(rng: random.Random, lang: Language, units: list[Unit]) -> list[Unit]:
    fill = Filler(rng, lang)
    wants = {cls: rng.random() < rate for cls, rate in RATES.items()}
    top: list[Unit] = []
    if wants["metadata"]:
        top, units[0] = _metadata(rng, lang.code, units[0])
    if wants["repeat"]:
        units = _repeat(rng, units)
    if wants["encoding"]:
        units = _damage(rng, units)
    blocks: list[list[Unit]] = []
    if wants["caption"]:
        blocks += [_caption(fill) for _ in range(rng.choice((1, 1, 2)))]
    bottom: list[Unit] = []
    if wants["chrome"]:
        for kind in rng.sample(sorted(PLACE), rng.randint(1, 4)):
            unit = _chrome(fill, kind)
            if PLACE[kind] == "top":
                top.insert(0, unit)
            elif PLACE[kind] == "bottom":
                bottom.append(unit)
            else:
                blocks.append([unit])
    units = units[:1] + _scatter(rng, units[1:], blocks)
    if wants["cookie"]:
        banner = _cookie(rng, lang.code)
        top, bottom = (banner + top, bottom) if rng.random() < 0.7 else (top, bottom + banner)
    return top + units + bottom


def generate_doc(seed: int, index: int) -> LabelledDoc:
    """Generate document *index* of the set drawn with *seed*.

    >>> generate_doc(0, 5) == generate_doc(0, 5)
    True
    """
    rng = random.Random(f"{seed}:{index}")
    code = rng.choices(list(_LANG_WEIGHTS), weights=list(_LANG_WEIGHTS.values()))[0]
    units = _plant(rng, LANGUAGES[code], article(rng, LANGUAGES[code]))
    sep = rng.choice(("\n", "\n\n"))
    if rng.random() < RATES["crlf"]:
        sep = sep.replace("\n", "\r\n")
    return LabelledDoc(id=f"{seed}-{index}", lang=code, units=tuple(units), sep=sep)


def generate(n: int = 2000, seed: int = 0) -> list[LabelledDoc]:
    """Generate *n* labelled documents, the same ones for the same *seed*.

    >>> [d.id for d in generate(2, seed=7)]
    ['7-0', '7-1']
    """
    return [generate_doc(seed, i) for i in range(n)]
