"""A synthetic, labelled corpus for the dedup benchmarks: prose-like documents and near-duplicates.

Documents are sentences of pseudo-words drawn from a Zipf-distributed vocabulary, so word
frequencies look like prose and two unrelated documents share almost no 5-gram. A *cluster* is an
original document plus variants made by the edits scraped corpora show: words replaced, sentences
swapped, a header or footer added, the end cut off. Everything is drawn from one seeded generator,
so the same arguments always give the same corpus. Nothing is read from or sent to the network.

The true Jaccard of a pair is computed here, independently of cleanseed's hashing, over the sets
of word 5-gram *strings* (``\\w+`` tokens of the lower-cased text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import numpy as np

_SYLLABLES = (
    "ka", "ri", "to", "ne", "sa", "mi", "lo", "ve", "da", "ru", "pe", "shi", "an", "or", "el",
    "ul", "in", "at", "con", "ter", "pro", "ble", "ment", "ing", "ex", "tra", "sion", "ly", "ous",
    "al", "der", "ver", "gen", "com", "par", "stan", "dis", "bor", "wel", "fra", "mun", "ti", "ca",
    "ple",
)
_TOKEN = re.compile(r"\w+")
_ENDS = np.array([".", ".", ".", "?", "!"])


def vocabulary(size: int = 30000, seed: int = 0) -> list[str]:
    """Return *size* distinct pseudo-words of one to four syllables."""
    rng = np.random.default_rng(seed)
    words: dict[str, None] = {}
    while len(words) < size:
        n = rng.integers(1, 5, 4 * size)
        picks = rng.integers(0, len(_SYLLABLES), (4 * size, 4))
        for k, row in zip(n, picks, strict=True):
            words.setdefault("".join(_SYLLABLES[s] for s in row[:k]), None)
            if len(words) == size:
                break
    return list(words)


class Writer:
    """Draws sentences and documents of about a given size from a Zipf vocabulary."""

    def __init__(self, seed: int = 0, vocab_size: int = 30000) -> None:
        self.rng = np.random.default_rng(seed)
        self.vocab = vocabulary(vocab_size, seed)
        ranks = np.arange(1, vocab_size + 1, dtype=np.float64)
        self.cdf = np.cumsum(1.0 / ranks**1.05)
        self.cdf /= self.cdf[-1]
        self.pool: list[str] | None = None

    def words(self, n: int) -> list[str]:
        vocab = self.vocab
        return [vocab[i] for i in np.searchsorted(self.cdf, self.rng.random(n)).tolist()]

    def sentences(self, chars: int) -> list[str]:
        """Sentences totalling about *chars* characters."""
        n_words = max(1, chars // 7)
        words = self.words(n_words)
        lengths = self.rng.integers(6, 24, n_words // 6 + 2).tolist()
        ends = self.rng.choice(_ENDS, len(lengths)).tolist()
        out = []
        pos = 0
        for length, end in zip(lengths, ends, strict=True):
            if pos >= n_words:
                break
            out.append(" ".join(words[pos : pos + length]).capitalize() + end)
            pos += length
        return out

    def document(self, chars: int = 2000) -> list[str]:
        """A document as a list of sentences (paragraph breaks are added by :func:`render`)."""
        if self.pool is not None:
            picks = self.rng.integers(0, len(self.pool), max(1, chars // 95)).tolist()
            return [self.pool[i] for i in picks]
        return self.sentences(chars)

    def use_pool(self, size: int) -> None:
        """Draw documents from *size* pre-made sentences: much faster, for scale runs. Two
        documents then share a sentence now and then, as pages of one site do."""
        self.pool = self.sentences(95 * size)


def render(sentences: list[str]) -> str:
    """Join sentences into paragraphs of about four sentences each."""
    paras = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paras)


def shingle_set(text: str, n: int = 5) -> set[tuple[str, ...]]:
    """The word *n*-grams of *text* as tuples of strings (a whole short text is one shingle)."""
    tokens = _TOKEN.findall(text.lower())
    if 0 < len(tokens) < n:
        return {tuple(tokens)}
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


EDITS = ("replace", "swap", "header", "truncate", "mixed")


def variant(writer: Writer, sentences: list[str], edit: str, strength: float) -> list[str]:
    """A near-duplicate of *sentences*: *strength* in [0, 1] scales how much is changed."""
    rng = writer.rng
    out = list(sentences)
    if edit in ("replace", "mixed"):
        words = " ".join(out).split(" ")
        k = max(1, int(len(words) * strength * 0.12))
        spots = rng.choice(len(words), size=min(k, len(words)), replace=False).tolist()
        for i, word in zip(spots, writer.words(len(spots)), strict=True):
            words[i] = word
        out = [" ".join(words)]
    if edit in ("swap", "mixed") and len(out) > 1:
        for _ in range(max(1, int(len(out) * strength * 0.5))):
            i, j = rng.integers(0, len(out), 2)
            out[i], out[j] = out[j], out[i]
    if edit in ("header", "mixed"):
        extra = writer.document(int(80 + 1500 * strength))
        out = extra[: len(extra) // 2] + out + extra[len(extra) // 2 :]
    if edit == "truncate":
        keep = max(1, int(len(out) * (1 - 0.6 * strength)))
        out = out[:keep]
    return out


@dataclass(frozen=True)
class Corpus:
    """Documents in input order, and the cluster each one was generated in (-1: a singleton)."""

    ids: list[str]
    texts: list[str]
    cluster: np.ndarray


def _raw(writer: Writer, dup_fraction: float, doc_chars: int) -> Iterator[tuple[str, int]]:
    """Endless ``(text, cluster)`` in generation order: each original, then its variants."""
    rng = writer.rng
    # a cluster has two variants on average: this share of originals gets some
    p_cluster = dup_fraction / (2 * (1 - dup_fraction))
    c = 0
    while True:
        base = writer.document(int(doc_chars * rng.uniform(0.5, 1.5)))
        if rng.random() >= p_cluster:
            yield render(base), -1
            continue
        yield render(base), c
        for _ in range(int(rng.integers(1, 4))):
            edit = EDITS[int(rng.integers(0, len(EDITS)))]
            yield render(variant(writer, base, edit, float(rng.random()))), c
        c += 1


def generate(n_docs: int, *, dup_fraction: float = 0.3, doc_chars: int = 2000,
             seed: int = 0) -> Corpus:
    """A shuffled corpus of *n_docs* documents, about *dup_fraction* of them near-duplicates."""
    writer = Writer(seed)
    raw = list(islice(_raw(writer, dup_fraction, doc_chars), n_docs))
    order = writer.rng.permutation(n_docs)
    return Corpus([f"d{i}" for i in range(n_docs)], [raw[i][0] for i in order],
                  np.array([raw[i][1] for i in order], dtype=np.int64))


def stream(n_docs: int, *, dup_fraction: float = 0.3, doc_chars: int = 2000, seed: int = 0,
           pool: int = 2000, sentences: int = 0) -> Iterator[tuple[str, str, int]]:
    """``(id, text, cluster)`` generated lazily, shuffled within a pool of *pool* documents:
    for corpora too large to hold in memory. *sentences*: see :meth:`Writer.use_pool` (made
    before this returns, so that its memory is not counted as the consumer's)."""
    writer = Writer(seed)
    if sentences:
        writer.use_pool(sentences)
    source = _raw(writer, dup_fraction, doc_chars)
    held = list(islice(source, pool))

    def docs() -> Iterator[tuple[str, str, int]]:
        for i in range(n_docs):
            k = int(writer.rng.integers(0, len(held)))
            text, cluster = held[k]
            held[k] = next(source)
            yield f"d{i}", text, cluster

    return docs()


def iter_texts(n_docs: int, doc_chars: int = 2000, seed: int = 0) -> Iterator[str]:
    """Unrelated documents only, generated lazily: the input of the speed benchmarks."""
    writer = Writer(seed)
    for _ in range(n_docs):
        yield render(writer.document(doc_chars))
