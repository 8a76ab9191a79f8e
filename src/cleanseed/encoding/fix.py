"""Fix encoding: mojibake, HTML entities, odd white space and control characters.

ftfy does the heavy lifting, with the settings a training corpus wants: text is repaired, never
restyled. Curly quotes, full-width CJK punctuation and ligatures stay as written.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

import ftfy
import re2
from ftfy.fixes import unescape_html

from cleanseed import _validate
from cleanseed._mapping import accepts_rows
from cleanseed._text import fold_empty_lines, tidy_lines
from cleanseed.document import Explained, Removal
from cleanseed.encoding import _badness
from cleanseed.encoding._badness import is_bad
from cleanseed.errors import check_text
from cleanseed.pipeline import explains

__all__ = ["EncodingConfig", "fix_encoding", "fix_encoding_and_explain"]

STAGE = "encoding"

# Line breaks other than "\n": CRLF, lone CR, LINE and PARAGRAPH SEPARATOR, and the vertical
# tab and form feed that some converters leave between paragraphs. NEL (U+0085) is not among
# them: in web text it is nearly always the middle of mojibake ("Ã\x85" is "Å") or a
# Windows-1252 ellipsis, and ftfy repairs it as such. ``_unify_line_breaks`` turns each into "\n".
_BREAK_CHARS = "\r\u2028\u2029\x0b\x0c"
_ANY_BREAK = re.compile("\r\n|[\n\r\u2028\u2029\x0b\x0c]")

# Spaces that render as a plain space but confuse tokenisers and exact matching. U+3000, the
# ideographic space, is left alone: it is how Chinese and Japanese text indents.
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f"
)

# Characters that render as nothing. ZWJ and ZWNJ are kept: they change how Persian, Indic
# scripts and emoji sequences render.
_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u180e"

_ODD_SPACE = re.compile(f"[{_SPACES}]")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_ODD_OR_INVISIBLE = re.compile(f"[{_SPACES}{_INVISIBLE}]")

# A surrogate that ftfy could not pair up is not a character: no encoder will write it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Characters some ftfy fix acts on besides mojibake: entities, C0 and C1 controls (escape
# sequences among them), the line and paragraph separators (made line breaks), ftfy's own table
# of invisible controls, and surrogates; and the same without the "&" of an entity. The text's
# line breaks are unified before lines are read, but a line handed to the shortcuts alone must
# still be judged as ftfy would judge it.
_CONTROLS = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u206a-\u206f\ufeff\ufff9-\ufffc"
             "\ud800-\udfff")
_FIXABLE = re.compile(f"[&{_CONTROLS}]")
_FIXABLE_BUT_AMP = re.compile(f"[{_CONTROLS}]")

# A line where some fix of a pass may act: mojibake as ftfy's detector sees it, a character of
# _FIXABLE (surrogates aside: they never reach RE2), or an odd space or invisible character.
# (?m) makes a "^" of ftfy's pattern match at the start of every line, as on a line alone.
_SUSPECT = re2.compile(
    "(?m)" + _badness.PATTERN
    + "|[&\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\x{2028}\\x{2029}\\x{206a}-\\x{206f}\\x{feff}"
    + "\\x{fff9}-\\x{fffc}]"
    + "|[" + "".join(f"\\x{{{ord(c):x}}}" for c in _SPACES + _INVISIBLE) + "]"
)

# These three patterns use Python's engine, which, unlike RE2, takes any str (lone surrogates
# included); none has a quantifier inside a repeated group, so each runs in linear time.

# A chain of escaped ampersands ("&amp;amp;lt;") is text that was escaped more than once.
_AMP_CHAIN = re.compile(r"&(?:(?:[aA][mM][pP]|#0*38|#[xX]0*26);)+")

# ftfy is run to a fixed point so that the step is idempotent; text that still changes after
# this many passes was built to defeat it, and is returned as it stands after the last pass.
_MAX_PASSES = 4

# Edits in lines up to this long are listed one by one (a character diff is quadratic).
_MAX_DIFF_CHARS = 2000


def _ftfy_would_change(line: str) -> bool:
    """Whether ``ftfy.fix_text`` can change *line* (beyond NFC, which is applied to all text).

    ftfy's mojibake repair does nothing to a line its own ``is_bad`` detector passes, and its
    other fixes act only on the characters of ``_FIXABLE``; skipping the rest saves about 60 us
    a line. ``tests/test_encoding.py`` checks the shortcut against ftfy on every line.
    """
    if _FIXABLE.search(line):
        return True
    return not line.isascii() and is_bad(line)


def _ftfy(line: str, fixer: ftfy.TextFixerConfig) -> str:
    """Return ``ftfy.fix_text(line, fixer)`` for a *line* (text without a ``\n``), with fewer
    runs of ftfy's mojibake detector: a Python regular expression (about 0.3 us a character)
    that ftfy runs over a line at least twice, even where it finds nothing.

    A round of ftfy's loop decodes entities, repairs mojibake if the detector finds some, then
    applies fixes that leave no work for another round (C1 controls, line breaks, surrogates,
    terminal escapes, control characters, NFC); the loop ends with a round that changes
    nothing. Here the first round's decoding and repair are done by hand, the RE2 build of the
    detector deciding whether to repair, and ftfy goes on from there with its repair off. With
    no ``&`` left no entity can turn up later, so ftfy's second round changes nothing: the
    result is the one text that ftfy's own later rounds would hand to the repair, which leaves
    alone what the detector passes. ``tests/test_encoding.py`` checks this against ftfy.
    """
    if not fixer.fix_encoding or fixer.unescape_html == "auto":
        return ftfy.fix_text(line, fixer)
    text = unescape_html(line) if fixer.unescape_html and "&" in line else line
    if "&" in text:  # a later round may decode an entity that this one made
        return line if text == line and _inert(line, fixer) else ftfy.fix_text(line, fixer)
    if is_bad(text):
        text = ftfy.fix_encoding(text, fixer)
    if "&" in text or not _one_segment(line, text, fixer):
        return ftfy.fix_text(line, fixer)
    fixed = ftfy.fix_text(text, _without_repair(fixer))
    return ftfy.fix_text(line, fixer) if is_bad(fixed) else fixed


def _inert(line: str, fixer: ftfy.TextFixerConfig) -> bool:
    """Whether ftfy leaves *line*, whose every ``&`` begins no entity, as it is: "Q&A", "Risk &
    Compliance", the labels of a menu. Its first round then changes nothing (the entity decoding
    finds none, the detector passes the line, no other fix has a character of ``_FIXABLE`` to
    act on, and the line is normalised already), and its loop ends there, where
    ``ftfy.fix_text`` costs about 15 us a line. ``tests/test_encoding.py`` checks this against
    ftfy."""
    return (_FIXABLE_BUT_AMP.search(line) is None and _one_segment(line, line, fixer)
            and not is_bad(line)
            and (fixer.normalization is None
                 or unicodedata.is_normalized(fixer.normalization, line)))


@functools.lru_cache(maxsize=16)
def _without_repair(fixer: ftfy.TextFixerConfig) -> ftfy.TextFixerConfig:
    return fixer._replace(fix_encoding=False)


def _one_segment(line: str, made: str, fixer: ftfy.TextFixerConfig) -> bool:
    """Whether ``ftfy.fix_text`` takes *line* (no ``\n`` in it) and *made*, made from it, each
    whole: it cuts text after each ``\n`` and every ``max_decode_length`` characters."""
    return "\n" not in made and max(len(line), len(made)) <= fixer.max_decode_length


@dataclass(frozen=True, slots=True, kw_only=True)
class EncodingConfig:
    """Options of :func:`fix_encoding`. The defaults suit web text bound for a corpus."""

    #: Decode ``&amp;``, ``&eacute;`` and friends: in plain text an entity is never meant literally.
    unescape_html: bool = True
    #: Repair mojibake (UTF-8 read as Windows-1252 or Latin-1, possibly twice).
    fix_mojibake: bool = True
    #: Turn no-break and other fixed-width spaces into plain spaces; drop zero-width characters.
    normalize_spaces: bool = True
    #: NFC joins letters and combining marks; NFKC would rewrite ligatures, widths and "10³".
    normalization: Literal["NFC"] | None = "NFC"

    def __post_init__(self) -> None:
        for name in ("unescape_html", "fix_mojibake", "normalize_spaces"):
            _validate.flag(name, getattr(self, name))
        _validate.choice("normalization", self.normalization, ("NFC", None))

    def ftfy_config(self) -> ftfy.TextFixerConfig:
        """Return the ftfy settings these options stand for."""
        return ftfy.TextFixerConfig(
            unescape_html=self.unescape_html,
            fix_encoding=self.fix_mojibake,
            fix_latin_ligatures=False,  # "ﬁ" is what the author wrote
            fix_character_width=False,  # would turn CJK full-width punctuation half-width
            uncurl_quotes=False,  # curly quotes carry meaning (apostrophes, nested quotes)
            normalization=self.normalization,
            explain=False,
        )


DEFAULT = EncodingConfig()


@functools.lru_cache(maxsize=16)
def _ftfy_config(config: EncodingConfig) -> ftfy.TextFixerConfig:
    return config.ftfy_config()


def _one_pass(text: str, config: EncodingConfig, fixer: ftfy.TextFixerConfig) -> str:
    return "\n".join(_pass_lines(text, config, fixer)[0])


def _pass_lines(text: str, config: EncodingConfig,
                fixer: ftfy.TextFixerConfig) -> tuple[list[str], list[int]]:
    """One pass over *text*: its lines after the pass, and the numbers of the lines that
    another pass may change still.

    A line the pass did not change is at its fixed point: the fixes of the whole text (line
    breaks, ``&amp;`` chains, NFC) have done all they can to it, and ``_fix_line`` leaves it
    alone. So are the lines that ``_fix_line`` calls settled.
    """
    text = _unify_line_breaks(text)
    if config.unescape_html and "&" in text:
        text = _AMP_CHAIN.sub("&", text)
    if config.normalization and not unicodedata.is_normalized(config.normalization, text):
        text = unicodedata.normalize(config.normalization, text)
    lines = text.split("\n")
    unsettled = []
    for i in _suspects(text, len(lines)):
        fixed, settled = _fix_line(lines[i], config, fixer)
        if fixed != lines[i]:
            lines[i] = fixed
            if not settled:
                unsettled.append(i)
    return lines, unsettled


def _suspects(text: str, count: int) -> Iterable[int]:
    """The numbers of the lines of *text* (of *count* lines) where ftfy or the space fixes may
    have work: one RE2 scan of the whole text finds them, so clean lines cost nothing more."""
    try:
        data = text.encode()
    except UnicodeEncodeError:  # lone surrogates, which UTF-8 cannot hold: look at every line
        return range(count)
    found = []
    line = pos = 0
    while (at := _find_suspect(data, pos)) >= 0:
        line += data.count(b"\n", pos, at)
        found.append(line)
        end = data.find(b"\n", at)
        if end < 0:
            break
        line, pos = line + 1, end + 1
    return found


def _finder(regex: Any) -> Callable[[bytes, int], int]:
    """Return the function that gives where compiled RE2 *regex* first matches in *data* from
    *pos* on, or -1.

    It calls the extension's ``Match`` directly: the wrapper's ``search`` builds a generator
    and a match object for each call, a third of a call on a page's text, and
    :func:`_suspects` calls it once a suspect line.
    """
    extension = getattr(regex, "_regexp", None)
    anchor = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
    if extension is None or anchor is None:  # not the wrapper this was written against
        def first(data: bytes, pos: int) -> int:
            found = regex.search(data, pos)
            return -1 if found is None else int(found.start())
        return first
    match = extension.Match

    def first_match(data: bytes, pos: int) -> int:
        start: int = match(anchor, data, pos, len(data))[0][0]
        return start
    return first_match


_find_suspect = _finder(_SUSPECT)


def _fix_line(line: str, config: EncodingConfig,
              fixer: ftfy.TextFixerConfig) -> tuple[str, bool]:
    """Return *line* fixed, and whether it is settled: whether another pass would leave it as
    it is.

    What ftfy makes of a line is settled if ftfy takes it whole again, as its loop ends with a
    round that changes nothing (NFC included), and if a pass has no work of its own there: a
    line break, an ``&amp;`` chain (any ``&``, to be safe), a surrogate, an odd space or an
    invisible character (dropping one joins what was either side of it), unless what is left
    is ASCII without a control, an ``&`` or a line break, which no fix of a pass acts on.
    """
    settled = False
    if _ftfy_would_change(line):
        fixed = _ftfy(line, fixer)
        settled = (_one_segment(line, fixed, fixer) and "&" not in fixed
                   and not _has_line_break(fixed))
        line, replaced = _LONE_SURROGATE.subn("\ufffd", fixed)
        settled = settled and not replaced
    if config.normalize_spaces and _ODD_OR_INVISIBLE.search(line):
        line = _ODD_SPACE.sub(" ", line)
        line = _INVISIBLE_RE.sub("", line)
        # ASCII without an "&", a control or a line break is left as it is by every fix of a
        # pass: most lines whose no-break spaces went are settled so, with no pass of their own
        settled = line.isascii() and "\n" not in line and _FIXABLE.search(line) is None
    return line, settled


def _has_line_break(text: str) -> bool:
    """Whether *text* holds a line break other than ``\n``."""
    return any(char in text for char in _BREAK_CHARS)


def _unify_line_breaks(text: str) -> str:
    """Replace each line break of ``_BREAK_CHARS``, and CRLF, with ``\n``: a substring test
    and a ``str.replace`` for each kind of break cost far less than one regex scan."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    for char in _BREAK_CHARS:
        if char in text:
            text = text.replace(char, "\n")
    return text


