"""Feeds in the library screen, driven with Pilot against a real HTTP server on 127.0.0.1 and
a real library file: the filter, `r` refresh, read state, `m`, `F` subscribe, hostile names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from store.ingest.feeds import add_feed, is_read, list_feeds, refresh_feeds
from store.library.db import Library
from tests.feedfixtures import hostile_story, news_paragraphs, rss, story
from tests.feedserver import FeedServer, status
from tui.app import NewsReader
from tui.screens.library.feeds import RefreshProgress, progress_line
from tui.screens.reader import ReaderScreen
from tui.widgets.dialogs import PromptScreen
from tui.widgets.feed_list import FeedList

SIZE = (120, 30)
HOSTILE_FEED = "Feed [b]bold[/] \x1b]52;c;SGVsbG8=\x07 $accent"


def items(srv: FeedServer, name: str, n: int, start: int = 0) -> list[dict]:
    out = []
    for i in range(start, start + n):
        path = f"/{name}/{i}.html"
        title = f"{name.title()} story {i}"
        srv.add(path, story(title, *news_paragraphs(i, f"{name} {i}")))
        out.append(
            {
                "title": title,
                "link": srv.url(path),
                "date": f"Wed, 0{1 + i % 9} Mar 2022 10:00:00 GMT",
                "summary": f"{title} in brief.",
            }
        )
    return out


def publish(srv: FeedServer, name: str, n: int, start: int = 0) -> str:
    title = f"{name.title()} Gazette"
    return srv.add(f"/{name}.xml", rss(title, items(srv, name, n, start)), "application/rss+xml")


@pytest.fixture
def srv():
    with FeedServer() as s:
        yield s


@pytest.fixture
def feeds_library(reading_library, srv) -> tuple[Path, dict[str, int]]:
    """The reading library subscribed to two feeds (harbour: 3 entries, river: 2) that have
    been refreshed once; returns the path and the feed ids by name."""
    path, _ = reading_library
    with Library(path) as lib:
        harbour, _ = add_feed(lib, publish(srv, "harbour", 3))
        river, _ = add_feed(lib, publish(srv, "river", 2))
        report = refresh_feeds(lib)
        assert len(report.new_articles) == 5 and not report.failed
    return path, {"harbour": harbour.id, "river": river.id}


async def until(pilot, condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the app run until `condition` holds (a refresh or a subscribe on its thread)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there in time")


def titles(app: NewsReader) -> list[str]:
    return [str(cell) for cell in app.screen.table.get_column("title")]


def messages(app: NewsReader) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_feed_list_filters_the_table_to_one_feed(feeds_library, export_dir):
    path, feeds = feeds_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        feed_list = screen.query_one("#feeds", FeedList)
        assert screen.table.row_count == 8  # every article at first
        assert "All articles" in str(feed_list.get_option_at_index(0).prompt)
        assert "Harbour Gazette" in str(feed_list.get_option_at_index(1).prompt)
        await pilot.press("f")
        assert app.focused is feed_list
        await pilot.press("down")  # Harbour Gazette
        assert screen.feed_id == feeds["harbour"]
        assert titles(app) == ["Harbour story 2", "Harbour story 1", "Harbour story 0"]
        title_bar = str(screen.query_one("#library-title").render())
        assert "Harbour Gazette · 3 articles, 3 unread" in title_bar
        await pilot.press("down")  # River Gazette
        assert titles(app) == ["River story 1", "River story 0"]
        await pilot.press("enter")  # on to the articles
        assert app.focused is screen.table
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id in [
            a.id for a in app.library.list_rows(feed_id=feeds["river"])
        ]
        await pilot.press("q", "f", "up", "up")
        assert screen.feed_id is None and screen.table.row_count == 8


async def test_r_refreshes_and_new_articles_appear_without_a_restart(
    feeds_library, srv, export_dir
):
    path, feeds = feeds_library
    publish(srv, "harbour", 5)  # two new entries: stories 3 and 4
    srv.handle("/river.xml", status(500))
    app = NewsReader(db_path=path, export_dir=export_dir)
    seen = []
    async with app.run_test(size=SIZE, notifications=True, message_hook=seen.append) as pilot:
        screen = app.screen
        assert screen.table.row_count == 8
        await pilot.press("r")
        await until(pilot, lambda: screen.refresh_stop is None)
        # (the hook sees a message at each pump it passes through: count each once)
        unique = {id(m): m for m in seen if isinstance(m, RefreshProgress)}
        progress = [m.event for m in unique.values()]
        assert len(progress) == 4  # two feeds, two new entries
        assert progress[-1].done == progress[-1].total == 4
        await pilot.pause()
        assert not screen.query_one("#refresh-status").display
        assert screen.table.row_count == 10
        assert {"Harbour story 3", "Harbour story 4"} <= set(titles(app)[:2])
        summary = [m for m in messages(app) if m.startswith("Feeds refreshed")]
        assert len(summary) == 1 and summary[0].startswith("Feeds refreshed: 2 new, 1 failed")
        assert "river.xml" in summary[0]
        feed_list = screen.query_one("#feeds", FeedList)
        prompts = [str(feed_list.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts[1].startswith("Harbour Gazette") and prompts[1].endswith("5")
        assert prompts[2].startswith("! River Gazette")  # its last refresh failed
    with Library(path) as lib:
        assert lib.count_articles() == 10
        assert [f.articles for f in list_feeds(lib)] == [5, 2]


async def test_opening_marks_read_and_m_toggles(feeds_library, export_dir):
    path, feeds = feeds_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        first = screen.current_id()
        assert not is_read(app.library, first)
        assert str(screen.table.get_cell(str(first), "unread")) == "●"
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert is_read(app.library, first)
        await pilot.press("q")
        assert str(screen.table.get_cell(str(first), "unread")) == ""
        assert "bold" not in str(screen.table.get_cell(str(first), "title").style)
        await pilot.press("m")
        assert not is_read(app.library, first)
        assert str(screen.table.get_cell(str(first), "unread")) == "●"
        await pilot.press("j", "m")
        second = screen.current_id()
        assert is_read(app.library, second) and second != first
        if app.library.list_rows(limit=2)[1].feed_id == feeds["harbour"]:
            prompt = str(screen.query_one("#feeds", FeedList).get_option_at_index(1).prompt)
            assert prompt.endswith("2")  # one of three read
    with Library(path) as lib:
        assert not is_read(lib, first) and is_read(lib, second)


async def test_F_subscribes_fetches_and_shows_the_new_feed(reading_library, srv, export_dir):
    path, _ = reading_library
    url = publish(srv, "harbour", 2)
    broken = srv.handle("/broken.xml", status(500))
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert not screen.query("#feeds")  # no feeds: the table has the width to itself
        await pilot.press("r")
        assert any("No feeds yet" in m for m in messages(app))
        await pilot.press("F")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = broken
        await pilot.press("enter")
        await until(pilot, lambda: any("HTTP 500" in m for m in messages(app)))
        await pilot.press("F")
        app.screen.query_one(Input).value = url
        await pilot.press("enter")
        await until(pilot, lambda: any(m.startswith("Feeds refreshed") for m in messages(app)))
        await pilot.pause()
        assert "Subscribed: Harbour Gazette" in messages(app)
        assert screen.query_one("#feeds", FeedList).option_count == 2
        assert titles(app) == ["Harbour story 1", "Harbour story 0"]  # filtered to the new feed
    with Library(path) as lib:
        assert [f.url for f in list_feeds(lib)] == [url]


async def test_hostile_feed_names_show_literally(reading_library, srv, export_dir):
    path, _ = reading_library
    url = publish(srv, "harbour", 1)
    with Library(path) as lib:
        add_feed(lib, url, title=HOSTILE_FEED)
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        await pilot.press("r")
        await until(pilot, lambda: screen.refresh_stop is None)
        await pilot.press("f", "down")
        prompt = str(screen.query_one("#feeds", FeedList).get_option_at_index(1).prompt)
        assert prompt.startswith("Feed [b]bold[/] ␛]")
        title = str(screen.query_one("#library-title").render())
        assert "Feed [b]bold[/] ␛]52;c;SGVsbG8=␇ $accent" in title
        assert "\x1b" not in title
        assert titles(app) == ["Harbour story 0"]
        site = str(screen.table.get_cell(str(screen.current_id()), "site"))
        assert site.startswith("Feed [b]bold[/]")


def test_the_progress_line_counts_and_names_what_finished():
    line = progress_line(3, 12, "Harbour Gazette: 2 new entries")
    assert str(line) == (
        "Refreshing feeds ━━━━━─────────────── 3/12 · Harbour Gazette: 2 new entries"
    )


async def test_a_narrow_terminal_shows_the_feed_list_only_while_in_use(feeds_library, export_dir):
    path, feeds = feeds_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        feed_list = screen.query_one("#feeds", FeedList)
        assert not feed_list.display  # the table keeps every column
        await pilot.press("f")
        assert feed_list.display and app.focused is feed_list
        await pilot.press("down", "enter")
        assert screen.feed_id == feeds["harbour"] and app.focused is screen.table
        await pilot.pause()
        assert not feed_list.display
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert feed_list.display


def test_first_frame_with_feeds_loads_no_network_code(feeds_library):
    """The library's first frame knows only that feeds exist; httpx, feedparser and the feed
    code load when a key needs them, the list right after the frame."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tui.app import NewsReader\n"
        f"NewsReader(Path({str(feeds_library[0])!r}), exit_after_first_frame=True)"
        ".run(headless=True)\n"
        "heavy = ('httpx', 'feedparser', 'store.ingest.feeds', 'store.ingest.fetch',"
        " 'tui.widgets.feed_list')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


