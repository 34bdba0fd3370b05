"""Killing a process that writes highlights never loses a committed one or corrupts the file."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from store.article import Article
from store.library.db import Library

WRITER = textwrap.dedent(
    """
    import sys
    from store.library.db import Library
    lib = Library(sys.argv[1], seed=False)
    n = len(lib.get_article(1).text)
    i = 0
    while True:
        s = i % (n - 5)
        h = lib.add_highlight(1, s, s + 5, note=f"note {i}", tags=[f"t{i % 7}"])
        lib.update_highlight(h.id, color=1 + i % 5)
        print(h.id, flush=True)  # printed only after the write committed
        i += 1
    """
)


def test_sigkill_at_random_moments_loses_no_committed_highlight(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path, seed=False) as lib:
        lib.add_article(Article.from_paragraphs(["word " * 400], title="Long"))
    rng = random.Random(7)
    committed: set[int] = set()
    for _ in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(0.4 + rng.random() * 0.6)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        committed |= {int(x) for x in out.split()}
    assert len(committed) > 20
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in conn.execute("SELECT id FROM highlights")}
    assert committed <= stored
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
