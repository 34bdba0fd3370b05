"""Library-wide views reached from the library: who is quoted, and one timeline of everything.

Choosing an entry opens its article at the quote or the event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.key_bar import KeyBar
from tui.library_screen import one_line, spaced
from tui.reader_screen import quoted

if TYPE_CHECKING:
    from tui.app import NewsReader


class SpeakersScreen(Screen):
    """Everyone quoted in the library; Enter lists their quotes, Enter on a quote opens it."""

    app: NewsReader

    BINDINGS = [Binding("q,escape", "back", "Back", id="speakers-back")]

    def compose(self) -> ComposeResult:
        yield Static(Content("Speakers"), classes="title-bar")
        with Horizontal():
            with Vertical(classes="pane"):
                yield OptionList(id="speaker-list")
                yield Static(
                    Content("Nobody is quoted in the library yet."),
                    classes="empty",
                    id="speakers-empty",
                )
            with Vertical(classes="pane"):
                yield Static(Content("Quotes"), classes="pane-title", id="speaker-quotes-title")
                yield OptionList(id="speaker-quotes")
        yield KeyBar()

    def on_mount(self) -> None:
        speakers = self.app.library.speakers()
        names = self.query_one("#speaker-list", OptionList)
        for i, s in enumerate(speakers):
            if i:
                names.add_option(None)
            role = f", {one_line(s.role, 40)}" if s.role else ""
            n = len(s.articles)
            names.add_option(
                Option(
                    Content.from_markup(
                        "[b]$name[/b]$role\n[dim]$count[/dim]",
                        name=one_line(s.name, 60),
                        role=role,
                        count=f"{s.quotes} quote{'s' if s.quotes != 1 else ''} in {n} "
                        f"article{'s' if n != 1 else ''}",
                    ),
                    id=str(i),
                )
            )
        self.speakers = speakers
        self.query_one("#speakers-empty").display = not speakers
        names.display = bool(speakers)
        names.highlighted = 0 if speakers else None
        names.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "speaker-list":
            self.show_quotes(self.speakers[int(event.option.id)].name)
        elif event.option.id:
            _, article_id, start, end = (int(x) for x in event.option.id.split(":"))
            self.app.open_reader(article_id, (start, end))

    def show_quotes(self, name: str) -> None:
        quotes = self.app.library.quotes_by_speaker(name)
        titles = self.app.library.titles(q.article_id for q in quotes)
        self.query_one("#speaker-quotes-title", Static).update(
            Content.from_markup("Quotes of [b]$name[/b]", name=one_line(name, 60))
        )
        listing = self.query_one("#speaker-quotes", OptionList)
        listing.clear_options()
        listing.add_options(
            spaced(
                Option(
                    Content.from_markup(
                        "$quote\n[dim]$title[/dim]",
                        quote=quoted(q.text),
                        title=one_line(titles[q.article_id], 80),
                    ),
                    id=f"{i}:{q.article_id}:{q.start}:{q.end}",
                )
                for i, q in enumerate(quotes)
            )
        )
        listing.highlighted = 0 if quotes else None
        listing.focus()

    def action_back(self) -> None:
        self.app.pop_screen()


class CombinedTimelineScreen(Screen):
    """The events of every article on one timeline, each with the articles that report it."""

    app: NewsReader

    BINDINGS = [Binding("q,escape", "back", "Back", id="timeline-back")]

    def compose(self) -> ComposeResult:
        yield Static(Content("Timeline of the library"), classes="title-bar")
        yield OptionList(id="combined-timeline")
        yield Static(
            Content("No dated events in the library yet."), classes="empty", id="timeline-empty"
        )
        yield KeyBar()

    def on_mount(self) -> None:
        from store.timeline import combine_timelines

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
