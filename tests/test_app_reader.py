"""The reader driven through its keys with Pilot; every change is checked in the store."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input, OptionList, TextArea

from store.library.db import Library
from tui.app import NewsReader
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.dialogs import ConfirmScreen, NoteEditor, PromptScreen

SIZE = (120, 30)


@pytest.fixture
def lib_ids(reading_library):
    return reading_library


@pytest.fixture
def ids(reading_library) -> dict[str, int]:
    return reading_library[1]


async def open_article(app: NewsReader, pilot, article_id: int) -> ArticleView:
    app.open_reader(article_id)
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen.query_one(ArticleView)


def stored(lib_ids) -> Library:
    """The library as a fresh process would read it."""
    return Library(lib_ids[0])


def word(view: ArticleView) -> str:
    s, e = view.words[view.cursor]
    return view.text[s:e]


@pytest.fixture
def app(lib_ids, export_dir) -> NewsReader:
    return NewsReader(db_path=lib_ids[0], export_dir=export_dir)


# --- moving -----------------------------------------------------------------------------------


async def test_word_line_sentence_paragraph_and_ends(app, ids):
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        assert view.cursor == 0 and app.screen.focused is view
        await pilot.press("w", "right")
        assert view.cursor == 2
        await pilot.press("b")
        assert view.cursor == 1
        await pilot.press("left")
        assert view.cursor == 0
        await pilot.press("right_parenthesis")  # next sentence
        second = view.sentences[1][0]
        assert view.cursor_offset == second
        await pilot.press("left_parenthesis")
        assert view.cursor_offset == view.sentences[0][0]
        await pilot.press("right_curly_bracket")  # next paragraph
        assert view.cursor_offset == view.paragraphs[1][0]
        await pilot.press("left_curly_bracket")
        assert view.cursor_offset == 0
        first_line = view.line_of(view.cursor_offset)
        await pilot.press("j")
        assert view.line_of(view.cursor_offset) > first_line
        await pilot.press("down")
        lower = view.line_of(view.cursor_offset)
        await pilot.press("k", "up")
        assert view.line_of(view.cursor_offset) == first_line < lower
        await pilot.press("G")
        assert view.cursor == len(view.words) - 1
        assert view.scroll_offset.y > 0  # the end of the article is in view
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert view.line_of(view.cursor_offset) > 10
        await pilot.press("pageup")
        assert view.line_of(view.cursor_offset) < 3
        await pilot.press("g")
        line = view.line_of(view.paragraphs[1][0])  # the second paragraph's first line
        await pilot.click(ArticleView, offset=(12, line - view.scroll_offset.y))  # a word on it
        assert view.line_of(view.cursor_offset) == line and view.cursor > 0


# --- highlighting -----------------------------------------------------------------------------


async def test_h_highlights_the_sentence_under_the_cursor(app, lib_ids, ids):
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        await pilot.press("right_parenthesis", "w", "w", "h")
        start, end = view.sentences[1]
        expected = view.text[start:end]
    with stored(lib_ids) as lib:
        (h,) = lib.highlights(ids["first"])
    assert (h.start, h.end, h.exact) == (start, end, expected)


async def test_v_selection_extends_with_movement_and_h_highlights_it(app, lib_ids, ids):
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        await pilot.press("w", "v", "w", "w")
        assert view.selection() == (view.words[1][0], view.words[3][1])
        await pilot.press("h")
        assert view.selection() is None
        expected = view.text[view.words[1][0] : view.words[3][1]]
    with stored(lib_ids) as lib:
        (h,) = lib.highlights(ids["first"])
    assert h.exact == expected and len(expected.split()) == 3


async def test_shift_arrows_extend_and_escape_drops_the_selection(app, lib_ids, ids):
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        await pilot.press("shift+right", "shift+right")
        assert view.selection() == (view.words[0][0], view.words[2][1])
        await pilot.press("shift+down")
        assert view.selection()[1] > view.words[2][1]
        await pilot.press("shift+up", "shift+left")
        assert view.selection() == (view.words[0][0], view.words[1][1])
        await pilot.press("escape")
        assert view.selection() is None
        await pilot.press("v", "w", "v")  # v again drops it too
        assert view.selection() is None
        await pilot.press("h")  # nothing selected: the sentence
    with stored(lib_ids) as lib:
        (h,) = lib.highlights(ids["first"])
    assert (h.start, h.end) == tuple(view.sentences[0])


async def test_colours_note_tags_remove_and_undo(app, lib_ids, ids):
    article_id = ids["first"]
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, ids["first"])
        await pilot.press("h")
        for key in "31245":
            await pilot.press(key)
            assert app.library.highlights(article_id)[0].color == int(key)

        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"ok ")
        app.screen.query_one(TextArea).insert("[b]this[/]")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReaderScreen)
        assert app.library.highlights(article_id)[0].note == "ok [b]this[/]"

        await pilot.press("n", "z", "escape")  # Escape on a changed note asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # Enter keeps the note being written
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "ok [b]this[/]z"
        await pilot.press("escape", "y")  # y throws the change away
        assert isinstance(app.screen, ReaderScreen)
        assert app.library.highlights(article_id)[0].note == "ok [b]this[/]"
        await pilot.press("n", "escape")  # unchanged: Escape just closes
        assert isinstance(app.screen, ReaderScreen)

        await pilot.press("t")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "claim, #vote ,"
        await pilot.press("enter")
        assert app.library.highlights(article_id)[0].tags == ("claim", "vote")

        await pilot.press("u")  # undo the tags
        assert app.library.highlights(article_id)[0].tags == ()
        await pilot.press("x")
        assert app.library.highlights(article_id) == []
        await pilot.press("u")  # undo the removal: note and colour are back
        (h,) = app.library.highlights(article_id)
        assert (h.note, h.color) == ("ok [b]this[/]", 5)
        await pilot.press("u")  # undo the note
        assert app.library.highlights(article_id)[0].note == ""
        for colour in (4, 2, 1, 3, 1):  # each colour change, newest first
            await pilot.press("u")
            assert app.library.highlights(article_id)[0].color == colour
        await pilot.press("u")  # undo the highlight itself
        assert app.library.highlights(article_id) == []
        await pilot.press("ctrl+r", "U")  # redo: the highlight, then its first colour
        assert app.library.highlights(article_id)[0].color == 3
    with stored(lib_ids) as lib:
        assert lib.highlights(article_id)[0].color == 3


async def test_note_on_plain_text_creates_the_highlight_first(app, lib_ids, ids):
    article_id = ids["first"]
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        await pilot.press("right_parenthesis", "n")
        editor = app.screen.query_one(TextArea)
        editor.insert("Who counted?")
        await pilot.press("ctrl+s")
    with stored(lib_ids) as lib:
        (h,) = lib.highlights(article_id)
    assert (h.start, h.end, h.note) == (*view.sentences[1], "Who counted?")


async def test_next_and_previous_highlight(app, lib_ids, ids):
    article_id = ids["first"]
    with stored(lib_ids) as lib:
        text = lib.get_article(article_id).text
        starts = []
        for needle in ("141 countries", "Belarus", "Lavrov"):
            s = text.index(needle)
            starts.append(lib.add_highlight(article_id, s, s + len(needle)).start)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        seen = []
        for _ in range(3):
            await pilot.press("right_square_bracket")
            seen.append(view.cursor_offset)
        assert seen == starts
        await pilot.press("left_square_bracket")
        assert view.cursor_offset == starts[1]
        await pilot.press("x")
    with stored(lib_ids) as lib:
        assert [h.exact for h in lib.highlights(article_id)] == ["141 countries", "Lavrov"]


async def test_e_exports_this_article_and_says_where(app, lib_ids, export_dir, ids):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_article(app, pilot, ids["first"])
        await pilot.press("h", "e")
        await pilot.pause()
        files = list(export_dir.glob("*.md"))
        assert len(files) == 1
        assert any(str(files[0]) in n.message for n in app._notifications)
    markdown = files[0].read_text(encoding="utf-8")
    assert markdown.startswith("---\ntitle:")
    assert "> The vote saw 141 countries" in markdown


async def test_q_goes_back_and_the_row_shows_the_new_count(app, lib_ids, ids):
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, ids["first"])
        await pilot.press("h", "q")
        assert isinstance(app.screen, LibraryScreen)
        row = app.screen.table.get_row(str(ids["first"]))
        assert str(row[4]) == "1"


async def test_help_and_command_palette(app, lib_ids, ids):
    async with app.run_test(size=SIZE) as pilot:
        await open_article(app, pilot, ids["first"])
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Highl")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
    with stored(lib_ids) as lib:
        assert len(lib.highlights(ids["first"])) == 1


# --- panes and the anchor date ------------------------------------------------------------------


async def test_tab_to_a_pane_and_enter_marks_the_place(app, lib_ids, ids):
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        screen = app.screen
        panes = [p for p in ("timeline", "quotes") if screen.query_one(f"#{p}").display]
        if not panes:
            pytest.skip("the analysis found neither events nor quotes in the seed")
        await pilot.press("tab")
        focused = app.focused
        assert isinstance(focused, OptionList) and focused.id == panes[0]
        entry = focused.get_option_at_index(focused.highlighted)  # the first under a heading
        await pilot.press("enter")
        span = screen.spans[entry.id]
        assert view.spot == span and view.cursor_offset == view.words[view.word_at(span[0])][0]


async def test_empty_panes_say_so_and_T_Q_go_there_and_back(app, ids):
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["hostile"])
        screen = app.screen
        note = screen.query_one("#timeline-empty")
        assert "No dated events" in str(note.render())
        assert screen.query_one("#timeline-pane").display and screen.query_one("#quotes-pane")
        await pilot.press("T")
        assert app.focused is note  # the empty pane takes the focus its list would have
        await pilot.press("T")
        assert app.focused is view
        await pilot.press("Q", "escape")
        assert app.focused is view


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 15)])
async def test_narrow_terminal_one_thing_at_a_time_tab_goes_on(app, ids, size):
    async with app.run_test(size=size) as pilot:
        view = await open_article(app, pilot, ids["first"])
        screen = app.screen
        timeline, quotes = screen.query_one("#timeline-pane"), screen.query_one("#quotes-pane")

        def bar() -> str:
            return str(screen.query_one("KeyBar").render())

        assert screen.query_one("#pane-tabs").is_on_screen
        assert "tab Timeline" in bar() and "q Back" in bar() and "? Help" in bar()
        assert not timeline.is_on_screen and not quotes.is_on_screen
        assert view.region.height >= 0.6 * size[1]  # the article keeps most of the rows
        await pilot.press("tab")
        assert timeline.is_on_screen and not view.is_on_screen and not quotes.is_on_screen
        assert timeline.region.width >= size[0] - 2  # the whole width
        assert "tab Quotes" in bar() and "q Back" in bar()
        entry = app.focused.get_option_at_index(app.focused.highlighted)
        await pilot.press("j")  # lists move with j/k
        assert app.focused.get_option_at_index(app.focused.highlighted) is not entry
        await pilot.press("tab")
        assert quotes.is_on_screen and not timeline.is_on_screen
        await pilot.press("tab")
        assert view.is_on_screen and app.focused is view
        await pilot.press("Q")  # straight to the quotes, and back
        assert quotes.is_on_screen and not view.is_on_screen
        await pilot.press("h")  # marking up waits for the article to be on screen
        await pilot.press("Q")
        assert view.is_on_screen and app.focused is view
        await pilot.press("T", "enter")  # an entry: back to the article, at its words
        assert view.is_on_screen and view.spot is not None
    with Library(app.library.path) as lib:
        assert lib.highlights(ids["first"]) == []


def key_burst(app: NewsReader, *keys: str) -> None:
    """Keys as a terminal delivers a fast burst (tmux, a paste): all queued before the app
    handles the first."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_a_burst_of_tabs_goes_pane_by_pane_at_80x24(app, ids):
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_article(app, pilot, ids["first"])
        screen = app.screen
        for expected in ("quotes", "timeline", "article"):  # two panes on each time
            key_burst(app, "tab", "tab")
            await pilot.pause()
            assert screen.shown == expected
            focused = "article" if app.focused is view else app.focused.id.removesuffix("-empty")
            assert focused == expected
        key_burst(app, "tab", "tab", "tab", "w", "h")  # round to the article, then a highlight
        await pilot.pause()
        assert app.focused is view
    with Library(app.library.path) as lib:
        assert len(lib.highlights(ids["first"])) == 1


