"""Private helpers of the repeats step: paragraph keys, their shingles, signatures and bands.

Everything here works on the *normalised key* of a paragraph: the text case-folded, with every run
of characters that are not letters, marks or digits folded into one space. Two paragraphs that
differ only in case, white space or punctuation have the same key. The tables behind keys, the
hash and the MinHash maths are :mod:`cleanseed.corpus.hashing`'s, shared with corpus dedup; why
keys are not the corpus's word tokens is said there.

The MinHash signatures are datasketch's ``affine32`` scheme computed for many paragraphs at once:
each shingle's 32-bit hash is pre-mixed with the MurmurHash3 finalizer and sent through the
permutations ``a * h + b mod 2**32`` of a :class:`datasketch.MinHash`, so a row of the signature
matrix is exactly the ``hashvalues`` of a datasketch ``MinHash`` fed the same shingle hashes.
Shingle hashes are polynomial hashes of the shingle's characters, so a paragraph's signature
depends on its own text only: never on the rest of the document, the process or the run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal, NamedTuple

import numpy as np

from cleanseed.corpus.hashing import (
    BASE,
    BASE_INV,
    SPACELESS,
    choose_banding,
    fmix32,
    key_char,
    key_kind,
    key_tables,
    permutations,
    powers,
    prefix_sums,
    substring_hashes,
)

Mode = Literal["char", "word"]
#: What to shingle: ``(mode, size, select)``, *select* a boolean array over the keys.
Plan = Sequence[tuple[Mode, int, np.ndarray]]

_SPACELESS_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in SPACELESS)
# One spaceless character, or a run of anything but a space or a spaceless character. The
# pattern has no nested quantifier, so it runs in linear time.
_TOKEN = re.compile(f"[{_SPACELESS_CLASS}]|[^ {_SPACELESS_CLASS}]+")
_SPACELESS_CHAR = re.compile(f"[{_SPACELESS_CLASS}]")
_DIGITS = re.compile(r"\d+")
# A Latin-1 byte to itself for a digit, to a space for anything else.
_LATIN1_DIGITS = bytes(i if 48 <= i <= 57 else 32 for i in range(256))

_U32, _U64 = np.uint32, np.uint64
# Characters per piece of line_keys().
_CHUNK = 1 << 20
# Shingle hashes per block of signatures(): a block's permuted matrix is num_perm times this.
_BLOCK = 1 << 16


# Paragraph keys: the repeats definition of a word character (see cleanseed.corpus.hashing).
_KEY_BMP, _KIND_BMP = key_tables()
_KEY_BMP16 = _KEY_BMP.astype("<u2")  # every BMP character's key character is in the BMP
_KEY_BMP16.flags.writeable = False



def _lookup(cps: np.ndarray, top: int, table: np.ndarray, fn: Callable[[int], int]) -> np.ndarray:
    """Map code points *cps* (the largest of them *top*) through a BMP *table*, and through
    *fn* beyond it."""
    out: np.ndarray = table.take(cps, mode="clip")
    if top > 0xFFFF:
        # Rare (emoji, rare ideographs): worked out one distinct character at a time.
        astral = np.flatnonzero(cps > 0xFFFF)
        values, where = np.unique(cps[astral], return_inverse=True)
        out[astral] = np.array([fn(int(c)) for c in values], dtype=table.dtype)[where]
    return out


def line_keys(text: str) -> list[str]:
    """Return the normalised key of every ``\\n``-separated line of *text*.

    >>> line_keys("Hello,  WORLD!\\n--\\nStraẞe 5")
    ['hello world', '', 'straße 5']
    """
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(text):  # no character beyond the BMP: work on UTF-16 code units
        units = np.frombuffer(data, dtype="<u2")
        pieces = _key_pieces(units, lambda cps: (_KEY_BMP16.take(cps), "utf-16-le"))
    else:
        units = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        pieces = _key_pieces(units, _wide_keys)
    return [key.rstrip(" ") for key in "".join(pieces).split("\n")]


def _wide_keys(cps: np.ndarray) -> tuple[np.ndarray, str]:
    """The key characters of code points *cps*, some maybe beyond the BMP, and their codec."""
    top = int(np.maximum.reduce(cps))
    mapped = _lookup(cps, top, _KEY_BMP, key_char)
    # Simple case folding keeps a character in its plane: a piece without a character beyond
    # the BMP is decoded as UTF-16, quicker than UTF-32.
    if top < 0x10000:
        return mapped.astype("<u2"), "utf-16-le"
    return mapped.astype("<u4", copy=False), "utf-32-le"


def _key_pieces(units: np.ndarray,
                mapping: Callable[[np.ndarray], tuple[np.ndarray, str]]) -> list[str]:
    """The keys of the lines of the characters *units*, joined by newlines, in pieces.

    Pieces of at most ``_CHUNK`` characters keep the arrays small on a huge text: the temporary
    arrays of one numpy operation on tens of megabytes cost more than their size.
    """
    pieces = []
    before = 10  # what came before the piece: a line starts the text
    for head in range(0, len(units), _CHUNK):
        mapped, codec = mapping(units[head : head + _CHUNK])
        # A run of spaces shrinks to its first; a space at the start of a line goes. Mapped,
        # a character is a newline (10), a space (32) or a word character (above 32).
        keep = mapped != 32
        keep[0] |= before > 32
        keep[1:] |= mapped[:-1] > 32
        before = int(mapped[-1])
        pieces.append(mapped[keep].tobytes().decode(codec))
    return pieces


def numbers(key: str) -> tuple[str, ...]:
    """Return the runs of digits in *key*: list items and table rows differ by them.

    >>> numbers("step 12 add 2 eggs")
    ('12', '2')
    """
    try:
        # Latin-1 (ASCII included) has no decimal digits but 0-9, so the bytes of a key in it
        # can be searched with bytes.translate: several times quicker than a regex
        data = key.encode("latin-1")
    except UnicodeEncodeError:
        return tuple(_DIGITS.findall(key))
    return tuple(data.translate(_LATIN1_DIGITS).decode("ascii").split())


def words(key: str) -> list[str]:
    """Return the words of *key*; in scripts written without spaces each character is a word.

    >>> words("tokyo 東京大学 2024")
    ['tokyo', '東', '京', '大', '学', '2024']
    """
    # Keys are runs of word characters between single spaces, so split() is the fast path.
    return _TOKEN.findall(key) if has_spaceless(key) else key.split()


def has_spaceless(text: str) -> bool:
    """Return whether *text* has a character of a script written without spaces.

    >>> has_spaceless("Tokyo"), has_spaceless("東京")
    (False, True)
    """
    return not text.isascii() and _SPACELESS_CHAR.search(text) is not None


def shingle_set(key: str, mode: Mode, size: int) -> set[str]:
    """Return the exact shingles of *key*: *size*-character substrings, or runs of *size* words.

    A key shorter than one shingle is its own single shingle.

    >>> sorted(shingle_set("a b c d", "word", 3))
    ['a b c', 'b c d']
    >>> sorted(shingle_set("東京大学", "word", 3))
    ['京大学', '東京大']
    """
    if mode == "char":
        return {key[i : i + size] for i in range(max(len(key) - size, 0) + 1)}
    spans = [m.span() for m in _TOKEN.finditer(key)]
    if len(spans) <= size:
        return {key}
    return {key[spans[i][0] : spans[i + size - 1][1]] for i in range(len(spans) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Return the exact Jaccard similarity of two sets (1.0 for two empty sets).

    >>> jaccard({"a", "b"}, {"b", "c"})
    0.3333333333333333
    """
    common = len(a & b)
    union = len(a) + len(b) - common  # without building the union
    return common / union if union else 1.0


