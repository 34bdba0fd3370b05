"""A large library stays quick: the combined timeline grows about linearly with the articles,
and the Speakers screen shows the most quoted first, the rest as the cursor comes to them."""

from __future__ import annotations

import random
from datetime import date, timedelta

from textual.widgets import OptionList

from store.analysis.timeline import Event, combine_timelines
from store.library.db import Library
from store.library.voices import speaker_index
from tests.growth import LIMIT, growth
from tui.app import NewsReader
from tui.screens.speakers import PAGE


def timelines(articles: int, seed: int = 5) -> dict[int, list[Event]]:
    """Events shaped like real pages' (six an article; days, years, months, weeks and
    quarters; a topic's vocabulary in which a few words are in many events)."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"]
    vocab = ["".join(rng.choices(syllables, k=3)) for _ in range(20_000)]
    weights, total = [], 0.0
    for rank in range(len(vocab)):
        total += 1 / (rank + 1) ** 0.8
        weights.append(total)
    start = date(2020, 1, 1)
    out = {}
    for article_id in range(1, articles + 1):
        events = []
        for e in range(6):
            day = start + timedelta(days=rng.randint(0, 3 * 365))
            value = rng.choice(
                [day.isoformat()] * 9
                + [str(day.year)] * 7
                + [day.strftime("%Y-%m")] * 2
                + [f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}", f"{day.year}-Q2"]
            )
            text = " ".join(rng.choices(vocab, cum_weights=weights, k=rng.randint(6, 16)))
            events.append(Event(value, text, 100 * e, 100 * e + len(text)))
        out[article_id] = events
    return out


def test_combining_ten_times_the_articles_is_far_from_comparing_every_pair():
    """The same event reported twice is found through an index of dates and words, not by
    comparing every pair of events (100x the time for 10x the articles; 5,000 articles took
    minutes). What is left to compare grows with the library: ten times the articles put ten
    times the reports in each day and year, so each event has more to look at; hence twice
    the linear limit, which comparing every pair is far above."""
    small, large = timelines(300), timelines(3000)
    ratio = growth(
        combine_timelines,
        lambda n: small if n == 300 else large,
        small=300,
        factor=10,
        limit=2 * LIMIT,
    )
    assert ratio <= 2 * LIMIT, ratio


def test_a_report_of_every_rank_still_finds_its_match():
    """Merges across precisions: a year, a quarter, a month, a week and its weekend each
    join the day (or the period) that contains or is contained in them."""
    words = "harbour council budget vote postponed"
    events = {
        1: [Event("2022-03-05", f"The {words} on Saturday.", 0, 10)],
        2: [Event("2022-W09-WE", f"The {words} this weekend.", 0, 10)],
        3: [Event("2022-W09", f"The {words} this week.", 0, 10)],
        4: [Event("2022-03", f"The {words} in March.", 0, 10)],
        5: [Event("2022-Q1", f"The {words} this quarter.", 0, 10)],
        6: [Event("2022", f"The {words} this year.", 0, 10)],
        7: [Event("2021", f"The {words} last year.", 0, 10)],  # another year: its own event
    }
    combined = combine_timelines(events)
    assert [(c.date, sorted(s[0] for s in c.sources)) for c in combined] == [
        ("2021", [7]),
        ("2022-03-05", [1, 2, 3, 4, 5, 6]),
    ]


async def test_the_speakers_screen_shows_a_page_then_the_rest_as_the_cursor_nears(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path, seed=False) as lib:
        lib.conn.execute("BEGIN")
        lib.conn.execute(
            "INSERT INTO articles (title, added, text, content_hash, notes) "
            "VALUES ('t', 'x', 'text', 'h', '')"
        )
        lib.conn.executemany(
            "INSERT INTO quotes (article_id, start, end, text, speaker, kind) "
            "VALUES (1, 0, 1, 'q', ?, 'direct')",
            [(f"Person {i:04d}",) for i in range(2 * PAGE + 50) for _ in range(1 + i % 3)],
        )
        lib.conn.execute("COMMIT")
        everyone = [s.name for s in speaker_index(lib)]
    app = NewsReader(path, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_view("speakers")
        await pilot.pause()
        names = app.screen.query_one("#speaker-list", OptionList)
        assert names.option_count == PAGE  # the most quoted, in the first frame
        for _ in range(3):
            await pilot.press("end")
            await pilot.pause()
        assert names.option_count == len(everyone) == 2 * PAGE + 50
        assert [str(o.id) for o in names.options] == [str(i) for i in range(len(everyone))]
        await pilot.press("enter")
        await pilot.pause()
        title = app.screen.query_one("#speaker-quotes-title")
        assert everyone[-1] in str(title.render())  # the last one, from the last page
