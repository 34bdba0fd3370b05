"""Where the quotation marks of a text enclose something: a linear scan, one paragraph at a time.

News prose mixes curly and straight double quotes, forgets closing marks, repeats the opening
mark at each paragraph of a long quotation, and sometimes closes with the wrong mark. A regular
expression with nested quantifiers would backtrack on such text; a single left-to-right pass over
the marks decides, from the characters on either side of each mark, whether it opens or closes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
_MARKS = re.compile('[\u201c\u201e\u00ab\u201d\u00bb"]')
_PARAGRAPH = re.compile(r"[^\n]+")
_LETTER = re.compile(r"\w")


@dataclass(frozen=True)
class Span:
    """One quoted stretch inside a paragraph; offsets are into the whole text."""

    start: int
    end: int
    para_start: int
    para_end: int
    opened: bool  # begins with an opening mark (False for an orphan closing mark)
    closed: bool  # ends with a closing mark (False when it runs to the paragraph's end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of the text: the canonical text has one paragraph per line."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _space_or_edge(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in "([{\u2014\u2013-/"


def _closing_context(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in ".,;:!?)]}\u2014\u2013-\u2026'\u2019"


def _looks_opening(prev: str, nxt: str) -> bool:
    return _space_or_edge(prev) and not (nxt == "" or nxt.isspace())


def _looks_closing(prev: str, nxt: str) -> bool:
    return not _space_or_edge(prev) and _closing_context(nxt)


def scan_paragraph(text: str, start: int, end: int) -> list[Span]:
    """Quoted stretches of one paragraph, in order; never fails, linear in the paragraph."""
    spans: list[Span] = []
    open_at: int | None = None
    last_end = start  # where the text after the previous quotation starts
    skip_straight = False

    def emit(s: int, e: int, opened: bool, closed: bool) -> None:
        nonlocal last_end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 2 and _LETTER.search(text, s, e):
            spans.append(Span(s, e, start, end, opened, closed))
        last_end = max(last_end, e)

    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        if ch == STRAIGHT:
            if skip_straight:  # the closing mark of a markup attribute value
                skip_straight = False
                continue
            if open_at is None and prev == "=":  # markup such as author="@name"
                skip_straight = True
                continue
            if open_at is None:
                role = (
                    "close"
                    if _looks_closing(prev, nxt) and not _looks_opening(prev, nxt)
                    else "open"
                )
            else:
                role = (
                    "open"
                    if _looks_opening(prev, nxt) and not _looks_closing(prev, nxt)
                    else "close"
                )
        elif ch in OPENERS:
            role = "close" if open_at is not None and _looks_closing(prev, nxt) else "open"
        else:
            role = "open" if open_at is None and _looks_opening(prev, nxt) else "close"

        if role == "open":
            if open_at is not None:  # an opening mark while one is open: the first never closed
                emit(open_at, i, True, False)
            open_at = i
        elif open_at is not None:
            emit(open_at, i + 1, True, True)
            open_at = None
        elif spans:  # a stray closing mark after other quotations: it ends a sentence's quote
            emit(_sentence_start(text, last_end, i), i + 1, False, True)
        # a stray closing mark in a paragraph with no other quotation is left alone: more often
        # the tail of a quotation cut off by the page than somebody's words
    if open_at is not None:
        emit(open_at, end, True, False)
    return spans


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")


def _sentence_start(text: str, lo: int, i: int) -> int:
    """Start of the sentence holding position i, not before lo."""
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, i):
        s = m.end()
    while s < i and text[s].isspace():
        s += 1
    return s


def scan(text: str) -> list[Span]:
    """Quoted stretches of the whole text, paragraph by paragraph."""
    out: list[Span] = []
    for s, e in paragraphs(text):
        out.extend(scan_paragraph(text, s, e))
    return out
