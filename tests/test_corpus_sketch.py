"""Tests of the MinHash kernels (numpy, and numba when installed) against the definition."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import texts
from tests.test_corpus_minhash import _fmix64, reference_shingles

from cleanseed.corpus import _sketch, minhash
from cleanseed.corpus.hashing import BASE, fmix64_high_inplace

NUMBA = minhash._numba_kernels()
needs_numba = pytest.mark.skipif(NUMBA is None, reason="numba is not installed")

latin1_texts = st.text(st.characters(max_codepoint=0xFF), max_size=200)
# words of every length up to 40 characters, so that tokens take one to six rounds of 8 bytes
long_words = st.lists(st.text("abcdéßÀΣσж日😀", min_size=1, max_size=40), max_size=12).map(" ".join)
latin1_words = st.lists(st.text("abcdéßÀ_1", min_size=1, max_size=40), max_size=12).map(" ".join)
# Latin-1 words between separators from beyond Latin-1 (quotes, dashes, bullets, the euro)
quoted_words = st.lists(st.tuples(st.text("abcdéßÀ_1", max_size=12),
                                  st.text(" ,.’‘“”—–…•€\u2028\u3000", min_size=1, max_size=3)),
                        max_size=12).map(lambda pairs: "".join(w + sep for w, sep in pairs))


def numpy_shingles(docs: list[str], ngram: int) -> minhash.Shingles:
    return minhash.Shingles(*_sketch.shingles(docs, minhash._TABLES,
                                              minhash._ngram_multipliers(ngram)))


@given(st.lists(st.one_of(texts, latin1_texts, long_words), max_size=6), st.integers(1, 6))
def test_numpy_kernel_follows_the_definition(docs: list[str], n: int) -> None:
    """The numpy kernel's shingles equal a character-by-character reading of the definition,
    on Latin-1 text (the translate path), BMP text (2 bytes a character) and astral text."""
    got = numpy_shingles(docs, n)
    assert len(got) == len(docs)
    for i, doc in enumerate(docs):
        assert got.doc(i).tolist() == reference_shingles(doc, n)


@given(st.lists(st.one_of(latin1_texts, latin1_words), max_size=6))
def test_latin1_path_equals_the_code_point_path(docs: list[str]) -> None:
    """Text that is all Latin-1 gives the same tokens through bytes.translate as through the
    code-point tables, and the same hashes from tokens cut at their first separator (words up
    to 40 characters: one to five rounds of 8) as from tokens cut at their known ends."""
    text, _ = _sketch.joined(docs)
    fast = _sketch._fold_latin1(text, minhash._TABLES.latin1)
    assert fast is not None and fast.ends is None
    wide = _sketch._fold_wide(text, minhash._TABLES)
    assert np.array_equal(fast.starts, wide.starts)
    assert np.array_equal(_sketch.token_hashes(fast, BASE),
                          _sketch.token_hashes(wide, BASE))


def test_latin1_tokens_of_every_length_up_to_five_rounds() -> None:
    """Words of 1 to 41 characters (8 and 16 exactly: a round that ends on the separator),
    last in the text too, hash alike whichever way their end is found."""
    words = ["".join("aÀb_ß9éz"[(k + i) % 8] for i in range(k)) for k in range(1, 42)]
    for text in (" ".join(words), "\n".join(reversed(words)), words[7], words[15] + "!"):
        fast = _sketch._fold_latin1(text, minhash._TABLES.latin1)
        assert fast is not None and fast.ends is None
        assert np.array_equal(_sketch.token_hashes(fast, BASE), _sketch.token_hashes(
            _sketch._fold_wide(text, minhash._TABLES), BASE))


@given(st.lists(latin1_texts, max_size=6))
def test_token_hashes_read_unpadded_text_too(docs: list[str]) -> None:
    """Text without the padding joined() adds (a token up to the last byte) is copied, not read
    past its end: the same hashes as the padded text's."""
    text, _ = _sketch.joined(docs)
    bare = text.rstrip("\n")
    for fold in (_sketch._fold_latin1(bare, minhash._TABLES.latin1),
                 _sketch._fold_wide(bare, minhash._TABLES)):
        assert fold is not None
        assert np.array_equal(_sketch.token_hashes(fold, BASE), _sketch.token_hashes(
            _sketch._fold_wide(text, minhash._TABLES), BASE))


