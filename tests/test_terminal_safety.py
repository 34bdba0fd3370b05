"""No command lets text from a page, a feed or an old library drive the terminal.

The library holds ESC, OSC, C1, BEL and bidi controls in titles, sites, bylines, URLs, tags and
notes, both as a hostile page brings them in (through the sanitiser) and as a library written
by an older version holds them (raw rows). Every command's stdout, with and without --json,
carries none of those bytes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.test_cli import run

EVIL = "\x1b]0;pwned\x07\x1b[2J\x9b31m\x9d8;;x\x9c\u202e\u2066\x07"
# In UTF-8: ESC, BEL, C1 controls (2 bytes each, 0xC2 0x80-0x9F), bidi overrides and isolates.
FORBIDDEN = [b"\x1b", b"\x07", *(bytes([0xC2, c]) for c in range(0x80, 0xA0))] + [
    ch.encode() for ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
]

PAGE = f"""<html><head><title>Title {EVIL} end</title>
<meta property="og:site_name" content="Site {EVIL}">
<meta name="author" content="Jane {EVIL} Doe">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Head \\ud800 {
    json.dumps(EVIL)[1:-1]
} line"}}</script>
</head><body><article><h1>Head line</h1>
<p>The council met on 5 May 2020 and agreed the plan {EVIL} after a long debate.</p>
<p>“We will build it,” said Mayor Jane Doe on Monday. The work starts in the spring.</p>
</article></body></html>"""


def assert_clean(proc, what: str) -> None:
    assert "Traceback" not in proc.err, proc.err
    for bad in FORBIDDEN:
        assert bad not in proc.stdout, f"{what}: {bad!r} reached stdout"
        assert bad not in proc.stderr, f"{what}: {bad!r} reached stderr"


@pytest.fixture
def hostile(tmp_path: Path):
    db = tmp_path / "lib.db"
    page = tmp_path / "evil.html"
    page.write_text(PAGE, encoding="utf-8")
    added = run("add", page, db=db)
    assert added.returncode == 0, added.err
    assert run("highlight", "3", "--text", "council", "--note", f"n {EVIL}", "--tag",
               f"t{EVIL}", db=db).returncode == 0
    assert run("feed", "add", "--no-check", "http://127.0.0.1:9/feed.xml", db=db).returncode == 0
    # Rows as an older version wrote them: nothing sanitised.
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE articles SET title = ?, site = ?, byline = ?, url = ? WHERE id = 1",
            (f"Old {EVIL}", f"site {EVIL}", f"by {EVIL}", f"http://x/{EVIL}"),
        )
        conn.execute(
            "INSERT INTO highlights (article_id, start, end, exact, note, tags, created, updated) "
            "VALUES (1, 0, 3, ?, ?, ?, '', '')",
            (f"ex{EVIL}", f"note {EVIL}", json.dumps([f"tag {EVIL}"])),
        )
        conn.execute(
            "UPDATE feeds SET title = ?, last_error = ?", (f"feed {EVIL}", f"err {EVIL}")
        )
    conn.close()
    return tmp_path, db, page


COMMANDS = [
    ["list"],
    ["show", "1"],
    ["show", "3"],
    ["export"],
    ["export", "1"],
    ["timeline"],
    ["speakers"],
    ["quotes"],
    ["feed", "list"],
    ["opml", "export"],
    ["read", "1"],
    ["unread", "1"],
    ["anchor", "1", "2020-05-05"],
    ["highlight", "1", "--text", "e", "--note", EVIL, "--tag", EVIL],
    ["refresh"],
]


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_no_command_prints_a_control_or_bidi_character(hostile, as_json: bool):
    tmp, db, page = hostile
    for command in COMMANDS:
        args = [*command, "--json"] if as_json and command[0] not in ("export", "opml") else command
        proc = run(*args, db=db)
        assert_clean(proc, " ".join(command))
    for command in (["extract", str(page)], ["add", str(page)]):
        proc = run(*command, *(["--json"] if as_json else []), db=db)
        assert proc.returncode == 0, proc.err
        assert_clean(proc, command[0])
        if as_json:
            for line in proc.stdout.decode().splitlines():
                json.loads(line)  # still valid JSON, the controls escaped


def test_the_sanitiser_stores_nothing_raw(hostile):
    _, db, _ = hostile
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT title, site, byline, text FROM articles WHERE id = 3").fetchone()
    (tags,) = conn.execute("SELECT tags FROM highlights WHERE article_id = 3").fetchone()
    conn.close()
    for value in (*row, tags):
        assert not any(bad.decode() in value for bad in FORBIDDEN), repr(value)
    assert "\ud800" not in row[0]
    (tag,) = json.loads(tags)  # one line, no markup specials; the controls shown, not acted on
    assert tag == "t␛ 0 pwned␇␛ 2J 31m 8 x ␇"
