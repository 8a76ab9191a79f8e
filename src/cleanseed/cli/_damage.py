"""``cleanseed clean``'s handling of damage: letters lost before the text reached us.

Every cleaned document is searched (``--damaged flag``, the default): a damaged one is kept,
its JSONL record gets a ``damage`` field (counts by kind), and ``--report`` lists it. With
``--damaged reject`` it is left out, counted as removed, and written with its reason to the
file ``--rejected`` names. ``--repair-damage`` reads the input twice: a first pass builds the
corpus's vocabulary of words with letters outside ASCII, then each damaged word is restored
where exactly one intact word fits it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any, NamedTuple

from cleanseed.cli._args import UsageError
from cleanseed.damage import Vocabulary, damage_counts, mark_damage
from cleanseed.document import Damage, Document, Removal
from cleanseed.records.inputs import InputFile, Item, ReadOptions
from cleanseed.records.read import iter_items

__all__ = ["DamageOptions", "add_options", "apply", "options", "reason", "summary"]


class DamageOptions(NamedTuple):
    """What a run does about damage: ``flag`` or ``reject`` it, and whether it repairs."""

    mode: str
    repair: bool
    vocabulary: Vocabulary | None


def add_options(sub: argparse.ArgumentParser) -> None:
    """Add the damage options to the ``clean`` subcommand."""
    group = sub.add_argument_group("damage (letters lost before the text reached us)")
    group.add_argument("--damaged", choices=["flag", "reject", "off"], default="flag",
                       help="flag: keep damaged documents, with a 'damage' field in JSONL and a "
                            "line in --report (default); reject: leave them out, written to "
                            "--rejected; off: do not look")
    group.add_argument("--rejected", metavar="FILE.jsonl",
                       help="where --damaged reject writes the documents it leaves out, each "
                            "with its reason")
    group.add_argument("--repair-damage", action="store_true",
                       help="restore a damaged word where the document or the corpus holds "
                            "exactly one intact word that fits it (reads the input twice)")


def options(args: argparse.Namespace, files: list[InputFile], read: ReadOptions
            ) -> DamageOptions | None:
    """The run's damage options, checked; with --repair-damage, the corpus's vocabulary."""
    if args.damaged == "reject" and not args.rejected:
        raise UsageError("--damaged reject needs --rejected FILE.jsonl to write them to")
    if args.rejected and args.damaged != "reject":
        raise UsageError("--rejected takes the documents of --damaged reject")
    if args.damaged == "off":
        if args.repair_damage:
            raise UsageError("--repair-damage needs damage to be looked for (not --damaged off)")
        return None
    vocabulary = None
    if args.repair_damage:
        if any(f.rel == "-" for f in files):
            raise UsageError("--repair-damage reads the input twice: stdin (-) cannot be")
        vocabulary = _first_pass(iter_items(files, read))
    return DamageOptions(args.damaged, args.repair_damage, vocabulary)


def _first_pass(items: Iterable[Any]) -> Vocabulary:
    vocabulary = Vocabulary()
    for item in items:
        if isinstance(item, Item) and item.html is None:
            vocabulary.add(item.doc.text, item.doc.id)
    return vocabulary


def apply(text: str, opts: DamageOptions) -> tuple[str, tuple[Removal, ...], tuple[Damage, ...]]:
    """Search *text* for damage, repair what the evidence names when asked: the text, the
    repairs as edits, and every damaged span."""
    doc = mark_damage(Document(text), repair=opts.repair, vocabulary=opts.vocabulary)
    return doc.text, doc.removals, doc.damage


def summary(spans: Iterable[Damage]) -> dict[str, int]:
    """A record's ``damage`` field: spans left damaged by kind, and how many were repaired.

    >>> summary([Damage("lost.space", 4, "K llenius", 0.6)])
    {'lost.space': 1}
    """
    spans = list(spans)
    counts = damage_counts(d for d in spans if not d.repaired)
    repaired = sum(d.repaired for d in spans)
    return {**counts, "repaired": repaired} if repaired else counts


def reason(spans: Iterable[Damage]) -> str:
    """Why a document is flagged or rejected: ``damaged: lost.space 1, mojibake 2``."""
    counts = damage_counts(d for d in spans if not d.repaired)
    return "damaged: " + ", ".join(f"{kind} {n}" for kind, n in counts.items())
