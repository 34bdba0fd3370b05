"""Which value period a TIMEX3 value covers, for ordering and grouping on a timeline."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from store.analysis.dates.mention import Date


def value_period(value: str) -> tuple[Date, Date, int] | None:
    """The first and last day a DATE/TIME value covers and its granularity rank
    (0 day, 1 week, 2 month, 3 quarter/season/half, 4 year); None for vague or non-calendar
    values (durations, PRESENT_REF, decades)."""
    try:
        m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
        if m:
            d = Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d, 0
        m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
        if m:
            start = Date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return start + dt.timedelta(days=5), start + dt.timedelta(days=6), 1
            return start, start + dt.timedelta(days=6), 1
        m = re.fullmatch(r"(\d{4})-(\d\d)", value)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return Date(y, mo, 1), Date(y, mo, calendar.monthrange(y, mo)[1]), 2
        m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value)
        if m:
            y, p = int(m.group(1)), m.group(2)
            if p[0] == "Q":
                q = int(p[1])
                first = Date(y, 3 * q - 2, 1)
                return first, Date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), 3
            if p[0] == "H":
                return (Date(y, 1, 1), Date(y, 6, 30), 3) if p == "H1" else (
                    Date(y, 7, 1), Date(y, 12, 31), 3)
            months = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}.get(p)
            if months:
                return Date(y, months[0], 1), Date(y, months[1], 30 if months[1] == 11 else 31), 3
            return Date(y, 12, 1), Date(y + 1, 2, 28), 3
        m = re.fullmatch(r"(\d{4})", value)
        if m:
            y = int(m.group(1))
            return Date(y, 1, 1), Date(y, 12, 31), 4
    except ValueError:
        return None
    return None
