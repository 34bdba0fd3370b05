"""One line of status under the article, with the reading place at its right end."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class StatusLine(Widget):
    """One line under the article; updating it repaints only itself (a Static would lay out
    the whole screen again on every cursor move)."""

    DEFAULT_CSS = "StatusLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = Content("")
        self.place = Content("")

    def update(self, content: Content) -> None:
        if content != self.content:
            self.content = content
            self.refresh()

    def show_place(self, place: Content) -> None:
        """Where the reader is ("¶ 3/40 · 12%"), kept at the right end of the line."""
        if place != self.place:
            self.place = place
            self.refresh()

    def render(self) -> Content:
        if not self.place:
            return self.content
        room = self.content_region.width or self.size.width
        left = self.content.truncate(max(0, room - self.place.cell_length - 2), ellipsis=True)
        gap = max(1, room - left.cell_length - self.place.cell_length)
        return Content.assemble(left, " " * gap, self.place.stylize("dim"))
