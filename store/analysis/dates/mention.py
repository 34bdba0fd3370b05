"""One temporal expression found in a text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

Date = dt.date


@dataclass(frozen=True)
class DateMention:
    """A span of the text with its TIMEX3 type and value."""

    text: str
    start: int
    end: int
    type: str  # TIMEX3: DATE, TIME, DURATION, SET
    value: str  # normalised TIMEX3 value
    day: Date | None  # the calendar day, when the mention resolves to one specific day
