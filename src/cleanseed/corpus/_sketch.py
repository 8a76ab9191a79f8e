"""The numpy kernels of the MinHash step: shingle hashes and signatures of a batch of documents.

They compute exactly what :mod:`cleanseed.corpus.minhash` defines (its docstring is the
definition), with every loop that runs once a character or once a permutation inside numpy:

* **Tokens.** A batch whose text is all Latin-1 (most web text in Latin scripts) is folded with
  one ``bytes.translate``; other text goes through the code-point tables. A token's hash
  ``sum(c_j * B**j)`` is then taken eight bytes at a time: one unaligned 64-bit read gives the
  token's first 8 bytes (8 Latin-1 characters, 4 UTF-16 units, 2 code points), masked to its
  length, and Horner's rule over the word shifted right by each character in turn sums
  them (:func:`_word_sums`: no character is taken out of the word on its own); longer tokens
  take another round from where they stopped. That replaces a prefix sum over every
  character (``cumsum`` of 64-bit integers is a serial loop, twice as slow measured). In
  Latin-1 text, where every token ends at a separator, only the starts are looked for (one
  pass less), a token is cut at its first zero byte (no lengths to gather), and the first 16
  bytes of each token are read at once (the gather costs about the same as 8: the second
  round reads nothing again).
* **N-grams.** ``ngram`` multiply-adds over the whole batch of token hashes at once; windows that
  would cross into the next document are masked out through the documents' ends.
* **Signatures.** Blocks laid out as ``(permutations, shingles)``: for every two
  permutations one multiply, one add and one ``minimum.reduceat`` over the whole batch's
  shingles, in a buffer reused from group to group (it stays in the L2 cache).

Nothing here depends on anything but its arguments, so results never depend on the batch.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from cleanseed.corpus.hashing import fmix32, fmix64_high_inplace, fmix64_inplace

_U8, _U16, _U32, _U64 = np.uint8, np.uint16, np.uint32, np.uint64
_M64 = (1 << 64) - 1


class Tables(NamedTuple):
    """What the kernels need of the shingle definition (built once by the caller).

    ``fold`` maps a BMP code point (and, as its last entry, every astral one) to its lower
    case, or to 0 for a separator; ``spaceless`` marks the BMP characters of scripts written
    without spaces; ``astral_spaceless`` is the range of astral code points that are too;
    ``base`` is the token hash's ``B``; ``latin1`` is :func:`latin1_table` of ``fold``.
    """

    fold: np.ndarray
    spaceless: np.ndarray
    astral_spaceless: tuple[int, int]
    base: int
    latin1: bytes


class _Folded(NamedTuple):
    """A batch's characters folded (0 for a separator), as 1, 2 or 4 bytes each, and the
    start and end of every token; ``ends`` is None when every token ends at a separator (text
    without spaceless scripts, as all Latin-1 text is)."""

    chars: np.ndarray
    starts: np.ndarray
    ends: np.ndarray | None


def _bounds(padded: np.ndarray, alone: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of word characters (*padded*: whether each character is one,
    with a False before the first and after the last); a spaceless character stands alone."""
    change = padded[1:] != padded[:-1]  # change[i]: char i - 1 and char i differ in kind
    if alone is None:
        cuts = np.flatnonzero(change)  # start, end, start, end, ...
        return cuts[0::2], cuts[1::2]
    single = np.zeros(len(padded), dtype=bool)
    single[1:-1] = alone
    change |= single[1:] | single[:-1]
    return (np.flatnonzero(padded[1:-1] & change[:-1]),
            np.flatnonzero(padded[1:-1] & change[1:]) + 1)


def latin1_table(fold: np.ndarray) -> bytes:
    """The ``bytes.translate`` table of the 256 Latin-1 code points: each one's fold (0 for a
    separator). Folding keeps a Latin-1 character in Latin-1."""
    low = fold[:256]
    if int(low.max()) > 255:  # pragma: no cover - true of Unicode's case mappings
        msg = "a Latin-1 character folds outside Latin-1"
        raise AssertionError(msg)
    return low.astype(_U8).tobytes()


