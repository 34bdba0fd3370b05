"""SIGKILL during a bulk add of 1,000 pages, at random moments: the library stays whole.

Every kill may lose the batch in flight and nothing else: afterwards SQLite's and FTS5's
integrity checks pass, every stored article is complete (text, paragraphs, its analysis), every
article reported before the kill is stored, and a last run adds exactly the missing ones.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time

from store.library.db import Library
from tests.feedfixtures import news_paragraphs, story

PAGES = 1_000
KILLS = 4


def check_whole(db) -> int:
    """The library passes every check; returns how many articles it holds."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        rows = conn.execute(
            "SELECT a.id, a.text, a.paragraphs, a.anchor, a.warnings, "
            "(SELECT count(*) FROM dates d WHERE d.article_id = a.id), "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
            "(SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'council' "
            "AND rowid = a.id) FROM articles a"
        ).fetchall()
        for article_id, text, paragraphs, anchor, warnings, dates, quotes, indexed in rows:
            spans = json.loads(paragraphs)
            assert text and len(spans) == 3, article_id
            assert all(0 <= s < e <= len(text) for s, e in spans), article_id
            assert dates >= 1 and quotes >= 1 and anchor is None and warnings is None, article_id
            assert indexed == 1, article_id  # in the search index too
        count = conn.execute("SELECT n FROM counters WHERE name = 'articles'").fetchone()[0]
        assert count == len(rows)
        return len(rows)
    finally:
        conn.close()


def add(folder, db) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli.main", "add", str(folder), "--db", str(db), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_during_a_bulk_add_loses_at_most_the_batch_in_flight(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(PAGES):
        (folder / f"{i:04d}.html").write_text(
            story(f"Story {i}", *news_paragraphs(i, f"Town{i}x{i * 7 % 13}"))
        )
    db = tmp_path / "lib.db"
    Library(db, seed=False).close()
    rng = random.Random(15)
    reported: set[int] = set()
    for _ in range(KILLS):
        before = check_whole(db)
        proc = add(folder, db)
        # a random moment while this run stores: after a random share of what is left
        target = before + rng.randint(1, (PAGES - before) // 3)
        deadline = time.monotonic() + 120
        while count_rows(db) < target:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(rng.random() * 0.05)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        reported |= {int(line.split("\t")[0]) for line in out.splitlines()}
        assert before < check_whole(db) < PAGES
    stored_ids = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles")}
    assert reported <= stored_ids  # a line is printed only once its batch is committed
    missing = PAGES - len(stored_ids)
    proc = add(folder, db)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    created = [line for line in out.splitlines() if "already in the library" not in line]
    assert len(created) == missing  # exactly the missing ones
    assert check_whole(db) == PAGES


def count_rows(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()
