"""Several processes writing one library at once: every write lands, none is refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from store.library.db import Library

WRITER = textwrap.dedent(
    """
    import sys
    from store.article import Article
    from store.library.db import Library

    path, who = sys.argv[1], sys.argv[2]
    library = Library(path)
    for n in range(100):
        words = f"Writer {who} filed story {n} about the harbour on a quiet morning."
        article = Article.from_paragraphs(
            [words, f"The second paragraph of story {n} by writer {who} says more."],
            title=f"Story {who}-{n}",
        )
        article_id, created = library.add_article(article)
        assert created, (who, n)
        for start, end in ((0, 6), (7, 8)):
            library.add_highlight(article_id, start, end, note=f"note {who} {n}", tags=[who])
    library.close()
    """
)


def test_three_writers_at_once_lose_nothing(tmp_path: Path):
    db = tmp_path / "shared.db"
    Library(db).close()  # created and seeded before the writers start
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), who],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("a", "b", "c")
    ]
    for w in writers:
        out, err = w.communicate(timeout=600)
        assert w.returncode == 0, err
        assert err == ""

    conn = sqlite3.connect(db)
    try:
        titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
        for who in "abc":
            assert {f"Story {who}-{n}" for n in range(100)} <= titles
        assert conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 600
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        hits = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'"
        ).fetchone()[0]
        assert hits == 300
    finally:
        conn.close()
