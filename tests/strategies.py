"""Hypothesis strategies for text shaped like scraped documents, built from small pieces."""

from __future__ import annotations

from hypothesis import strategies as st

#: Fragments that trigger the rules: a generated document mixes them with random text, so the
#: properties are exercised on the code paths that remove things, not only on clean prose.
FRAGMENTS = (
    "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
    "Accept all | Reject | Settings",
    "Alle akzeptieren",
    "Nous utilisons des cookies. En poursuivant votre navigation, vous acceptez leur utilisation.",
    "本网站使用cookie。继续浏览即表示您同意我们使用cookie。",
    "The Li Auto i6 parked in Shanghai. /CFP",
    "Photo: Reuters",
    "FILE PHOTO: A man walks past a logo. REUTERS/Jane Doe",
    "Advertisement",
    "Share this article",
    "Read more: Markets rally as rates fall",
    "date 2026-03-04 The power of cooperation",
    "Published March 4, 2026",
    "5 min read",
    "Copyright © 2026 Example Media. All rights reserved.",
    "Please enable JavaScript to view this page.",
    "Skip to main content",
    "The bakery's cookies sold out before noon, and customers shared photos online.",
    "She said the privacy policy was rewritten after subscribers complained.",
    "Yes.",
    "&amp; CafÃ© naÃ¯ve \u00a0 \u200b \r\n",
)

_alphabet = st.characters(codec="utf-8", exclude_categories=("Cs",))

words = st.text(alphabet=st.characters(categories=("Ll", "Lu", "Lo", "Nd")), min_size=1,
                max_size=12)

sentences = st.lists(words, min_size=1, max_size=25).map(" ".join)

lines = st.one_of(
    sentences,
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=_alphabet, max_size=80),
)

separators = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\n\n\n"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document: lines of prose, rule fragments and noise, some repeated, odd separators."""
    body = draw(st.lists(lines, max_size=20))
    if body and draw(st.booleans()):
        # paste some lines again (a repeated paragraph, or the whole article twice)
        start = draw(st.integers(0, len(body) - 1))
        body += body[start:]
    parts: list[str] = []
    for line in body:
        parts.append(line)
        parts.append(draw(separators))
    return "".join(parts)


#: Any str at all, including surrogates and control characters.
any_text = st.text()

texts = st.one_of(any_text, documents())
