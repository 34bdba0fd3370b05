"""The notebook driven through its keys with Pilot; every change is checked in the store."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, TextArea

from store.library.db import Library
from store.library.records import Highlight
from tests.test_app_close_reading import burst
from tui.app import NewsReader
from tui.screens.help import HelpScreen
from tui.screens.notebook import NotebookScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.dialogs import NoteEditor, PromptScreen

SIZE = (120, 30)


@pytest.fixture
def marked_library(reading_library) -> tuple[str, dict[str, int], dict[str, Highlight]]:
    """The reading library with highlights in three articles, in several colours and tags."""
    path, ids = reading_library
    hs = {}
    with Library(path) as lib:
        first = lib.get_article(ids["first"]).text
        second = lib.get_article(ids["second"]).text
        at = first.index("The vote saw")
        hs["vote"] = lib.add_highlight(
            ids["first"], at, first.index(".", at) + 1, color=2, tags=["UN vote", "numbers"]
        )
        at = first.index("Mr Lavrov added")
        hs["lavrov"] = lib.add_highlight(
            ids["first"], at, at + 15, color=3, note="who else said so?\nsecond line"
        )
        hs["second"] = lib.add_highlight(
            ids["second"], 0, second.index(" ", 10), color=3, tags=["talks"]
        )
        hostile = lib.get_article(ids["hostile"]).text
        hs["hostile"] = lib.add_highlight(
            ids["hostile"], 0, hostile.index("."), note="[b]bold?[/] \x1b]0;PWNED\x07", tags=["[/]"]
        )
    return path, ids, hs


def listed(screen: NotebookScreen) -> list[int]:
    """Highlight ids in the list, top to bottom (group headers left out)."""
    listing = screen.query_one("#entries", OptionList)
    return [int(o.id[1:]) for o in listing.options if o.id.startswith("h")]


async def open_notebook(app: NewsReader, pilot) -> NotebookScreen:
    await pilot.press("H")
    await pilot.pause()
    assert isinstance(app.screen, NotebookScreen)
    return app.screen


async def test_the_notebook_lists_highlights_from_several_articles(marked_library, export_dir):
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_notebook(app, pilot)
        newest_first = [hs[k].id for k in ("hostile", "second", "lavrov", "vote")]
        assert listed(screen) == newest_first
        assert "4 highlights" in str(screen.query_one("#notebook-title").render())
        prompts = [str(o.prompt) for o in screen.query_one("#entries", OptionList).options]
        vote = prompts[newest_first.index(hs["vote"].id)]
        assert "The vote saw 141 countries" in vote and "#un-vote #numbers" in vote
        assert "Zelensky" not in vote  # the first article's title, not the second's
        assert "who else said so? · second line" in prompts[newest_first.index(hs["lavrov"].id)]
        hostile = prompts[0]
        assert "[b]bold?[/]" in hostile and "\x1b" not in hostile and "␛]0;PWNED␇" in hostile
        # grouped by article: a header before each article's highlights, in text order
        await pilot.press("o")
        listing = screen.query_one("#entries", OptionList)
        headers = [o for o in listing.options if o.id.startswith("a")]
        assert len(headers) == 3 and all(o.disabled for o in headers)
        order = listed(screen)
        assert order.index(hs["vote"].id) + 1 == order.index(hs["lavrov"].id)
        assert "by article" in str(screen.query_one("#notebook-title").render())


async def test_filtering_by_words_tag_and_colour(marked_library, export_dir):
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_notebook(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"who els")  # the note, as you type, the last word a prefix
        assert listed(screen) == [hs["lavrov"].id]
        assert "1 matching" in str(screen.query_one("#notebook-title").render())
        await pilot.press(*"zzz")
        assert listed(screen) == []
        assert screen.query_one("#notebook-empty").display
        await pilot.press("escape", "escape")  # to the list, then the filter is cleared
        assert len(listed(screen)) == 4 and screen.query_one(Input).value == ""

        await pilot.press("slash", *"#un-vote", "enter")  # a multi-word tag in its one form
        assert listed(screen) == [hs["vote"].id] and app.focused is screen.entry_list
        await pilot.press("escape")

        await pilot.press("c", "c", "c")  # every colour -> yellow -> green -> blue
        assert screen.query_one(Input).value == "color:blue"
        assert sorted(listed(screen)) == sorted([hs["lavrov"].id, hs["second"].id])
        await pilot.press("slash", *" #talks", "enter")
        assert listed(screen) == [hs["second"].id]
        await pilot.press("escape")

        # the tags pane: every tag with its count; choosing one filters by it
        await pilot.press("number_sign")
        tags = screen.query_one("#tag-list", OptionList)
        assert app.focused is tags
        shown = [str(o.prompt) for o in tags.options]
        assert shown[0].startswith("Every highlight") and "4" in shown[0]
        assert any(s.startswith("#numbers") and s.endswith("1") for s in shown)
        await pilot.press("down", "down")
        chosen = shown[2].split()[0]
        await pilot.press("enter")
        assert screen.query_one(Input).value == chosen and app.focused is screen.entry_list
        assert len(listed(screen)) == 1
        # this article only
        await pilot.press("escape", "a")
        assert screen.query_one(Input).value.startswith("article:")
        await pilot.press("a")
        assert screen.query_one(Input).value == ""


async def test_enter_opens_the_article_at_the_highlight(marked_library, export_dir):
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_notebook(app, pilot)
        listing = screen.query_one("#entries", OptionList)
        listing.highlighted = listed(screen).index(hs["vote"].id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == ids["first"]
        view = app.screen.query_one(ArticleView)
        assert view.spot == (hs["vote"].start, hs["vote"].end)
        assert view.cursor_offset == hs["vote"].start
        assert app.screen.highlight_at_cursor().id == hs["vote"].id
        await pilot.press("q")
        assert app.screen is screen and listing.highlighted_option.id == f"h{hs['vote'].id}"


async def test_a_note_edited_in_the_notebook_is_the_readers_and_back(marked_library, export_dir):
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_notebook(app, pilot)
        screen.entry_list.highlighted = listed(screen).index(hs["second"].id)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"check the *date*", "enter", *"with the ministry")
        await pilot.press("ctrl+s")
        await pilot.pause()
        note = "check the *date*\nwith the ministry"
        assert Library(path).get_highlight(hs["second"].id).note == note
        assert "check the *date* · with the ministry" in str(
            screen.entry_list.highlighted_option.prompt
        )
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article_id == ids["second"]
        assert reader.highlight_at_cursor().note == note
        assert "check the *date* with the ministry" in str(reader.query_one("#status").render())
        # and a note changed in the reader shows in the notebook
        await pilot.press("n")
        editor = app.screen.query_one(TextArea)
        editor.text = "rewritten in the reader"
        await pilot.press("ctrl+s", "q")
        await pilot.pause()
        assert app.screen is screen
        assert "rewritten in the reader" in str(screen.entry_list.highlighted_option.prompt)


async def test_keys_typed_straight_after_n_t_and_slash_land_in_their_fields(
    marked_library, export_dir
):
    """A note, tags or a filter typed in one burst with the key that opens it (tmux, a
    paste): no letter of it acts on the list (`x` removes, `1` recolours), none is lost."""
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_notebook(app, pilot)
        screen.entry_list.highlighted = listed(screen).index(hs["second"].id)
        burst(app, "nexact 1x note", ("ctrl+s",))
        await pilot.pause()
        burst(app, "tx1, ux", ("enter",))
        await pilot.pause()
        assert app.screen is screen
        stored = Library(path).get_highlight(hs["second"].id)
        assert (stored.note, stored.tags, stored.color) == ("exact 1x note", ("x1", "ux"), 3)
        burst(app, "/#ux")
        await pilot.pause()
        assert screen.filter_field.value == "#ux"


async def test_colour_tags_remove_and_undo_work_as_in_the_reader(marked_library, export_dir):
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_notebook(app, pilot)
        screen.entry_list.highlighted = listed(screen).index(hs["vote"].id)
        await pilot.press("4")
        assert Library(path).get_highlight(hs["vote"].id).color == 4
        await pilot.press("t")
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one(Input)
        field.value = "claims, un vote"
        await pilot.press("enter")
        await pilot.pause()
        assert Library(path).get_highlight(hs["vote"].id).tags == ("claims", "un vote")
        assert any(str(o.prompt).startswith("#claims") for o in screen.tag_list.options)
        await pilot.press("x")
        assert hs["vote"].id not in listed(screen) and len(listed(screen)) == 3
        assert Library(path).highlights(ids["first"]) == [
            Library(path).get_highlight(hs["lavrov"].id)
        ]
        await pilot.press("u")
        assert hs["vote"].id in listed(screen)
        assert Library(path).get_highlight(hs["vote"].id).tags == ("claims", "un vote")
        await pilot.press("u", "u")  # the tags, then the colour
        back = Library(path).get_highlight(hs["vote"].id)
        assert (back.color, back.tags) == (2, ("UN vote", "numbers"))
        await pilot.press("u")
        assert any(n.message == "Nothing to undo" for n in app._notifications)


async def test_orphaned_highlights_are_listed_with_their_stored_quote(marked_library, export_dir):
    path, ids, hs = marked_library
    with Library(path) as lib:
        h = lib.get_highlight(hs["second"].id)
        lib.restore_highlight(
            Highlight(**{**h.__dict__, "exact": "words from an older text", "orphaned": True})
        )
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_notebook(app, pilot)
        index = listed(screen).index(hs["second"].id)
        prompt = str(screen.entry_list.get_option_at_index(index).prompt)
        assert "words from an older text" in prompt and "no longer found" in prompt
        screen.entry_list.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id == ids["second"]
        assert any("no longer found" in n.message for n in app._notifications)


async def test_an_empty_notebook_says_how_to_fill_it(reading_library, export_dir):
    app = NewsReader(db_path=reading_library[0], export_dir=export_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_notebook(app, pilot)
        assert listed(screen) == []
        assert "No highlights yet" in str(screen.query_one("#notebook-empty").render())
        await pilot.press("n", "x", "1", "enter", "slash", *"color:purple")
        assert "colour is 1 to 5" in str(screen.query_one("#notebook-empty").render())
        await pilot.press("escape", "escape", "escape")
        assert not isinstance(app.screen, NotebookScreen)


async def test_palette_help_and_a_narrow_terminal(marked_library, export_dir):
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"Notebook")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NotebookScreen)
        screen = app.screen
        tags = screen.query_one("#tag-list")
        assert not tags.display or tags.region.width == 0  # hidden until asked for
        await pilot.press("number_sign")
        assert tags.region.width > 0 and app.focused is tags
        await pilot.press("escape", "q")
        await pilot.press("ctrl+p", *"Tags")  # the tags view, from anywhere
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NotebookScreen)
        await pilot.pause()
        assert app.focused is app.screen.query_one("#tag-list")
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Notebook" in shown and "Colour filter" in shown


async def test_the_apps_export_leaves_an_edited_file_and_says_so(marked_library, export_dir):
    path, ids, hs = marked_library
    app = NewsReader(db_path=path, export_dir=export_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        files = sorted(export_dir.glob("*.md"))
        assert len(files) == 3
        files[0].write_text(files[0].read_text() + "\nmy own line\n")
        await pilot.press("e")
        await pilot.pause()
        warning = [n for n in app._notifications if n.message.startswith("Not replaced")]
        assert warning and files[0].name in warning[-1].message
        assert "edited since newsreader wrote it" in warning[-1].message
    assert files[0].read_text().endswith("my own line\n")
