"""Every quoting style read as one: the text with its quotation marks written as “ and ”.

News is quoted in many styles: “…” and "…" (American), ‘…’ and '…' (British, where double
marks are the nested ones), ''…'' and ``…'' (wire copy, older archives), « … » and » … «
(guillemets), „…“ (German, Nordic). The quotation finder reads one style, so this module writes
a copy of the text in it, with a map from the copy's offsets back to the text's:

1. Two-character marks (``, '', ‘‘, ’’) become one mark; the copy is shorter, the only change
   that moves offsets.
2. A text whose quotations open with single marks more often than with double marks is in
   British style: its single quotation marks become double and its double marks single (so a
   nested quotation stays nested). Which single marks quote and which are apostrophes is read
   from the characters around each (a mark inside a word, "'90s", "rock 'n' roll" is an
   apostrophe) and from pairing: a possible closing mark after a plain word ("the players’
   union") is taken for an apostrophe when a firmer closing mark follows before the next opening.
3. Guillemets and low-high marks that open or close a quotation become “ and ”.

Every step is one left-to-right pass (with one right-to-left pass for the look-ahead), so the
time is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from store.analysis.quote_spans import paragraphs, scan

__all__ = ["Normalised", "normalise_marks"]

_TWO_CHAR = re.compile("'{2,3}|``|\u2018\u2018|\u2019\u2019")
_SINGLE = re.compile("[\u2018\u2019']")
_DOUBLE_OPEN = re.compile('[\u201c\u201e\u00ab"]')
_ELISION = re.compile(  # 'em, 'til, '90s, rock 'n' roll, U.S.'s: an apostrophe opening a word
    r"(?:\d\d(?!\d)|n[\u2019']|(?:s|em|til|cause|bout|tis|twas|round|cos|nuff|neath)"
    r"(?![\w\u2019']))",
    re.IGNORECASE,
)
_OPEN_BEFORE = "([{\u2014\u2013-/\u201c\u201e\u00ab\"\u2018"
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013-\u2026\u201d\u00bb\"\u2019'"
_DEMOTE = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "'", "\u201e": "\u201a"})
_GUILLEMETS = "\u201e\u00ab\u00bb"


@dataclass(frozen=True)
class Normalised:
    """The text with its quotation marks as “ ”, and where each of its offsets was."""

    text: str
    collapsed: list[int] = field(default_factory=list)  # copy offsets of a two-character mark

    def original(self, pos: int) -> int:
        """The text's offset for the copy's offset `pos` (a start, or an end after a mark)."""
        return pos + bisect.bisect_left(self.collapsed, pos)


def _blank(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _opening(prev: str, nxt: str) -> bool:
    return (_blank(prev) or prev in _OPEN_BEFORE) and not _blank(nxt)


def _closing(prev: str, nxt: str) -> bool:
    return not _blank(prev) and prev not in _OPEN_BEFORE and (_blank(nxt) or nxt in _CLOSE_AFTER)


def _collapse(text: str) -> Normalised:
    """Step 1: one character for each two-character mark."""
    parts: list[str] = []
    collapsed: list[int] = []
    pos = out_len = 0
    for m in _TWO_CHAR.finditer(text):
        s, e = m.span()
        mark = m.group()
        prev = text[s - 1] if s else ""
        nxt = text[e] if e < len(text) else ""
        at = 0  # where the one double mark stands in the replacement
        if mark in ("``", "\u2018\u2018"):
            new = "\u201c"
        elif mark == "\u2019\u2019":
            new = "\u201d"
        elif _opening(prev, nxt):
            new = "\u201c" + mark[2:]  # ''' opening: the double mark, then a nested single
        elif _closing(prev, nxt):
            new = mark[2:] + "\u201d"  # ''' closing: a nested single, then the double mark
            at = len(new) - 1
        else:
            new = '"' + mark[2:]
        parts.append(text[pos:s])
        out_len += s - pos
        collapsed.append(out_len + at)
        parts.append(new)
        out_len += len(new)
        pos = e
    parts.append(text[pos:])
    return Normalised("".join(parts), collapsed)


def _single_opens(text: str, i: int, prev: str, nxt: str, end: int) -> bool:
    """A single mark that can open: after a blank, a bracket, a dash or a colon, before a word
    ('90s, 'em, 's are apostrophes); a right mark (’) never opens."""
    return (
        text[i] != "\u2019"
        and (_blank(prev) or prev in _OPEN_BEFORE or prev in ":;")
        and not _blank(nxt)
        and nxt not in ",.;:!?)"
        and not _ELISION.match(text, i + 1, end)
    )


def _single_closes(prev: str, nxt: str) -> bool:
    """A single mark that can close an open quotation (a left mark too, typed the wrong way)."""
    return _closing(prev, nxt) or _blank(prev) and _blank(nxt)


def _british(text: str) -> bool:
    """Whether quotations open with single marks more often than with double marks."""
    singles = doubles = 0
    for s, e in paragraphs(text):
        for m in _SINGLE.finditer(text, s, e):
            i = m.start()
            prev = text[i - 1] if i > s else ""
            nxt = text[i + 1] if i + 1 < e else ""
            singles += _single_opens(text, i, prev, nxt, e)
        for m in _DOUBLE_OPEN.finditer(text, s, e):
            i = m.start()
            prev = text[i - 1] if i > s else ""
            nxt = text[i + 1] if i + 1 < e else ""
            doubles += text[i] != '"' or _opening(prev, nxt)
    return singles > doubles


def _single_marks(text: str, s: int, e: int) -> dict[int, str]:
    """The single marks of one paragraph that quote, each with its double replacement."""
    found: list[tuple[int, str]] = []  # (position, "open" | "firm" | "soft")
    for m in _SINGLE.finditer(text, s, e):
        i = m.start()
        prev = text[i - 1] if i > s else ""
        nxt = text[i + 1] if i + 1 < e else ""
        if prev.isalnum() and nxt.isalnum():
            continue  # inside a word: an apostrophe
        if _single_opens(text, i, prev, nxt, e):
            found.append((i, "open"))
        elif _single_closes(prev, nxt):
            # after a plain word and before a blank it may be an apostrophe (players’ union)
            found.append((i, "soft" if prev.isalpha() and _blank(nxt) else "firm"))
    # for each mark: is there a firm closing mark after it, before the next opening one?
    firm_ahead = [False] * len(found)
    ahead = False
    for k in range(len(found) - 1, -1, -1):
        firm_ahead[k] = ahead
        kind = found[k][1]
        if kind == "open":
            ahead = False
        elif kind == "firm":
            ahead = True
    out: dict[int, str] = {}
    open_at: int | None = None
    for k, (i, kind) in enumerate(found):
        if kind == "open":
            open_at = i  # an earlier opening mark never closed was an apostrophe
        elif open_at is not None and (kind == "firm" or not firm_ahead[k]):
            out[open_at], out[i] = "\u201c", "\u201d"
            open_at = None
    if open_at is not None:
        lead = text[s:open_at].rstrip()
        if not lead or lead[-1] in ":,.?!\u201d\"":  # a quotation running on to the next paragraph
            out[open_at] = "\u201c"
    return out


def _swap_styles(text: str) -> str:
    """Step 2: single quotation marks become double, double marks single."""
    chars = list(text.translate(_DEMOTE))
    for s, e in paragraphs(text):
        for i, mark in _single_marks(text, s, e).items():
            chars[i] = mark
    return "".join(chars)


def _canonical_doubles(text: str) -> str:
    """Step 3: guillemets and low-high marks that open or close a quotation become “ and ”."""
    chars = list(text)
    for sp in scan(text):
        if sp.opened and text[sp.start] in _GUILLEMETS:
            chars[sp.start] = "\u201c"
        last = sp.end - 1
        if sp.closed and text[last] in _GUILLEMETS + "\u201c":
            chars[last] = "\u201d"
    return "".join(chars)


def normalise_marks(text: str) -> Normalised:
    """The text in one quoting style (“…”, nested ‘…’), with the way back to its offsets."""
    norm = _collapse(text) if _TWO_CHAR.search(text) else Normalised(text)
    new = norm.text
    if _british(new):
        new = _swap_styles(new)
    if any(ch in new for ch in _GUILLEMETS):
        new = _canonical_doubles(new)
    return norm if new is norm.text else Normalised(new, norm.collapsed)