class MinHasher(NamedTuple):
    """datasketch's ``affine32`` permutations ``[a, b]`` that the LSH bands use, and the rows
    per band."""

    perms: np.ndarray
    rows: int


def minhasher(num_perm: int, seed: int, threshold: float) -> MinHasher:
    """Return the permutations and banding for signatures of *num_perm* at *threshold*; a single
    band of every row is allowed (a threshold close to 1 needs no more). The permutations past
    the last whole band (2 of 32 at the defaults) would fill no band: they are left out, and a
    signature is the first ``bands * rows`` values of datasketch's."""
    bands, rows = choose_banding(threshold, num_perm, max_rows=num_perm)
    perms = permutations(num_perm, seed)[:, : bands * rows].copy()
    perms.flags.writeable = False
    return MinHasher(perms, rows)


# Powers of the hash base and of its inverse, for keys up to this many characters in total.
_POW_LEN = (1 << 16) + 1
_POW = powers(BASE, _POW_LEN)
_POW_INV = powers(BASE_INV, _POW_LEN)
_POW.flags.writeable = False
_POW_INV.flags.writeable = False


def _pow(table: np.ndarray, base: int, n: int) -> np.ndarray:
    return table[:n] if n <= len(table) else powers(base, n)


def _ragged_starts(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])``, without the loop."""
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    out: np.ndarray = np.arange(int(counts.sum()), dtype=np.int64) - offsets
    out += np.repeat(starts, counts)
    return out


class _Encoded(NamedTuple):
    """Keys joined by newlines, as code points, with where each key starts, and the prefix sums
    ``prefix[i] = sum(cps[k] * B**k for k < i)`` that give any substring's polynomial hash."""

    cps: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray
    prefix: np.ndarray


