"""Feeds fetched off the UI thread: the messages the work sends back to the library screen, and
the one-line progress bar it shows meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message

if TYPE_CHECKING:
    from store.ingest.feeds import Feed, ProgressEvent, RefreshReport

BAR = 20  # cells of the refresh progress bar


def progress_line(done: int, total: int, what: str) -> Content:
    """`Refreshing feeds ━━━━━━╺──── 12/40 · what just finished`."""
    total = max(total, 1)
    filled = min(BAR, round(BAR * done / total))
    bar = Content("━" * filled).stylize("$accent") + Content("─" * (BAR - filled)).stylize(
        "$text-muted"
    )
    return Content.assemble(
        Content("Refreshing feeds ").stylize("bold"),
        bar,
        f" {done}/{total}",
        Content(f" · {what}" if what else "").stylize("$text-muted"),
    )


def in_background(fn: Callable[[], None], name: str) -> None:
    """Network work on a daemon thread, not a Textual worker: quitting sets the refresh's
    stop event, but a request in flight can take up to the fetch timeout to give up, and the
    app's loop must not wait for it (what is stored is stored; SQLite rolls back the rest)."""
    threading.Thread(target=fn, name=f"newsreader-{name}", daemon=True).start()


class RefreshProgress(Message):
    """Posted from the refresh thread after each feed and each entry."""

    bubble = False  # the library screen's own business

    def __init__(self, event: ProgressEvent) -> None:
        super().__init__()
        self.event = event


class RefreshDone(Message):
    bubble = False  # the library screen's own business

    def __init__(self, report: RefreshReport | None, error: str | None, stopped: bool) -> None:
        super().__init__()
        self.report, self.error, self.stopped = report, error, stopped


class FeedSubscribed(Message):
    bubble = False  # the library screen's own business

    def __init__(self, feed: Feed | None, created: bool, error: str | None) -> None:
        super().__init__()
        self.feed, self.created, self.error = feed, created, error
