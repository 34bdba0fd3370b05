"""The library's keys: what each does, its id (the config file's name for it), and which of
them the key bar shows first when the terminal is narrow."""

from __future__ import annotations

from textual.binding import Binding

BINDINGS: list[Binding] = [
    Binding("enter", "open", "Open", id="open", show=False),  # the table shows its own
    # keys that open a text field act before the next key is read (priority), so a burst
    # typed after them (tmux, a paste) lands in the field
    Binding("slash", "search", "Search", id="search", key_display="/", priority=True),
    Binding("a", "add", "Add", id="add", priority=True),
    Binding("d", "delete", "Delete", id="delete"),
    Binding("u", "undo_delete", "Undo delete", id="undo-delete", show=False),
    Binding("X", "trash", "Trash", id="trash", tooltip="Trash: removed highlights and articles"),
    Binding("r", "refresh_feeds", "Refresh", id="refresh-feeds", tooltip="Refresh feeds"),
    Binding("m", "toggle_read", "Read", id="toggle-read", tooltip="Read / unread"),
    Binding("F", "subscribe", "Feed", id="add-feed", tooltip="Add a feed", priority=True),
    Binding("f", "feeds", "Feeds", id="feeds", show=False, tooltip="Feeds ↔ table"),
    Binding("e", "export_all", "Export", id="export-all", tooltip="Export all"),
    Binding("q", "quit", "Quit", id="quit"),
    Binding("s", "speakers", "Speakers", id="speakers"),
    Binding("T", "timeline", "Timeline", id="combined-timeline"),
    Binding("H", "notebook", "Notebook", id="notebook", tooltip="Every highlight and note"),
    Binding("escape", "close_search", "Close search", id="close-search", show=False),
    Binding("j", "row(1)", "Next row", id="row-next", show=False),
    Binding("k", "row(-1)", "Previous row", id="row-prev", show=False),
    Binding("g", "first", "First row", id="row-first", show=False),
    Binding("G", "last", "Last loaded row", id="row-last", show=False),
    Binding("N", "next_unread", "Next unread", id="next-unread", tooltip="Open next unread"),
    Binding("S", "sort", "Sort", id="sort", tooltip="Sort another way (added, title, unread…)"),
    Binding("A", "mark_all_read", "All read", id="mark-all-read", tooltip="Mark view read"),
]

# the key bar's keys, most used first: the least used give way on a narrow terminal
KEY_BAR = (
    "open-row",
    "search",
    "next-unread",
    "sort",
    "add",
    "toggle-read",
    "refresh-feeds",
    "mark-all-read",
    "speakers",
    "combined-timeline",
    "add-feed",
    "palette",
    "delete",
    "export-all",
)
