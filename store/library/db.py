"""The SQLite library: articles, highlights, their analysis and full-text search.

Reads use the stdlib connection directly (cheap at start-up); every write goes through one
`sqlite_utils` transaction, so a crash or a kill loses at most the write in flight.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from store.article import Article, display_safe, normalise_tag
from store.errors import LibraryError, NewsreaderError
from store.library.journal import JournalMixin
from store.library.listing import ArticleSummary, ListingMixin
from store.library.places import PlacesMixin
from store.library.rows import now
from store.library.schema import LATEST, migrate, schema_version
from store.library.transactions import (
    check_ahead,
    check_whole,
    configure,
    explain,
    forget,
    write_transaction,
)
from store.library.trash import TrashMixin

if TYPE_CHECKING:
    from store.analysis.pipeline import Analysis
    from store.library.records import Highlight, StoredArticle, StoredDate, StoredEvent, StoredQuote

CONTEXT = 32  # characters of prefix and suffix kept to find a highlight again


def default_db_path() -> Path:
    """`NEWSREADER_DB`, else newsreader.db in the platform's user data directory."""
    if env := os.environ.get("NEWSREADER_DB"):
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsreader", appauthor=False)) / "newsreader.db"


def load_writer() -> None:
    """Import what the first write needs (sqlite_utils, 100+ ms) ahead of it, e.g. in a
    background thread after an app's first frame."""
    import sqlite_utils  # noqa: F401


def _highlight(row: sqlite3.Row) -> Highlight:
    from store.library.records import Highlight  # (the records load with the first article)

    return Highlight(
        id=row["id"],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        exact=row["exact"],
        prefix=row["prefix"] or "",
        suffix=row["suffix"] or "",
        color=row["color"] or 1,
        note=row["note"] or "",
        tags=tuple(json.loads(row["tags"] or "[]")),
        created=row["created"] or "",
        updated=row["updated"] or "",
        orphaned=bool(row["orphaned"]),
    )