def latin1_bytes(joined: str) -> bytes | None:
    """*joined* encoded as Latin-1, one byte a character, or None if it is not all Latin-1."""
    if joined.isascii():  # O(1) in CPython: a flag of the string
        return joined.encode("ascii")
    try:
        return joined.encode("latin-1")
    except UnicodeEncodeError:
        return None


def latin1_or_spaces(joined: str, fold: np.ndarray) -> np.ndarray | None:
    """*joined* as Latin-1 bytes (``uint8``) when every character beyond Latin-1 in it is a
    separator (a curly quote, a dash): each of those becomes a space, which tokens cannot tell
    from it. Otherwise its UTF-16 units (``uint16``) if it has no character beyond the BMP, or
    None (a word character beyond the BMP, a lone surrogate: the code-point path takes it)."""
    data = latin1_bytes(joined)
    if data is not None:
        return np.frombuffer(data, dtype=_U8)
    try:
        units = np.frombuffer(joined.encode("utf-16-le"), dtype=_U16)
    except UnicodeEncodeError:  # a lone surrogate
        return None
    where = np.flatnonzero(units > 0xFF)
    beyond = units[where]
    if ((beyond & 0xF800) == 0xD800).any():  # a pair of surrogates: a character beyond the BMP
        return None
    if fold.take(beyond).any():  # a letter beyond Latin-1: the units go to the code-point path
        return units
    chars = units.astype(_U8)
    chars[where] = 0x20
    return chars


def fold_latin1(joined: str, table: bytes) -> np.ndarray | None:
    """The folded characters of *joined* as bytes, or None if it is not all Latin-1."""
    data = latin1_bytes(joined)
    if data is None:
        return None
    return np.frombuffer(data.translate(table), dtype=_U8)


def _fold_latin1(joined: str, table: bytes) -> _Folded | None:
    """Fold *joined* with ``bytes.translate``, or return None if it is not all Latin-1."""
    chars = fold_latin1(joined, table)
    return None if chars is None else _folded_bytes(chars)


def _folded_bytes(chars: np.ndarray) -> _Folded:
    """The tokens of folded Latin-1 characters (0 for a separator): where each starts (it ends
    at the next separator)."""
    word = np.zeros(len(chars) + 1, dtype=bool)
    np.not_equal(chars, 0, out=word[1:])
    return _Folded(chars, np.flatnonzero(word[1:] > word[:-1]), None)


def _fold_wide(joined: str, tables: Tables, codes: np.ndarray | None = None) -> _Folded:
    """Fold *joined* through the code-point tables (any text); *codes*, if given, are its
    UTF-16 units, one a character (no character beyond the BMP)."""
    if codes is None:
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=_U32)
    folded = tables.fold.take(codes, mode="clip")  # clip: astral code points -> the last entry
    top = int(codes.max()) if len(codes) else 0
    lo, hi = tables.astral_spaceless
    alone = None
    if top >= 0x0E00:  # the first spaceless script starts there
        alone = tables.spaceless.take(codes, mode="clip")
        if top >= 0x10000:
            astral = codes >= 0x10000
            folded[astral] = codes[astral]
            alone[astral] = (codes[astral] >= lo) & (codes[astral] <= hi)
    word = np.zeros(len(folded) + 2, dtype=bool)
    np.not_equal(folded, 0, out=word[1:-1])
    starts, ends = _bounds(word, alone)
    if top < 0x10000:
        folded = folded.astype(_U16)
    return _Folded(folded, starts, ends)


class _Lanes(NamedTuple):
    """What the token hash needs for characters of one size (see :func:`_lanes`)."""

    masks: np.ndarray
    shifts: tuple[np.uint64, ...]
    base: np.uint64
    carry: np.uint64
    step: int


