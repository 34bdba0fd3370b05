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

PAGE = 200  # speakers added to the list at a time


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

        self.speakers = speaker_index(self.app.library)
        self.shown = 0
        names = self.query_one("#speaker-list", OptionList)
        self.show_more()
        self.query_one("#speakers-empty").display = not self.speakers
        names.display = bool(self.speakers)
        names.highlighted = 0 if self.speakers else None
        names.focus()

    def show_more(self) -> None:
        """The next page of speakers (a large library quotes tens of thousands of people:
        the first frame shows the most quoted, the rest come as the cursor nears them)."""
        page = self.speakers[self.shown : self.shown + PAGE]
        rule = [None] if self.shown and page else []  # a rule between two pages too
        self.query_one("#speaker-list", OptionList).add_options(
            rule + list(spaced(self._option(self.shown + i, s) for i, s in enumerate(page)))
        )
        self.shown += len(page)

    def _option(self, i: int, s) -> Option:
        role = f", {one_line(s.role, 40)}" if s.role else ""
        n = len(s.articles)
        also = "; ".join(one_line(a, 40) for a in s.aliases[:6])
        also += "; \u2026" if len(s.aliases) > 6 else ""
        return Option(
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

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if (
            event.option_list.id == "speaker-list"
            and self.shown < len(self.speakers)
            and event.option_index >= self.shown - PAGE // 4
        ):
            self.show_more()

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
