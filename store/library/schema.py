"""The library's schema as forward migrations, numbered by `PRAGMA user_version`.

A migration is never edited once released: a database written by any older version is brought
forward step by step, each step in its own transaction, so an interrupted upgrade leaves the
last complete version behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from store.errors import LibraryError


def _v1_articles_and_highlights(conn: sqlite3.Connection) -> None:
    from sqlite_utils import Database

    db = Database(conn)
    db["articles"].create(
        {
            "id": int,
            "url": str,  # source URL or file path
            "site": str,
            "title": str,
            "byline": str,
            "published": str,
            "added": str,
            "text": str,  # the canonical text every offset points into
            "paragraphs": str,  # JSON list of [start, end]
            "content_hash": str,
            "notes": str,  # every highlight note of the article, kept for full-text search
        },
        pk="id",
        not_null={"title", "added", "text", "content_hash"},
        defaults={"notes": ""},
    )
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["added"])
    db["highlights"].create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "exact": str,  # the highlighted words, with prefix and suffix: a text-quote selector
            "prefix": str,
            "suffix": str,
            "color": int,
            "note": str,
            "tags": str,  # JSON list
            "created": str,
            "updated": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "start", "end", "exact"},
        defaults={"color": 1, "note": "", "tags": "[]", "prefix": "", "suffix": ""},
    )
    db["highlights"].create_index(["article_id", "start"])
    db["articles"].enable_fts(["title", "text", "notes"], create_triggers=True, tokenize="porter")


def _v2_analysis(conn: sqlite3.Connection) -> None:
    """Dates, timeline events and quotes, stored so the library-wide views need no re-analysis."""
    from sqlite_utils import Database

    db = Database(conn)
    # The anchor date the relative dates were resolved against, and whether it was inferred.
    db["articles"].add_column("anchor", str)
    db["articles"].add_column("anchor_inferred", int, not_null_default=0)
    # Highlights whose text could not be found again after a re-clean are kept, not dropped.
    db["highlights"].add_column("orphaned", int, not_null_default=0)
    fk = [("article_id", "articles", "id")]
    db["dates"].create(
        {
            "article_id": int,
            "start": int,
            "end": int,
            "text": str,
            "type": str,
            "value": str,
            "day": str,
        },
        foreign_keys=fk,
    )
    db["events"].create(
        {"article_id": int, "date": str, "start": int, "end": int, "text": str},
        foreign_keys=fk,
    )
    db["quotes"].create(
        {
            "article_id": int,
            "start": int,
            "end": int,
            "text": str,
            "speaker": str,
            "speaker_start": int,
            "speaker_end": int,
            "role": str,
            "cue": str,
            "kind": str,
        },
        foreign_keys=fk,
    )
    for table in ("dates", "events", "quotes"):
        db[table].create_index(["article_id"])
    db["events"].create_index(["date"])
    db["quotes"].create_index(["speaker"])


def _v3_feeds(conn: sqlite3.Connection) -> None:
    """Subscribed feeds, with what conditional requests need; each article's feed and read state."""
    from sqlite_utils import Database

    db = Database(conn)
    db["feeds"].create(
        {
            "id": int,
            "url": str,
            "title": str,
            "site_url": str,
            "etag": str,  # validators of the last 200, sent back so an unchanged feed costs a 304
            "last_modified": str,
            "added": str,
            "last_checked": str,
            "last_error": str,  # one line, or NULL when the last refresh went well
        },
        pk="id",
        not_null={"url", "added"},
    )
    db["feeds"].create_index(["url"], unique=True)
    # Plain ALTER TABLE: no table rebuild on a large library; removing a feed keeps its articles.
    conn.execute(
        "ALTER TABLE articles ADD COLUMN feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL"
    )
    db["articles"].add_column("read", int, not_null_default=0)
    db["articles"].create_index(["feed_id"])
    db["articles"].create_index(["url"])


