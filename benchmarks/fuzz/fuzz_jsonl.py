"""Coverage-guided fuzzing of the JSONL reader, plain and gzipped (atheris).

    python benchmarks/fuzz/fuzz_jsonl.py [libFuzzer options] [CORPUS_DIR]

An input starting with ``z`` is read as a gzip stream (the rest, compressed, then cut where the
input says, to reach the truncated-stream path); otherwise as plain JSONL. The contract: every
line gives a document or an ``InputError``; for plain input, exactly one per non-blank line.
"""

from __future__ import annotations

import gzip
import io
import sys

import atheris

# Only cleanseed is instrumented: its dependencies are fuzzed by their own projects, and
# instrumenting them (datasketch pulls in redis and numpy) makes start-up take minutes.
with atheris.instrument_imports(include=["cleanseed"]):
    from cleanseed.errors import InputError
    from cleanseed.records import ORIGIN, InputFile, Item, ReadOptions, iter_jsonl
    from cleanseed.records._line_reader import _cr_separated

FILE = InputFile("fuzz.jsonl", "fuzz.jsonl", "jsonl")
OPTIONS = ReadOptions(max_line_bytes=4096)


def _non_blank(data: bytes) -> list[int]:
    """The non-blank lines; split on a lone CR too when the first line says the file's lines end
    in one (as the reader decides)."""
    first = data[: data.find(b"\n") + 1] if b"\n" in data else data
    if _cr_separated(first):
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    lines = []
    for n, raw in enumerate(data.split(b"\n"), 1):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if raw.strip():
            lines.append(n)
    return lines


def _line(found: Item | InputError) -> int | None:
    return found.line if isinstance(found, InputError) else found.doc.metadata[ORIGIN].line


def test_one_input(data: bytes) -> None:
    """Read one fuzzer input as JSONL and check that each line is accounted for."""
    if data[:1] == b"z":
        packed = gzip.compress(data[2:])
        cut = len(packed) * data[1] // 255 if len(data) > 1 else len(packed)
        for found in iter_jsonl(gzip.GzipFile(fileobj=io.BytesIO(packed[:cut])), FILE, OPTIONS):
            if not isinstance(found, (Item, InputError)):
                raise TypeError(type(found).__name__)
        return
    found = [_line(f) for f in iter_jsonl(io.BytesIO(data), FILE, OPTIONS)]
    if max(map(len, data.split(b"\n"))) < 4096 and found != _non_blank(data):
        msg = f"lines accounted for {found} != non-blank lines {_non_blank(data)}"
        raise AssertionError(msg)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
