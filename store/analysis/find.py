"""Finding words in an article: every match of what a person types, and where a library
search hit lies in the text.

Offsets point into the canonical text. Case is ignored unless the query has a capital letter
(smart case, as in vim and less); any run of spaces in the query matches any whitespace, so a
phrase is found across a line or paragraph break.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"


def smart_case(query: str) -> bool:
    """Whether the query asks for its case: it has a capital letter."""
    return any(c.isupper() for c in query)


def _loose(text: str) -> str:
    """A regex for `text` literally, with each run of whitespace matching any whitespace."""
    return r"\s+".join(re.escape(part) for part in text.split())


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every (start, end) where the query occurs, in order and not overlapping."""
    if not query.strip():
        return []
    flags = 0 if smart_case(query) else re.IGNORECASE
    return [m.span() for m in re.finditer(_loose(query), text, flags)]


def locate_hit(text: str, snippet: str, marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a full-text search hit's first marked word is in the text: found by the words
    around it in the snippet, else the first occurrence of the word itself. None when the
    match was in the title or the notes, not the text."""
    if not marks:
        return None
    s, e = marks[0]
    word = snippet[s:e]
    before = snippet[:s].lstrip(ELLIPSIS).split()[-6:]
    after = snippet[e:].rstrip(ELLIPSIS).split()[:6]
    # keep the boundary: a mark may start or end inside a longer token of the snippet
    left = r"\s+" if snippet[:s][-1:].isspace() else ""
    right = r"\s+" if snippet[e:][:1].isspace() else ""
    pre = _loose(" ".join(before)) + left if before else ""
    post = right + _loose(" ".join(after)) if after else ""
    if (pre or post) and (m := re.search(f"{pre}({_loose(word)}){post}", text)):
        return m.span(1)
    if m := re.search(rf"(?<!\w){_loose(word)}(?!\w)", text, re.IGNORECASE):
        return m.span()
    return None
