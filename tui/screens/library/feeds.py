"""Feeds fetched off the UI thread: the work itself (with its own connection), the messages it
sends back to the library screen, and the one-line progress bar it shows meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message

from store.errors import NewsreaderError
from tui.display import one_line

if TYPE_CHECKING:
    from pathlib import Path

    from store.ingest.feeds import Feed, ProgressEvent, RefreshReport

BAR = 20  # cells of the refresh progress bar


def feed_list_width(screen_width: int) -> int:
    """Cells the feed list takes, its border included: narrower on a narrow terminal, so the
    titles keep room."""
    return 26 if screen_width >= 110 else 20


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


def refresh_in_thread(
    path: Path, feed_ids: list[int] | None, stop: threading.Event, post: Callable[[Message], None]
) -> RefreshDone:
    """Refresh the feeds (all, or those chosen) on the calling thread; progress goes to `post`.
    Any failure comes back as the message's error: a notice, never a traceback."""
    from store.ingest.feeds import list_feeds, refresh_feeds
    from store.library.db import Library

    report, error = None, None
    try:
        with Library(path, seed=False) as library:
            feeds = list_feeds(library)
            if feed_ids is not None:
                feeds = [f for f in feeds if f.id in feed_ids]
            report = refresh_feeds(
                library, feeds, progress=lambda e: post(RefreshProgress(e)), stop=stop
            )
    except Exception as e:  # noqa: BLE001 - a notice, never a traceback
        error = str(e) if isinstance(e, NewsreaderError) else f"refresh failed: {e!r}"
    return RefreshDone(report, error, stop.is_set())


def refresh_summary(report: RefreshReport, stopped: bool) -> tuple[str, bool]:
    """`Feeds refreshed: 3 new, 1 failed (first: …)`, and whether anything failed."""
    new, failed = len(report.new_articles), len(report.failed)
    summary = f"{'Refresh stopped' if stopped else 'Feeds refreshed'}: {new} new, {failed} failed"
    if failed:
        where, why = report.failed[0]
        first = why if why.startswith(where) else f"{where}: {why}"
        summary += f" (first: {one_line(first, 100)})"
    return summary, bool(failed)


def subscribe_in_thread(path: Path, url: str) -> FeedSubscribed:
    """Subscribe on the calling thread, with its own connection."""
    from store.ingest.feeds import subscribe
    from store.library.db import Library

    try:
        with Library(path, seed=False) as library:
            feed, created = subscribe(library, url)
    except Exception as e:  # noqa: BLE001 - a notice, never a traceback
        error = str(e) if isinstance(e, NewsreaderError) else f"{url}: {e!r}"
        return FeedSubscribed(None, False, error)
    return FeedSubscribed(feed, created, None)
