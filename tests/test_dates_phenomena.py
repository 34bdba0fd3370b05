"""The kinds of temporal expression news uses, each from made-up sentences (never from a gold
set), with the TimeML value each should get: ranges, present, past and future references,
modifiers, fiscal and quarter forms, times with zones, sets, and the choice between a
specific and an unspecified period."""

from __future__ import annotations

import datetime as dt

import pytest

from store.analysis.dates import find_dates

ANCHOR = dt.date(2010, 6, 16)  # a Wednesday in the second quarter


def found(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.value) for m in find_dates(text, anchor)]


# ---------------------------------------------------------------------- ranges and intervals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm was profitable in 2009-2010.", [("2009", "DATE", "2009"),
                                                   ("2010", "DATE", "2010")]),
        ("It was profitable in 1997–1999 too.", [("1997", "DATE", "1997"),
                                                 ("1999", "DATE", "1999")]),
        ("The war lasted from 1939 to 1945.", [("1939", "DATE", "1939"),
                                               ("1945", "DATE", "1945")]),
        ("Sales grew from March to May.", [("March", "DATE", "2010-03"),
                                           ("May", "DATE", "2010-05")]),
        ("He will travel between May and July.", [("May", "DATE", "2011-05"),
                                                  ("July", "DATE", "2010-07")]),
        ("Sales fell in June-August.", [("June", "DATE", "2010-06"),
                                        ("August", "DATE", "2010-08")]),
        ("The talks ran between Monday and Wednesday.", [("Monday", "DATE", "2010-06-14"),
                                                         ("Wednesday", "DATE", "2010-06-16")]),
        ("The vote was held on March 3-4.", [("March 3", "DATE", "2010-03-03"),
                                             ("4", "DATE", "2010-03-04")]),
        ("The summit meets on April 24 and 25, 2011.", [("April 24", "DATE", "2011-04-24"),
                                                        ("25, 2011", "DATE", "2011-04-25")]),
        ("It covers January 2009 to March 2010.", [("January 2009", "DATE", "2009-01"),
                                                   ("March 2010", "DATE", "2010-03")]),
    ],
)
def test_ranges_name_both_ends(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Call 555-2010 for tickets.",  # a phone number
        "Theresa May and Boris Johnson met.",  # the politician, not the month
        "A letter from May to the committee arrived.",
        "He scored 3-4 in the final.",
        "Gates 1-3 are closed.",
    ],
)
def test_what_looks_like_a_range_but_is_not(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices soared in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("Prices crashed in the '80s.", [("the '80s", "DATE", "198")]),
        ("He grew up in the early 1970s.", [("the early 1970s", "DATE", "197")]),
        ("The market rallied in the sixties.", [("the sixties", "DATE", "196")]),
        ("Records fell in the late nineties.", [("the late nineties", "DATE", "199")]),
        ("Shares rose in the 2000s.", [("the 2000s", "DATE", "200")]),
    ],
)
def test_decades(text, expected):
    assert found(text) == expected


def test_an_age_in_words_is_not_a_decade():
    assert found("She is in her sixties and he in his nineties.") == []


# ------------------------------------------------------------ present, past and future refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drug is currently under review.", [("currently", "DATE", "PRESENT_REF")]),
        ("The plan is now on hold.", [("now", "DATE", "PRESENT_REF")]),
        ("At present the plan is on hold.", [("At present", "DATE", "PRESENT_REF")]),
        ("The current crisis deepened.", [("current", "DATE", "PRESENT_REF")]),
        ("The mayor has recently resigned.", [("recently", "DATE", "PAST_REF")]),
        ("Investors fretted about recent declines.", [("recent", "DATE", "PAST_REF")]),
        ("In the past he had served twice.", [("the past", "DATE", "PAST_REF")]),
        ("In the coming years the city will grow.",
         [("the coming years", "DATE", "FUTURE_REF")]),
        ("In the future it may shrink.", [("the future", "DATE", "FUTURE_REF")]),
    ],
)
def test_references_to_the_present_past_and_future(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The current account deficit widened.",
        "The swimmer was swept away by a strong current.",
        "The current of the river was strong.",
        "Current assets exceed current liabilities.",
        "Now, he says, the plan is dead.",  # a discourse marker
    ],
)
def test_words_for_the_present_that_are_not_references(text):
    assert found(text) == []


# ---------------------------------------------------------------------------- modifiers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The team will play in late March.", [("late March", "DATE", "2011-03")]),
        ("The plant opened in mid-2009.", [("mid-2009", "DATE", "2009")]),
        ("A ruling is expected early next week.", [("early next week", "DATE", "2010-W25")]),
        ("Prices fell at the end of last year.", [("the end of last year", "DATE", "2009")]),
        ("He has lived there for more than a decade.",
         [("more than a decade", "DURATION", "P10Y")]),
        ("Unemployment is at its lowest in nearly two years.",
         [("nearly two years", "DURATION", "P2Y")]),
        ("Talks lasted at least 72 hours.", [("at least 72 hours", "DURATION", "PT72H")]),
    ],
)
def test_modifiers_stay_in_the_span_and_leave_the_value(text, expected):
    assert found(text) == expected


