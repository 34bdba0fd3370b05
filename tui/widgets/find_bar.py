"""The reader's find line (`/`): what to look for in the article, matched as it is typed."""

from __future__ import annotations

from bisect import bisect_left

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from tui.widgets.closing_input import ClosingInput


class FindBar(ClosingInput):
    """One line under the article. Enter keeps the matches (for n and N), Escape clears them;
    either way the article has the focus again."""

    DEFAULT_CSS = """
    FindBar { display: none; height: 1; border: none; padding: 0 1; }
    FindBar:focus { border: none; }
    """
    BINDINGS = [Binding("escape", "close(False)", "Clear find", id="find-clear")]

    class Closed(Message):
        """The find line closed; `keep`: the matches stay marked."""

        def __init__(self, keep: bool) -> None:
            super().__init__()
            self.keep = keep

    def __init__(self) -> None:
        super().__init__(
            placeholder="Find in the article (a capital letter makes case count)", id="find"
        )
        self.cursor_blink = False  # quiet, and snapshots stay stable

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_close(True)

    def action_close(self, keep: bool) -> None:
        self.post_message(self.Closed(keep))


def match_from(
    matches: list[tuple[int, int]], offset: int, direction: int
) -> tuple[int, bool] | None:
    """The match after (direction 1) or before (-1) `offset`, and whether the search wrapped
    round the end of the article to find it. None when there are no matches."""
    if not matches:
        return None
    starts = [s for s, _ in matches]
    if direction > 0:
        i = bisect_left(starts, offset + 1)
        return (i, False) if i < len(matches) else (0, True)
    i = bisect_left(starts, offset) - 1
    return (i, False) if i >= 0 else (len(matches) - 1, True)
