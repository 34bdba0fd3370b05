"""The keys of the current screen on one line at the bottom, as a single widget.

Textual's Footer makes a widget per key, which costs a noticeable share of the start-up
budget; this draws the same information (screen keys first, then the focused pane's, grouped
keys together) as one line of text.
"""

from __future__ import annotations

from itertools import groupby

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _: Screen) -> None:
        self.refresh()

    def shown(self) -> list[tuple[int, Binding]]:
        """Bindings to show with their rank: the screen's own first (0), then the focused
        widget's (1), then the app's (2); one per action."""
        screen = self.screen
        ranked: list[tuple[int, int, Binding]] = []
        seen: set[str] = set()
        for order, active in enumerate(screen.active_bindings.values()):
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            rank = 0 if active.node is screen else 2 if active.node is self.app else 1
            ranked.append((rank, order, binding))
        return [(rank, b) for rank, _, b in sorted(ranked, key=lambda r: (r[0], r[1]))]

    def render(self) -> Content:
        """One line that fits: when the keys are too many, the screen's last ones give way
        (every key stays in the help screen and the palette)."""
        key_style = self.get_visual_style("key-bar--key")
        parts: list[tuple[int, Content]] = []
        for group, members in groupby(self.shown(), key=lambda rb: rb[1].group):
            ranked = list(members)
            bindings = [b for _, b in ranked]
            if group is not None and len(bindings) > 1:
                keys = "".join(self.app.get_key_display(b) for b in bindings)
                parts.append(
                    (
                        ranked[0][0],
                        Content(keys).stylize(key_style) + Content(f" {group.description}"),
                    )
                )
            else:
                parts.extend(
                    (
                        rank,
                        Content(self.app.get_key_display(b)).stylize(key_style)
                        + Content(f" {b.description}"),
                    )
                    for rank, b in ranked
                )
        palette = Content("^p").stylize(key_style) + Content(" palette")
        room = self.content_region.width or self.size.width
        shown = [c for _, c in parts] + [palette]
        while len(parts) > 1 and sum(c.cell_length + 2 for c in shown) - 2 > room:
            screen_keys = [i for i, (rank, _) in enumerate(parts) if rank == 0]
            parts.pop(screen_keys[-1] if screen_keys else len(parts) - 1)
            shown = [c for _, c in parts] + [palette]
        return Content("  ").join(shown)
