"""The library's feed filter: "All articles", then each feed with its unread count.

Made only when the library has feeds, so a library without any opens exactly as before.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from store.article import display_safe
from store.library.listing import FeedCount
from tui.widgets.nav_list import NavList

ALL = "all"  # the option id of "All articles"


def feed_prompt(name: str, unread: int, width: int, failed: bool = False) -> Content:
    """The name cut to fit, the unread count at the right edge; `!` when the last refresh
    of the feed failed."""
    room = width - 3  # the option's padding and the border
    count = f"{unread:,}" if unread else ""
    mark = "! " if failed else ""
    flat = display_safe(" ".join(name.split())) or "?"
    space = room - len(count) - len(mark) - 1
    if len(flat) > space:
        flat = flat[: max(1, space - 1)] + "…"
    label = Content(mark).stylize("$warning bold") + Content(flat)
    pad = " " * max(1, room - label.cell_length - len(count))
    return label + Content(pad) + Content(count).stylize("bold")


class FeedList(NavList):
    """Highlighting a feed filters the table to it (the screen listens)."""

    def __init__(self, feeds: list[FeedCount], selected: int | None, width: int, **kwargs) -> None:
        self.cells = width
        super().__init__(*self.options_for(feeds), **kwargs)
        self.feed_ids: list[int | None] = [None, *(f.id for f in feeds)]
        self.selected = selected
        self.styles.width = width

    def on_mount(self) -> None:
        # what the table shows at first; the message it sends matches the screen's filter
        ids = self.feed_ids
        self.highlighted = ids.index(self.selected) if self.selected in ids else 0

    def options_for(self, feeds: list[FeedCount]) -> list[Option]:
        return [  # (no count for all: unread articles added by hand would make it a scan)
            Option(feed_prompt("All articles", 0, self.cells), id=ALL),
            *(
                Option(feed_prompt(f.name, f.unread, self.cells, bool(f.last_error)), id=str(f.id))
                for f in feeds
            ),
        ]

    def show(self, feeds: list[FeedCount], selected: int | None, width: int | None = None) -> None:
        """New counts (or new feeds, or a new width) keeping the chosen feed highlighted."""
        ids = [None, *(f.id for f in feeds)]
        if width is not None and width != self.cells:
            self.cells = width
            self.styles.width = width
        if ids == self.feed_ids:  # same feeds: only the prompts change, the cursor stays
            for option in self.options_for(feeds):
                self.replace_option_prompt(option.id, option.prompt)
            return
        self.feed_ids = ids
        self.set_options(self.options_for(feeds))
        self.highlighted = ids.index(selected) if selected in ids else 0

    def feed_at(self, index: int | None) -> int | None:
        return self.feed_ids[index] if index is not None and index < len(self.feed_ids) else None