@functools.cache  # read-only tables per character size; results never depend on the cache
def _lanes(size: int, base: int) -> _Lanes:
    """For characters of *size* bytes: ``masks[k]``, the low k characters of a 64-bit word (the
    last entry all of it); ``shifts[k]``, the bits below the k-th character of a word;
    ``base`` and ``carry = base - 2**(8 * size)`` as ``uint64`` (what :func:`_word_sums`
    multiplies by); and ``step = base**(characters a word)``, the scale of a token's next word."""
    per_word, bits = 8 // size, 8 * size
    masks = np.array([(1 << (bits * k)) - 1 for k in range(per_word)] + [_M64], dtype=_U64)
    masks.flags.writeable = False
    return _Lanes(masks, tuple(_U64(bits * k) for k in range(per_word)), _U64(base),
                  _U64((base - (1 << bits)) & _M64), pow(base, per_word, 1 << 64))


def _word_sums(words: np.ndarray, lanes: _Lanes, tmp: np.ndarray) -> np.ndarray:
    """``sum(c_k * base**k)`` over the characters ``c_k`` of each (masked) 64-bit word (*tmp*:
    scratch as long). With ``u_k = word >> (bits * k)``, the word's characters from the k-th
    on, ``c_k = u_k - 2**bits * u_(k+1)``, so the sum is ``word + carry * sum(u_k *
    base**(k-1))`` over k >= 1, summed by Horner's rule: each character costs one shift, one
    multiply and one add, all in ``uint64`` (taking a character out of the word instead costs
    a mask as well, or an add from ``uint8`` that numpy runs through a buffer)."""
    shifts = lanes.shifts
    out: np.ndarray = np.right_shift(words, shifts[-1])
    for shift in shifts[-2:0:-1]:
        out *= lanes.base
        np.right_shift(words, shift, out=tmp)
        out += tmp
    out *= lanes.carry
    out += words
    return out


def _padded(chars: np.ndarray) -> np.ndarray:
    """The bytes of *chars*, ending with at least 16 zero bytes: joined() pads the text so; any
    other text is copied (a read of 16 bytes from a token's start stays inside)."""
    raw = chars.view(_U8)
    if len(raw) < 16 or raw[-16:].any():
        raw = np.concatenate([raw, np.zeros(16, dtype=_U8)])
    return raw


def token_hashes(folded: _Folded, base: int) -> np.ndarray:
    """``fmix64(sum(c_j * base**j))`` of every token, eight bytes of characters a round."""
    if folded.ends is None:
        return _separated_token_hashes(folded.chars, folded.starts, base)
    size = folded.chars.itemsize
    raw = _padded(folded.chars)
    windows = _windows(raw)
    lanes = _lanes(size, base)
    per_word = len(lanes.shifts)
    starts, lengths = folded.starts, folded.ends - folded.starts
    tmp = np.empty(len(starts), dtype=_U64)
    out = _word_sums(_masked(windows, starts * size if size > 1 else starts, lengths,
                             lanes.masks), lanes, tmp)
    which, scale = np.flatnonzero(lengths > per_word), lanes.step
    done = per_word
    while len(which):  # tokens longer than one word: the next word of each, at its scale
        pos, left = starts[which], lengths[which]
        pos += done
        left -= done
        part = _word_sums(_masked(windows, pos * size if size > 1 else pos, left, lanes.masks),
                          lanes, tmp[: len(which)])
        part *= _U64(scale)
        out[which] += part
        done += per_word
        which = which[left > per_word]
        scale = scale * lanes.step % (1 << 64)
    return fmix64_inplace(out)


_ONE = _U64(1)


def _before_first_zero(words: np.ndarray, tmp: np.ndarray) -> np.ndarray:
    """Cut each word (8 Latin-1 characters) to the characters before its first zero byte, in
    place (*tmp*: scratch as long); return the zero bytes' flags, a byte of 1 for each zero
    byte (0 for a word without one: its token goes on). The lowest flag ``f & -f`` is
    ``2**(8 * k)`` for the first zero byte k, and that minus 1 keeps the bytes below it; a word
    without a zero byte gives ``0 - 1``, all of it."""
    zero: np.ndarray = (words.view(_U8) == 0).view(_U64)
    np.negative(zero, out=tmp)
    tmp &= zero
    tmp -= _ONE
    words &= tmp
    return zero


