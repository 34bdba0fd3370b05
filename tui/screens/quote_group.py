"""One quotation as every article in the library reported it, the words that differ marked.

Opened from a quote in the reader (`s`). Finding the group reads every quotation of the
library, so it runs on a worker thread: the screen answers keys while it looks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.article import display_safe
from store.errors import NewsreaderError
from store.library.records import QuoteGroup, SourcedQuote
from tui.display import one_line, said_on, spaced
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.protocol import ReaderApp

DIFFERS = "bold underline"  # how a word that differs between versions is shown
_BLANKS = re.compile(r"\s+")


def _flat(text: str) -> str:
    """Display-safe, one line, blanks kept at the ends (the pieces are joined again)."""
    return display_safe(_BLANKS.sub(" ", text))


def marked_quote(text: str, spans: tuple[tuple[int, int], ...]) -> Content:
    """A version of the quotation with the words that differ from the others marked."""
    parts: list[str | tuple[str, str]] = []
    pos = 0
    for s, e in spans:
        parts += [_flat(text[pos:s]), (_flat(text[s:e]), DIFFERS)]
        pos = e
    parts.append(_flat(text[pos:]))
    return Content.assemble(*parts)


class QuoteGroupScreen(Screen):
    """The versions of one quotation across the library, in date order; Enter opens one."""

    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = [Binding("q,escape", "back", "Back", id="group-back")]

    def __init__(self, article_id: int, span: tuple[int, int]) -> None:
        super().__init__(id="quote-group")
        self.article_id = article_id
        self.span = span
        self.group: QuoteGroup | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("The same words elsewhere"), classes="title-bar", id="group-title")
        yield Static(
            Content("Looking for the same words in the other articles\u2026"),
            classes="pane-title",
            id="group-about",
        )
        yield OptionList(id="group-versions")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#group-versions", OptionList).focus()
        self.run_worker(self._find, thread=True, group="quote-group", exit_on_error=False)

    def _find(self) -> None:
        from store.library.voices import group_of

        try:
            group = group_of(self.app.library, self.article_id, *self.span)
        except NewsreaderError as e:
            self.app.call_from_thread(self.app.notify, str(e), severity="error", markup=False)
            return
        self.app.call_from_thread(self.show, group)

    def show(self, group: QuoteGroup | None) -> None:
        """Fill the list: the group's versions, or this quotation alone when no other article
        reports its words."""
        if not self.is_attached:  # closed while the worker looked
            return
        self.group = group
        if group is None:
            self._alone()
            return
        n = len({v.quote.article_id for v in group.versions})
        self.query_one("#group-title", Static).update(Content(f"The same words in {n} articles"))
        self.query_one("#group-about", Static).update(
            Content.assemble(
                one_line(group.person) if group.person else "Speaker unknown",
                " \u00b7 words that differ between versions are ",
                ("marked", DIFFERS),
            )
        )
        listing = self.query_one("#group-versions", OptionList)
        listing.clear_options()
        listing.add_options(
            spaced(
                Option(
                    Content.assemble(
                        (said_on(v.day, v.day_from), "bold"),
                        " \u00b7 ",
                        one_line(v.title, 80),
                        " (this article)" if self._is_here(v) else "",
                        "\n",
                        marked_quote(v.quote.text, spans),
                    ),
                    id=f"{i}:{v.quote.article_id}:{v.quote.start}:{v.quote.end}",
                )
                for i, (v, spans) in enumerate(zip(group.versions, group.differs, strict=True))
            )
        )
        listing.highlighted = next(
            (i for i, v in enumerate(group.versions) if self._is_here(v)), 0
        )

    def _alone(self) -> None:
        quote = next(
            (q for q in self.app.library.quotes(self.article_id)
             if q.start < self.span[1] and self.span[0] < q.end),
            None,
        )
        self.query_one("#group-title", Static).update(
            Content("No other article reports these words")
        )
        self.query_one("#group-about", Static).update(
            Content("Only this article carries the quotation.")
        )
        listing = self.query_one("#group-versions", OptionList)
        listing.clear_options()
        if quote is not None:
            listing.add_option(
                Option(Content(_flat(quote.text)), id=f"0:{quote.article_id}:{quote.start}:"
                       f"{quote.end}")
            )

    def _is_here(self, v: SourcedQuote) -> bool:
        q = v.quote
        return q.article_id == self.article_id and q.start < self.span[1] and self.span[0] < q.end

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            _, article_id, start, end = (int(x) for x in event.option.id.split(":"))
            self.app.open_reader(article_id, (start, end))

    def action_back(self) -> None:
        self.app.pop_screen()
