"""Coverage-guided fuzzing of ``cleanseed.clean_html`` (atheris).

    python benchmarks/fuzz/fuzz_clean_html.py [libFuzzer options] [CORPUS_DIR]

Each input is given to ``clean_html`` as raw bytes (the page's declared charset decides) or,
depending on its first byte, as a str. The contract: a ``str`` back or a ``CleanseedError``.
"""

from __future__ import annotations

import sys

import atheris

# Only cleanseed is instrumented: its dependencies are fuzzed by their own projects, and
# instrumenting them (datasketch pulls in redis and numpy) makes start-up take minutes.
with atheris.instrument_imports(include=["cleanseed"]):
    from cleanseed.default import clean_html
    from cleanseed.errors import CleanseedError


def test_one_input(data: bytes) -> None:
    """Feed one fuzzer input to clean_html, as bytes or as a str."""
    page: str | bytes = data[1:]
    if data[:1] == b"s":
        page = atheris.FuzzedDataProvider(data[1:]).ConsumeUnicode(len(data))
    try:
        out = clean_html(page)
    except CleanseedError:
        return
    if not isinstance(out, str):
        msg = f"clean_html returned {type(out).__name__}"
        raise TypeError(msg)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