def _separated_token_hashes(chars: np.ndarray, starts: np.ndarray, base: int) -> np.ndarray:
    """:func:`token_hashes` of Latin-1 tokens, each ending at the first zero byte: the 16 bytes
    from every start are read at once (a gather costs about the same for 8 bytes or 16), cut at
    their first zero byte, and only tokens longer than 8 characters take the second 8 (a
    third round and on read from the text again)."""
    raw = _padded(chars)
    pairs = np.ndarray((len(raw) - 15,), dtype="V16", buffer=raw, strides=(1,))
    both = pairs[starts].view("<u8")  # the first and second 8 bytes of each token, interleaved
    lanes = _lanes(1, base)
    words = both[0::2].copy()
    tmp = np.empty_like(words)
    going = _before_first_zero(words, tmp)
    out = _word_sums(words, lanes, tmp)
    which = np.flatnonzero(going == 0)
    words = both[1::2][which]  # the second 8 bytes of the tokens longer than 8, read already
    done, scale = 8, lanes.step
    while len(which):
        tmp = tmp[: len(which)]
        going = _before_first_zero(words, tmp)
        part = _word_sums(words, lanes, tmp)
        part *= _U64(scale)
        out[which] += part
        which = which[going == 0]
        done += 8
        scale = scale * lanes.step % (1 << 64)
        words = _windows(raw)[starts[which] + done]  # beyond 16 characters: rare, read again
    return fmix64_inplace(out)


def _windows(raw: np.ndarray) -> np.ndarray:
    """The 8 bytes from every byte of *raw* on, as one (unaligned) little-endian uint64."""
    return np.ndarray((len(raw) - 7,), dtype="<u8", buffer=raw, strides=(1,))


def _masked(windows: np.ndarray, pos: np.ndarray, left: np.ndarray,
            masks: np.ndarray) -> np.ndarray:
    """The words at byte offsets *pos*, cut to their first ``left`` characters (up to a word)."""
    window: np.ndarray = windows[pos]
    window &= masks.take(np.minimum(left, len(masks) - 1))
    return window


