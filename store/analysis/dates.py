"""Temporal expressions: finding them, giving each a TIMEX3 type and value, and resolving the
relative ones ("Wednesday", "the 28th of last month", "a year earlier") against an anchor day.

Rule-based and regex-driven so a whole article takes about a millisecond. Values follow the
TIMEX3/TimeML conventions: `2022-03-02`, `2022-02`, `2022-W08`, `2022-Q3`, `1989-SU`, `199`
(a decade), `PRESENT_REF`, durations as `P3D`/`PT2H`/`PXY`, sets as `P1D` or `XXXX-WXX-7`.
Resolution is news-style: a bare weekday in past narration is the most recent one, in future
narration the next one; an ordinal day takes the anchor's month unless the text names another;
"the same day"/"the day before" take their reference from the last day named in the paragraph.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

Date = dt.date


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    type: str  # TIMEX3: DATE, TIME, DURATION, SET
    value: str  # normalised TIMEX3 value
    day: Date | None  # the calendar day, when the mention resolves to one specific day


# ---------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_VAGUE = {"several", "few", "many", "some", "dozens", "numerous", "recent", "coming"}
_UNIT_CODE = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "fortnight": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "E",
    "centur": "C",
    "millenni": "L",
}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "midday": "MI",
    "noon": "12:00",
    "midnight": "24:00",
    "overnight": "NI",
}

# ---------------------------------------------------------------------------- regex parts

_NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|zero|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)"
)
_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:a|one|two|three|four|five|several)\s+(?:hundred|thousand)"
    r"(?:\s+(?:and\s+)?" + _NUMW + r")?|" + _NUMW + r"|a\s+dozen|dozens\s+of|a\s+couple\s+of"
    r"|a\s+few|an?|several|few|many|some|couple\s+of|numerous|half\s+an?|one\s+and\s+a\s+half)"
)
_UNIT = (
    r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?"
    r"|centur(?:y|ies)|millenni(?:um|a)"
)
_MOD = (
    r"(?:about|around|approximately|roughly|nearly|almost|only|just|barely|at\s+least|at\s+most"
    r"|more\s+than|less\s+than|fewer\s+than|over(?!\s+the\b)|under(?!\s+the\b)|up\s+to"
    r"|as\s+many\s+as|as\s+long\s+as"
    r"|close\s+to|upwards\s+of|some|another|the\s+better\s+part\s+of|a\s+good\s+part\s+of)"
)
# Month names must be capitalised ("may" is a verb); abbreviations take an optional period.
_MONTH = (
    r"(?-i:(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)|March|Apr(?:il|\.)|April|May|June?"
    r"|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER"
    r"|NOVEMBER|DECEMBER))(?![a-z])"
)
_MONTH_FULL = (
    r"(?-i:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)(?![a-z])"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day"
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_DAYORD = (
    r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-](?:first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[\s-]first"
)
_YEAR = (
    r"(?<![\d$£€.,-])(?<!Section\s)(?<!Article\s)(?<!No\.\s)(?<!Flight\s)(?<!Route\s)"
    r"(?<!Chapter\s)(?<!Resolution\s)(?<!Room\s)(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|-\d)"
)
_SPOKEN_YEAR = (
    r"(?:nineteen|eighteen)[\s-](?:hundred|" + _NUMW + r")|two[\s-]thousand(?:[\s-](?:and[\s-])?"
    r"(?:" + _NUMW + r"))?"
)
# After a month and day any four-digit year is a year, however far away.
_ANYYEAR = r"(?:(?<![\d$])[12]\d{3}(?![\d%])|" + _SPOKEN_YEAR + r"|'\d\d)"
_PART = r"(?:morning|afternoon|evening|night)"
_AMPM = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
_ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"
_QORD = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"

_F = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _F)


# ---------------------------------------------------------------------------- helpers


def _num(text: str) -> float | None:
    """A spelled or written quantity; None for vague ones ("several", "a few")."""
    t = text.lower().replace(",", "").strip()
    t = re.sub(r"\s+of$", "", t)
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in _VAGUE or t.startswith(("a few", "dozens", "several", "some", "many", "few")):
        return None
    if t in ("a couple", "couple"):
        return 2
    if t == "a dozen":
        return 12
    if t.startswith("half"):
        return 0.5
    if t == "one and a half":
        return 1.5
    total = 0.0
    current = 0.0
    for w in re.split(r"[\s-]+", t):
        if w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w == "and":
            continue
        else:
            return None
    return total + current


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _unit_code(unit: str) -> str:
    u = unit.lower()
    for key, code in _UNIT_CODE.items():
        if u.startswith(key):
            return code
    return "D"


def _duration(n: float | None, unit: str) -> str:
    code = _unit_code(unit)
    if unit.lower().startswith("fortnight") and n is not None:
        n *= 2
    if code == "TH" and n == 24:  # "the last twenty four hours" is a day
        code, n = "D", 1
    if code in ("E", "C") and n is not None:
        code, n = "Y", n * (10 if code == "E" else 100)
    if code == "Y" and n is not None and n >= 1000 and n % 1000 == 0:
        code, n = "L", n / 1000
    q = "X" if n is None else _fmt(n)
    if code.startswith("T"):
        return f"PT{q}{code[1]}"
    return f"P{q}{code}"


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def _weekday(name: str) -> int:
    return _WEEKDAYS[name.lower()[:3]]


def _ordinal_day(text: str) -> int | None:
    t = text.lower().replace("-", " ")
    m = re.match(r"\d+", t)
    if m:
        return int(m.group())
    if t in _ORDINALS:
        return _ORDINALS[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in _TENS:
        return _TENS[parts[0]] + _ORDINALS.get(parts[1], 0)
    return None


def _year(text: str, anchor: Date | None) -> int | None:
    t = text.strip().lower()
    if t.startswith("'"):
        yy = int(t[1:])
        century = (anchor.year // 100 * 100) if anchor else 1900
        y = century + yy
        if anchor and y > anchor.year + 20:
            y -= 100
        return y
    if t[:1].isdigit():
        return int(t)
    parts = re.split(r"[\s-]+", t)
    if parts[0] in ("nineteen", "eighteen"):
        base = 1900 if parts[0] == "nineteen" else 1800
        if parts[1:] == ["hundred"]:
            return base
        rest = _num(" ".join(parts[1:]))
        return None if rest is None else base + int(rest)
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        return 2000 + (int(_num(" ".join(rest)) or 0) if rest else 0)
    return None


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week(day: Date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(day: Date) -> int:
    return (day.month - 1) // 3 + 1


def _season(day: Date) -> tuple[int, str]:
    m = day.month
    if m in (12, 1, 2):
        return (day.year if m == 12 else day.year - 1), "WI"
    return day.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


_SEASON_ORDER = ["WI", "SP", "SU", "FA"]


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


_HOLIDAYS: dict[str, Callable[[int], Date]] = {
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

# ---------------------------------------------------------------------------- tense

_FUTURE = _rx(
    r"\b(?:will|shall|won't|would|might|(?:is|are|was|were|be|been|being)\s+(?:billed|scheduled"
    r"|set|due|expected|slated|poised|planned|planning|going|about|likely|supposed|meant|to\s+be)"
    r"\s+to|(?:is|are|was|were)\s+to|plans?\s+to|planning\s+to|intends?\s+to|to\s+be\s+held"
    r"|next|upcoming|ahead\s+of|as\s+soon\s+as|set\s+to|to\s+resume|to\s+begin|to\s+start"
    r"|to\s+leave|planned\s+(?:an?|to)|scheduled\s+(?:an?|to))\b|'ll\b"
)
# After a sentence-initial mention ("On Tuesday, the league plans to ..."): the verbs of
# intention put the day ahead as surely as "will" does.
_FUTURE_AFTER = _rx(
    r"\b(?:will|shall|(?:is|are)\s+(?:billed|scheduled|set|due|expected|slated|planning"
    r"|going|to)|plans?\s+to|intends?\s+to|expects?\s+to)\b|'ll\b"
)
_PAST = _rx(
    r"\b(?:\w+ed|said|says|told|was|were|had|did|met|took|began|held|made|came|went|saw|gave"
    r"|got|fell|rose|sold|bought|paid|won|lost|left|led|ran|struck|broke|spoke|wrote|became"
    r"|found|kept|brought|thought|sent|spent|stood|heard|fled|ago|since|last)\b"
)
_HAD = _rx(r"\bhad\s+$")
# "Trading resumes Monday", "the two meet separately Monday": a present tense right before a
# bare day tells a schedule, so the day is ahead
_PRESENT_NEAR = _rx(
    r"(?<!\bto\s)\b(?:is|are|begins?|starts?|resumes?|opens?|meets?|ends?|closes?|convenes?|arrives?"
    r"|leaves?|visits?|travels?|returns?|expires?|takes\s+effect|goes\s+on\s+trial)"
    r"\s+(?:\w+ly\s+)?(?:on\s+)?$"
)
_FUTURE_NEAR = _rx(r"\b(?:will|'ll|shall|next|upcoming)\b|\bto\s+\w+\s+(?:on\s+)?$")


def _is_future(text: str, sent_start: int, start: int, end: int, sent_end: int) -> bool:
    """Future narration when the nearest tense cue before the mention (else after it) is one."""
    before = text[max(sent_start, start - 160) : start]
    if _PRESENT_NEAR.search(before):
        return True
    # "had been due to expire Friday": a plan seen from the past of the past is over
    fut = [
        m.end()
        for m in _FUTURE.finditer(before)
        if not _HAD.search(before, max(0, m.start() - 5), m.start())
    ]
    past = [m.end() for m in _PAST.finditer(before)]
    if fut or past:
        return bool(fut) and (not past or fut[-1] >= past[-1])
    after = text[end : min(sent_end, end + 120)]
    f = _FUTURE_AFTER.search(after)
    p = _PAST.search(after)
    return bool(f and (not p or f.start() <= p.start()))


# ---------------------------------------------------------------------------- resolution


@dataclass
class _Ctx:
    """What later mentions can take their reference from."""

    text: str
    anchor: Date | None
    sentence_bounds: list[int]
    paragraph_bounds: list[int]
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
            return bool(_FUTURE_NEAR.search(self.text[max(s, start - 30) : start]))
        return _is_future(self.text, s, start, end, e)

    def reference_day(self, pos: int, anaphoric: bool = False) -> Date | None:
        """The last day named earlier in the same paragraph, else the anchor. An `anaphoric`
        mention ("the previous Friday", "the day after", "three days later") needs an
        antecedent, so it takes the last day named wherever that was; "the same day" does
        not count as one, outside its paragraph it is the story's own day."""
        if self.last_day is not None and (anaphoric or self.last_day_para == self.paragraph(pos)):
            return self.last_day
        return self.anchor


