"""Where a person was: each article's reading place, and the note they were typing.

A place is two character offsets into the article's text (the cursor, and the first character
on screen), so it holds at any terminal width. A draft is the text of a note being written,
kept while it is typed so a crash or a kill loses nothing; saving or discarding the note
drops it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from store.library.rows import now

if TYPE_CHECKING:
    from store.library.records import Place


class PlacesMixin:
    """Library methods of places and drafts (the Library provides connection and writes)."""

    conn: sqlite3.Connection
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def place(self, article_id: int) -> Place | None:
        row = self.conn.execute(
            "SELECT article_id, cursor, top, updated FROM places WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        from store.library.records import Place  # (the records load when first needed)

        return Place(*row)

    def save_place(self, article_id: int, cursor: int, top: int) -> None:
        """Remember where the reader is in an article (an article that is gone is ignored)."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO places (article_id, cursor, top, updated) "
                "SELECT id, ?, ?, ? FROM articles WHERE id = ? "
                "ON CONFLICT (article_id) DO UPDATE SET cursor = excluded.cursor, "
                "top = excluded.top, updated = excluded.updated",
                (max(0, cursor), max(0, top), now(), article_id),
            )

    def draft(self, highlight_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT text FROM note_drafts WHERE highlight_id = ?", (highlight_id,)
        ).fetchone()
        return row[0] if row else None

    def drafts(self, article_id: int) -> dict[int, str]:
        """Unsaved note drafts of an article's highlights, by highlight id."""
        rows = self.conn.execute(
            "SELECT highlight_id, text FROM note_drafts WHERE article_id = ?", (article_id,)
        )
        return {r[0]: r[1] for r in rows}

    def save_draft(self, highlight_id: int, article_id: int, text: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO note_drafts (highlight_id, article_id, text, updated) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (highlight_id) DO UPDATE SET "
                "text = excluded.text, updated = excluded.updated",
                (highlight_id, article_id, text, now()),
            )

    def drop_draft(self, highlight_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM note_drafts WHERE highlight_id = ?", (highlight_id,))
