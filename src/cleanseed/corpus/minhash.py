"""MinHash signatures of whole documents, straight from raw text, many documents at once.

**Shingles.** A document is cut into tokens: a token is a maximal run of letters, marks, digits
and connector punctuation (Unicode categories ``L``, ``M``, ``N`` and ``Pc``: ``\\w`` plus
combining marks), except that every character of a script written without spaces (CJK
ideographs, kana, Thai, Lao, Khmer, Myanmar) is a token by itself. Code points outside the Basic
Multilingual Plane count as letters (the CJK extensions as spaceless). Each character is
lower-cased on its own (the one-character lower case of ``str.lower``, without context: a final
``Σ`` becomes ``σ``, ``İ`` becomes ``i``). A shingle is ``ngram`` consecutive tokens; a document
with fewer tokens than that has one shingle made of all its tokens, and a document without
tokens has none (its signature is datasketch's empty one, all ``2**32 - 1``).

**Hashes.** Each token is hashed once: ``sum(c_j * B**j) mod 2**64`` over its lower-cased code
points ``c_j`` (``B = 0x9E3779B97F4A7C15``), then the 64-bit MurmurHash3 finalizer. An n-gram's
hash is the top 32 bits of that finalizer applied to ``sum(t_k * M_k) mod 2**64`` over its token
hashes, with fixed odd multipliers ``M_k`` (SplitMix64 of ``k = 1..ngram``). Nothing depends on
the process, the run, the batch or the neighbouring documents. The tables, the hash and the
finalizers are :mod:`cleanseed.corpus.hashing`'s, shared with the repeats step.

**Signatures** are datasketch's ``affine32`` scheme: the shingle hash is pre-mixed with the 32-bit
MurmurHash3 finalizer, then sent through the permutations ``a * h + b mod 2**32`` that
``datasketch.MinHash(num_perm, seed)`` draws. A row of :func:`minhash_signatures` is therefore
exactly the ``hashvalues`` of a datasketch ``MinHash`` fed the same shingle hashes, and
:func:`to_lean_minhash` turns it into a ``LeanMinHash`` that ``MinHashLSH`` and its storage
backends accept.

**Speed.** Everything runs over batches of about 500k characters (a few hundred documents):
one ``str.encode`` per batch, then numpy over code points and ``(num_perm, 8192)`` blocks of
the permutation step, in reused buffers. With numba installed (optional), the same computation
runs as compiled loops instead, two to three times as fast; both give identical results.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import numpy as np

from cleanseed import _validate
from cleanseed.corpus.hashing import (
    BASE,
    BASE_INV,
    EMPTY,
    SPACELESS,
    fmix32,
    fmix64,
    permutations,
    powers,
    prefix_sums,
    substring_hashes,
    token_tables,
)
from cleanseed.errors import check_text

if TYPE_CHECKING:
    from datasketch import LeanMinHash

__all__ = [
    "Shingles",
    "minhash_signatures",
    "permutations",
    "shingle_hashes",
    "signatures_from_shingles",
    "to_lean_minhash",
]

_U32, _U64 = np.uint32, np.uint64
_BMP = 0x10000

# Shingles per block of the permutation step: (num_perm, block) uint32 stays in the L2/L3 cache.
_BLOCK = 8192
T = TypeVar("T")
_MAX_BATCH_CHARS = 1 << 19  # a batch's code points; a longer document is a batch of its own


# Word tokens: the corpus definition of a word character (see cleanseed.corpus.hashing).
_FOLD, _SPACELESS_BMP = token_tables()


class Shingles(NamedTuple):
    """The shingle hashes of a batch of documents, in CSR form.

    The hashes of document ``i`` are ``hashes[offsets[i]:offsets[i + 1]]``, in the order the
    shingles occur (repeats included), as ``uint32``.
    """

    offsets: np.ndarray
    hashes: np.ndarray

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def doc(self, i: int) -> np.ndarray:
        """Return the shingle hashes of document *i*."""
        return self.hashes[self.offsets[i] : self.offsets[i + 1]]


def _ngram_multipliers(ngram: int) -> np.ndarray:
    """Fixed odd multipliers, one per position in the n-gram (SplitMix64 of the position)."""
    out = []
    for k in range(1, ngram + 1):
        z = (k * 0x9E3779B97F4A7C15) & ((1 << 64) - 1)
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & ((1 << 64) - 1)
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & ((1 << 64) - 1)
        out.append((z ^ (z >> 31)) | 1)
    return np.array(out, dtype=_U64)


@functools.cache  # compiled code only, never data: results never depend on earlier calls
def _numba_kernels() -> tuple[Callable[..., None], ...] | None:
    """The optional fast path, with numba: shingles and signatures (one pass each), and for
    :mod:`cleanseed.corpus.neardup` the intersections of sorted sets (merges, not sorts)."""
    try:
        from numba import njit, uint32, uint64
    except ImportError:
        return None
    # No closures over other jitted functions, so that numba's on-disk cache can serve them
    # (the constants are those of hashing.BASE, fmix64 and SPACELESS[-1], written out).
    @njit(cache=True, nogil=True)
    def shingles(codes, starts, fold, alone, mult, out, counts, toks):  # type: ignore[no-untyped-def]
        pos, n = 0, mult.shape[0]
        m1, m2, s33 = uint64(0xFF51AFD7ED558CCD), uint64(0xC4CEB9FE1A85EC53), uint64(33)
        for d in range(starts.shape[0] - 1):
            t, h, pw, inside = 0, uint64(0), uint64(1), False
            for j in range(starts[d], starts[d + 1]):
                c = codes[j]
                if c < 0x10000:
                    f, single = uint64(fold[c]), alone[c]
                else:
                    f, single = uint64(c), 0x20000 <= c <= 0x3134F
                if inside and (f == 0 or single):
                    toks[t], t, inside = h, t + 1, False
                if single:
                    toks[t], t = f, t + 1
                elif f != 0:
                    if not inside:
                        h, pw, inside = uint64(0), uint64(1), True
                    h += f * pw
                    pw *= uint64(0x9E3779B97F4A7C15)
            if inside:
                toks[t], t = h, t + 1
            for i in range(t):  # fmix64 of each token hash
                x = toks[i] ^ (toks[i] >> s33)
                x = (x * m1) ^ ((x * m1) >> s33)
                x *= m2
                toks[i] = x ^ (x >> s33)
            windows = t - n + 1 if t >= n else min(t, 1)
            for i in range(windows):
                x = uint64(0)
                for k in range(min(n, t - i)):
                    x += toks[i + k] * mult[k]
                x ^= x >> s33
                x = (x * m1) ^ ((x * m1) >> s33)
                x *= m2
                out[pos] = uint32((x ^ (x >> s33)) >> uint64(32))
                pos += 1
            counts[d] = windows

    @njit(cache=True, nogil=True)
    def signatures(hashes, offsets, a, b, out):  # type: ignore[no-untyped-def]
        row = np.empty(a.shape[0], np.uint32)
        for d in range(offsets.shape[0] - 1):
            row[:] = out[d]
            for s in range(offsets[d], offsets[d + 1]):
                h = uint32(hashes[s])
                h = uint32(h ^ (h >> uint32(16)))
                h = uint32(h * uint32(0x85EBCA6B))
                h = uint32(h ^ (h >> uint32(13)))
                h = uint32(h * uint32(0xC2B2AE35))
                h = uint32(h ^ (h >> uint32(16)))
                for k in range(a.shape[0]):
                    row[k] = min(row[k], uint32(a[k] * h + b[k]))
            out[d] = row

    @njit(cache=True, nogil=True)
    def intersections(offsets, values, pairs, out):  # type: ignore[no-untyped-def]
        for p in range(pairs.shape[0]):
            i, j = offsets[pairs[p, 0]], offsets[pairs[p, 1]]
            i_end, j_end = offsets[pairs[p, 0] + 1], offsets[pairs[p, 1] + 1]
            common = 0
            while i < i_end and j < j_end:  # both sets sorted: one merge pass
                a, b = values[i], values[j]
                common += a == b
                i += a <= b
                j += b <= a
            out[p] = common

    return shingles, signatures, intersections


class _Workspace:
    """Buffers reused from batch to batch of one call: ``BASE**j`` and ``BASE**-j`` modulo 2**64
    for ``j < size`` (grown on demand) and the block of the permutation step. Reusing them
    spares the page faults of fresh large allocations, which cost as much as the arithmetic.
    ``kernels`` is the numba fast path when numba is installed (``fast=False``: numpy only)."""

    def __init__(self, *, fast: bool = True) -> None:
        self.up = np.ones(1, dtype=_U64)
        self.down = np.ones(1, dtype=_U64)
        self.block = np.empty((0, 0), dtype=_U32)
        self.kernels = _numba_kernels() if fast else None

    def block_for(self, num_perm: int) -> np.ndarray:
        if self.block.shape[0] != num_perm:
            self.block = np.empty((num_perm, _BLOCK), dtype=_U32)
        return self.block

    def ensure(self, size: int) -> None:
        if size <= len(self.up):
            return
        size = max(size, 2 * len(self.up))
        self.up, self.down = powers(BASE, size), powers(BASE_INV, size)


def _classify(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Fold the code points of a batch: lower case for word characters, 0 for separators; and
    mark the characters of spaceless scripts (``None`` when the batch has none)."""
    folded = _FOLD.take(codes, mode="clip")  # clip: every astral code point -> the last entry
    top = int(codes.max()) if len(codes) else 0
    if top < SPACELESS[0][0]:
        return folded, None
    spaceless = _SPACELESS_BMP.take(codes, mode="clip")
    if top >= _BMP:
        astral = codes >= _BMP
        folded[astral] = codes[astral]
        lo, hi = SPACELESS[-1]
        spaceless[astral] = (codes[astral] >= lo) & (codes[astral] <= hi)
    return folded, spaceless


