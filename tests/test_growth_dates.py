"""The date finder and the anchor inference take linear time on any text: every run of one
character class and every keyword the rules look for, repeated, grows at most LIMIT times
slower on ten times the text (see tests/growth.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from store.analysis.anchor import infer_anchor
from store.analysis.dates import find_dates
from tests.growth import CHARACTER_RUNS, LIMIT, growth, repeat

ANCHOR = dt.date(2010, 6, 16)

# One of each thing a rule keys on, with what follows it in a sentence: the cores (months,
# weekdays, years, units, clock times, codes), the words around them (modifiers, tense cues,
# range links) and the forms that refer back to an earlier mention.
KEYWORDS = [
    "Monday ", "every Tuesday ", "last week ", "the weekend ", "2022 ", "2009-2010-", "mid-",
    "'80s ", "1990s ", "the sixties ", "nineteen ninety ", "the 1st ", "March 3, ",
    "March 3-4-5-", "April 24 and ", "Dec. ", "12/03/2010 ", "2010-06-16 ", "May ",
    "from May to ", "a.m. ", "10:30 ", "1600 GMT ", "now ", "current ", "recent declines ",
    "in the coming years ", "today's ", "three days ago ", "the day before ", "a year earlier ",
    "the third quarter ", "the first nine months ", "Q3 ", "4Q09 ", "H1 ", "FY2010 ",
    "the last week of March ", "the end of the ", "more than a decade ", "two weeks ",
    "twice a year ", "early ", "said on ", "will ", "had been due to ", "3-", "-",
]


def _find(text: str) -> object:
    return find_dates(text, ANCHOR)


def _anchor(text: str) -> object:
    return infer_anchor(text, ANCHOR)


@pytest.mark.parametrize("fn", [_find, _anchor], ids=["find_dates", "infer_anchor"])
@pytest.mark.parametrize("unit", list(CHARACTER_RUNS.values()), ids=list(CHARACTER_RUNS))
def test_character_runs_take_linear_time(fn, unit):
    assert growth(fn, lambda n: repeat(unit, n)) <= LIMIT


@pytest.mark.parametrize("fn", [_find, _anchor], ids=["find_dates", "infer_anchor"])
@pytest.mark.parametrize("unit", KEYWORDS)
def test_repeated_keywords_take_linear_time(fn, unit):
    assert growth(fn, lambda n: repeat(unit, n)) <= LIMIT
