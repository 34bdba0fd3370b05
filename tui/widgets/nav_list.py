"""An OptionList that moves as every list of the news reader does: j/k, g/G, arrows, pages.

Headings (disabled options) are passed over by every move and stay in view above the first
entry under them.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class NavList(OptionList):
    BINDINGS = [
        Binding("enter", "select", "Open", id="list-select"),
        Binding("j", "cursor_down", "Next in the list", id="list-down", show=False),
        Binding("k", "cursor_up", "Previous in the list", id="list-up", show=False),
        Binding("g", "first", "First in the list", id="list-first", show=False),
        Binding("G", "last", "Last in the list", id="list-last", show=False),
    ]

    def action_first(self) -> None:
        super().action_first()
        self.scroll_home(animate=False, immediate=True)  # the heading above the first entry

    def action_cursor_up(self) -> None:
        before = self.highlighted
        super().action_cursor_up()
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        if self.highlighted == first and before != first:
            self.scroll_home(animate=False, immediate=True)
