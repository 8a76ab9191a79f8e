"""The compiled kernels of the MinHash step (optional: imported only when numba is installed).

They compute what :mod:`cleanseed.corpus._sketch` computes with numpy, as loops: one pass over
the characters of a batch (tokens hashed as they are read; for Latin-1 text without a branch
per character), one over its tokens (n-grams combined document by document) and one over its
shingles (every permutation of a shingle in the inner loop, which the compiler vectorises).
Functions are module-level and call only each other, so that numba's on-disk cache serves them
from the second run on.
"""

from __future__ import annotations

import numpy as np
from numba import njit, uint32, uint64

__all__ = [
    "intersections",
    "shingles_latin1",
    "shingles_latin1_exact",
    "shingles_wide",
    "signatures",
]

_BASE = 0x9E3779B97F4A7C15  # the token hash's B, as in cleanseed.corpus.minhash


@njit(cache=True, nogil=True, inline="always")
def _fmix64(x):  # type: ignore[no-untyped-def]
    x ^= x >> uint64(33)
    x *= uint64(0xFF51AFD7ED558CCD)
    x ^= x >> uint64(33)
    x *= uint64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> uint64(33))


@njit(cache=True, nogil=True, inline="always")
def _ngrams(toks, t, mult, out, pos):  # type: ignore[no-untyped-def]
    """Write the n-gram hashes of the *t* token hashes in *toks* at ``out[pos:]``; return how
    many (a document shorter than one n-gram has one of all its tokens, an empty one none)."""
    n = mult.shape[0]
    windows = t - n + 1 if t >= n else min(t, 1)
    for i in range(windows):
        x = uint64(0)
        for k in range(min(n, t - i)):
            x += toks[i + k] * mult[k]
        out[pos + i] = uint32(_fmix64(x) >> uint64(32))
    return windows


@njit(cache=True, nogil=True)
def _latin1_tokens(raw, fold, end, powers, toks, ends):  # type: ignore[no-untyped-def]
    """Write ``sum(c_j * B**j)`` of each token of ``raw[:end]`` (Latin-1 bytes folded through
    *fold*, 0 a separator) to *toks* and the separator after it to *ends*; return how many, and
    whether a token ran past the *powers* table (its sums are then wrong). Branch-free per
    character: each one adds ``c * B**k`` at its place k in the token (a separator adds 0 and
    sets k back to 0) and the running sum is stored at ``toks[t]``, t moving on as a token
    ends: the processor never has to guess where a word ends."""
    t, k, prev, over = 0, 0, 0, 0
    h = uint64(0)
    last = powers.shape[0] - 1  # the table's size is a power of two
    for j in range(end):
        c = fold[raw[j]]
        word = int(c != 0)
        h += uint64(c) * powers[k & last]
        toks[t] = h
        ends[t] = j
        t += prev & (1 - word)
        h &= uint64(0) - uint64(word)
        over |= k & ~last & -word  # a letter past the table's last place
        k = (k + 1) & -word
        prev = word
    return t, over != 0


@njit(cache=True, nogil=True)
def shingles_latin1(raw, fold, starts, powers, mult, out, counts, toks, ends):  # type: ignore[no-untyped-def]
    """Shingle hashes of a batch of Latin-1 bytes, each folded through *fold* as it is read
    (0: a separator), with ``powers[k] = B**k`` for the places in a token. Every document ends
    with a separator, so a token never runs past its document. Return False, having written
    nothing, if a token is longer than *powers*: :func:`shingles_latin1_exact` takes those."""
    docs = starts.shape[0] - 1
    t, over = _latin1_tokens(raw, fold, starts[docs], powers, toks, ends)
    if over:
        return False
    for i in range(t):
        toks[i] = _fmix64(toks[i])
    firsts = np.searchsorted(ends[:t], starts)  # each document's first token
    pos = 0
    for d in range(docs):
        counts[d] = _ngrams(toks[firsts[d]:], firsts[d + 1] - firsts[d], mult, out, pos)
        pos += counts[d]
    return True


