"""A one-line field that closes on Enter or Escape without swallowing the keys typed after.

Textual hands each key to the focused widget's own queue and reads the next one at once, so a
burst ("/talks", Enter, "n", "h", as a paste or tmux sends it) puts every key in the field's
queue before Enter has moved the focus anywhere: "n" and "h" were typed into the find line.
This field notes Enter and Escape as it reads them; the keys queued behind them are handed on,
in order, to whatever has the focus once the field has closed.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

CLOSING_KEYS = ("enter", "escape")


class ClosingInput(Input):
    """An Input whose Enter and Escape close it (the owner moves the focus away)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.closing = False  # Enter or Escape has been read; what follows is not ours
        self._late: list[events.Key] = []

    async def _on_key(self, event: events.Key) -> None:
        if self.closing:
            event.stop()
            event.prevent_default()
            late = events.Key(event.key, event.character)
            if self.has_focus:
                self._late.append(late)  # until the focus has moved
            else:
                self.app.post_message(late)
            return
        if event.key in CLOSING_KEYS:
            self.closing = True  # before the keys queued behind it are read
        await super()._on_key(event)

    def _on_focus(self, event: events.Focus) -> None:
        self.closing = False  # open again: keys are ours
        super()._on_focus(event)

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        self._hand_on()

    def on_unmount(self) -> None:
        self._hand_on()

    def stay_open(self) -> None:
        """Enter led nowhere (the focus stays): the keys read after it are typing after all."""
        self.closing = False
        late, self._late = self._late, []
        for key in late:
            self.post_message(key)

    def _hand_on(self) -> None:
        late, self._late = self._late, []
        for key in late:
            self.app.post_message(key)
