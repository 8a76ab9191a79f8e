"""How well cleanseed finds, and repairs, letters lost before the text reached it.

Real text (see ``_damage_corpus.py``: the shared HTML sets' human truth, Django's translation
catalogues in about 100 languages, and standard-library Python) is cut into documents of about
3,000 characters. In a share of the documents that hold a letter outside ASCII, losses of one
kind are planted (a letter replaced by a space, by "?", by U+FFFD, or turned into mojibake that
ftfy leaves as it is), one a document or one in 200 or one in 50 of its words with such a
letter. The rest stay sound. Then, for each half:

- **documents**: damaged documents flagged (recall), and sound documents flagged, per 1,000;
- **spans**: planted losses inside a span found;
- **repairs**: a vocabulary is built from the half's documents (the corpus's first pass), then
  each span is repaired where the evidence names one word: repairs right (the planted word
  restored), and the share of planted losses repaired right among those whose word occurs
  intact at least three times in other documents.

    python benchmarks/damage.py PATH/TO/article-extraction-benchmark PATH/TO/readability-test-pages
    python benchmarks/damage.py ... --seed 7 --share 0.5 --show-false 20
    python benchmarks/damage.py ... --catalogues /usr/share/locale

Rules were written looking at dev only (``--half dev``); held-out is for checking, and the
``--show-*`` options print dev's spans only.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _damage_corpus import (
    KINDS,
    Plant,
    Planted,
    catalogue_docs,
    code_docs,
    django_docs,
    page_docs,
    plant_corpus,
)

from cleanseed.damage import Vocabulary, default_lexicon, find_damage
from cleanseed.damage._words import fold
from cleanseed.damage.lexicon import LANGUAGES
from cleanseed.damage.vocabulary import intact_words
from cleanseed.document import Damage


@dataclass
class Score:
    damaged: int = 0
    flagged: int = 0
    sound: int = 0
    false_docs: int = 0
    plants: int = 0
    found: int = 0
    found_vocab: int = 0
    flagged_vocab: int = 0
    false_vocab: int = 0
    repairs: int = 0
    right: int = 0
    eligible: int = 0
    eligible_right: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    found_kind: Counter[str] = field(default_factory=Counter)
    chars: int = 0
    seconds: float = 0.0
    false_spans: list[tuple[str, Damage]] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("damaged", "flagged", "sound", "false_docs", "plants", "found", "repairs",
                     "right", "eligible", "eligible_right", "chars", "found_vocab",
                     "flagged_vocab", "false_vocab"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.by_kind.update(other.by_kind)
        self.found_kind.update(other.found_kind)
        self.false_spans += other.false_spans
        self.misses += other.misses
        self.wrong += other.wrong


def _elsewhere(items: list[Planted]) -> tuple[Counter[str], list[Counter[str]]]:
    total: Counter[str] = Counter()
    own = []
    for item in items:
        here = Counter(fold(w) for w in intact_words(item.text))
        own.append(here)
        total.update(here)
    return total, own


def _covering(spans: tuple[Damage, ...], p: Plant) -> Damage | None:
    return next((d for d in spans if d.start <= p.hole and p.hole_end <= d.end), None)


def score(items: list[Planted]) -> Score:
    """Detection as ``cleanseed clean`` flags by default (no corpus vocabulary), and with the
    corpus's vocabulary (as ``--repair-damage``), which also gives the repairs."""
    vocab = Vocabulary.from_texts((p.doc.id, p.text) for p in items)
    total, own = _elsewhere(items)
    s = Score()
    for item, here in zip(items, own, strict=True):
        t = time.process_time()
        spans = find_damage(item.text)
        s.seconds += time.process_time() - t
        s.chars += len(item.text)
        with_vocab = find_damage(item.text, vocabulary=vocab)
        if not item.plants:
            s.sound += 1
            s.false_docs += bool(spans)
            s.false_vocab += bool(with_vocab)
            s.false_spans += [(item.doc.id, d) for d in (*spans, *with_vocab)]
            continue
        s.damaged += 1
        s.flagged += bool(spans)
        s.flagged_vocab += bool(with_vocab)
        for p in item.plants:
            s.plants += 1
            s.by_kind[p.kind] += 1
            hit = _covering(spans, p)
            s.found += hit is not None
            s.found_vocab += _covering(with_vocab, p) is not None
            if hit is None:
                s.misses.append((item.doc.id, p.kind, p.text))
            s.found_kind[p.kind] += hit is not None
            if total[fold(p.original)] - here[fold(p.original)] >= 3:
                s.eligible += 1
                fixed = _covering(with_vocab, p)
                s.eligible_right += bool(fixed and fixed.text == p.text
                                         and fixed.repair == p.original)
        for d in with_vocab:
            if d.repair:
                s.repairs += 1
                right = any(d.text == p.text and d.start == p.start
                            and d.repair == p.original for p in item.plants)
                s.right += right
                if not right:
                    s.wrong.append((item.doc.id, d.text, d.repair, d.evidence))
    return s


