"""Finding a highlight again in changed text, from its exact words, prefix and suffix."""

from __future__ import annotations

import os
import re
from bisect import bisect_right


def _common_suffix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a[::-1], b[::-1]]))


def find_again(
    text: str, exact: str, prefix: str, suffix: str, hint: int, *, limit: int | None = None
) -> tuple[int, int] | None:
    """The span of `exact` in `text` whose surroundings best match the old prefix and suffix
    (ties go to the place nearest the old offset); None when the words are gone. `limit`:
    look at no more than that many places (each costs the length of `exact`)."""
    if not exact:
        return None
    best: tuple[int, int, int] | None = None  # (-context score, distance, start)
    start = text.find(exact)
    while start != -1 and (limit is None or limit > 0):
        limit = None if limit is None else limit - 1
        end = start + len(exact)
        score = _common_suffix(text[max(0, start - len(prefix)) : start], prefix) + len(
            os.path.commonprefix([text[end : end + len(suffix)], suffix])
        )
        key = (-score, abs(start - hint), start)
        if best is None or key < best:
            best = key
        start = text.find(exact, start + 1)
    return None if best is None else (best[2], best[2] + len(exact))


PLACES = 1000  # places a quote from elsewhere is compared at: linear time on any text


_BLANKS = re.compile(r"\s{2,}|[^\S ]")  # what is not already one plain space


def _folded(text: str) -> tuple[str, list[int], list[int]]:
    """`text` with every run of whitespace as one space, and where its pieces were: piece k
    starts at `folded_at[k]` in the result and at `was_at[k]` in `text`."""
    parts: list[str] = []
    folded_at: list[int] = []
    was_at: list[int] = []
    pos = length = 0
    for m in _BLANKS.finditer(text):
        start, end = m.span()
        for piece, was in ((text[pos:start], pos), (" ", start)):
            folded_at.append(length)
            was_at.append(was)
            parts.append(piece)
            length += len(piece)
        pos = end
    folded_at.append(length)
    was_at.append(pos)
    parts.append(text[pos:])
    return "".join(parts), folded_at, was_at


def find_quote(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int = 0
) -> tuple[int, int] | None:
    """Where a quote taken elsewhere (a web page, another tool) sits in `text`: as
    `find_again`, and failing that with whitespace runs compared as one space, since a page's
    line breaks and indentation are not the cleaned article's."""
    span = find_again(text, exact, prefix, suffix, hint, limit=PLACES)
    if span is not None or not exact.strip():
        return span
    folded, folded_at, was_at = _folded(text)

    def was(i: int) -> int:
        k = bisect_right(folded_at, i) - 1
        return was_at[k] + i - folded_at[k]

    core = " ".join(exact.split())
    lead = " ".join(prefix.split()) + (" " if prefix[-1:].isspace() else "")
    tail = (" " if suffix[:1].isspace() else "") + " ".join(suffix.split())
    k = bisect_right(was_at, hint) - 1
    near = folded_at[k] + min(hint - was_at[k], len(folded) - folded_at[k]) if k >= 0 else 0
    span = find_again(folded, core, lead, tail, near, limit=PLACES)
    if span is None:
        return None
    return was(span[0]), was(span[1] - 1) + 1
