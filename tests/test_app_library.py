"""The library screen driven through its keys with Pilot, checking the store afterwards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList

from store.article import Article
from store.library.db import Library
from store.library.seeds import seed_texts
from store.library.voices import quotes_of, speaker_index
from tests.test_app_close_reading import burst
from tui.app import NewsReader
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.library.screen import PAGE
from tui.screens.reader import ReaderScreen
from tui.screens.speakers import SpeakersScreen
from tui.screens.timeline import CombinedTimelineScreen
from tui.widgets.dialogs import ConfirmScreen, PromptScreen

SIZE = (120, 30)


def titles(table: DataTable) -> list[str]:
    return [str(cell) for cell in table.get_column("title")]


async def test_opens_on_the_library_newest_first(reading_library, export_dir):
    path, ids = reading_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.table
        assert table.row_count == 3
        assert titles(table)[0] == "Markup [b]in[/] the title"  # shown literally, newest first
        assert "3 articles" in str(screen.query_one("#library-title").render())
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == ids["first"]


async def test_rows_are_read_a_page_at_a_time(tmp_path, export_dir):
    path = tmp_path / "many.db"
    with Library(path, seed=False) as lib:
        for i in range(PAGE + 60):
            lib.add_article(
                Article.from_paragraphs([f"Story number {i} about harbours."], title=f"Story {i}")
            )
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.table
        assert table.row_count == PAGE  # not all of them
        await pilot.press("G")  # the last loaded row: the next page comes in
        assert table.row_count == PAGE + 60
        assert titles(table)[-1] == "Story 0"
        await pilot.press("g", "j", "j", "k")
        assert table.cursor_row == 1


async def test_slash_searches_as_you_type_and_enter_opens_a_hit(reading_library, export_dir):
    path, ids = reading_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"Lavrov")
        hits = app.screen.query_one("#hits", OptionList)
        assert hits.option_count == 1
        prompt = str(hits.get_option_at_index(0).prompt)
        assert "Lavrov" in prompt
        await pilot.press("enter")  # into the hits
        assert app.focused is hits
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id == ids["first"]
        await pilot.press("q")
        await pilot.press("escape")  # closes the search
        assert not app.screen.searching and app.focused is app.screen.table


async def test_search_with_no_match_says_so(reading_library, export_dir):
    app = NewsReader(db_path=reading_library[0], export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzqqq")
        empty = app.screen.query_one("#library-empty")
        assert empty.display and "Nothing matches" in str(empty.render())


async def test_a_adds_from_a_path_and_reports_bad_input(tmp_path, reading_library, export_dir):
    path, _ = reading_library
    source = tmp_path / "new.txt"
    source.write_text("A new story\n\nThe harbour opened on Monday. Crowds came.\n")
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = str(source)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.table.row_count == 4
        await pilot.press("a")
        app.screen.query_one(Input).value = str(tmp_path / "missing [b].txt")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("no such file" in n.message for n in app._notifications)
    with Library(path) as lib:
        assert lib.count_articles() == 4


async def test_a_path_typed_straight_after_a_lands_in_the_prompt(tmp_path, reading_library):
    """`a` and a path in one burst (tmux, a paste): the `/` of the path is not a search, and
    in the search box `a` is a letter."""
    path, _ = reading_library
    source = tmp_path / "new.txt"
    source.write_text("A new story\n\nThe harbour opened on Monday. Crowds came.\n")
    app = NewsReader(db_path=path, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        burst(app, "a" + str(source), ("enter",))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and not app.screen.searching
        assert app.screen.table.row_count == 4
        burst(app, "/harbour a")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#search", Input).value == "harbour a"


async def test_d_deletes_after_asking(reading_library, export_dir):
    path, ids = reading_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.library.count_articles() == 3
        await pilot.press("d", "y")
        assert app.screen.table.row_count == 2
    with Library(path) as lib:
        assert lib.count_articles() == 2
        assert ids["hostile"] not in lib.article_ids()


async def test_e_exports_every_article_with_highlights(reading_library, export_dir):
    path, ids = reading_library
    with Library(path) as lib:
        for name in ("first", "second"):
            text = lib.get_article(ids[name]).text
            lib.add_highlight(ids[name], 0, text.index(" "), note=f"note on {name}")
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert any(str(export_dir) in n.message for n in app._notifications)
    files = sorted(export_dir.glob("*.md"))
    assert len(files) == 2
    assert "note on first" in "".join(f.read_text() for f in files)


async def test_speakers_and_combined_timeline_screens(reading_library, export_dir):
    app = NewsReader(db_path=reading_library[0], export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SpeakersScreen)
        speakers = speaker_index(app.library)
        names = app.screen.query_one("#speaker-list", OptionList)
        assert names.option_count == len(speakers)
        if speakers:
            await pilot.press("enter")
            quotes = app.screen.query_one("#speaker-quotes", OptionList)
            assert quotes.option_count == len(quotes_of(app.library, speakers[0].name))
            await pilot.press("enter")
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.query_one("#article").spot is not None
            await pilot.press("q")
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("T")
        assert isinstance(app.screen, CombinedTimelineScreen)
        await app.workers.wait_for_complete()  # combined in a thread: the screen never waits
        await pilot.pause()
        events = app.screen.query_one("#combined-timeline", OptionList)
        assert events.option_count > 0  # the seeds report dated events
        if events.option_count:
            await pilot.press("enter")
            assert isinstance(app.screen, ReaderScreen)
            await pilot.press("q")
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_help_palette_and_q_quits(reading_library, export_dir):
    app = NewsReader(db_path=reading_library[0], export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Speak")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SpeakersScreen)
        await pilot.press("q", "q")
    assert app.return_code == 0 and not app.is_running


async def test_first_start_shows_the_seeds(seeded_library, export_dir):
    app = NewsReader(db_path=seeded_library, export_dir=export_dir)
    async with app.run_test(size=SIZE):
        assert app.screen.table.row_count == len(seed_texts())


async def test_the_collector_waits_for_the_first_frame_only(seeded_library, export_dir):
    """The cyclic collector is paused while the app starts and runs again once the library
    is on screen (and after an app that leaves at its first frame)."""
    import gc

    app = NewsReader(db_path=seeded_library, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() > 0  # start-up's objects left out
    assert gc.get_freeze_count() == 0  # and given back when the app ends
    quick = NewsReader(db_path=seeded_library, export_dir=export_dir, exit_after_first_frame=True)
    async with quick.run_test(size=SIZE):
        pass
    assert gc.isenabled()


def test_first_frame_needs_no_heavy_import(seeded_library):
    """sqlite_utils, lxml, the reader and the records of an opened article load only after
    the library is on screen."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tui.app import NewsReader\n"
        f"NewsReader(Path({str(seeded_library)!r}), exit_after_first_frame=True)"
        ".run(headless=True)\n"
        "heavy = ('sqlite_utils', 'lxml', 'tui.screens.reader', 'tui.widgets.dialogs',\n"
        "         'store.library.records')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_empty_library_says_how_to_add(tmp_path: Path, export_dir):
    import asyncio

    path = tmp_path / "empty.db"
    Library(path, seed=False).close()

    async def run() -> str:
        app = NewsReader(db_path=path, export_dir=export_dir)
        async with app.run_test(size=SIZE):
            return str(app.screen.query_one("#library-empty").render())

    assert "Press a to add" in asyncio.run(run())
