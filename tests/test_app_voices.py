"""The quote group and the speaker index driven through their keys with Pilot."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from store.article import Article
from store.library.db import Library
from tests.test_voices import OUTLETS
from tui.app import NewsReader
from tui.screens.library import LibraryScreen
from tui.screens.quote_group import QuoteGroupScreen
from tui.screens.reader import ReaderScreen
from tui.screens.speakers import SpeakersScreen
from tui.widgets.article_view import ArticleView

SIZE = (140, 40)
HOSTILE = "[b]x[/] \x1b]0;pwned\x07"


@pytest.fixture
def outlets(tmp_path) -> tuple[NewsReader, list[int]]:
    path = tmp_path / "voices.db"
    with Library(path, seed=False) as lib:
        ids = [
            lib.add_article(Article.from_paragraphs(paras, title=title, published=day))[0]
            for title, day, paras in OUTLETS
        ]
        hostile = Article.from_paragraphs(
            [f"\u201cWe need to at least stop bombing people {HOSTILE} and then we will sit "
             "down at the negotiating table,\u201d said Volodymyr Zelensky."],
            title=f"Hostile {HOSTILE}", published="2022-03-05")
        ids.append(lib.add_article(hostile)[0])
    return NewsReader(db_path=path, export_dir=tmp_path / "export"), ids


async def settle(app: NewsReader, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def plain(widget: Static) -> str:
    return str(widget.render())


async def test_s_on_a_quote_shows_its_group_and_enter_opens_another_version(outlets):
    app, ids = outlets
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader(ids[0])
        await pilot.pause()
        reader = app.screen
        quotes = reader.query_one("#quotes", OptionList)
        quotes.focus()
        quotes.highlighted = 0  # Zelensky's
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, QuoteGroupScreen)
        assert plain(screen.query_one("#group-title", Static)) == "The same words in 4 articles"
        assert "Volodymyr Zelensky" in plain(screen.query_one("#group-about", Static))
        versions = screen.query_one("#group-versions", OptionList)
        assert [v.quote.article_id for v in screen.group.versions] == ids
        assert versions.highlighted == 0  # the version of the article it was opened from
        # each version: its day (the article's, marked, or the one the text gives), its title,
        # its words with the differing ones styled
        second = versions.get_option_at_index(1).prompt
        assert second.plain.startswith("2022-03-02 \u00b7 Paper two\n")
        styled = [second.plain[s.start: s.end] for s in second.spans if s.style == "bold underline"]
        assert styled == ["must", "the", "of", "we\u2019ll"]
        first = versions.get_option_at_index(0).prompt.plain
        assert first.startswith("2022-03-02 (article date) \u00b7 Wire one (this article)")
        # hostile text in another outlet's version shows literally, escape mapped
        last = versions.get_option_at_index(versions.option_count - 1).prompt.plain
        assert "[b]x[/]" in last and "\x1b" not in last and "\u241b]0;pwned\u2407" in last
        versions.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id == ids[1]
        view = app.screen.query_one(ArticleView)
        q = screen.group.versions[1].quote
        assert view.spot == (q.start, q.end)
        # one reader at a time: the one the group was opened from closed, q goes back past it
        assert sum(isinstance(s, ReaderScreen) for s in app.screen_stack) == 1
        app.screen.query_one("#quotes", OptionList).focus()
        await pilot.press("s")  # from the second article's version: the same group, its own
        await settle(app, pilot)
        assert isinstance(app.screen, QuoteGroupScreen)
        assert app.screen.query_one("#group-versions", OptionList).highlighted == 1
        assert "(this article)" in app.screen.query_one("#group-versions", OptionList) \
            .get_option_at_index(1).prompt.plain
        await pilot.press("escape")
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)


async def test_s_with_the_cursor_in_a_quote_and_a_quote_no_one_else_reports(outlets):
    app, ids = outlets
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_reader(ids[2])
        await pilot.pause()
        reader = app.screen
        await pilot.press("s")  # the cursor at the start, on no quotation
        await pilot.pause()
        assert reader is app.screen
        assert any("Choose a quote" in n.message for n in app._notifications)
        johnson = next(q for q in app.library.quotes(ids[2]) if q.speaker == "Boris Johnson")
        view = reader.query_one(ArticleView)
        view.move_to(johnson.start + 2)
        await pilot.press("s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, QuoteGroupScreen)
        assert plain(screen.query_one("#group-title", Static)) == (
            "No other article reports these words")
        listing = screen.query_one("#group-versions", OptionList)
        assert listing.option_count == 1
        assert "Nobody will take this country" in listing.get_option_at_index(0).prompt.plain
        await pilot.press("escape")
        assert app.screen is reader


async def test_speaker_index_shows_each_person_once_with_aliases_and_dated_quotes(outlets):
    app, ids = outlets
    async with app.run_test(size=SIZE) as pilot:
        app.open_view("speakers")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        names = screen.query_one("#speaker-list", OptionList)
        prompts = [names.get_option_at_index(i).prompt.plain for i in range(names.option_count)]
        zelensky = [p for p in prompts if "Zelensk" in p]
        assert len(zelensky) == 1
        assert zelensky[0].startswith("Volodymyr Zelensky, Ukrainian President\n4 quotes in 4")
        assert "also Volodymyr Zelenskyy; Zelenskiy" in zelensky[0]
        await pilot.press("enter")  # the most quoted: Zelensky
        await pilot.pause()
        quotes = screen.query_one("#speaker-quotes", OptionList)
        lines = [quotes.get_option_at_index(i).prompt.plain.splitlines()[-1]
                 for i in range(quotes.option_count)]
        assert lines == [
            "2022-03-02 (article date) \u00b7 Wire one",
            "2022-03-02 \u00b7 Paper two",
            "2022-03-04 (article date) \u00b7 Site three",
            "2022-03-05 (article date) \u00b7 Hostile [b]x[/] \u241b]0;pwned\u2407",
        ]
