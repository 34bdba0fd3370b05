"""Writing safely to a library that other processes use too, and saying what went wrong.

Every write takes SQLite's write lock first (`BEGIN IMMEDIATE`): a deferred transaction that
reads before it writes (the FTS5 index reads its settings first) cannot wait for the lock and
fails at once with "database is locked". The lock is waited for (the busy timeout), and a
transaction that still meets a busy database is begun again until WRITE_PATIENCE has passed.
Before the first write of a connection, `PRAGMA quick_check` makes sure the file is whole:
a damaged library is never written to.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from store.errors import LibraryError, LockedError

# Seconds a write keeps trying for the lock before it gives up (NEWSREADER_WRITE_PATIENCE).
WRITE_PATIENCE = float(os.environ.get("NEWSREADER_WRITE_PATIENCE") or 60)
BUSY_TIMEOUT_MS = int(min(5.0, WRITE_PATIENCE) * 1000)  # one wait for the lock inside SQLite
RECOVER = "recover what is left with `sqlite3 LIBRARY .recover | sqlite3 NEW.db`"

_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_checked: set[int] = set()  # connections whose file passed quick_check (by id)


def configure(conn: sqlite3.Connection) -> None:
    """What every connection to a library needs before its first statement."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # INSERT OR REPLACE keeps FTS in step


def is_busy(error: BaseException) -> bool:
    """A lock held by another connection: worth waiting for, not a fault of the library."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return "locked" in str(error) or "busy" in str(error)


def check_whole(conn: sqlite3.Connection, path: Path) -> None:
    """Raise a LibraryError naming the way out when the file is damaged; once per connection."""
    if id(conn) in _checked:
        return
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as e:
        if is_busy(e):
            raise
        raise damaged(path, str(e)) from None
    if [tuple(r) for r in rows] != [("ok",)]:
        raise damaged(path, str(rows[0][0]) if rows else "no answer")
    _checked.add(id(conn))


def check_ahead(conn: sqlite3.Connection, path: Path) -> None:
    """Check the file on a connection of its own (from a background thread), so the first
    write on `conn` need not wait for it: a library of a gigabyte takes a second or more. A
    damaged file is left for that write to report."""
    with suppress(sqlite3.Error):
        other = sqlite3.connect(path)
        try:
            rows = other.execute("PRAGMA quick_check").fetchall()
        finally:
            other.close()
        if [tuple(r) for r in rows] == [("ok",)]:
            _checked.add(id(conn))


def forget(conn: sqlite3.Connection) -> None:
    """The connection is closed: its id may be reused by a connection to another file."""
    _checked.discard(id(conn))


def damaged(path: Path, detail: str = "") -> LibraryError:
    what = f" ({' '.join(detail.split())[:80]})" if detail else ""
    return LibraryError(
        f"{path}: the library file is damaged{what}; nothing was written. "
        f"{RECOVER.replace('LIBRARY', str(path))}"
    )


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction holding the write lock from its first statement; an error rolls all of
    it back. Nested use joins the transaction already open."""
    if conn.in_transaction:
        yield conn
        return
    check_whole(conn, path)
    _begin(conn, path)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    _commit(conn, path)


def _patiently(step, path: Path) -> None:
    """Run `step` until it gets past a busy database, for at most WRITE_PATIENCE seconds."""
    until = time.monotonic() + WRITE_PATIENCE
    pause = 0.01
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as e:
            if not is_busy(e):
                raise explain(e, path) from None
            if time.monotonic() >= until:
                raise LockedError(
                    f"{path}: locked by another program for {WRITE_PATIENCE:.0f} s; "
                    "nothing was written (close the other program and try again)"
                ) from None
            time.sleep(pause)
            pause = min(0.2, pause * 2)


def _begin(conn: sqlite3.Connection, path: Path) -> None:
    _patiently(lambda: conn.execute("BEGIN IMMEDIATE"), path)


def _commit(conn: sqlite3.Connection, path: Path) -> None:
    """COMMIT; a busy COMMIT leaves the transaction open, so it is simply tried again."""
    try:
        _patiently(lambda: conn.execute("COMMIT"), path)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def describe(error: BaseException, path: str | Path) -> LibraryError | None:
    """What a database error met anywhere in a command means, in one line; None for any
    other error."""
    if isinstance(error, sqlite3.DatabaseError):
        return explain(error, Path(path))
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return explain(error, Path(path))
    return None


def explain(error: BaseException, path: Path) -> LibraryError:
    """A library error in one line that says what really happened to the file."""
    text = " ".join(str(error).split())
    lower = text.lower()
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    if isinstance(error, OSError) and error.errno == errno.ENOSPC or primary == 13 or (
        "disk is full" in lower or "database or disk is full" in lower
    ):
        return LibraryError(f"{path}: the disk is full; nothing was written (free some space)")
    if primary == sqlite3.SQLITE_READONLY or "readonly" in lower or "read-only" in lower:
        return LibraryError(_read_only(path))
    if is_busy(error):
        return LockedError(
            f"{path}: locked by another program; nothing was written (try again when it is done)"
        )
    if primary == sqlite3.SQLITE_NOTADB or "not a database" in lower:
        return LibraryError(f"{path}: not a SQLite file, so not a newsreader library")
    if primary == sqlite3.SQLITE_CORRUPT or "malformed" in lower or "corrupt" in lower:
        return damaged(path, text)
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in lower:
        return LibraryError(f"{path}: cannot open the file ({_why_not_open(path)})")
    if primary == sqlite3.SQLITE_IOERR or "disk i/o" in lower:
        return LibraryError(f"{path}: the disk failed to read or write ({text})")
    return LibraryError(f"{path}: {text}")


def _read_only(path: Path) -> str:
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return (
            f"{path}: the folder {folder} is read-only, and SQLite needs to write beside the "
            "library; nothing was written (copy the library somewhere writable)"
        )
    return f"{path}: the library file is read-only; nothing was written"


def _why_not_open(path: Path) -> str:
    if not path.parent.exists():
        return f"no folder {path.parent}"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return f"the folder {path.parent} is not writable"
    if path.exists() and not os.access(path, os.R_OK):
        return "no permission to read it"
    return "SQLite could not open it"