def _fixed_point(text: str, config: EncodingConfig, fixer: ftfy.TextFixerConfig) -> list[str]:
    """Run passes over *text* until one changes nothing, or ``_MAX_PASSES`` have run; return
    its lines.

    A pass treats each line on its own (ftfy, NFC and the space fixes never reach across a
    line break, and no line a pass makes holds a CR that could pair with the break after it),
    so the passes after the first look only at the lines the first says may change still.
    """
    lines, unsettled = _pass_lines(text, config, fixer)
    for i in unsettled:
        lines[i] = _settle(lines[i], config, fixer)
    if any("\n" in lines[i] for i in unsettled):  # a repair made a line break
        lines = "\n".join(lines).split("\n")
    return lines


def _settle(line: str, config: EncodingConfig, fixer: ftfy.TextFixerConfig) -> str:
    """Run passes over a line that a first pass changed (a repair may have split it), until
    one changes nothing or ``_MAX_PASSES`` have run in all."""
    for _ in range(_MAX_PASSES - 1):
        again = _one_pass(line, config, fixer)
        if again == line:
            break
        line = again
    return line


def _record_edits(text: str, after: str, record: list[Removal]) -> None:
    """Record what changed: line by line while the lines still line up, each change trimmed.

    Offsets are into *text* as given, whatever its line breaks were.
    """
    old_lines = _unify_line_breaks(text).split("\n")
    new_lines = after.split("\n")
    starts = [0, *(m.end() for m in _ANY_BREAK.finditer(text))]
    if len(old_lines) != len(new_lines):
        old_lines, new_lines, starts = ["\n".join(old_lines)], [after], [0]
        if old_lines[0] != text:  # line breaks were rewritten too: report the whole text
            old_lines = [text]
    for old, new, offset in zip(old_lines, new_lines, starts, strict=True):
        if old != new:
            for start, removed, added in _changes(old, new):
                record.append(Removal(STAGE, "ftfy", removed, offset + start, added))


