"""Nothing is lost, in the store: the trash, the journal (undo/redo), places and note drafts,
on real library files reopened as a new process would."""

from __future__ import annotations

import sqlite3

import pytest

from store.article import Article
from store.errors import NewsreaderError
from store.library.db import Library

PARAS = [
    "We need to at least stop the bombing before the talks, the minister said on Monday.",
    "The council met on Tuesday to discuss the harbour plan and its costs.",
    "A vote is expected next week, officials said.",
]


@pytest.fixture
def path(tmp_path):
    return tmp_path / "lib.db"


@pytest.fixture
def article_id(path) -> int:
    with Library(path, seed=False) as lib:
        return lib.add_article(Article.from_paragraphs(PARAS, title="Talks [b]x[/]"))[0]


def span(text: str, words: str) -> tuple[int, int]:
    s = text.index(words)
    return s, s + len(words)


def live_counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "highlights", "dates", "events", "quotes", "places")
        }
    finally:
        conn.close()


# --- trash --------------------------------------------------------------------------------


def test_removed_highlight_goes_to_the_trash_and_comes_back_whole(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(
            article_id, *span(text, "We need to at least"), color=3, note="n [/]", tags=["talks"]
        )
        lib.delete_highlight(h.id)
        assert lib.highlights(article_id) == []
        assert lib.search("talks")  # the article still matches by its text
        assert not lib.tagged("talks")  # the tag went with the highlight
    with Library(path) as lib:  # a restart
        (entry,) = lib.trash()
        assert (entry.kind, entry.item_id, entry.detail) == (
            "highlight",
            h.id,
            "with its note and 1 tag",
        )
        assert entry.label == "We need to at least" and entry.title == "Talks [b]x[/]"
        restored = lib.restore(entry.id)
        assert restored.highlight_ids == [h.id]
        assert lib.trash() == []
        assert lib.highlights(article_id) == [h]  # same id, note, tags, colour, stamps
        assert lib.tagged("talks") == [article_id]


def test_deleted_article_keeps_everything_in_the_trash_until_emptied(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"), note="check costs")
        lib.save_place(article_id, 120, 80)
        before = live_counts(path)
        lib.delete_article(article_id)
        assert live_counts(path) == {t: 0 for t in before}
        assert lib.search("harbour") == [] and lib.count_articles() == 0
        (entry,) = lib.trash()
        assert (entry.kind, entry.detail) == ("article", "with 1 highlight")
    with Library(path) as lib:
        restored = lib.restore(entry.id)
        assert restored.article_id == article_id and restored.highlight_ids == [h.id]
        assert live_counts(path) == before
        assert lib.highlights(article_id) == [h]
        assert [hit.id for hit in lib.search("harbour")] == [article_id]
        assert lib.place(article_id).cursor == 120
        lib.delete_article(article_id)
        assert lib.empty_trash() == 1
        assert lib.trash() == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM highlights").fetchone()[0] == 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_article_added_again_gets_its_old_highlights_back(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"), note="kept")
        lib.delete_article(article_id)
        again, created = lib.add_article(Article.from_paragraphs(PARAS, title="Talks"))
        assert created
        (entry,) = lib.trash()
        restored = lib.restore(entry.id)
        assert restored.merged and restored.article_id == again
        (back,) = lib.highlights(again)
        assert (back.exact, back.note) == ("harbour plan", "kept")
        assert lib.count_articles() == 1 and back.id == h.id


