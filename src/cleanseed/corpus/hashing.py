"""The hashing core of cleanseed: what within-document repeats and corpus dedup both hash with.

Both stages hash text the same way: code points through a polynomial hash with base
:data:`BASE` modulo ``2**64`` (any substring's hash from prefix sums, :func:`prefix_sums` and
:func:`substring_hashes`, so it never depends on where the substring sits), mixed with the
MurmurHash3 finalizers (:func:`fmix64`, :func:`fmix32`), and MinHash signatures in datasketch's
``affine32`` scheme under the permutations ``datasketch.MinHash`` draws (:func:`permutations`),
banded for LSH by :func:`choose_banding`. Scripts written without spaces (:data:`SPACELESS`) have
each character count as a word in both.

**Two shingle definitions, kept apart on purpose.** What a "word character" is, and how case
is folded, differs between the stages, and both tables are built here, side by side:

- :func:`key_tables`, the *paragraph keys* of the repeats step: simple case folding
  (``str.casefold`` where it gives one character, so "STRAẞE" and "straße" meet); letters, marks
  and digits (categories ``L``, ``M``, ``N``) are word characters, everything else (``_``
  included) becomes a space. A key is a string: two paragraphs are exact repeats when their keys
  are equal, and near repeats are judged on character or word shingles of the keys.
- :func:`token_tables`, the *word tokens* of corpus dedup: the one-character lower case of
  ``str.lower``; ``\\w`` plus marks and connector punctuation are word characters, so
  ``snake_case`` is one token. Tokens are hashed straight from the text, never built as strings.

They are not merged because each is fixed by what depends on it: the corpus tokens make the
shingles stored in a saved :class:`~cleanseed.NearDupIndex` (its ``shingling`` tag) and the
signatures users keep beside datasketch's; the paragraph keys decide which paragraphs a page
repeats, and the seeds' golden outputs with them. Changing either changes results.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from cleanseed import _validate

__all__ = [
    "BASE",
    "BASE_INV",
    "EMPTY",
    "SPACELESS",
    "choose_banding",
    "fmix32",
    "fmix64",
    "fmix64_high_inplace",
    "fmix64_inplace",
    "key_char",
    "key_kind",
    "key_tables",
    "permutations",
    "powers",
    "prefix_sums",
    "substring_hashes",
    "token_tables",
]

_U32, _U64 = np.uint32, np.uint64
_BMP = 0x10000

#: Scripts written without spaces between words: each of their characters is a word of its own.
SPACELESS = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3134F),  # CJK extensions B to G
)
#: Base of the polynomial hash: odd, so it has an inverse modulo 2**64.
BASE = 0x9E3779B97F4A7C15
BASE_INV = pow(BASE, -1, 1 << 64)
#: datasketch's "no shingle seen" value of a signature slot.
EMPTY = np.uint32(0xFFFFFFFF)
_FMIX64 = (_U64(33), _U64(0xFF51AFD7ED558CCD), _U64(0xC4CEB9FE1A85EC53))
_FMIX32 = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35))


def fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer, element-wise (a new array)."""
    shift, m1, m2 = _FMIX64
    h = h ^ (h >> shift)
    h *= m1
    h ^= h >> shift
    h *= m2
    h ^= h >> shift
    return h


def fmix64_inplace(h: np.ndarray) -> np.ndarray:
    """:func:`fmix64` of a ``uint64`` array, computed in place (no copies of a large batch);
    returns *h*.

    >>> h = np.arange(1, 6, dtype=np.uint64) << np.uint64(40)
    >>> bool((fmix64_inplace(h.copy()) == fmix64(h)).all())
    True
    """
    tmp = np.empty_like(h)
    fmix64_high_inplace(h, tmp)
    np.right_shift(h, _FMIX64[0], out=tmp)
    h ^= tmp
    return h


def fmix64_high_inplace(h: np.ndarray, tmp: np.ndarray) -> None:
    """Make the top 32 bits of each ``uint64`` of *h* those of its :func:`fmix64`, in place
    (*tmp*: scratch of the same length): fmix64 but its last step, ``h ^= h >> 33``, which
    leaves the top 32 bits as they are (``h >> 33`` has 31 bits). The low bits differ.

    >>> h = np.arange(1, 6, dtype=np.uint64) << np.uint64(40)
    >>> top = fmix64(h) >> np.uint64(32)
    >>> fmix64_high_inplace(h, np.empty_like(h))
    >>> bool(((h >> np.uint64(32)) == top).all())
    True
    """
    shift, m1, m2 = _FMIX64
    for m in (m1, m2):
        np.right_shift(h, shift, out=tmp)
        h ^= tmp
        h *= m


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, element-wise: datasketch's ``affine32`` pre-mixing."""
    s1, m1, s2, m2 = _FMIX32
    h = h ^ (h >> s1)
    h *= m1
    h ^= h >> s2
    h *= m2
    h ^= h >> s1
    return h


def powers(base: int, n: int) -> np.ndarray:
    """``base**j`` modulo 2**64 for ``j < n``, as ``uint64``.

    >>> int(powers(BASE, 3)[2]) * int(powers(BASE_INV, 3)[2]) % 2**64
    1
    """
    out = np.full(n, base, dtype=_U64)
    out[:1] = 1
    return np.cumprod(out, dtype=_U64)  # wraps modulo 2**64, as intended


def prefix_sums(codes: np.ndarray, up: np.ndarray) -> np.ndarray:
    """``prefix[i] = sum(codes[k] * BASE**k for k < i)`` modulo 2**64; *up* holds the powers."""
    prefix = np.empty(len(codes) + 1, dtype=_U64)
    prefix[0] = 0
    np.multiply(codes, up[: len(codes)], out=prefix[1:])
    np.cumsum(prefix[1:], out=prefix[1:])
    return prefix


