"""Snapshots of the library, the reader with both panes, and the help screen, at every size a
terminal comes in, and the reader's colours in a light and a dark theme.

The data is fixed: seeds with pinned metadata and 'added' stamps, and the reader's timeline
and quotes pinned too, so a change to the analysis rules does not move these pictures.
Review the SVGs under tests/__snapshots__/ after `pytest --snapshot-update`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.library.db import Library
from tui.app import NewsReader

WIDE = (160, 40)


def pin_panes(path: Path, article_id: int) -> None:
    """Fixed timeline events and quotes for one article (test data only)."""
    with Library(path) as lib:
        text = lib.get_article(article_id).text
    events = [("2022-03-02", "The vote saw 141 countries"), ("2022-03-03", "Seven days into")]
    quotes = [
        ("People in Ukraine desperately need peace", "Antonio Guterres", "UN chief"),
        ("Ukraine has the capability", "Sergey Lavrov", "Foreign Minister"),
    ]
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        for day, needle in events:
            start = text.index(needle)
            end = text.index(".", start) + 1
            conn.execute(
                "INSERT INTO events (article_id, date, start, end, text) VALUES (?, ?, ?, ?, ?)",
                (article_id, day, start, end, text[start:end]),
            )
        for needle, speaker, role in quotes:
            start = text.index(needle)
            end = text.index("”", start)
            conn.execute(
                "INSERT INTO quotes (article_id, start, end, text, speaker, speaker_start, "
                "speaker_end, role, cue, kind) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, 'said', "
                "'direct')",
                (article_id, start, end, text[start:end], speaker, role),
            )
    conn.close()


@pytest.fixture
def snapshot_library(reading_library) -> tuple[Path, dict[str, int]]:
    path, ids = reading_library
    pin_panes(path, ids["first"])
    with Library(path) as lib:
        text = lib.get_article(ids["first"]).text
        start = text.index("The vote saw")
        lib.add_highlight(
            ids["first"],
            start,
            text.index(".", start) + 1,
            color=2,
            note="Count the abstentions",
            tags=["vote"],
        )
        start = text.index("Mr Lavrov")
        lib.add_highlight(ids["first"], start, start + len("Mr Lavrov"), color=4)
    return path, ids


def test_library_screen(snap_compare, snapshot_library, export_dir):
    app = NewsReader(db_path=snapshot_library[0], export_dir=export_dir)
    assert snap_compare(app, terminal_size=(120, 24))


def test_reader_with_both_panes(snap_compare, snapshot_library, export_dir):
    path, ids = snapshot_library
    app = NewsReader(db_path=path, export_dir=export_dir)

    async def open_first(pilot) -> None:
        app.open_reader(ids["first"])
        await pilot.pause()

    # cursor into the second sentence, then a selection of three words
    assert snap_compare(
        app,
        run_before=open_first,
        press=["right_parenthesis", "w", "v", "w", "w"],
        terminal_size=WIDE,
    )


def test_help_screen(snap_compare, snapshot_library, export_dir):
    app = NewsReader(db_path=snapshot_library[0], export_dir=export_dir)
    assert snap_compare(app, press=["question_mark"], terminal_size=(120, 60))


def test_library_with_feeds(snap_compare, snapshot_library, export_dir):
    """The feed filter beside the table, one article read (test data set directly)."""
    from store.ingest.feeds import add_feed

    path, ids = snapshot_library
    with Library(path) as lib:
        wire, _ = add_feed(lib, "http://127.0.0.1:9/wire.xml", title="Wire [b]desk[/]")
        add_feed(lib, "http://127.0.0.1:9/quiet.xml", title="Quiet feed")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE articles SET feed_id = ? WHERE id IN (?, ?)",
            (wire.id, ids["first"], ids["second"]),
        )
        conn.execute("UPDATE articles SET read = 1 WHERE id = ?", (ids["second"],))
    conn.close()
    app = NewsReader(db_path=path, export_dir=export_dir)
    assert snap_compare(app, terminal_size=(120, 24))


# --- every size: designed layouts, not squeezed ones ------------------------------------------

SIZES = [(200, 60), (120, 40), (80, 24), (60, 20), (40, 15)]


def size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_library_at_every_size(snap_compare, snapshot_library, export_dir, size):
    app = NewsReader(db_path=snapshot_library[0], export_dir=export_dir)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_reader_at_every_size(snap_compare, snapshot_library, export_dir, size):
    """Wide: the panes beside the article; narrow: the article with its tabs (Tab reaches
    the timeline and the quotes)."""
    path, ids = snapshot_library
    app = NewsReader(db_path=path, export_dir=export_dir)

    async def open_first(pilot) -> None:
        app.open_reader(ids["first"])
        await pilot.pause()

    assert snap_compare(app, run_before=open_first, terminal_size=size)


def test_reader_timeline_tab_at_80x24(snap_compare, snapshot_library, export_dir):
    path, ids = snapshot_library
    app = NewsReader(db_path=path, export_dir=export_dir)

    async def open_first(pilot) -> None:
        app.open_reader(ids["first"])
        await pilot.pause()

    assert snap_compare(app, run_before=open_first, press=["tab", "j"], terminal_size=(80, 24))


def test_help_at_40x15_scrolled(snap_compare, snapshot_library, export_dir):
    app = NewsReader(db_path=snapshot_library[0], export_dir=export_dir)
    press = ["question_mark", *["j"] * 12]
    assert snap_compare(app, press=press, terminal_size=(40, 15))


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
def test_reader_colours_light_and_dark(snap_compare, snapshot_library, export_dir, theme):
    """All five highlight colours, a selection and the cursor on one screen."""
    path, ids = snapshot_library
    with Library(path) as lib:
        text = lib.get_article(ids["first"]).text
        for colour, words in enumerate(
            ["five against", "35 abstaining", "desperately need peace", "UN chief", "vetoed"],
            start=1,
        ):
            start = text.index(words)
            lib.add_highlight(ids["first"], start, start + len(words), color=colour)
    app = NewsReader(db_path=path, export_dir=export_dir)

    async def open_first(pilot) -> None:
        app.theme = theme
        app.open_reader(ids["first"])
        await pilot.pause()

    # the cursor two words in, then a selection of the next three
    press = ["w", "w", "v", "w", "w", "w"]
    assert snap_compare(app, run_before=open_first, press=press, terminal_size=(100, 24))


def test_reader_with_search_matches_and_place(snap_compare, snapshot_library, export_dir):
    """`/` with matches marked (the current one apart) and the place at the status line's end."""
    path, ids = snapshot_library
    app = NewsReader(db_path=path, export_dir=export_dir)

    async def open_first(pilot) -> None:
        app.open_reader(ids["first"])
        await pilot.pause()

    assert snap_compare(
        app,
        run_before=open_first,
        press=["slash", *"ukraine", "enter", "n"],
        terminal_size=(120, 30),
    )