def test_a_highlight_of_a_trashed_article_says_to_restore_the_article_first(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"))
        lib.delete_highlight(h.id)
        lib.delete_article(article_id)
        highlight_entry = next(e for e in lib.trash() if e.kind == "highlight")
        with pytest.raises(NewsreaderError, match="restore the article first"):
            lib.restore(highlight_entry.id)
        assert len(lib.trash()) == 2  # nothing half done
        with pytest.raises(NewsreaderError, match="nothing in the trash"):
            lib.restore(999)


def test_new_highlights_never_reuse_a_removed_ones_id(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"))
        lib.delete_highlight(h.id)
        newer = lib.add_highlight(article_id, *span(text, "A vote"))
        assert newer.id > h.id
        lib.restore(lib.trash()[0].id)
        assert {x.id for x in lib.highlights(article_id)} == {h.id, newer.id}


# --- journal ------------------------------------------------------------------------------


def test_undo_and_redo_say_what_they_did_and_survive_a_restart(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        a = lib.add_highlight(article_id, *span(text, "We need to at least stop the bombing"))
        lib.update_highlight(a.id, tags=["talks", "peace"])
        b = lib.add_highlight(article_id, *span(text, "harbour plan"))
        lib.update_highlight(b.id, tags=["talks"])
        lib.update_highlight(a.id, tags=["peace"])
    with Library(path) as lib:
        entry = lib.undo(article_id)
        assert entry.description == "Removed tag 'talks' from 'We need to at least…'"
        # only that highlight changed back
        assert lib.get_highlight(a.id).tags == ("talks", "peace")
        assert lib.get_highlight(b.id).tags == ("talks",)
        assert lib.undo(article_id).description == "Added tag 'talks' to 'harbour plan'"
        assert lib.get_highlight(b.id).tags == ()
    with Library(path) as lib:
        assert lib.redo(article_id).description == "Added tag 'talks' to 'harbour plan'"
        assert lib.get_highlight(b.id).tags == ("talks",)
        assert lib.redo(article_id).description.startswith("Removed tag 'talks'")
        assert lib.get_highlight(a.id).tags == ("peace",)
        assert lib.redo(article_id) is None


def test_undo_of_a_removal_brings_back_note_and_tags_and_leaves_the_trash(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"))
        h = lib.update_highlight(h.id, note="my note", tags=["x"], color=2)
        lib.delete_highlight(h.id)
    with Library(path) as lib:
        entry = lib.undo(article_id)
        assert entry.description == "Removed highlight 'harbour plan' with its note and tags 'x'"
        assert lib.highlights(article_id) == [h] and lib.trash() == []
        lib.redo(article_id)
        assert lib.highlights(article_id) == [] and len(lib.trash()) == 1


def test_a_new_change_ends_redo_and_a_highlight_changed_elsewhere_is_not_overwritten(
    path, article_id
):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"))
        lib.update_highlight(h.id, color=4)
        lib.undo(article_id)
        lib.update_highlight(h.id, note="new")
        assert lib.redo(article_id) is None
        # another process changes the highlight behind the journal's back
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE highlights SET color = 5 WHERE id = ?", (h.id,))
        conn.close()
        with pytest.raises(NewsreaderError, match="changed elsewhere"):
            lib.undo(article_id)
        assert lib.get_highlight(h.id).color == 5 and lib.get_highlight(h.id).note == "new"
        with pytest.raises(NewsreaderError, match="Highlighted 'harbour plan'"):
            lib.undo(article_id)  # the stale entry went; the add would drop a changed highlight
        assert lib.undo(article_id) is None
        assert lib.get_highlight(h.id).color == 5


def test_undo_is_per_article(path, article_id):
    with Library(path) as lib:
        other, _ = lib.add_article(Article.from_paragraphs(["Another text entirely."], title="B"))
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"))
        lib.add_highlight(other, 0, 7)
        assert lib.undo(article_id).highlight_id == h.id
        assert len(lib.highlights(other)) == 1
        assert lib.undo(article_id) is None
        assert lib.undo(None) is not None  # any article: the other one's
        assert lib.highlights(other) == []


def test_emptying_the_trash_also_forgets_the_journals_copies(path, article_id):
    with Library(path) as lib:
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"), note="secret")
        lib.delete_highlight(h.id)
        lib.empty_trash()
        assert lib.undo(article_id) is None
        conn = lib.conn
        assert (
            conn.execute(
                "SELECT count(*) FROM journal WHERE before_state LIKE '%secret%'"
            ).fetchone()[0]
            == 0
        )


# --- places and drafts --------------------------------------------------------------------


def test_place_and_draft_are_kept_across_a_restart(path, article_id):
    with Library(path) as lib:
        assert lib.place(article_id) is None
        lib.save_place(article_id, 150, 90)
        lib.save_place(article_id, 160, 95)
        lib.save_place(9999, 1, 1)  # no such article: ignored
        text = lib.get_article(article_id).text
        h = lib.add_highlight(article_id, *span(text, "harbour plan"))
        lib.save_draft(h.id, article_id, "half a tho")
        lib.save_draft(h.id, article_id, "half a thought [/]")
    with Library(path) as lib:
        place = lib.place(article_id)
        assert (place.cursor, place.top) == (160, 95)
        assert lib.place(9999) is None
        assert lib.draft(h.id) == "half a thought [/]"
        assert lib.drafts(article_id) == {h.id: "half a thought [/]"}
        lib.drop_draft(h.id)
        assert lib.draft(h.id) is None