@pytest.mark.parametrize("size", [1, 2, 4])
@given(words=st.lists(st.integers(0, (1 << 64) - 1), min_size=1, max_size=40))
def test_word_sums_are_the_polynomial_of_the_words_characters(size: int,
                                                              words: list[int]) -> None:
    """Each word's sum, taken from its shifted copies, is ``sum(c_k * B**k)`` over its
    characters of *size* bytes, read one by one (every bit pattern, top bits set too)."""
    bits, lanes = 8 * size, _sketch._lanes(size, BASE)
    array = np.array(words, dtype=np.uint64)
    got = _sketch._word_sums(array, lanes, np.empty_like(array))
    for word, value in zip(words, got.tolist(), strict=True):
        chars = [(word >> (bits * k)) & ((1 << bits) - 1) for k in range(8 // size)]
        assert value == sum(c * pow(BASE, k, 1 << 64) for k, c in enumerate(chars)) % (1 << 64)


@given(st.lists(st.binary(min_size=8, max_size=8), min_size=1, max_size=40))
def test_a_word_is_cut_at_its_first_zero_byte(chunks: list[bytes]) -> None:
    """The bytes before the first zero byte stay, the rest become 0; a word without a zero byte
    stays whole and is flagged as going on (its token has more characters)."""
    words = np.frombuffer(b"".join(chunks), dtype="<u8").copy()
    going = _sketch._before_first_zero(words, np.empty_like(words))
    for chunk, cut, flags in zip(chunks, words.tolist(), going.tolist(), strict=True):
        keep = chunk.split(b"\0")[0]
        assert cut.to_bytes(8, "little") == keep + bytes(8 - len(keep))
        assert (flags == 0) == (b"\0" not in chunk)


@given(st.lists(st.integers(0, (1 << 64) - 1), max_size=40))
def test_fmix64_high_keeps_the_top_half_of_fmix64(values: list[int]) -> None:
    """The n-gram step skips fmix64's last step: the top 32 bits, all it keeps, are the same."""
    h = np.array(values, dtype=np.uint64)
    fmix64_high_inplace(h, np.empty_like(h))
    assert [int(x) >> 32 for x in h] == [_fmix64(v) >> 32 for v in values]


def test_text_beyond_latin1_takes_the_code_point_path() -> None:
    """One character outside Latin-1 anywhere in a batch: no translate path."""
    assert _sketch.fold_latin1("plain ascii", minhash._TABLES.latin1) is not None
    assert _sketch.fold_latin1("café", minhash._TABLES.latin1) is not None
    assert _sketch.fold_latin1("café Ω", minhash._TABLES.latin1) is None


def _random_batch(rng: np.random.Generator, docs: int) -> minhash.Shingles:
    counts = rng.integers(0, 11, docs)
    counts[rng.random(docs) < 0.3] = 0  # empty documents first, inside and last
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return minhash.Shingles(offsets, rng.integers(0, 1 << 32, offsets[-1], dtype=np.uint32))


@pytest.mark.parametrize("seed", range(5))
def test_numpy_signatures_equal_datasketch(seed: int) -> None:
    """Each row is datasketch's hashvalues for the same hashes; empty documents anywhere get
    the empty signature; a slice of documents whose offsets do not start at 0 works too."""
    rng = np.random.default_rng(seed)
    batch = _random_batch(rng, 30)
    perms = minhash.permutations(37, seed)  # not a multiple of the group of 4
    sig = _sketch.signatures(batch.hashes, batch.offsets, perms)
    for i in range(len(batch)):
        m = MinHash(37, seed=seed, hashfunc=int)
        m.update_batch(batch.doc(i).tolist())
        assert np.array_equal(m.hashvalues, sig[i])
    tail = _sketch.signatures(batch.hashes, batch.offsets[7:], perms)
    assert np.array_equal(tail, sig[7:])


def test_signature_buffer_is_reused_without_leaking_between_batches() -> None:
    """A buffer sized by a big batch gives a small batch the small batch's answer."""
    rng = np.random.default_rng(9)
    big, small = _random_batch(rng, 200), _random_batch(rng, 3)
    perms = minhash.permutations(16, 1)
    buffer = _sketch.SignatureBuffer()
    _sketch.signatures(big.hashes, big.offsets, perms, buffer)
    assert np.array_equal(_sketch.signatures(small.hashes, small.offsets, perms, buffer),
                          _sketch.signatures(small.hashes, small.offsets, perms))


@needs_numba
@given(st.lists(st.one_of(texts, latin1_texts, long_words), max_size=6), st.integers(1, 6))
def test_numba_kernels_follow_the_definition(docs: list[str], n: int) -> None:
    """The compiled kernels (Latin-1 and code-point) give the definition's shingles."""
    work = minhash._Workspace()
    got = minhash._shingle_batch(docs, n, work)
    for i, doc in enumerate(docs):
        assert got.doc(i).tolist() == reference_shingles(doc, n)


@needs_numba
@pytest.mark.parametrize("seed", range(5))
def test_numba_signatures_equal_numpy(seed: int) -> None:
    """Four shingles a pass or one: the compiled signatures are the numpy ones."""
    rng = np.random.default_rng(seed)
    batch = _random_batch(rng, 40)
    perms = minhash.permutations(33, seed)
    out = np.full((len(batch), 33), 0xFFFFFFFF, dtype=np.uint32)
    assert NUMBA is not None
    NUMBA.signatures(batch.hashes, batch.offsets, perms[0].astype(np.uint32),
                     perms[1].astype(np.uint32), out)
    assert np.array_equal(out, _sketch.signatures(batch.hashes, batch.offsets, perms))


def _latin1_kernels(docs: list[str], n: int) -> tuple[list[list[int]], list[list[int]] | None]:
    """The shingles of *docs* (Latin-1) from the exact compiled kernel and from the fast one
    (None when the fast one declines: a token longer than its table of powers)."""
    assert NUMBA is not None
    text, starts = _sketch.joined(docs)
    data = _sketch.latin1_bytes(text)
    assert data is not None
    raw, mult = np.frombuffer(data, dtype=np.uint8), minhash._ngram_multipliers(n)
    results: list[list[list[int]] | None] = []
    for fast in (False, True):
        work = minhash._Workspace()
        work.grow(len(text))
        counts = np.empty(len(docs), dtype=np.int64)
        if fast:
            done = NUMBA.shingles_latin1(raw, minhash._LATIN1_FOLD, starts, minhash._TOKEN_POWERS,
                                         mult, work.hashes, counts, work.tokens, work.ends)
        else:
            NUMBA.shingles_latin1_exact(raw, minhash._LATIN1_FOLD, starts, mult, work.hashes,
                                        counts, work.tokens)
            done = True
        offsets = np.concatenate([[0], np.cumsum(counts)])
        results.append([work.hashes[offsets[i]:offsets[i + 1]].tolist() for i in range(len(docs))]
                       if done else None)
    exact, fast_result = results
    assert exact is not None
    return exact, fast_result


@needs_numba
@given(st.lists(st.one_of(latin1_texts, latin1_words), max_size=6), st.integers(1, 6))
def test_numba_latin1_fast_kernel_equals_the_exact_one(docs: list[str], n: int) -> None:
    """The branch-free Latin-1 kernel (powers from a table) gives the exact kernel's shingles."""
    exact, fast = _latin1_kernels(docs, n)
    assert fast == exact


@needs_numba
@pytest.mark.parametrize("length", [1023, 1024, 1025, 3000])
def test_numba_tokens_longer_than_the_powers_table_are_exact(length: int) -> None:
    """A token past the table's 1,024 places makes the fast kernel decline; the minhash path
    then takes the exact one, and every length gives the definition's shingles."""
    docs = ["a b", "x" * length + " tail of the text", "z"]
    exact, fast = _latin1_kernels(docs, 2)
    assert (fast is None) == (length > len(minhash._TOKEN_POWERS))
    assert fast in (None, exact)
    got = minhash._shingle_batch(docs, 2, minhash._Workspace())
    for i, doc in enumerate(docs):
        assert got.doc(i).tolist() == reference_shingles(doc, 2) == exact[i]


@given(st.lists(quoted_words, max_size=6), st.integers(1, 6))
def test_separators_beyond_latin1_take_the_latin1_path(docs: list[str], n: int) -> None:
    """A batch whose only characters beyond Latin-1 are separators is read as Latin-1, each of
    them a space, and both paths still give the definition's shingles."""
    text, _ = _sketch.joined(docs)
    codes = _sketch.latin1_or_spaces(text, minhash._FOLD)
    assert codes is not None
    assert codes.dtype == np.uint8
    assert codes.tobytes() == "".join(c if ord(c) < 256 else " " for c in text).encode("latin-1")
    for shingles in (numpy_shingles(docs, n),
                     minhash._shingle_batch(docs, n, minhash._Workspace())):
        for i, doc in enumerate(docs):
            assert shingles.doc(i).tolist() == reference_shingles(doc, n)


@pytest.mark.parametrize(("text", "kind"), [
    ("plain words", np.uint8), ("café “quoted” — text…", np.uint8), ("Ωmega text", np.uint16),
    ("дом “x”", np.uint16), ("日本 text", np.uint16), ("emoji 😀 text", None),
    ("lone \ud800 surrogate", None)])
def test_latin1_or_spaces_says_which_path_a_batch_takes(text: str, kind: type | None) -> None:
    """Latin-1 bytes when only separators lie beyond Latin-1, UTF-16 units when a letter of the
    BMP does, None beyond the BMP (the code-point path encodes those itself)."""
    codes = _sketch.latin1_or_spaces(text, minhash._FOLD)
    assert (codes is None) if kind is None else (codes is not None and codes.dtype == kind)
