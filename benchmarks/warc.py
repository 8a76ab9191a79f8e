"""Pages per second per core from a WARC to a deduplicated Parquet corpus, cleanseed beside the
loop a user writes by hand today (FastWARC + trafilatura + ftfy + datasketch).

The WARC is built from the two shared HTML sets (``benchmarks/_pages.py``): every page is a
response record (with its request and metadata records, as a crawler writes them), repeated
until there are ``--pages`` of them; a repeat is the same article under another URL with a line
of its own (a syndicated story, a "last updated" stamp), so the dedup step has near-duplicates
to find. Then:

- cleanseed: ``cleanseed clean crawl.warc.gz -o pages.parquet`` and ``cleanseed dedup
  pages.parquet -o corpus.parquet``, run in this process (``--workers 1``);
- by hand: FastWARC reads the responses, trafilatura extracts each page's text, ftfy fixes it,
  datasketch's MinHash (128 permutations of word 5-grams) and MinHashLSH (threshold 0.8) drop
  near-duplicates, pyarrow writes Parquet.

Time is CPU time of this process (one core), the best of ``--repeat`` runs.

    python benchmarks/warc.py PATH/TO/article-extraction-benchmark PATH/TO/readability-test-pages
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pages import Page, load_pages


def _record(warc: object, kind: object, url: str, payload: bytes, ctype: str,
            number: int) -> bytes:
    from fastwarc import stream_io

    record = warc.WarcRecord()  # type: ignore[attr-defined]
    record.init_headers(record_type=kind, record_urn=uuid.UUID(int=number).urn[4:].encode())
    record.headers["WARC-Target-URI"] = url
    record.headers["WARC-Date"] = "2024-03-01T12:00:00Z"
    record.headers["Content-Type"] = ctype
    record.set_bytes_content(payload)
    member = io.BytesIO()
    writer = stream_io.GzipWriter(member)
    record.write(writer)
    writer.close()
    return member.getvalue()


def _variant(raw: bytes, copy: int) -> bytes:
    """The page as another site syndicates it: a line of its own at the top of the body."""
    if copy == 0:
        return raw
    stamp = f'<p class="updated">Last updated {copy % 24:02d}:{copy % 60:02d} by desk {copy}</p>'
    at = raw.lower().find(b"<body")
    end = raw.find(b">", at) + 1 if at >= 0 else 0
    return raw[:end] + stamp.encode() + raw[end:]


def build_warc(pages: list[Page], count: int, path: Path) -> None:
    """Write *count* responses (pages repeated as variants), with requests and metadata."""
    from fastwarc import warc

    kinds = warc.WarcRecordType
    with path.open("wb") as out:  # one gzip member per record, as crawlers write them
        for n in range(count):
            page, copy = pages[n % len(pages)], n // len(pages)
            url = f"https://{page.site}/{page.id}?copy={copy}"
            body = _variant(page.raw, copy)
            head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode()
            out.write(_record(warc, kinds.request, url, f"GET / HTTP/1.1\r\nHost: {page.site}"
                              "\r\n\r\n".encode(), "application/http; msgtype=request", 3 * n))
            out.write(_record(warc, kinds.response, url, head + body,
                              "application/http; msgtype=response", 3 * n + 1))
            out.write(_record(warc, kinds.metadata, url, b"fetchTimeMs: 12\r\n",
                              "application/warc-fields", 3 * n + 2))


def cleanseed_run(crawl: Path, folder: Path) -> tuple[int, float, float]:
    """The two commands, in this process; documents kept, and CPU seconds of each."""
    from cleanseed.cli import main

    pages, corpus = folder / "pages.parquet", folder / "corpus.parquet"
    start = time.process_time()
    if main(["clean", str(crawl), "-o", str(pages), "-q", "--workers", "1"]) != 0:
        sys.exit("cleanseed clean failed")
    middle = time.process_time()
    if main(["dedup", str(pages), "-o", str(corpus), "-q"]) != 0:
        sys.exit("cleanseed dedup failed")
    end = time.process_time()
    import pyarrow.parquet as pq

    return pq.ParquetFile(corpus).metadata.num_rows, middle - start, end - middle


def _shingles(text: str, n: int = 5) -> Iterable[bytes]:
    words = text.split()
    return {" ".join(words[i:i + n]).encode() for i in range(max(len(words) - n + 1, 1))}


def by_hand(crawl: Path, folder: Path) -> tuple[int, float, float]:
    """The loop a user writes today; documents kept, and CPU seconds (extraction, dedup)."""
    import ftfy
    import pyarrow as pa
    import pyarrow.parquet as pq
    import trafilatura
    from datasketch import MinHash, MinHashLSH
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    start = time.process_time()
    rows = []
    for record in ArchiveIterator(crawl.open("rb"), record_types=WarcRecordType.response,
                                  parse_http=True):
        html = record.reader.read().decode(record.http_charset or "utf-8", errors="replace")
        text = trafilatura.extract(html, include_comments=False) or ""
        if text.strip():
            rows.append({"url": record.headers.get("WARC-Target-URI"), "text": ftfy.fix_text(text)})
    middle = time.process_time()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    kept = []
    for i, row in enumerate(rows):
        sig = MinHash(num_perm=128)
        sig.update_batch(list(_shingles(row["text"])))
        if not lsh.query(sig):
            lsh.insert(str(i), sig)
            kept.append(row)
    pq.write_table(pa.Table.from_pylist(kept), folder / "by_hand.parquet")
    end = time.process_time()
    return len(kept), middle - start, end - middle


def best(run: Callable[[Path, Path], tuple[int, float, float]], crawl: Path,
         repeat: int) -> tuple[int, float, float]:
    """The run with the least total CPU time."""
    results = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            results.append(run(crawl, Path(folder)))
    return min(results, key=lambda r: r[1] + r[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="the shared HTML sets")
    parser.add_argument("--pages", type=int, default=3000, help="responses in the WARC")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best counts")
    args = parser.parse_args()
    pages = load_pages(args.folders)
    with tempfile.TemporaryDirectory() as tmp:
        crawl = Path(tmp) / "crawl.warc.gz"
        build_warc(pages, args.pages, crawl)
        print(f"WARC: {args.pages:,} responses from {len(pages)} pages, "
              f"{crawl.stat().st_size / 1e6:.1f} MB gzipped")
        rows = [("cleanseed (clean + dedup)", *best(cleanseed_run, crawl, args.repeat)),
                ("by hand (trafilatura + ftfy + datasketch)", *best(by_hand, crawl, args.repeat))]
    print(f"{'':44}{'kept':>7}{'extract s':>11}{'dedup s':>10}{'pages/s/core':>14}")
    for name, kept, extract, dedup in rows:
        rate = args.pages / (extract + dedup)
        print(f"{name:44}{kept:>7,}{extract:>11.1f}{dedup:>10.1f}{rate:>14.1f}")


if __name__ == "__main__":
    main()