class Library(TrashMixin, JournalMixin, PlacesMixin, ListingMixin):
    """One library file. Open with `Library(path)`; close with `close()` or a `with` block.

    Removing moves to the trash (store.library.trash), every highlight change is journaled
    for undo and redo (store.library.journal), and reading places and note drafts are kept
    (store.library.places)."""

    def __init__(self, path: str | Path, *, seed: bool = True) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise LibraryError(f"{self.path}: is a directory, not a library file")
        if not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            configure(self.conn)
            was = schema_version(self.conn)
            if was > LATEST:
                migrate(self.conn, path=self.path)  # raises: written by a newer version
            elif was < LATEST:
                if was:
                    check_whole(self.conn, self.path)  # never migrate a damaged file
                self.conn.execute("PRAGMA journal_mode = WAL")
                migrate(self.conn, path=self.path)
            self.conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as e:
            raise explain(e, self.path) from None
        except OSError as e:
            raise explain(e, self.path) from None
        except LibraryError as e:
            message = str(e)
            raise LibraryError(
                message if message.startswith(str(self.path)) else f"{self.path}: {message}"
            ) from None
        if seed and was == 0:
            from store.library.seeds import seed_articles

            for article in seed_articles():
                self.add_article(article)

    def check_ahead(self) -> None:
        """Check the file for damage ahead of the first write (call from a background
        thread): see store.library.transactions.check_ahead."""
        check_ahead(self.conn, self.path)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        forget(self.conn)
        self.conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction per write, holding the write lock from its start (other writers wait
        their turn, see store.library.transactions); an error rolls all of it back."""
        try:
            with write_transaction(self.conn, self.path):
                yield self.conn
        except sqlite3.DatabaseError as e:
            raise explain(e, self.path) from None

    # --- articles -------------------------------------------------------------------------

    def count_articles(self) -> int:
        """Kept by triggers: one row read, however large the library."""
        row = self.conn.execute("SELECT n FROM counters WHERE name = 'articles'").fetchone()
        if row is None:  # not counted yet (never, after the migration that adds the count)
            return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return row[0]

    def list_articles(self, offset: int = 0, limit: int = 100) -> list[ArticleSummary]:
        """A page of the library, newest first."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.site, a.published, a.added, "
            "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS n "
            "FROM articles a ORDER BY a.added DESC, a.id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [
            ArticleSummary(r["id"], r["title"], r["site"], r["published"], r["added"], r["n"])
            for r in rows
        ]

    def article_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def get_article(self, article_id: int) -> StoredArticle:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NewsreaderError(f"no article with id {article_id}")
        from store.library.records import StoredArticle

        return StoredArticle(
            id=row["id"],
            url=row["url"],
            site=row["site"],
            title=row["title"],
            byline=row["byline"],
            published=row["published"],
            added=row["added"],
            text=row["text"],
            paragraphs=[tuple(p) for p in json.loads(row["paragraphs"] or "[]")],
            anchor=row["anchor"],
            anchor_inferred=bool(row["anchor_inferred"]),
            anchor_reason=row["anchor_reason"],
            warnings=tuple(json.loads(row["warnings"] or "[]")),
        )

    def find_article(
        self, *, content_hash: str | None = None, url: str | None = None
    ) -> int | None:
        if content_hash is not None:
            row = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        else:
            row = self.conn.execute(
                "SELECT id FROM articles WHERE url = ? ORDER BY id DESC", (url,)
            ).fetchone()
        return row[0] if row else None

    def add_article(
        self, article: Article, *, anchor: date | None = None, feed_id: int | None = None
    ) -> tuple[int, bool]:
        """Store an article with its analysis; the same content twice is one article.

        Returns the article's id and whether it is new. `feed_id`: the feed it was read from.
        """
        from store.analysis.pipeline import analyse

        if not article.text.strip():
            raise NewsreaderError("the article has no text")
        article = replace(article).made_safe()  # at the door: nothing raw is stored
        existing = self.find_article(content_hash=article.content_hash)
        if existing is not None:
            return existing, False
        analysis = analyse(article.text, published=article.published, anchor=anchor)
        with self._write() as conn:
            # Another process may have stored the same content while this one analysed it.
            existing = self.find_article(content_hash=article.content_hash)
            if existing is not None:
                return existing, False
            article_id = self._insert_article(conn, article, analysis, feed_id)
        return article_id, True

    def add_analysed(
        self, items: Iterable[tuple[Article, Analysis | None, int | None]]
    ) -> list[tuple[int, bool]]:
        """Store articles analysed elsewhere (a worker process), all in one transaction: a
        kill loses the whole batch or nothing, never half an article. Each item is (article,
        its analysis or None when that step was skipped, feed id); the same content twice,
        in the library or in the batch, is one article. Returns (id, new) per item."""
        out: list[tuple[int, bool]] = []
        with self._write() as conn:
            for article, analysis, feed_id in items:
                if not article.text.strip():
                    raise NewsreaderError("the article has no text")
                article = replace(article).made_safe()  # at the door: nothing raw is stored
                row = conn.execute(
                    "SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)
                ).fetchone()
                if row is not None:
                    out.append((row[0], False))
                else:
                    out.append((self._insert_article(conn, article, analysis, feed_id), True))
        return out

    def _insert_article(
        self,
        conn: sqlite3.Connection,
        article: Article,
        analysis: Analysis | None,
        feed_id: int | None,
    ) -> int:
        cur = conn.execute(
            "INSERT INTO articles (url, site, title, byline, published, added, text, "
            "paragraphs, content_hash, notes, anchor, anchor_inferred, feed_id, warnings) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)",
            (
                article.url,
                article.site,
                article.title or "(untitled)",
                article.byline,
                article.published,
                now(),
                article.text,
                json.dumps(article.paragraphs),
                article.content_hash,
                analysis.anchor_text if analysis else None,
                int(analysis.anchor_inferred) if analysis else 0,
                feed_id,
                json.dumps(article.warnings, ensure_ascii=False) if article.warnings else None,
            ),
        )
        article_id = cur.lastrowid
        if analysis is not None:
            self._store_analysis(conn, article_id, analysis)
        return article_id

    def delete_article(self, article_id: int) -> None:
        """Move an article, with its highlights and analysis, to the trash."""
        self.get_article(article_id)
        with self._write() as conn:
            self._trash_article(conn, article_id)

    def replace_text(self, article_id: int, article: Article) -> list[Highlight]:
        """Re-cleaned text for an article: highlights are found again by their exact text,
        prefix and suffix; those that cannot be found are kept, marked orphaned, and returned."""
        from store.analysis.pipeline import analyse
        from store.library.anchoring import find_again

        old = self.get_article(article_id)
        article = replace(article).made_safe()
        anchor = date.fromisoformat(old.anchor) if old.anchor and not old.anchor_inferred else None
        analysis = analyse(
            article.text, published=article.published or old.published, anchor=anchor
        )
        lost = []
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET text = ?, paragraphs = ?, content_hash = ?, title = ?, "
                "byline = coalesce(?, byline), site = coalesce(?, site), "
                "published = coalesce(?, published), anchor = ?, anchor_inferred = ? WHERE id = ?",
                (
                    article.text,
                    json.dumps(article.paragraphs),
                    article.content_hash,
                    article.title or old.title,
                    article.byline,
                    article.site,
                    article.published,
                    analysis.anchor_text,
                    int(analysis.anchor_inferred),
                    article_id,
                ),
            )
            for h in self.highlights(article_id):
                span = find_again(article.text, h.exact, h.prefix, h.suffix, h.start)
                if span is None:
                    conn.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", (h.id,))
                    lost.append(replace(h, orphaned=True))
                else:
                    s, e = span
                    conn.execute(
                        "UPDATE highlights SET start = ?, end = ?, prefix = ?, suffix = ?, "
                        "orphaned = 0 WHERE id = ?",
                        (
                            s,
                            e,
                            article.text[max(0, s - CONTEXT) : s],
                            article.text[e : e + CONTEXT],
                            h.id,
                        ),
                    )
            for table in ("dates", "events", "quotes"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self._store_analysis(conn, article_id, analysis)
        return lost

    # --- analysis -------------------------------------------------------------------------

    def _store_analysis(self, conn: sqlite3.Connection, article_id: int, analysis) -> None:
        conn.execute(
            "UPDATE articles SET anchor_reason = ? WHERE id = ?",
            (analysis.anchor_reason, article_id),
        )
        conn.executemany(
            "INSERT INTO dates (article_id, start, end, text, type, value, day) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    d.start,
                    d.end,
                    d.text,
                    d.type,
                    d.value,
                    d.day.isoformat() if d.day else None,
                )
                for d in analysis.dates
            ],
        )
        conn.executemany(
            "INSERT INTO events (article_id, date, start, end, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, e.date, e.start, e.end, e.text) for e in analysis.timeline],
        )
        conn.executemany(
            "INSERT INTO quotes (article_id, start, end, text, speaker, speaker_start, "
            "speaker_end, role, cue, kind, said) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    q.start,
                    q.end,
                    q.text,
                    q.speaker,
                    q.speaker_start,
                    q.speaker_end,
                    q.role,
                    q.cue,
                    q.kind,
                    q.said,
                )
                for q in analysis.quotes
            ],
        )

    def set_anchor(self, article_id: int, anchor: date | None) -> None:
        """Correct the date relative dates are resolved against (None: infer it again)."""
        from store.analysis.pipeline import analyse

        art = self.get_article(article_id)
        analysis = analyse(
            art.text, published=art.published if anchor is None else None, anchor=anchor
        )
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET anchor = ?, anchor_inferred = ? WHERE id = ?",
                (analysis.anchor_text, int(analysis.anchor_inferred), article_id),
            )
            for table in ("dates", "events", "quotes"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self._store_analysis(conn, article_id, analysis)

    def dates(self, article_id: int) -> list[StoredDate]:
        from store.library.records import StoredDate

        rows = self.conn.execute(
            "SELECT article_id, start, end, text, type, value, day FROM dates "
            "WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
        return [StoredDate(*r) for r in rows]

    # An event's text is read from the article itself (exactly text[start:end], whatever an
    # older version stored), with the few characters around it that tell where it was cut.
    _EVENT_COLUMNS = (
        "SELECT e.article_id, e.date, e.start, e.end, substr(a.text, e.start + 1, e.end - e.start),"
        " substr(a.text, max(e.start - 2, 1), min(e.start, 3)), substr(a.text, e.end + 1, 3) "
        "FROM events e JOIN articles a ON a.id = e.article_id "
    )

    @staticmethod
    def _event(row: sqlite3.Row) -> StoredEvent:
        from store.analysis.timeline import clause_cuts
        from store.library.records import StoredEvent

        article_id, date, start, end, text, before, after = row
        return StoredEvent(article_id, date, start, end, text, *clause_cuts(before, text, after))

    def timeline(self, article_id: int) -> list[StoredEvent]:
        rows = self.conn.execute(
            self._EVENT_COLUMNS + "WHERE e.article_id = ? ORDER BY e.rowid", (article_id,)
        )
        return [self._event(r) for r in rows]

    def quotes(self, article_id: int) -> list[StoredQuote]:
        from store.library.records import StoredQuote

        rows = self.conn.execute(
            "SELECT article_id, start, end, text, speaker, speaker_start, speaker_end, role, cue, "
            "kind, said FROM quotes WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
        return [StoredQuote(*r) for r in rows]

    def events_of(self, article_ids: Iterable[int]) -> dict[int, list[StoredEvent]]:
        ids = list(article_ids)
        out: dict[int, list[StoredEvent]] = {i: [] for i in ids}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            for r in self.conn.execute(
                self._EVENT_COLUMNS + f"WHERE e.article_id IN ({marks}) ORDER BY e.rowid", part
            ):
                out[r[0]].append(self._event(r))
        return out

    # --- highlights -----------------------------------------------------------------------

    def highlights(self, article_id: int) -> list[Highlight]:
        rows = self.conn.execute(
            "SELECT * FROM highlights WHERE article_id = ? ORDER BY start, id", (article_id,)
        )
        return [_highlight(r) for r in rows]

    def get_highlight(self, highlight_id: int) -> Highlight:
        row = self.conn.execute("SELECT * FROM highlights WHERE id = ?", (highlight_id,)).fetchone()
        if row is None:
            raise NewsreaderError(f"no highlight with id {highlight_id}")
        return _highlight(row)

    def add_highlight(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: int = 1,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Highlight:
        text = self.get_article(article_id).text
        if not 0 <= start < end <= len(text):
            raise NewsreaderError(f"highlight {start}-{end} lies outside the article")
        stamp = now()
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, color, "
                "note, tags, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self._fresh_highlight_id(conn),
                    article_id,
                    start,
                    end,
                    text[start:end],
                    text[max(0, start - CONTEXT) : start],
                    text[end : end + CONTEXT],
                    _colour(color),
                    display_safe(note),
                    json.dumps(_tags(tags)),
                    stamp,
                    stamp,
                ),
            )
            self._record(conn, None, self._highlight_row(conn, cur.lastrowid))
            self._index_notes(conn, article_id)
        return self.get_highlight(cur.lastrowid)

    def update_highlight(
        self,
        highlight_id: int,
        *,
        color: int | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Highlight:
        h = self.get_highlight(highlight_id)
        with self._write() as conn:
            before = self._highlight_row(conn, highlight_id)
            conn.execute(
                "UPDATE highlights SET color = ?, note = ?, tags = ?, updated = ? WHERE id = ?",
                (
                    h.color if color is None else _colour(color),
                    h.note if note is None else display_safe(note),
                    json.dumps(list(h.tags) if tags is None else _tags(tags)),
                    now(),
                    highlight_id,
                ),
            )
            self._record(conn, before, self._highlight_row(conn, highlight_id))
            self._index_notes(conn, h.article_id)
        return self.get_highlight(highlight_id)

    def delete_highlight(self, highlight_id: int) -> Highlight:
        """Move a highlight, with its note and tags, to the trash (journaled: `undo` brings it
        back too)."""
        h = self.get_highlight(highlight_id)
        with self._write() as conn:
            self._record(conn, self._trash_highlight(conn, highlight_id), None)
            self._index_notes(conn, h.article_id)
        return h

    def restore_highlight(self, h: Highlight) -> Highlight:
        """Put back a highlight exactly as it was (undo of a delete or an edit)."""
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO highlights (id, article_id, start, end, exact, prefix, "
                "suffix, color, note, tags, created, updated, orphaned) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    h.id,
                    h.article_id,
                    h.start,
                    h.end,
                    h.exact,
                    h.prefix,
                    h.suffix,
                    h.color,
                    h.note,
                    json.dumps(list(h.tags)),
                    h.created,
                    h.updated,
                    int(h.orphaned),
                ),
            )
            self._index_notes(conn, h.article_id)
        return self.get_highlight(h.id)

    def _index_notes(self, conn: sqlite3.Connection, article_id: int) -> None:
        """Keep the article's notes and tags in its search row. The FTS trigger re-indexes the
        whole article (milliseconds on a long one), so only a change of words writes."""
        words: list[str] = []
        for note, tags in conn.execute(
            "SELECT note, tags FROM highlights WHERE article_id = ? ORDER BY id", (article_id,)
        ):
            words += [note or "", *json.loads(tags or "[]")]
        notes = " ".join(w for w in words if w)
        conn.execute(
            "UPDATE articles SET notes = ? WHERE id = ? AND notes IS NOT ?",
            (notes, article_id, notes),
        )


def _colour(color: int) -> int:
    if not 1 <= int(color) <= 5:
        raise NewsreaderError(f"colour must be 1 to 5, not {color}")
    return int(color)


def _tags(tags: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for t in tags:
        t = normalise_tag(t)
        if t and t not in seen:
            seen.append(t)
    return seen
