"""The SQLite library on a real file: articles, highlights, search, re-anchoring, deletes."""

from __future__ import annotations

import sqlite3

import pytest

from store.article import Article
from store.errors import LibraryError, NewsreaderError
from store.library.db import Library
from store.library.schema import LATEST

PARAS = [
    "The council met on Monday to discuss the harbour plan.",
    "“We will build it,” the mayor said. Critics disagreed.",
    "A vote is expected next week.",
]


def make_article(paras=PARAS, **meta) -> Article:
    meta.setdefault("title", "Harbour plan")
    return Article.from_paragraphs(list(paras), **meta)


@pytest.fixture
def library(tmp_path):
    with Library(tmp_path / "lib.db", seed=False) as lib:
        yield lib


def test_new_library_has_latest_schema_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "lib.db"
    Library(path, seed=False).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "highlights", "articles_fts", "quotes", "events", "dates"} <= tables


def test_first_start_imports_the_seeds_once(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        titles = [a.title for a in lib.list_articles()]
    assert len(titles) == 2
    assert "Zelensky says Russia should stop bombing before talks" in titles
    with Library(path) as lib:  # a second start adds nothing
        assert lib.count_articles() == 2


def test_same_content_twice_is_one_article(library):
    first, created = library.add_article(make_article())
    again, created_again = library.add_article(make_article(paras=[p + " " for p in PARAS]))
    assert created and not created_again
    assert first == again
    assert library.count_articles() == 1


def test_canonical_text_and_paragraph_offsets(library):
    article_id, _ = library.add_article(make_article())
    a = library.get_article(article_id)
    assert a.text == "\n\n".join(PARAS)
    assert [a.text[s:e] for s, e in a.paragraphs] == PARAS


def test_highlight_round_trip_with_note_tags_and_colour(library):
    article_id, _ = library.add_article(make_article())
    text = library.get_article(article_id).text
    start = text.index("We will build it")
    h = library.add_highlight(article_id, start, start + 16, note="promise", tags=["harbour"])
    assert h.exact == "We will build it"
    assert text.endswith(h.suffix, 0, len(text)) or h.suffix in text
    h = library.update_highlight(h.id, color=3, tags=["harbour", "#mayor", "harbour"])
    assert (h.color, h.note, h.tags) == (3, "promise", ("harbour", "mayor"))
    assert [x.id for x in library.highlights(article_id)] == [h.id]
    assert library.list_articles()[0].highlights == 1


def test_highlight_outside_the_text_or_bad_colour_is_refused(library):
    article_id, _ = library.add_article(make_article())
    with pytest.raises(NewsreaderError):
        library.add_highlight(article_id, 5, 10_000)
    h = library.add_highlight(article_id, 0, 3)
    with pytest.raises(NewsreaderError):
        library.update_highlight(h.id, color=9)
    assert library.get_highlight(h.id).color == 1


def test_delete_and_restore_highlight_is_an_exact_undo(library):
    article_id, _ = library.add_article(make_article())
    h = library.add_highlight(article_id, 4, 11, note="n", tags=["t"])
    library.delete_highlight(h.id)
    assert library.highlights(article_id) == []
    assert library.restore_highlight(h) == h


def test_search_finds_title_text_and_notes_with_snippet(library):
    article_id, _ = library.add_article(make_article())
    other, _ = library.add_article(make_article(["Nothing about boats here."], title="Other"))
    assert [hit.id for hit in library.search("harbour")] == [article_id]
    hit = library.search("critics")[0]
    assert any(hit.snippet[s:e].lower() == "critics" for s, e in hit.marks)
    assert library.search("zebra") == []
    library.add_highlight(other, 0, 7, note="zebra crossing")
    assert [hit.id for hit in library.search("zebra")] == [other]
    assert [hit.id for hit in library.search("boa")] == [other]  # prefix as you type
    # FTS syntax typed by a person is taken as words, never an error
    for query in ['"', "AND OR NOT", "a*(b", "NEAR(", "-", ""]:
        library.search(query)


def test_delete_article_removes_its_highlights_and_analysis(library):
    article_id, _ = library.add_article(make_article())
    library.add_highlight(article_id, 0, 3)
    library.delete_article(article_id)
    assert library.count_articles() == 0
    for table in ("highlights", "quotes", "events", "dates"):
        assert library.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert library.search("harbour") == []


def test_highlights_found_again_after_the_text_changes(library):
    article_id, _ = library.add_article(make_article())
    text = library.get_article(article_id).text
    s = text.index("Critics disagreed.")
    kept = library.add_highlight(article_id, s, s + len("Critics disagreed."), note="keep")
    s = text.index("next week")
    lost = library.add_highlight(article_id, s, s + len("next week"))
    changed = make_article(
        ["Update: the story was revised.", *PARAS[:2], "A vote is expected in May."]
    )
    orphans = library.replace_text(article_id, changed)
    assert [h.id for h in orphans] == [lost.id]
    new_text = library.get_article(article_id).text
    moved = library.get_highlight(kept.id)
    assert new_text[moved.start : moved.end] == "Critics disagreed." and not moved.orphaned
    assert moved.note == "keep"
    assert library.get_highlight(lost.id).orphaned  # reported and kept, not dropped
    assert [hit.id for hit in library.search("revised")] == [article_id]  # re-indexed
    assert library.search("expected next") == []


def test_not_a_sqlite_file_is_a_clear_error_and_is_left_alone(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not a newsreader library"):
        Library(path)
    assert path.read_bytes() == before


def test_library_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="newer newsreader"):
        Library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 99


def test_directory_as_library_is_a_clear_error(tmp_path):
    with pytest.raises(LibraryError, match="directory"):
        Library(tmp_path)
