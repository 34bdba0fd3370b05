"""Finding a highlight again in changed text, from its exact words, prefix and suffix."""

from __future__ import annotations

import os
import re


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


def _unfolded(text: str, folded_at: list[int]) -> list[int]:
    """Where characters of `text` with its whitespace runs folded (ascending positions in
    the folded text) were in `text`; reads the runs only as far as the last of them."""
    out: list[int] = []
    gone = 0  # characters taken out before the current run
    for m in _BLANKS.finditer(text):
        here = m.start() - gone  # where this run's one space is in the folded text
        while len(out) < len(folded_at) and folded_at[len(out)] <= here:
            i = folded_at[len(out)]
            out.append(m.start() if i == here else i + gone)
        if len(out) == len(folded_at):
            return out
        gone += m.end() - m.start() - 1
    return out + [i + gone for i in folded_at[len(out) :]]


def find_quote(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int = 0
) -> tuple[int, int] | None:
    """Where a quote taken elsewhere (a web page, another tool) sits in `text`: as
    `find_again`, and failing that with whitespace runs compared as one space, since a page's
    line breaks and indentation are not the cleaned article's."""
    span = find_again(text, exact, prefix, suffix, hint, limit=PLACES)
    if span is not None or not exact.strip():
        return span
    folded = _BLANKS.sub(" ", text)
    core = " ".join(exact.split())
    lead = " ".join(prefix.split()) + (" " if prefix[-1:].isspace() else "")
    tail = (" " if suffix[:1].isspace() else "") + " ".join(suffix.split())
    near = hint * len(folded) // max(1, len(text))  # near enough to break a tie
    span = find_again(folded, core, lead, tail, near, limit=PLACES)
    if span is None:
        return None
    start, last = _unfolded(text, [span[0], span[1] - 1])
    return start, last + 1
