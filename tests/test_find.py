"""Finding words in an article (smart case, phrases across breaks), locating a library hit,
going round the matches, and the citation `y` copies; none costs more than linear time."""

from __future__ import annotations

import pytest

from store.analysis.find import find_all, locate_hit, smart_case
from store.export.citation import citation, is_web_address
from store.library.records import StoredArticle
from tests.growth import CHARACTER_RUNS, LIMIT, growth, repeat
from tui.widgets.find_bar import match_from

TEXT = "The Harbour plan.\n\nA harbour vote, harbours and more HARBOUR talk."


def found(query: str, text: str = TEXT) -> list[str]:
    return [text[s:e] for s, e in find_all(text, query)]


def test_smart_case_ignores_case_until_the_query_has_a_capital():
    assert not smart_case("harbour") and smart_case("Harbour")
    assert found("harbour") == ["Harbour", "harbour", "harbour", "HARBOUR"]
    assert found("Harbour") == ["Harbour"]
    assert found("HARBOUR") == ["HARBOUR"]


def test_a_phrase_is_found_across_a_paragraph_break_and_markup_is_literal():
    assert found("plan. a") == ["plan.\n\nA"]
    assert found("[b]x[/]", "Keep [b]x[/] as typed and [bx] not") == ["[b]x[/]"]
    assert found("a.c", "abc a.c") == ["a.c"]  # no regex in what is typed
    assert found("   ") == [] and found("") == []


@pytest.mark.parametrize(
    ("snippet", "word", "expected"),
    [
        ("…vote, harbours and more HARBOUR talk.", "HARBOUR", TEXT.index("HARBOUR")),
        ("Harbour plan. A harbour vote", "harbour", TEXT.index("harbour")),
        ("A harbour vote, harbours and", "harbours", TEXT.index("harbours")),
    ],
)
def test_a_search_hit_is_located_by_the_words_around_it(snippet, word, expected):
    s = snippet.index(word)
    assert locate_hit(TEXT, snippet, [(s, s + len(word))]) == (expected, expected + len(word))


def test_a_hit_only_in_the_title_or_notes_has_no_place_in_the_text():
    assert locate_hit(TEXT, "my own note about ferries", [(15, 22)]) is None
    assert locate_hit(TEXT, "anything", []) is None


def test_n_and_N_go_round_the_matches_and_say_when_they_wrap():
    matches = [(5, 8), (20, 23), (40, 43)]
    assert match_from(matches, 5, 1) == (1, False)
    assert match_from(matches, 40, 1) == (0, True)
    assert match_from(matches, 20, -1) == (0, False)
    assert match_from(matches, 5, -1) == (2, True)
    assert match_from([], 0, 1) is None


def test_the_citation_names_title_site_day_and_url_display_safe():
    article = StoredArticle(
        id=1,
        url="https://news.example/a",
        site="News \x1b]0;x\x07",
        title="Talks [b]resume[/b]",
        byline=None,
        published="2022-03-02T10:00:00+00:00",
        added="",
        text="",
        paragraphs=[],
    )
    assert citation(article, "“We need\nto talk.”") == (
        "“We need to talk.”\n— Talks [b]resume[/b], News ␛]0;x␇, 2022-03-02, https://news.example/a"
    )
    assert is_web_address("HTTPS://x.org") and not is_web_address("seeds/a.txt")
    assert not is_web_address(None)


@pytest.mark.parametrize("run", sorted(CHARACTER_RUNS))
def test_find_grows_linearly(run):
    unit = CHARACTER_RUNS[run]
    query = (unit * 3).strip() or "a"
    page = lambda n: repeat(unit, n)  # noqa: E731
    # (100,000 characters: timed well above the noise of a shared machine)
    assert growth(lambda t: find_all(t, query + "x"), page, small=100_000) <= LIMIT
    assert growth(lambda t: find_all(t, query), page, small=100_000) <= LIMIT


@pytest.mark.parametrize("run", ["letters", "spaces", "word-space", "sentences", "dots"])
def test_locating_a_hit_grows_linearly(run):
    unit = CHARACTER_RUNS[run]
    snippet = "…" + repeat(unit, 60) + " target " + repeat(unit, 60) + "…"
    s = snippet.index("target")
    assert (
        growth(lambda t: locate_hit(t, snippet, [(s, s + 6)]), lambda n: repeat(unit, n)) <= LIMIT
    )
