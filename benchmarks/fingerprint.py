"""One SHA-256 per public surface of cleanseed, to show a refactor changed no behaviour.

Run it before and after a change and compare the two outputs line by line: every line must be
identical. The surfaces are

- ``explain_seeds``, ``explain_faults``: :func:`cleanseed.explain` (text and every removal) as
  JSON, on the two seeds and on ``--n`` documents of the planted-fault generator;
- ``site_boilerplate``: :func:`cleanseed.strip_site_boilerplate` on the planted-fault documents;
- ``html.<set>``: :func:`cleanseed.explain_html` and :func:`cleanseed.clean_html` on every page
  of each shared HTML set (the folders given as arguments, loaded by ``_pages.py``);
- ``minhash``: :func:`cleanseed.minhash_signatures` bytes under three parameter sets;
- ``index``: :meth:`cleanseed.NearDupIndex.add` results, ``query`` answers, the saved files, and
  :func:`cleanseed.dedup_documents` on a corpus with planted near-copies;
- ``cli.*``: the files and standard output of ``cleanseed clean``, ``explain`` and ``dedup``.

    python benchmarks/fingerprint.py PATH/TO/article-extraction-benchmark \\
        PATH/TO/readability-test-pages > fingerprint.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pages import load_pages
from faultgen.generate import generate

import cleanseed

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (ROOT / "seeds").glob("*.txt") if not p.name.endswith(".clean.txt"))


def digest(parts: Iterable[str | bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def explained_json(result: Any) -> str:
    return json.dumps(
        {"text": result.text, "removals": [r.as_dict() for r in result.removals]},
        ensure_ascii=False, sort_keys=True,
    )


def planted_copies(texts: list[str], seed: int) -> list[tuple[str, str]]:
    """The texts with every third one followed by a copy missing a few words."""
    rng = random.Random(seed)
    docs: list[tuple[str, str]] = []
    for i, text in enumerate(texts):
        docs.append((f"d{i}", text))
        if i % 3 == 0:
            words = text.split(" ")
            for _ in range(rng.randint(0, 4)):
                if len(words) > 1:
                    del words[rng.randrange(len(words))]
            docs.append((f"d{i}-copy", " ".join(words)))
    return docs


def surface_index(texts: list[str]) -> list[str]:
    docs = planted_copies(texts, seed=1)
    parts: list[str] = []
    result = cleanseed.dedup_documents(docs, threshold=0.8)
    parts.append(json.dumps([result.kept, sorted(map(repr, result.removed.values()))]))
    index = cleanseed.NearDupIndex()
    for start in range(0, len(docs), 97):
        added = index.add(docs[start : start + 97])
        parts.append(json.dumps([added.kept, sorted(map(repr, added.removed.values()))]))
    parts.extend(repr(index.query(text)) for _, text in docs[::7])
    with tempfile.TemporaryDirectory() as tmp:
        index.save(Path(tmp) / "ix")
        parts.extend(saved_index(Path(tmp) / "ix"))
        again = cleanseed.NearDupIndex.load(Path(tmp) / "ix")
        parts.extend(repr(again.query(text)) for _, text in docs[::11])
    return parts


_TAG = re.compile(r"-[0-9a-f]{8}(?=\.)")


def saved_index(folder: Path) -> list[str]:
    """An index folder's contents, without the random tag its data files are named with."""
    params = json.loads((folder / "params.json").read_text("utf-8"))
    if params.get("format") == "cleanseed.DiskIndex":
        return disk_index(folder, params)
    parts = [(folder / params.pop("ids")).read_text("utf-8")]
    with np.load(folder / params.pop("arrays"), allow_pickle=False) as arrays:
        parts.extend(f"{key} {arrays[key].dtype} {arrays[key].tobytes().hex()}"
                     for key in sorted(arrays.files))
    return [json.dumps(params, sort_keys=True), *parts]


