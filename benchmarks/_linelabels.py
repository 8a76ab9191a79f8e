"""Each line of a page's visible text labelled content, boilerplate or title, from the page's truth.

    from _linelabels import label_lines
    labels = label_lines(lines, truth, titles)

**How a line is labelled.** The page's lines and its truth are cut into tokens the same way
(lower-cased ``\\w+`` runs; each CJK character is a token of its own), the page's tokens one run
across all its lines. The two token sequences are aligned with :class:`difflib.SequenceMatcher`
(no junk heuristic), and only matching blocks of at least :data:`MIN_BLOCK` tokens count: a
menu label such as "News" matches some word of the article on its own, but a heading between
two paragraphs of the article joins them in one long block, since the alignment runs across
line ends. A line is **content** when at least :data:`MIN_SHARE` of its tokens fall in such
blocks, **boilerplate** otherwise (a line without any token, such as "|" or "»", is
boilerplate).

**Titles are left out.** Neither truth holds the page's headline (the benchmark's
``articleBody`` and Readability's output both leave it to metadata), yet keeping it is right
for a corpus. A line that is not content and equals the page's ``<title>``, its ``og:title``,
or one side of a separator in either ("Headline | Site", "Site - Headline"), and has at
least :data:`MIN_TITLE_TOKENS` tokens (fewer is the site's name), is labelled **title** and
scored neither way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from lxml import html as lxml_html

#: Shortest run of aligned tokens that counts as found in the truth.
MIN_BLOCK = 3
#: Fewest tokens of a line taken for the title: fewer is a site's name ("Site - Headline").
MIN_TITLE_TOKENS = 4
#: Share of a line's tokens that must be found for the line to be content.
MIN_SHARE = 0.5

_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[^\W_]+", re.UNICODE
)
_TITLE_META = ("og:title", "twitter:title")
_TITLE_SEP = re.compile(r"\s+[|\-–—:·•»]+\s+|\s*::\s*")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of *text*; a CJK character or Hangul syllable is one token."""
    return _TOKEN.findall(text.lower())


def page_titles(html: str | bytes) -> set[str]:
    """The normalised titles a page gives itself: ``<title>``, ``og:title`` and their parts."""
    if not html or not str(html).strip():
        return set()
    try:
        root = lxml_html.document_fromstring(html)
    except (ValueError, TypeError):
        return set()
    found = [t.text_content() for t in root.iter("title")]
    found += [m.get("content") or "" for m in root.iter("meta")
              if (m.get("property") or m.get("name") or "").lower() in _TITLE_META]
    out: set[str] = set()
    for title in found:
        out.add(_norm(title))
        out.update(_norm(part) for part in _TITLE_SEP.split(title))
    out.discard("")
    return out


def _norm(text: str) -> str:
    return " ".join(tokens(text))


def label_lines(lines: Sequence[str], truth: str, titles: Iterable[str] = ()) -> list[str]:
    """Label each of *lines* ``content``, ``boilerplate`` or ``title`` (see the module doc)."""
    per_line = [tokens(line) for line in lines]
    flat = [tok for toks in per_line for tok in toks]
    owner = [i for i, toks in enumerate(per_line) for _ in toks]
    found = [0] * len(lines)
    matcher = SequenceMatcher(None, flat, tokens(truth), autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= MIN_BLOCK:
            for k in range(block.a, block.a + block.size):
                found[owner[k]] += 1
    title_set = set(titles)
    labels = []
    for i, toks in enumerate(per_line):
        if toks and found[i] >= MIN_SHARE * len(toks):
            labels.append("content")
        elif len(toks) >= MIN_TITLE_TOKENS and " ".join(toks) in title_set:
            labels.append("title")
        else:
            labels.append("boilerplate")
    return labels
