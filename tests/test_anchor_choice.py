"""Which day relative dates are read against, and the one line that says why: a day set by
hand, the publication date, the text's own dateline, or the day inferred from the text."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from store.analysis.anchor import choose_anchor, dateline_day
from store.article import Article
from store.library.db import Library
from store.library.schema import migrate
from tests.test_cli import run

D = dt.date
TODAY = D(2026, 1, 1)
DATELINED = "WASHINGTON, Aug. 11 (Xinhua) -- The talks ended yesterday, officials said."


def test_a_dateline_that_agrees_confirms_the_publication_date():
    c = choose_anchor(DATELINED, D(2010, 8, 11), today=TODAY)
    assert (c.day, c.inferred) == (D(2010, 8, 11), False)
    assert c.reason == "the publication date, as the dateline says"


def test_a_story_published_after_its_dateline_counts_from_the_dateline():
    c = choose_anchor(DATELINED, D(2010, 8, 14), today=TODAY)
    assert (c.day, c.inferred) == (D(2010, 8, 11), True)
    assert c.reason == "the dateline; published 3 days later, 2010-08-14"


def test_a_dateline_after_the_publication_or_years_before_it_is_not_the_day_of_writing():
    later = "LONDON, March 5, 2011 -- Shares rose on Monday."
    c = choose_anchor(later, D(2011, 3, 1), today=TODAY)
    assert (c.day, c.inferred) == (D(2011, 3, 1), False)
    assert "too far" in c.reason
    long_before = "LONDON, March 5, 2005 -- Shares rose on Monday."
    assert choose_anchor(long_before, D(2011, 3, 1), today=TODAY).day == D(2011, 3, 1)


def test_without_a_publication_date_a_full_dateline_is_the_day():
    text = "Friday, January 1, 2010\nThe government said on Thursday that it would act."
    c = choose_anchor(text, None, today=TODAY)
    assert (c.day, c.inferred) == (D(2010, 1, 1), True)
    assert c.reason == "the dateline: no publication date"


def test_without_either_the_day_is_inferred_and_says_from_how_much():
    text = "The talks ended on Tuesday, March 2, 2010. On Wednesday they resumed."
    c = choose_anchor(text, None, today=TODAY)
    assert c.inferred and c.day is not None
    assert c.reason == "inferred from 2 date mentions in the text: no publication date"


def test_a_year_less_dateline_without_a_publication_date_is_one_clue_among_others():
    c = choose_anchor(DATELINED, None, today=TODAY)
    assert c.reason.startswith("inferred from")


def test_nothing_to_go_on_and_a_day_set_by_hand():
    c = choose_anchor("The talks ended yesterday.", None, today=TODAY)
    assert (c.day, c.inferred) == (None, False)
    assert c.reason == "no publication date, and no date in the text to infer one from"
    hand = choose_anchor(DATELINED, D(2010, 8, 14), chosen=D(2009, 1, 1), today=TODAY)
    assert (hand.day, hand.inferred, hand.reason) == (D(2009, 1, 1), False, "set by hand")


def test_a_dateline_is_a_date_at_the_head_followed_by_a_dash_or_a_line_end():
    assert dateline_day("The plan, first made on March 3, 2010, failed.") is None
    assert dateline_day("x " * 150 + "PARIS, March 3, 2010 -- Talks.") is None
    assert dateline_day("PARIS, March 3, 2010 (AFP) -- Talks.") == D(2010, 3, 3)


def test_the_library_stores_the_choice_and_reads_relative_dates_from_it(tmp_path):
    article = Article.from_paragraphs([DATELINED], title="Talks", published="2010-08-14")
    with Library(tmp_path / "lib.db", seed=False) as lib:
        article_id, _ = lib.add_article(article)
        a = lib.get_article(article_id)
        assert (a.anchor, a.anchor_inferred) == ("2010-08-11", True)
        assert "dateline" in a.anchor_reason
        assert [d.value for d in lib.dates(article_id)] == ["2010-08-11", "2010-08-10"]
        lib.set_anchor(article_id, D(2010, 8, 20))
        assert lib.get_article(article_id).anchor_reason == "set by hand"


def test_a_library_from_before_opens_with_an_empty_reason(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=5)
    conn.execute(
        "INSERT INTO articles (id, title, added, text, paragraphs, content_hash, anchor) "
        "VALUES (1, 'Old', '2022-03-02', 'Markets fell on Monday.', '[[0, 23]]', 'h', "
        "'2022-03-02')"
    )
    conn.close()
    with Library(path) as lib:
        a = lib.get_article(1)
        assert (a.anchor, a.anchor_reason) == ("2022-03-02", "")
        lib.set_anchor(1, None)
        assert lib.get_article(1).anchor_reason == (
            "no publication date, and no date in the text to infer one from")


def test_extract_and_show_json_say_why(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(DATELINED + "\n", encoding="utf-8")
    proc = run("extract", "--json", "--no-clean", "--date", "2010-08-14", source, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    obj = json.loads(proc.out)
    assert (obj["anchor"], obj["anchor_inferred"]) == ("2010-08-11", True)
    assert "dateline" in obj["anchor_reason"]
    db = tmp_path / "lib.db"
    assert run("add", "--date", "2010-08-14", source, db=db, tmp=tmp_path).returncode == 0
    ids = [json.loads(line)["id"] for line in run("list", "--json", db=db, tmp=tmp_path).out
           .splitlines()]
    shown = json.loads(run("show", "--json", max(ids), db=db, tmp=tmp_path).out)
    assert shown["anchor_reason"] == "set by hand"


async def test_the_reader_header_says_which_day_and_why(tmp_path):
    from tui.app import NewsReader
    from tui.screens.reader import ReaderScreen

    path = tmp_path / "lib.db"
    with Library(path, seed=False) as lib:
        dated, _ = lib.add_article(
            Article.from_paragraphs([DATELINED], title="Talks", published="2010-08-14"))
        plain, _ = lib.add_article(
            Article.from_paragraphs(["Markets fell on Monday."], title="Markets",
                                    published="2010-08-14"))
    app = NewsReader(db_path=path, export_dir=tmp_path / "export")
    async with app.run_test(size=(200, 30)) as pilot:
        app.open_reader(dated)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        header = str(app.screen.query_one("#article-header").render())
        assert "Dates read against 2010-08-11: the dateline; published 3 days later, " \
               "2010-08-14 · D to correct" in " ".join(header.split())
        await pilot.press("q")
        await pilot.pause()
        app.open_reader(plain)
        await pilot.pause()
        header = " ".join(str(app.screen.query_one("#article-header").render()).split())
        assert "Dates read against 2010-08-14 · D to correct" in header  # the plain case: short