@njit(cache=True, nogil=True)
def shingles_latin1_exact(raw, fold, starts, mult, out, counts, toks):  # type: ignore[no-untyped-def]
    """:func:`shingles_latin1` for tokens of any length: the power of B carried along each
    token, two characters a step."""
    pos = 0
    base, base2 = uint64(_BASE), uint64(_BASE) * uint64(_BASE)
    for d in range(starts.shape[0] - 1):
        t, j, end = 0, starts[d], starts[d + 1]
        while j < end:
            if fold[raw[j]] == 0:
                j += 1
                continue
            h, pw = uint64(0), uint64(1)
            while True:  # two characters a step: half as long a chain of multiplies
                c0, c1 = uint64(fold[raw[j]]), uint64(fold[raw[j + 1]])
                if c1 == 0:
                    h += c0 * pw
                    j += 1
                    break
                h += (c0 + c1 * base) * pw
                pw *= base2
                j += 2
                if fold[raw[j]] == 0:
                    break
            toks[t] = _fmix64(h)
            t += 1
        counts[d] = _ngrams(toks, t, mult, out, pos)
        pos += counts[d]


@njit(cache=True, nogil=True)
def shingles_wide(codes, starts, fold, alone, mult, out, counts, toks):  # type: ignore[no-untyped-def]
    """Shingle hashes of a batch of code points, through the fold and spaceless tables (the
    CJK extensions B to G, U+20000 to U+3134F, are the astral spaceless range)."""
    pos = 0
    base = uint64(_BASE)
    for d in range(starts.shape[0] - 1):
        t, h, pw, inside = 0, uint64(0), uint64(1), False
        for j in range(starts[d], starts[d + 1]):
            c = codes[j]
            if c < 0x10000:
                f, single = uint64(fold[c]), alone[c]
            else:
                f, single = uint64(c), 0x20000 <= c <= 0x3134F
            if inside and (f == 0 or single):
                toks[t], t, inside = _fmix64(h), t + 1, False
            if single:
                toks[t], t = _fmix64(f), t + 1
            elif f != 0:
                if not inside:
                    h, pw, inside = uint64(0), uint64(1), True
                h += f * pw
                pw *= base
        if inside:
            toks[t], t = _fmix64(h), t + 1
        counts[d] = _ngrams(toks, t, mult, out, pos)
        pos += counts[d]


@njit(cache=True, nogil=True, inline="always")
def _fmix32(h):  # type: ignore[no-untyped-def]
    h = uint32(h ^ (h >> uint32(16)))
    h = uint32(h * uint32(0x85EBCA6B))
    h = uint32(h ^ (h >> uint32(13)))
    h = uint32(h * uint32(0xC2B2AE35))
    return uint32(h ^ (h >> uint32(16)))


@njit(cache=True, nogil=True)
def signatures(hashes, offsets, a, b, out):  # type: ignore[no-untyped-def]
    """``out[d, k] = min(a[k] * fmix32(h) + b[k])`` over the shingles ``h`` of document d (out
    comes filled with the empty value). Four shingles share a pass over the permutations, so
    the row and the parameters are loaded once for four."""
    row = np.empty(a.shape[0], np.uint32)
    for d in range(offsets.shape[0] - 1):
        row[:] = out[d]
        s, end = offsets[d], offsets[d + 1]
        while s + 4 <= end:
            h0, h1 = _fmix32(uint32(hashes[s])), _fmix32(uint32(hashes[s + 1]))
            h2, h3 = _fmix32(uint32(hashes[s + 2])), _fmix32(uint32(hashes[s + 3]))
            for k in range(a.shape[0]):
                ak, bk = a[k], b[k]
                m = min(uint32(ak * h0 + bk), uint32(ak * h1 + bk))
                m = min(m, min(uint32(ak * h2 + bk), uint32(ak * h3 + bk)))
                row[k] = min(row[k], m)
            s += 4
        while s < end:
            h = _fmix32(uint32(hashes[s]))
            for k in range(a.shape[0]):
                row[k] = min(row[k], uint32(a[k] * h + b[k]))
            s += 1
        out[d] = row


@njit(cache=True, nogil=True)
def intersections(offsets, values, pairs, out):  # type: ignore[no-untyped-def]
    """``out[p]``: how many values the sorted sets of the two documents of ``pairs[p]`` share."""
    for p in range(pairs.shape[0]):
        i, j = offsets[pairs[p, 0]], offsets[pairs[p, 1]]
        i_end, j_end = offsets[pairs[p, 0] + 1], offsets[pairs[p, 1] + 1]
        common = 0
        while i < i_end and j < j_end:  # both sets sorted: one merge pass
            x, y = values[i], values[j]
            common += x == y
            i += x <= y
            j += y <= x
        out[p] = common
