"""Finding, normalising and resolving temporal expressions (store.analysis dates and anchor)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.analysis.anchor import infer_anchor
from store.analysis.dates import DateMention, find_dates, looks_ahead, value_period
from store.article import join_paragraphs

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ANCHOR = dt.date(2022, 3, 2)


def seed_text(index: int) -> str:
    """A seed's news paragraphs as canonical text (the first seed's appeal and script cut)."""
    path = sorted(SEEDS.glob("*.txt"))[index]
    raw = path.read_text(encoding="utf-8").split("Support PREMIUM TIMES")[0]
    return join_paragraphs(raw.splitlines())[0]


def mention_at(mentions: list[DateMention], text: str, phrase: str, context: str) -> DateMention:
    """The mention covering `phrase` inside the first occurrence of `context`."""
    at = text.index(context) + context.index(phrase)
    for m in mentions:
        if m.start <= at < m.end:
            return m
    raise AssertionError(f"no mention at {phrase!r} in {context!r}: {mentions}")


def values(text: str, anchor: dt.date | None = dt.date(1998, 1, 8)) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.value) for m in find_dates(text, anchor)]


# (seed, phrase, context around it, resolved day)
SEED_CASES = [
    (0, "Wednesday", "General Assembly Wednesday approved", "2022-03-02"),
    (0, "last Thursday", "invasion began last Thursday", "2022-02-24"),
    (0, "Monday", "first round of talks ended on Monday", "2022-02-28"),
    (0, "Thursday", "continue talks on Thursday in Belarus", "2022-03-03"),
    (0, "Wednesday", "services said on Wednesday", "2022-03-02"),
    (1, "the 28th of last month", "Belarus on the 28th of last month", "2022-02-28"),
    (1, "the 25th of last month", "troops on the 25th of last month", "2022-02-25"),
    (1, "the 1st", "CNN on the 1st that", "2022-03-01"),
    (1, "February 24", "operation’ on February 24", "2022-02-24"),
    (1, "the 2nd", "announced on the 2nd (local time)", "2022-03-02"),
    (1, "the same day", "New York on the same day", "2022-03-02"),
    (1, "the day before", "announced the day before", "2022-03-01"),
]


@pytest.mark.parametrize(("seed", "phrase", "context", "day"), SEED_CASES)
def test_seed_mentions_resolve_news_style(seed, phrase, context, day):
    text = seed_text(seed)
    m = mention_at(find_dates(text, ANCHOR), text, phrase, context)
    assert m.text == phrase
    assert m.type == "DATE"
    assert m.value == day
    assert m.day == dt.date.fromisoformat(day)
    assert text[m.start : m.end] == m.text


def test_the_seeds_told_together_give_their_own_anchor():
    # "Wednesday" (the vote, first seed) and "on the 2nd" (the vote, second seed) agree only in
    # years where 2 March is a Wednesday; the most recent such year is 2022.
    both = seed_text(0) + "\n\n" + seed_text(1)
    assert infer_anchor(both, near=dt.date(2026, 11, 23)) == ANCHOR


def test_second_seed_names_its_day_and_month():
    assert infer_anchor(seed_text(1), near=dt.date(2022, 6, 1)) == ANCHOR


def test_weekdays_alone_name_no_calendar_day():
    assert infer_anchor(seed_text(0)) is None


@pytest.mark.parametrize(("seed", "phrase", "context", "day"), SEED_CASES)
def test_seed_mentions_resolve_the_same_with_the_inferred_anchor(seed, phrase, context, day):
    anchor = infer_anchor(seed_text(0) + "\n\n" + seed_text(1), near=dt.date(2026, 11, 23))
    text = seed_text(seed)
    assert mention_at(find_dates(text, anchor), text, phrase, context).value == day


def test_seed_week_duration_and_time_of_day():
    first, second = seed_text(0), seed_text(1)
    week = mention_at(find_dates(first, ANCHOR), first, "last week", "Russia last week vetoed")
    assert (week.type, week.value, week.day) == ("DATE", "2022-W08", None)
    found = find_dates(second, ANCHOR)
    assert mention_at(found, second, "three-day", "three-day emergency").value == "P3D"
    tonight = mention_at(found, second, "tonight", "take place tonight")
    assert (tonight.type, tonight.value, tonight.day) == ("TIME", "2022-03-02TNI", ANCHOR)
    seven = mention_at(find_dates(first, ANCHOR), first, "Seven days", "Seven days into")
    assert (seven.type, seven.value) == ("DURATION", "P7D")


def test_mentions_are_sorted_and_do_not_overlap():
    text = seed_text(1)
    found = find_dates(text, ANCHOR)
    assert found == sorted(found, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He is now in Kuwait.", [("now", "DATE", "PRESENT_REF")]),
        (
            "In the last twenty four hours, stocks fell.",
            [("the last twenty four hours", "DURATION", "P1D")],
        ),
        ("Profit rose in the third quarter.", [("the third quarter", "DATE", "1998-Q3")]),
        ("Sales fell last year.", [("last year", "DATE", "1997")]),
        ("Prices doubled in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("It signed a five-year lease.", [("five-year", "DURATION", "P5Y")]),
        ("The plant runs daily.", [("daily", "SET", "P1D")]),
        ("They meet every Sunday.", [("every Sunday", "SET", "XXXX-WXX-7")]),
        ("She left two weeks ago.", [("two weeks ago", "DATE", "1997-12-25")]),
        ("It happened recently.", [("recently", "DATE", "PAST_REF")]),
        ("Talks resume next week.", [("next week", "DATE", "1998-W03")]),
        ("The deal closed Oct. 13, 1989.", [("Oct. 13, 1989", "DATE", "1989-10-13")]),
        ("It was worth more in October.", [("October", "DATE", "1997-10")]),
        ("Crews worked for several years.", [("several years", "DURATION", "PXY")]),
        ("He spoke at 10 a.m. Tuesday.", [("10 a.m. Tuesday", "TIME", "1998-01-06T10:00")]),
        (
            "The winter of nineteen ninety-four was cold.",
            [("The winter of nineteen ninety-four", "DATE", "1994-WI")],
        ),
        ("A 6-year-old boy and a quarter of the vote.", []),
        ("The next day, they met.", [("The next day", "DATE", "1998-01-09")]),
        ("Shares fell over the weekend.", [("the weekend", "DATE", "1998-W01-WE")]),
        ("Section 2022 of the code.", []),
        ("Over the next couple of years", [("the next couple of years", "DURATION", "P2Y")]),
    ],
)
def test_timex3_conventions(text, expected):
    assert values(text) == expected


def test_bare_weekday_follows_the_tense():
    anchor = dt.date(2022, 3, 2)  # a Wednesday
    past = find_dates("The talks ended on Monday.", anchor)[0]
    future = find_dates("The talks will resume on Monday.", anchor)[0]
    assert past.value == "2022-02-28"
    assert future.value == "2022-03-07"


def test_ordinal_day_past_the_anchor_day_is_last_month_in_past_narration():
    found = find_dates("The ship sank on the 28th (local time).", dt.date(2022, 3, 2))
    assert found[0].value == "2022-02-28"


def test_a_weekday_named_with_a_date_picks_the_year():
    found = find_dates("The vote on Wednesday, March 2 was close.", dt.date(2021, 12, 20))
    assert found[0].value == "2022-03-02"


def test_without_anchor_relative_mentions_stay_unresolved():
    text = "On Wednesday, three days after March 1, 2022, talks began on the 4th."
    found = find_dates(text, None)
    by_text = {m.text: m for m in found}
    assert by_text["Wednesday"].value == "XXXX-WXX-3"
    assert by_text["Wednesday"].day is None
    assert by_text["March 1, 2022"].day == dt.date(2022, 3, 1)
    assert by_text["the 4th"].value == "XXXX-XX-04"


def test_text_without_dates_gives_nothing():
    assert find_dates("The cat sat on the mat and 141 countries voted.", ANCHOR) == []
    assert find_dates("", ANCHOR) == []
    assert infer_anchor("No dates here at all.") is None


def test_dates_that_do_not_exist_are_never_days():
    found = find_dates("It was signed on February 30, 2021 and on 2021-13-45.", ANCHOR)
    assert all(m.day is None for m in found)
    assert not any("2021-02-30" in m.value or "13-45" in m.value for m in found)


def test_far_away_years_do_not_break_anything():
    found = find_dates("Rome fell in 476; the treaty runs to March 3, 2450 and 1066.", ANCHOR)
    for m in found:
        if m.day is not None:
            assert 1 <= m.day.year <= 9999
    assert infer_anchor("The treaty of March 3, 2450 was signed on March 1, 2450.") is None


def test_a_table_of_date_like_numbers_is_handled_linearly():
    rows = [
        f"{i} {i % 12 + 1}/{i % 28 + 1}/{1990 + i % 30} {i % 24}:{i % 60:02d} 20{i % 100:02d}"
        for i in range(3000)
    ]
    text = "\n".join(rows)
    found = find_dates(text, ANCHOR)
    assert len(found) >= 3000
    assert all(text[m.start : m.end] == m.text for m in found)
    assert infer_anchor(text, near=ANCHOR) is not None


def test_repetitive_text_does_not_backtrack():
    text = ("the " * 5000) + ("a few more than " * 2000) + "1st " * 2000
    assert isinstance(find_dates(text, ANCHOR), list)
    # Runs of date words once made some rules rescan the whole run at every word.
    assert len(find_dates("1999 " * 3000, ANCHOR)) == 3000
    quarters = find_dates("the year-earlier fiscal third quarter of 1989; " * 300, ANCHOR)
    assert len(quarters) == 300
    assert {m.value for m in quarters} == {"1988-Q3"}
    assert len(find_dates("Monday " * 2000, ANCHOR)) >= 1000


def test_dateline_names_the_day_of_writing():
    text = "WASHINGTON, August 11 (Xinhua) --\n\nThe talks ended on Tuesday, officials said."
    assert infer_anchor(text, near=dt.date(1998, 12, 31)) == dt.date(1998, 8, 11)


def test_explicit_full_date_anchors_a_text():
    text = "The law was passed on March 2, 2022. Officials said on Wednesday it would help."
    assert infer_anchor(text, near=dt.date(2024, 1, 1)) == dt.date(2022, 3, 2)


def test_looks_ahead_reads_the_sentence():
    text = "Talks ended Monday. Both sides are set to meet again on Thursday."
    monday, thursday = text.index("Monday"), text.index("Thursday")
    assert looks_ahead(text, [(monday, monday + 6), (thursday, thursday + 8)]) == [False, True]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-02", (dt.date(2022, 3, 2), dt.date(2022, 3, 2), 0)),
        ("2022-W08", (dt.date(2022, 2, 21), dt.date(2022, 2, 27), 1)),
        ("2022-02", (dt.date(2022, 2, 1), dt.date(2022, 2, 28), 2)),
        ("1989-Q3", (dt.date(1989, 7, 1), dt.date(1989, 9, 30), 3)),
        ("1989", (dt.date(1989, 1, 1), dt.date(1989, 12, 31), 4)),
        ("PRESENT_REF", None),
        ("P3D", None),
        ("2022-02-30", None),
    ],
)
def test_value_period(value, expected):
    assert value_period(value) == expected


def test_offsets_survive_characters_that_change_length_when_lowercased():
    text = "İİİ İstanbul talks ended on Monday, March 1, 2021 — ΣΑΣ."
    found = find_dates(text, ANCHOR)
    assert [m.text for m in found] == ["Monday, March 1, 2021"]
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence-initial "Now," or "Now for" moves the story on; it names no time
        ("Now, the mayor says, the bridge is safe.", []),
        ("Now for the weather.", []),
        ("Now with the bridge open, traffic flows.", [("Now", "DATE", "PRESENT_REF")]),
        # a bare relational "earlier" points at another event, not at a time
        ("Earlier, the mayor had opened the bridge.", []),
        (
            "Earlier this week, the mayor opened the bridge.",
            [("Earlier this week", "DATE", "1998-W02")],
        ),
        # "the future of" is the noun for prospects
        ("It matters to the future of the town.", []),
        ("Prices may rise in the future.", [("the future", "DATE", "FUTURE_REF")]),
        # "daily" naming a newspaper is no SET
        ("The party daily Pravda said so.", []),
        ("The daily reported the fire.", []),
    ],
)
def test_words_that_only_look_temporal(text, expected):
    assert values(text) == expected


def test_a_year_less_day_follows_the_tense_of_its_sentence():
    anchor = dt.date(1999, 5, 7)
    assert values("He was last seen Nov. 3 near the border.", anchor)[0][2] == "1998-11-03"
    assert values("The plant will open Nov. 3 after repairs.", anchor)[0][2] == "1999-11-03"
    # a fiscal year "ended" on a day lies behind the telling
    assert values("Revenue for the year ended March 31 rose.", dt.date(1989, 11, 1))[-1][2] == (
        "1989-03-31"
    )
    # the nearest day still wins when the other reading is far off
    assert values("The plant will reopen May 2.", anchor)[0][2] == "1999-05-02"


def test_a_month_set_as_a_limit_is_the_coming_one():
    anchor = dt.date(1989, 10, 30)
    assert values("It must repay the loan by February.", anchor)[0][2] == "1990-02"
    assert values("The bank extended credit through January.", anchor)[0][2] == "1990-01"
    # a limit half a year or more behind is the one just gone
    assert values("Sales rose this year through August.", anchor)[-1][2] == "1989-08"
    # a perfect tense looks back from the limit
    assert values("Prices had fallen by February.", anchor)[0][2] == "1989-02"


def test_a_sentence_opening_weekday_takes_the_intention_that_follows():
    anchor = dt.date(1998, 10, 26)  # a Monday
    assert values("On Tuesday, the league plans to hold a rally.", anchor)[0][2] == "1998-10-27"
    assert values("On Tuesday, the league held a rally.", anchor)[0][2] == "1998-10-20"


def test_that_year_refers_to_the_last_year_named():
    found = values("She fled in June 1995 and returned later that year.", dt.date(2000, 1, 28))
    assert found == [("June 1995", "DATE", "1995-06"), ("later that year", "DATE", "1995")]
    found = values("It opened on May 3, 1990; the same year it closed.", dt.date(2000, 1, 28))
    assert found[-1] == ("the same year", "DATE", "1990")


def test_year_end_is_the_closing_day_of_the_year():
    anchor = dt.date(1989, 11, 2)
    assert values("The deal should close by year-end.", anchor) == [
        ("year-end", "DATE", "1989-12-31")
    ]
    assert values("The index has risen since year-end.", anchor) == [
        ("year-end", "DATE", "1988-12-31")
    ]
    assert values("Sales rose by the end of the year.", anchor)[0][2] == "1989"
    assert values("Sales rose 5% year-to-date.", anchor)[0][1:] == ("DURATION", "P1Y")


def test_a_report_compares_with_the_stretch_it_last_named():
    anchor = dt.date(1989, 10, 26)
    text = (
        "Profit rose in the third quarter from a year earlier. For the nine months, net "
        "was $5 million, up from $4 million a year earlier. In the year-earlier period, "
        "sales fell. Net for the year-earlier nine months included a gain."
    )
    assert [v[1:] for v in values(text, anchor)] == [
        ("DATE", "1989-Q3"),
        ("DATE", "1988-Q3"),
        ("DURATION", "P9M"),
        ("DATE", "1988"),
        ("DURATION", "P9M"),
        ("DURATION", "P9M"),
    ]


def test_a_unit_compounded_into_a_modifier_names_no_time():
    assert values("The quarter-to-quarter comparison and day-to-day work improved.") == []


def test_anaphoric_days_reach_back_past_the_paragraph():
    anchor = dt.date(1989, 10, 30)  # a Monday
    text = (
        "Shares closed lower Friday.\n\nLondon was hit by overnight losses in New York.\n\n"
        "The index ended down 4.5% from the previous Friday."
    )
    found = values(text, anchor)
    assert found[-1] == ("the previous Friday", "DATE", "1989-10-20")
    # a bare weekday in a new paragraph still counts from the anchor
    text = "Shares closed lower Friday.\n\nThey fell again on Thursday."
    assert values(text, anchor)[-1] == ("Thursday", "DATE", "1989-10-26")


def test_plans_look_ahead_unless_seen_from_the_past_of_the_past():
    anchor = dt.date(1989, 10, 30)  # a Monday
    assert values("Protesters planned a rally on Saturday.", anchor)[0][2] == "1989-11-04"
    assert values("The offer is due to expire Friday.", anchor)[0][2] == "1989-11-03"
    assert values("The offer had been due to expire Friday.", anchor)[0][2] == "1989-10-27"


def test_a_present_tense_right_before_a_bare_day_tells_a_schedule():
    anchor = dt.date(1998, 5, 1)  # a Friday
    assert values("Trading resumes Monday.", anchor)[0][2] == "1998-05-04"
    assert values("The two leaders meet separately Monday.", anchor)[0][2] == "1998-05-04"
    assert values("The two leaders met separately Monday.", anchor)[0][2] == "1998-04-27"
    assert values("It had been due to expire Monday.", anchor)[0][2] == "1998-04-27"


def test_the_following_year_shifts_from_the_year_the_story_is_on():
    anchor = dt.date(1989, 10, 26)
    assert values("In 1985, profit rose. The following year, it fell.", anchor)[-1] == (
        "The following year",
        "DATE",
        "1986",
    )
    assert values("It opened on March 3, 1987 and closed the following month.", anchor)[-1] == (
        "the following month",
        "DATE",
        "1987-04",
    )
    # with nothing named before, the anchor is the reference
    assert values("Sales rose the following week.", anchor)[0][2] == "1989-W44"


def test_a_plural_period_is_not_one_quarter():
    assert values("Income rose over comparable periods in 1988.") == [("1988", "DATE", "1988")]
    assert values("Income rose over the comparable period.", dt.date(1989, 10, 26))[0][2] == (
        "1989-Q3"
    )