_Result = tuple[str, str, Date | None] | None  # (type, value, day)


def _day_value(day: Date | None, fallback: str = "XXXX-XX-XX") -> tuple[str, Date | None]:
    return (day.isoformat(), day) if day else (fallback, None)


def _weekday_day(anchor: Date, wd: int, direction: str) -> Date:
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


def _closest_year(anchor: Date, month: int, day: int | None = None, future: bool = False) -> int:
    """The year of a year-less date: the nearest one for a day ("Feb. 23"); for a bare month
    the last one not after the anchor unless the narration looks ahead or it is at most two
    months off ("in March" written in November is the March gone)."""
    if day is not None:
        best, best_gap = anchor.year, None
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            d = _safe_date(y, month, min(day, calendar.monthrange(y, month)[1]))
            if d is None:
                continue
            gap = abs((d - anchor).days) + (0 if (d >= anchor) == future else _AGAINST_TENSE)
            if best_gap is None or gap < best_gap:
                best, best_gap = y, gap
        return best
    ahead = (month - anchor.month) % 12
    if ahead == 0:
        return anchor.year
    if future or ahead <= 2:
        return anchor.year + (1 if month < anchor.month else 0)
    return anchor.year - (1 if month > anchor.month else 0)


# Each rule: (name, compiled pattern). Handlers below take (match, ctx) and return _Result.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _rx(r"\b(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d)?)?\b")),
    ("slash", _rx(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)(?![\d/])")),
    (
        "mdy",
        _rx(
            r"(?:(?:(?:last|this|next|this\s+coming|this\s+past)\s+)?(" + _WEEKDAY + r"),?\s+)?"
            r"(?:(?:early|late|mid)[\s-]+)?"
            r"(" + _MONTH + r")\s+(" + _DAYNUM + r"|" + _DAYORD + r")(?!\w|:\d)"
            r"(?:,?\s+(" + _ANYYEAR + r"))?"
        ),
    ),
    (
        "dmy",
        _rx(
            r"(?:(" + _WEEKDAY + r"),?\s+)?(?:the\s+)?(" + _DAYNUM + r"|" + _DAYORD + r")"
            r"\s+(?:of\s+)?(" + _MONTH + r")(?:,?\s+(" + _ANYYEAR + r"))?"
        ),
    ),
    (
        "my",
        _rx(
            r"(?:(?:early|late|mid)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle|first\s+half"
            r"|second\s+half)\s+of\s+)?(" + _MONTH + r"),?\s+(?:of\s+)?(" + _ANYYEAR + r")"
        ),
    ),
    (
        "month",
        _rx(
            r"(?:(?:early|late|mid)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+"
            r"|(this\s+past|this\s+coming|last|this|next|every|each)\s+)?"
            r"(?<![\w.])(" + _MONTH_FULL + r")(?![\s.]*\d)"
        ),
    ),
    (
        "month_may",  # "May" needs a temporal word before it to be the month
        _rx(
            r"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bin\searly\s)"
            r"|(?<=\bof\s))(?-i:May)(?![\s.]*\d)(?![\w])"
            r"|(?:early|late|mid|last|this|next)[\s-]+(?-i:May)(?![\s.]*\d)(?!\w)"
        ),
    ),
    (
        "year",
        _rx(
            r"(?:(?:the\s+)?(?:end|beginning|start|middle"
            r"|rest|course|bulk|remainder|spring|summer|fall|autumn|winter)\s+of\s+|(?:early|late|mid)"
            r"[\s-]+|(?:fiscal|calendar|the\s+year|model)\s+(?:year\s+)?)?(?<!\w)(" + _YEAR + r")"
            r"(?:\s+or\s+later)?"
        ),
    ),
    ("spoken_year", _rx(r"(?:the\s+(?:year\s+)?|(?<=\bin\s))(" + _SPOKEN_YEAR + r")\b")),
    ("spoken_year2", _rx(r"\b(nineteen[\s-]" + _NUMW + r")\b")),
    (
        "decade",
        _rx(
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?((?:1[5-9]|20)\d0|'\d0)'?s\b"
            r"|(?:the\s+)?(?:last|first|second)\s+half\s+of\s+the\s+('\d0|(?:1[5-9]|20)\d0)'?s\b"
        ),
    ),
    (
        "century",
        _rx(
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)[\s-]century"
            r"|(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(eighteenth|nineteenth|twentieth|"
            r"twenty[\s-]first)[\s-]century|\b(this|last|next|the\s+last|the\s+past)\s+century"
        ),
    ),
    (
        "quarter",
        _rx(
            r"(?:(?:the|this|that|its|their|a)\s+)?(?:(?:(?:"
            + _YEAR
            + r"|fiscal\s+"
            + _YEAR
            + r"|year-(?:earlier|ago)|year\s+(?:earlier|ago)|comparable|latest|current|recent"
            r"|fiscal|same|previous|preceding|past|just[\s-]ended|(?:this|last|next)\s+year's"
            r"|year's|calendar)\s+){0,3})"
            r"(?:(" + _QORD + r")[\s-]+(?:fiscal\s+)?(?:quarter|period)s?\b|"
            r"(?<=the\s)quarter\b|(?<=that\s)quarter\b|(?<=this\s)quarter\b|(?<=latest\s)quarter"
            r"|(?<=current\s)quarter|(?<=ago\s)quarter|(?<=earlier\s)quarter|(?<=same\s)quarter"
            r"|(?<=previous\s)quarter|(?<=comparable\s)quarter|(?<=earlier\s)period"
            r"|(?<=ago\s)period|(?<=same\s)period|(?<=comparable\s)period)(?![a-z])"
            r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(" + _YEAR + r")|\s+of\s+(this|last|next|the)\s+year)?"
        ),
    ),
    (
        "half",
        _rx(
            r"(?:the\s+)?(first|second|last|latter)\s+half(?:\s+of\s+(?:(?:fiscal\s+)?("
            + _YEAR
            + r")|(this|last|next|the)\s+year))?(?!\s+of\s+the\s+)"
        ),
    ),
    (
        "nine_months",
        _rx(
            r"(?:the\s+)?(?:(?:first|latest|year-earlier|past)\s+)?(six|nine)[\s-]months?(?:\s+period)?"
            r"(?=\s+(?:ended|ending|to|of|were|was|results|period|profit|net|earnings|sales)\b|[,.])"
            r"|(?:the\s+)?year[\s-](?:earlier|ago)\s+(six|nine)[\s-]months?\b"
        ),
    ),
    (
        "relative",
        _rx(
            r"(?:(earlier|later|early|late|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder"
            r"|balance|first\s+half|second\s+half)\s+of)\s+)?"
            r"(this\s+past|this\s+coming|last|this|next|the\s+current|the\s+same|that|the\s+previous"
            r"|the\s+following|the\s+coming|the\s+past)\s+"
            r"(year|month|week|weekend|decade|spring|summer|fall|autumn|winter)(?!-)(?:'s)?"
        ),
    ),
    (
        "the_unit",
        _rx(
            r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+)?"
            r"(?<!\w)the\s+weekend\b|"
            r"(?<!\w)the\s+(?:(?:fiscal|calendar|current|full|entire)\s+)?(year|week|weekend|month"
            r"|day)(?=['’]s\b|\s+(?:before|after|earlier|ago|ended"
            r"|ending|to\s+date)\b|[,.;]|\s+(?:and|but|as|when|while|in|on)\b)"
        ),
    ),
    ("year_earlier", _rx(r"\byear[\s-](?:earlier|ago)\b(?=\s+\w)")),
    ("year_end", _rx(r"\b(?:year[\s-]end|year[\s-]to[\s-]date|the\s+end\s+of\s+the\s+year)\b")),
    (
        "season",
        _rx(
            r"(?:(?:early|late|mid)[\s-]+|(?:in\s+)?the\s+)?(spring|summer|autumn|winter|fall)"
            r"(?:\s+of\s+(" + _ANYYEAR + r")|\s+(" + _YEAR + r"))"
            r"|(?:(?<=\bin\s)|(?<=\bover\s)|(?<=\bduring\s)|(?<=\bthrough\s)|(?<=\bsince\s)"
            r"|(?<=\buntil\s))(?:the\s+)?(?:(?:early|late)\s+)?(spring|summer|autumn|winter|fall)\b"
            r"(?!\s+of\s)|\b(summer|winter)\b(?=\s+(?:holidays?|vacation|months)\b)"
        ),
    ),
    (
        "dayref",
        _rx(
            r"(?:(?:early|late|earlier|later)\s+)?(?<!\w)(?:(day\s+before\s+yesterday|day\s+after"
            r"\s+tomorrow)|(yesterday|today|tomorrow|tonight)|(last|this)\s+(night|morning"
            r"|afternoon|evening)|(the\s+same\s+day|the\s+day\s+before|the\s+day\s+after|the\s+next"
            r"\s+day|the\s+following\s+day|the\s+previous\s+day|the\s+preceding\s+day|that\s+day"
            r"|that\s+same\s+day|earlier\s+that\s+day|later\s+that\s+day|that\s+(?:morning|afternoon"
            r"|evening|night)|the\s+(?:same\s+)?(?:morning|afternoon|evening|night)\s+before))"
            r"(?:\s+(morning|afternoon|evening|night))?(?:'s)?(?!\w)"
        ),
    ),
    (
        "ago",
        _rx(
            r"(?:" + _MOD + r"\s+)?(" + _NUMBER + r")(?:\s+or\s+so)?[\s-]+(" + _UNIT + r")"
            r"(?:\s+or\s+so)?\s+(ago|from\s+now|hence|earlier(?!\s+than)|later(?!\s+than)"
            r"|(?:before|after|back)(?=\s*[,.;:)]|\s*$))"
        ),
    ),
    (
        "ago_vague",
        _rx(
            r"\b(?:(days|weeks|months|years|decades|moments|minutes|hours)\s+ago"
            r"|(?:a\s+)?(?:short|long)\s+time\s+ago)\b"
        ),
    ),
    (
        "duration",
        _rx(
            r"(?:" + _MOD + r"\s+)?(?:(?:each\s+of\s+|all\s+of\s+|for\s+)?the\s+|each\s+of\s+the\s+"
            r"|this\s+)?(?:(past|last|next|coming|previous|following|first|final|remaining|initial"
            r"|latest|recent|same|additional|ensuing|preceding|subsequent)\s+)?"
            r"(?:" + _MOD + r"\s+)?(" + _NUMBER + r")[\s-]+"
            r"(?:(?:more|additional|extra|full|straight|consecutive|long|or\s+so|and\s+a\s+half)"
            r"[\s-]+)?(" + _UNIT + r")(?:[\s-]+(?:long|old))?(?![\w-])"
        ),
    ),
    (
        "duration_bare",
        _rx(
            r"(?:(?:the|these|those)\s+)?(recent|coming|past|next|last|ensuing|following|several"
            r"|few|many)\s+(seconds|minutes|hours|days|weeks|months|years|decades|centuries"
            r"|quarters)\b"
            r"|(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\btook\s)"
            r"|(?<=\blasted\s))(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
            r"(?!\s+(?:of|ago|before|after|earlier|later))"
        ),
    ),
    (
        "the_past_unit",
        _rx(
            r"(?:" + _MOD + r"\s+)?the\s+"
            r"(past|last|next|coming|previous|following|entire|whole|full)\s+"
            r"(year|month|week|day|decade|century|hour|quarter)(?![\w-])"
            r"|\b(day|week|month|year|hour)[\s-]long\b|\ball\s+(day|night|week|month|year)\s+long\b"
        ),
    ),
    (
        "weekday",
        _rx(
            r"(?:(?:(last|this|next|this\s+coming|this\s+past|the\s+previous|the\s+following"
            r"|the\s+next|early|late|earlier|later|every|each)\s+|(?<=\bon\s))?"
            r"(?<!\w)(" + _WEEKDAY + r")(s)?"
            r"(?:\s+(morning|afternoon|evening|night))?)"
        ),
    ),
    (
        "ordinal",
        _rx(
            r"(?<!\w)the\s+(" + _DAYORD + r")(?:\s+of\s+(?:(this|last|next|the\s+previous"
            r"|the\s+same)\s+month|(" + _MONTH + r")))?(?!\w)"
        ),
    ),
    (
        "clock",
        _rx(
            r"(?:(?:around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before"
            r"|after))\s+)?(?<![\w:.])(\d{1,2})(?:[:.](\d\d))?\s*("
            + _AMPM
            + r")"
            + _ZONE
            + r"|(?<![\w:])(\d{1,2}):(\d\d)(?![\d:])"
            + _ZONE
            + r"|\b(noon|midnight|midday|mid[\s-]?afternoon|mid[\s-]?morning|overnight)\b"
            r"|\b(\w+)\s+o'clock\b"
        ),
    ),
    (
        "part",
        _rx(
            r"(?<!\w)(?:(?:in|during|on)\s+)?the\s+(morning|afternoon|evening|night)\b"
            r"(?!\s+(?:of|before|after|\w+ing)\b)"
        ),
    ),
    (
        "ref",
        _rx(
            r"(?<![\w-])(?:(now|nowadays|currently|at\s+present|at\s+the\s+moment|at\s+this\s+time"
            r"|presently|the\s+present|these\s+days|right\s+now|for\s+now|the\s+current\s+period)"
            r"|(recently|lately|the\s+past|in\s+the\s+past|once|earlier"
            r"|(?<=\bthe\s)recent|(?<=\ba\s)recent)"
            r"|(the\s+future|in\s+future|the\s+near\s+term|the\s+short\s+term"
            r"|the\s+long\s+term|the\s+near\s+future|the\s+long\s+run|the\s+short\s+run"
            r"|as\s+soon\s+as\s+possible|eventually|in\s+the\s+coming\s+(?:days|weeks|months"
            r"|years)))(?![\w-])"
        ),
    ),
    (
        "set",
        _rx(
            r"\b(daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"
            r"|bimonthly|semiannually)\b"
            r"|\b(?:every|each|per)\s+(?:(other|" + _NUMBER + r")\s+)?(day|week|month|year"
            r"|quarter|hour|minute|night|morning|evening|weekend|decade|summer|winter|spring|fall"
            r"|autumn)s?\b"
            r"|\b(?:once|twice|three\s+times|(?:\d+|" + _NUMW + r")\s+times)\s+(?:a|an|per|each"
            r"|every)\s+(day|week|month|year|quarter|hour|decade)\b"
        ),
    ),
    (
        "holiday",
        _rx(
            r"(?:(last|this|next)\s+)?\b(christmas(?:\s+(?:eve|day))?|new\s+year's(?:\s+(?:day"
            r"|eve))?|halloween|valentine's\s+day|independence\s+day|thanksgiving(?:\s+day)?"
            r"|labor\s+day|memorial\s+day|election\s+day|easter(?:\s+(?:sunday|week))?"
            r"|good\s+friday)(?!\w)"
        ),
    ),
]