def _by_language(items: list[Planted]) -> str:
    """Spans found in Django's catalogues of the languages the lexicon has, and of the rest
    (where only '?', U+FFFD, mojibake and the document's own words give evidence)."""
    found: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    for item in items:
        if item.doc.source != "django" or not item.plants:
            continue
        group = "lexicon" if item.doc.lang.split("_")[0] in LANGUAGES else "other"
        spans = find_damage(item.text)
        for p in item.plants:
            planted[group] += 1
            found[group] += any(d.start <= p.hole and p.hole_end <= d.end for d in spans)
    return ", ".join(f"{g} languages {_pct(found[g], planted[g])} of {planted[g]} spans"
                     for g in ("lexicon", "other"))


def _group(item: Planted) -> str:
    """The kind of text a document is, for false alarms: pages, code, or Django's catalogues
    in a language the lexicon has or in another."""
    if item.doc.source != "django":
        return item.doc.source
    return "django/lexicon" if item.doc.lang.split("_")[0] in LANGUAGES else "django/other"


def _breakdown(items: list[Planted]) -> list[str]:
    """Spans and documents found by rate of damage, and false alarms by kind of text."""
    spans: Counter[int] = Counter()
    found: Counter[int] = Counter()
    docs: Counter[int] = Counter()
    flagged: Counter[int] = Counter()
    sound: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for item in items:
        got = find_damage(item.text)
        if not item.plants:
            sound[_group(item)] += 1
            false[_group(item)] += bool(got)
            continue
        docs[item.rate] += 1
        flagged[item.rate] += bool(got)
        for p in item.plants:
            spans[item.rate] += 1
            found[item.rate] += _covering(got, p) is not None
    names = {0: "one a document", 200: "1 in 200 words", 50: "1 in 50 words"}
    rates = ", ".join(f"{names.get(r, r)}: docs {_pct(flagged[r], docs[r])} of {docs[r]}, "
                      f"spans {_pct(found[r], spans[r])} of {spans[r]}" for r in sorted(docs))
    kinds = ", ".join(f"{g} {1000 * false[g] / sound[g]:.1f} of {sound[g]}"
                      for g in sorted(sound))
    return [f"by rate: {rates}", f"false alarms per 1,000 sound docs: {kinds}"]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def table(rows: list[tuple[str, Score]]) -> str:
    head = ("| group | damaged docs | found | sound docs | false /1000 | planted spans | "
            "spans found | with vocabulary: docs, false /1000, spans | repairs | right | "
            "eligible spans | repaired | MB/s |")
    lines = [head, "|" + "---|" * 13]
    for name, s in rows:
        mbs = s.chars / 1e6 / s.seconds if s.seconds else 0.0
        lines.append(
            f"| {name} | {s.damaged} | {_pct(s.flagged, s.damaged)} | {s.sound} | "
            f"{1000 * s.false_docs / max(s.sound, 1):.1f} | {s.plants} | {_pct(s.found, s.plants)}"
            f" | {_pct(s.flagged_vocab, s.damaged)}, "
            f"{1000 * s.false_vocab / max(s.sound, 1):.1f}, {_pct(s.found_vocab, s.plants)}"
            f" | {s.repairs} | {_pct(s.right, s.repairs)} | {s.eligible} | "
            f"{_pct(s.eligible_right, s.eligible)} | {mbs:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="the shared HTML sets")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--share", type=float, default=0.5, help="documents damaged")
    parser.add_argument("--half", choices=("dev", "held-out", "both"), default="both")
    parser.add_argument("--show-false", type=int, default=0, help="print this many false spans")
    parser.add_argument("--show-misses", type=int, default=0, help="... planted spans missed")
    parser.add_argument("--show-wrong", type=int, default=0, help="... wrong repairs")
    parser.add_argument("--catalogues", type=Path,
                        help="a folder of gettext catalogues (/usr/share/locale): count the "
                             "documents flagged in their messages, each half, left sound")
    args = parser.parse_args()
    docs = page_docs(args.folders) + django_docs() + code_docs()
    t = time.process_time()
    lexicon = default_lexicon()
    for language in lexicon.languages:  # read every list now, so that MB/s is the finder's own
        lexicon.table(language)
        if hasattr(lexicon, "letters"):  # an earlier release has no model of letters
            lexicon.letters(language)
    print(f"lexicon: {len(lexicon.languages)} lists read in {time.process_time() - t:.2f} s CPU")
    halves = ("dev", "held-out") if args.half == "both" else (args.half,)
    rows: list[tuple[str, Score]] = []
    for half in halves:
        items = plant_corpus([d for d in docs if d.half == half], args.seed, args.share)
        whole = Score()
        for source in ("pages", "django", "code"):
            part = score([p for p in items if p.doc.source == source])
            rows.append((f"{half} {source}", part))
            whole.add(part)
        rows.append((f"**{half}**", whole))
        kinds = ", ".join(f"{k} {_pct(whole.found_kind[k], whole.by_kind[k])}" for k in KINDS)
        print(f"{half}: spans found by kind: {kinds}")
        print(f"{half}: Django by language: {_by_language(items)}")
        for line in _breakdown(items):
            print(f"{half}: {line}")
        if half != "dev":
            continue  # held-out is for checking: its spans are never shown
        for doc_id, d in whole.false_spans[:args.show_false]:
            print(f"  false: {doc_id} {d.kind} {d.text!r} {d.confidence}")
        for doc_id, kind, text in whole.misses[:args.show_misses]:
            print(f"  missed: {doc_id} {kind} {text!r}")
        for doc_id, text, repair, evidence in whole.wrong[:args.show_wrong]:
            print(f"  wrong: {doc_id} {text!r} -> {repair!r} ({evidence})")
    print(table(rows))
    if args.catalogues:
        _catalogues(args.catalogues, halves, args.show_false)


def _catalogues(folder: Path, halves: tuple[str, ...], show: int) -> None:
    """Documents of the system's message catalogues flagged, per half, with no loss planted
    (a few hold damage their translators left)."""
    docs = catalogue_docs(folder)
    for half in halves:
        flagged = [(d.id, spans) for d in docs if d.half == half
                   for spans in [find_damage(d.text)] if spans]
        total = sum(d.half == half for d in docs)
        print(f"{half}: catalogues: {len(flagged)} of {total} documents flagged "
              f"({1000 * len(flagged) / max(total, 1):.1f} per 1,000)")
        if half == "dev":
            for doc_id, spans in flagged[:show]:
                print(f"  flagged: {doc_id} {[(d.kind, d.text) for d in spans[:3]]}")


if __name__ == "__main__":
    main()
