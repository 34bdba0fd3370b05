"""The news reader app: opens on the library; the reader and other screens load when opened.

Only what the first library frame needs is imported here (start-up is measured against a
bare Textual app): no sqlite_utils, no lxml, no reader screen.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store.errors import NewsreaderError
from store.library.db import Library


def default_export_dir() -> Path:
    """`NEWSREADER_EXPORT_DIR`, else ~/newsreader-export."""
    if env := os.environ.get("NEWSREADER_EXPORT_DIR"):
        return Path(env).expanduser()
    return Path.home() / "newsreader-export"


def help_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key, read from the bindings themselves so the help can never disagree with them."""
    from tui.screens.help import rows
    from tui.screens.library import LibraryScreen
    from tui.screens.reader import ReaderScreen
    from tui.screens.trash import TrashScreen
    from tui.widgets.article_view import ArticleView

    in_trash = [
        (keys, f"In the trash: {what.lower()}") for keys, what in rows(TrashScreen.BINDINGS)
    ]
    return [
        ("Library", rows(LibraryScreen.BINDINGS) + in_trash[:-1]),
        ("Reading: moving and selecting", rows(ArticleView.BINDINGS)),
        (
            "Reading: highlights, notes, panes",
            rows(ReaderScreen.BINDINGS)
            + [
                ("Tab", "Next pane (article, timeline, quotes)"),
                ("Enter", "In a pane: go to that place in the article"),
            ],
        ),
        ("Anywhere", rows(NewsReader.BINDINGS) + [("ctrl+p", "Command palette")]),
    ]


class NewsReader(App):
    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
    ]

    def __init__(
        self,
        db_path: Path,
        *,
        export_dir: Path | None = None,
        exit_after_first_frame: bool = False,
    ) -> None:
        super().__init__()
        self.library = Library(db_path)
        self.export_dir = Path(export_dir) if export_dir else default_export_dir()
        self.exit_after_first_frame = exit_after_first_frame
        self.last_opened: int | None = None

    def on_mount(self) -> None:
        from tui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    def on_unmount(self) -> None:
        self.library.close()

    def warm_up(self) -> None:
        """After the first frame, load in the background what the first article and the
        first highlight will need, so neither waits for an import."""

        def load() -> None:
            from store.library.db import load_writer

            load_writer()
            import store.ingest.feeds  # noqa: F401 - opening an article marks it read
            import tui.screens.reader  # noqa: F401
            import tui.widgets.dialogs  # noqa: F401

        self.run_worker(load, thread=True, group="warm-up", exit_on_error=False)

    # --- navigation -------------------------------------------------------------------------

    def open_reader(
        self, article_id: int, span: tuple[int, int] | None = None, find: str | None = None
    ) -> None:
        from tui.screens.reader import ReaderScreen

        try:
            self.library.get_article(article_id)
        except NewsreaderError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        self.last_opened = article_id
        self.push_screen(ReaderScreen(article_id, span, find))
        self.call_after_refresh(self.mark_read, article_id)  # the write waits for the paint

    def mark_read(self, article_id: int) -> None:
        """Opening an article reads it (one write, only the first time)."""
        from store.ingest.feeds import is_read, mark_read

        try:
            if not is_read(self.library, article_id):
                mark_read(self.library, article_id)
        except NewsreaderError as e:
            self.notify(str(e), severity="error", markup=False)

    def open_view(self, name: str) -> None:
        """A library-wide view by name: the app routes, so no screen imports another."""
        if name == "speakers":
            from tui.screens.speakers import SpeakersScreen

            self.push_screen(SpeakersScreen())
        elif name == "timeline":
            from tui.screens.timeline import CombinedTimelineScreen

            self.push_screen(CombinedTimelineScreen())
        elif name == "trash":
            from tui.screens.trash import TrashScreen

            if not isinstance(self.screen, TrashScreen):
                self.push_screen(TrashScreen())
        else:
            raise ValueError(f"no view named {name!r}")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections()))

    # --- export -----------------------------------------------------------------------------

    def export(self, ids: list[int] | None) -> list[Path]:
        """One article to its own file, or every article with highlights into the folder."""
        from store.export.markdown import export_markdown, safe_filename

        try:
            if ids and len(ids) == 1:
                title = self.library.get_article(ids[0]).title
                out = self.export_dir / safe_filename(title, ids[0])
            else:
                out = self.export_dir
            written = export_markdown(self.library, out, ids)
        except NewsreaderError as e:
            self.notify(str(e), severity="error", markup=False)
            return []
        if len(written) == 1:
            self.notify(f"Exported to {written[0]}", title="Export", markup=False, timeout=8)
        else:
            self.notify(
                f"Exported {len(written)} files to {out}", title="Export", markup=False, timeout=8
            )
        return written

    # --- command palette --------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen it was opened from, by name."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding, node = active.binding, active.node
            if not binding.description or binding.action in seen or not active.enabled:
                continue
            if node is self or binding.id in {"help"}:
                continue
            seen.add(binding.action)
            keys = binding.key_display or binding.key.split(",")[0]
            about = f" · {binding.tooltip}" if binding.tooltip else ""
            yield SystemCommand(
                binding.description,
                f"Key: {keys}{about}",
                lambda action=binding.action, node=node: self.call_later(
                    self.run_action, action, node
                ),
            )
        yield SystemCommand(
            "Trash",
            "Removed highlights and deleted articles: restore or purge them",
            lambda: self.open_view("trash"),
        )
        yield SystemCommand("Help", "Every key of the news reader", self.action_help)
