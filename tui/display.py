"""How untrusted text is shown: one display-safe line, cut to fit, quotations as written.

Every screen and widget that shows a title, a note, a tag or a quotation goes through these,
so hostile text (escape sequences, markup) always reaches the screen as plain characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from store.article import cut_at_word, display_safe

T = TypeVar("T")


def one_line(text: str | None, limit: int | None = None) -> str:
    """Display-safe text on one line, cut to `limit` characters."""
    flat = display_safe(" ".join((text or "").split()))
    if limit and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat


def spaced(options: Iterable[T]) -> Iterator[T | None]:
    """Options with a quiet rule between them (None is OptionList's separator)."""
    for i, option in enumerate(options):
        if i:
            yield None
        yield option


def day(stamp: str | None) -> str:
    """The calendar day of an ISO stamp, or a dash."""
    return one_line(stamp)[:10] if stamp else "—"


def said_on(day: str | None, how: str | None) -> str:
    """When a quotation was said: its day, marked when the article's date stands in."""
    if not day:
        return "undated"
    return one_line(day) if how == "text" else f"{one_line(day)} (article date)"


def quoted(text: str, limit: int = 300) -> str:
    """A quotation on one line exactly as the article has it (its own marks, none added),
    cut at a word with "…" when longer than `limit`."""
    return cut_at_word(one_line(text), limit)