async def test_D_corrects_the_anchor_date(app, lib_ids, ids):
    article_id = ids["hostile"]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_article(app, pilot, ids["hostile"])
        await pilot.press("D")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "2020-02-30"  # not a date
        await pilot.press("enter")
        assert app.library.get_article(article_id).anchor is None
        await pilot.press("D")
        app.screen.query_one(Input).value = "2021-06-01"
        await pilot.press("enter")
        header = str(app.screen.query_one("#article-header").render())
        assert "2021-06-01" in header and "inferred" not in header
    with stored(lib_ids) as lib:
        a = lib.get_article(article_id)
    assert (a.anchor, a.anchor_inferred) == ("2021-06-01", False)


# --- safety -------------------------------------------------------------------------------------


def visible_text(view: ArticleView) -> str:
    return "\n".join(
        "".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)
    )


async def test_markup_and_escapes_show_literally(app, lib_ids, ids):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        view = await open_article(app, pilot, ids["hostile"])
        shown = visible_text(view)
        assert "[bold red]x[/]" in shown
        assert "␛]52;c;SGVsbG8=␇" in shown and "\x1b" not in shown
        assert "[link=https://example.com]link[/link] and $accent" in shown
        assert "Markup [b]in[/] the title" in str(app.screen.query_one("#article-header").render())
        await pilot.press("h", "n")
        app.screen.query_one(TextArea).insert("[/] [red]")
        await pilot.press("ctrl+s", "t")
        app.screen.query_one(Input).value = "[/x]"
        await pilot.press("enter")
        assert "[/] [red]" in str(app.screen.query_one("#status").render())
        await pilot.press("e")  # the notification carries a path: shown literally
        await pilot.pause()
    with stored(lib_ids) as lib:
        (h,) = lib.highlights(ids["hostile"])
    # The note is kept as typed; a tag is normalised at the door (no markup specials in it).
    assert (h.note, h.tags) == ("[/] [red]", ("x",))


async def test_highlights_lost_in_a_re_clean_are_reported_not_dropped(app, lib_ids, ids):
    from store.article import Article

    with stored(lib_ids) as lib:
        text = lib.get_article(ids["first"]).text
        s = text.index("Mr Lavrov")
        lib.add_highlight(ids["first"], s, s + len("Mr Lavrov added"))
        kept = text.index("141 countries")
        lib.add_highlight(ids["first"], kept, kept + len("141 countries"))
        shorter = text[: text.index("Mr Lavrov")].strip().split("\n\n")
        lost = lib.replace_text(ids["first"], Article.from_paragraphs(shorter, title="Short"))
    assert len(lost) == 1
    async with app.run_test(size=SIZE) as pilot:
        view = await open_article(app, pilot, ids["first"])
        header = str(app.screen.query_one("#article-header").render())
        assert "1 highlight no longer found" in header
        assert [view.text[m.start : m.end] for m in view.marks] == ["141 countries"]
