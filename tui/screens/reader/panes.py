"""What the timeline and quotes panes list: the article's own words, headed by day, each
entry an option whose id leads back to its place in the text."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from store.library.records import StoredEvent, StoredQuote
from tui.display import event_words, one_line, quoted, spaced, under_headings

PANE_ENTRY = 300  # characters of a timeline entry before it is cut at a word


class PaneNote(Static, can_focus=True):
    """What an empty pane says; it takes the focus the list would have had."""


def timeline_options(events: Iterable[StoredEvent]) -> list[Option | None]:
    """The article's events under a heading per day or period; ids lead back to the text."""
    return under_headings(
        (e.date, Option(event_words(e.date, e.text, e.cut_start, e.cut_end, PANE_ENTRY), f"t{i}"))
        for i, e in enumerate(events)
    )


def quote_options(quotes: Iterable[StoredQuote]) -> list[Option | None]:
    """Each quotation with who said it ("speaker unknown" when nobody could be named)."""
    return list(
        spaced(
            Option(
                Content.from_markup(
                    "$quote\n[i]— $speaker[/i]",
                    quote=quoted(q.text),
                    speaker=one_line(q.speaker) if q.speaker else "speaker unknown",
                ),
                id=f"q{i}",
            )
            for i, q in enumerate(quotes)
        )
    )
