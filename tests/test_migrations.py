"""A library written by an older version opens, migrates forward and keeps every row."""

from __future__ import annotations

import json
import sqlite3

import pytest

from store.library.db import Library
from store.library.schema import LATEST, migrate


def make_v1_library(path) -> None:
    """What the first released schema wrote: articles and highlights, no analysis."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    text = "“Rates will rise,” the governor said on Tuesday.\n\nMarkets fell."
    conn.execute(
        "INSERT INTO articles (id, url, site, title, byline, published, added, text, paragraphs, "
        "content_hash, notes) VALUES (1, 'https://example.org/a', 'Example', 'Rates', NULL, "
        "'2022-03-02', '2022-03-02T10:00:00+00:00', ?, ?, 'h1', 'old note')",
        (text, json.dumps([[0, 48], [50, 63]])),
    )
    conn.execute(
        "INSERT INTO highlights (article_id, start, end, exact, note, tags, created, updated) "
        "VALUES (1, 50, 63, 'Markets fell.', 'old note', '[\"econ\"]', 'x', 'x')"
    )
    conn.close()


def test_v1_library_migrates_to_latest_keeping_data(tmp_path):
    path = tmp_path / "old.db"
    make_v1_library(path)
    with Library(path) as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert lib.count_articles() == 1  # no seeds pushed into an existing library
        (h,) = lib.highlights(1)
        assert (h.exact, h.note, h.tags, h.orphaned) == (
            "Markets fell.",
            "old note",
            ("econ",),
            False,
        )
        assert [hit.id for hit in lib.search("governor")] == [1]
        # new features work on old rows
        lib.set_anchor(1, None)
        assert lib.get_article(1).anchor is not None


def test_each_migration_is_atomic(tmp_path):
    """A migration that fails leaves the previous version intact, not half a schema."""
    path = tmp_path / "old.db"
    make_v1_library(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE quotes (x)")  # collides with what v2 creates
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    cols = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    assert "anchor" not in cols
