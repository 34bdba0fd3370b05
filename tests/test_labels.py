"""Timeline dates in words, and timeline entries that are the article's own words."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from store.analysis.labels import date_label, heading, time_words
from store.analysis.pipeline import analyse
from store.analysis.timeline import excerpt
from store.library.db import Library

ROOT = Path(__file__).resolve().parents[1]
DEV_PAGES = ROOT.parent / "shared" / "bench" / "extraction" / "html"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2022-03-02", "Wed 2 Mar 2022"),
        ("2022-02-24", "Thu 24 Feb 2022"),
        ("2022-03-01TEV", "evening of 1 Mar 2022"),
        ("2022-03-02TNI", "night of 2 Mar 2022"),
        ("2022-02-28T15:00", "28 Feb 2022, 15:00"),
        ("2022-W08", "week of 21 Feb 2022"),
        ("2022-W09-WE", "weekend of 5 Mar 2022"),
        ("2022-02", "Feb 2022"),
        ("2022-Q3", "Q3 2022"),
        ("2022-H1", "first half of 2022"),
        ("1989-SU", "summer 1989"),
        ("2022", "2022"),
        ("199", "1990s"),
        ("PRESENT_REF", "now"),
    ],
)
def test_a_timex_value_in_words(value, words):
    assert date_label(value) == words


def test_a_time_of_day_sits_under_its_day():
    assert heading("2022-03-01TEV") == heading("2022-03-01") == "Tue 1 Mar 2022"
    assert time_words("2022-03-01TEV") == "evening"
    assert time_words("2022-03-01") is None


def test_what_cannot_be_read_is_shown_as_it_is():
    for value in ("2022-02-30", "2022-13", "XXXX-XX-XX", "P3D", "", "2022-W60"):
        assert date_label(value) == value


def shown_words(line: str) -> str:
    """An entry as shown, without the marks of its cuts."""
    return line.removeprefix("…").removesuffix("…")


def test_the_seed_timeline_reads_in_words_and_in_the_articles_words(tmp_path):
    db = tmp_path / "seeds.db"
    with Library(db) as library:  # a new library: the two seed articles
        texts = {i: library.get_article(i).text for i in library.article_ids()}
    run = [sys.executable, "-m", "tui.cli.main", "timeline", "--db", str(db)]
    lines = subprocess.run(run, capture_output=True, text=True, check=True).stdout.splitlines()
    entries = [line.split("\t") for line in lines]
    assert ["Thu 24 Feb 2022", "…the invasion began last Thursday."] in [e[:2] for e in entries]
    assert {e[0] for e in entries} >= {"Wed 2 Mar 2022", "Mon 28 Feb 2022", "Thu 3 Mar 2022"}
    for _, text, _ in entries:
        assert any(shown_words(text) in t for t in texts.values()), text
    # --json keeps the ISO value and the exact span
    found = subprocess.run([*run, "--json"], capture_output=True, text=True, check=True)
    for obj in map(json.loads, found.stdout.splitlines()):
        assert obj["date"][:4] == "2022" and "Feb" not in obj["date"]
        first = obj["sources"][0]  # the words shown are the first report's
        assert texts[first["article_id"]][first["start"] : first["end"]] == obj["text"]


@pytest.mark.skipif(not DEV_PAGES.is_dir(), reason="the dev news pages are not beside the repo")
def test_every_event_of_the_dev_news_pages_is_the_articles_own_words():
    from store.ingest.read import article_from_bytes

    pages = sorted(DEV_PAGES.glob("*.html.gz"))
    assert pages
    events = 0
    for page in pages:
        article = article_from_bytes(gzip.decompress(page.read_bytes()), page.name)
        text = article.text
        for ev in analyse(text, published=article.published).timeline:
            events += 1
            assert ev.text == text[ev.start : ev.end], page.name
            assert shown_words(excerpt(ev.text, ev.cut_start, ev.cut_end, 120)) in text
            # every date the timeline shows reads as words (a bare year is its own word)
            assert date_label(ev.date) != ev.date or ev.date.isdigit(), ev.date
    assert events > 100


def test_seed_events_stored_by_an_older_version_read_as_the_articles_words(tmp_path):
    """Older versions stored a reworded line; the library reads the span from the text."""
    import sqlite3

    db = tmp_path / "old.db"
    Library(db).close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE events SET text = 'The invasion began last Thursday.'")
    conn.close()
    with Library(db) as library:
        for article_id in library.article_ids():
            text = library.get_article(article_id).text
            for ev in library.timeline(article_id):
                assert ev.text == text[ev.start : ev.end]


def test_a_day_label_has_its_weekday():
    day = dt.date(2024, 2, 29)
    assert date_label(day.isoformat()) == "Thu 29 Feb 2024"
