"""Coverage-guided fuzzing of ``cleanseed.clean`` (atheris).

    python benchmarks/fuzz/fuzz_clean.py [libFuzzer options] [CORPUS_DIR]

The contract checked on every input: ``clean`` returns a ``str`` or raises a
``CleanseedError``, its result is a fixed point (``clean(clean(x)) == clean(x)``), and
``explain(x).text == clean(x)``. Anything else is reported as a crash with the input saved.
"""

from __future__ import annotations

import sys

import atheris

# Only cleanseed is instrumented: its dependencies are fuzzed by their own projects, and
# instrumenting them (datasketch pulls in redis and numpy) makes start-up take minutes.
with atheris.instrument_imports(include=["cleanseed"]):
    import cleanseed
    from cleanseed.errors import CleanseedError


def test_one_input(data: bytes) -> None:
    """Feed one fuzzer input (decoded to any str, lone surrogates included) to clean."""
    text = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    try:
        out = cleanseed.clean(text)
    except CleanseedError:
        return
    if not isinstance(out, str):
        msg = f"clean returned {type(out).__name__}"
        raise TypeError(msg)
    if cleanseed.clean(out) != out:
        msg = f"clean is not idempotent on {text!r}"
        raise AssertionError(msg)
    if cleanseed.explain(text).text != out:
        msg = f"explain(x).text != clean(x) on {text!r}"
        raise AssertionError(msg)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
