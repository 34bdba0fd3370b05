"""The library: every article as a row, search as you type, feeds refreshed in the background.

`screen` holds the screen, `keys` its bindings, `feeds` the work done off the UI thread; they
import store, tui.display, tui.config and tui.widgets, never the app or another screen.
"""

from tui.screens.library.screen import LibraryScreen

__all__ = ["LibraryScreen"]
