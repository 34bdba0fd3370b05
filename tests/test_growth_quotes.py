"""Linear time in the quotation finder and its neighbours: 10x the input, at most 20x the time.

Adversarial inputs: long runs of every character class (alone and inside a quotation), and the
cue words and marks the rules look for, repeated. A ratio over the limit is measured again (at
most twice): one run of the large input on a machine shared with other work can stall for a few
milliseconds, while a quadratic scan fails every time.
"""

from __future__ import annotations

from datetime import date

import pytest

from store.analysis.dates import find_dates
from store.analysis.quote_groups import Reported, differing_words, group_quotes
from store.analysis.quote_marks import normalise_marks
from store.analysis.quotes import find_quotes
from store.analysis.said import said_days
from store.analysis.speakers import merge_names
from tests.growth import CHARACTER_RUNS, LIMIT, growth, repeat

REPEATED = {
    "said": "said ",
    "curly-quotation": "\u201ca\u201d ",
    "straight-singles": "'x' ",
    "guillemet": "\u00ab",
    "mr-smith-said": "Mr. Smith said ",
    "backticks": "``",
    "apostrophes-in-words": "players\u2019 don\u2019t \u201990s ",
    "colon-lead-ins": "Smith said:\n\n",
    "open-paragraphs": "\u201cWe won.\n\n",
    # every other style, one quotation in about forty characters
    "curly-singles": "\u2018We won,\u2019 said Ms Hale to them all. ",
    "wire": "''We won,'' said Mr. Smith to them all. ",
    "low-high": "\u201eWe won\u201c, said Mr. Smith to them all. ",
    "reversed-guillemets": "\u00bbWe won,\u00ab said Mr. Smith to them all. ",
}


@pytest.mark.parametrize("unit", list(CHARACTER_RUNS.values()), ids=list(CHARACTER_RUNS))
def test_find_quotes_on_character_runs(unit):
    assert growth(find_quotes, lambda n: repeat(unit, n)) <= LIMIT
    quoted = "Smith said: \u201c{}\u201d"
    assert growth(find_quotes, lambda n: quoted.format(repeat(unit, n))) <= LIMIT


@pytest.mark.parametrize("unit", list(REPEATED.values()), ids=list(REPEATED))
def test_find_quotes_on_repeated_cues_and_marks(unit):
    assert growth(find_quotes, lambda n: repeat(unit, n)) <= LIMIT


@pytest.mark.parametrize("unit", ["'", "\u2018", "\u2019", "''", "``", "\u00ab", " '", "' "])
def test_normalise_marks_on_runs_of_marks(unit):
    assert growth(normalise_marks, lambda n: "\u2018a\u2019 " + repeat(unit, n)) <= LIMIT


# --- names, groups and days: linear in the number of names and quotations -------------------

def _names(n: int, make) -> list[str]:
    return [make(i) for i in range(max(1, n // 16))]


NAME_SETS = {
    "one-surname": lambda i: f"Firstname{i} Smith",
    "initials": lambda i: ("J. Smith", f"John{i} Smith", f"J{i % 26}. Smith")[i % 3],
    "bare-surname": lambda i: "Smith" if i % 2 else f"Ann{i} Smith",
    "one-spelling": lambda i: "Sergey Lavrov",
    "stray-words": lambda i: f"Word{i} Word{i + 1} Hillary Clinton",
    "many-words": lambda i: " ".join(f"Name{i + k}" for k in range(8)),
}


@pytest.mark.parametrize("make", list(NAME_SETS.values()), ids=list(NAME_SETS))
def test_merge_names_on_many_names(make):
    assert growth(merge_names, lambda n: _names(n, make)) <= LIMIT


def _quotes(n: int, make) -> list[Reported]:
    return [make(i) for i in range(max(1, n // 80))]


QUOTE_SETS = {
    "identical": lambda i: Reported("\u201cWe will win this war and then we will rebuild every "
                                    "town in the country,\u201d", None, i),
    "one-word-apart": lambda i: Reported(f"\u201cWe will win this war and then we will rebuild "
                                         f"town{i} in the country,\u201d", "Ann Ruiz", i),
    "unrelated": lambda i: Reported(" ".join(f"w{(i * 7 + k * 13) % 5000}" for k in range(12)),
                                    None, i),
    "one-source": lambda i: Reported("\u201cWe will win this war and then we will rebuild "
                                     "every town,\u201d", None, 1),
    "alternating-people": lambda i: Reported("\u201cWe will win this war and then we will "
                                             "rebuild every town,\u201d", f"Person {i % 2}", i),
}


@pytest.mark.parametrize("make", list(QUOTE_SETS.values()), ids=list(QUOTE_SETS))
def test_group_quotes_on_many_quotations(make):
    assert growth(group_quotes, lambda n: _quotes(n, make)) <= LIMIT


def test_differing_words_on_many_versions_and_long_ones():
    version = "\u201cWe will win this war and then we will rebuild every town,\u201d "
    assert growth(differing_words, lambda n: [version] * max(1, n // len(version))) <= LIMIT
    assert growth(differing_words, lambda n: [repeat("win ", n), repeat("we ", n)]) <= LIMIT


def test_said_days_on_many_dated_quotations():
    unit = "\u201cWe won,\u201d Lavrov said on Tuesday. On Monday, he said: \u201cWe lost.\u201d "

    def days(text: str) -> list:
        return said_days(text, find_quotes(text), find_dates(text, date(2022, 3, 3)))

    assert growth(days, lambda n: repeat(unit, n)) <= LIMIT
