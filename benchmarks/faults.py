"""Labelled evaluation of the text pipeline: documents with planted faults, scored per class.

Run ``python benchmarks/faults.py [--n 2000] [--seed 0] [--json | --markdown]``.

The documents come from ``benchmarks/faultgen``: articles written from templates in English,
German, French, Spanish and Chinese (titles, paragraphs, headings, lists, one-line sentences and
traps: prose that mentions cookies, photos, shares, subscribers or a privacy policy, banner text
quoted in reported speech, list items that differ only by a number), with faults of six classes
planted into them: ``encoding`` (mojibake, HTML entities, no-break and zero-width spaces, control
characters, CRLF), ``cookie`` (banners in nine languages and their buttons), ``caption`` (photo
captions with an agency credit), ``chrome`` (share links, adverts, prompts, copyright lines...),
``metadata`` (dates and reading times before the title, or glued to it) and ``repeat`` (a
paragraph again, exactly or with a small edit, or the whole article pasted again).

Scoring. Each document is a list of lines, each labelled: a content line with the text the
output must hold, or a planted fault with its class. An encoding fault lives inside a content
line (the line is planted damaged); a glued date lives inside the title's line (its prefix).
Outputs are compared *normalised*: split on ``\\n``, each line stripped, blank lines dropped.

* Expected output: the content lines in order, glued prefixes removed, encoding repaired.
* Content kept: a content line is kept if its expected text is an output line (each output
  line counts once, so two copies in the input need two in the output). A line left damaged,
  or a title left with part of its glued date, is not kept either. Reported over all content
  lines, and per kind of line (``trap.*`` are the traps).
* Exact-clean: the document's normalised output equals its expected output, line for line.
* Recall of a class: the share of its planted faults that are gone. An encoding fault is gone
  when its line is kept (repaired exactly), a CRLF fault when no ``\\r`` is left. Any other fault
  is gone unless its planted line (for a glued date: the whole glued line) is still an output
  line once the content lines are taken out, or a piece of it is (a line that is a substring of
  it, such as one button label of a row).
* Precision of a class: over the removals whose rule belongs to the class (the prefix of the
  rule id, ``cookie.``, ``caption.``, ``chrome.``, ``metadata.``, ``repeat.``; every edit of
  the ``encoding`` stage), the share that took no content. The removals are those of
  ``cleanseed.explain``; they are collected step by step so each offset is read in the text its
  step was given. A removal takes content when a line it touches is a content line (removing
  one of the planted copies of a repeated line is right, as long as no more copies are removed
  than were planted), when it cuts into a glued title past its prefix, or when it cannot be
  placed in its step's input at all. For an encoding edit, the line must be one that was
  planted damaged, or a fault line. Removals from rules of no class are reported as ``other``.

The ten most common failures are listed, grouped by template (``missed <class>: <template>``)
or by kind of content line and the rule that removed it (``lost <kind> (removed by <rule>)``),
each with one example.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from faultgen import CLASSES, generate
from faultgen.score import Tally, score_doc

import cleanseed


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def evaluate(n: int, seed: int) -> dict[str, Any]:
    """Generate *n* documents with *seed*, clean them, and return every figure as a dict."""
    began, cpu = time.perf_counter(), time.process_time()
    tally = Tally()
    for doc in generate(n, seed):
        tally.add(score_doc(doc, cleanseed.DEFAULT_PIPELINE))
    total = tally.total
    classes = {}
    for cls in (*CLASSES, "other"):
        if cls == "other" and not total.removals[cls]:
            continue
        classes[cls] = {
            "planted": total.planted[cls], "removed": total.removed[cls],
            "recall": _pct(total.removed[cls], total.planted[cls]),
            "removals": total.removals[cls], "false_positives": total.false_pos[cls],
            "precision": _pct(total.removals[cls] - total.false_pos[cls], total.removals[cls]),
            "docs": tally.with_class[cls],
        }
    content = {kind: {"lines": total.content[kind], "kept": total.kept[kind],
                      "kept_pct": _pct(total.kept[kind], total.content[kind])}
               for kind in sorted(total.content)}
    lines, kept = sum(total.content.values()), sum(total.kept.values())
    return {
        "n": n, "seed": seed, "seconds": round(time.perf_counter() - began, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "classes": classes, "content": content,
        "content_kept": {"lines": lines, "kept": kept, "pct": _pct(kept, lines)},
        "exact_clean": {"docs": tally.docs, "exact": tally.exact,
                        "pct": _pct(tally.exact, tally.docs)},
        "failures": [{"count": c, "failure": k, "example": tally.examples[k]}
                     for k, c in tally.failures.most_common(10)],
    }


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def render(result: dict[str, Any], *, markdown: bool = False) -> str:
    """Format *result* as the table the script prints (or as a Markdown table)."""
    head = ("class", "planted", "recall", "precision", "removals", "docs")
    rows = [(cls, str(r["planted"]), _cell(r["recall"]), _cell(r["precision"]),
             str(r["removals"]), str(r["docs"])) for cls, r in result["classes"].items()]
    if markdown:
        table = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        table += ["| " + " | ".join(row) + " |" for row in rows]
    else:
        table = [f"{head[0]:<10}" + "".join(f"{h:>11}" for h in head[1:])]
        table += [f"{row[0]:<10}" + "".join(f"{c:>11}" for c in row[1:]) for row in rows]
    kept, exact = result["content_kept"], result["exact_clean"]
    kinds = ", ".join(f"{k} {_cell(v['kept_pct'])} of {v['lines']}"
                      for k, v in result["content"].items())
    out = [
        f"{result['n']} documents, seed {result['seed']}: {result['seconds']} s "
        f"({result['cpu_seconds']} s of CPU)", "", *table, "",
        f"content kept: {_cell(kept['pct'])} ({kept['kept']}/{kept['lines']} lines)",
        f"  by kind: {kinds}",
        f"exact-clean documents: {_cell(exact['pct'])} ({exact['exact']}/{exact['docs']})",
        "", "most common failures:",
    ]
    for f in result["failures"]:
        example = f["example"].replace("\r", "\\r").replace("\n", "\\n")
        out.append(f"  {f['count']:>5}  {f['failure'][:70]}\n         e.g. {example[:90]!r}")
    if not result["failures"]:
        out.append("  none")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, run the evaluation and print it; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=2000, help="number of documents (2000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generator (0)")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the figures as JSON")
    form.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    result = evaluate(args.n, args.seed)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(render(result, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
