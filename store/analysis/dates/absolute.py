"""Resolving the dates a text names outright or nearly so: ISO and slashed dates, month and
day with or without a year, months, years, spoken years, decades, centuries, halves,
seasons, holidays, quarters and year-ends."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from store.analysis.dates.context import Context, Result
from store.analysis.dates.days import HOLIDAYS, closest_year, iso_week, quarter_of, safe_date
from store.analysis.dates.vocab import (
    FINANCE_NOUN,
    MONTH,
    SEASONS,
    month_number,
    ordinal_day,
    weekday_number,
    year_number,
)


def _iso(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    d = safe_date(int(g(1)), int(g(2)), int(g(3)))
    if d is None:
        return None
    if g(4):
        return "TIME", f"{d.isoformat()}T{g(4)}:{g(5)}", d
    return "DATE", d.isoformat(), d


def _slash(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    y = int(g(3))
    if y < 100:
        y += 1900 if y > 30 else 2000
    mm, dd = int(g(1)), int(g(2))
    d = safe_date(y, mm, dd) or safe_date(y, dd, mm)
    return ("DATE", d.isoformat(), d) if d else None


def _mdy(m: re.Match[str], ctx: Context) -> Result:
    """Groups: weekday, month, day, year ("Tuesday, March 3, 2020")."""
    return _month_day(m, ctx, m.group(1), m.group(2), m.group(3), m.group(4))


def _dmy(m: re.Match[str], ctx: Context) -> Result:
    """Groups: weekday, day, month, year ("Tuesday the 3rd of March 2020")."""
    return _month_day(m, ctx, m.group(1), m.group(3), m.group(2), m.group(4))


_RANGE_YEAR = re.compile(
    r"\s*(?:[-–]|and|to|or|through)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+((?:1[5-9]|20)\d\d)(?!\d)",
    re.IGNORECASE)


_ENDED = re.compile(r"\bended\s+(?:on\s+)?$", re.IGNORECASE)


def _month_day(
    m: re.Match[str], ctx: Context, wd: str | None, mon: str, dnum: str, yr: str | None
) -> Result:
    a = ctx.anchor
    month, day_n = month_number(mon), ordinal_day(dnum)
    if day_n is None:
        return None
    if not yr and (shared := _RANGE_YEAR.match(ctx.text, m.end())):
        yr = shared.group(1)  # "April 24-25, 2011": the year after the range is both ends'
    if yr:
        y = year_number(yr, a)
        ctx.last_year = y  # "that year" later on means this one
    elif a and _ENDED.search(ctx.text, max(0, m.start() - 12), m.start()):
        # "the quarter ended Sept. 30": a period that has ended closed on a day gone by
        y = a.year if (month, day_n) <= (a.month, a.day) else a.year - 1
    elif a:
        y = closest_year(a, month, day_n, ctx.tense(m.start(), m.end()))
    elif ctx.last_year:
        y = ctx.last_year
    else:
        y = None
    if y is None:
        if day_n > calendar.monthrange(2000, month)[1]:  # 2000: a leap year
            return None
        return "DATE", f"XXXX-{month:02d}-{day_n:02d}", None
    d = safe_date(y, month, day_n)
    if d is None:
        return None
    if wd and not yr and a and d.weekday() != weekday_number(wd):
        # The weekday picks the year when the text gives none.
        for yy in (y - 1, y + 1):
            dd = safe_date(yy, month, day_n)
            if dd and dd.weekday() == weekday_number(wd):
                d = dd
                break
    return "DATE", d.isoformat(), d


def _my(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    g = m.group
    y = year_number(g(2), a)
    if y is None:
        return None
    ctx.last_year = y
    return "DATE", f"{y}-{month_number(g(1)):02d}", None


def _month(m: re.Match[str], ctx: Context) -> Result:
    return _month_in_year(m, ctx, m.group(2), (m.group(1) or "").lower())


# "March to May", "June-May": the far end of a range needs its near end, a month, just before
_RANGE_LINK = re.compile(r"(?:\bto|\band|\bthrough|\btill|\bor|[-–])\s*$")
_MONTH_BEFORE_LINK = re.compile(
    MONTH + r"\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\s*(?:to|and|through|till|or|[-–])"
    r"\s*$", re.IGNORECASE)


def _month_may(m: re.Match[str], ctx: Context) -> Result:
    low = m.group().lower()
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if _RANGE_LINK.search(before) and not _MONTH_BEFORE_LINK.search(before):
        return None
    mon = re.search(r"may", low, re.IGNORECASE).group()
    return _month_in_year(m, ctx, mon, low.split()[0] if " " in low else "")


def _month_in_year(m: re.Match[str], ctx: Context, mon: str, rel: str) -> Result:
    """A month without a year: the occurrence that `rel` ("last", "next", ...) or the
    narration's tense points to."""
    a = ctx.anchor
    month = month_number(mon)
    if rel in ("every", "each"):
        return "SET", f"XXXX-{month:02d}", None
    if not a:
        return "DATE", f"XXXX-{month:02d}", None
    if rel in ("last", "this past"):
        y = a.year if month < a.month else a.year - 1
    elif rel in ("next", "this coming"):
        y = a.year if month > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        soon = (month - a.month) % 12 <= 6 and _deadline(ctx, m.start())
        y = closest_year(a, month, None, soon or ctx.future(m.start(), m.end()))
    return "DATE", f"{y}-{month:02d}", None


