"""A refresh cleans and analyses in worker processes: a hostile entry costs only its budget,
and Ctrl-C ends a refresh at once, whatever a worker or a request is doing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from store.ingest.feeds import add_feed, get_feed, refresh_feeds
from store.library.db import Library
from tests.feedfixtures import hostile_story, news_paragraphs, rss, story
from tests.feedserver import FeedServer, slow


@pytest.fixture
def srv():
    with FeedServer() as s:
        yield s


def test_an_entry_past_its_budget_is_stored_from_the_feed_and_says_so(srv, tmp_path):
    srv.add("/hostile.html", hostile_story())
    srv.add("/fine.html", story("Fine", *news_paragraphs(1, "Fineville")))
    entries = [
        {"title": "Hostile", "link": "/hostile.html", "summary": "The council met on Monday."},
        {"title": "Fine", "link": "/fine.html", "summary": "s"},
    ]
    with Library(tmp_path / "lib.db", seed=False) as lib:
        feed, _ = add_feed(lib, srv.add("/f.xml", rss("Budget", entries), "application/rss+xml"))
        report = refresh_feeds(lib, budget=0.5, jobs=2)
        assert len(report.new_articles) == 2 and not report.failed
        hostile = lib.find_article(url=srv.url("/hostile.html"))
        article = lib.get_article(hostile)
        assert article.text == "The council met on Monday."  # the feed's own text
        (warning,) = article.warnings
        assert "cleaning took longer than 0.5 s; stored from the feed's summary" in warning
        assert any("cleaning took longer" in w for w in report.warnings)
        fine = lib.get_article(lib.find_article(url=srv.url("/fine.html")))
        assert fine.warnings == () and lib.quotes(fine.id)
        assert get_feed(lib, feed.id).etag  # every entry stored: the validators are kept


def test_ctrl_c_ends_a_refresh_while_a_worker_cleans_and_a_request_hangs(srv, tmp_path):
    srv.add("/hostile.html", hostile_story())
    hostile = rss("Hostile", [{"title": "Hostile", "link": "/hostile.html", "summary": "s"}])
    db = tmp_path / "lib.db"
    with Library(db, seed=False) as lib:
        add_feed(lib, srv.add("/hostile.xml", hostile, "application/rss+xml"))
        add_feed(lib, srv.handle("/hanging.xml", slow(60)))
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DB"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli.main", "refresh", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not (srv.hits["/hostile.html"] and srv.hits["/hanging.xml"]):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.2)  # the page is with a worker now, the other request still hangs
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)  # not the hanging server's 60 s
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
