"""Tests of ``--engine ray`` on the command line: the same outputs as the local engine.

Each run starts its own private cluster and stops it, as the command does; no other cluster may
be running in the process meanwhile, so this module has no cluster fixture.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

if importlib.util.find_spec("ray") is None:
    pytest.skip("Ray is an optional extra: pip install 'cleanseed[ray]'", allow_module_level=True)

from benchmarks._corpus import generate
from tests.strategies import FRAGMENTS

import cleanseed
from cleanseed.cli import dedup as cli_dedup
from cleanseed.cli import main
from cleanseed.cli import ray_engine as cli_ray

pytestmark = pytest.mark.ray

SMALL = ["--num-cpus", "2", "--object-store-mb", "300"]


def dedup_args(argv: list[str]) -> argparse.Namespace:
    """Parse a ``cleanseed dedup`` command line (the engine options come with it)."""
    parser = argparse.ArgumentParser(prog="cleanseed")
    cli_dedup.add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["dedup", *argv])


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_dedup_on_ray_writes_what_the_local_engine_writes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Kept and removed records (with duplicate_of and jaccard), fields and order: identical."""
    corpus = generate(600, dup_fraction=0.4, seed=2)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t, "src": "web"}) + "\n"
                              for i, t in zip(corpus.ids, corpus.texts, strict=True)))
    local = dedup_args([str(source), "-o", str(tmp_path / "local.jsonl"),
                        "--removed", str(tmp_path / "local-removed.jsonl")])
    assert local.run(local) == 0
    remote = dedup_args([str(source), "-o", str(tmp_path / "ray.jsonl"), "--removed",
                         str(tmp_path / "ray-removed.jsonl"), "--engine", "ray", *SMALL])
    assert cli_ray.run_dedup(remote) == 0
    assert read_jsonl(tmp_path / "ray.jsonl") == read_jsonl(tmp_path / "local.jsonl")
    removed = read_jsonl(tmp_path / "ray-removed.jsonl")
    assert removed == read_jsonl(tmp_path / "local-removed.jsonl")
    assert len(removed) > 50
    assert f"{600 - len(removed)} kept, {len(removed)} removed" in capsys.readouterr().err


def clean_args(tmp_path: Path, **changes: Any) -> argparse.Namespace:
    """The options ``cleanseed clean`` parses, for a JSONL run on Ray."""
    values = {"paths": [str(tmp_path / "in.jsonl")], "output": str(tmp_path / "ray.jsonl"),
              "text_field": None, "explain": True, "keep_empty": False, "quiet": False,
              "progress": None, "format": "auto", "to": "auto", "engine": "ray",
              "address": None, "num_cpus": 2, "object_store_mb": 300}
    return argparse.Namespace(**{**values, **changes})


def test_clean_on_ray_writes_what_the_local_engine_writes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Cleaned records with their removals, emptied documents left out, in input order: the
    records ``cleanseed clean --explain`` writes locally."""
    texts = [f"Paragraph number {i} about rivers and hills.\n{FRAGMENTS[i % 5]}" for i in range(50)]
    texts[7] = FRAGMENTS[0]  # nothing but a cookie notice: emptied
    # a blank line is no record, on either engine: not counted as one removed
    (tmp_path / "in.jsonl").write_text("\n".join(
        json.dumps({"id": f"p{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    assert main(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "local.jsonl"),
                     "--explain", "--quiet"]) == 0
    assert cli_ray.run_clean(clean_args(tmp_path)) == 0
    rows = read_jsonl(tmp_path / "ray.jsonl")
    assert rows == read_jsonl(tmp_path / "local.jsonl")
    assert len(rows) == 49 and any(r["removals"] for r in rows)
    assert "in 50 = out 49 + removed 1" in capsys.readouterr().err


def test_json_inputs_on_ray_read_as_the_local_engine_reads_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A pretty-printed array of records, JSONL under a .json name and one gzipped record:
    Ray reads each .json file as the local engine does, counts its records, and writes what
    ``cleanseed clean --explain`` writes locally, in the same order."""
    records = [{"id": f"p{i}", "text": f"Paragraph number {i} about rivers and hills.\n"
                f"{FRAGMENTS[i % 5]}", "lang": "en"} for i in range(50)]
    records[7]["text"] = FRAGMENTS[0]  # nothing but a cookie notice: emptied
    (tmp_path / "array.json").write_text(json.dumps(records[:30], indent=2))
    # blank lines between the records are no records, on either engine
    (tmp_path / "lines.json").write_text("\n".join(json.dumps(r) + "\n" for r in records[30:49]))
    one = json.dumps(records[49], indent=4).encode()
    (tmp_path / "one.json.gz").write_bytes(gzip.compress(one))
    paths = [str(tmp_path / name) for name in ("array.json", "lines.json", "one.json.gz")]
    assert main(["clean", *paths, "-o", str(tmp_path / "local.jsonl"), "--explain",
                     "--quiet"]) == 0
    assert cli_ray.run_clean(clean_args(tmp_path, paths=paths)) == 0
    rows = read_jsonl(tmp_path / "ray.jsonl")
    assert rows == read_jsonl(tmp_path / "local.jsonl")
    assert [r["id"] for r in rows] == [r["id"] for r in records if r["id"] != "p7"]
    assert "in 50 = out 49 + removed 1" in capsys.readouterr().err


