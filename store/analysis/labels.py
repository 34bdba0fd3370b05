"""TIMEX3 values as a person reads them: "Wed 2 Mar 2022", "week of 21 Feb 2022", "Feb 2022".

The timeline pane, the combined timeline and `newsreader timeline` show these words; the ISO
value stays in the JSON output. Pure functions of the value (no clock, no locale lookup), so
the same value always reads the same.
"""

from __future__ import annotations

import datetime as dt
import re

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "MI": "midday"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_HALVES = {"H1": "first half of", "H2": "second half of"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(.+))?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_PART_OF_YEAR = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_CLOCK = re.compile(r"(\d\d):(\d\d)(?::\d\d)?")


def day_words(day: dt.date, *, weekday: bool = True) -> str:
    """`Wed 2 Mar 2022` (or `2 Mar 2022`)."""
    words = f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{_DAY_NAMES[day.weekday()]} {words}" if weekday else words


def time_words(value: str) -> str | None:
    """The time of day a value names: "evening", "14:30"; None when it names none."""
    m = _DAY.fullmatch(value)
    if not m or not m.group(4):
        return None
    part = m.group(4)
    if part in _PARTS:
        return _PARTS[part]
    clock = _CLOCK.match(part)
    if clock:
        hour = int(clock.group(1))
        return "midnight" if hour == 24 else f"{hour:02d}:{clock.group(2)}"
    return None


def _day(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def heading(value: str) -> str:
    """The period a value belongs to, in words: the heading its timeline entries sit under.

    A time of day belongs to its day; anything unreadable is shown as it is."""
    if m := _DAY.fullmatch(value):
        day = _day(m)
        return day_words(day) if day else value
    if m := _WEEK.fullmatch(value):
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return value
        if m.group(3):
            return f"weekend of {day_words(monday + dt.timedelta(days=5), weekday=False)}"
        return f"week of {day_words(monday, weekday=False)}"
    if m := _MONTH.fullmatch(value):
        month = int(m.group(2))
        return f"{_MONTH_NAMES[month - 1]} {m.group(1)}" if 1 <= month <= 12 else value
    if m := _PART_OF_YEAR.fullmatch(value):
        year, part = m.group(1), m.group(2)
        if part[0] == "Q":
            return f"{part} {year}"
        if part in _HALVES:
            return f"{_HALVES[part]} {year}"
        return f"{_SEASONS[part]} {year}"
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0s"
    if re.fullmatch(r"\d{2}", value):
        return f"{int(value) + 1}th century"
    return _REFS.get(value, value)


def date_label(value: str) -> str:
    """A whole value in words: `Wed 2 Mar 2022`, `evening of 1 Mar 2022`, `2 Mar 2022, 14:30`,
    `week of 21 Feb 2022`, `Feb 2022`, `Q3 2022`, `summer 2022`, `2022`."""
    when = time_words(value)
    if when is None:
        return heading(value)
    m = _DAY.fullmatch(value)
    day = _day(m) if m else None
    if day is None:
        return value
    if ":" in when:
        return f"{day_words(day, weekday=False)}, {when}"
    return f"{when} of {day_words(day, weekday=False)}"
