"""Who is quoted across the library; choosing a quote opens its article at the quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.display import one_line, quoted, spaced
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