_DEADLINE = re.compile(
    r"\b(?:by|until|till|through)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE
)
_PERFECT = re.compile(r"\b(?:had|has|have)\b", re.IGNORECASE)


def _deadline(ctx: Context, start: int) -> bool:
    """"pay it down by February", "loans through January": a limit set ahead of the telling,
    hence the coming occurrence when that is at most half a year off, unless a perfect tense
    looks back from it ("had fallen by March")."""
    s, _ = ctx.sentence(start)
    before = ctx.text[max(s, start - 60) : start]
    return bool(_DEADLINE.search(before)) and not _PERFECT.search(before)


def _year(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    y = int(g(1))
    ctx.last_year = y
    return "DATE", str(y), None


def _spoken_year(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    g = m.group
    y = year_number(g(1), a)
    if y is None:
        return None
    return "DATE", str(y), None


def _decade(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    g = m.group
    raw = g(1) or g(2)
    y = (year_number(raw, a) or 1900) if raw.startswith("'") else int(raw)
    return "DATE", str(y)[:3], None


def _century(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    g = m.group
    if g(3):
        if not a:
            return "DATE", "XX", None
        c = a.year // 100 + {"this": 0, "next": 1}.get(g(3).lower(), -1)
        if g(3).lower() in ("the last", "the past"):
            return "DURATION", "P1C", None
        return "DATE", f"{c:02d}", None
    n = int(g(1)) if g(1) else {"eighteenth": 18, "nineteenth": 19, "twentieth": 20}.get(
        g(2).lower(), 21
    )
    return "DATE", f"{n - 1:02d}", None


def _half(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    g = m.group
    h = 1 if g(1).lower() == "first" else 2
    if g(2):
        y = int(g(2))
    elif not a:
        return "DATE", f"XXXX-H{h}", None
    else:
        y = a.year + {"last": -1, "next": 1}.get((g(3) or "").lower(), 0)
    return "DATE", f"{y}-H{h}", None


def _season(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    g = m.group
    season_word = (g(1) or g(4) or g(5)).lower()
    code = SEASONS[season_word]
    yr = g(2) or g(3)
    if yr:
        y = year_number(yr, a)
    elif a:
        y = a.year
    else:
        return "DATE", f"XXXX-{code}", None
    return "DATE", f"{y}-{code}", None


def _holiday(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    g = m.group
    key = re.sub(r"\s+", " ", g(2).lower())
    base = key
    for k in HOLIDAYS:
        if key.startswith(k):
            base = k
            break
    fn = HOLIDAYS.get(base)
    if fn is None:
        return None
    if not a:
        return "DATE", "XXXX-XX-XX", None
    rel = (g(1) or "").lower()
    d = fn(a.year)
    if rel == "last" and d >= a:
        d = fn(a.year - 1)
    elif rel == "next" and d <= a:
        d = fn(a.year + 1)
    elif not rel:
        d = min((fn(a.year - 1), d, fn(a.year + 1)), key=lambda x: abs((x - a).days))
    if "week" in key:
        return "DATE", iso_week(d), None
    return "DATE", d.isoformat(), d


_QUARTER_ENDED = re.compile(
    r"\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+)?(" + MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+((?:1[5-9]|20)\d\d))?(?!\d)", re.IGNORECASE)


def _quarter(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    low = m.group().lower()
    ordw = (m.group(1) or "").lower()
    explicit_year = m.group(2)
    yr_in_front = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", low)
    if ordw:
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(ordw, 4)
    else:
        q = None
    ended = _QUARTER_ENDED.match(ctx.text, m.end())
    if ended and q is None and not explicit_year and not yr_in_front:
        # "the quarter ended Sept. 30": the quarter that day closes, the last one gone
        month = month_number(ended.group(1))
        q = (month - 1) // 3 + 1
        if ended.group(2):
            y = int(ended.group(2))
        elif a is None:
            return "DATE", f"XXXX-Q{q}", None
        else:
            y = a.year if month <= a.month else a.year - 1
        ctx.last_quarter, ctx.period = (y, q), None
        return "DATE", f"{y}-Q{q}", None
    if explicit_year:
        y = int(explicit_year)
    elif yr_in_front:
        y = int(yr_in_front.group(1))
    elif ctx.last_quarter and q is None:
        y, q = ctx.last_quarter
    elif a:
        y = a.year
        if q is None:
            y, q = (a.year, quarter_of(a) - 1) if quarter_of(a) > 1 else (a.year - 1, 4)
        rel = m.group(3)
        if rel and rel.lower() == "last":
            y -= 1
        elif rel and rel.lower() == "next":
            y += 1
        elif "last year" in low:
            y -= 1
        elif "next year" in low:
            y += 1
    else:
        return ("DATE", f"XXXX-Q{q}" if q else "XXXX-QX", None)
    if q is None:
        q = quarter_of(a) if a else 1
    if re.search(r"year[\s-](?:earlier|ago)", low):
        if ctx.period and low.endswith("period"):
            return "DURATION", ctx.period, None  # the stretch just named, a year before
        ctx_q = ctx.last_quarter
        if ctx_q and not ordw:
            y, q = ctx_q
        y -= 1
    else:
        ctx.last_quarter, ctx.period = (y, q), None
    return "DATE", f"{y}-Q{q}", None


def _year_earlier(m: re.Match[str], ctx: Context) -> Result:
    a = ctx.anchor
    if ctx.period and a:
        return "DATE", str(a.year - 1), None
    if ctx.last_quarter:
        y, q = ctx.last_quarter
        return "DATE", f"{y - 1}-Q{q}", None
    return ("DATE", str(a.year - 1), None) if a else ("DATE", "XXXX", None)


def _year_end(m: re.Match[str], ctx: Context) -> Result:
    """"year-to-date" is a stretch of time; "the end of the year" the year (TimeML marks the
    part with mod=END); the compound "year-end" names the closing day of the books, 31
    December, the one already gone after "since"."""
    low = m.group().lower()
    if "date" in low:
        return "DURATION", "P1Y", None
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX", None
    if low.startswith("the"):
        return "DATE", str(ctx.last_year or a.year), None
    if re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
        return "DATE", f"{a.year - 1}-12-31", None
    return "DATE", f"{ctx.last_year or a.year}-12-31", None

def _decade_word(m: re.Match[str], ctx: Context) -> Result:
    """"the sixties", "the late nineteen-eighties": the twentieth century's unless told."""
    century = 18 if (m.group(1) or "").lower() == "eighteen" else 19
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}[m.group(2).lower()]
    return "DATE", f"{century}{tens}", None


def _code_year(m: re.Match[str], ctx: Context) -> int | None:
    """The year written after a period code ("Q4 2009", "3Q09", "H1 '09"), else None."""
    if m.group(4):
        return int(m.group(4))
    short = m.group(3) or m.group(5)
    return year_number("'" + short, ctx.anchor) if short else None


# A code with no year is a period only where the books are meant: "in Q3", "Q3 profit"
_CODE_BEFORE = re.compile(
    r"\b(?:in|for|during|since|until|by|through|from|to|and|of|fiscal)\s+$", re.IGNORECASE)
_CODE_AFTER = re.compile(r"\s+" + FINANCE_NOUN + r"\b", re.IGNORECASE)


def _period_code(m: re.Match[str], ctx: Context, kind: str, n: int) -> Result:
    y = _code_year(m, ctx)
    if y is None:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if not (_CODE_BEFORE.search(before) or _CODE_AFTER.match(ctx.text, m.end())):
            return None
        if ctx.anchor is None:
            return "DATE", f"XXXX-{kind}{n}", None
        y = ctx.anchor.year
    if kind == "Q":
        ctx.last_quarter, ctx.period = (y, n), None
    return "DATE", f"{y}-{kind}{n}", None


def _quarter_code(m: re.Match[str], ctx: Context) -> Result:
    return _period_code(m, ctx, "Q", int(m.group(1) or m.group(2)))


def _half_code(m: re.Match[str], ctx: Context) -> Result:
    if m.group(6):  # "first-half profit": the half of the year the story is in
        if ctx.anchor is None:
            return "DATE", f"XXXX-H{1 if m.group(6).lower() == 'first' else 2}", None
        return "DATE", f"{ctx.anchor.year}-H{1 if m.group(6).lower() == 'first' else 2}", None
    return _period_code(m, ctx, "H", int(m.group(1) or m.group(2)))


def _fiscal_code(m: re.Match[str], ctx: Context) -> Result:
    raw = m.group(1)
    y = int(raw) if len(raw) == 4 else year_number("'" + raw, ctx.anchor)
    if y is None:
        return None
    ctx.last_year = y
    return "DATE", str(y), None


_WEEK_OF_MONTH = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _month_week(m: re.Match[str], ctx: Context) -> Result:
    """"the last week of March": the ISO week holding most of that stretch of the month (the
    first week is the one with the month's 4th day, the last the one with its 4th-last)."""
    which, unit, month = m.group(1).lower(), m.group(2).lower(), month_number(m.group(3))
    suffix = "-WE" if unit == "weekend" else ""
    if m.group(4):
        y = year_number(m.group(4), ctx.anchor)
    elif ctx.anchor is not None:
        y = closest_year(ctx.anchor, month, None, ctx.future(m.start(), m.end()))
    else:
        return "DATE", "XXXX-WXX" + suffix, None
    if y is None:
        return None
    if which in _WEEK_OF_MONTH:
        day = dt.date(y, month, 4) + dt.timedelta(weeks=_WEEK_OF_MONTH[which])
    else:
        day = dt.date(y, month, calendar.monthrange(y, month)[1]) - dt.timedelta(days=3)
    return "DATE", iso_week(day) + suffix, None


_RANGE_START = re.compile(
    "(" + MONTH + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|and|to|or|through)\s*$",
    re.IGNORECASE)


def range_start(text: str, pos: int) -> re.Match[str] | None:
    """The "March 3-" a bare day number at `pos` would end a range from, if there is one."""
    return _RANGE_START.search(text, max(0, pos - 24), pos)


def _day_range_end(m: re.Match[str], ctx: Context) -> Result:
    """"March 3-4", "April 24 and 25, 2011": the second day takes the first one's month; a
    bare number after anything else ("scored 3-4", "gates 1-3") is no date."""
    start = range_start(ctx.text, m.start())
    if start is None:
        return None
    month, first, n = month_number(start.group(1)), int(start.group(2)), int(m.group(1))
    if not first < n <= 31:
        return None
    if m.group(2):
        y = year_number(m.group(2), ctx.anchor)
    elif ctx.last_day is not None and (ctx.last_day.month, ctx.last_day.day) == (month, first):
        y = ctx.last_day.year
    elif ctx.anchor is not None:
        y = closest_year(ctx.anchor, month, n, ctx.tense(m.start(), m.end()))
    else:
        return "DATE", f"XXXX-{month:02d}-{n:02d}", None
    d = safe_date(y, month, n) if y else None
    return ("DATE", d.isoformat(), d) if d else None


RESOLVERS = {
    "iso": _iso, "slash": _slash, "mdy": _mdy, "dmy": _dmy, "my": _my, "month": _month,
    "month_may": _month_may, "year": _year, "spoken_year": _spoken_year,
    "spoken_year2": _spoken_year, "decade": _decade, "century": _century, "half": _half,
    "season": _season, "holiday": _holiday, "quarter": _quarter, "year_end": _year_end,
    "year_earlier": _year_earlier, "decade_word": _decade_word, "quarter_code": _quarter_code,
    "half_code": _half_code, "fiscal_code": _fiscal_code, "month_week": _month_week,
    "day_range_end": _day_range_end,
}