_PRIORITY = {name: i for i, (name, _) in enumerate(_RULES)}


def _resolve(name: str, m: re.Match[str], ctx: _Ctx) -> _Result:  # noqa: C901 - a dispatcher
    a = ctx.anchor
    g = m.group
    low = m.group().lower()
    if name == "iso":
        d = _safe_date(int(g(1)), int(g(2)), int(g(3)))
        if d is None:
            return None
        if g(4):
            return "TIME", f"{d.isoformat()}T{g(4)}:{g(5)}", d
        return "DATE", d.isoformat(), d
    if name == "slash":
        y = int(g(3))
        if y < 100:
            y += 1900 if y > 30 else 2000
        mm, dd = int(g(1)), int(g(2))
        d = _safe_date(y, mm, dd) or _safe_date(y, dd, mm)
        return ("DATE", d.isoformat(), d) if d else None
    if name in ("mdy", "dmy"):
        if name == "mdy":
            wd, mon, dnum, yr = g(1), g(2), g(3), g(4)
        else:
            wd, dnum, mon, yr = g(1), g(2), g(3), g(4)
        month, day_n = _month(mon), _ordinal_day(dnum)
        if day_n is None:
            return None
        if yr:
            y = _year(yr, a)
            ctx.last_year = y  # "that year" later on means this one
        elif a:
            y = _closest_year(a, month, day_n, ctx.future(m.start(), m.end()))
        elif ctx.last_year:
            y = ctx.last_year
        else:
            y = None
        if y is None:
            if day_n > calendar.monthrange(2000, month)[1]:  # 2000: a leap year
                return None
            return "DATE", f"XXXX-{month:02d}-{day_n:02d}", None
        d = _safe_date(y, month, day_n)
        if d is None:
            return None
        if wd and not yr and a and d.weekday() != _weekday(wd):
            # The weekday picks the year when the text gives none.
            for yy in (y - 1, y + 1):
                dd = _safe_date(yy, month, day_n)
                if dd and dd.weekday() == _weekday(wd):
                    d = dd
                    break
        return "DATE", d.isoformat(), d
    if name == "my":
        y = _year(g(2), a)
        if y is None:
            return None
        ctx.last_year = y
        return "DATE", f"{y}-{_month(g(1)):02d}", None
    if name in ("month", "month_may"):
        mon = g(2) if name == "month" else re.search(r"may", low, _F).group()
        month = _month(mon)
        rel = (g(1) or "").lower() if name == "month" else low.split()[0] if " " in low else ""
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
            y = _closest_year(a, month, None, soon or ctx.future(m.start(), m.end()))
        return "DATE", f"{y}-{month:02d}", None
    if name == "year":
        y = int(g(1))
        ctx.last_year = y
        return "DATE", str(y), None
    if name in ("spoken_year", "spoken_year2"):
        y = _year(g(1), a)
        if y is None:
            return None
        return "DATE", str(y), None
    if name == "decade":
        raw = g(1) or g(2)
        y = (_year(raw, a) or 1900) if raw.startswith("'") else int(raw)
        return "DATE", str(y)[:3], None
    if name == "century":
        if g(3):
            if not a:
                return "DATE", "XX", None
            c = a.year // 100 + {"this": 0, "next": 1}.get(g(3).lower(), -1)
            if g(3).lower() in ("the last", "the past"):
                return "DURATION", "P1C", None
            return "DATE", f"{c:02d}", None
        n = (
            int(g(1))
            if g(1)
            else {"eighteenth": 18, "nineteenth": 19, "twentieth": 20}.get(g(2).lower(), 21)
        )
        return "DATE", f"{n - 1:02d}", None
    if name == "quarter":
        return _quarter_value(m, ctx)
    if name == "half":
        h = 1 if g(1).lower() == "first" else 2
        if g(2):
            y = int(g(2))
        elif not a:
            return "DATE", f"XXXX-H{h}", None
        else:
            y = a.year + {"last": -1, "next": 1}.get((g(3) or "").lower(), 0)
        return "DATE", f"{y}-H{h}", None
    if name == "nine_months":
        return "DURATION", f"P{6 if (g(1) or g(2)).lower() == 'six' else 9}M", None
    if name == "relative":
        return _relative_value(m, ctx)
    if name == "the_unit":
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
            return "DATE", _week(ref), None
        if unit == "weekend":
            if ref.weekday() < 5 and not ctx.future(m.start(), m.end()):
                ref -= dt.timedelta(days=7)  # looked back on from a weekday: the one just gone
            return "DATE", _week(ref) + "-WE", None
        return "DATE", ref.isoformat(), ref
    if name == "year_earlier":
        if ctx.period and a:
            return "DATE", str(a.year - 1), None
        if ctx.last_quarter:
            y, q = ctx.last_quarter
            return "DATE", f"{y - 1}-Q{q}", None
        return ("DATE", str(a.year - 1), None) if a else ("DATE", "XXXX", None)
    if name == "year_end":
        return _year_end_value(m, ctx)
    if name == "season":
        season_word = (g(1) or g(4) or g(5)).lower()
        code = _SEASONS[season_word]
        yr = g(2) or g(3)
        if yr:
            y = _year(yr, a)
        elif a:
            y = a.year
        else:
            return "DATE", f"XXXX-{code}", None
        return "DATE", f"{y}-{code}", None
    if name == "ago":
        return _ago_value(m, ctx)
    if name == "ago_vague":
        return "DATE", "PAST_REF", None
    if name == "duration":
        if re.search(r"[\s-]old$", low) or ctx.text.startswith(" old", m.end()):
            return None  # an age ("a 6-year-old", "52 years old")
        if re.search(r"quarters?$", low) and (
            re.search(r"(?:^|\W)(?:one|two|three)-quarters?$", low)
            or ctx.text.startswith(" of", m.end())
        ):
            return None  # a fraction ("three-quarters of", "a quarter of the vote")
        n = _num(g(2))
        unit = g(3)
        if g(2).strip().lower() in ("a", "an") and not _duration_context(m, ctx.text):
            return None
        which = (g(1) or "").lower()
        if n is None and which in ("past", "last", "previous"):
            return "DATE", "PAST_REF", None  # "the past few months": a stretch of the past
        if n is None and which == "coming":
            return "DATE", "FUTURE_REF", None
        if which == "recent":
            n = None
        return "DURATION", _duration(n, unit), None
    if name == "duration_bare":
        which = (g(1) or "").lower()
        if which in ("past", "last"):
            return "DATE", "PAST_REF", None
        if which == "coming":
            return "DATE", "FUTURE_REF", None
        return "DURATION", _duration(None, g(2) or g(3)), None
    if name == "the_past_unit":
        return "DURATION", _duration(1, g(2) or g(3) or g(4)), None
    if name == "dayref":
        return _dayref_value(m, ctx)
    if name == "weekday":
        return _weekday_value(m, ctx)
    if name == "ordinal":
        return _ordinal_value(m, ctx)
    if name == "clock":
        return _clock_value(m, ctx)
    if name == "part":
        code = _PARTS[g(1).lower()]
        ref = ctx.reference_day(m.start())
        return "TIME", (ref.isoformat() if ref else "XXXX-XX-XX") + "T" + code, None
    if name == "ref":
        return _ref_value(m, ctx.text)
    if name == "set":
        if g(1):
            word = g(1).lower()
            if re.match(r" (?:[A-Z]|newspaper|paper|magazine)", ctx.text[m.end() : m.end() + 12]):
                return None  # "the Communist Party daily Granma": a newspaper, not a SET
            if re.match(
                r"\s+(?:said|reported|says|reports|wrote)\b", ctx.text[m.end() : m.end() + 12]
            ):
                return None  # "the daily said": the newspaper again
            code = {
                "daily": "P1D",
                "nightly": "P1D",
                "weekly": "P1W",
                "monthly": "P1M",
                "annually": "P1Y",
                "yearly": "P1Y",
                "hourly": "PT1H",
                "quarterly": "P3M",
                "biweekly": "P2W",
                "bimonthly": "P2M",
                "semiannually": "P6M",
            }[word]
            return "SET", code, None
        unit = (g(3) or g(4) or "day").lower()
        if unit in _SEASONS:
            return "SET", f"XXXX-{_SEASONS[unit]}", None
        if unit in ("night", "morning", "evening"):
            return "SET", "P1D", None
        if unit == "weekend":
            return "SET", "XXXX-WXX-WE", None
        n = 2 if (g(2) or "").lower() == "other" else (_num(g(2)) if g(2) else 1)
        return "SET", _duration(n, unit), None
    if name == "holiday":
        key = re.sub(r"\s+", " ", g(2).lower())
        base = key
        for k in _HOLIDAYS:
            if key.startswith(k):
                base = k
                break
        fn = _HOLIDAYS.get(base)
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
            return "DATE", _week(d), None
        return "DATE", d.isoformat(), d
    return None


