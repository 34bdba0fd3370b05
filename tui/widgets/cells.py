"""A table cell of one line, cut to its column: what the library's rows are made of.

A `rich.text.Text` cell is measured and rendered through Rich's word wrapper, although a row
of the library never wraps; a first frame draws a screenful of rows of six cells each, and
that wrapping was most of its cost. `Cell` measures its width once and renders as one
segment (plus padding), so a row costs half as much.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.measure import Measurement
from rich.segment import Segment

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class Cell:
    """Display-safe text on one line (the caller makes it so), cut with "…" to the width it
    is given; `right` aligns it right. `str(cell)` is its text, `cell.style` its style."""

    __slots__ = ("text", "style", "right", "_width")

    def __init__(self, text: str, style: str = "", *, right: bool = False) -> None:
        self.text = text
        self.style = style
        self.right = right
        self._width = cell_len(text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Cell({self.text!r}, {self.style!r})"

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self._width, self._width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if width <= 0:
            return
        text, used = self.text, self._width
        if used > width:
            text, used = set_cell_size(text, max(0, width - 1)) + "…", width
        style = console.get_style(self.style) if self.style else None
        gap = Segment(" " * (width - used)) if used < width else None
        if gap and self.right:
            yield gap
        if text:
            yield Segment(text, style)
        if gap and not self.right:
            yield gap
