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
one ``str.encode`` per batch (one ``bytes.translate`` folds text that is all Latin-1), then
the numpy kernels of :mod:`cleanseed.corpus._sketch`: tokens hashed eight bytes at a time, the
permutation step laid out as ``(permutations, shingles)`` in reused buffers. With numba
installed (optional), :mod:`cleanseed.corpus._sketch_numba` runs the same computation as
compiled loops, about three times as fast; both give identical results.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import numpy as np

from cleanseed import _validate
from cleanseed.corpus import _sketch
from cleanseed.corpus.hashing import (
    BASE,
    EMPTY,
    SPACELESS,
    permutations,
    powers,
    token_tables,
)
from cleanseed.errors import check_many, check_text

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

T = TypeVar("T")
_MAX_BATCH_CHARS = 1 << 19  # a batch's characters (a few hundred documents); a longer document
# is a batch of its own


# Word tokens: the corpus definition of a word character (see cleanseed.corpus.hashing).
_FOLD, _SPACELESS_BMP = token_tables()
_TABLES = _sketch.Tables(_FOLD, _SPACELESS_BMP, SPACELESS[-1], BASE, _sketch.latin1_table(_FOLD))
_LATIN1_FOLD = np.frombuffer(_TABLES.latin1, dtype=np.uint8)  # the same table, for numba
_TOKEN_POWERS = powers(BASE, 1024)  # B**k for the first 1,024 places of a token, for numba
_TOKEN_POWERS.flags.writeable = False


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


@functools.cache  # a fresh read-only array per ngram; results never depend on the cache
def _ngram_multipliers(ngram: int) -> np.ndarray:
    """Fixed odd multipliers, one per position in the n-gram (SplitMix64 of the position)."""
    out = []
    for k in range(1, ngram + 1):
        z = (k * 0x9E3779B97F4A7C15) & ((1 << 64) - 1)
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & ((1 << 64) - 1)
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & ((1 << 64) - 1)
        out.append((z ^ (z >> 31)) | 1)
    table = np.array(out, dtype=_U64)
    table.flags.writeable = False
    return table


@functools.cache  # compiled code only, never data: results never depend on earlier calls
def _numba_kernels() -> ModuleType | None:
    """The optional fast path, with numba: shingles and signatures (one pass each), and for
    :mod:`cleanseed.corpus.neardup` the intersections of sorted sets (merges, not sorts)."""
    try:
        from cleanseed.corpus import _sketch_numba
    except ImportError:
        return None
    return _sketch_numba


class _Workspace:
    """Buffers reused from batch to batch of one call (fresh large allocations cost page faults
    as dear as the arithmetic). ``kernels`` is the numba fast path when numba is installed
    (``fast=False``: numpy only)."""

    def __init__(self, *, fast: bool = True) -> None:
        self.kernels = _numba_kernels() if fast else None
        self.signature_buffer = _sketch.SignatureBuffer()
        self.hashes = np.empty(0, dtype=_U32)
        self.tokens = np.empty(0, dtype=_U64)
        self.ends = np.empty(0, dtype=np.int64)

    def grow(self, size: int) -> None:
        """Make room for the shingles and tokens of a batch of *size* characters (a token of
        Latin-1 text has a separator after it: at most half as many ends)."""
        if len(self.hashes) < size:
            size = max(size, 2 * len(self.hashes))
            self.hashes = np.empty(size, dtype=_U32)
            self.tokens = np.empty(size, dtype=_U64)
            self.ends = np.empty(size // 2 + 2, dtype=np.int64)


def _compiled_shingles(texts: Sequence[str], mult: np.ndarray, kernels: ModuleType,
                       work: _Workspace) -> Shingles:
    text, starts = _sketch.joined(texts)
    work.grow(len(text))
    counts = np.empty(len(texts), dtype=np.int64)
    codes = _sketch.latin1_or_spaces(text, _FOLD)
    if codes is not None and codes.dtype == np.uint8:  # folded as the kernel reads it
        if not kernels.shingles_latin1(codes, _LATIN1_FOLD, starts, _TOKEN_POWERS, mult,
                                       work.hashes, counts, work.tokens, work.ends):
            kernels.shingles_latin1_exact(codes, _LATIN1_FOLD, starts, mult, work.hashes, counts,
                                          work.tokens)
    else:
        if codes is None:  # beyond the BMP: one code point a unit
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=_U32)
        kernels.shingles_wide(codes, starts, _FOLD, _SPACELESS_BMP, mult, work.hashes, counts,
                              work.tokens)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return Shingles(offsets, work.hashes[: offsets[-1]].copy())


def _shingle_batch(texts: Sequence[str], ngram: int, work: _Workspace) -> Shingles:
    mult = _ngram_multipliers(ngram)
    if work.kernels is not None:
        return _compiled_shingles(texts, mult, work.kernels, work)
    return Shingles(*_sketch.shingles(texts, _TABLES, mult))


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
    return batches((t if isinstance(t, str) else check_text(t, f"{where}: item {i}")
                    for i, t in enumerate(check_many(texts, where))), len)


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

    Every document's minimum is taken over its own shingles only, so the result does not
    depend on how documents are grouped into calls.
    """
    work = _work or _Workspace()
    if work.kernels is None:
        return _sketch.signatures(shingles.hashes, shingles.offsets, perms,
                                  work.signature_buffer)
    out = np.full((len(shingles), perms.shape[1]), EMPTY, dtype=_U32)
    work.kernels.signatures(shingles.hashes, shingles.offsets, perms[0].astype(_U32),
                            perms[1].astype(_U32), out)
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
