"""Linear time in the quotation finder and its neighbours: 10x the input, at most 20x the time.

Adversarial inputs: long runs of every character class (alone and inside a quotation), and the
cue words and marks the rules look for, repeated. A ratio over the limit is measured again (at
most twice): one run of the large input on a machine shared with other work can stall for a few
milliseconds, while a quadratic scan fails every time.
"""

from __future__ import annotations

import pytest

from store.analysis.quote_marks import normalise_marks
from store.analysis.quotes import find_quotes
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


def linear(fn, make) -> float:
    """The growth ratio, measured up to three times while it is over the limit."""
    ratio = growth(fn, make)
    for _ in range(2):
        if ratio <= LIMIT:
            break
        ratio = min(ratio, growth(fn, make))
    return ratio


@pytest.mark.parametrize("unit", list(CHARACTER_RUNS.values()), ids=list(CHARACTER_RUNS))
def test_find_quotes_on_character_runs(unit):
    assert linear(find_quotes, lambda n: repeat(unit, n)) <= LIMIT
    quoted = "Smith said: \u201c{}\u201d"
    assert linear(find_quotes, lambda n: quoted.format(repeat(unit, n))) <= LIMIT


@pytest.mark.parametrize("unit", list(REPEATED.values()), ids=list(REPEATED))
def test_find_quotes_on_repeated_cues_and_marks(unit):
    assert linear(find_quotes, lambda n: repeat(unit, n)) <= LIMIT


@pytest.mark.parametrize("unit", ["'", "\u2018", "\u2019", "''", "``", "\u00ab", " '", "' "])
def test_normalise_marks_on_runs_of_marks(unit):
    assert linear(normalise_marks, lambda n: "\u2018a\u2019 " + repeat(unit, n)) <= LIMIT
