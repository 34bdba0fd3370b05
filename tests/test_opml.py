"""OPML in and out, and the feed commands as a person runs them against a local server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from store.errors import InputError
from store.ingest.feeds import add_feed, articles_of_feed, list_feeds
from store.ingest.opml import import_opml, opml_text, parse_opml
from store.library.db import Library
from tests.feedfixtures import BOMB, news_paragraphs, rss, story
from tests.feedserver import FeedServer
from tui.cli.main import main

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="News">
    <outline text="Daily &amp; Co" type="rss" xmlUrl="https://daily.example/feed"
             htmlUrl="https://daily.example/"/>
    <outline text="Deep"><outline title="Deeper" xmlurl="https://deep.example/atom"/></outline>
  </outline>
  <outline text="Again" xmlUrl="https://daily.example/feed"/>
  <outline text="Local file" xmlUrl="file:///etc/passwd"/>
  <outline text="Just a folder"/>
</body></opml>"""


def newsreader(*args, db, check=True):
    """The CLI in a child process, its home pointed at the test's folder (never the real one)."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DB"}
    env["HOME"] = env["XDG_DATA_HOME"] = str(db.parent)
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli.main", *map(str, args), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def cli(capsys, *args, db, code=0):
    """The CLI in this process (faster than a child), as `newsreader ARGS --db DB`."""
    capsys.readouterr()
    assert main([*map(str, args), "--db", str(db)]) == code
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return out


def test_nested_outlines_are_flattened_deduplicated_and_other_schemes_skipped(tmp_path):
    subs = parse_opml(OPML)
    assert [(s.url, s.title) for s in subs] == [
        ("https://daily.example/feed", "Daily & Co"),
        ("https://deep.example/atom", "Deeper"),
        ("file:///etc/passwd", "Local file"),
    ]
    assert subs[0].site_url == "https://daily.example/"
    path = tmp_path / "subs.opml"
    path.write_bytes(OPML)
    with Library(tmp_path / "lib.db", seed=False) as lib:
        result = import_opml(lib, path)
        assert [f.url for f in result.added] == [
            "https://daily.example/feed",
            "https://deep.example/atom",
        ]
        assert len(result.skipped) == 1 and "file:///etc/passwd" in result.skipped[0]
        again = import_opml(lib, path)
        assert again.added == [] and len(again.existing) == 2


def test_hostile_or_broken_opml_is_one_line(tmp_path):
    with pytest.raises(InputError, match="entity"):
        parse_opml(BOMB.replace(b"rss", b"opml"), "bomb.opml")
    with pytest.raises(InputError, match="not valid OPML"):
        parse_opml(b"<opml><body><outline", "cut.opml")
    with pytest.raises(InputError, match="not OPML"):
        parse_opml(b"<html><body/></html>", "page.html")
    with (
        Library(tmp_path / "lib.db", seed=False) as lib,
        pytest.raises(InputError, match="no such"),
    ):
        import_opml(lib, tmp_path / "missing.opml")


def test_export_escapes_titles_and_reimports_the_same(tmp_path):
    with Library(tmp_path / "a.db", seed=False) as lib:
        add_feed(lib, "https://a.example/feed?x=1&y=2", title='Quotes "&" <angles>')
        add_feed(lib, "https://b.example/rss", site_url="https://b.example/")
        text = opml_text(lib)
        before = [(f.url, f.title, f.site_url) for f in list_feeds(lib)]
    titles = {s.url: s.title for s in parse_opml(text.encode())}
    assert titles["https://a.example/feed?x=1&y=2"] == 'Quotes "&" <angles>'
    path = tmp_path / "out.opml"
    path.write_text(text)
    with Library(tmp_path / "b.db", seed=False) as lib:
        import_opml(lib, path)
        after = [(f.url, f.title, f.site_url) for f in list_feeds(lib)]
    assert after == before  # the untitled feed, exported under its URL, comes back untitled


def test_cli_opml_round_trip_gives_the_same_feeds(tmp_path, capsys):
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    missing = cli(capsys, "opml", "import", tmp_path / "in.opml", db=first, code=1)
    assert missing.err.count("\n") == 1 and "no such file" in missing.err
    (tmp_path / "in.opml").write_bytes(OPML)
    cli(capsys, "opml", "import", tmp_path / "in.opml", db=first)
    out = tmp_path / "out.opml"
    cli(capsys, "opml", "export", "-o", out, db=first)
    cli(capsys, "opml", "import", out, db=second)
    listing = [
        [
            json.loads(line)
            for line in cli(capsys, "feed", "list", "--json", db=db).out.split("\n")
            if line
        ]
        for db in (first, second)
    ]
    assert len(listing[0]) == 2
    assert [(f["url"], f["title"], f["site_url"]) for f in listing[0]] == [
        (f["url"], f["title"], f["site_url"]) for f in listing[1]
    ]
    assert cli(capsys, "opml", "export", db=second).out.startswith("<?xml")


def test_cli_refresh_of_20_feeds_of_50_entries_stores_1000_once_then_nothing(tmp_path):
    db = tmp_path / "lib.db"
    with FeedServer() as srv:
        urls = []
        for f in range(20):
            items = []
            for i in range(50):
                path = f"/f{f}/{i}.html"
                title = f"Feed {f} story {i}"
                srv.add(path, story(title, *news_paragraphs(i, f"Town{f}x{i}")))
                items.append({"title": title, "link": path, "summary": "s"})
            urls.append(srv.add(f"/f{f}.xml", rss(f"Feed {f}", items), "application/rss+xml"))
        newsreader("feed", "add", "--no-check", *urls, db=db)
        first = newsreader("refresh", db=db)
        lines = first.stdout.splitlines()
        assert len(lines) == 21 and lines[-1] == (
            "20 feeds: 1000 new articles, 0 not modified, 0 failed"
        )
        assert all(line.startswith("[") and ": 50 new entries" in line for line in lines[:-1])
        pages = sum(n for p, n in srv.hits.items() if p.endswith(".html"))
        assert pages == 1000
        with Library(db) as lib:
            assert len(articles_of_feed(lib, limit=5000)) == 1000
            assert {f.articles for f in list_feeds(lib)} == {50}
        second = newsreader("refresh", "--json", db=db)
        summary = json.loads(second.stdout.splitlines()[-1])
        assert summary["new"] == 0 and summary["not_modified"] == 20
        assert summary["pages_fetched"] == 0
        assert sum(n for p, n in srv.hits.items() if p.endswith(".html")) == pages
        assert sum(srv.not_modified.values()) == 20
        with Library(db) as lib:
            assert len(articles_of_feed(lib, limit=5000)) == 1000


def test_cli_feed_commands_and_read_state(tmp_path, capsys):
    db = tmp_path / "lib.db"
    with FeedServer() as srv:
        srv.add("/one.html", story("One", *news_paragraphs(1, "Oneville")))
        url = srv.add("/f.xml", rss("Solo", [{"title": "One", "link": "/one.html"}]), "text/xml")
        assert cli(capsys, "feed", "add", url, db=db).out.split("\t")[1] == "Solo"
        assert "already subscribed" in cli(capsys, "feed", "add", url, db=db).out
        bad = cli(capsys, "feed", "add", "file:///etc/passwd", db=db, code=1)
        assert bad.err.count("\n") == 1 and "only http and https" in bad.err
        assert "1 new articles" in cli(capsys, "refresh", db=db).out
        with Library(db) as lib:
            (article,) = articles_of_feed(lib)
        cli(capsys, "read", article.id, db=db)
        assert cli(capsys, "feed", "list", db=db).out.split("\t")[1] == "0/1"
        cli(capsys, "unread", article.id, db=db)
        assert cli(capsys, "feed", "list", db=db).out.split("\t")[1] == "1/1"
        assert "removed" in cli(capsys, "feed", "remove", url, db=db).out
        assert cli(capsys, "feed", "list", db=db).out == ""
        assert "no feeds" in cli(capsys, "refresh", db=db, code=1).err


def test_refresh_on_a_terminal_draws_one_progress_bar(tmp_path):
    """Under a pseudo-terminal the refresh shows one bar (no per-feed lines) and a summary."""
    import pty

    db = tmp_path / "lib.db"
    with FeedServer() as srv:
        urls = []
        for f in range(3):
            items = []
            for i in range(4):
                path = f"/t{f}/{i}.html"
                srv.add(path, story(f"T{f} {i}", *news_paragraphs(i, f"Tee{f}x{i}")))
                items.append({"title": f"T{f} {i}", "link": path})
            urls.append(srv.add(f"/t{f}.xml", rss(f"Tty {f}", items), "application/rss+xml"))
        with Library(db) as lib:
            for url in urls:
                add_feed(lib, url)
        leader, follower = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DB"}
        env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), COLUMNS="100", TERM="xterm")
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui.cli.main", "refresh", "--db", str(db)],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
        )
        os.close(follower)
        screen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            screen += chunk
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
        os.close(leader)
    text = screen.decode("utf-8", "replace")
    assert "Refreshing" in text and "15/15" in text  # 3 feeds + 12 entries, on one bar
    assert "[1/" not in text  # no plain per-feed lines on a terminal
    assert text.rstrip().endswith("3 feeds: 12 new articles, 0 not modified, 0 failed")
