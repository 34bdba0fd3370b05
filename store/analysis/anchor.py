"""Inferring an article's publication day from what its text says.

Each date mention constrains the day the text was written: an explicit date ("February 24",
"March 2, 2022") was at most a few weeks before it, "on the 2nd" falls in its month on or
before it, "the 28th of last month" in the month before, and a bare "Wednesday" told in the
past tense is that day or the day before. Every candidate day near the explicit dates is
scored by how well all mentions agree with it; weekday agreement is what picks the year when
the text names none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from store.analysis.dates import find_dates, looks_ahead

Date = dt.date

YEARS_BACK = 30  # how far before `near` a year-less date may lie
WINDOW = 45  # days after an explicit date the text may still have been written
MAX_CLUES = 60  # distinct mentions weighed (a long table of dates needs no more)
MAX_MENTIONS = 400  # mentions read for clues, from the top: where the dateline and lead are
MAX_STARTS = 40  # explicit dates whose following weeks are searched


@dataclass(frozen=True)
class _Clue:
    kind: str  # full, monthday, ordinal, weekday, year
    ahead: bool  # told as future
    dateline: bool = False  # "WASHINGTON, August 11 (Xinhua) --": the day of writing itself
    month: int = 0
    day: int = 0
    year: int = 0
    shift: int = 0  # ordinal: months from the anchor's ("of last month": -1)
    weekday: int = 0
    exact: Date | None = None


_FULL = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")
_MONTHDAY = re.compile(r"XXXX-(\d\d)-(\d\d)$")
_ORDINAL = re.compile(r"XXXX-XX-(\d\d)$")
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])$")
_YEAR = re.compile(r"(\d{4})$")
_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|-\s|\n|:)")


def _clues(text: str, near: Date) -> list[_Clue]:
    clues = []
    mentions = [d for d in find_dates(text, None) if d.type in ("DATE", "TIME")][:MAX_MENTIONS]
    aheads = looks_ahead(text, [(d.start, d.end) for d in mentions])
    for d, ahead in zip(mentions, aheads, strict=True):
        value = d.value.split("T")[0]
        low = d.text.lower()
        dateline = d.start < 200 and bool(_DATELINE.match(text, d.end))
        if m := _FULL.match(value):
            day = Date(int(m[1]), int(m[2]), int(m[3]))
            if near.year - YEARS_BACK <= day.year <= near.year + 1:
                clues.append(_Clue("full", ahead, dateline, exact=day))
        elif m := _MONTHDAY.match(value):
            clues.append(_Clue("monthday", ahead, dateline, month=int(m[1]), day=int(m[2])))
        elif m := _ORDINAL.match(value):
            shift = (
                -1
                if re.search(r"\b(?:last|previous)\s+month", low)
                else (1 if "next month" in low else 0)
            )
            clues.append(_Clue("ordinal", ahead, day=int(m[1]), shift=shift))
        elif (m := _WEEKDAY.match(value)) and not re.match(r"(?:last|next|this)\b", low):
            clues.append(_Clue("weekday", ahead, weekday=int(m[1]) - 1))
        elif (m := _YEAR.match(value)) and near.year - YEARS_BACK <= int(m[1]) <= near.year:
            clues.append(_Clue("year", ahead, year=int(m[1])))
    return clues


def _gap_score(gap: int, dateline: bool = False) -> float:
    """How well an event `gap` days before the writing fits news reporting."""
    if gap < 0:
        return -1.0
    if dateline:
        return 8.0 if gap == 0 else (2.0 if gap == 1 else -2.0)
    if gap <= 1:
        return 3.0
    if gap <= 7:
        return 2.0
    if gap <= 31:
        return 1.0
    return 0.0


def _month_shift(c: Date, k: int) -> tuple[int, int]:
    i = c.year * 12 + c.month - 1 + k
    return i // 12, i % 12 + 1


def _fit(clue: _Clue, c: Date) -> float:
    if clue.kind == "full":
        gap = (c - clue.exact).days
        if clue.ahead and gap < 0:
            return 0.5 if -gap <= 60 else 0.0
        return _gap_score(gap, clue.dateline)
    if clue.kind == "monthday":
        best = -1.0
        for y in (c.year - 1, c.year, c.year + 1):
            try:
                d = Date(y, clue.month, clue.day)
            except ValueError:
                continue
            gap = (c - d).days
            if gap < 0:
                score = 0.5 if clue.ahead and -gap <= 60 else -1.0
            else:
                score = _gap_score(gap, clue.dateline)
            best = max(best, score)
        return best
    if clue.kind == "ordinal":
        y, m = _month_shift(c, clue.shift)
        try:
            d = Date(y, m, clue.day)
        except ValueError:
            return -2.0
        gap = (c - d).days
        if clue.shift == 0:
            return _gap_score(gap) if not clue.ahead else (0.5 if gap <= 0 else -0.5)
        return 2.0 if 0 <= gap <= 62 else -1.0
    if clue.kind == "weekday":
        back = (c.weekday() - clue.weekday) % 7
        if clue.ahead:
            return 0.5 if back in (5, 6) else 0.0
        return 2.0 if back == 0 else (1.0 if back == 1 else 0.0)
    if clue.kind == "year":
        if c.year == clue.year:
            return 2.0
        if c.year < clue.year:
            return 0.0 if clue.ahead else -1.0
        return 0.5 if c.year - clue.year <= 5 else 0.0
    return 0.0


def _candidates(clues: list[_Clue], near: Date) -> set[Date]:
    starts: list[Date] = []
    for clue in clues:
        if clue.kind == "full":
            starts.append(clue.exact)
        elif clue.kind == "monthday":
            for y in range(near.year - YEARS_BACK, near.year + 1):
                try:
                    starts.append(Date(y, clue.month, clue.day))
                except ValueError:
                    continue
    days: set[Date] = set()
    for s in sorted(set(starts))[-MAX_STARTS:]:
        for k in range(WINDOW + 1):
            day = s + dt.timedelta(days=k)
            if day <= near:
                days.add(day)
    return days


def infer_anchor(text: str, near: Date | None = None) -> Date | None:
    """The day `text` was most likely written, or None when it names no calendar date.
    `near` (default today) is the latest possible day and picks among equally good years."""
    if not text or not isinstance(text, str):
        return None
    near = near or Date.today()
    counted: dict[_Clue, int] = {}
    for clue in _clues(text, near):
        if clue in counted or len(counted) < MAX_CLUES:
            counted[clue] = counted.get(clue, 0) + 1
    clues = list(counted.items())
    candidates = _candidates([c for c, _ in clues], near)
    if not candidates:
        return None
    best, best_score = None, float("-inf")
    for c in sorted(candidates, reverse=True):  # latest first: ties keep the most recent day
        score = sum(_fit(clue, c) * n for clue, n in clues)
        if score > best_score:
            best, best_score = c, score
    return best
