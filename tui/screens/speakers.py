"""Who is quoted across the library, each person once under every spelling of the name; their
quotations across sources in date order; choosing a quote opens its article at the quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.display import one_line, quoted, said_on, spaced
from tui.widgets.key_bar import KeyBar
from tui.widgets.nav_list import NavList

if TYPE_CHECKING:
    from tui.protocol import ReaderApp


class SpeakersScreen(Screen):
    """Everyone quoted in the library; Enter lists their quotes, Enter on a quote opens it."""

    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = [Binding("q,escape", "back", "Back", id="speakers-back")]

    def compose(self) -> ComposeResult:
        yield Static(Content("Speakers"), classes="title-bar")
        with Horizontal():
            with Vertical(classes="pane"):
                yield NavList(id="speaker-list")
                yield Static(
                    Content("Nobody is quoted in the library yet."),
                    classes="empty",
                    id="speakers-empty",
                )
            with Vertical(classes="pane"):
                yield Static(Content("Quotes"), classes="pane-title", id="speaker-quotes-title")
                yield NavList(id="speaker-quotes")
        yield KeyBar()

    def on_mount(self) -> None:
        from store.library.voices import speaker_index

        speakers = speaker_index(self.app.library)
        names = self.query_one("#speaker-list", OptionList)
        for i, s in enumerate(speakers):
            if i:
                names.add_option(None)
            role = f", {one_line(s.role, 40)}" if s.role else ""
            n = len(s.articles)
            also = "; ".join(one_line(a, 40) for a in s.aliases[:6])
            also += "; \u2026" if len(s.aliases) > 6 else ""
            names.add_option(
                Option(
                    Content.from_markup(
                        "[b]$name[/b]$role\n[dim]$count$also[/dim]",
                        name=one_line(s.name, 60),
                        role=role,
                        count=f"{s.quotes} quote{'s' if s.quotes != 1 else ''} in {n} "
                        f"article{'s' if n != 1 else ''}",
                        also=f" \u00b7 also {also}" if also else "",
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
        """The person's quotations across sources, in the order they were said."""
        from store.library.voices import quotes_of

        quotes = quotes_of(self.app.library, name)
        self.query_one("#speaker-quotes-title", Static).update(
            Content.from_markup("Quotes of [b]$name[/b], in date order", name=one_line(name, 60))
        )
        listing = self.query_one("#speaker-quotes", OptionList)
        listing.clear_options()
        listing.add_options(
            spaced(
                Option(
                    Content.from_markup(
                        "$quote\n[dim]$day · $title[/dim]",
                        quote=quoted(s.quote.text),
                        day=said_on(s.day, s.day_from),
                        title=one_line(s.title, 80),
                    ),
                    id=f"{i}:{s.quote.article_id}:{s.quote.start}:{s.quote.end}",
                )
                for i, s in enumerate(quotes)
            )
        )
        listing.highlighted = 0 if quotes else None
        listing.focus()

    def action_back(self) -> None:
        self.app.pop_screen()
