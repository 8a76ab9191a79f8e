"""Real text for the damage benchmark, and the losses planted in it.

Three sources, each split into dev and held-out halves by its own unit, never by document:

- ``pages``: the human truth of the two shared HTML sets (``_pages.py``; halves by site);
  Readability's expected text is read as UTF-8, which it is;
- ``django``: every translation catalogue Django ships (``django/**/locale/*/django.po``, about
  100 languages: what translators wrote for its interface and admin; BSD-3-Clause licence).
  Halves by app (``conf``, ``contrib/admin``, ...), so every language falls in both;
- ``code``: Python source of the standard library (``json``, ``email``, ``http``, ...; PSF
  licence): code, docstrings and comments. Halves by module.

Django and the standard library are text in no shared folder. Nothing is downloaded: Django
comes from the installed package (``pip install 'cleanseed[bench]'``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sysconfig
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from _pages import load_pages, visible_lines

from cleanseed.damage._words import LATIN_WORD

# Documents are cut at paragraph boundaries to about this many characters.
CHUNK = 3000
_CODE_PACKAGES = ("json", "email", "http", "logging", "asyncio", "unittest", "xml", "urllib",
                  "importlib", "concurrent", "sqlite3", "tomllib", "zoneinfo", "wsgiref")
KINDS = ("lost.space", "lost.question", "lost.replacement", "mojibake")
#: Losses planted per document: one, or one word in 200, or one in 50 (of the words that hold a
#: letter outside ASCII, the only letters a converter loses).
RATES = (0, 200, 50)


@dataclass(slots=True)
class Doc:
    source: str
    unit: str
    half: str
    lang: str
    text: str
    id: str = ""


@dataclass(frozen=True, slots=True)
class Plant:
    kind: str
    start: int       # the damaged word in the planted text
    text: str        # the damaged word as planted
    hole: int        # the damaged characters, in the planted text
    hole_end: int
    original: str    # the word before the loss


@dataclass(slots=True)
class Planted:
    doc: Doc
    text: str
    plants: list[Plant] = field(default_factory=list)
    rate: int = -1   # the rate of RATES it was damaged at; -1: sound


def half_of(unit: str) -> str:
    return "dev" if hashlib.sha256(unit.encode()).digest()[0] % 2 == 0 else "held-out"


def chunks(text: str, size: int = CHUNK) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    length = 0
    for line in text.split("\n"):
        current.append(line)
        length += len(line) + 1
        if length >= size:
            out.append("\n".join(current).strip())
            current, length = [], 0
    if "".join(current).strip():
        out.append("\n".join(current).strip())
    return [c for c in out if c]


def _readability_truth(folder: Path, name: str) -> str:
    raw = gzip.decompress((folder / "pages" / name / "expected.html.gz").read_bytes())
    return "\n".join(visible_lines(raw.decode("utf-8", errors="replace")))


def page_docs(folders: list[Path]) -> list[Doc]:
    docs = []
    for page in load_pages(folders):
        if page.fixture:
            continue  # hand-made markup tests, lorem ipsum: not text anyone wrote to be read
        truth = page.truth
        if page.corpus == "readability":
            folder = next(f for f in folders if (f / "pages" / page.id).is_dir())
            truth = _readability_truth(folder, page.id)
        for i, text in enumerate(chunks(unicodedata.normalize("NFC", truth))):
            docs.append(Doc("pages", page.site, page.half, "", text, f"{page.id}#{i}"))
    return docs


def _po_strings(path: Path) -> list[str]:
    out: list[str] = []
    current: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("msgstr"):
            current = [line.split(" ", 1)[1]]
            out.append("")
        elif line.startswith('"') and current is not None:
            current.append(line)
        else:
            if current is not None and out:
                out[-1] = "".join(json.loads(part) for part in current)
            current = None
    if current is not None and out:
        out[-1] = "".join(json.loads(part) for part in current)
    return [s for s in out if s.strip() and not s.startswith("Project-Id-Version")]


def django_docs() -> list[Doc]:
    try:
        import django
    except ImportError:
        return []
    root = Path(django.__file__).parent
    docs = []
    for po in sorted(root.glob("**/locale/*/LC_MESSAGES/django.po")):
        lang = po.parts[-3]
        app = str(po.parent.parent.parent.parent.relative_to(root))
        text = unicodedata.normalize("NFC", "\n".join(_po_strings(po)))
        for i, part in enumerate(chunks(text)):
            docs.append(Doc("django", app, half_of(app), lang, part, f"{app}/{lang}#{i}"))
    return docs


def code_docs() -> list[Doc]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    docs = []
    for package in _CODE_PACKAGES:
        for path in sorted((stdlib / package).glob("**/*.py")):
            if "test" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for i, part in enumerate(chunks(text)):
                docs.append(Doc("code", package, half_of(package), "py", part,
                                f"{package}/{path.name}#{i}"))
    return docs


def catalogue_docs(folder: Path, most: int = 6000, seed: int = 1) -> list[Doc]:
    """The translated messages of the compiled gettext catalogues under *folder* (a system's
    ``/usr/share/locale``: coreutils, bash, tar, gnupg, ... in about 150 languages), cut into
    documents as the others, and *most* of them drawn with *seed*. Program messages are terse,
    full of options, placeholders and quotes: a hard test of false alarms. They are read as
    they are, and a few hold damage their translators left (U+FFFD, mojibake)."""
    import gettext
    import random

    docs = []
    for path in sorted(folder.glob("*/LC_MESSAGES/*.mo")):
        try:
            with path.open("rb") as handle:
                catalogue = gettext.GNUTranslations(handle)  # a bad header: IndexError
        except (OSError, ValueError, IndexError, UnicodeDecodeError):
            continue  # not a catalogue this reader takes
        # the stdlib reader lists no messages but through its table, _catalog
        messages = [text for key, text in catalogue._catalog.items()
                    if key and isinstance(text, str) and text.strip()]
        text = unicodedata.normalize("NFC", "\n".join(messages))
        lang, package = path.parts[-3], path.stem
        for i, part in enumerate(chunks(text)):
            docs.append(Doc("catalogues", package, half_of(package), lang, part,
                            f"{lang}/{package}#{i}"))
    random.Random(seed).shuffle(docs)
    return docs[:most]


def _losable(text: str) -> list[tuple[int, int]]:
    """Words with a non-ASCII Latin letter: the only letters a converter loses."""
    return [m.span() for m in LATIN_WORD.finditer(text)
            if not m.group().isascii() and len(m.group()) >= 2]


def _mojibake(char: str, rng: random.Random) -> str | None:
    import ftfy

    from cleanseed.damage._codepages import CODEPAGES

    pages = list(CODEPAGES)
    rng.shuffle(pages)
    for page in pages:
        try:
            garbled = char.encode("utf-8").decode(page)
        except UnicodeDecodeError:
            continue
        if garbled.isprintable() and ftfy.fix_text(f"the word x{garbled}x here") == \
                f"the word x{garbled}x here":
            return garbled  # mojibake that ftfy leaves: what the finder is for
    return None


def _lose(word: str, kind: str, rng: random.Random) -> tuple[str, int, int] | None:
    """*word* with one non-ASCII letter lost as *kind*: (damaged word, hole, hole end)."""
    spots = [i for i, c in enumerate(word) if not c.isascii()]
    at = rng.choice(spots)
    char = word[at]
    if kind == "lost.space":
        mark = " "
    elif kind == "lost.question":
        mark = "?"
    elif kind == "lost.replacement":
        mark = "\ufffd" * rng.choice((1, len(char.encode("utf-8"))))
    else:
        garbled = _mojibake(char, rng)
        if garbled is None:
            return None
        mark = garbled
    return word[:at] + mark + word[at + 1:], at, at + len(mark)


def plant(doc: Doc, rng: random.Random, kind: str, rate: int) -> Planted:
    """Plant losses of *kind* in *doc*: one, or one in *rate* of its losable words."""
    spans = _losable(doc.text)
    count = 1 if rate == 0 else max(1, round(len(spans) / rate))
    chosen = sorted(rng.sample(spans, min(count, len(spans))))
    pieces, plants, pos, out_len = [], [], 0, 0
    for start, end in chosen:
        word = doc.text[start:end]
        lost = _lose(word, kind, rng)
        if lost is None:
            continue
        damaged, hole, hole_end = lost
        pieces.append(doc.text[pos:start])
        out_len += start - pos
        plants.append(Plant(kind, out_len, damaged, out_len + hole, out_len + hole_end, word))
        pieces.append(damaged)
        out_len += len(damaged)
        pos = end
    pieces.append(doc.text[pos:])
    return Planted(doc, "".join(pieces), plants, rate)


def plant_corpus(docs: list[Doc], seed: int, share: float) -> list[Planted]:
    """Damage *share* of the documents that can lose a letter; leave the rest sound."""
    rng = random.Random(seed)
    out = []
    for doc in docs:
        if _losable(doc.text) and rng.random() < share:
            out.append(plant(doc, rng, rng.choice(KINDS), rng.choice(RATES)))
        else:
            out.append(Planted(doc, doc.text))
    return out