_DISCOURSE_NOW = re.compile(r"now\s*,|now\s+for\b", _F)


_DEADLINE = re.compile(r"\b(?:by|until|till|through)\s+(?:early\s+|late\s+|mid-?)?$", _F)
_PERFECT = re.compile(r"\b(?:had|has|have)\b", _F)


def _deadline(ctx: _Ctx, start: int) -> bool:
    """ "pay it down by February", "loans through January": a limit set ahead of the telling,
    hence the coming occurrence when that is at most half a year off, unless a perfect tense
    looks back from it ("had fallen by March")."""
    s, _ = ctx.sentence(start)
    before = ctx.text[max(s, start - 60) : start]
    return bool(_DEADLINE.search(before)) and not _PERFECT.search(before)


def _year_end_value(m: re.Match[str], ctx: _Ctx) -> _Result:
    """ "year-to-date" is a stretch of time; "the end of the year" the year (TimeML marks the
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
    if re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 8) : m.start()], _F):
        return "DATE", f"{a.year - 1}-12-31", None
    return "DATE", f"{ctx.last_year or a.year}-12-31", None


def _ref_value(m: re.Match[str], text: str) -> _Result:
    """PRESENT_REF, PAST_REF or FUTURE_REF for the vague references to a time."""
    word = m.group().lower()
    if m.group(1):
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


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return not before.strip(" \t\"“‘'`") or bool(re.search(r"[.!?\n][\"”’'`]*\s*$", before))


def _duration_context(m: re.Match[str], text: str) -> bool:
    """ "a year" is a duration after for/in/over..., not in "$5 a year" or "a year of turmoil"."""
    span = m.group().lower()
    if not re.match(r"\s*an?\s", span + " ") or re.search(r"[\s-](long|old)$", span):
        return True
    before = text[max(0, m.start() - 14) : m.start()].lower()
    after = text[m.end() : m.end() + 12].lower()
    if re.match(
        r"\s+(?:after|before|following|into|since|later|earlier|ago|or\s+so|or\s+two)\b", after
    ):
        return True
    if re.search(r"\ban?\s+second$", span):  # "a second betrayal" is an ordinal
        return bool(re.search(r"\b(?:for|in|within|about|than|just|only|half)\s*$", before))
    # "$5 a year", "10% a month", "24 hours a day": a rate, not a stretch of time
    return not re.search(
        r"(?:\d|%|\b(?:cents?|dollars?|percent|million|billion|once|twice"
        r"|times|units|shares|barrels|tons|people|visitors|hours|days|weeks"
        r"|months))\s*$",
        before,
    )


def _quarter_value(m: re.Match[str], ctx: _Ctx) -> _Result:
    a = ctx.anchor
    low = m.group().lower()
    ordw = (m.group(1) or "").lower()
    explicit_year = m.group(2)
    yr_in_front = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", low)
    if ordw:
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(ordw, 4)
    else:
        q = None
    if explicit_year:
        y = int(explicit_year)
    elif yr_in_front:
        y = int(yr_in_front.group(1))
    elif ctx.last_quarter and q is None:
        y, q = ctx.last_quarter
    elif a:
        y = a.year
        if q is None:
            y, q = (a.year, _quarter(a) - 1) if _quarter(a) > 1 else (a.year - 1, 4)
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
        q = _quarter(a) if a else 1
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


def _relative_value(m: re.Match[str], ctx: _Ctx) -> _Result:
    rel = re.sub(r"^the\s+", "", m.group(2).lower())
    rel = re.sub(r"\s+", " ", rel)
    # "that year", "the same week" name the one the story is on; "the following year" and
    # "the previous month" shift from it (TimeML anchors them to the discourse, not the DCT)
    shifted = rel in ("following", "previous")
    a = (
        ctx.reference_day(m.start(), anaphoric=shifted)
        if shifted or rel in ("same", "that")
        else ctx.anchor
    )
    unit = m.group(3).lower()
    if rel == "past" or rel == "coming":
        return "DURATION", _duration(1, unit if unit != "weekend" else "week"), None
    if a is None:
        x = {
            "year": "XXXX",
            "month": "XXXX-XX",
            "week": "XXXX-WXX",
            "weekend": "XXXX-WXX-WE",
            "decade": "XXX",
        }.get(unit, "XXXX-" + _SEASONS.get(unit, "XX"))
        return "DATE", x, None
    k = {
        "last": -1,
        "previous": -1,
        "this past": -1,
        "next": 1,
        "following": 1,
        "this coming": 1,
    }.get(rel, 0)
    if unit == "year":
        told = rel in ("same", "that", "following", "previous") and ctx.last_year
        y = (ctx.last_year if told else a.year) + k
        return "DATE", str(y), None
    if unit == "month":
        y, mo = _add_months(a.year, a.month, k)
        return "DATE", f"{y}-{mo:02d}", None
    if unit in ("week", "weekend"):
        d = a + dt.timedelta(weeks=k)
        return "DATE", _week(d) + ("-WE" if unit == "weekend" else ""), None
    if unit == "decade":
        return "DATE", str(a.year // 10 + k)[:3], None
    code = _SEASONS[unit]
    if rel in ("this past", "this coming"):
        # the season just gone / just ahead
        y, current = _season(a)
        idx, target = _SEASON_ORDER.index(current), _SEASON_ORDER.index(code)
        if k < 0:
            y -= 0 if target < idx else 1
        else:
            y += 0 if target > idx else 1
        return "DATE", f"{y}-{code}", None
    # "last spring" is the spring of last year, as "last year" is (the TimeML reading)
    return "DATE", f"{a.year + k}-{code}", None


def _ago_value(m: re.Match[str], ctx: _Ctx) -> _Result:
    n = _num(m.group(1))
    unit = m.group(2).lower()
    direction = m.group(3).lower()
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    a = (
        ctx.anchor
        if direction in ("ago", "from now", "hence", "back")
        else (ctx.reference_day(m.start(), anaphoric=True))
    )
    code = _unit_code(unit)
    if n is None or a is None or n != int(n) or n > 5000:
        if direction in ("before", "after") and ctx.text[m.end() : m.end() + 1] == " ":
            return "DURATION", _duration(n, unit), None
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
            y, mo = _add_months(a.year, a.month, k)
            return "DATE", f"{y}-{mo:02d}", None
        if code == "Q":
            y, mo = _add_months(a.year, a.month, 3 * k)
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


def _dayref_value(m: re.Match[str], ctx: _Ctx) -> _Result:
    g = m.group
    a = ctx.anchor
    if m.group().lower().endswith("today's"):
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
        code = _PARTS[part.lower()]
        return "TIME", (day.isoformat() if day else "XXXX-XX-XX") + "T" + code, day
    value, day = _day_value(day)
    return "DATE", value, day


def _weekday_value(m: re.Match[str], ctx: _Ctx) -> _Result:
    rel = (m.group(1) or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    wd = _weekday(m.group(2))
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
        return "DATE", value + ("T" + _PARTS[part.lower()] if part else ""), None
    if rel in ("last", "this past", "the previous"):
        day = _weekday_day(a, wd, "last")
    elif rel in ("next", "this coming", "the following", "the next"):
        day = _weekday_day(a, wd, "next")
    elif rel == "this":
        day = _weekday_day(a, wd, "future" if ctx.future(m.start(), m.end()) else "past")
    else:
        future = ctx.future(m.start(), m.end())
        day = _weekday_day(a, wd, "future" if future else "past")
    if part:
        # TimeBank types "Friday night" as a DATE whose value carries the part of day
        return "DATE", f"{day.isoformat()}T{_PARTS[part.lower()]}", day
    return "DATE", day.isoformat(), day


def _ordinal_value(m: re.Match[str], ctx: _Ctx) -> _Result:
    n = _ordinal_day(m.group(1))
    rel = (m.group(2) or "").lower()
    mon = m.group(3)
    if n is None or n > 31:
        return None
    if not rel and not mon and not _ordinal_is_date(m, ctx.text):
        return None
    a = ctx.anchor
    if mon:
        month = _month(mon)
        if a is None:
            return "DATE", f"XXXX-{month:02d}-{n:02d}", None
        y = _closest_year(a, month, n, ctx.future(m.start(), m.end()))
        d = _safe_date(y, month, n)
        return ("DATE", d.isoformat(), d) if d else None
    if rel == "the same":
        a = ctx.reference_day(m.start())
    if a is None:
        return "DATE", f"XXXX-XX-{n:02d}", None
    if rel in ("last", "the previous"):
        y, mo = _add_months(a.year, a.month, -1)
    elif rel == "next":
        y, mo = _add_months(a.year, a.month, 1)
    elif rel in ("this", "the same"):
        y, mo = a.year, a.month
    else:
        future = ctx.future(m.start(), m.end())
        y, mo = a.year, a.month
        if n > a.day and not future:
            y, mo = _add_months(y, mo, -1)
        elif n < a.day and future:
            y, mo = _add_months(y, mo, 1)
    d = _safe_date(y, mo, n)
    return ("DATE", d.isoformat(), d) if d else None


_ORDINAL_PREV = re.compile(
    r"\b(?:on|by|since|until|till|from|before|after|to|and|through|"
    r"between|of|as\s+of|early|late)\s+$",
    _F,
)
_ORDINAL_NEXT = re.compile(
    r"\s*(?:[,.;:)(]|$|\((?:local|[A-Z]{2,4})|\s*(?:local\s+time|and|but"
    r"|that|at|in|when|while|after|before|to|as|or|with|,|was|were)\b)"
)


def _ordinal_is_date(m: re.Match[str], text: str) -> bool:
    """ "on the 2nd" is a day of the month; "the 2nd round" and "the second" (generic) are not."""
    if not m.group(1)[0].isdigit():
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 14]
    return bool(_ORDINAL_PREV.search(before)) and bool(_ORDINAL_NEXT.match(after))


def _clock_value(m: re.Match[str], ctx: _Ctx) -> _Result:
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
        code = {
            "noon": "12:00",
            "midnight": "24:00",
            "midday": "MI",
            "midafternoon": "AF",
            "midmorning": "MO",
            "overnight": "NI",
        }[word]
        if word == "midday":
            code = "12:00"
        return "TIME", f"{prefix}T{code}", ref
    n = _num(g(7))
    if n is None or not 1 <= n <= 12:
        return None
    return "TIME", f"{prefix}T{int(n):02d}:00", ref


# ---------------------------------------------------------------------------- finding

_ABBREVIATIONS = (
    "Mr",
    "Ms",
    "Dr",
    "St",
    "No",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
# The punctuation comes first so the scan only stops at punctuation and line breaks.
_SENTENCE_END = re.compile(
    r"[.!?…](?<!\b[A-Z]\.)"
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+"
)
_PARAGRAPH = re.compile(r"\n\s*\n")


# Every rule's match contains one of these cores; rules run anchored (`match`) at the word
# starts just before a core instead of scanning the whole text, which keeps a document near a
# millisecond however many rules there are.
# A document is read token by token; a token that can be the core of a temporal expression
# names the rules to try around it. Dictionary look-ups keep this far cheaper than one big
# alternation scanned at every character.
_TOKEN = re.compile(r"[A-Za-z]{3,}|\d+")
_DIGIT_KIND = re.compile(
    r"(?P<iso>\d{4}-\d\d-\d\d)"
    r"|(?P<slash>\d{1,2}/\d{1,2}/\d)"
    r"|(?P<decade>(?:\d\d)?\d0'?s\b)"
    r"|(?P<ordinal>\d{1,2}(?:st|nd|rd|th)\b)"
    r"|(?P<clock>\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b|\d{1,2}:\d\d(?![\d:]))"
    r"|(?P<year4>(?:1[5-9]\d\d|20\d\d)(?![\d%]))",
    _F,
)
_WORD_KIND: dict[str, str] = {}


def _kind(kind: str, words: str, plural: bool = False) -> None:
    for w in words.split():
        _WORD_KIND.setdefault(w, kind)
        if plural:
            _WORD_KIND.setdefault(w + "s", kind)


_kind(
    "month",
    "january february march april may june july august september october november"
    " december jan feb mar apr jun jul aug sep sept oct nov dec",
)
_kind("weekday", "monday tuesday wednesday thursday friday saturday sunday", plural=True)
_kind(
    "unit",
    "second minute hour day week weekend fortnight month quarter year decade period",
    plural=True,
)
_kind("unit", "century centuries millennium millennia")
_kind("half", "half halves")
_kind("season", "spring summer autumn winter fall")
_kind("dayword", "yesterday today tomorrow tonight night morning afternoon evening")
_kind(
    "set",
    "daily weekly monthly annually yearly hourly nightly biweekly bimonthly semiannually"
    " every each per once twice times",
)
_kind("holiday", "christmas halloween valentine thanksgiving easter")
_kind("spoken", "nineteen eighteen thousand")
_kind(
    "ref",
    "now nowadays currently present presently recent recently lately past earlier future"
    " term run possible eventually moment ago coming",
)
_kind("clock", "noon midnight midday midafternoon midmorning mid overnight clock")


def _cores(text: str) -> list[tuple[str, int]]:
    """(kind, position) of every token that can anchor a temporal expression."""
    get = _WORD_KIND.get
    out = []
    for m in _TOKEN.finditer(text):  # (text.lower() could shift offsets: "İ" is two chars)
        tok = m.group()
        c = m.start()
        if tok[0] <= "9":
            if c and text[c - 1] in "0123456789.,$":
                continue
            d = _DIGIT_KIND.match(text, c)
            if d:
                out.append((d.lastgroup, c))
            continue
        kind = get(tok.lower())
        if kind is not None and (kind != "month" or text[c].isupper()):
            out.append((kind, c))
    return out


# For each kind of core: the rules to try and how many words before the core they may start.
_RULES_FOR: dict[str, tuple[tuple[str, int], ...]] = {
    "month": (("mdy", 4), ("dmy", 3), ("my", 5), ("month", 4), ("month_may", 2)),
    "weekday": (("weekday", 3), ("mdy", 3), ("holiday", 1)),
    "year4": (("year", 5), ("decade", 3), ("quarter", 5), ("half", 5), ("season", 4)),
    "iso": (("iso", 0),),
    "slash": (("slash", 0),),
    "decade": (("decade", 6),),
    "ordinal": (("ordinal", 1), ("dmy", 3), ("century", 3), ("quarter", 5)),
    "clock": (("clock", 3),),
    "unit": (
        ("ago", 8),
        ("ago_vague", 3),
        ("duration", 9),
        ("duration_bare", 3),
        ("the_past_unit", 5),
        ("relative", 5),
        ("the_unit", 5),
        ("year_end", 4),
        ("year_earlier", 0),
        ("set", 4),
        ("quarter", 7),
        ("nine_months", 5),
        ("century", 3),
        ("half", 3),
        ("dayref", 4),
        ("part", 3),
        ("holiday", 2),
    ),
    "half": (("half", 2),),
    "season": (("season", 4), ("relative", 4), ("set", 2)),
    "dayword": (("dayref", 4), ("part", 3), ("weekday", 1), ("set", 2)),
    "holiday": (("holiday", 2),),
    "spoken": (("spoken_year", 4), ("spoken_year2", 0), ("season", 4)),
    "ref": (("ref", 3), ("ago_vague", 4), ("duration_bare", 2), ("relative", 3)),
    "set": (("set", 0), ("ref", 1)),
}
_RULE_RX = dict(_RULES)
_PLAN = {
    kind: tuple((name, _RULE_RX[name], back, _PRIORITY[name]) for name, back in rules)
    for kind, rules in _RULES_FOR.items()
}
_WORD_START = re.compile(r"(?<![\w'’.])['’]?\w")
_LOOKBACK = 64
_MAX_BACK = 9


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match[str]]]:
    found = []
    seen: set[tuple[str, int]] = set()
    starts_all = [m.start() for m in _WORD_START.finditer(text)]
    for kind, c in _cores(text):
        lo = bisect.bisect_left(starts_all, c - _LOOKBACK)
        hi = bisect.bisect_left(starts_all, c)
        window = starts_all[max(lo, hi - _MAX_BACK) : hi]
        window.append(c)
        for name, rx, back, prio in _PLAN[kind]:
            for s in window[-back - 1 :]:
                key = (name, s)
                if key in seen:
                    continue
                seen.add(key)
                m = rx.match(text, s)
                if m and m.end() > c:
                    found.append((s, m.end(), prio, name, m))
    return found


def _select(found: list[tuple[int, int, int, str, re.Match[str]]]):
    """Non-overlapping mentions, the longest winning (earlier rules break ties)."""
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []  # sorted disjoint spans
    chosen = []
    for c in found:
        s, e = c[0], c[1]
        i = bisect.bisect_left(taken, (s, -1))
        if i > 0 and taken[i - 1][1] > s:
            continue
        if i < len(taken) and taken[i][0] < e:
            continue
        taken.insert(i, (s, e))
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " ,;:.-'’":
        # keep a final period only when it belongs to an abbreviation like "Oct." or "p.m."
        if text[e - 1] == "." and re.search(r"(?:\b[A-Za-z]{3,4}|\b[ap]\.m)\.$", text[s:e]):
            break
        e -= 1
    while s < e and text[s] in " ,;:-":
        s += 1
    return s, e


# "the quarter-to-quarter comparison", "day-to-day running": a unit compounded into a modifier
# of manner names no time of its own
_COMPOUND_AFTER = re.compile(r"-(?:to|over|on)-[a-z]", _F)


def find_dates(text: str, anchor: Date | None) -> list[DateMention]:
    """Every temporal expression in `text`, resolved against `anchor` where it is relative."""
    if not text or not isinstance(text, str):
        return []
    anchor = anchor if isinstance(anchor, Date) else None
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    sentence_bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
    paragraph_bounds = [m.end() for m in _PARAGRAPH.finditer(text)]
    ctx = _Ctx(text, anchor, sentence_bounds, paragraph_bounds)
    out: list[DateMention] = []
    for s, e, _prio, name, m in _select(_candidates(text)):
        try:
            res = _resolve(name, m, ctx)
        except (ValueError, OverflowError, KeyError, TypeError, AttributeError, IndexError):
            res = None
        if res is None:
            continue
        typ, value, day = res
        s2, e2 = _trim(text, s, e)
        if e2 <= s2 or _COMPOUND_AFTER.match(text, e2):
            continue
        if day is not None and name != "clock":  # a clock time names no day of its own
            ctx.last_day, ctx.last_day_para = day, ctx.paragraph(s2)
        if typ == "DURATION" and value in ("P6M", "P9M") and "the " in text[s2:e2].lower():
            ctx.period = value  # "for the first nine months": the report moves to that stretch
        out.append(DateMention(text[s2:e2], s2, e2, typ, value, day))
    return _join_time_and_day(text, out)


def _join_time_and_day(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "10 a.m. Tuesday" and "Friday, 3 p.m." are one TIME on that day."""
    if len(mentions) < 2:
        return mentions
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None:
            gap = text[cur.end : nxt.start]
            pair = None
            if re.fullmatch(r",?\s{1,2}(?:on\s+)?", gap) or (
                re.fullmatch(r"\s*,\s*", gap) and cur.type in ("DATE", "TIME")
            ):
                pair = _merge_pair(cur, nxt)
            if pair is not None:
                out.append(DateMention(text[cur.start : nxt.end], cur.start, nxt.end, *pair))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


