"""Resolving the mentions that count from another day: "last week", "the following year",
"three days ago", "yesterday", "Tuesday", "the 28th", and the vague PRESENT/PAST/FUTURE_REF."""

from __future__ import annotations

import datetime as dt
import re

from store.analysis.dates.context import Context, Result, day_value
from store.analysis.dates.days import (
    SEASON_ORDER,
    add_months,
    closest_year,
    iso_week,
    safe_date,
    season_of,
    weekday_day,
)
from store.analysis.dates.vocab import (
    PARTS,
    SEASONS,
    duration_value,
    month_number,
    ordinal_day,
    quantity,
    unit_code,
    weekday_number,
)


def _the_unit(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    unit = (g(1) or "weekend").lower()
    ref = ctx.reference_day(m.start())
    if ref is None:
        return None
    if unit == "year":
        if re.match(r"\s+end(?:ed|ing)\b", ctx.text[m.end() : m.end() + 8]):
            return "DURATION", "P1Y", None  # "the year ended March 31": a fiscal year
        return "DATE", str(ctx.last_year or ref.year), None
    if unit == "month":
        return "DATE", f"{ref.year}-{ref.month:02d}", None
    if unit == "week":
        return "DATE", iso_week(ref), None
    if unit == "weekend":
        if ref.weekday() < 5 and not ctx.future(m.start(), m.end()):
            ref -= dt.timedelta(days=7)  # looked back on from a weekday: the one just gone
        return "DATE", iso_week(ref) + "-WE", None
    return "DATE", ref.isoformat(), ref


def _ago_vague(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", "PAST_REF", None


_DISCOURSE_NOW = re.compile(r"now\s*,|now\s+for\b", re.IGNORECASE)


def _ref(m: re.Match[str], ctx: Context) -> Result:
    """PRESENT_REF, PAST_REF or FUTURE_REF for the vague references to a time."""
    text = ctx.text
    word = m.group().lower()
    if m.group(1):
        if word == "current" and _not_the_present(text, m.start(), m.end()):
            return None
        if _DISCOURSE_NOW.match(text, m.start()) and _starts_sentence(text, m.start()):
            # "Now, he says ..." / "Now for the quiz": a discourse marker that moves the story
            # on, not a reference to the present (TimeML tags "now" only as a time reference)
            return None
        return "DATE", "PRESENT_REF", None
    if m.group(2):
        if word in ("earlier", "once"):
            # bare relational adverbs: their reference is another event, not a time, so
            # TimeML leaves them untagged (unlike "earlier this week")
            return None
        return "DATE", "PAST_REF", None
    if re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
        return None  # "the future of our peoples": the noun for prospects, not a time
    return "DATE", "FUTURE_REF", None


# "current" names the present as an adjective ("the current crisis"), not in the terms of
# accounting or as the noun for a flow ("a strong current", "the current of the river")
_CURRENT_TERM = re.compile(
    r"\s+(?:accounts?|assets?|liabilit(?:y|ies)|dollars|prices?\s+basis|of|and|or|is|was|were"
    r"|are|flows?|flowing|swept|carried|ran|runs|that|which|in|to|from|at)\b", re.IGNORECASE)
_CURRENT_NOUN = re.compile(
    r"\b(?:strong|swift|ocean|electric|electrical|rip|warm|cold|gulf|river|alternating|direct"
    r"|weak|powerful|undertow"
    # "its current chief", "their current source": a role held, not a time named
    r"|its|his|her|their|our|my|your)\s+$", re.IGNORECASE)


def _not_the_present(text: str, start: int, end: int) -> bool:
    return bool(_CURRENT_TERM.match(text, end)
                or _CURRENT_NOUN.search(text, max(0, start - 14), start))


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return not before.strip(" \t\"“‘'`") or bool(re.search(r"[.!?\n][\"”’'`]*\s*$", before))


def _relative(m: re.Match[str], ctx: Context) -> Result:
    rel = re.sub(r"^the\s+", "", m.group(2).lower())
    rel = re.sub(r"\s+", " ", rel)
    # "that year", "the same week" name the one the story is on; "the following year" and
    # "the previous month" shift from it (TimeML anchors them to the discourse, not the DCT)
    shifted = rel in ("following", "previous")
    a = ctx.reference_day(m.start(), anaphoric=shifted) if shifted or rel in ("same", "that") \
        else ctx.anchor
    unit = m.group(3).lower()
    if rel == "past" or rel == "coming":
        return "DURATION", duration_value(1, unit if unit != "weekend" else "week"), None
    if a is None:
        x = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
             "decade": "XXX"}.get(unit, "XXXX-" + SEASONS.get(unit, "XX"))
        return "DATE", x, None
    k = {"last": -1, "previous": -1, "this past": -1, "next": 1, "following": 1,
         "this coming": 1}.get(rel, 0)
    if unit == "year":
        told = rel in ("same", "that", "following", "previous") and ctx.last_year
        y = (ctx.last_year if told else a.year) + k
        return "DATE", str(y), None
    if unit == "month":
        y, mo = add_months(a.year, a.month, k)
        return "DATE", f"{y}-{mo:02d}", None
    if unit in ("week", "weekend"):
        d = a + dt.timedelta(weeks=k)
        return "DATE", iso_week(d) + ("-WE" if unit == "weekend" else ""), None
    if unit == "decade":
        return "DATE", str(a.year // 10 + k)[:3], None
    code = SEASONS[unit]
    if rel in ("this past", "this coming"):
        # the season just gone / just ahead
        y, current = season_of(a)
        idx, target = SEASON_ORDER.index(current), SEASON_ORDER.index(code)
        if k < 0:
            y -= 0 if target < idx else 1
        else:
            y += 0 if target > idx else 1
        return "DATE", f"{y}-{code}", None
    # "last spring" is the spring of last year, as "last year" is (the TimeML reading)
    return "DATE", f"{a.year + k}-{code}", None


def _ago(m: re.Match[str], ctx: Context) -> Result:
    n = quantity(m.group(1))
    unit = m.group(2).lower()
    direction = m.group(3).lower()
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    a = ctx.anchor if direction in ("ago", "from now", "hence", "back") else (
        ctx.reference_day(m.start(), anaphoric=True)
    )
    code = unit_code(unit)
    if n is None or a is None or n != int(n) or n > 5000:
        if direction in ("before", "after") and ctx.text[m.end() : m.end() + 1] == " ":
            return "DURATION", duration_value(n, unit), None
        if sign < 0:
            return "DATE", "PAST_REF", None
        return "DATE", "FUTURE_REF", None
    k = int(n) * sign
    try:
        if code == "D":
            d = a + dt.timedelta(days=k)
            return "DATE", d.isoformat(), d
        if code == "W":  # "two weeks ago" names a day, as "last week" names a week
            d = a + dt.timedelta(weeks=k)
            return "DATE", d.isoformat(), d
        if code == "M":
            y, mo = add_months(a.year, a.month, k)
            return "DATE", f"{y}-{mo:02d}", None
        if code == "Q":
            y, mo = add_months(a.year, a.month, 3 * k)
            return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}", None
        if code == "Y":
            if ctx.period and abs(k) == 1:
                return "DATE", str(a.year + k), None  # after "the nine months": that year
            if ctx.last_quarter and abs(k) == 1:
                # "a year earlier" in a report about a quarter means that quarter a year before
                y, q = ctx.last_quarter
                return "DATE", f"{y + k}-Q{q}", None
            return "DATE", str(a.year + k), None
        if code == "E":
            return "DATE", str(a.year + 10 * k)[:3], None
        if code in ("TH", "TM", "TS"):
            return "TIME", a.isoformat(), None
    except (OverflowError, ValueError):
        return None
    return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None


_GENERIC_TODAY = re.compile(
    r"\s+(?:youth|young|world|society|generation|children|kids|teenagers|culture|standards"
    r"|technology|economy|politics|media|families|workplace|workers|students)\b",
    re.IGNORECASE)


def _dayref(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    a = ctx.anchor
    if m.group().lower().endswith("today's") and _GENERIC_TODAY.match(ctx.text, m.end()):
        return None  # "today's youth" means nowadays, not one day
    part = g(6)
    if g(1):
        k = -2 if "yesterday" in g(1).lower() else 2
        ref = a
    elif g(2):
        word = g(2).lower()
        k = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
        ref = a
        if word == "tonight":
            part = "night"
    elif g(3):
        ref = a
        k = -1 if g(3).lower() == "last" and g(4).lower() == "night" else 0
        part = g(4)
    else:
        phrase = re.sub(r"\s+", " ", g(5).lower())
        k = 0
        if "before" in phrase or "previous" in phrase or "preceding" in phrase:
            k = -1
        elif "after" in phrase or "next" in phrase or "following" in phrase:
            k = 1
        # "the day after" shifts from an antecedent wherever it was named; "the same day" or
        # "that day" outside its paragraph is the story's own day
        ref = ctx.reference_day(m.start(), anaphoric=k != 0)
        pm = re.search(r"(morning|afternoon|evening|night)", phrase)
        if pm:
            part = pm.group(1)
    day = ref + dt.timedelta(days=k) if ref else None
    if part:
        code = PARTS[part.lower()]
        return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + "T" + code, day
    value, day = day_value(day)
    return "DATE", value, day


def _weekday(m: re.Match[str], ctx: Context) -> Result:
    rel = (m.group(1) or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    wd = weekday_number(m.group(2))
    plural = m.group(3)
    part = m.group(4)
    if rel in ("every", "each") or (plural and not rel):
        return "SET", f"XXXX-WXX-{wd + 1}", None
    if plural:
        return None
    a = ctx.anchor
    if rel in ("the previous", "the following", "the next"):
        a = ctx.reference_day(m.start(), anaphoric=True)
    if a is None:
        value = f"XXXX-WXX-{wd + 1}"
        return "DATE", value + (
            "T" + PARTS[part.lower()] if part else ""), None
    if rel in ("last", "this past", "the previous"):
        day = weekday_day(a, wd, "last")
    elif rel in ("next", "this coming", "the following", "the next"):
        day = weekday_day(a, wd, "next")
    elif rel == "this":
        day = weekday_day(a, wd, "future" if ctx.future(m.start(), m.end()) else "past")
    else:
        future = ctx.future(m.start(), m.end())
        day = weekday_day(a, wd, "future" if future else "past")
    if part:
        # TimeBank types "Friday night" as a DATE whose value carries the part of day
        return "DATE", f"{day.isoformat()}T{PARTS[part.lower()]}", day
    return "DATE", day.isoformat(), day


def _ordinal(m: re.Match[str], ctx: Context) -> Result:
    n = ordinal_day(m.group(1))
    rel = (m.group(2) or "").lower()
    mon = m.group(3)
    if n is None or n > 31:
        return None
    if not rel and not mon and not _ordinal_is_date(m, ctx.text):
        return None
    a = ctx.anchor
    if mon:
        month = month_number(mon)
        if a is None:
            return "DATE", f"XXXX-{month:02d}-{n:02d}", None
        y = closest_year(a, month, n, ctx.tense(m.start(), m.end()))
        d = safe_date(y, month, n)
        return ("DATE", d.isoformat(), d) if d else None
    if rel == "the same":
        a = ctx.reference_day(m.start())
    if a is None:
        return "DATE", f"XXXX-XX-{n:02d}", None
    if rel in ("last", "the previous"):
        y, mo = add_months(a.year, a.month, -1)
    elif rel == "next":
        y, mo = add_months(a.year, a.month, 1)
    elif rel in ("this", "the same"):
        y, mo = a.year, a.month
    else:
        future = ctx.future(m.start(), m.end())
        y, mo = a.year, a.month
        if n > a.day and not future:
            y, mo = add_months(y, mo, -1)
        elif n < a.day and future:
            y, mo = add_months(y, mo, 1)
    d = safe_date(y, mo, n)
    return ("DATE", d.isoformat(), d) if d else None


_ORDINAL_PREV = re.compile(r"\b(?:on|by|since|until|till|from|before|after|to|and|through|"
                           r"between|of|as\s+of|early|late)\s+$", re.IGNORECASE)
_ORDINAL_NEXT = re.compile(r"\s*(?:[,.;:)(]|$|\((?:local|[A-Z]{2,4})|\s*(?:local\s+time|and|but"
                           r"|that|at|in|when|while|after|before|to|as|or|with|,|was|were)\b)")


def _ordinal_is_date(m: re.Match[str], text: str) -> bool:
    """"on the 2nd" is a day of the month; "the 2nd round" and "the second" (generic) are not."""
    if not m.group(1)[0].isdigit():
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 14]
    return bool(_ORDINAL_PREV.search(before)) and bool(_ORDINAL_NEXT.match(after))


RESOLVERS = {
    "relative": _relative, "the_unit": _the_unit, "dayref": _dayref, "ago": _ago,
    "ago_vague": _ago_vague, "weekday": _weekday, "ordinal": _ordinal, "ref": _ref,
}
