"""The keys of the current screen on one line at the bottom, as a single widget.

Textual's Footer makes a widget per key, which costs a noticeable share of the start-up
budget; this draws the same information (screen keys first, then the focused pane's, grouped
keys together) as one line of text. When the line is too long, the least used keys give way
first: a screen ranks its keys in `KEY_BAR` (binding ids or group names, most used first,
also the order they are shown in); help, quit and back are never dropped and stand at the
right end.
"""

from __future__ import annotations

from itertools import groupby

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

PINNED = frozenset({"help", "quit", "back"})  # actions whose keys always show: the way out
PALETTE = "palette"  # the ^p entry's name in a screen's KEY_BAR


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

    def _description(self, binding: Binding) -> str:
        """What a key does now: a screen may say it better than the binding ("tab Quotes")."""
        describe = getattr(self.screen, "key_description", None)
        return (describe(binding) if describe else None) or binding.description

    def parts(self) -> list[tuple[str, Content]]:
        """(name, "key description") of each key to show, in the order shown; a group of keys
        is one part named by its group."""
        key_style = self.get_visual_style("key-bar--key")
        parts: list[tuple[str, Content]] = []
        for group, members in groupby(self.shown(), key=lambda rb: rb[1].group):
            bindings = [b for _, b in members]
            if group is not None and len(bindings) > 1:
                keys = "".join(self.app.get_key_display(b) for b in bindings)
                label = Content(keys).stylize(key_style) + Content(f" {group.description}")
                parts.append((group.description, label))
            else:
                parts.extend(
                    (
                        b.action if b.action in PINNED else b.id or b.action,
                        Content(self.app.get_key_display(b)).stylize(key_style)
                        + Content(f" {self._description(b)}"),
                    )
                    for b in bindings
                )
        parts.append((PALETTE, Content("^p").stylize(key_style) + Content(" palette")))
        # the screen's ranking is also the order shown; help, quit and back at the right end
        priority = list(getattr(self.screen, "KEY_BAR", ()))
        ranked = sorted(
            (p for p in parts if p[0] in priority), key=lambda p: priority.index(p[0])
        )
        unranked = [p for p in parts if p[0] not in priority and p[0] not in PINNED]
        return ranked + unranked + [p for p in parts if p[0] in PINNED]

    def render(self) -> Content:
        """One line that fits: the least used keys give way (every key stays in the help
        screen and the palette)."""
        parts = self.parts()
        priority = list(getattr(self.screen, "KEY_BAR", ()))
        # dropped first: keys the screen does not rank (the last first), then its ranked ones
        # from the least used; help, quit and back never
        names = [name for name, _ in parts if name not in PINNED]
        droppable = [n for n in reversed(names) if n not in priority]
        droppable += [n for n in reversed(priority) if n in names]
        room = self.content_region.width or self.size.width
        shown = dict(parts)
        for name in droppable:
            if sum(c.cell_length + 2 for c in shown.values()) - 2 <= room:
                break
            del shown[name]
        return Content("  ").join(list(shown.values()))
