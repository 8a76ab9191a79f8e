"""Run each atheris harness for a fixed time; print inputs tried and crashes found.

    python benchmarks/fuzz/run.py [--seconds 60] [--harness NAME ...] [--keep DIR]

The harnesses: clean, clean_html, jsonl, json and paths (the command line's inputs and outputs
over a tree of files, folders, links, FIFOs and devices); all by default.

Each harness runs in its own process under libFuzzer (``-max_total_time``), starting from a small
seed corpus written to a temporary folder (the ``seeds/`` texts, a few pages and JSONL lines).
The number of inputs tried is libFuzzer's ``number_of_executed_units``. A crash stops that
harness; the input that caused it is saved (under ``--keep DIR``, or the temporary folder that
is printed) and the exception is shown, to turn into a regression test.

``--hypothesis`` instead runs the Hypothesis properties of the hardening tests with the
``fuzz`` profile (20,000 examples per property).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HARNESSES = {"clean": "fuzz_clean.py", "clean_html": "fuzz_clean_html.py",
             "jsonl": "fuzz_jsonl.py", "json": "fuzz_json.py", "paths": "fuzz_paths.py"}
EXECUTED = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
SEED_PAGES = [
    b"<html><head><meta charset='utf-8'><title>T</title></head><body><nav>Home | News</nav>"
    b"<article><h1>Title</h1><p>First paragraph of the story.</p><figure><figcaption>Photo: "
    b"Reuters</figcaption></figure></article><div id='cookie-banner'>We use cookies.</div>"
    b"</body></html>",
    b"s<table><tr><td>cell</td></tr></table><script>var x = 1;</script><p>Text &amp; more</p>",
    b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><p>caf\xe9</p>",
]
SEED_JSON = [
    b'\x05[{"id": 1, "text": "Hello world."}, {"id": 2, "text": "caf\\u00e9"}]',
    b'\x01{"text": "one record", "meta": {"a": [1, 2.0, null]}}',
    b'\x20{"text": "a"}\n{"text": "b"}\n',
    b'\x03[\n  {"text": "x"},\n  5\n]',
]
#: The paths harness reads its input as choices (how many entries, of which kinds, which paths
#: for which options): a few byte strings start it from varied trees.
SEED_PATHS = [bytes(range(64)), bytes(range(64, 128)), b"\x05\x01\x03\x07\x02\x00\x06" * 4,
              b"\xff" * 32]
SEED_JSONL = [
    b'{"id": 1, "text": "Hello world.", "metadata": {"url": "u"}}\n{"id": 2}\n',
    b'{"text": "caf\xe9"}\n\n[1, 2]\n{"text": "a\\ud800b"}\n',
    b"z\x80" + b'{"id": "x", "text": "gzipped record"}\n' * 3,
]


def _seed(corpus: Path, harness: str) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    if harness == "clean":
        samples = [p.read_bytes()[:4000] for p in sorted((ROOT / "seeds").glob("*.txt"))]
        samples.append("We use cookies. Accept all | Reject\nCafÃ© naÃ¯ve &amp;\r\n".encode())
    else:
        samples = {"clean_html": SEED_PAGES, "json": SEED_JSON,
                   "paths": SEED_PATHS}.get(harness, SEED_JSONL)
    for i, sample in enumerate(samples):
        (corpus / f"seed-{i}").write_bytes(sample)


def _run(harness: str, seconds: int, work: Path) -> tuple[int, str]:
    corpus, artifacts = work / harness / "corpus", work / harness / "artifacts"
    _seed(corpus, harness)
    artifacts.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(HERE / HARNESSES[harness]), f"-max_total_time={seconds}",
               "-print_final_stats=1", "-timeout=30", "-rss_limit_mb=4096",
               f"-artifact_prefix={artifacts}{os.sep}", str(corpus)]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          timeout=seconds + 300)
    runs = sum(int(n) for n in EXECUTED.findall(done.stderr))
    crashes = sorted(p.name for p in artifacts.iterdir())
    if done.returncode != 0 or crashes:
        tail = "\n".join(done.stderr.strip().splitlines()[-25:])
        return runs, f"CRASH (exit {done.returncode}) {', '.join(crashes)}\n{tail}"
    return runs, "no crash"


def _hypothesis() -> int:
    env = {**os.environ, "HYPOTHESIS_PROFILE": "fuzz"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "tests/test_hardening.py", "tests/test_records.py", "-k",
               "never_raises or accounts or round_trips"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    """Run the harnesses; return 1 if any found a crash."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="per harness (default 60)")
    parser.add_argument("--harness", nargs="+", choices=list(HARNESSES), default=list(HARNESSES))
    parser.add_argument("--keep", type=Path, help="keep corpora and crash inputs here")
    parser.add_argument("--hypothesis", action="store_true",
                        help="run the Hypothesis properties with the fuzz profile instead")
    args = parser.parse_args(argv)
    if args.hypothesis:
        return _hypothesis()
    work = args.keep or Path(tempfile.mkdtemp(prefix="cleanseed-fuzz-"))
    print(f"{'harness':<12}{'seconds':>8}{'inputs tried':>15}  result   (work folder: {work})")
    failed = False
    for harness in args.harness:
        runs, result = _run(harness, args.seconds, work)
        failed |= result != "no crash"
        print(f"{harness:<12}{args.seconds:>8}{runs:>15,}  {result}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