def disk_index(folder: Path, params: dict[str, object]) -> list[str]:
    """An on-disk index: its params and each data file's digest, random name tags taken out."""
    parts = [_TAG.sub("", json.dumps(params, sort_keys=True))]
    for path in sorted(folder.iterdir(), key=lambda p: _TAG.sub("", p.name)):
        if path.name in {"params.json", ".lock"} or not path.is_file():
            continue
        parts.append(f"{_TAG.sub('', path.name)} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    return parts


def run_cli(args: list[str], cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from cleanseed.cli import main; sys.exit(main())",
         *args],
        cwd=cwd, capture_output=True, check=False,
    )
    return f"{done.returncode}\n{done.stdout.decode('utf-8', 'replace')}"


def files_of(folder: Path) -> list[str]:
    parts: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            parts.extend([str(path.relative_to(folder)), path.read_bytes().hex()])
    return parts


def surface_cli(texts: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        records = tmp / "in.jsonl"
        docs = planted_copies(texts, seed=2)
        records.write_text(
            "".join(json.dumps({"id": i, "text": t, "n": k}) + "\n"
                    for k, (i, t) in enumerate(docs)), encoding="utf-8",
        )
        (tmp / "seeds").mkdir()
        for path in SEEDS:  # relative names: explain prints them
            (tmp / "seeds" / path.name).write_bytes(path.read_bytes())
        seeds = [f"seeds/{p.name}" for p in SEEDS]
        stdout = run_cli(["clean", *seeds, "--output-dir", "seeds_out", "-q"], tmp)
        out["cli.clean_seeds"] = [stdout, *files_of(tmp / "seeds_out")]
        stdout = run_cli(["clean", "in.jsonl", "-o", "clean.jsonl", "--explain",
                          "--report", "report.jsonl", "-q"], tmp)
        out["cli.clean_jsonl"] = [stdout, *files_of(tmp / "clean.jsonl"),
                                  (tmp / "clean.jsonl").read_text("utf-8"),
                                  (tmp / "report.jsonl").read_text("utf-8")]
        out["cli.explain"] = [run_cli(["explain", s], tmp) for s in seeds]
        stdout = run_cli(["dedup", "in.jsonl", "-o", "kept.jsonl", "--removed", "removed.jsonl",
                          "--index", "ix", "-q"], tmp)
        out["cli.dedup"] = [stdout, (tmp / "kept.jsonl").read_text("utf-8"),
                            (tmp / "removed.jsonl").read_text("utf-8"), *saved_index(tmp / "ix")]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="*", help="the shared HTML sets")
    parser.add_argument("--n", type=int, default=300, help="planted-fault documents (300)")
    args = parser.parse_args(argv)

    seeds = [p.read_text("utf-8") for p in SEEDS]
    faults = [d.text for d in generate(args.n, seed=0)]
    surfaces: dict[str, Callable[[], Iterable[str | bytes]]] = {
        "explain_seeds": lambda: [explained_json(cleanseed.explain(t)) for t in seeds],
        "explain_faults": lambda: [explained_json(cleanseed.explain(t)) for t in faults],
        "site_boilerplate": lambda: [
            repr(d) for d in cleanseed.strip_site_boilerplate(
                [(str(i), t) for i, t in enumerate(faults)], min_docs=3)
        ],
        "minhash": lambda: [
            cleanseed.minhash_signatures(seeds + faults, **kw).tobytes()
            for kw in ({}, {"num_perm": 128, "seed": 1, "ngram": 5},
                       {"num_perm": 64, "seed": 7, "ngram": 3})
        ],
        "index": lambda: surface_index(faults),
    }
    for name, parts in surfaces.items():
        print(f"{name:24} {digest(parts())}")
    pages = load_pages(args.folders) if args.folders else []
    for corpus in sorted({p.corpus for p in pages}):
        chosen = [p for p in pages if p.corpus == corpus]
        print(f"{'html.explain.' + corpus:24} "
              f"{digest(explained_json(cleanseed.explain_html(p.raw)) for p in chosen)}")
        print(f"{'html.clean.' + corpus:24} {digest(cleanseed.clean_html(p.raw) for p in chosen)}")
    for name, parts_list in surface_cli(faults[:120]).items():
        print(f"{name:24} {digest(parts_list)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
