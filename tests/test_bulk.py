"""Adding many articles at once: folders, lists, worker processes, batches, time budgets."""

from __future__ import annotations

import gzip
import json
import queue
import sqlite3

import pytest

from store.article import Article
from store.errors import NewsreaderError
from store.ingest.archive import is_article_file, read_list, walk_folder
from store.ingest.bulk import Job, Pipeline, add_sources, analyse_article
from store.ingest.entries import Entry, EntryLost, article_from_feed
from store.ingest.pool import WorkerPool
from store.library.db import Library
from tests.feedfixtures import news_paragraphs, story
from tests.feedserver import FeedServer, status
from tests.test_cli import run


def page(i: int) -> str:
    return story(f"Story number {i}", *news_paragraphs(i, f"Townville{i}"))


def outcomes(pool_jobs: int, steps: list[tuple], budget: float = 10.0) -> dict:
    """Run steps (key, fn, *args) in a pool and collect every outcome by key."""
    got: queue.SimpleQueue = queue.SimpleQueue()
    with WorkerPool(pool_jobs, got.put, budget=budget) as pool:
        for key, fn, *args in steps:
            pool.submit(key, fn, *args)
        return {o.key: o for o in (got.get(timeout=60) for _ in steps)}


# --- the pool -----------------------------------------------------------------------------


def test_a_step_past_its_budget_is_killed_and_the_next_runs_in_a_fresh_worker():
    import time

    found = outcomes(
        1,
        [
            ("slow", time.sleep, 30),
            ("after", analyse_article, "On Monday, 3 March 2022, the vote was held.", None, None),
        ],
        budget=0.5,
    )
    assert found["slow"].over_budget and not found["slow"].ok
    assert found["after"].ok and found["after"].value.dates  # a new worker took over


def test_errors_come_back_as_one_line_and_keep_their_details():
    entry = Entry(link="https://example.org/a", title="A", published=None, author=None, html="")
    found = outcomes(
        2,
        [
            ("lost", article_from_feed, "Feed", entry, "timed out", True),
            ("bad", int, "not a number"),
            ("died", __import__("os")._exit, 3),
        ],
    )
    lost = found["lost"]
    assert isinstance(lost.raised, EntryLost) and lost.raised.retry  # the retry flag survives
    assert lost.error == "https://example.org/a: timed out, and the feed gives no text"
    assert found["bad"].error.startswith("unexpected error: ValueError:")
    assert "\n" not in found["bad"].error
    assert found["died"].error == "the worker process ended unexpectedly (exit code 3)"


# --- the batch write ----------------------------------------------------------------------


def test_a_batch_is_one_transaction_and_the_same_content_is_one_article(tmp_path):
    with Library(tmp_path / "lib.db", seed=False) as lib:
        arts = [Article.from_paragraphs(news_paragraphs(i, f"Town{i}")) for i in range(3)]
        copy = Article.from_paragraphs(news_paragraphs(0, "Town0"), title="Copy")
        analysis = analyse_article(arts[0].text, None, None)
        results = lib.add_analysed([(a, analysis, None) for a in [*arts, copy]])
        assert [created for _, created in results] == [True, True, True, False]
        assert results[3][0] == results[0][0]
        assert lib.count_articles() == 3
        empty = Article(text="  ", paragraphs=[])
        with pytest.raises(NewsreaderError):
            lib.add_analysed(
                [(Article.from_paragraphs(["A fourth story."]), None, None), (empty, None, None)]
            )
        assert lib.count_articles() == 3  # the batch is written whole or not at all
        lib.delete_article(results[1][0])
        assert lib.count_articles() == 2  # the count follows deletes too
        lib.optimize_search()  # what a bulk import ends with: the index in one segment
        assert [hit.id for hit in lib.search("Town2")] == [results[2][0]]
        assert (
            lib.count_articles() == lib.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        )


def one_batch(pipeline: Pipeline, titles: list[str]) -> None:
    """Articles with these titles, analysed and waiting in the pipeline's batch together."""
    for i, title in enumerate(titles):
        article = Article.from_paragraphs(news_paragraphs(i, f"Town{i}"), title=title)
        pipeline.inflight += 1
        pipeline.batch.append(Job(title, article=article))
        pipeline.analyses.append(None)


