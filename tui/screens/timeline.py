"""One timeline of every article; choosing an event opens its article at the event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.display import one_line
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.protocol import ReaderApp


class CombinedTimelineScreen(Screen):
    """The events of every article on one timeline, each with the articles that report it."""

    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = [Binding("q,escape", "back", "Back", id="timeline-back")]

    def compose(self) -> ComposeResult:
        yield Static(Content("Timeline of the library"), classes="title-bar")
        yield OptionList(id="combined-timeline")
        yield Static(
            Content("No dated events in the library yet."), classes="empty", id="timeline-empty"
        )
        yield KeyBar()

    def on_mount(self) -> None:
        from store.analysis.timeline import combine_timelines

        library = self.app.library
        events = combine_timelines(library.events_of(library.article_ids()))
        titles = library.titles(s[0] for ev in events for s in ev.sources)
        listing = self.query_one("#combined-timeline", OptionList)
        for i, ev in enumerate(events):
            sources = list(ev.sources)
            names = "; ".join(one_line(titles[a], 60) for a in dict.fromkeys(s[0] for s in sources))
            first = sources[0] if sources else None
            if i:
                listing.add_option(None)
            listing.add_option(
                Option(
                    Content.from_markup(
                        "[b]$date[/b]  $text\n[dim]$titles[/dim]",
                        date=one_line(ev.date),
                        text=one_line(ev.text, 240),
                        titles=names,
                    ),
                    id=f"{i}:{first[0]}:{first[1]}:{first[2]}" if first else None,
                )
            )
        self.query_one("#timeline-empty").display = not events
        listing.display = bool(events)
        listing.highlighted = 0 if events else None
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            _, article_id, start, end = (int(x) for x in event.option.id.split(":"))
            self.app.open_reader(article_id, (start, end))

    def action_back(self) -> None:
        self.app.pop_screen()
