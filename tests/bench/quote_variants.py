"""The gold quotes set rewritten in other quoting styles, gold offsets carried along.

British style swaps the double and single marks (“…” becomes ‘…’, a nested ‘…’ becomes “…”;
straight marks likewise); apostrophes stay. Wire style writes every double mark as two straight
apostrophes (''…''), as wire copy and older archives do, so offsets after each mark shift by one.
The rewriting is the benchmark's own, deliberately simpler than the finder's reading of marks:
single marks pair with the next single mark that can close (not one inside a word).
"""

from __future__ import annotations

import bisect
import re

_PARAGRAPH = re.compile(r"[^\n]+")
_SINGLE = re.compile("[\u2018\u2019']")
_ELISION = re.compile(r"(?:\d\d|em\b|n\b|til\b|cause\b|bout\b|tis\b|twas\b)", re.IGNORECASE)
_DOUBLE_TO_SINGLE = {"\u201c": "\u2018", "\u201d": "\u2019", '"': "'"}


def _opens(text: str, i: int, s: int, e: int) -> bool:
    prev = text[i - 1] if i > s else " "
    nxt = text[i + 1] if i + 1 < e else " "
    if text[i] == "\u2019" or nxt.isspace() or _ELISION.match(text, i + 1, e):
        return False
    return prev.isspace() or prev in "(\u201c\"\u2014-[" or text[i] == "\u2018" and not \
        prev.isalnum()


def _closes(text: str, i: int, s: int, e: int) -> bool:
    prev = text[i - 1] if i > s else " "
    nxt = text[i + 1] if i + 1 < e else " "
    return text[i] != "\u2018" and not prev.isspace() and not nxt.isalnum()


def _single_pairs(text: str) -> dict[int, str]:
    """Positions of single marks used as quotation marks, each with its double replacement."""
    out: dict[int, str] = {}
    for para in _PARAGRAPH.finditer(text):
        s, e = para.span()
        open_at = None
        for m in _SINGLE.finditer(text, s, e):
            i = m.start()
            if open_at is None:
                if _opens(text, i, s, e):
                    open_at = i
            elif _closes(text, i, s, e):
                out[open_at], out[i] = "\u201c", "\u201d"
                open_at = None
            elif _opens(text, i, s, e):
                open_at = i
    return out


def british(row: dict) -> dict:
    """The article with double and single quotation marks swapped; lengths unchanged."""
    text = row["text"]
    promoted = _single_pairs(text)
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in _DOUBLE_TO_SINGLE:
            chars[i] = _DOUBLE_TO_SINGLE[ch]
    for i, ch in promoted.items():
        chars[i] = ch
    new = "".join(chars)
    quotes = [q | {"text": new[q["start"]: q["end"]]} for q in row["quotes"]]
    return row | {"text": new, "quotes": quotes}


def wire(row: dict) -> dict:
    """The article with every double mark written as '' (two straight apostrophes)."""
    text = row["text"]
    marks = [i for i, ch in enumerate(text) if ch in "\u201c\u201d\""]
    new = re.sub("[\u201c\u201d\"]", "''", text)

    def moved(pos: int) -> int:  # a start, or an end just past a mark (past both apostrophes)
        return pos + bisect.bisect_left(marks, pos)

    quotes = []
    for q in row["quotes"]:
        s, e = moved(q["start"]), moved(q["end"])
        spans = [[moved(a), moved(b)] for a, b in q.get("speaker_spans") or []]
        quotes.append(q | {"start": s, "end": e, "text": new[s:e], "speaker_spans": spans})
    return row | {"text": new, "quotes": quotes}
