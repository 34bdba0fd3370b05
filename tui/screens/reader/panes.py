"""What the timeline and quotes panes list: the article's own words, headed by day, each
entry an option whose id leads back to its place in the text."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from store.article import display_safe
from store.library.records import StoredEvent, StoredQuote
from tui.display import one_line, quoted, spaced

PANE_ENTRY = 300  # characters of a timeline entry before it is cut at a word


class PaneNote(Static, can_focus=True):
    """What an empty pane says; it takes the focus the list would have had."""


def timeline_options(events: Iterable[StoredEvent]) -> list[Option | None]:
    """Timeline entries under one heading per day or period ("Wed 2 Mar 2022", "week of 21 Feb
    2022"), each the article's own words ("…" where cut), a time of day before it."""
    from store.analysis.labels import heading, time_words
    from store.analysis.timeline import excerpt

    options: list[Option | None] = []
    last = None
    for i, e in enumerate(events):
        if options:
            options.append(None)
        if (head := heading(e.date)) != last:
            options.append(Option(Content(display_safe(head)), disabled=True))
            last = head
        text = display_safe(excerpt(e.text, e.cut_start, e.cut_end, PANE_ENTRY))
        when = time_words(e.date)
        prompt = (
            Content.from_markup("[b]$when:[/b] $text", when=when, text=text)
            if when
            else (Content(text))
        )
        options.append(Option(prompt, id=f"t{i}"))
    return options


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
