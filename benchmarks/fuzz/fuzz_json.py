"""Coverage-guided fuzzing of the ``.json`` reader (arrays, single records, JSONL under a
``.json`` name), read in small pieces (atheris).

    python benchmarks/fuzz/fuzz_json.py [libFuzzer options] [CORPUS_DIR]

The first byte of an input sets the size of the pieces the reader is given (1 to 64 bytes), so
values split across reads are exercised. The contract: the reader yields only documents and
``InputError`` records, never raises; and on an input that ``json.loads`` reads as an array of
records whose text is a string, it yields exactly those texts, in order.
"""

from __future__ import annotations

import io
import json
import sys

import atheris

# Only cleanseed is instrumented, as in fuzz_jsonl.py.
with atheris.instrument_imports(include=["cleanseed"]):
    from cleanseed.errors import InputError
    from cleanseed.records import InputFile, Item, ReadOptions, iter_json, json_values

FILE = InputFile("fuzz.json", "fuzz.json", "json")
OPTIONS = ReadOptions(max_line_bytes=1 << 16)


class _Pieces(io.RawIOBase):
    """A binary file that returns at most *size* bytes a read."""

    def __init__(self, data: bytes, size: int) -> None:
        self._data, self._size, self._pos = data, size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self._data[self._pos : self._pos + min(self._size, len(buffer))]
        buffer[: len(chunk)] = chunk
        self._pos += len(chunk)
        return len(chunk)


def _expected(data: bytes) -> list[str] | None:
    try:
        value = json.loads(data)
    except ValueError:
        return None
    if isinstance(value, list) and value and all(
            isinstance(v, dict) and isinstance(v.get("text"), str) for v in value):
        return [v["text"] for v in value]
    return None


def test_one_input(data: bytes) -> None:
    """Read one fuzzer input as a ``.json`` file and check the contract."""
    size = 1 + data[0] % 64 if data else 1
    body = data[1:]
    found = list(iter_json(io.BufferedReader(_Pieces(body, size), buffer_size=size),
                           FILE, OPTIONS))
    for item in found:
        if not isinstance(item, (Item, InputError)):
            raise TypeError(type(item).__name__)
    expected = _expected(body)
    if expected is not None and b"\n" not in body.strip():
        texts = [item.doc.text for item in found if isinstance(item, Item)]
        if texts != expected or len(found) != len(expected):
            msg = f"read {found!r}, json.loads gives {len(expected)} records"
            raise AssertionError(msg)


if __name__ == "__main__":
    assert json_values  # the reader the harness exercises, imported instrumented
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