def _v4_search_follows_indexed_columns(conn: sqlite3.Connection) -> None:
    """Re-index an article only when its title, text or notes change.

    The trigger sqlite-utils made fires on any update, so marking an article read or setting
    its anchor re-tokenised the whole text (17 ms on a 20,000-word article)."""
    conn.execute("DROP TRIGGER IF EXISTS articles_au")
    conn.execute(
        "CREATE TRIGGER articles_au AFTER UPDATE OF title, text, notes ON articles BEGIN "
        "INSERT INTO articles_fts (articles_fts, rowid, title, text, notes) "
        "VALUES ('delete', old.rowid, old.title, old.text, old.notes); "
        "INSERT INTO articles_fts (rowid, title, text, notes) "
        "VALUES (new.rowid, new.title, new.text, new.notes); END"
    )


def _v5_unread_counts(conn: sqlite3.Connection) -> None:
    """The feed list's unread counts from the index alone (19 ms -> 2 ms on 10,000 articles)."""
    conn.execute("CREATE INDEX IF NOT EXISTS idx_articles_feed_read ON articles (feed_id, read)")


def _v6_quote_days(conn: sqlite3.Connection) -> None:
    """The day each quotation was said, when its text says so ("said on Tuesday"): ISO, or NULL
    (the quotation is then dated by its article). Rows analysed before this are NULL too."""
    conn.execute("ALTER TABLE quotes ADD COLUMN said TEXT")


def _v7_notebook_search(conn: sqlite3.Connection) -> None:
    """The notebook: every highlight searchable by its quote, note and tags (FTS5, kept in step
    by triggers), and listed newest first, of every colour or one, from indexes."""
    conn.execute(
        "CREATE VIRTUAL TABLE highlights_fts USING fts5(exact, note, tags, content='highlights', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='1 2')"
    )
    conn.execute("INSERT INTO highlights_fts (highlights_fts) VALUES ('rebuild')")
    conn.execute(
        "CREATE TRIGGER highlights_fts_ai AFTER INSERT ON highlights BEGIN "
        "INSERT INTO highlights_fts (rowid, exact, note, tags) "
        "VALUES (new.id, new.exact, new.note, new.tags); END"
    )
    conn.execute(
        "CREATE TRIGGER highlights_fts_ad AFTER DELETE ON highlights BEGIN "
        "INSERT INTO highlights_fts (highlights_fts, rowid, exact, note, tags) "
        "VALUES ('delete', old.id, old.exact, old.note, old.tags); END"
    )
    conn.execute(
        "CREATE TRIGGER highlights_fts_au AFTER UPDATE OF exact, note, tags ON highlights BEGIN "
        "INSERT INTO highlights_fts (highlights_fts, rowid, exact, note, tags) "
        "VALUES ('delete', old.id, old.exact, old.note, old.tags); "
        "INSERT INTO highlights_fts (rowid, exact, note, tags) "
        "VALUES (new.id, new.exact, new.note, new.tags); END"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS idx_highlights_created ON highlights (created)")
    conn.execute("CREATE INDEX IF NOT EXISTS idx_highlights_color ON highlights (color, created)")


def _v8_anchor_reason(conn: sqlite3.Connection) -> None:
    """Why the anchor date is the one it is ("the dateline, 2022-03-02, not the publication
    date ..."), one line for the reader and --json; empty for articles stored before."""
    conn.execute("ALTER TABLE articles ADD COLUMN anchor_reason TEXT NOT NULL DEFAULT ''")


def _v9_library_sort_orders(conn: sqlite3.Connection) -> None:
    """An index behind each way the library can be sorted (title, site, published, unread
    first), so a page of a large library is read in order, not sorted whole each time."""
    conn.execute("CREATE INDEX IF NOT EXISTS idx_articles_title ON articles (lower(title))")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_site ON articles (site IS NULL, lower(site))"
    )
    conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_published ON articles (coalesce(published, ''))"
    )
    conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_read_added ON articles (read, added DESC, id DESC)"
    )


