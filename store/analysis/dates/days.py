"""Calendar arithmetic: safe dates, month shifts, ISO weeks, quarters, seasons, holidays,
and which occurrence of a weekday or a year-less day is meant."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from store.analysis.dates.mention import Date


def safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def iso_week(day: Date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(day: Date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: Date) -> tuple[int, str]:
    m = day.month
    if m in (12, 1, 2):
        return (day.year if m == 12 else day.year - 1), "WI"
    return day.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


SEASON_ORDER = ["WI", "SP", "SU", "FA"]


def _easter(y: int) -> Date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    return Date(y, month, (h + ll - 7 * m + 114) % 31 + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> Date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = Date(y, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = Date(y, month, calendar.monthrange(y, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], Date]] = {
    "christmas eve": lambda y: Date(y, 12, 24),
    "christmas": lambda y: Date(y, 12, 25),
    "new year's eve": lambda y: Date(y, 12, 31),
    "new year's day": lambda y: Date(y, 1, 1),
    "new year's": lambda y: Date(y, 1, 1),
    "halloween": lambda y: Date(y, 10, 31),
    "valentine's day": lambda y: Date(y, 2, 14),
    "independence day": lambda y: Date(y, 7, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "easter": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
}


def weekday_day(anchor: Date, wd: int, direction: str) -> Date:
    """direction: 'past' (on or before), 'future' (on or after), 'last'/'next' (strictly)."""
    delta = (anchor.weekday() - wd) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=delta)
    if direction == "last":
        return anchor - dt.timedelta(days=delta or 7)
    ahead = (wd - anchor.weekday()) % 7
    if direction == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor + dt.timedelta(days=ahead)


# A year-less day is the occurrence the narration's tense points to ("he was last seen Nov. 3"
# written in May is last November) unless the other one is more than a season nearer.
_AGAINST_TENSE = 90


def closest_year(
    anchor: Date, month: int, day: int | None = None, future: bool | None = False
) -> int:
    """The year of a year-less date: the nearest one for a day ("Feb. 23"), the other side
    of the anchor from the narration's tense (`future`; None: no cue) counting a season
    further; for a bare month
    the last one not after the anchor unless the narration looks ahead or it is at most two
    months off ("in March" written in November is the March gone)."""
    if day is not None:
        best, best_gap = anchor.year, None
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            d = safe_date(y, month, min(day, calendar.monthrange(y, month)[1]))
            if d is None:
                continue
            against = future is not None and (d >= anchor) != future
            gap = abs((d - anchor).days) + (_AGAINST_TENSE if against else 0)
            if best_gap is None or gap < best_gap:
                best, best_gap = y, gap
        return best
    ahead = (month - anchor.month) % 12
    if ahead == 0:
        return anchor.year
    if future or ahead <= 2:
        return anchor.year + (1 if month < anchor.month else 0)
    return anchor.year - (1 if month > anchor.month else 0)