def _token_bounds(folded: np.ndarray,
                  spaceless: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the tokens: runs of word characters, spaceless ones alone."""
    word = np.zeros(len(folded) + 2, dtype=bool)
    np.not_equal(folded, 0, out=word[1:-1])
    change = word[1:] != word[:-1]  # change[i]: char i - 1 and char i differ in kind
    if spaceless is None:
        bounds = np.flatnonzero(change)  # start, end, start, end, ...
        return bounds[0::2], bounds[1::2]
    alone = np.zeros(len(folded) + 2, dtype=bool)
    alone[1:-1] = spaceless
    change |= alone[1:] | alone[:-1]
    return (np.flatnonzero(word[1:-1] & change[:-1]),
            np.flatnonzero(word[1:-1] & change[1:]) + 1)


def _token_hashes(codes: np.ndarray, work: _Workspace) -> tuple[np.ndarray, np.ndarray]:
    """Start offsets and 64-bit hashes of the tokens in *codes* (uint32 code points of a batch)."""
    folded, spaceless = _classify(codes)
    starts, ends = _token_bounds(folded, spaceless)
    work.ensure(len(folded) + 1)
    prefix = prefix_sums(folded, work.up)
    # sum of c_j * BASE**(j - start) over the token: independent of where the token sits
    return starts, fmix64(substring_hashes(prefix, starts, ends, work.down))


def _ngrams(tokens: np.ndarray, tok_offsets: np.ndarray, ngram: int) -> Shingles:
    """Combine token hashes into n-gram shingle hashes, never across two documents."""
    counts = np.diff(tok_offsets)
    mult = _ngram_multipliers(ngram)
    padded = np.zeros(len(tokens) + ngram - 1, dtype=_U64)
    padded[: len(tokens)] = tokens
    sums = tokens * mult[0]
    for k in range(1, ngram):
        sums += padded[k : k + len(tokens)] * mult[k]
    doc_end = np.repeat(tok_offsets[1:], counts)
    keep = np.arange(len(tokens)) + ngram <= doc_end
    short = np.flatnonzero((counts > 0) & (counts < ngram))
    if len(short):
        # a document shorter than one n-gram: a single shingle of all its tokens
        heads = tok_offsets[short]
        pos = np.arange(ngram)
        mask = pos[None, :] < counts[short][:, None]
        window = padded[heads[:, None] + pos[None, :]] * mult[None, :]
        sums[heads] = np.where(mask, window, _U64(0)).sum(axis=1, dtype=_U64)
        keep[heads] = True
    per_doc = np.where(counts >= ngram, counts - ngram + 1, np.minimum(counts, 1))
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(per_doc, out=offsets[1:])
    hashes = (fmix64(sums[keep]) >> _U64(32)).astype(_U32)
    return Shingles(offsets, hashes)


def _shingle_batch(texts: Sequence[str], ngram: int, work: _Workspace) -> Shingles:
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    # documents are joined with a newline, a separator, so no token spans two of them
    np.cumsum([len(t) + 1 for t in texts], out=starts[1:])
    joined = "\n".join(texts) + "\n"
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=_U32)
    if work.kernels is not None:
        hashes = np.empty(len(codes), dtype=_U32)
        counts = np.empty(len(texts), dtype=np.int64)
        work.kernels[0](codes, starts, _FOLD, _SPACELESS_BMP, _ngram_multipliers(ngram),
                          hashes, counts, np.empty(len(codes), dtype=_U64))
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        return Shingles(offsets, hashes[: offsets[-1]].copy())
    tok_starts, tokens = _token_hashes(codes, work)
    tok_offsets = np.searchsorted(tok_starts, starts)
    return _ngrams(tokens, tok_offsets, ngram)


def batches(items: Iterable[T], size: Callable[[T], int],
            limit: int = _MAX_BATCH_CHARS) -> Iterator[list[T]]:
    """Group *items* into batches of about *limit* characters, ``size(item)`` each (plus one).

    >>> [len(b) for b in batches(["ab", "cd", "ef"], len, limit=5)]
    [2, 1]
    """
    batch: list[T] = []
    total = 0
    for item in items:
        batch.append(item)
        total += size(item) + 1
        if total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _texts(texts: Iterable[str], where: str) -> Iterator[list[str]]:
    """*texts*, each checked to be a str, in batches of about ``_MAX_BATCH_CHARS`` characters."""
    return batches((check_text(t, f"{where}: item {i}") for i, t in enumerate(texts)), len)


def _check_ngram(ngram: int) -> None:
    _validate.integer("ngram", ngram, low=1, high=64)


def concat(parts: Sequence[Shingles]) -> Shingles:
    """Join the shingles of consecutive batches into one :class:`Shingles`."""
    if not parts:
        return Shingles(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=_U32))
    shifts = np.cumsum([0] + [p.offsets[-1] for p in parts[:-1]])
    offsets = np.concatenate([parts[0].offsets[:1]] +
                             [p.offsets[1:] + s for p, s in zip(parts, shifts, strict=True)])
    return Shingles(offsets.astype(np.int64), np.concatenate([p.hashes for p in parts]))


def shingle_hashes(texts: Iterable[str], *, ngram: int = 5) -> Shingles:
    """Return the 32-bit hash of every word n-gram of every text (see the module docstring).

    >>> s = shingle_hashes(["one two three", "One, two... THREE!", ""], ngram=2)
    >>> s.offsets.tolist()
    [0, 2, 4, 4]
    >>> bool((s.doc(0) == s.doc(1)).all())
    True
    """
    _check_ngram(ngram)
    work = _Workspace()
    return concat([_shingle_batch(b, ngram, work) for b in _texts(texts, "shingle_hashes")])


def signatures_from_shingles(shingles: Shingles, perms: np.ndarray, *,
                             _work: _Workspace | None = None) -> np.ndarray:
    """Return the ``(n, num_perm)`` uint32 MinHash signatures of *shingles* under *perms*.

    Shingles are processed in fixed blocks laid out as ``(num_perm, block)``; a document that
    spans two blocks gets the minimum of both, so the result does not depend on the blocking.
    """
    work = _work or _Workspace()
    a = perms[0].astype(_U32)[:, None]
    b = perms[1].astype(_U32)[:, None]
    offsets, hashes = shingles.offsets, shingles.hashes
    out = np.full((len(offsets) - 1, a.shape[0]), EMPTY, dtype=_U32)
    if work.kernels is not None:
        work.kernels[1](hashes, offsets, a[:, 0].copy(), b[:, 0].copy(), out)
        return out
    buf = work.block_for(a.shape[0])
    for lo in range(0, len(hashes), _BLOCK):
        hi = min(lo + _BLOCK, len(hashes))
        first = int(np.searchsorted(offsets, lo, side="right")) - 1
        last = int(np.searchsorted(offsets, hi, side="left"))
        bounds = np.clip(offsets[first : last + 1], lo, hi) - lo
        docs = np.arange(first, last)[np.diff(bounds) > 0]
        seg = bounds[:-1][np.diff(bounds) > 0]
        block = buf[:, : hi - lo]
        np.multiply(a, fmix32(hashes[lo:hi])[None, :], out=block)
        np.add(block, b, out=block)
        mins = np.minimum.reduceat(block, seg, axis=1).T
        out[docs] = np.minimum(out[docs], mins)
    return out


def minhash_signatures(texts: Iterable[str], *, num_perm: int = 128, seed: int = 1,
                       ngram: int = 5) -> np.ndarray:
    """Return the ``(n, num_perm)`` uint32 MinHash signatures of *texts*, datasketch-compatible.

    >>> sig = minhash_signatures(["the cat sat on the mat", "The cat sat on the mat!"])
    >>> sig.shape, bool((sig[0] == sig[1]).all())
    ((2, 128), True)
    """
    _check_ngram(ngram)
    perms = permutations(num_perm, seed)
    work = _Workspace()
    parts = [signatures_from_shingles(_shingle_batch(b, ngram, work), perms, _work=work)
             for b in _texts(texts, "minhash_signatures")]
    if not parts:
        return np.zeros((0, num_perm), dtype=_U32)
    return np.concatenate(parts)


def to_lean_minhash(signature: np.ndarray, *, seed: int = 1) -> LeanMinHash:
    """Wrap one signature row as a ``datasketch.LeanMinHash`` (scheme ``affine32``).

    >>> lean = to_lean_minhash(minhash_signatures(["a b c d e f"], num_perm=64)[0])
    >>> len(lean), lean.scheme
    (64, 'affine32')
    """
    from datasketch import LeanMinHash  # datasketch imports scipy: only load it when asked

    return LeanMinHash(seed=seed, hashvalues=np.asarray(signature, dtype=_U32), scheme="affine32")
