"""A newsboat reader's habits in the library: sort (S), next unread (N), mark all read (A),
refresh at start; driven with Pilot on a real library file and a real local feed server."""

from __future__ import annotations

import pytest

from store.ingest.feeds import add_feed, is_read, mark_read, refresh_feeds
from store.library.db import Library
from store.library.listing import ROW_ORDERS
from tests.feedserver import FeedServer
from tests.test_app_feeds import publish, titles, until
from tui.app import NewsReader
from tui.config import SORTS
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.dialogs import ConfirmScreen

SIZE = (120, 30)


@pytest.fixture
def srv():
    with FeedServer() as s:
        yield s


@pytest.fixture
def feeds_library(reading_library, srv):
    """The reading library (3 articles by hand) and two refreshed feeds: harbour (3 stories)
    and river (2)."""
    path, ids = reading_library
    with Library(path) as lib:
        harbour, _ = add_feed(lib, publish(srv, "harbour", 3))
        river, _ = add_feed(lib, publish(srv, "river", 2))
        assert len(refresh_feeds(lib).new_articles) == 5
    return path, ids, {"harbour": harbour.id, "river": river.id}


def header(app: NewsReader) -> list[str]:
    return [str(c.label) for c in app.screen.table.columns.values()]


def test_every_sort_the_screen_offers_is_an_order_of_the_library():
    assert set(SORTS) == set(ROW_ORDERS)


async def test_S_cycles_the_sort_and_the_header_shows_it(feeds_library, export_dir):
    path, _, _ = feeds_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        assert "Added ▼" in header(app)
        await pilot.press("S")
        assert "Published▼" in header(app)
        await pilot.press("S")
        assert "Title ▲" in header(app)
        shown = titles(app)
        assert shown == sorted(shown, key=str.lower) and len(shown) == 8
        await pilot.press("S")
        assert "Site ▲" in header(app)
        await pilot.press("S")
        assert "●▼" in header(app)
        await pilot.press("S")
        assert "HL▼" in header(app)
        await pilot.press("S")
        assert "Added ▼" in header(app)
        # narrow: the title keeps most of the width, and still says how the rows are sorted
        await pilot.resize_terminal(40, 15)
        await pilot.pause()
        assert header(app)[1] == "Title · added ▼"
        title = next(c for c in app.screen.table.columns.values() if c.key == "title")
        assert title.width >= 0.6 * 40


async def test_sort_by_title_reads_the_whole_library_in_order(feeds_library, export_dir):
    path, _, _ = feeds_library
    with Library(path) as lib:
        everything = sorted((r.title.lower(), r.id) for r in lib.list_rows(0, 100))
        assert [r.id for r in lib.list_rows(0, 100, sort="title")] == [i for _, i in everything]
        unread_first = lib.list_rows(0, 100, sort="unread")
        assert [r.read for r in unread_first] == sorted(r.read for r in unread_first)


async def test_N_opens_the_next_unread_going_on_to_other_feeds(feeds_library, export_dir):
    path, ids, feeds = feeds_library
    with Library(path) as lib:
        for row in lib.list_rows(0, 100):  # all read but one river story
            mark_read(lib, row.id, read=not row.title.startswith("River story 0"))
        river_0 = next(r.id for r in lib.list_rows(0, 100) if r.title == "River story 0")
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.screen.feeds))
        app.screen.choose_feed(feeds["harbour"])  # a feed with nothing unread
        app.screen.reload()
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id == river_0
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.feed_id is None  # the view that has it
        assert app.screen.current_id() == river_0
        await pilot.press("N")  # everything read now: it says so and stays
        assert isinstance(app.screen, LibraryScreen)
    with Library(path) as lib:
        assert is_read(lib, river_0)


async def test_A_asks_first_enter_says_no_y_marks_the_view_read(feeds_library, export_dir):
    path, ids, feeds = feeds_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.screen.feeds))
        app.screen.choose_feed(feeds["river"])
        app.screen.reload()
        await pilot.press("A")
        assert isinstance(app.screen, ConfirmScreen)
        assert "2 unread articles in River Gazette" in str(app.screen.question)
        await pilot.press("enter")  # the harmless answer
        assert isinstance(app.screen, LibraryScreen)
        with Library(path) as lib:
            river = [r for r in lib.list_rows(0, 100, feed_id=feeds["river"])]
            assert not any(r.read for r in river)
        await pilot.press("A", "y")
        assert isinstance(app.screen, LibraryScreen)
        assert "●" not in "".join(str(c) for c in app.screen.table.get_column("unread"))
    with Library(path) as lib:
        assert all(r.read for r in lib.list_rows(0, 100, feed_id=feeds["river"]))
        harbour = lib.list_rows(0, 100, feed_id=feeds["harbour"])
        assert not any(r.read for r in harbour)  # only the view was marked


async def test_feeds_refresh_at_start_when_the_config_says_so(reading_library, srv, tmp_path):
    path, _ = reading_library
    with Library(path) as lib:
        add_feed(lib, publish(srv, "harbour", 2))
    config = tmp_path / "config.toml"
    config.write_text("refresh_on_start = true\n", encoding="utf-8")
    app = NewsReader(db_path=path, export_dir=tmp_path / "export", config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.table.row_count == 5)
        assert "Harbour story 1" in titles(app)


def test_next_unread_and_every_sort_grow_linearly_with_the_library(tmp_path):
    """10x the articles may cost at most 20x the time (a read library: N looks at every row)."""
    from tests.growth import LIMIT, growth

    def make(n: int) -> str:
        path = tmp_path / f"{n}.db"
        if path.exists():  # one library of each size for every measure
            return str(path)
        with Library(path, seed=False) as lib, lib._write() as conn:
            conn.executemany(
                "INSERT INTO articles (title, site, published, added, text, paragraphs, "
                "content_hash, read) VALUES (?, ?, ?, ?, 'x', '[]', ?, 1)",
                [
                    (f"Title {i * 7919 % n}", f"site{i % 13}", f"2022-{1 + i % 12:02d}-01",
                     f"2024-01-01T00:{i % 60:02d}:00", f"h{i}")
                    for i in range(n)
                ],
            )
        return str(path)

    def all_read(path: str) -> None:
        with Library(path, seed=False) as lib:
            assert lib.next_unread(None, sort="title") is None

    assert growth(all_read, make, small=1000) <= LIMIT
    for sort in ROW_ORDERS:

        def last_page(path: str, sort: str = sort) -> None:
            with Library(path, seed=False) as lib:
                lib.list_rows(lib.count_articles() - 100, 100, sort=sort)

        assert growth(last_page, make, small=1000) <= LIMIT, sort


async def test_every_screen_shows_its_way_out_at_80x24(seeded_library, tmp_path):
    """The least used keys give way on a narrow key bar; `q` and `?` never do."""
    app = NewsReader(seeded_library, export_dir=tmp_path)

    def bar() -> str:
        return str(app.screen.query_one("KeyBar").render())

    async with app.run_test(size=(80, 24)) as pilot:
        assert "q Quit" in bar() and "? Help" in bar()
        for key in ("enter", "H", "X", "s", "T"):
            await pilot.press(key)
            assert not isinstance(app.screen, LibraryScreen)
            assert "q Back" in bar() and "? Help" in bar(), (key, bar())
            await pilot.press("escape" if key == "H" else "q")
            assert isinstance(app.screen, LibraryScreen), key
