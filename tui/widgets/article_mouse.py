"""The mouse on the article: a click puts the cursor on a word, a drag selects words."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.events import MouseDown, MouseMove, MouseUp
from textual.geometry import Offset


class MouseSelect:
    """Mouse handling for ArticleView (which provides the text, its lines and the cursor)."""

    text: str
    cursor: int
    anchor: int | None
    _lines: list[tuple[int, int]]
    _drag_from: int | None
    scroll_offset: Offset
    words: list[tuple[int, int]]
    word_at: Callable[[int], int]
    move_to: Callable[..., None]
    _moved: Callable[..., None]
    capture_mouse: Callable[..., None]
    release_mouse: Callable[[], None]

    def _offset_at(self, event: MouseDown | MouseMove | MouseUp) -> int | None:
        """The text offset under the pointer (None: not over a line of text)."""
        offset = event.get_content_offset(self)
        if offset is None or not self._lines:
            return None
        idx = min(self.scroll_offset.y + offset.y, len(self._lines) - 1)
        if idx < 0:
            return None
        if self._lines[idx][0] < 0:  # between paragraphs: the start of the next one
            return self._lines[idx + 1][0]
        start, end = self._lines[idx]
        col, pos = 0, start
        while pos < end and col + cell_len(self.text[pos]) <= offset.x + self.scroll_offset.x:
            col += cell_len(self.text[pos])
            pos += 1
        return pos

    def on_mouse_down(self, event: MouseDown) -> None:
        """A click puts the cursor on the word (shift+click extends the selection); holding
        the button and dragging selects."""
        if event.button != 1 or (pos := self._offset_at(event)) is None or not self.words:
            return
        self.move_to(pos, keep_selection=event.shift)
        self._drag_from = self.cursor
        self.capture_mouse()

    def on_mouse_move(self, event: MouseMove) -> None:
        if self._drag_from is None or (pos := self._offset_at(event)) is None:
            return
        word = self.word_at(pos)
        if word != self.cursor:
            if self.anchor is None:
                self.anchor = self._drag_from
            self.cursor = word
            self._moved()

    def on_mouse_up(self, event: MouseUp) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()
