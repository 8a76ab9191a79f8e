"""Tests of cleanseed.corpus.minhash: shingles, datasketch compatibility, batch independence."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash, MinHashLSH
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import texts

from cleanseed.corpus import minhash
from cleanseed.corpus.hashing import BASE
from cleanseed.corpus.minhash import (
    minhash_signatures,
    permutations,
    shingle_hashes,
    signatures_from_shingles,
    to_lean_minhash,
)
from cleanseed.errors import ConfigError, InputTypeError

M64 = (1 << 64) - 1
CONNECTORS = set("_\u203f\u2040\u2054\ufe33\ufe34\ufe4d\ufe4e\ufe4f\uff3f")


# --- an independent, plain-Python reading of the shingle definition in the module docstring ---

def _kind(ch: str) -> int:
    """0 separator, 1 word character, 2 a character of a spaceless script."""
    c = ord(ch)
    if c >= 0x10000:
        return 2 if 0x20000 <= c <= 0x3134F else 1
    if 0xD800 <= c < 0xE000:
        return 0
    if unicodedata.category(ch)[0] not in "LMN" and ch not in CONNECTORS:
        return 0
    return 2 if any(lo <= c <= hi for lo, hi in minhash.SPACELESS) else 1


def _lower(ch: str) -> int:
    if ord(ch) >= 0x10000:
        return ord(ch)
    return ord("i" if ch == "\u0130" else ch.lower())


def _fmix64(h: int) -> int:
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & M64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & M64
    return h ^ (h >> 33)


def reference_tokens(text: str) -> list[list[int]]:
    tokens: list[list[int]] = []
    prev = 0
    for ch in text:
        kind = _kind(ch)
        if kind and (kind != prev or kind == 2):
            tokens.append([])
        if kind:
            tokens[-1].append(_lower(ch))
        prev = kind
    return tokens


def reference_shingles(text: str, ngram: int) -> list[int]:
    hashes = []
    for token in reference_tokens(text):
        h = sum(c * pow(BASE, j, 1 << 64) for j, c in enumerate(token)) & M64
        hashes.append(_fmix64(h))
    mult = [int(m) for m in minhash._ngram_multipliers(ngram)]
    windows = [hashes[i : i + ngram] for i in range(len(hashes) - ngram + 1)]
    if 0 < len(hashes) < ngram:
        windows = [hashes]
    return [_fmix64(sum(t * m for t, m in zip(w, mult, strict=False)) & M64) >> 32 for w in windows]


# --- the tests ---

@given(st.lists(texts, max_size=6), st.integers(1, 6))
def test_shingles_match_a_plain_python_reading_of_the_definition(docs: list[str], n: int) -> None:
    """The vectorised shingle hashes equal a character-by-character implementation."""
    got = shingle_hashes(docs, ngram=n)
    assert len(got) == len(docs)
    for i, doc in enumerate(docs):
        assert got.doc(i).tolist() == reference_shingles(doc, n)


@pytest.mark.parametrize(("text", "tokens"), [
    ("Hello, WORLD!", ["hello", "world"]),
    ("naïve café_au_lait 3.14", ["naïve", "café_au_lait", "3", "14"]),
    ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),  # combining vowel signs stay inside the word
    ("日本語のテキスト", list("日本語のテキスト")),
    ("ภาษาไทย", list("ภาษาไทย")),
    ("abc日本def", ["abc", "日", "本", "def"]),
    ("ΣΊΣΥΦΟΣ", ["σίσυφοσ"]),
    ("emoji😀inside", ["emoji😀inside"]),
    ("\ud800lone surrogate", ["lone", "surrogate"]),
], ids=["ascii", "latin", "devanagari", "japanese", "thai", "mixed", "greek", "astral",
        "surrogate"])
def test_tokens_follow_the_documented_definition(text: str, tokens: list[str]) -> None:
    """Tokens: lower-cased runs of word characters; spaceless scripts one character each."""
    assert ["".join(map(chr, t)) for t in reference_tokens(text)] == tokens
    assert shingle_hashes([text], ngram=1).doc(0).tolist() == reference_shingles(text, 1)


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7), (256, 12345), (1, 0)])
def test_permutations_are_datasketchs(num_perm: int, seed: int) -> None:
    """The permutation parameters are the ones datasketch.MinHash draws for affine32."""
    assert np.array_equal(permutations(num_perm, seed), MinHash(num_perm, seed=seed).permutations)


@given(st.lists(texts, min_size=1, max_size=5), st.sampled_from([(128, 1), (32, 99)]))
def test_signatures_equal_datasketch_fed_the_same_shingle_hashes(docs: list[str],
                                                                 params: tuple[int, int]) -> None:
    """A signature row is exactly datasketch's hashvalues for the same 32-bit shingle hashes,
    on the default path and on the numpy-only one."""
    num_perm, seed = params
    sig = minhash_signatures(docs, num_perm=num_perm, seed=seed)
    shingles = shingle_hashes(docs)
    numpy_only = signatures_from_shingles(shingles, permutations(num_perm, seed),
                                          _work=minhash._Workspace(fast=False))
    for i in range(len(docs)):
        m = MinHash(num_perm, seed=seed, hashfunc=int)
        m.update_batch(shingles.doc(i).tolist())
        assert np.array_equal(m.hashvalues, sig[i])
        assert np.array_equal(m.hashvalues, numpy_only[i])


def test_signatures_drop_into_datasketch_lsh() -> None:
    """LeanMinHash built from signatures is accepted by MinHashLSH and finds near-duplicates."""
    docs = ["the quick brown fox jumps over the lazy dog near the river bank today",
            "The quick brown fox jumps over the lazy dog near the river bank today!",
            "an entirely different sentence about cooking pasta with fresh tomatoes"]
    sig = minhash_signatures(docs, seed=3)
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    leans = [to_lean_minhash(s, seed=3) for s in sig]
    for i, lean in enumerate(leans):
        assert isinstance(lean, LeanMinHash)
        lsh.insert(f"d{i}", lean)
    assert sorted(lsh.query(leans[1])) == ["d0", "d1"]
    assert leans[0].jaccard(leans[1]) == 1.0
    restored = LeanMinHash.deserialize(_serialize(leans[2]))
    assert restored == leans[2]


def _serialize(lean: LeanMinHash) -> bytearray:
    buf = bytearray(lean.bytesize())
    lean.serialize(buf)
    return buf


def test_text_without_tokens_has_datasketchs_empty_signature() -> None:
    """No token, no shingle: all slots stay at 2**32 - 1, as in an empty datasketch MinHash."""
    sig = minhash_signatures(["", "  ...  !!", "\n"], num_perm=16)
    assert (sig == 0xFFFFFFFF).all()
    assert to_lean_minhash(sig[0]).is_empty()


@pytest.mark.slow
@given(st.lists(texts, min_size=1, max_size=8), st.data())
def test_signatures_do_not_depend_on_batching(docs: list[str], data: st.DataObject) -> None:
    """A document's signature is the same alone, in any batch, on either path."""
    whole = minhash_signatures(docs, num_perm=32)
    i = data.draw(st.integers(0, len(docs) - 1))
    assert np.array_equal(minhash_signatures([docs[i]], num_perm=32)[0], whole[i])
    shingles = shingle_hashes(docs)
    perms = permutations(32, 1)
    # the last documents alone: their offsets do not start at 0
    tail = minhash.Shingles(shingles.offsets[i:], shingles.hashes)
    for work in (minhash._Workspace(), minhash._Workspace(fast=False)):
        assert np.array_equal(signatures_from_shingles(shingles, perms, _work=work), whole)
        assert np.array_equal(signatures_from_shingles(tail, perms, _work=work), whole[i:])


