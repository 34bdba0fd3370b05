"""A damaged library is never written, and each failure says what really happened, in one line."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store.errors import LibraryError
from store.library.db import Library
from tests.test_cli import SEEDS, one_line_error, run


def damage(db: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk or a stray write would."""
    size = db.stat().st_size
    with db.open("r+b") as f:
        for page in range(2, size // 4096 - 1):  # whole pages: headers too, not free space
            f.seek(page * 4096)
            f.write(b"\xde\xad\xbe\xef" * 1024)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    db = tmp_path / "lib.db"
    with Library(db) as lib:  # two seeds
        conn = lib.conn
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    damage(db)
    return db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command",
    [
        ["anchor", "1", "2020-01-01"],
        ["read", "1"],
        ["feed", "add", "--no-check", "https://example.org/feed.xml"],
        ["highlight", "1", "--text", "the"],
        ["add", str(SEEDS[0])],
        ["list"],
        ["show", "1"],
        ["export"],
    ],
)
def test_a_damaged_library_is_named_and_never_written(damaged: Path, command: list[str]):
    before = digest(damaged)
    proc = run(*command, db=damaged)
    line = one_line_error(proc)
    assert "damaged" in line and "sqlite3" in line and ".recover" in line, line
    assert "unexpected error" not in line
    assert digest(damaged) == before
    assert not Path(f"{damaged}-wal").exists() or Path(f"{damaged}-wal").stat().st_size == 0


def test_not_a_sqlite_file(tmp_path: Path):
    db = tmp_path / "notes.db"
    db.write_bytes(b"These are my notes, not a database. " * 200)
    line = one_line_error(run("list", db=db))
    assert "not a SQLite file" in line
    assert db.read_bytes().startswith(b"These are my notes")


def test_a_newer_schema(tmp_path: Path):
    db = tmp_path / "lib.db"
    Library(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    line = one_line_error(run("list", db=db))
    assert "newer newsreader" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "lib.db"
    Library(db).close()
    folder.chmod(0o555)
    try:
        line = one_line_error(run("read", "1", db=db))
        assert "read-only" in line
    finally:
        folder.chmod(0o755)


def test_a_read_only_library_file(tmp_path: Path):
    db = tmp_path / "lib.db"
    Library(db).close()
    # Read-only as SQLite sees it, whoever runs the test (root ignores file modes).
    uri = f"file:{db}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    from store.library.transactions import explain

    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("UPDATE articles SET read = 1")
    conn.close()
    assert "read-only" in str(explain(caught.value, db))


def test_locked_by_another_program(tmp_path: Path, monkeypatch):
    db = tmp_path / "lib.db"
    Library(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setenv("NEWSREADER_WRITE_PATIENCE", "1")
        line = one_line_error(run("read", "1", db=db))
        assert "locked by another program" in line and "nothing was written" in line
    finally:
        holder.kill()
        holder.wait()


def test_a_full_disk(tmp_path: Path):
    db = tmp_path / "lib.db"
    with Library(db, seed=False) as lib:
        pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
        lib.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the file cannot grow
        from store.article import Article
        from store.errors import LibraryError

        big = Article.from_paragraphs([f"Paragraph {i} " + "words " * 200 for i in range(50)])
        with pytest.raises(LibraryError) as caught:
            lib.add_article(big)
        assert "disk is full" in str(caught.value) and "nothing was written" in str(caught.value)
        assert lib.count_articles() == 0


@pytest.mark.parametrize("value", ["9223372036854775808", "99999999999999999999999", "0", "-3"])
def test_an_id_out_of_range(tmp_path: Path, value: str):
    proc = run("show", value, db=tmp_path / "lib.db")
    assert proc.returncode == 2 and "Traceback" not in proc.err
    assert "out of range" in proc.err and "OverflowError" not in proc.err


def test_an_undecodable_argument(tmp_path: Path):
    from tests.test_cli import NEWSREADER

    proc = subprocess.run(
        [NEWSREADER, "--db", str(tmp_path / "lib.db"), "highlight", "1", "--text", b"caf\xe9"],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert proc.returncode == 2
    assert b"not valid UTF-8" in proc.stderr and b"Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_check_ahead_spares_the_first_write_its_wait(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        pass
    with Library(tmp_path / "lib.db") as lib:
        statements: list[str] = []
        lib.conn.set_trace_callback(statements.append)
        lib.check_ahead()  # what the app does in the background after its first frame
        lib.add_highlight(1, 0, 5)
        assert not any("quick_check" in s for s in statements)
        assert len(lib.highlights(1)) == 1


def test_a_check_ahead_leaves_a_damaged_file_to_the_first_write(tmp_path):
    db = tmp_path / "lib.db"
    with Library(db) as lib:  # two seeds
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lib.conn.execute("PRAGMA journal_mode = DELETE")
    with db.open("r+b") as f:  # one page of text damaged: the file still opens
        f.seek((db.stat().st_size // 4096 - 3) * 4096)
        f.write(b"\xde\xad\xbe\xef" * 1024)
    before = digest(db)
    lib = Library(db)
    try:
        lib.check_ahead()
        with pytest.raises(LibraryError, match="damaged"):
            lib.add_highlight(1, 0, 5)
    finally:
        lib.close()
    assert digest(db) == before
