"""The news reader app: opens on the library; the reader and other screens load when opened.

Only what the first library frame needs is imported here (start-up is measured against a
bare Textual app): no sqlite_utils, no lxml, no reader screen.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from store.errors import NewsreaderError
from store.library.db import Library
from tui.config import Config, load_config

SMALL = (60, 20)  # narrower or lower than this, a terminal is small


def default_export_dir(config: Config | None = None) -> Path:
    """`NEWSREADER_EXPORT_DIR`, else the config's `export_dir`, else ~/newsreader-export."""
    if env := os.environ.get("NEWSREADER_EXPORT_DIR"):
        return Path(env).expanduser()
    if config is not None and config.export_dir is not None:
        return config.export_dir
    return Path.home() / "newsreader-export"


def help_sections(keymap: dict[str, str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every key, read from the bindings themselves (and the person's keymap) so the help can
    never disagree with them."""
    from tui.screens.help import rows
    from tui.screens.library import LibraryScreen
    from tui.screens.notebook import NotebookScreen
    from tui.screens.reader import ReaderScreen
    from tui.screens.trash import TrashScreen
    from tui.widgets.article_view import ArticleView
    from tui.widgets.nav_list import NavList

    keymap = keymap or {}
    return [
        ("Library", rows(LibraryScreen.BINDINGS, keymap)),
        ("Reading: moving and selecting", rows(ArticleView.BINDINGS, keymap)),
        (
            "Reading: highlights, notes, panes",
            rows(ReaderScreen.BINDINGS, keymap)
            + [("Enter", "In a pane: go there in the article")],
        ),
        ("In every list", rows(NavList.BINDINGS, keymap)),
        (
            "Anywhere",
            rows(NewsReader.BINDINGS, keymap) + [("ctrl+p", "Command palette (themes too)")],
        ),
        (
            "Notebook (H in the library)",
            rows(
                (b for b in NotebookScreen.BINDINGS if b.id not in NotebookScreen.AS_IN_READER),
                keymap,
            )
            + [
                ("n t x u", "As in the reader"),
                ("1-5", "Colour, as there"),
                ("Enter", "Open at highlight"),
            ],
        ),
        ("Trash (X in the library)", rows(TrashScreen.BINDINGS, keymap)),
    ]


def binding_ids() -> set[str]:
    """The id of every key a person can remap in the config's [keys] table."""
    return {
        b.id
        for _, bindings in _all_bindings()
        for b in bindings
        if isinstance(b, Binding) and b.id
    }


def _all_bindings() -> list[tuple[str, list]]:
    from tui.screens.help import HelpScreen
    from tui.screens.library import LibraryScreen
    from tui.screens.notebook import NotebookScreen
    from tui.screens.quote_group import QuoteGroupScreen
    from tui.screens.reader import ReaderScreen
    from tui.screens.speakers import SpeakersScreen
    from tui.screens.timeline import CombinedTimelineScreen
    from tui.screens.trash import TrashScreen
    from tui.widgets.article_table import ArticleTable
    from tui.widgets.article_view import ArticleView
    from tui.widgets.nav_list import NavList

    classes = (
        NewsReader, LibraryScreen, ArticleTable, ReaderScreen, ArticleView, NavList,
        SpeakersScreen, CombinedTimelineScreen, HelpScreen, NotebookScreen, QuoteGroupScreen,
        TrashScreen,
    )
    return [(cls.__name__, list(cls.BINDINGS)) for cls in classes]


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
        config_path: Path | None = None,
    ) -> None:
        """`config_path`: the person's config file (None: the defaults, and nothing is saved,
        as in tests)."""
        super().__init__()
        self.config, self.config_problems = load_config(config_path)
        self.library = Library(db_path)
        self.export_dir = Path(export_dir) if export_dir else default_export_dir(self.config)
        self.exit_after_first_frame = exit_after_first_frame
        self.last_opened: int | None = None
        self._clashes: set[str] = set()
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.config_problems.append(
                    f"{self.config.path}: theme: no theme named {self.config.theme!r} "
                    f"(ctrl+p, then \"theme\", lists them)"
                )
        if self.no_color:
            self.add_class("-no-color")

    def on_load(self) -> None:
        """Start-up makes some 200,000 objects and no garbage worth a pass of the cyclic
        collector (a tenth of the time to the first frame): it waits for that frame, and then
        leaves those objects out of its passes (gc.freeze), or the first full pass would
        walk all of them during some keystroke later (70 ms)."""
        gc.disable()

    def on_mount(self) -> None:
        from tui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def on_resize(self) -> None:
        """`-small` on a small terminal: dialogs and lists take the whole screen, one thing at
        a time (the stylesheet says how)."""
        width, height = self.size
        self.set_class(width < SMALL[0] or height < SMALL[1], "-small")

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables plus the reader's colours worked out for it: five highlight
        colours, the selection and the cursor, distinct and readable in every theme."""
        from tui.palette import reader_colours

        variables = super().get_css_variables()
        variables.update(reader_colours(variables, dark=self.current_theme.dark))
        return variables

    def _keep_theme(self, theme) -> None:
        """A theme chosen in the app is written to the config file for the next start."""
        from tui.config import save_theme

        path = self.config.path
        if path is None or theme.name == (self.config.theme or "textual-dark"):
            return
        try:
            save_theme(path, theme.name)
        except (OSError, ValueError) as e:
            self.notify(f"Theme not saved: {e}", severity="warning", markup=False)
            return
        from dataclasses import replace

        self.config = replace(self.config, theme=theme.name)

    def report_config(self) -> None:
        """The config's problems in one notice, after the first frame (the app runs on with
        the defaults for what was wrong)."""
        from tui.config import unknown_key_ids

        problems = self.config_problems + unknown_key_ids(self.config, binding_ids())
        if problems:
            self.notify(
                "\n".join(problems), title="Config", severity="warning", timeout=15, markup=False
            )

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node) -> None:
        """A key the config gives to one thing that another had: the config wins, and the
        one that lost its key is named once, so it can be given another."""
        for binding in clashed_bindings:
            key = f"{binding.id}:{binding.key}"
            if key not in self._clashes:
                self._clashes.add(key)
                what = binding.description or binding.action
                self.notify(
                    f"{self.config.path}: keys: {binding.key} now does what [keys] says, so "
                    f"{what} ({binding.id}) has no key here; give it another",
                    title="Config",
                    severity="warning",
                    markup=False,
                )

    def on_unmount(self) -> None:
        # what start-up made is the collector's again (and it runs, should the app leave
        # before its first frame)
        gc.unfreeze()
        gc.enable()
        self.library.close()

    def warm_up(self) -> None:
        """After the first frame, load in the background what the first article and the
        first highlight will need (imports, the check for damage), so neither waits for it."""
        gc.freeze()  # paused for the start-up (on_load)
        gc.enable()

        def load() -> None:
            from store.library.db import load_writer

            load_writer()
            self.library.check_ahead()  # the first highlight need not wait for the check
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
        if any(screen.id == "reader" for screen in self.screen_stack):
            self.call_later(self._reopen_reader, article_id, span)
            return
        self.last_opened = article_id
        self.push_screen(ReaderScreen(article_id, span, find))
        self.call_after_refresh(self.mark_read, article_id)  # the write waits for the paint

    async def _reopen_reader(self, article_id: int, span: tuple[int, int] | None) -> None:
        """One reader at a time (its id is fixed), e.g. a quote group opening another article:
        the open reader and the screens over it close first."""
        while self.screen.id != "reader":
            await self.pop_screen()
        await self.pop_screen()
        self.open_reader(article_id, span)

    def mark_read(self, article_id: int) -> None:
        """Opening an article reads it (one write, only the first time)."""
        from store.ingest.feeds import is_read, mark_read

        try:
            if not is_read(self.library, article_id):
                mark_read(self.library, article_id)
        except NewsreaderError as e:
            self.notify(str(e), severity="error", markup=False)

    def open_quote_group(self, article_id: int, span: tuple[int, int]) -> None:
        from tui.screens.quote_group import QuoteGroupScreen

        self.push_screen(QuoteGroupScreen(article_id, span))

    def open_view(self, name: str) -> None:
        """A library-wide view by name: the app routes, so no screen imports another."""
        if name == "speakers":
            from tui.screens.speakers import SpeakersScreen

            self.push_screen(SpeakersScreen())
        elif name == "timeline":
            from tui.screens.timeline import CombinedTimelineScreen

            self.push_screen(CombinedTimelineScreen())
        elif name in ("notebook", "tags"):
            from tui.screens.notebook import NotebookScreen

            self.push_screen(NotebookScreen(show_tags=name == "tags"))
        elif name == "trash":
            from tui.screens.trash import TrashScreen

            if not isinstance(self.screen, TrashScreen):
                self.push_screen(TrashScreen())
        else:
            raise ValueError(f"no view named {name!r}")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self.config.keys)))

    # --- export -----------------------------------------------------------------------------

    def export(self, ids: list[int] | None) -> list[Path]:
        """One article to its own file, or every article with highlights into the folder.
        A file newsreader did not write, or that was edited since, is left alone (and named)."""
        from store.export.markdown import export_markdown, safe_filename

        try:
            if ids and len(ids) == 1:
                title = self.library.get_article(ids[0]).title
                out = self.export_dir / safe_filename(title, ids[0])
            else:
                out = self.export_dir
            report = export_markdown(self.library, out, ids)
        except NewsreaderError as e:
            self.notify(str(e), severity="error", markup=False)
            return []
        written = report.written
        if len(written) == 1:
            self.notify(f"Exported to {written[0]}", title="Export", markup=False, timeout=8)
        elif written:
            self.notify(
                f"Exported {len(written)} files to {out}", title="Export", markup=False, timeout=8
            )
        if report.skipped:
            path, why = report.skipped[0]
            more = f" (and {len(report.skipped) - 1} more)" if len(report.skipped) > 1 else ""
            self.notify(
                f"Not replaced: {path.name}, {why}{more}",
                title="Export",
                severity="warning",
                markup=False,
                timeout=12,
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
        if screen.id != "notebook":
            yield SystemCommand(
                "Tags",
                "Every tag with its count; choosing one filters the notebook",
                lambda: self.open_view("tags"),
            )
        yield SystemCommand(
            "Trash",
            "Removed highlights and deleted articles: restore or purge them",
            lambda: self.open_view("trash"),
        )
        yield SystemCommand("Help", "Every key of the news reader", self.action_help)
