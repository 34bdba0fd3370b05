"""One timeline of every article, under a heading per day or period; choosing an event opens
its article at the event.

Combining a large library's timelines takes a while, so it runs in a thread: the screen says
what it is doing meanwhile, and `q` goes back at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.errors import NewsreaderError
from tui.display import event_words, one_line, under_headings
from tui.widgets.key_bar import KeyBar
from tui.widgets.nav_list import NavList

if TYPE_CHECKING:
    from store.analysis.timeline import CombinedEvent
    from tui.protocol import ReaderApp


class CombinedTimelineScreen(Screen):
    """The events of every article on one timeline, each with the articles that report it."""

    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = [Binding("q,escape", "back", "Back", id="timeline-back")]

    def compose(self) -> ComposeResult:
        yield Static(Content("Timeline of the library"), classes="title-bar")
        yield NavList(id="combined-timeline")
        yield Static(classes="empty", id="timeline-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#combined-timeline", NavList).display = False
        self.query_one("#timeline-empty", Static).update(
            Content("Combining the timelines of the library\u2026")
        )
        self.run_worker(self._combine, thread=True, group="timeline", exit_on_error=False)

    def _combine(self) -> None:
        from store.analysis.timeline import combine_timelines

        library = self.app.library
        try:
            events = combine_timelines(library.events_of(library.article_ids()))
            titles = library.titles(s[0] for ev in events for s in ev.sources)
        except NewsreaderError as e:
            self.app.call_from_thread(self.app.notify, str(e), severity="error", markup=False)
            return
        self.app.call_from_thread(self.show, events, titles)

    def show(self, events: list[CombinedEvent], titles: dict[int, str]) -> None:
        """Fill the list, one heading per day or period, the reporting articles under each."""
        if not self.is_attached:  # closed while the worker combined
            return
        listing = self.query_one("#combined-timeline", NavList)

        def entry(i: int, ev: CombinedEvent) -> Option:
            ids = dict.fromkeys(s[0] for s in ev.sources)
            names = "; ".join(one_line(titles[a], 60) for a in ids)
            first = ev.sources[0] if ev.sources else None
            return Option(
                event_words(ev.date, ev.text, ev.cut_start, ev.cut_end, 300)
                + Content.from_markup("\n[dim]$titles[/dim]", titles=names),
                id=f"{i}:{first[0]}:{first[1]}:{first[2]}" if first else None,
            )

        options = under_headings((ev.date, entry(i, ev)) for i, ev in enumerate(events))
        listing.add_options(options)
        empty = self.query_one("#timeline-empty", Static)
        empty.update(Content("No dated events in the library yet."))
        empty.display = not events
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
