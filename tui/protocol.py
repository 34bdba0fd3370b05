"""What a screen may ask of the app, so no screen imports the app (which imports them)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from store.library.db import Library
    from tui.config import Config


class ReaderApp(Protocol):
    """The news reader app as its screens see it (besides everything a Textual App has)."""

    library: Library
    config: Config
    export_dir: Path
    exit_after_first_frame: bool
    last_opened: int | None

    def open_reader(
        self, article_id: int, span: tuple[int, int] | None = None, find: str | None = None
    ) -> None:
        """Open an article at its kept place, or at `span` when given (marked and brought
        into view); with `find`, that span is a match of those words, marked like `/`."""

    def open_quote_group(self, article_id: int, span: tuple[int, int]) -> None:
        """The quotation at `span` as every article in the library reported it."""

    def open_view(self, name: str) -> None:
        """A library-wide view by name: "speakers", "timeline", "notebook", "tags", "trash"."""

    def export(self, ids: list[int] | None) -> list[Path]:
        """One article's highlights to its own file, or every article's into the folder."""

    def warm_up(self) -> None:
        """Load, after the first frame, what the first article will need."""

    def report_config(self) -> None:
        """Say, once, what was wrong in the config file (the app runs on with defaults)."""
