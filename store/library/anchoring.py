"""Finding a highlight again in changed text, from its exact words, prefix and suffix."""

from __future__ import annotations

import os


def _common_suffix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a[::-1], b[::-1]]))


def find_again(
    text: str, exact: str, prefix: str, suffix: str, hint: int
) -> tuple[int, int] | None:
    """The span of `exact` in `text` whose surroundings best match the old prefix and suffix
    (ties go to the place nearest the old offset); None when the words are gone."""
    if not exact:
        return None
    best: tuple[int, int, int] | None = None  # (-context score, distance, start)
    start = text.find(exact)
    while start != -1:
        end = start + len(exact)
        score = _common_suffix(text[max(0, start - len(prefix)) : start], prefix) + len(
            os.path.commonprefix([text[end : end + len(suffix)], suffix])
        )
        key = (-score, abs(start - hint), start)
        if best is None or key < best:
            best = key
        start = text.find(exact, start + 1)
    return None if best is None else (best[2], best[2] + len(exact))
