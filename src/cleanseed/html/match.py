"""Apply the rule tables of :mod:`cleanseed.html.rules` to one element: its tag and attributes.

Two kinds of verdict. :func:`element_rule` is certain (a script is never text, whatever it
holds). :func:`class_rule` reads what an element's tag, class or id *says* it is, which can
mislead, so its verdict is weighed later against the text the element holds.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from cleanseed.html.rules import (
    ATTRIBUTE_RULES,
    CHROME_TAGS,
    CONSENT_PREFIXES,
    CONTENT_MARKERS,
    DROP_ROLES,
    DROP_TAGS,
    HEAD_WORDS,
    PROTECTED_TAGS,
    STATE_PARTS,
    SUBHEADINGS,
    WRAPPER_PARTS,
)

__all__ = ["MARKER", "Memo", "class_rule", "element_rule", "is_marker", "word_parts"]

#: What :func:`class_rule` says of an element that its class, id or itemprop marks as the body.
MARKER = "marker"

# The rules' words, each naming the first rule (in table order) that lists it.
_WORD_RULE: dict[str, tuple[int, str]] = {}
for _order, (_rule, _words) in enumerate(ATTRIBUTE_RULES):
    for _word in _words:
        _WORD_RULE.setdefault(_word, (_order, _rule))
_COOKIE = _WORD_RULE["cookie"]
#: The same, less the words that call an element a header or a title: on a subheading (``<h3
#: class="card-header">``, ``<h2 class="box__headline">``), or on an element inside one
#: (``<h2><span class="mw-headline">``), they say only what the heading's tag says; on an
#: inline element inside a paragraph (``<span class="book-title">``), they name what it cites.
_SUBHEADING_RULE = {word: found for word, found in _WORD_RULE.items()
                    if found[1] != "html.header"}

# The patterns below run with the standard library's engine, which is faster than re2's
# binding on strings this short: none nests or chains quantifiers over the same characters, so
# they run in linear time, and the attribute values they see are cut to a few hundred chars.
_NON_LETTERS = re.compile(r"[^a-z]+")
_DIGIT_RUN = re.compile(r"[0-9]+")
_HUMP = re.compile(r"([a-z])([A-Z])")
_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
_CONSENT_LABEL = re.compile(r"(?i)cookie|consent|gdpr|privacy (?:choices|settings|preferences)")
_LIMIT = 400


def word_parts(names: str) -> list[str]:
    """The word parts of class/id *names*, and each two or three neighbours written together.

    A token that states a condition (``has-sidebar``, ``with-share-icons``) names no part of
    the page, and gives no parts.

    >>> word_parts("c-socialShare most-read no-ads")
    ['c', 'social', 'share', 'csocial', 'socialshare', 'csocialshare', 'most', 'read', 'mostread']
    """
    out: list[str] = []
    for token in names[:_LIMIT].split():
        out.extend(_compounds(_segments(token)))
    return out


def _segments(token: str) -> list[list[str]]:
    """The word parts of one class token, in runs that digits part; none if it states a
    condition.

    Parts are written together only within a run: digits inside a token mark a generated
    name (``8a7d``, ``x3f9ad``), whose letters are no words, not a word cut in two.
    """
    if not token.islower():
        token = _HUMP.sub(r"\1-\2", token).lower()
    runs = [[part for part in _NON_LETTERS.split(run) if part]
            for run in _DIGIT_RUN.split(token)]
    runs = [run for run in runs if run]
    return runs if all(STATE_PARTS.isdisjoint(run) for run in runs) else []


def _compounds(runs: list[list[str]]) -> list[str]:
    """The parts of *runs*, and each two or three neighbours of one run written together."""
    parts = [part for run in runs for part in run]
    for run in runs:
        parts += [a + b for a, b in itertools.pairwise(run)]
        parts += [a + b + c for a, b, c in zip(run, run[1:], run[2:], strict=False)]
    return parts


def _names_body(parts: list[str]) -> bool:
    """Whether a token's parts name the article's body: its last words do, once the words for a
    wrapper are set aside. The last words of a class name say what the element is, the first
    ones where it sits: ``article-body-wrapper`` is the body, ``article-body__share`` a share
    bar inside it."""
    end = len(parts)
    while end > 1 and parts[end - 1] in WRAPPER_PARTS:
        end -= 1
    return any("".join(parts[start:end]) in CONTENT_MARKERS
               for start in range(max(0, end - 3), end))


def _class_rule(parts: list[str], table: dict[str, tuple[int, str]] = _WORD_RULE,
                ) -> tuple[int, str] | None:
    """The first rule (in table order) one of *parts* belongs to, with its place in the table."""
    best: tuple[int, str] | None = None
    for part in parts:
        found = table.get(part)
        if found is None and part.startswith(CONSENT_PREFIXES):
            found = _COOKIE
        if found is not None and (best is None or found < best):
            best = found
    return best


def element_rule(tag: str, attrib: Any) -> str | None:
    """The rule that drops an element for what it *is*: its tag, role or hidden state.

    These rules are certain whatever the element holds, so the parser skips such an element
    with everything inside it.

    >>> element_rule("script", {}), element_rule("div", {"role": "dialog"})
    ('html.script', 'html.dialog')
    """
    rule = DROP_TAGS.get(tag)
    if rule is not None or not attrib or tag in PROTECTED_TAGS:
        return rule
    rule = DROP_ROLES.get((attrib.get("role") or "").lower())
    if rule is not None:
        return rule
    if "hidden" in attrib or _HIDDEN_STYLE.search((attrib.get("style") or "")[:_LIMIT]):
        return "html.hidden"
    if _CONSENT_LABEL.search((attrib.get("aria-label") or "")[:_LIMIT]):
        return "html.cookie"
    return None


# A verdict on a class or id string: a rule with its place in the table, or the marker, which
# comes before every rule.
_Verdict = tuple[int, str] | None
_MARKER_VERDICT = (-1, MARKER)

#: The verdicts on the class and id tokens seen during one parse.
Memo = dict[str, _Verdict]
_UNSEEN = (-2, "")
_DIGITS = "0123456789-_"


def _token_verdict(token: str, table: dict[str, tuple[int, str]] = _WORD_RULE) -> _Verdict:
    runs = _segments(token)
    parts = [part for run in runs for part in run]
    if _names_body(parts):
        return _MARKER_VERDICT
    verdict = _class_rule(_compounds(runs), table)
    if verdict is None and parts and parts[-1] in HEAD_WORDS:
        verdict = (len(ATTRIBUTE_RULES), HEAD_WORDS[parts[-1]])
    return verdict


def _verdict(names: str, memo: Memo | None, subheading: bool = False) -> _Verdict:
    """The verdict on a class or id value: the first, in table order, of its tokens' verdicts;
    on a *subheading*, the header rule's words left out.

    Values and their tokens are remembered in *memo*: a page repeats its class values, and
    the same few tokens in many combinations (``menu-item menu-item-type-post menu-item-12``).
    """
    table, key = (_SUBHEADING_RULE, "\x00") if subheading else (_WORD_RULE, "")
    if memo is not None:
        best = memo.get(key + names, _UNSEEN)
        if best is not _UNSEEN:
            return best
    best = None
    for token in names[:_LIMIT].split():
        # digits separate word parts and are no part themselves: "post-5662" is "post-"
        token = token.rstrip(_DIGITS)
        if memo is None:
            verdict = _token_verdict(token, table)
        else:
            verdict = memo.get(key + token, _UNSEEN)
            if verdict is _UNSEEN:
                verdict = memo[key + token] = _token_verdict(token, table)
        if verdict is not None and (best is None or verdict < best):
            best = verdict
    if memo is not None:
        memo[key + names] = best
    return best


def is_marker(attrib: Any, memo: Memo | None = None) -> bool:
    """Whether an element's itemprop, class or id names it the article's body.

    >>> is_marker({"class": "c-entry-content"}), is_marker({"id": "main"})
    (True, False)
    """
    if (attrib.get("itemprop") or "").lower() == "articlebody":
        return True
    return any(names and _verdict(names, memo) is _MARKER_VERDICT
               for names in (attrib.get("class"), attrib.get("id")))


def class_rule(tag: str, attrib: Any, memo: Memo | None = None, *,
               in_text: bool = False) -> str | None:
    """The rule that names an element chrome for its tag (``<nav>``, ``<form>``...) or for what
    its class or id *says*, or ``None``.

    Names can mislead (``<div class="page-ad-margins">`` may wrap a whole article), so these
    rules are weighed against what the element holds once the page is parsed. An element
    named as the article's body gets :data:`MARKER` instead, whatever else its names say.
    *memo* keeps the verdict on each class and id token seen; it belongs to one parse.
    *in_text* tells an element inside a subheading, or an inline one inside a paragraph: there
    the header words say what its text is (a section's name, the title of a book or of a
    product named in a sentence), not that it is the page's header, and do not flag it.

    >>> class_rule("div", {"id": "onetrust-banner-sdk"})
    'html.cookie'
    >>> class_rule("div", {"class": "article-body social-share"})
    'marker'
    >>> class_rule("span", {"class": "mw-headline"}, in_text=True) is None
    True
    """
    chrome = CHROME_TAGS.get(tag)
    if not attrib:
        return chrome
    if (attrib.get("itemprop") or "").lower() == "articlebody":
        return MARKER
    subheading = in_text or tag in SUBHEADINGS
    found = [_verdict(names, memo, subheading) for names in (attrib.get("class"),
                                                             attrib.get("id"))
             if names and not names.isspace()]
    verdict = min((v for v in found if v is not None), default=None)
    if verdict is _MARKER_VERDICT or chrome is not None:
        return MARKER if verdict is _MARKER_VERDICT else chrome
    if verdict is None or tag in PROTECTED_TAGS:
        return None
    return verdict[1]