async def test_quitting_during_a_refresh_stops_it(reading_library, srv, export_dir):
    import threading
    import time

    from tests.feedserver import slow

    path, _ = reading_library
    with Library(path) as lib:
        add_feed(lib, srv.handle("/slow.xml", slow(1.0)))
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        stop = app.screen.refresh_stop
        assert stop is not None and not stop.is_set()
        await pilot.press("q")
    assert stop.is_set() and not app.is_running
    deadline = time.monotonic() + 5  # the request in flight ends, then the thread
    while any(t.name == "newsreader-refresh" for t in threading.enumerate()):
        assert time.monotonic() < deadline
        time.sleep(0.05)


async def test_keys_work_while_a_refresh_cleans_a_hostile_entry(reading_library, srv, export_dir):
    """The entry's page costs many seconds to clean and analyse; that runs in a worker
    process, so a key pressed meanwhile takes effect before the refresh is over."""
    import threading
    import time

    path, ids = reading_library
    srv.add("/hostile.html", hostile_story())
    feed = rss("Hostile", [{"title": "Hostile", "link": "/hostile.html", "summary": "s"}])
    with Library(path) as lib:
        add_feed(lib, srv.add("/hostile.xml", feed, "application/rss+xml"))
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("r")
        await until(pilot, lambda: srv.hits["/hostile.html"] > 0)  # its page is being cleaned
        row = screen.table.cursor_row
        await pilot.press("j")
        assert screen.table.cursor_row == row + 1  # the key took effect...
        assert screen.refresh_stop is not None  # ...while the refresh is still running
        with Library(path) as lib:
            assert lib.count_articles() == len(ids)  # the hostile entry is not stored yet
        await pilot.press("q")
    deadline = time.monotonic() + 5  # quitting stops the refresh and its workers
    while any(t.name in ("newsreader-refresh", "nr-pool") for t in threading.enumerate()):
        assert time.monotonic() < deadline
        time.sleep(0.05)