def ngram_hashes(tokens: np.ndarray, tok_offsets: np.ndarray,
                 mult: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Combine the token hashes of each document into n-gram hashes; return CSR offsets and
    the 32-bit hashes. A document with fewer tokens than one n-gram has one of all of them."""
    n, total = len(mult), len(tokens)
    counts = np.diff(tok_offsets)
    sums = np.zeros(total, dtype=_U64)
    full = max(total - n + 1, 0)
    np.multiply(tokens[:full], mult[0], out=sums[:full])
    tmp = np.empty(total, dtype=_U64)
    for k in range(1, n):
        np.multiply(tokens[k : k + full], mult[k], out=tmp[:full])
        sums[:full] += tmp[:full]
    keep = np.zeros(total, dtype=bool)
    keep[:full] = True
    # a window starting in the last n - 1 tokens of a document runs into the next one
    doc_start, doc_end = tok_offsets[:-1], tok_offsets[1:]
    tail = doc_end[:, None] - np.arange(1, n)[None, :]
    inside = tail >= doc_start[:, None]
    keep[tail[inside]] = False
    short = np.flatnonzero((counts > 0) & (counts < n))
    if len(short):
        heads = doc_start[short]
        pos = np.arange(n)
        mask = pos[None, :] < counts[short][:, None]
        window = tokens[np.minimum(heads[:, None] + pos[None, :], total - 1)] * mult[None, :]
        sums[heads] = np.where(mask, window, _U64(0)).sum(axis=1, dtype=_U64)
        keep[heads] = True
    per_doc = np.where(counts >= n, counts - n + 1, np.minimum(counts, 1))
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(per_doc, out=offsets[1:])
    fmix64_high_inplace(sums, tmp)
    if np.little_endian:  # the top 32 bits of each sum are its odd 32-bit half
        return offsets, sums.view(_U32)[1::2][keep]
    return offsets, (sums[keep] >> _U64(32)).astype(_U32)  # pragma: no cover - big-endian


def joined(texts: Sequence[str]) -> tuple[str, np.ndarray]:
    """The texts joined by newlines (a separator: no token spans two documents), and where
    each starts. Newlines follow the last: at least 17, up to a multiple of 8 characters, so
    that :func:`token_hashes` reads Latin-1 text as whole 64-bit words in place."""
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) + 1 for t in texts], out=starts[1:])
    end = int(starts[-1])
    return "\n".join([*texts, "\n" * (16 + (-(end + 16)) % 8)]), starts


def shingles(texts: Sequence[str], tables: Tables,
             mult: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return CSR ``(offsets, hashes)`` of the n-gram hashes of *texts*; *mult* holds the
    multipliers of the n positions."""
    text, doc_starts = joined(texts)
    folded = _fold_latin1(text, tables.latin1)
    if folded is None:
        codes = latin1_or_spaces(text, tables.fold)
        if codes is not None and codes.dtype == _U8:  # only separators beyond Latin-1
            chars = codes.tobytes().translate(tables.latin1)
            folded = _folded_bytes(np.frombuffer(chars, dtype=_U8))
        else:
            folded = _fold_wide(text, tables, codes)
    tokens = token_hashes(folded, tables.base)
    tok_offsets = np.searchsorted(folded.starts, doc_starts)
    return ngram_hashes(tokens, tok_offsets, mult)


class SignatureBuffer:
    """The buffer of :func:`signatures`, reused from batch to batch (fresh large allocations
    cost page faults as dear as the arithmetic)."""

    def __init__(self) -> None:
        self.data = np.empty(0, dtype=_U32)

    def take(self, rows: int, size: int) -> np.ndarray:
        if len(self.data) < rows * size:
            self.data = np.empty(max(rows * size, 2 * len(self.data)), dtype=_U32)
        return self.data[: rows * size].reshape(rows, size)


# Permutations computed together: two rows of a batch's shingles stay in the L2 cache (four
# measured 7% slower, one 3%), and numpy's per-call cost is paid once for the two.
_GROUP = 2


def signatures(hashes: np.ndarray, offsets: np.ndarray, perms: np.ndarray,
               buffer: SignatureBuffer | None = None) -> np.ndarray:
    """Return the ``(docs, num_perm)`` affine32 MinHash of each document's shingle hashes.

    The batch is laid out as ``(permutations, shingles)``, a few permutations at a time: a
    multiply, an add and a ``minimum.reduceat`` over all the batch's shingles per group.
    A document without shingles gets datasketch's empty value, ``2**32 - 1``, everywhere.
    """
    a, b = perms[0].astype(_U32), perms[1].astype(_U32)
    counts = np.diff(offsets)
    nonempty = np.flatnonzero(counts)
    out = np.full((len(counts), len(a)), 0xFFFFFFFF, dtype=_U32)
    if not len(nonempty):
        return out
    mixed = fmix32(hashes[offsets[0] : offsets[-1]])
    # empty documents between two others add no element: the segment of one ends at the next
    segments = offsets[nonempty] - offsets[0]
    mins = np.empty((len(a), len(nonempty)), dtype=_U32)
    buf = (buffer or SignatureBuffer()).take(_GROUP, len(mixed))
    for lo in range(0, len(a), _GROUP):
        hi = min(lo + _GROUP, len(a))
        tmp = buf[: hi - lo]
        np.multiply(mixed, a[lo:hi, None], out=tmp)
        np.add(tmp, b[lo:hi, None], out=tmp)
        np.minimum.reduceat(tmp, segments, axis=1, out=mins[lo:hi])
    out[nonempty] = mins.T
    return out