def _encode(keys: Sequence[str]) -> _Encoded:
    cps = np.frombuffer("\n".join(keys).encode("utf-32-le"), dtype="<u4").astype(_U64)
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=len(keys))
    prefix = prefix_sums(cps, _pow(_POW, BASE, len(cps)))
    return _Encoded(cps, np.cumsum(lengths + 1) - lengths - 1, lengths, prefix)


def _substring_hashes(enc: _Encoded, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Polynomial hashes of ``cps[first:last]``, the same wherever the substring sits."""
    return substring_hashes(enc.prefix, first, last, _pow(_POW_INV, BASE_INV, len(enc.prefix)))


def _char_hashes(enc: _Encoded, size: int, select: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    counts = np.where(select, np.maximum(enc.lengths - size + 1, 0), 0)
    first = _ragged_starts(enc.starts, counts)
    return _substring_hashes(enc, first, first + size), counts


def _token_bounds(cps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the tokens that :data:`_TOKEN` finds, for all keys at once."""
    sep = (cps == 32) | (cps == 10)
    top = int(cps.max())
    if top < SPACELESS[0][0]:
        # Keys are runs of word characters between single spaces: a token ends at each
        # separator and the next one starts right after it.
        cuts = np.flatnonzero(sep)
        return np.concatenate(([0], cuts + 1)), np.concatenate((cuts, [len(cps)]))
    spaceless = _lookup(cps, top, _KIND_BMP, key_kind) == 2
    cut = sep | spaceless
    before = np.ones(len(cps), dtype=bool)
    before[1:] = cut[:-1]
    after = np.ones(len(cps), dtype=bool)
    after[:-1] = cut[1:]
    starts = np.flatnonzero(~sep & (before | spaceless))
    ends = np.flatnonzero(~sep & (after | spaceless)) + 1
    return starts, ends


def _word_hashes(enc: _Encoded, size: int, select: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    starts, ends = _token_bounds(enc.cps)
    owner = np.searchsorted(enc.starts, starts, side="right") - 1
    windows = max(len(starts) - size + 1, 0)
    # A shingle runs from the start of one token to the end of the token size - 1 later, in
    # the same key: the substring it hashes is the one shingle_set() builds.
    head = owner[:windows]
    whole = (head == owner[size - 1 : size - 1 + windows]) & select[head]
    first, last = starts[:windows][whole], ends[size - 1 : size - 1 + windows][whole]
    return _substring_hashes(enc, first, last), np.bincount(head[whole], minlength=len(select))


def full_hashes(keys: Sequence[str], plan: Plan) -> tuple[np.ndarray, np.ndarray]:
    """Return the 64-bit hash of every shingle of *keys*, and how many each column has.

    *plan* lists ``(mode, size, select)``: shingle the keys that the boolean array *select*
    picks, in *mode* with *size*. There is one column per plan entry and key: column ``c``
    holds the shingles of key ``c % len(keys)`` by plan entry ``c // len(keys)`` (none for keys
    not selected or too short for one shingle). Hashes come out grouped by column, in order.
    """
    enc = _encode(keys)
    parts = [(_char_hashes if mode == "char" else _word_hashes)(enc, size, select)
             for mode, size, select in plan]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def shingle_hashes(keys: Sequence[str], plan: Plan) -> tuple[np.ndarray, np.ndarray]:
    """Like :func:`full_hashes`, folded to the 32 bits datasketch's ``affine32`` scheme takes."""
    full, counts = full_hashes(keys, plan)
    full ^= full >> _U64(32)
    return full.astype(_U32), counts


def signatures(hashes: np.ndarray, counts: np.ndarray, perms: np.ndarray) -> np.ndarray:
    """Return the MinHash signature of each column that has shingles, one row per column.

    Row ``j`` equals the ``hashvalues`` of ``MinHash(scheme="affine32", permutations=perms)``
    updated with the hashes of the ``j``-th column whose count is not zero. Columns are worked
    on in blocks of about ``_BLOCK`` hashes, so memory stays small on a page of many lines.

    :func:`cleanseed.corpus.minhash.signatures_from_shingles` gives the same rows; it streams a
    corpus in fixed blocks, and on a page's few hundred short columns it is 1.5 times slower
    without numba than this one reduction over whole columns.
    """
    mixed = fmix32(hashes)  # datasketch's affine32 mixing, as the corpus signatures do
    columns = np.flatnonzero(counts)
    ends = np.cumsum(counts)[columns]
    starts = ends - counts[columns]
    out = np.empty((len(columns), perms.shape[1]), dtype=perms.dtype)
    done = 0
    while done < len(columns):
        low = int(starts[done])
        stop = max(int(np.searchsorted(ends, low + _BLOCK, side="right")), done + 1)
        permuted = np.multiply.outer(perms[0], mixed[low : int(ends[stop - 1])])
        permuted += perms[1][:, None]
        out[done:stop] = np.minimum.reduceat(permuted, starts[done:stop] - low, axis=1).T
        done = stop
    return out


def band_buckets(sig: np.ndarray, rows: int) -> list[tuple[int, ...]]:
    """Return the groups of rows of *sig* that agree on a whole band, each in ascending order.

    Every pair of rows that shares a band shares a group; a group found in several bands is
    listed once. The work is linear in the number of rows, however many of them collide.
    """
    count, num_perm = sig.shape
    bands = num_perm // rows
    # Rows of a band are folded into one 64-bit key; two bands that differ may collide, which
    # only adds a candidate. Band-major layout keeps every step on contiguous memory; the rows
    # are added one at a time, quicker than a sum over an axis on the small arrays of a page.
    cube = sig.T[: bands * rows].reshape(bands, rows, count).astype(_U64)
    mult = _ROW_MULT[:rows] if rows <= len(_ROW_MULT) else _row_multipliers(rows)
    keys = cube[:, 0] * mult[0]
    for row in range(1, rows):
        keys += cube[:, row] * mult[row]
    # One sort of every band at once (equal keys keep their rows in ascending order); the runs
    # of equal keys are then found in all bands together, in a few steps however many collide.
    order = np.argsort(keys, axis=1, kind="stable")
    ranked = keys[np.arange(bands)[:, None], order]
    starts = np.ones((bands, count), dtype=bool)  # where a run of equal keys starts
    np.not_equal(ranked[:, 1:], ranked[:, :-1], out=starts[:, 1:])
    heads = np.flatnonzero(starts)
    sizes = np.append(heads[1:], starts.size) - heads
    shared = np.flatnonzero(sizes > 1)
    if not len(shared):
        return []  # on most pages no band holds a collision
    flat = order.ravel().tolist()
    runs = zip(heads[shared].tolist(), sizes[shared].tolist(), strict=True)
    # A group found in several bands is listed once, in the order first found.
    return list(dict.fromkeys(tuple(flat[head : head + size]) for head, size in runs))


def _row_multipliers(count: int) -> np.ndarray:
    out = np.arange(1, count + 1, dtype=_U64) * _U64(BASE) | _U64(1)
    out.flags.writeable = False
    return out


# Odd multipliers that fold the rows of a band into one key; bands of up to 64 rows.
_ROW_MULT = _row_multipliers(64)