def test_a_batch_the_database_refuses_keeps_every_article_it_does_not(tmp_path):
    """A batch is one transaction; when the database refuses it (a full disk, a lock, here a
    trigger for one title), each of its articles is written alone, so only the refused one
    fails. A refresh's entries come in batches whenever the workers outpace the writer."""
    stored, failed = [], []
    with Library(tmp_path / "lib.db", seed=False) as lib, WorkerPool(1, lambda _: None) as pool:
        lib.conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.title = 'Refused' "
            "BEGIN SELECT RAISE(ABORT, 'disk is full (simulated by a trigger)'); END"
        )
        pipeline = Pipeline(
            lib,
            pool,
            lambda job, article_id, created: stored.append(job.name),
            lambda job, why, error: failed.append((job.name, why)),
        )
        one_batch(pipeline, ["Kept", "Refused", "Also kept"])
        pipeline.flush()
        assert stored == ["Kept", "Also kept"] and pipeline.inflight == 0
        [(name, why)] = failed
        assert name == "Refused" and why.startswith("Refused: not stored:")
        assert sorted(a.title for a in lib.list_articles()) == ["Also kept", "Kept"]


def test_a_batch_waiting_for_another_programs_lock_fails_whole_at_once(tmp_path, monkeypatch):
    """The lock is no article's fault: written alone, each would wait as long again (a minute
    each by default), so the batch fails whole after one wait (and a refresh fetches those
    entries again next time)."""
    import time

    from store.library import transactions

    monkeypatch.setattr(transactions, "WRITE_PATIENCE", 1.0)
    failed = []
    with Library(tmp_path / "lib.db", seed=False) as lib, WorkerPool(1, lambda _: None) as pool:
        lib.conn.execute("PRAGMA busy_timeout = 50")
        holder = sqlite3.connect(tmp_path / "lib.db", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        pipeline = Pipeline(
            lib, pool, lambda *_: None, lambda job, why, error: failed.append((job.name, why))
        )
        one_batch(pipeline, ["T0", "T1", "T2"])
        started = time.monotonic()
        pipeline.flush()
        waited = time.monotonic() - started
        holder.rollback()
        holder.close()
    assert [name for name, _ in failed] == ["T0", "T1", "T2"]
    assert all("locked by another program" in why for _, why in failed)
    assert waited < 2.5  # one wait of 1 s, not one more per article (4 s)


# --- folders, lists and the command --------------------------------------------------------


def test_archive_files_are_found_by_name_and_hidden_ones_skipped(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("a/one.html", "a/deep/two.htm.gz", "three.TXT", "a/four.md", ".hidden/x.html",
                 "a/.dot.html", "a/image.png"):  # fmt: skip
        (tmp_path / name).write_text("x")
    found, skipped = walk_folder(tmp_path)
    assert [p.removeprefix(str(tmp_path)) for p in found] == [
        "/three.TXT",
        "/a/one.html",
        "/a/deep/two.htm.gz",
    ]
    assert skipped == 3  # four.md, .dot.html and image.png
    assert is_article_file("x.xhtml.gz") and not is_article_file("x.gz")


def test_add_a_folder_of_pages_text_and_gzip_with_one_article_per_content(tmp_path):
    folder = tmp_path / "archive"
    (folder / "2022").mkdir(parents=True)
    for i in range(6):
        (folder / "2022" / f"p{i}.html").write_text(page(i))
    (folder / "zipped.html.gz").write_bytes(gzip.compress(page(6).encode()))
    (folder / "copy-of-p0.htm").write_text(page(0))  # the same story under another name
    (folder / "notes.txt").write_text(
        "Harbour reopens\n\nThe harbour reopened on Tuesday, 1 March 2022, after a year. "
        "“It is a good day,” said the harbour master, Ann Lee.\n"
    )
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(300))
    db = tmp_path / "lib.db"
    proc = run("add", folder, "--jobs", "2", "--json", db=db, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    results = [json.loads(line) for line in proc.out.splitlines()]
    assert len(results) == 9
    assert sum(r["created"] for r in results) == 8  # p0..p6, notes
    copies = [r for r in results if r["source"].endswith(("p0.html", "copy-of-p0.htm"))]
    assert {r["id"] for r in copies} == {copies[0]["id"]}
    assert proc.err.strip().splitlines()[-1] == (
        "newsreader: 9 sources: 8 added, 1 already in the library, 0 failed, "
        "1 other files passed over"
    )
    with Library(db) as lib:
        zipped = next(r for r in results if r["source"].endswith(".gz"))
        article = lib.get_article(zipped["id"])
        assert "Townville6" in article.text and article.title == "Story number 6"
        assert lib.quotes(zipped["id"]) and lib.dates(zipped["id"])  # analysed in a worker
        assert lib.count_articles() == 2 + 8  # the seeds of a new library, then ours


def test_a_list_of_urls_and_paths_reports_each_failure_at_the_end(tmp_path):
    db = tmp_path / "lib.db"
    with FeedServer() as srv:
        good = [srv.add(f"/s{i}.html", page(i)) for i in range(3)]
        gone = srv.handle("/gone.html", status(404))
        listing = tmp_path / "urls.txt"
        lines = ["# my reading", *good, "", gone, str(tmp_path / "missing.html"), "ftp://x/y"]
        listing.write_text("\n".join(lines) + "\n")
        assert read_list(str(listing)) == [*good, gone, str(tmp_path / "missing.html"), "ftp://x/y"]
        proc = run("add", "--from-list", listing, db=db, tmp=tmp_path)
    assert proc.returncode == 1
    assert len(proc.out.splitlines()) == 3  # the three stories, one line each
    errors = proc.err.strip().splitlines()
    assert errors[-1].startswith(
        "newsreader: 6 sources: 3 added, 0 already in the library, 3 failed"
    )
    failures = errors[:-1]
    assert len(failures) == 3 and "Traceback" not in proc.err
    assert any(gone in f and "404" in f for f in failures)
    assert any("missing.html" in f and "no such file" in f for f in failures)
    assert any("ftp://x/y" in f for f in failures)


def test_past_the_budget_an_article_is_stored_without_that_step_and_says_so(tmp_path):
    """A 2 MB text: neither its cleaning nor its analysis fits in 50 ms, so it is stored as
    plain text, without dates or quotes, and carries two warnings; a small one fits."""
    big = tmp_path / "big.txt"
    paragraph = (
        "The council met on Monday, 3 March 2022, and the mayor said: “We will build the "
        "harbour by next spring.” Officials in the city disagreed with the plan.\n\n"
    )
    big.write_text("A very long report\n\n" + paragraph * 13_000)
    db = tmp_path / "lib.db"
    proc = run("add", big, "--budget", "0.05", "--json", db=db, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    (result,) = [json.loads(line) for line in proc.out.splitlines()]
    assert any("cleaning took longer than 0.05 s" in w for w in result["warnings"])
    assert any("analysis took longer than 0.05 s" in w for w in result["warnings"])
    assert "cleaning took longer" in proc.err and "analysis took longer" in proc.err
    shown = json.loads(run("show", "--json", result["id"], db=db, tmp=tmp_path).out)
    assert shown["warnings"] == result["warnings"]
    text = run("show", result["id"], db=db, tmp=tmp_path).out
    assert "\nWarnings\n" in text and "analysis took longer than 0.05 s" in text
    assert shown["text"].count("harbour by next spring") == 13_000  # nothing of it lost
    assert shown["dates"] == [] and shown["quotes"] == []
    small = tmp_path / "small.html"
    small.write_text(page(1))
    proc = run("add", small, "--json", db=db, tmp=tmp_path)
    assert json.loads(proc.out)["warnings"] == []


def test_jobs_1_and_jobs_2_store_the_same_articles(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.html").write_text(page(i))

    def stored(jobs: int) -> list[tuple]:
        db = tmp_path / f"jobs{jobs}.db"
        Library(db, seed=False).close()
        with Library(db) as lib:
            report = add_sources(lib, walk_folder(folder)[0], jobs=jobs)
            assert len(report.new) == 12 and not report.failed
        conn = sqlite3.connect(db)
        rows = conn.execute(
            "SELECT a.title, a.text, a.paragraphs, (SELECT count(*) FROM dates d WHERE "
            "d.article_id = a.id), (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) "
            "FROM articles a ORDER BY a.title"
        ).fetchall()
        conn.close()
        return rows

    assert stored(1) == stored(2)


def test_add_on_a_terminal_draws_a_bar_with_rate_and_time_left(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.html").write_text(page(i))
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DB"}
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), COLUMNS="120", TERM="xterm")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli.main", "add", str(folder), "--db", str(tmp_path / "l.db")],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    assert proc.wait(timeout=120) == 0, proc.stderr.read()
    os.close(leader)
    text = screen.decode("utf-8", "replace")
    assert "Adding" in text and "5/5" in text and "articles/s" in text
    assert all(f"Story number {i}" in text for i in range(5))  # the lines, above the bar


async def test_the_reader_says_what_was_skipped_when_the_article_was_stored(tmp_path):
    from tui.app import NewsReader

    path = tmp_path / "lib.db"
    with Library(path, seed=False) as lib:
        article = Article.from_paragraphs(news_paragraphs(1, "Skipton"), title="Skipped")
        article.warnings.append("analysis took longer than 10 s; stored without its dates")
        ((article_id, _),) = lib.add_analysed([(article, None, None)])
    app = NewsReader(path, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_reader(article_id)
        await pilot.pause()
        header = app.screen.query_one("#article-header")
        assert "⚠ analysis took longer than 10 s" in str(header.render())
