"""Snapshots of the library, the reader with both panes, and the help screen.

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