def test_json_element_that_is_not_a_record_fails_as_on_the_local_engine(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An array element that is not a record ends the run with the error the local engine
    reports: the file, the line the element starts on, and its index."""
    source = tmp_path / "in.json"
    source.write_text('[\n  {"id": "a", "text": "x y"},\n  5\n]\n')
    assert main(["clean", str(source), "-o", str(tmp_path / "local.jsonl")]) == 1
    message = f"{source}:3: array element [1]: expected a JSON object, got a number"
    assert message in capsys.readouterr().err
    with pytest.raises(cleanseed.InputError) as caught:
        cli_ray.run_clean(clean_args(tmp_path, paths=[str(source)]))
    assert str(caught.value) == message
    assert not (tmp_path / "ray.jsonl").exists()


@pytest.mark.parametrize(("changes", "message"), [
    ({"output": "-"}, "give them by name"),
    ({"report": "r.jsonl"}, "--report is not available"),
    ({"workers": 4}, "--workers is not available"),
    ({"to": "text"}, "Parquet or JSONL only"),
    ({"output": "out.json"}, "name the output .jsonl"),
    ({"address": "10.0.0.5:6379"}, "size a private cluster"),
    ({"max_chars": 1000}, "--max-chars is not available"),
    ({"encoding_errors": "replace"}, "--encoding-errors is not available"),
])
def test_options_the_ray_engine_cannot_honour(tmp_path: Path, changes: dict[str, Any],
                                              message: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A usage error (exit code 2) with a message, before any cluster starts."""
    assert cli_ray.run_clean(clean_args(tmp_path, **changes)) == 2
    assert message in capsys.readouterr().err


def test_dedup_index_is_local_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--index needs the local engine."""
    args = dedup_args(["in.jsonl", "-o", "out.jsonl", "--index", str(tmp_path), "--engine", "ray"])
    assert cli_ray.run_dedup(args) == 2
    assert "--index is not available with --engine ray" in capsys.readouterr().err


def test_worker_errors_reach_the_user_as_cleanseed_errors(tmp_path: Path) -> None:
    """A bad record found by a worker ends the run with the cleanseed error (exit code 1 in
    the command), not Ray's wrapper around it."""
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "x y"}\n{"id": "a", "text": "z"}\n')
    args = dedup_args([str(source), "-o", str(tmp_path / "out.jsonl"), "--engine", "ray", *SMALL])
    with pytest.raises(cleanseed.InputError, match="'a' occurs twice") as caught:
        cli_ray.run_dedup(args)
    assert type(caught.value) is cleanseed.InputError
    assert not (tmp_path / "out.jsonl").exists()


def test_clean_on_ray_keeps_every_field_as_it_came(tmp_path: Path) -> None:
    """Fields Arrow would retype (date-like strings, integers beyond 64 bits, ``1.0``, a field
    that is a string here and a number there, nested objects of differing shapes, nulls, missing
    fields, unicode keys, key order) come out of Ray byte for byte as the local engine writes
    them, from JSONL and from a ``.json`` array alike."""
    text = "Paragraph about rivers and hills.\n" + FRAGMENTS[1]
    lines = [
        '{"id": 1, "text": %s, "published": "2020-01-01T00:00:00", "big": 18446744073709551617,'
        ' "f": 1.0, "mixed": "7", "nested": {"a": 1}, "none": null, "ключ": "значение"}',
        '{"text": %s, "id": "p2", "mixed": 7, "f": 2, "nested": {"b": [1, "x", {"c": null}]},'
        ' "big": -18446744073709551617, "published": "2020-02-30", "date": "2021-06-01"}',
        '{"mixed": 7.5, "nested": {}, "published": null, "id": 3.0, "text": %s, "日本": [1.0, 2]}',
        '{"id": null, "text": %s, "nested": [], "removals": "kept in its place", "f": 1e2}',
    ]
    records = [line % json.dumps(f"{i} {text}") for i, line in enumerate(lines)]
    (tmp_path / "in.jsonl").write_text("".join(r + "\n" for r in records), encoding="utf-8")
    (tmp_path / "in.json").write_text("[\n" + ",\n".join(records) + "\n]\n", encoding="utf-8")
    for name, explain in (("in.jsonl", False), ("in.json", True)):
        local, remote = tmp_path / f"local-{name}.jsonl", tmp_path / f"ray-{name}.jsonl"
        argv = ["clean", str(tmp_path / name), "-o", str(local), "--quiet"]
        assert main(argv + ["--explain"] * explain) == 0
        args = clean_args(tmp_path, paths=[str(tmp_path / name)], output=str(remote),
                          explain=explain, quiet=True)
        assert cli_ray.run_clean(args) == 0
        assert remote.read_bytes() == local.read_bytes()
        rows = read_jsonl(remote)
        assert rows[0]["big"] == 2**64 + 1 and rows[0]["published"] == "2020-01-01T00:00:00"
        assert [r["text"] for r in rows] != [json.loads(r)["text"] for r in records]
