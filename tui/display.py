"""How untrusted text is shown: one display-safe line, cut to fit, quotations as written.

Every screen and widget that shows a title, a note, a tag or a quotation goes through these,
so hostile text (escape sequences, markup) always reaches the screen as plain characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from textual.content import Content

from store.article import cut_at_word, display_safe

if TYPE_CHECKING:
    from textual.widgets.option_list import Option

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


def under_headings(entries: Iterable[tuple[str, Option]]) -> list[Option | None]:
    """(TIMEX value, option) pairs in date order, under one heading per day or period
    ("Wed 2 Mar 2022", "week of 21 Feb 2022"), a quiet rule between entries."""
    from textual.widgets.option_list import Option

    from store.analysis.labels import heading

    options: list[Option | None] = []
    last = None
    for value, option in entries:
        if options:
            options.append(None)
        if (head := heading(value)) != last:
            options.append(Option(Content(display_safe(head)), disabled=True))
            last = head
        options.append(option)
    return options


def event_words(value: str, text: str, cut_start: bool, cut_end: bool, limit: int) -> Content:
    """An event in the article's own words ("…" where cut), its time of day before them."""
    from store.analysis.labels import time_words
    from store.analysis.timeline import excerpt

    words = display_safe(excerpt(text, cut_start, cut_end, limit))
    if when := time_words(value):
        return Content.from_markup("[b]$when:[/b] $text", when=when, text=words)
    return Content(words)
