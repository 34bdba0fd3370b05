"""The journal of highlight changes: undo and redo per article, across restarts.

Every add, change and removal of a highlight is written with the change itself (in the same
transaction) as the highlight's row before and after, and a sentence saying what changed
("Removed tag 'talks' from 'We need to at least…'"). Undo puts the row back as it was before;
redo as it was after. Each acts only on its own highlight, and only if that highlight is still
as the journal left it: a highlight changed elsewhere is never overwritten.

The API, for any screen (all on Library):
    undo(article_id=None) -> JournalEntry | None   # None: nothing to undo; None id: any article
    redo(article_id=None) -> JournalEntry | None
    history(article_id, limit) -> list[JournalEntry]   # newest first, undone ones included
Both raise NewsreaderError (one line) when the highlight changed since; that entry is dropped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import TYPE_CHECKING

from store.errors import NewsreaderError
from store.library.rows import Row, excerpt, now

if TYPE_CHECKING:
    from store.library.records import JournalEntry

KEEP = 200  # entries kept per article (the oldest go first)
FIELDS = ("color", "note", "tags")  # what a person changes on a highlight


def _tags(row: Row) -> list[str]:
    return json.loads(row.get("tags") or "[]")


def _quoted(items: list[str]) -> str:
    return ", ".join(f"'{excerpt(t, 30)}'" for t in items)


def describe(before: Row | None, after: Row | None) -> str:
    """One sentence saying what a change did to a highlight."""
    row = after if after is not None else before
    assert row is not None
    what = f"'{excerpt(row['exact'])}'"
    if before is None:
        extra = []
        if (row.get("color") or 1) != 1:
            extra.append(f"in colour {row['color']}")
        if (row.get("note") or "").strip():
            extra.append("with a note")
        if _tags(row):
            extra.append(f"tagged {_quoted(_tags(row))}")
        return " ".join([f"Highlighted {what}", *extra])
    if after is None:
        carried = []
        if (before.get("note") or "").strip():
            carried.append("its note")
        if _tags(before):
            carried.append(f"tags {_quoted(_tags(before))}")
        return f"Removed highlight {what}" + (f" with {' and '.join(carried)}" if carried else "")
    changes: list[tuple[str, str]] = []  # (what was done, the word before the highlight)
    if before.get("color") != after.get("color"):
        changes.append((f"Changed colour {before.get('color')} → {after.get('color')}", "of"))
    old_note, new_note = (before.get("note") or "").strip(), (after.get("note") or "").strip()
    if old_note != new_note:
        if not old_note:
            changes.append(("Added a note", "to"))
        elif not new_note:
            changes.append(("Removed the note", "from"))
        else:
            changes.append(("Changed the note", "on"))
    old_tags, new_tags = _tags(before), _tags(after)
    came = [t for t in new_tags if t not in old_tags]
    gone = [t for t in old_tags if t not in new_tags]
    if came:
        changes.append((f"Added tag{'s' if len(came) > 1 else ''} {_quoted(came)}", "to"))
    if gone:
        changes.append((f"Removed tag{'s' if len(gone) > 1 else ''} {_quoted(gone)}", "from"))
    if not changes:
        return f"Changed {what}"
    if len(changes) == 1:
        done, word = changes[0]
        return f"{done} {word} {what}"
    done = "; ".join(d if i == 0 else d[0].lower() + d[1:] for i, (d, _) in enumerate(changes))
    return f"{done} on {what}"


def _entry(row: sqlite3.Row) -> JournalEntry:
    from store.library.records import JournalEntry  # (the records load when first needed)

    return JournalEntry(
        row["id"],
        row["article_id"],
        row["highlight_id"],
        row["description"],
        bool(row["undone"]),
        row["at"],
    )


def _state(row: Row | None) -> tuple | None:
    return None if row is None else tuple(row.get(f) for f in FIELDS)


class JournalMixin:
    """Library methods of the journal (the Library provides the connection and the writes)."""

    conn: sqlite3.Connection
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]
    _index_notes: Callable[[sqlite3.Connection, int], None]
    _trash_highlight: Callable[[sqlite3.Connection, int], Row | None]
    _forget_trashed: Callable[[sqlite3.Connection, int], None]

    def _fresh_highlight_id(self, conn: sqlite3.Connection) -> int:
        """An id never given out before (SQLite reuses the highest id once its row is gone), so
        neither the journal nor the trash can mistake a new highlight for an old one."""
        return conn.execute(
            "SELECT max(coalesce((SELECT max(id) FROM highlights), 0), "
            "coalesce((SELECT max(item_id) FROM trash WHERE kind = 'highlight'), 0), "
            "coalesce((SELECT max(highlight_id) FROM journal), 0)) + 1"
        ).fetchone()[0]

    def _highlight_row(self, conn: sqlite3.Connection, highlight_id: int) -> Row | None:
        row = conn.execute("SELECT * FROM highlights WHERE id = ?", (highlight_id,)).fetchone()
        return dict(row) if row is not None else None

    def _record(self, conn: sqlite3.Connection, before: Row | None, after: Row | None) -> None:
        """Journal one change (inside the change's own transaction). A new change ends what
        could be redone in its article."""
        row = after if after is not None else before
        if row is None or (
            before is not None and after is not None and _state(before) == _state(after)
        ):
            return
        article_id = row["article_id"]
        conn.execute("DELETE FROM journal WHERE article_id = ? AND undone > 0", (article_id,))
        conn.execute(
            "INSERT INTO journal (article_id, highlight_id, description, before_state, "
            "after_state, undone, at) VALUES (?, ?, ?, ?, ?, 0, ?)",
            (
                article_id,
                row["id"],
                describe(before, after),
                None if before is None else json.dumps(before),
                None if after is None else json.dumps(after),
                now(),
            ),
        )
        conn.execute(
            "DELETE FROM journal WHERE article_id = ? AND id NOT IN (SELECT id FROM journal "
            "WHERE article_id = ? ORDER BY id DESC LIMIT ?)",
            (article_id, article_id, KEEP),
        )

    def history(self, article_id: int | None = None, limit: int = 50) -> list[JournalEntry]:
        """The last changes, newest first (with those undone, which redo would bring back)."""
        where, params = (
            ("WHERE article_id = ? ", [article_id]) if article_id is not None else ("", [])
        )
        return [
            _entry(r)
            for r in self.conn.execute(
                f"SELECT * FROM journal {where}ORDER BY id DESC LIMIT ?", [*params, limit]
            )
        ]

    def undo(self, article_id: int | None = None) -> JournalEntry | None:
        """Undo the last change (of one article, or anywhere): the highlight as it was before."""
        return self._step(article_id, undo=True)

    def redo(self, article_id: int | None = None) -> JournalEntry | None:
        """Redo the change undone last: the highlight as it was after it."""
        return self._step(article_id, undo=False)

    def _step(self, article_id: int | None, *, undo: bool) -> JournalEntry | None:
        scope, params = (
            ("AND article_id = ? ", [article_id]) if article_id is not None else ("", [])
        )
        if undo:
            query = f"SELECT * FROM journal WHERE undone = 0 {scope}ORDER BY id DESC LIMIT 1"
        else:
            query = f"SELECT * FROM journal WHERE undone > 0 {scope}ORDER BY undone DESC LIMIT 1"
        found = self.conn.execute(query, params).fetchone()
        if found is None:
            return None
        entry = _entry(found)
        before = json.loads(found["before_state"]) if found["before_state"] else None
        after = json.loads(found["after_state"]) if found["after_state"] else None
        expect, target = (after, before) if undo else (before, after)
        stale = False
        with self._write() as conn:
            current = self._highlight_row(conn, entry.highlight_id)
            if _state(current) == _state(target):
                pass  # already so (put back from the trash, say): nothing to write
            elif _state(current) != _state(expect):
                stale = True
                conn.execute("DELETE FROM journal WHERE id = ?", (entry.id,))
            else:
                self._set(conn, entry, current, target)
            if not stale:
                conn.execute(
                    "UPDATE journal SET undone = "
                    + ("(SELECT coalesce(max(undone), 0) + 1 FROM journal)" if undo else "0")
                    + " WHERE id = ?",
                    (entry.id,),
                )
        if stale:
            verb = "undo" if undo else "redo"
            raise NewsreaderError(
                f"Cannot {verb} “{entry.description}”: that highlight was changed elsewhere since"
            )
        return replace(entry, undone=undo)

    def _set(
        self, conn: sqlite3.Connection, entry: JournalEntry, current: Row | None, target: Row | None
    ) -> None:
        """Make the highlight as `target` says: gone, back, or with its old colour, note, tags."""
        if target is None:
            # gone again; what a person wrote on it (a note, tags) goes to the trash, not away
            if (current or {}).get("note", "").strip() or _tags(current or {}):
                self._trash_highlight(conn, entry.highlight_id)
            else:
                conn.execute("DELETE FROM highlights WHERE id = ?", (entry.highlight_id,))
        elif current is None:
            if not conn.execute(
                "SELECT 1 FROM articles WHERE id = ?", (entry.article_id,)
            ).fetchone():
                raise NewsreaderError("the article is in the trash: restore it first")
            present = {r[1] for r in conn.execute("PRAGMA table_info(highlights)")}
            row = {k: v for k, v in target.items() if k in present}
            names = list(row)
            conn.execute(
                f"INSERT INTO highlights ({', '.join(names)}) "
                f"VALUES ({', '.join('?' * len(names))})",
                [row[n] for n in names],
            )
            self._forget_trashed(conn, entry.highlight_id)
        else:
            conn.execute(
                "UPDATE highlights SET color = ?, note = ?, tags = ?, updated = ? WHERE id = ?",
                (target["color"], target["note"], target["tags"], now(), entry.highlight_id),
            )
        self._index_notes(conn, entry.article_id)
