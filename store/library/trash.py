"""The trash: removed highlights (with their notes and tags) and deleted articles (with their
highlights and analysis), kept as snapshots until the person empties it.

The live tables lose the rows, so every other query (search, counts, speakers, timelines)
stays as it is; restoring puts the rows back, with their old ids when those are free.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from store.errors import NewsreaderError
from store.library import rows
from store.library.rows import Row, excerpt, now

if TYPE_CHECKING:
    from store.library.records import Restored, TrashEntry


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def highlight_detail(row: Row) -> str:
    """'with its note and 2 tags': what a removed highlight carries besides its words."""
    parts = []
    if (row.get("note") or "").strip():
        parts.append("its note")
    tags = json.loads(row.get("tags") or "[]")
    if tags:
        parts.append(_plural(len(tags), "tag"))
    return "with " + " and ".join(parts) if parts else ""


def _entry(row: sqlite3.Row) -> TrashEntry:
    from store.library.records import TrashEntry  # (the records load when first needed)

    return TrashEntry(
        row["id"],
        row["kind"],
        row["item_id"],
        row["article_id"],
        row["title"],
        row["label"],
        row["detail"],
        row["removed"],
    )


class TrashMixin:
    """Library methods of the trash (the Library provides the connection and the writes)."""

    conn: sqlite3.Connection
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]
    _index_notes: Callable[[sqlite3.Connection, int], None]

    # --- moving into the trash (inside the caller's transaction) -------------------------

    def _title_of(self, conn: sqlite3.Connection, article_id: int) -> str:
        row = conn.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else ""

    def _trash_highlight(self, conn: sqlite3.Connection, highlight_id: int) -> Row | None:
        """Snapshot a highlight and what hangs off it into the trash, then delete them.
        Returns the highlight's row as it was (None: there was none)."""
        tree, selectors = rows.snapshot(conn, "highlights", "id", [highlight_id])
        if not tree:
            return None
        row = tree[0][1][0]
        conn.execute(
            "INSERT INTO trash (kind, item_id, article_id, title, label, detail, snapshot, "
            "removed) VALUES ('highlight', ?, ?, ?, ?, ?, ?, ?)",
            (
                highlight_id,
                row["article_id"],
                self._title_of(conn, row["article_id"]),
                excerpt(row["exact"], 60),
                highlight_detail(row),
                json.dumps(tree),
                now(),
            ),
        )
        rows.delete(conn, selectors)
        return row

    def _trash_article(self, conn: sqlite3.Connection, article_id: int) -> None:
        """Snapshot an article with its highlights, analysis and reading place into the
        trash, then delete them."""
        tree, selectors = rows.snapshot(conn, "articles", "id", [article_id])
        if not tree:
            return
        article = tree[0][1][0]
        n = sum(len(found) for table, found in tree if table == "highlights")
        conn.execute(
            "INSERT INTO trash (kind, item_id, article_id, title, label, detail, snapshot, "
            "removed) VALUES ('article', ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                article_id,
                article["title"],
                article["title"],
                f"with {_plural(n, 'highlight')}" if n else "",
                json.dumps(tree),
                now(),
            ),
        )
        rows.delete(conn, selectors)

    # --- what a person sees and does -----------------------------------------------------

    def trash(self) -> list[TrashEntry]:
        """Everything removed and not yet purged, newest first."""
        return [
            _entry(r)
            for r in self.conn.execute(
                "SELECT id, kind, item_id, article_id, title, label, detail, removed FROM trash "
                "ORDER BY id DESC"
            )
        ]

    def trash_entry(self, trash_id: int) -> TrashEntry:
        row = self.conn.execute(
            "SELECT id, kind, item_id, article_id, title, label, detail, removed FROM trash "
            "WHERE id = ?",
            (trash_id,),
        ).fetchone()
        if row is None:
            raise NewsreaderError(f"nothing in the trash with id {trash_id}")
        return _entry(row)

    def restore(self, trash_id: int) -> Restored:
        """Put a removed highlight or article back and take it out of the trash."""
        entry = self.trash_entry(trash_id)
        (snapshot,) = self.conn.execute(
            "SELECT snapshot FROM trash WHERE id = ?", (trash_id,)
        ).fetchone()
        tree: rows.Tree = [(t, found) for t, found in json.loads(snapshot)]
        preset: dict[str, dict] = {}
        with self._write() as conn:
            if entry.kind == "highlight":
                if not self._article_exists(conn, entry.article_id):
                    raise NewsreaderError(
                        f"the article of this highlight (“{excerpt(entry.title, 60)}”) is in "
                        "the trash too: restore the article first"
                    )
            else:
                tree, preset = self._article_target(conn, tree)
            ids = rows.put_back(conn, tree, preset)
            if entry.kind == "article":
                article_id = ids["articles"][entry.item_id]
            else:
                article_id = entry.article_id
            conn.execute("DELETE FROM trash WHERE id = ?", (trash_id,))
            self._index_notes(conn, article_id)
        highlight_ids = list(ids.get("highlights", {}).values())
        from store.library.records import Restored

        return Restored(entry, article_id, highlight_ids, merged=bool(preset))

    def _article_exists(self, conn: sqlite3.Connection, article_id: int) -> bool:
        return (
            conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def _article_target(
        self, conn: sqlite3.Connection, tree: rows.Tree
    ) -> tuple[rows.Tree, dict[str, dict]]:
        """What of a deleted article goes back: all of it (under a new id if its old one was
        given out again), or, when the same text was added again meanwhile, its highlights
        onto that article (whose analysis is there already)."""
        article = tree[0][1][0]
        again = conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (article["content_hash"],)
        ).fetchone()
        if again is None:
            return tree, {}
        keep = {"highlights"} | {
            child
            for table, _ in tree
            if table == "highlights"
            for child, _, _ in rows.dependants(conn, "highlights")
        }
        return [(t, found) for t, found in tree if t in keep], {
            "articles": {article["id"]: again[0]}
        }

    def empty_trash(self, trash_id: int | None = None) -> int:
        """Purge the trash for good (or one entry of it); the journal forgets what it held
        of those rows too. Returns how many entries were purged."""
        with self._write() as conn:
            if trash_id is None:
                n = conn.execute("DELETE FROM trash").rowcount
            else:
                self.trash_entry(trash_id)
                n = conn.execute("DELETE FROM trash WHERE id = ?", (trash_id,)).rowcount
            # undo must not bring back what was purged: the journal keeps snapshots too
            conn.execute(
                "DELETE FROM journal WHERE CASE WHEN article_id IN (SELECT id FROM articles) "
                "THEN highlight_id NOT IN (SELECT id FROM highlights) AND highlight_id NOT IN "
                "(SELECT item_id FROM trash WHERE kind = 'highlight') "
                "ELSE article_id NOT IN (SELECT item_id FROM trash WHERE kind = 'article') END"
            )
        return n

    def _forget_trashed(self, conn: sqlite3.Connection, highlight_id: int) -> None:
        """A highlight put back by undo leaves the trash."""
        conn.execute("DELETE FROM trash WHERE kind = 'highlight' AND item_id = ?", (highlight_id,))