def test_small_batches_give_the_same_signatures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cutting the input into batches of a few characters changes nothing."""
    docs = [f"document number {i} says " + "words and more words " * (i % 7) for i in range(40)]
    whole = minhash_signatures(docs)
    monkeypatch.setattr(minhash, "_MAX_BATCH_CHARS", 50)
    assert np.array_equal(minhash_signatures(docs), whole)
    assert np.array_equal(minhash_signatures(iter(docs)), whole)


def test_case_and_punctuation_do_not_change_shingles() -> None:
    """Shingles ignore case, punctuation and spacing."""
    s = shingle_hashes(["One two, three -- four five SIX", "one two three four five six"])
    assert np.array_equal(s.doc(0), s.doc(1))
    assert len(s.doc(0)) == 2


def test_short_documents_have_one_shingle_of_all_their_tokens() -> None:
    """Fewer tokens than ngram: one shingle; different short texts, different shingles."""
    s = shingle_hashes(["one two", "two one", "one two three four five"], ngram=5)
    assert s.offsets.tolist() == [0, 1, 2, 3]
    assert len(set(s.hashes.tolist())) == 3


def test_estimate_tracks_jaccard() -> None:
    """Signature agreement estimates the Jaccard of the shingle sets (fixed data: no flakiness)."""
    words = [f"w{i}" for i in range(400)]
    a = " ".join(words[:300])
    b = " ".join(words[100:400])  # 5-gram Jaccard = 196 / 400 = 0.49
    sig = minhash_signatures([a, b], num_perm=256)
    assert abs(float((sig[0] == sig[1]).mean()) - 196 / 400) < 0.1


@pytest.mark.parametrize("bad", [b"bytes", None, 3])
def test_non_str_input_is_rejected(bad: object) -> None:
    """Anything but str raises InputTypeError naming the item."""
    with pytest.raises(InputTypeError, match="item 1"):
        minhash_signatures(["ok", bad])  # type: ignore[list-item]


@pytest.mark.parametrize("kwargs", [{"ngram": 0}, {"num_perm": 0}, {"seed": -1},
                                    {"ngram": True}, {"num_perm": 2.0}])
def test_bad_parameters_raise_config_error(kwargs: dict[str, object]) -> None:
    """Out-of-range parameters raise ConfigError."""
    with pytest.raises(ConfigError):
        minhash_signatures(["text"], **kwargs)  # type: ignore[arg-type]


def test_empty_input_gives_an_empty_matrix() -> None:
    """No documents: a (0, num_perm) matrix."""
    assert minhash_signatures([], num_perm=8).shape == (0, 8)
    assert len(shingle_hashes([])) == 0


@pytest.mark.slow
@pytest.mark.skipif(minhash._numba_kernels() is None, reason="numba is not installed")
@given(st.lists(texts, max_size=6), st.integers(1, 6))
def test_numba_and_numpy_paths_agree(docs: list[str], n: int) -> None:
    """The optional numba kernels give exactly the numpy path's shingles and signatures."""
    fast, slow = minhash._Workspace(), minhash._Workspace(fast=False)
    a, b = minhash._shingle_batch(docs, n, fast), minhash._shingle_batch(docs, n, slow)
    assert np.array_equal(a.offsets, b.offsets) and np.array_equal(a.hashes, b.hashes)
    perms = permutations(48, 5)
    assert np.array_equal(signatures_from_shingles(a, perms, _work=fast),
                          signatures_from_shingles(a, perms, _work=slow))
