"""The reading context of one document: its anchor, sentence and paragraph bounds, and what
earlier mentions named (the last day, quarter, year, reporting period) for later ones."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from store.analysis.dates.mention import Date
from store.analysis.dates.tense import FUTURE_NEAR, TenseCues


@dataclass
class Context:
    """What later mentions can take their reference from."""

    text: str
    anchor: Date | None
    sentence_bounds: list[int]
    paragraph_bounds: list[int]
    cues: TenseCues
    last_day: Date | None = None
    last_day_para: int = -1
    last_quarter: tuple[int, int] | None = None
    # a report's stretch of months ("the first nine months": "P9M") named after its quarter;
    # "a year earlier" and "the year-earlier period" then compare with that stretch
    period: str | None = None
    last_year: int | None = None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_bounds, pos)
        s = self.sentence_bounds[i - 1] if i else 0
        e = self.sentence_bounds[i] if i < len(self.sentence_bounds) else len(self.text)
        return s, e

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_bounds, pos)

    def future(self, start: int, end: int) -> bool:
        s, e = self.sentence(start)
        if self.text.startswith(("'s", "’s"), end):
            # "Wednesday's ruling" is looked back on unless the words right before say otherwise
            return bool(FUTURE_NEAR.search(self.text[max(s, start - 30) : start]))
        return self.cues.is_future(s, start, end, e)

    def tense(self, start: int, end: int) -> bool | None:
        """Like `future`, but None when the sentence has no tense cue at all."""
        if self.text.startswith(("'s", "’s"), end):
            return self.future(start, end)
        s, e = self.sentence(start)
        return self.cues.narration(s, start, end, e)

    def reference_day(self, pos: int, anaphoric: bool = False) -> Date | None:
        """The last day named earlier in the same paragraph, else the anchor. An `anaphoric`
        mention ("the previous Friday", "the day after", "three days later") needs an
        antecedent, so it takes the last day named wherever that was; "the same day" does
        not count as one, outside its paragraph it is the story's own day."""
        if self.last_day is not None and (anaphoric or self.last_day_para == self.paragraph(pos)):
            return self.last_day
        return self.anchor


Result = tuple[str, str, Date | None] | None  # (type, value, day)


def day_value(day: Date | None, fallback: str = "XXXX-XX-XX") -> tuple[str, Date | None]:
    return (day.isoformat(), day) if day else (fallback, None)
