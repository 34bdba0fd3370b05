"""Resolving stretches of time, repetitions and times of day: "three weeks", "the past
year", "the first nine months", "every Tuesday", "twice a year", "10 a.m.", "the evening"."""

from __future__ import annotations

import re

from store.analysis.dates.context import Context, Result
from store.analysis.dates.vocab import PARTS, SEASONS, duration_value, quantity


def _duration(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    low = m.group().lower()
    if re.search(r"[\s-]old$", low) or ctx.text.startswith(" old", m.end()):
        return None  # an age ("a 6-year-old", "52 years old")
    if re.search(r"quarters?$", low) and (
        re.search(r"(?:^|\W)(?:one|two|three)-quarters?$", low)
        or ctx.text.startswith(" of", m.end())
    ):
        return None  # a fraction ("three-quarters of", "a quarter of the vote")
    n = quantity(g(2))
    unit = g(3)
    if g(2).strip().lower() in ("a", "an") and not duration_context(m, ctx.text):
        return None
    which = (g(1) or "").lower()
    if n is None and which in ("past", "last", "previous"):
        return "DATE", "PAST_REF", None  # "the past few months": a stretch of the past
    if n is None and which == "coming":
        return "DATE", "FUTURE_REF", None
    if which == "recent":
        n = None
    return "DURATION", duration_value(n, unit), None


def _duration_bare(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    which = (g(1) or "").lower()
    if which in ("past", "last"):
        return "DATE", "PAST_REF", None
    if which == "coming":
        return "DATE", "FUTURE_REF", None
    return "DURATION", duration_value(None, g(2) or g(3)), None


def _the_past_unit(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    return "DURATION", duration_value(1, g(2) or g(3) or g(4)), None


def _nine_months(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    return "DURATION", f"P{6 if (g(1) or g(2)).lower() == 'six' else 9}M", None


def _set(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    if g(1):
        word = g(1).lower()
        if re.match(r" (?:[A-Z]|newspaper|paper|magazine)", ctx.text[m.end() : m.end() + 12]):
            return None  # "the Communist Party daily Granma": a newspaper, not a SET
        if re.match(r"\s+(?:said|reported|says|reports|wrote)\b", ctx.text[m.end() :
                                                                         m.end() + 12]):
            return None  # "the daily said": the newspaper again
        code = {
            "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
            "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P3M",
            "biweekly": "P2W", "bimonthly": "P2M", "semiannually": "P6M",
        }[word]
        return "SET", code, None
    unit = (g(3) or g(4) or "day").lower()
    if unit in SEASONS:
        return "SET", f"XXXX-{SEASONS[unit]}", None
    if unit in ("night", "morning", "evening"):
        return "SET", "P1D", None
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE", None
    n = 2 if (g(2) or "").lower() == "other" else (quantity(g(2)) if g(2) else 1)
    return "SET", duration_value(n, unit), None


def _part(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    code = PARTS[g(1).lower()]
    ref = ctx.reference_day(m.start())
    return "TIME", (ref.isoformat() if ref else "XXXX-XX-XX") + "T" + code, None


def duration_context(m: re.Match[str], text: str) -> bool:
    """"a year" is a duration after for/in/over..., not in "$5 a year" or "a year of turmoil"."""
    span = m.group().lower()
    if not re.match(r"\s*an?\s", span + " ") or re.search(r"[\s-](long|old)$", span):
        return True
    before = text[max(0, m.start() - 14) : m.start()].lower()
    after = text[m.end() : m.end() + 12].lower()
    if re.match(r"\s+(?:after|before|following|into|since|later|earlier|ago|or\s+so|or\s+two)\b",
                after):
        return True
    if re.search(r"\ban?\s+second$", span):  # "a second betrayal" is an ordinal
        if re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:or|and|to|of|ago|later"
                                                         r"|earlier|before|after)\b", after):
            return False  # "for a second day", "in a second round": a noun follows
        return bool(re.search(r"\b(?:for|in|within|about|than|just|only|half)\s*$", before))
    # "$5 a year", "10% a month", "24 hours a day": a rate, not a stretch of time
    return not re.search(r"(?:\d|%|\b(?:cents?|dollars?|percent|million|billion|once|twice"
                         r"|times|units|shares|barrels|tons|people|visitors|hours|days|weeks"
                         r"|months))\s*$", before)


def _clock(m: re.Match[str], ctx: Context) -> Result:
    g = m.group
    ref = ctx.reference_day(m.start())
    prefix = ref.isoformat() if ref else "XXXX-XX-XX"
    if g(1):
        h = int(g(1))
        mi = int(g(2) or 0)
        ampm = g(3).lower()
        if h > 12 or mi > 59:
            return None
        if ampm.startswith("p") and h != 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        return "TIME", f"{prefix}T{h:02d}:{mi:02d}", ref
    if g(4):
        h, mi = int(g(4)), int(g(5))
        if h > 23 or mi > 59:
            return None
        return "TIME", f"{prefix}T{h:02d}:{mi:02d}", ref
    if g(6):
        word = re.sub(r"[\s-]", "", g(6).lower())
        code = {"noon": "12:00", "midnight": "24:00", "midday": "MI", "midafternoon": "AF",
                "midmorning": "MO", "overnight": "NI"}[word]
        if word == "midday":
            code = "12:00"
        return "TIME", f"{prefix}T{code}", ref
    if g(8):
        return "TIME", f"{prefix}T{g(8)}:{g(9)}", ref
    n = quantity(g(7))
    if n is None or not 1 <= n <= 12:
        return None
    return "TIME", f"{prefix}T{int(n):02d}:00", ref


RESOLVERS = {
    "duration": _duration, "duration_bare": _duration_bare, "the_past_unit": _the_past_unit,
    "nine_months": _nine_months, "set": _set, "clock": _clock, "part": _part,
}
