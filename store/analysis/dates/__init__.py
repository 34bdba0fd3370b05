"""Temporal expressions: finding them, giving each a TIMEX3 type and value, and resolving the
relative ones ("Wednesday", "the 28th of last month", "a year earlier") against an anchor day.

Rule-based and regex-driven so a whole article takes about a millisecond. Values follow the
TIMEX3/TimeML conventions: `2022-03-02`, `2022-02`, `2022-W08`, `2022-Q3`, `1989-SU`, `199`
(a decade), `PRESENT_REF`, durations as `P3D`/`PT2H`/`PXY`, sets as `P1D` or `XXXX-WXX-7`.
Resolution is news-style: a bare weekday in past narration is the most recent one, in future
narration the next one; an ordinal day takes the anchor's month unless the text names another;
"the same day"/"the day before" take their reference from the last day named in the paragraph.

The package, by concern: `vocab` (words and pattern pieces), `rules` (the rule table), `days`
(calendar arithmetic), `tense` and `context` (the signals a relative mention resolves by),
`absolute`, `relative` and `durations` (the resolution of each kind of expression, joined in
`resolve`), `finder` (tokens to candidates to mentions) and `periods` (what a value covers).
Pure functions of text: it imports nothing outside the standard library.
"""

from store.analysis.dates.finder import find_dates
from store.analysis.dates.mention import DateMention
from store.analysis.dates.periods import value_period
from store.analysis.dates.tense import looks_ahead

__all__ = ["DateMention", "find_dates", "looks_ahead", "value_period"]
