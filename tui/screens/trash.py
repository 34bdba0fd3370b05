"""The trash: every removed highlight and deleted article, to restore or to purge for good.

Restoring is harmless and asks nothing; purging asks, and only `y` says yes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.errors import NewsreaderError
from store.library.records import TrashEntry
from tui.display import day, one_line, spaced
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.protocol import ReaderApp


def entry_prompt(entry: TrashEntry) -> Content:
    """Two lines: what was removed, then from where and when."""
    if entry.kind == "highlight":
        what = Content.from_markup("[b]Highlight[/b] “$label”", label=one_line(entry.label, 100))
        where = f"from {one_line(entry.title, 80)}"
    else:
        what = Content.from_markup("[b]Article[/b] $title", title=one_line(entry.title, 100))
        where = "the article"
    details = " · ".join(x for x in (where, entry.detail, f"removed {day(entry.removed)}") if x)
    return Content("\n").join([what, Content.from_markup("[dim]$d[/dim]", d=details)])


class TrashScreen(Screen):
    """What `x` in the reader and `d` in the library removed, newest first."""

    app: ReaderApp  # type: ignore[assignment]

    DEFAULT_CSS = "TrashScreen #trash-list { height: 1fr; border: none; }"
    BINDINGS = [
        Binding("r", "restore", "Restore", id="trash-restore"),
        Binding("x,delete", "purge", "Purge", id="trash-purge", tooltip="Purge this one for good"),
        Binding("E", "empty", "Empty", id="trash-empty", tooltip="Empty the trash for good"),
        Binding("q,escape", "back", "Back", id="trash-back"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="trash-title", classes="title-bar")
        yield OptionList(id="trash-list")
        yield Static(
            Content("The trash is empty. Removed highlights and deleted articles wait here."),
            classes="empty",
            id="trash-empty",
        )
        yield KeyBar()

    def on_mount(self) -> None:
        self.fill()
        self.query_one(OptionList).focus()

    def fill(self, keep: int | None = None) -> None:
        self.entries = self.app.library.trash()
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(spaced(Option(entry_prompt(e), id=str(e.id)) for e in self.entries))
        if self.entries:
            listing.highlighted = 2 * min(keep or 0, len(self.entries) - 1)  # (separators)
        n = len(self.entries)
        self.query_one("#trash-title", Static).update(
            Content(f"Trash · {n} item{'s' if n != 1 else ''} · Enter or r restores")
        )
        self.query_one("#trash-empty").display = not self.entries
        listing.display = bool(self.entries)

    def current(self) -> TrashEntry | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None or not self.entries:
            self.app.notify("The trash is empty", markup=False)
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        return next((e for e in self.entries if str(e.id) == option_id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        entry = self.current()
        if entry is None:
            return
        index = self.entries.index(entry)
        try:
            restored = self.app.library.restore(entry.id)
        except NewsreaderError as e:
            self.app.notify(str(e), severity="error", markup=False)
            return
        if entry.kind == "highlight":
            message = f"Restored “{one_line(entry.label, 60)}” in {one_line(entry.title, 60)}"
        elif restored.merged:
            message = (
                f"{one_line(entry.title, 60)} is in the library again: its highlights are back "
                "on it"
            )
        else:
            message = f"Restored {one_line(entry.title, 60)} {entry.detail}".rstrip()
        self.app.notify(message, markup=False)
        self.fill(keep=index)

    def action_purge(self) -> None:
        from tui.widgets.dialogs import ConfirmScreen

        entry = self.current()
        if entry is None:
            return
        index = self.entries.index(entry)

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.library.empty_trash(entry.id)
                self.app.notify("Purged for good", markup=False)
                self.fill(keep=index)

        question = Content.from_markup(
            "Purge [b]$what[/b] for good? It cannot be restored afterwards.",
            what=one_line(entry.label, 80),
        )
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_empty(self) -> None:
        from tui.widgets.dialogs import ConfirmScreen

        if not self.entries:
            self.app.notify("The trash is empty", markup=False)
            return
        n = len(self.entries)

        def answered(yes: bool | None) -> None:
            if yes:
                purged = self.app.library.empty_trash()
                self.app.notify(f"Emptied the trash: {purged} purged for good", markup=False)
                self.fill()

        self.app.push_screen(
            ConfirmScreen(
                f"Empty the trash? {n} item{'s' if n != 1 else ''} will be gone for good."
            ),
            answered,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