def substring_hashes(prefix: np.ndarray, first: np.ndarray, last: np.ndarray,
                     down: np.ndarray) -> np.ndarray:
    """Polynomial hashes of ``codes[first:last]``, the same wherever the substring sits; *down*
    holds the powers of :data:`BASE_INV`."""
    out: np.ndarray = (prefix[last] - prefix[first]) * down[first]
    return out


def permutations(num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """Return the ``(2, num_perm)`` permutation parameters ``datasketch.MinHash`` draws (affine32).

    >>> from datasketch import MinHash
    >>> bool((permutations(16, 7) == MinHash(16, seed=7).permutations).all())
    True
    """
    _validate.integer("num_perm", num_perm, low=1, high=1 << 16)
    _validate.integer("seed", seed, low=0, high=(1 << 32) - 1)
    # the same draws, in the same order, as datasketch.MinHash._init_permutations (affine32)
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return np.array([a, b])


def choose_banding(threshold: float, num_perm: int, *, recall: float = 0.995,
                   max_rows: int | None = None) -> tuple[int, int]:
    """Return ``(bands, rows)``: the fewest candidates that still find a pair at *threshold*.

    A pair of Jaccard ``J`` shares at least one band with probability ``1 - (1 - J**rows)**bands``.
    The rows are the largest number up to *max_rows* (default ``num_perm // 2``: two bands at
    least) for which that is at least *recall* at ``J = threshold`` (more at higher ``J``), with
    as many bands as ``num_perm`` holds. More rows per band means fewer false candidates; fewer
    rows, fewer misses; candidates are verified exactly afterwards, so misses cost more.

    >>> choose_banding(0.8, 128)
    (21, 6)
    >>> choose_banding(0.8, 64, max_rows=64)
    (16, 4)
    """
    top = num_perm // 2 if max_rows is None else max_rows
    for rows in range(top, 0, -1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold**rows) ** bands >= recall:
            return bands, rows
    return num_perm, 1


# --- The two definitions of a word character, side by side (see the module docstring) -------


def _fold_one(char: str) -> str:
    for folded in (char.casefold(), char.lower()):
        if len(folded) == 1:
            return folded
    return char


def key_kind(cp: int) -> int:
    """Paragraph keys: 0 for a character that is not part of a word, 1 for a letter, mark or
    digit, 2 for one of a script written without spaces.

    >>> key_kind(ord("a")), key_kind(ord("_")), key_kind(ord("東"))
    (1, 0, 2)
    """
    if unicodedata.category(chr(cp))[0] not in "LMN":
        return 0
    return 2 if any(lo <= cp <= hi for lo, hi in SPACELESS) else 1


def key_char(cp: int) -> int:
    """Paragraph keys: what a character becomes, its simple case folding, a space or a newline.

    Simple folding maps one character to one ("ß" stays "ß"), so keys can be built on arrays.

    >>> chr(key_char(ord("ẞ"))), chr(key_char(ord("!")))
    ('ß', ' ')
    """
    if cp == 10:
        return 10
    return ord(_fold_one(chr(cp))) if key_kind(cp) else 32


def key_tables() -> tuple[np.ndarray, np.ndarray]:
    """Paragraph keys: :func:`key_char` and :func:`key_kind` of every BMP code point, read-only."""
    chars = list(map(chr, range(_BMP)))
    words = (cat[0] in "LMN" for cat in map(unicodedata.category, chars))
    kind = np.fromiter(words, dtype=np.uint8, count=len(chars))
    for lo, hi in SPACELESS:
        kind[lo : hi + 1] *= 2
    key = np.arange(len(chars), dtype=np.uint32)
    for i, (char, folded) in enumerate(zip(chars, map(str.casefold, chars), strict=True)):
        if folded != char:
            key[i] = ord(_fold_one(char))
    key[kind == 0] = 32
    key[10] = 10
    key.flags.writeable = False
    kind.flags.writeable = False
    return key, kind


_CONNECTORS = "\u203f\u2040\u2054\ufe33\ufe34\ufe4d\ufe4e\ufe4f\uff3f"  # Pc besides "_"


def token_tables() -> tuple[np.ndarray, np.ndarray]:
    """Word tokens: per BMP code point, its lower case if it is a word character (else 0), and
    whether it belongs to a spaceless script; the extra last entry stands for every astral code
    point (read-only)."""
    codes = np.arange(_BMP, dtype=np.uint32)
    codes[0xD800:0xE000] = 0x20  # lone surrogates: separators
    codes[0x130] = 0x69  # the one BMP letter whose lower case is two characters (U+0130)
    text = codes.tobytes().decode("utf-32-le")
    word = np.zeros(_BMP + 1, dtype=bool)
    for m in re.finditer(r"\w+", text):  # letters, digits and "_" (str.isalnum)
        word[m.start() : m.end()] = True
    for c in np.flatnonzero(~word[:_BMP]).tolist():
        word[c] = unicodedata.category(text[c])[0] in "MN" or text[c] in _CONNECTORS
    fold = np.zeros(_BMP + 1, dtype=np.uint32)
    fold[:_BMP] = np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32)
    fold[_BMP] = _BMP  # an astral code point is restored from the text itself
    fold[~word] = 0
    spaceless = np.zeros(_BMP + 1, dtype=bool)
    for lo, hi in SPACELESS:
        spaceless[lo : min(hi, _BMP - 1) + 1] = True
    spaceless &= word
    fold.flags.writeable = False
    spaceless.flags.writeable = False
    return fold, spaceless