def _changes(old: str, new: str) -> list[tuple[int, str, str]]:
    """Return ``(offset, old piece, new piece)`` for each change between two versions of a line.

    What the two share at either end is set aside first, so a character diff (quadratic) only
    sees the stretch between the first change and the last; past ``_MAX_DIFF_CHARS`` that
    stretch is reported as one change.
    """
    head = _shared(old, new, lambda s, n: s[:n])
    tail = _shared(old[head:], new[head:], lambda s, n: s[len(s) - n :])
    middle_old, middle_new = old[head : len(old) - tail], new[head : len(new) - tail]
    if len(middle_old) + len(middle_new) > _MAX_DIFF_CHARS:
        return [(head, middle_old, middle_new)]
    matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=False)
    return [
        (head + i1, middle_old[i1:i2], middle_new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _shared(a: str, b: str, end: Callable[[str, int], str]) -> int:
    """The length of the longest piece that *a* and *b* share at one end (``end(s, n)`` cuts
    that piece of length *n*): a binary search over slice comparisons, which run in C."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if end(a, mid) == end(b, mid):
            low = mid
        else:
            high = mid - 1
    return low


def _fix(text: str, config: EncodingConfig, record: list[Removal] | None) -> str:
    if record is None:  # no fix reaches across lines, and tidy_lines folds blank lines anyway
        text = fold_empty_lines(text)
    lines = _fixed_point(text, config, _ftfy_config(config))
    if record is not None:
        fixed = "\n".join(lines)
        if fixed != text:
            _record_edits(text, fixed, record)
    return tidy_lines(lines)


@accepts_rows
def fix_encoding(text: str, config: EncodingConfig | None = None) -> str:
    """Repair mojibake, entities, odd spaces, control characters and line breaks.

    >>> fix_encoding("CafÃ©\\u00a0&amp; bar\\r\\n")
    'Café & bar'
    """
    return _fix(check_text(text, "fix_encoding"),
                _validate.config(config, EncodingConfig, DEFAULT, "fix_encoding"), None)


@explains(fix_encoding)
def fix_encoding_and_explain(text: str, config: EncodingConfig | None = None) -> Explained:
    """Like :func:`fix_encoding`, and list each edit as a :class:`Removal` with its replacement.

    >>> fix_encoding_and_explain("naÃ¯ve").removals[0].replacement
    'ï'
    """
    record: list[Removal] = []
    out = _fix(check_text(text, "fix_encoding_and_explain"),
               _validate.config(config, EncodingConfig, DEFAULT, "fix_encoding_and_explain"),
               record)
    return Explained(out, tuple(record))
