"""Close reading, day to day, driven with Pilot: find, the kept place, nothing lost (trash,
undo/redo across restarts, the note editor under bursts and kills), selections, the cursor
following the page, open and cite. Every change is checked in the store afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, OptionList, TextArea

from store.article import Article
from store.library.db import Library
from tui.app import NewsReader
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.screens.trash import TrashScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.dialogs import ConfirmScreen, NoteEditor

SIZE = (100, 30)
ROOT = Path(__file__).resolve().parents[1]

HARBOUR = [
    "The Harbour board met on Monday. Its chair spoke first.",
    "Nobody at the harbour wanted the plan. The HARBOUR union said so twice.",
    "Fishermen left the harbour early. They came back late.",
]


def long_article(n: int = 60) -> Article:
    paras = [
        f"Paragraph {i} begins here. It has a second sentence about the river and the town. "
        f"A third one closes paragraph {i}."
        for i in range(n)
    ]
    return Article.from_paragraphs(paras, title="Long read", url="https://news.example/long")


@pytest.fixture
def library(tmp_path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "close.db"
    with Library(path, seed=False) as lib:
        ids = {
            "harbour": lib.add_article(Article.from_paragraphs(HARBOUR, title="Harbour"))[0],
            "long": lib.add_article(long_article())[0],
        }
    return path, ids


def new_app(library, tmp_path) -> NewsReader:
    return NewsReader(db_path=library[0], export_dir=tmp_path / "export")


async def open_article(app: NewsReader, pilot, article_id: int) -> ArticleView:
    app.open_reader(article_id)
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen.view


def burst(app: NewsReader, text: str, then: tuple[str, ...] = ()) -> None:
    """Keys as a terminal delivers a fast burst: all queued before the app handles one."""
    for c in text:
        if c == "\n":
            app.post_message(events.Key("enter", "\r"))
        else:
            app.post_message(events.Key(_character_to_key(c), c))
    for key in then:
        app.post_message(events.Key(key, None))


def wheel(app: NewsReader, view: ArticleView, turns: int) -> None:
    """The mouse wheel turned down over the article, as the terminal reports it."""
    x, y = view.region.x + 5, view.region.y + 5
    for _ in range(turns):
        app.post_message(events.MouseScrollDown(None, x, y, 0, 1, 0, False, False, False, x, y))


def notices(app: NewsReader) -> list[str]:
    return [n.message for n in app._notifications]


def word_under(view: ArticleView) -> str:
    s, e = view.words[view.cursor]
    return view.text[s:e]


# --- 1. find in the article ----------------------------------------------------------------


async def test_find_marks_matches_as_typed_and_n_N_go_round_with_a_notice(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_article(app, pilot, ids["harbour"])
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"harb")
        assert len(view.matches) == 4  # Harbour, harbour, HARBOUR, harbour: smart case
        assert "1 of 4" in str(app.screen.query_one("#status").render())
        await pilot.press("enter")
        assert app.focused is view and view.match_index == 0
        await pilot.press("n")
        assert view.match_index == 1 and word_under(view) == "harbour"
        await pilot.press("n", "n", "n")  # past the last one: round to the first
        assert view.match_index == 0
        assert any("wrapped to the top" in m for m in notices(app))
        await pilot.press("N")
        assert view.match_index == 3
        assert any("wrapped to the bottom" in m for m in notices(app))
        await pilot.press("h")  # highlight the sentence of the match
        await pilot.press("escape")  # clears the matches: n is the note key again
        assert view.matches == []
        await pilot.press("slash", *"HARB", "enter")
        assert [view.text[s:e] for s, e in view.matches] == ["HARB"]  # a capital: exact case
        await pilot.press("escape")
        await pilot.press("slash", *"zzz")
        assert "no match" in str(app.screen.query_one("#status").render())
        await pilot.press("escape")  # Escape in the find line clears and goes back
        assert view.matches == [] and app.focused is view
    with Library(path) as lib:
        (h,) = lib.highlights(ids["harbour"])
    assert h.exact == "Fishermen left the harbour early."


async def test_a_library_search_hit_opens_the_article_at_the_hit_marked(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"fishermen")
        await pilot.pause(0.2)
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.view
        await pilot.pause()
        text = view.text
        assert view.cursor_offset == text.index("Fishermen")
        assert [text[s:e] for s, e in view.matches] == ["Fishermen"]
        await pilot.press("h")
    with Library(path) as lib:
        assert lib.highlights(ids["harbour"])[0].exact == "Fishermen left the harbour early."


# --- 2. the place is kept ------------------------------------------------------------------


async def test_the_place_is_restored_after_quitting_and_restarting(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["long"])
        await pilot.press("G", "k", "k", "k", "b")
        place = (view.cursor_offset, view.top_offset())
        assert view.scroll_offset.y > 0
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
    with Library(path) as lib:
        stored = lib.place(ids["long"])
    assert (stored.cursor, stored.top) == place
    app = new_app(library, tmp_path)  # a new start
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["long"])
        assert (view.cursor_offset, view.top_offset()) == place
        status = str(app.screen.query_one("#status").render())
        n = len(view.paragraphs)
        assert f"¶ {view.paragraph_at_cursor() + 1}/{n} · 9" in status  # 9x%: near the end
        await pilot.press("g")  # quitting the app from the reader keeps the place too
        await app.action_quit()
    with Library(path) as lib:
        assert lib.place(ids["long"]).cursor == 0


async def test_opening_at_a_highlight_or_pane_entry_goes_there_not_to_the_place(library, tmp_path):
    path, ids = library
    with Library(path) as lib:
        lib.save_place(ids["long"], 4000, 3900)
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        text = app.library.get_article(ids["long"]).text
        target = text.index("Paragraph 5 begins")
        app.open_reader(ids["long"], (target, target + 11))
        await pilot.pause()
        view = app.screen.view
        assert view.cursor_offset == target and view.spot == (target, target + 11)
        y = view.line_of(target) - view.scroll_offset.y
        height = view.scrollable_content_region.height
        assert height // 3 <= y < height - height // 3  # the middle third


# --- 3. nothing is lost --------------------------------------------------------------------


async def test_removed_highlight_restored_from_the_trash_after_a_restart(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, ids["harbour"])
        await pilot.press("h", "3", "n")
        burst(app, "check [the] minutes", ("ctrl+s",))
        await pilot.pause()
        await pilot.press("t")
        app.screen.query_one(Input).value = "talks, port"
        await pilot.press("enter")
        before = app.library.highlights(ids["harbour"])
        await pilot.press("x")
        assert app.library.highlights(ids["harbour"]) == []
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("X")
        assert isinstance(app.screen, TrashScreen)
        listing = app.screen.query_one("#trash-list", OptionList)
        assert "with its note and 2 tags" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        assert any(m.startswith("Restored") for m in notices(app))
        assert "The trash is empty" in str(app.screen.query_one("#trash-empty").render())
    with Library(path) as lib:
        assert lib.highlights(ids["harbour"]) == before
        (h,) = before
        assert (h.note, h.tags, h.color) == ("check [the] minutes", ("talks", "port"), 3)
        assert lib.trash() == []


async def test_undo_and_redo_across_a_restart_say_what_they_did(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, ids["harbour"])
        await pilot.press("h", "t")
        app.screen.query_one(Input).value = "talks, board"
        await pilot.press("enter", "right_parenthesis", "h", "2")  # a second highlight
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_article(app, pilot, ids["harbour"])
        await pilot.press("u")
        assert notices(app)[-1] == "Undone: Changed colour 1 → 2 of 'Its chair spoke first.'"
        await pilot.press("u", "u")
        assert notices(app)[-1] == "Undone: Added tags 'talks', 'board' to 'The Harbour board met…'"
        (h,) = app.library.highlights(ids["harbour"])  # only the first, without tags
        assert h.tags == () and h.exact == "The Harbour board met on Monday."
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_article(app, pilot, ids["harbour"])
        await pilot.press("ctrl+r")
        assert notices(app)[-1].startswith("Redone: Added tags")
        await pilot.press("U", "U", "U")
        assert notices(app)[-1] == "Nothing to redo in this article"
    with Library(path) as lib:
        first, second = lib.highlights(ids["harbour"])
    assert first.tags == ("talks", "board") and second.color == 2


async def test_a_20kb_note_typed_as_one_burst_and_saved_at_once_is_stored_exactly(
    library, tmp_path
):
    path, ids = library
    line = "note on [link=https://example.com/a?b=1] and [/] «quoted» $accent ünï "
    note = "\n".join(line.strip() for _ in range(20_000 // len(line) + 1))
    assert len(note) >= 20_000
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, ids["harbour"])
        await pilot.press("h")
        burst(app, "n" + note, ("ctrl+s",))  # the editor opens mid-burst
        for _ in range(600):
            await pilot.pause(0.1)
            if (
                isinstance(app.screen, ReaderScreen)
                and app.library.highlights(ids["harbour"])[0].note
            ):
                break
    with Library(path) as lib:
        assert lib.highlights(ids["harbour"])[0].note == note
        assert lib.drafts(ids["harbour"]) == {}  # saved: no draft left behind


async def test_a_bracketed_paste_of_20kb_then_ctrl_s_is_stored_exactly(library, tmp_path):
    path, ids = library
    pasted = ("A pasted line with [b]markup[/b] and \u00e9t\u00e9.\n" * 600).strip()
    assert len(pasted) > 20_000
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, ids["harbour"])
        await pilot.press("h", "n")
        burst(app, "Before: ")
        app.post_message(events.Paste(pasted))
        burst(app, " after.", ("ctrl+s",))
        await pilot.pause(0.5)
        assert isinstance(app.screen, ReaderScreen)
    with Library(path) as lib:
        assert lib.highlights(ids["harbour"])[0].note == f"Before: {pasted} after."


KILLED_WHILE_TYPING = textwrap.dedent(
    """
    import asyncio, sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from tui.app import NewsReader

    async def main():
        app = NewsReader(db_path=Path({db!r}), export_dir=Path({db!r}).parent)
        async with app.run_test(size=(100, 30)) as pilot:
            app.open_reader({article})
            await pilot.pause()
            await pilot.press("h", "n", *"half a thought, [unsaved]")
            await pilot.pause(1.0)
            print("TYPED", flush=True)
            await asyncio.sleep(60)

    asyncio.run(main())
    """
)


async def test_an_app_killed_while_a_note_is_typed_keeps_the_draft(library, tmp_path):
    path, ids = library
    code = KILLED_WHILE_TYPING.format(root=str(ROOT), db=str(path), article=ids["harbour"])
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "TYPED"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with Library(path) as lib:
        (h,) = lib.highlights(ids["harbour"])
        assert h.note == "" and lib.draft(h.id) == "half a thought, [unsaved]"
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_article(app, pilot, ids["harbour"])
        assert any("unsaved note draft" in m for m in notices(app))
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "half a thought, [unsaved]"
        await pilot.press("escape")  # changed from the stored note: asks
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter", *" done", "ctrl+s")
    with Library(path) as lib:
        assert lib.highlights(ids["harbour"])[0].note == "half a thought, [unsaved] done"
        assert lib.drafts(ids["harbour"]) == {}


async def test_enter_in_the_delete_dialog_deletes_nothing_and_u_brings_one_back(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen)
        for key in "dxqzd":  # random keys: nothing but y says yes
            await pilot.press(key)
        await pilot.press("escape")
        assert app.library.count_articles() == 2
        await pilot.press("d", "y")
        assert app.library.count_articles() == 1
        assert any("Moved to the trash" in m for m in notices(app))
        await pilot.press("u")
        assert app.library.count_articles() == 2
        assert app.screen.table.row_count == 2
    with Library(path) as lib:
        assert sorted(lib.article_ids()) == sorted(ids.values()) and lib.trash() == []


# --- 4. selections and colours -------------------------------------------------------------


async def test_paragraph_and_sentence_motions_in_a_selection_stop_at_its_end(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_article(app, pilot, ids["harbour"])
        await pilot.press("v", "right_curly_bracket")
        s, e = view.paragraphs[0]
        assert view.selection() == (s, e)
        assert "Selecting 10 words" in str(app.screen.query_one("#status").render())
        await pilot.press("3")  # a colour with a selection highlights it in that colour
        await pilot.press("right_curly_bracket", "v", "right_parenthesis")
        assert view.selection() == view.sentences[2]  # "Nobody at the harbour wanted the plan."
        await pilot.press("right_parenthesis")  # on to the end of the next sentence
        assert view.selection() == (view.sentences[2][0], view.sentences[3][1])
        await pilot.press("escape", "G", "w")
        assert notices(app)[-1] == "At the end of the article"
        await pilot.press("5")  # nothing to colour: says why
        assert "No highlight under the cursor" in notices(app)[-1]
    with Library(path) as lib:
        (h,) = lib.highlights(ids["harbour"])
    assert (h.exact, h.color) == (HARBOUR[0], 3)


# --- 5. the cursor follows the eye ---------------------------------------------------------


async def test_scrolling_keeps_the_cursor_on_screen_and_drag_selects(library, tmp_path):
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["long"])
        height = view.scrollable_content_region.height
        wheel(app, view, 15)
        await pilot.pause()
        top = view.scroll_offset.y
        assert top > 0
        line = view.line_of(view.cursor_offset)
        assert top + ArticleView.SCROLLOFF <= line < top + height
        await pilot.press("j")  # moves on from where the eye is, not back up
        assert view.line_of(view.cursor_offset) > line
        await pilot.press("ctrl+d")
        line = view.line_of(view.cursor_offset)
        assert view.scroll_offset.y > top and line < view.scroll_offset.y + height
        await pilot.press("G", "g")
        for _ in range(8):
            await pilot.press("j")
        # the cursor keeps SCROLLOFF lines from the bottom edge as it moves
        bottom = view.scroll_offset.y + height - 1
        assert view.line_of(view.cursor_offset) <= bottom - ArticleView.SCROLLOFF or (
            bottom >= view.line_count - 1
        )
        await pilot.press("g")
        await pilot.mouse_down(ArticleView, offset=(1, 0))
        await pilot.hover(ArticleView, offset=(30, 3))  # into the second paragraph
        await pilot.mouse_up(ArticleView, offset=(30, 3))
        selection = view.selection()
        assert selection is not None and selection[0] == 0
        assert view.line_of(selection[1]) == 3
        await pilot.press("h")
    with Library(path) as lib:
        (h,) = lib.highlights(ids["long"])
    assert (h.start, h.end) == selection


# --- 6. open and cite ----------------------------------------------------------------------


async def test_o_opens_the_source_and_y_copies_a_citation(library, tmp_path, monkeypatch):
    import webbrowser

    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {opened}\n')
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(browser))
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read $BROWSER again
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_article(app, pilot, ids["long"])
        header = str(app.screen.query_one("#article-header").render())
        assert "https://news.example/long · o to open" in header
        await pilot.press("o")
        await pilot.pause(0.3)
        await pilot.press("right_parenthesis", "y")
        assert app.clipboard == (
            "“It has a second sentence about the river and the town.”\n"
            "— Long read, https://news.example/long"
        )
        await pilot.press("q")
        await open_article(app, pilot, ids["harbour"])  # made from text: no web address
        await pilot.press("o")
        assert "no web address" in notices(app)[-1]
    assert opened.read_text() == "https://news.example/long"


# --- the trash in the palette and the help --------------------------------------------------


async def test_the_trash_is_in_the_palette_and_the_help(library, tmp_path):
    app = new_app(library, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(app, pilot, library[1]["harbour"])
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Trash")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, TrashScreen)
        await pilot.press("q", "q", "question_mark")
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Trash: removed highlights and articles" in shown  # X in the library
        assert "Trash (X in the library)" in shown  # the trash's own keys, a section of their own
        assert "Restore" in shown and "Purge" in shown and "Redo" in shown


async def test_keys_typed_in_a_burst_after_slash_and_t_land_in_their_fields(library, tmp_path):
    """The letters after `/` or `t` are text even when they are reader keys (n, h, t, x)."""
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["harbour"])
        burst(app, "/harbour\n")
        await pilot.pause(0.3)
        assert app.focused is view and len(view.matches) == 4
        assert app.screen.query_one(Input).value == "harbour"
        burst(app, "nh")  # the next match, and its sentence highlighted
        await pilot.pause(0.3)
        burst(app, "tnext, harbour, tax\n")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)
    with Library(path) as lib:
        (h,) = lib.highlights(ids["harbour"])
    assert h.exact == "Nobody at the harbour wanted the plan."
    assert h.tags == ("next", "harbour", "tax") and h.note == ""


async def test_keys_after_enter_in_the_same_burst_go_to_the_article_not_the_find_line(
    library, tmp_path
):
    """`/harbour`, Enter, `n`, `h` in one burst: the query stays "harbour" and the second
    match's sentence is highlighted (the keys behind Enter are not typed into the line)."""
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["harbour"])
        burst(app, "/harbour\nnh")
        await pilot.pause(0.5)
        assert app.focused is view and len(view.matches) == 4
        assert app.screen.query_one(Input).value == "harbour"
    with Library(path) as lib:
        (h,) = lib.highlights(ids["harbour"])
    assert h.exact == "Nobody at the harbour wanted the plan."


async def test_a_library_search_typed_in_one_burst_opens_its_hit(library, tmp_path):
    """`/`, the words, Enter, Enter as one burst: none of the letters reach the table (where
    `e` would export and `d` delete); the first hit opens."""
    path, ids = library
    app = new_app(library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "/nobody wanted\n\n")
        await pilot.pause(0.5)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == ids["harbour"]
    assert not (tmp_path / "export").exists()
