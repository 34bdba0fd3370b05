"""One line over a narrow reader naming the article and its two panes, the one shown marked.

Below the wide layout the reader shows one of the three at a time, full width; Tab goes on to
the next (and this line says so), a click on a name goes there.
"""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

PANES = (("article", "Article"), ("timeline", "Timeline"), ("quotes", "Quotes"))


class PaneTabs(Widget):
    COMPONENT_CLASSES = {"pane-tabs--active", "pane-tabs--hint"}
    DEFAULT_CSS = """
    PaneTabs {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    PaneTabs > .pane-tabs--active {
        background: $primary;
        color: $text;
        text-style: bold;
    }
    PaneTabs > .pane-tabs--hint {
        color: $text-muted;
    }
    """

    shown: reactive[str] = reactive("article")
    counts: reactive[dict[str, int]] = reactive(dict, always_update=True)

    class Chosen(Message):
        """A pane's name was clicked."""

        def __init__(self, pane: str) -> None:
            super().__init__()
            self.pane = pane

    def _labels(self) -> list[tuple[str, str]]:
        out = []
        for name, title in PANES:
            n = self.counts.get(name)
            out.append((name, f" {title} {n} " if n else f" {title} "))
        return out

    def render(self) -> Content:
        active = self.get_visual_style("pane-tabs--active")
        parts = [
            Content(label).stylize(active) if name == self.shown else Content(label)
            for name, label in self._labels()
        ]
        line = Content(" ").join(parts)
        hint = Content("  tab: next").stylize(self.get_visual_style("pane-tabs--hint"))
        if line.cell_length + hint.cell_length <= self.content_region.width:
            line += hint
        return line

    def on_click(self, event: Click) -> None:
        x = event.x - self.styles.padding.left
        for name, label in self._labels():
            if 0 <= x < len(label):
                self.post_message(self.Chosen(name))
                return
            x -= len(label) + 1