# ------------------------------------------------------------------ fiscal and quarter forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the third quarter of fiscal 2009.",
         [("the third quarter of fiscal 2009", "DATE", "2009-Q3")]),
        ("Profit rose in Q4 2009.", [("Q4 2009", "DATE", "2009-Q4")]),
        ("Profit fell in Q1.", [("Q1", "DATE", "2010-Q1")]),
        ("Results for 3Q09 were weak.", [("3Q09", "DATE", "2009-Q3")]),
        ("Revenue for fiscal 2011 will rise.", [("fiscal 2011", "DATE", "2011")]),
        ("The company gave FY2011 guidance.", [("FY2011", "DATE", "2011")]),
        ("The company gave FY 2012 guidance.", [("FY 2012", "DATE", "2012")]),
        ("FY09 was weak.", [("FY09", "DATE", "2009")]),
        ("First-half profit doubled.", [("First-half", "DATE", "2010-H1")]),
        ("Sales rose in H1 2009.", [("H1 2009", "DATE", "2009-H1")]),
        ("Sales will rise in the second half.", [("the second half", "DATE", "2010-H2")]),
        ("It lost money in the quarter ended Sept. 30.",
         [("the quarter", "DATE", "2009-Q3"), ("Sept. 30", "DATE", "2009-09-30")]),
    ],
)
def test_fiscal_and_quarter_forms(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He scored a first-half goal.",  # a match's half, not the year's
        "The Q4 model and the FY button.",
        "Room H1 is on floor 2Q.",
    ],
)
def test_codes_that_name_no_quarter_or_year(text):
    assert [v for _, _, v in found(text) if "Q" in v or "H" in v] == []


# --------------------------------------------------------------------- times with zones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting starts at 3 p.m. EST.", [("3 p.m. EST", "TIME", "2010-06-16T15:00")]),
        ("Polls close at 8 p.m. ET.", [("8 p.m. ET", "TIME", "2010-06-16T20:00")]),
        ("The vote ends at 1600 GMT.", [("1600 GMT", "TIME", "2010-06-16T16:00")]),
        ("It landed at 10:30 a.m. local time (0930 GMT).",
         [("10:30 a.m. local time", "TIME", "2010-06-16T10:30"),
          ("0930 GMT", "TIME", "2010-06-16T09:30")]),
        ("Trading halted at 14:45 UTC.", [("14:45 UTC", "TIME", "2010-06-16T14:45")]),
    ],
)
def test_times_with_zones(text, expected):
    assert found(text) == expected


def test_a_military_time_is_never_a_year():
    assert all(v != "1600" for _, _, v in found("Shelling resumed at 1600 GMT on Monday."))


# ---------------------------------------------------------------------------- sets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council meets every Tuesday.", [("every Tuesday", "SET", "XXXX-WXX-2")]),
        ("The board votes twice a year.", [("twice a year", "SET", "P1Y")]),
        ("The market opens on Saturdays.", [("Saturdays", "SET", "XXXX-WXX-6")]),
        ("Inspections happen each month.", [("each month", "SET", "P1M")]),
        ("Trains run daily to the coast.", [("daily", "SET", "P1D")]),
        ("Buses come every two weeks.", [("every two weeks", "SET", "P2W")]),
        ("The festival is held every summer.", [("every summer", "SET", "XXXX-SU")]),
    ],
)
def test_sets(text, expected):
    assert found(text) == expected


# ------------------------------------------------------- a specific or an unspecified period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a calendar week or year, named from the day of writing
        ("The committee met last week.", [("last week", "DATE", "2010-W23")]),
        ("Prices will rise this year.", [("this year", "DATE", "2010")]),
        ("Prices rose this year.", [("this year", "DATE", "2010")]),
        # the stretch that ends now, told in the perfect: a duration
        ("Sales have risen 5 percent over the past year.",
         [("the past year", "DURATION", "P1Y")]),
        ("Shares have fallen in the last week.", [("the last week", "DURATION", "P1W")]),
        # part of a named month: that week, not the week before the writing
        ("Jobs were cut in the last week of March.",
         [("the last week of March", "DATE", "2010-W12")]),
        ("Talks resume in the first week of July.",
         [("the first week of July", "DATE", "2010-W26")]),
        # a year named earlier is the one "that year" means
        ("In 2005 the plant closed. That year, 300 jobs went.",
         [("2005", "DATE", "2005"), ("That year", "DATE", "2005")]),
    ],
)
def test_specific_or_unspecified_periods(text, expected):
    assert found(text) == expected


# ------------------------------------------------------------------------------ extents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TimeML leaves prepositions and the possessive out of a mention's extent
        ("Sales fell for the past two months.", [("the past two months", "DURATION", "P2M")]),
        ("He served in the past.", [("the past", "DATE", "PAST_REF")]),
        ("Last year's profit was higher.", [("Last year", "DATE", "2009")]),
        ("Now for today's quiz.", [("today", "DATE", "2010-06-16")]),
        ("Friday's vote was close.", [("Friday", "DATE", "2010-06-11")]),
        # "today's" for the present in general is no day
        ("It is a problem for today's youth.", []),
    ],
)
def test_extents_leave_out_prepositions_and_the_possessive(text, expected):
    assert found(text) == expected


def test_a_day_without_a_tense_cue_is_the_nearest_occurrence():
    # "go" tells neither past nor future: November 2 five months ahead, not seven back
    assert found("Voters go to the polls on November 2.") == [
        ("November 2", "DATE", "2010-11-02")]
    # past narration still takes the one gone unless the other is much nearer
    assert found("The polls closed on November 2.") == [("November 2", "DATE", "2009-11-02")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protests continued for a second day on Wednesday.",
         [("Wednesday", "DATE", "2010-06-16")]),  # an ordinal, not one second
        ("The lights went out for a second.", [("a second", "DURATION", "PT1S")]),
        ("The trial will last about six weeks.", [("about six weeks", "DURATION", "P6W")]),
        ("The summit will be held on the 25th.", [("the 25th", "DATE", "2010-06-25")]),
        ("The deal should close by the end of the month.",
         [("the end of the month", "DATE", "2010-06")]),
    ],
)
def test_units_in_context(text, expected):
    assert found(text) == expected
