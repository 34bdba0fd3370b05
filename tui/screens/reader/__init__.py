"""The reader: one article for close reading, with its timeline and quotes panes.

`screen` holds the screen, `keys` its bindings, `panes` what the two panes list; they import
store, tui.display and tui.widgets, never the app or another screen.
"""

from tui.screens.reader.screen import ReaderScreen

__all__ = ["ReaderScreen"]
