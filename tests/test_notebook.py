"""The notebook's store: library-wide highlight queries, their search index, the filter line."""

from __future__ import annotations

import sqlite3

import pytest

from store.article import Article
from store.library.db import Library
from store.library.locations import public_location, url_key
from store.library.notebook import (
    MAX_FILTER,
    Filter,
    count,
    find,
    parse_filter,
    resolve,
    tag_counts,
    tag_slug,
)
from store.library.schema import LATEST, migrate
from tests.growth import CHARACTER_RUNS, LIMIT, growth, repeat


@pytest.fixture
def library(tmp_path):
    with Library(tmp_path / "lib.db", seed=False) as lib:
        yield lib


def add(lib: Library, paras: list[str], title: str) -> tuple[int, str]:
    article_id, _ = lib.add_article(Article.from_paragraphs(paras, title=title))
    return article_id, lib.get_article(article_id).text


def ids(entries) -> list[int]:
    return [e.highlight.id for e in entries]


def test_words_match_quote_note_and_tags_and_follow_every_change(library):
    one, text = add(library, ["The harbour council voted on Monday."], "One")
    two, _ = add(library, ["Ministers met in secret."], "Two")
    a = library.add_highlight(one, 4, 25)  # "harbour council voted"
    b = library.add_highlight(two, 0, 9, note="check the voting record")
    c = library.add_highlight(two, 10, 13, tags=["harbours"])
    assert ids(find(library, Filter("harbour"))) == [c.id, a.id]  # stems; newest first
    assert ids(find(library, Filter("vot"))) == [b.id, a.id]  # the last word is a prefix
    assert count(library, Filter("vot")) == 2
    library.update_highlight(b.id, note="nothing here")
    assert ids(find(library, Filter("vot"))) == [a.id]
    library.delete_highlight(a.id)
    assert find(library, Filter("harbour"))[0].highlight.id == c.id
    assert count(library, Filter("vot")) == 0
    library.restore_highlight(a)  # INSERT OR REPLACE: the index follows, no stale row
    library.restore_highlight(a)
    assert ids(find(library, Filter("vot"))) == [a.id]
    assert (
        library.conn.execute(
            "INSERT INTO highlights_fts (highlights_fts) VALUES ('integrity-check')"
        ).fetchall()
        == []
    )


def test_tag_colour_and_article_filters_and_both_orders(library):
    one, _ = add(library, ["Alpha beta gamma delta."], "One")
    two, _ = add(library, ["Epsilon zeta eta theta."], "Two")
    h1 = library.add_highlight(one, 6, 10, color=2, tags=["Multi Word"])
    h2 = library.add_highlight(one, 0, 5, color=3, tags=["multi-word", "x"])
    h3 = library.add_highlight(two, 0, 7, color=2, tags=["x"])
    known = [t.tag for t in tag_counts(library)]
    by_tag = resolve(parse_filter("#multi-word"), known)
    assert sorted(ids(find(library, by_tag))) == [h1.id, h2.id]
    assert ids(find(library, resolve(parse_filter("#MULTI-WORD color:green"), known))) == [h1.id]
    assert ids(find(library, Filter(color=2))) == [h3.id, h1.id]
    assert ids(find(library, Filter(article_id=one))) == [h2.id, h1.id]
    assert find(library, resolve(parse_filter("#nobody"), known)) == []
    # by article: the newest added article first, each one's highlights in text order
    assert ids(find(library, order="article")) == [h3.id, h2.id, h1.id]
    assert ids(find(library, Filter(tags=("x",)), order="article")) == [h3.id, h2.id]
    page = find(library, order="date", offset=1, limit=1)
    assert ids(page) == [h2.id] and page[0].title == "One"


def test_tag_counts_merge_case(library):
    one, _ = add(library, ["Alpha beta gamma delta."], "One")
    library.add_highlight(one, 0, 5, tags=["Talks", "b"])
    library.add_highlight(one, 6, 10, tags=["talks"])
    assert [(t.tag, t.highlights) for t in tag_counts(library)] == [("Talks", 2), ("b", 1)]


def test_the_filter_line():
    f = parse_filter("  vote #Multi-Word color:3 c:blue article:12 harbour ")
    assert f.words == "vote harbour" and f.tags == ("multi-word",)
    assert f.color == 3 and f.article_id == 12  # 3 and blue are one colour
    assert parse_filter("colour:purple").problems
    assert parse_filter("article:x").problems
    assert parse_filter("# #").tags == ()
    assert len(parse_filter("word " * 10_000).words) < MAX_FILTER  # a pasted page: its start
    assert tag_slug("  #Multi  word / tag! ") == "multi-word-/-tag"
    assert tag_slug("C++ & <b>") == "c-b" and tag_slug("★") == ""


@pytest.mark.parametrize("run", sorted(CHARACTER_RUNS))
def test_the_filter_line_grows_linearly(run):
    unit = CHARACTER_RUNS[run]
    assert growth(parse_filter, lambda n: repeat(unit, n)) <= LIMIT
    assert growth(tag_slug, lambda n: repeat(unit, n)) <= LIMIT


def test_a_library_from_before_the_notebook_is_searchable_after_migrating(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=LATEST - 1)
    conn.execute(
        "INSERT INTO articles (id, title, added, text, paragraphs, content_hash) "
        "VALUES (1, 'Old', '2022-01-01', 'Rates will rise.', '[[0, 16]]', 'h')"
    )
    conn.execute(
        "INSERT INTO highlights (article_id, start, end, exact, note, tags, created, updated) "
        "VALUES (1, 0, 5, 'Rates', 'central bank', '[\"econ\"]', 'x', 'x')"
    )
    conn.close()
    with Library(path) as lib:
        assert len(find(lib, Filter("bank"))) == 1 and len(find(lib, Filter("econ"))) == 1
        assert count(lib, Filter(tags=("econ",))) == 1


def test_addresses_match_whatever_their_spelling():
    key = url_key("https://www.Example.org/news/a/?utm_source=x&b=2&a=1#frag")
    assert key == url_key("http://example.org/news/a?a=1&b=2")
    assert key != url_key("https://example.org/news/b")
    assert url_key("https://example.org:8080/a") != url_key("https://example.org/a")
    assert url_key("file:///home/me/a%20b.txt") == url_key("/home/me/a b.txt")
    assert public_location("seeds/000_x.txt") is None and public_location(None) is None
    assert public_location("/home/me/notes.txt") == "file:///home/me/notes.txt"
    assert public_location("https://example.org/a") == "https://example.org/a"
