"""One timeline of every article, under a heading per day or period; choosing an event opens
its article at the event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.article import display_safe
from tui.display import one_line
from tui.widgets.key_bar import KeyBar
from tui.widgets.nav_list import NavList

if TYPE_CHECKING:
    from tui.protocol import ReaderApp


class CombinedTimelineScreen(Screen):
    """The events of every article on one timeline, each with the articles that report it."""

    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = [Binding("q,escape", "back", "Back", id="timeline-back")]

    def compose(self) -> ComposeResult:
        yield Static(Content("Timeline of the library"), classes="title-bar")
        yield NavList(id="combined-timeline")
        yield Static(
            Content("No dated events in the library yet."), classes="empty", id="timeline-empty"
        )
        yield KeyBar()

    def on_mount(self) -> None:
        from store.analysis.labels import heading, time_words
        from store.analysis.timeline import combine_timelines, excerpt

        library = self.app.library
        events = combine_timelines(library.events_of(library.article_ids()))
        titles = library.titles(s[0] for ev in events for s in ev.sources)
        listing = self.query_one("#combined-timeline", NavList)
        options: list[Option | None] = []
        last = None
        for i, ev in enumerate(events):
            if options:
                options.append(None)
            if (head := heading(ev.date)) != last:  # one heading per day or period
                options.append(Option(Content(display_safe(head)), disabled=True))
                last = head
            sources = list(ev.sources)
            names = "; ".join(one_line(titles[a], 60) for a in dict.fromkeys(s[0] for s in sources))
            first = sources[0] if sources else None
            when = time_words(ev.date)
            options.append(
                Option(
                    Content.from_markup(
                        "[b]$when[/b]$text\n[dim]$titles[/dim]",
                        when=f"{when}: " if when else "",
                        text=display_safe(excerpt(ev.text, ev.cut_start, ev.cut_end, 300)),
                        titles=names,
                    ),
                    id=f"{i}:{first[0]}:{first[1]}:{first[2]}" if first else None,
                )
            )
        listing.add_options(options)
        self.query_one("#timeline-empty").display = not events
        listing.display = bool(events)
        listing.action_first()
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            _, article_id, start, end = (int(x) for x in event.option.id.split(":"))
            self.app.open_reader(article_id, (start, end))

    def action_back(self) -> None:
        self.app.pop_screen()
