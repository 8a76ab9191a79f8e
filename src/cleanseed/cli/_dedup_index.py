"""Which index a ``cleanseed dedup`` run uses, and what it found, document by document.

Without ``--index`` a run gets a :class:`~cleanseed.corpus.budget.BudgetIndex`: in memory
while it fits ``--memory``, on disk in a temporary folder under ``--work-dir`` when it does
not. With ``--index DIR`` it gets the :class:`~cleanseed.corpus.disk_index.DiskIndex` in DIR
(made if DIR holds none), or the :class:`~cleanseed.corpus.index.NearDupIndex` an earlier
version saved there, loaded and saved back as before.

What a run found is read back in input order as it writes its outputs (:data:`Removal`): from
the positions a disk or budget index gives, only the removed documents' targets are held, never
every id.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from cleanseed.corpus.budget import BudgetIndex
from cleanseed.corpus.disk_index import DiskIndex, Positions, is_disk_index
from cleanseed.corpus.index import NearDupIndex
from cleanseed.corpus.neardup import DedupConfig, DedupResult

__all__ = ["Index", "Removal", "in_memory_removals", "open_index", "removals"]

Index = NearDupIndex | DiskIndex | BudgetIndex
#: Called with each kept or removed document's id in input order: ``(kept twin, Jaccard)`` for
#: a removed one, None for a kept one.
Removal = Callable[[str], "tuple[Any, float] | None"]


def open_index(args: argparse.Namespace, stack: contextlib.ExitStack) -> Index:
    """The index *args* ask for; a disk or budget index is closed (its temporary folder
    removed) by *stack*."""
    wanted = None if args.threshold is None else DedupConfig(threshold=args.threshold)
    if not args.index:
        return stack.enter_context(BudgetIndex(wanted, memory=args.memory,
                                               work_dir=args.work_dir))
    if (Path(args.index) / "params.json").exists() and not is_disk_index(args.index):
        return NearDupIndex.load(args.index, wanted)
    return stack.enter_context(DiskIndex(args.index, wanted, memory=args.memory))


def in_memory_removals(result: DedupResult[Any]) -> Removal:
    """The lookup of a :class:`DedupResult`, by id."""
    def lookup(doc_id: str) -> tuple[Any, float] | None:
        dup = result.removed.get(doc_id)
        return None if dup is None else (dup.duplicate_of, dup.jaccard)
    return lookup


def removals(index: DiskIndex | BudgetIndex, found: Positions) -> Removal:
    """The lookup of *found*: a walk over its sorted positions, one document a call."""
    targets, which = np.unique(found.targets, return_inverse=True)
    target_ids = index.ids(targets)
    state = {"pos": found.start - 1, "next": 0}

    def lookup(doc_id: str) -> tuple[Any, float] | None:
        state["pos"] += 1
        k = state["next"]
        if k < len(found.removed) and found.removed[k] == state["pos"]:
            state["next"] = k + 1
            return target_ids[which[k]], float(found.jaccards[k])
        return None
    return lookup