def _v10_trash_journal_places(conn: sqlite3.Connection) -> None:
    """Nothing a person made is lost: a trash of removed highlights and articles (JSON
    snapshots of their rows, kept until the trash is emptied), a journal of highlight changes
    for undo and redo across restarts, each article's reading place, and note drafts.

    Trash, journal and drafts have no foreign keys on purpose: they outlive the rows they keep.
    """
    conn.execute(
        "CREATE TABLE trash (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_id INTEGER NOT "
        "NULL, article_id INTEGER NOT NULL, title TEXT NOT NULL, label TEXT NOT NULL, "
        "detail TEXT NOT NULL DEFAULT '', snapshot TEXT NOT NULL, removed TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX idx_trash_item ON trash (kind, item_id)")
    conn.execute(
        "CREATE TABLE journal (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, "
        "highlight_id INTEGER NOT NULL, description TEXT NOT NULL, before_state TEXT, "
        "after_state TEXT, undone INTEGER NOT NULL DEFAULT 0, at TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX idx_journal_article ON journal (article_id, undone, id)")
    conn.execute(
        "CREATE TABLE places (article_id INTEGER PRIMARY KEY REFERENCES articles(id), "
        "cursor INTEGER NOT NULL, top INTEGER NOT NULL, updated TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE note_drafts (highlight_id INTEGER PRIMARY KEY, article_id INTEGER NOT "
        "NULL, text TEXT NOT NULL, updated TEXT NOT NULL)"
    )


def _v11_article_count_and_warnings(conn: sqlite3.Connection) -> None:
    """What a library of 100,000 articles needs: the number of articles kept by triggers (the
    first frame reads one row instead of counting the table; articles leaving for or coming
    back from anywhere else are counted by the same triggers), and each article's warnings
    (a step skipped past its time budget, text taken from a feed's summary) as a JSON list."""
    conn.execute("CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL)")
    conn.execute(
        "INSERT OR REPLACE INTO counters (name, n) "
        "VALUES ('articles', (SELECT count(*) FROM articles))"
    )
    conn.execute(
        "CREATE TRIGGER articles_counted_in AFTER INSERT ON articles BEGIN "
        "UPDATE counters SET n = n + 1 WHERE name = 'articles'; END"
    )
    conn.execute(
        "CREATE TRIGGER articles_counted_out AFTER DELETE ON articles BEGIN "
        "UPDATE counters SET n = n - 1 WHERE name = 'articles'; END"
    )
    conn.execute("ALTER TABLE articles ADD COLUMN warnings TEXT")


def _v12_speaker_index_covers_articles(conn: sqlite3.Connection) -> None:
    """The index of speakers carries each quote's article and role, so the speaker index
    reads only it: a library of 100,000 articles holds 300,000 quotes, and looking up each
    quote's row from the old index took half a second."""
    conn.execute("DROP INDEX IF EXISTS idx_quotes_speaker")
    conn.execute("CREATE INDEX idx_quotes_speaker ON quotes (speaker, article_id, role)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_articles_and_highlights,
    _v2_analysis,
    _v3_feeds,
    _v4_search_follows_indexed_columns,
    _v5_unread_counts,
    _v6_quote_days,
    _v7_notebook_search,
    _v8_anchor_reason,
    _v9_library_sort_orders,
    _v10_trash_journal_places,
    _v11_article_count_and_warnings,
    _v12_speaker_index_covers_articles,
]
LATEST = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(
    conn: sqlite3.Connection, target: int = LATEST, path: Path = Path("library")
) -> list[int]:
    """Bring the database forward to `target`; returns the versions applied."""
    current = schema_version(conn)
    if current > LATEST:
        raise LibraryError(
            f"the library was written by a newer newsreader (schema {current}, "
            f"this version knows {LATEST}); upgrade newsreader to open it"
        )
    from store.library.transactions import write_transaction

    applied = []
    for version in range(current + 1, target + 1):
        with write_transaction(conn, path):
            if schema_version(conn) >= version:  # another process got there first
                continue
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
        applied.append(version)
    return applied