def _merge_pair(a: DateMention, b: DateMention) -> tuple[str, str, Date | None] | None:
    def clock(v: str) -> str | None:
        return v.split("T", 1)[1] if "T" in v else None

    if a.type == "TIME" and b.type == "DATE" and b.day and clock(a.value):
        return "TIME", f"{b.day.isoformat()}T{clock(a.value)}", b.day
    if a.type == "DATE" and a.day and b.type == "TIME" and clock(b.value):
        return "TIME", f"{a.day.isoformat()}T{clock(b.value)}", a.day
    if a.type == "DATE" and b.type == "DATE" and a.day and b.day and a.day == b.day:
        return "DATE", a.value, a.day
    return None


def looks_ahead(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each (start, end) span: whether its sentence narrates the future ("talks will
    continue on Thursday") rather than the past."""
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
    out = []
    for start, end in spans:
        i = bisect.bisect_right(bounds, start)
        s = bounds[i - 1] if i else 0
        e = bounds[i] if i < len(bounds) else len(text)
        out.append(_is_future(text, s, start, end, e))
    return out


# ---------------------------------------------------------------------------- periods


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
                return (
                    (Date(y, 1, 1), Date(y, 6, 30), 3)
                    if p == "H1"
                    else (Date(y, 7, 1), Date(y, 12, 31), 3)
                )
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
