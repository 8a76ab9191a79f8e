"""Encoding faults planted into content lines, each one checked to be reversible.

A fault is kept only if :func:`reverse` (ftfy, then the white-space normalisation the issue asks
for) turns the damaged line back into the clean one exactly; otherwise the generator tries
another fault or leaves the line clean. ftfy leaves no-break and zero-width spaces alone by
design, so :func:`reverse` maps them itself: no-break spaces become plain spaces, zero-width
characters and soft hyphens go.
"""

from __future__ import annotations

import html.entities
import random
from collections.abc import Callable
from types import MappingProxyType

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-windows-1252" codec

__all__ = ["FAULTS", "FTFY", "damage", "reverse"]

#: ftfy's defaults, minus the options that restyle clean text (curly quotes, full-width CJK
#: punctuation, ligatures): with them on, ftfy would change the clean lines too.
FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False,
                            fix_latin_ligatures=False, explain=False)

_NBSP = ("\u00a0", "\u00a0", "\u00a0", "\u202f")
_ZERO_WIDTH = ("\u200b", "\u200b", "\ufeff", "\u00ad", "\u2060")
# C0 controls a broken converter leaves in text; not the ones that break lines.
_CONTROLS = ("\x00", "\x01", "\x02", "\x03", "\x08", "\x10", "\x1a", "\x1b", "\x7f")
_SPACE_MAP = {ord(c): " " for c in set(_NBSP)} | {ord(c): None for c in set(_ZERO_WIDTH)}


def reverse(text: str) -> str:
    """Undo encoding damage the way the issue defines it: ftfy, then space normalisation.

    >>> reverse("CafÃ©\\u00a0&amp; bar")
    'Café & bar'
    """
    return ftfy.fix_text(text, FTFY).translate(_SPACE_MAP)


def _cp1252(rng: random.Random, text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def _latin1(rng: random.Random, text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _double(rng: random.Random, text: str) -> str:
    return _cp1252(rng, _cp1252(rng, text))


def _partial(rng: random.Random, text: str) -> str:
    """Mojibake in one sentence only: a paragraph stitched from two sources."""
    cut = max(text.find(". "), text.find("。"))
    if cut < 0:
        return text
    return text[: cut + 1] + _cp1252(rng, text[cut + 1 :])


def _entity(char: str, rng: random.Random) -> str:
    name = html.entities.codepoint2name.get(ord(char))
    style = rng.randrange(3)
    if name and style == 0:
        return f"&{name};"
    return f"&#{ord(char)};" if style == 1 else f"&#x{ord(char):x};"


def _entities(rng: random.Random, text: str) -> str:
    targets = [i for i, c in enumerate(text) if c in "&\"'" or ord(c) > 127]
    if not targets:
        return text
    chosen = set(rng.sample(targets, min(len(targets), rng.randint(1, 4))))
    return "".join(_entity(c, rng) if i in chosen else c for i, c in enumerate(text))


def _insert(rng: random.Random, text: str, pool: tuple[str, ...], where: list[int]) -> str:
    if not where:
        return text
    spots = sorted(rng.sample(where, min(len(where), rng.randint(1, 3))), reverse=True)
    for spot in spots:
        text = text[:spot] + rng.choice(pool) + text[spot:]
    return text


def _nbsp(rng: random.Random, text: str) -> str:
    spaces = [i for i, c in enumerate(text) if c == " "]
    chosen = set(rng.sample(spaces, min(len(spaces), rng.randint(1, 3))))
    return "".join(rng.choice(_NBSP) if i in chosen else c for i, c in enumerate(text))


def _zero_width(rng: random.Random, text: str) -> str:
    inner = [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()]
    return _insert(rng, text, _ZERO_WIDTH, inner)


def _control(rng: random.Random, text: str) -> str:
    inner = [i for i in range(1, len(text)) if not text[i - 1].isspace()]
    return _insert(rng, text, _CONTROLS, inner)


FAULTS: MappingProxyType[str, Callable[[random.Random, str], str]] = MappingProxyType({
    "mojibake.cp1252": _cp1252,
    "mojibake.latin1": _latin1,
    "mojibake.double": _double,
    "mojibake.partial": _partial,
    "entities": _entities,
    "nbsp": _nbsp,
    "zero_width": _zero_width,
    "control": _control,
})


def damage(rng: random.Random, text: str, tries: int = 4) -> tuple[str, tuple[str, ...]]:
    """Damage *text* with one or two reversible faults; return it and the faults' names.

    Returns ``(text, ())`` when no fault could be planted so that :func:`reverse` undoes it.

    >>> damage(random.Random(3), "Zoë’s café")[0] != "Zoë’s café"
    True
    """
    names = list(FAULTS)
    for _ in range(tries):
        picked = rng.sample(names, 2 if rng.random() < 0.15 else 1)
        out = text
        for name in picked:
            out = FAULTS[name](rng, out)
        if out != text and reverse(out) == text:
            return out, tuple(picked)
    return text, ()
