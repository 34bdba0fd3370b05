"""The words of time and the pattern pieces the rules are built from, and how to read them:
spelled numbers, units, month and weekday names, spoken years."""

from __future__ import annotations

import re

from store.analysis.dates.mention import Date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
VAGUE = {"several", "few", "many", "some", "dozens", "numerous", "recent", "coming"}
UNIT_CODE = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "W",
    "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "centur": "C",
    "millenni": "L",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "midday": "MI", "noon": "12:00", "midnight": "24:00", "overnight": "NI",
}


NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|zero|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen)"
)
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:a|one|two|three|four|five|several)\s+(?:hundred|thousand)"
    r"(?:\s+(?:and\s+)?" + NUMW + r")?|" + NUMW + r"|a\s+dozen|dozens\s+of|a\s+couple\s+of"
    r"|a\s+few|an?|several|few|many|some|couple\s+of|numerous|half\s+an?|one\s+and\s+a\s+half)"
)
UNIT = (
    r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?"
    r"|centur(?:y|ies)|millenni(?:um|a)"
)
MOD = (
    r"(?:about|around|approximately|roughly|nearly|almost|only|just|barely|at\s+least|at\s+most"
    r"|more\s+than|less\s+than|fewer\s+than|over(?!\s+the\b)|under(?!\s+the\b)|up\s+to"
    r"|as\s+many\s+as|as\s+long\s+as"
    r"|close\s+to|upwards\s+of|some|another|the\s+better\s+part\s+of|a\s+good\s+part\s+of)"
)
# Month names must be capitalised ("may" is a verb); abbreviations take an optional period.
MONTH = (
    r"(?-i:(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)|March|Apr(?:il|\.)|April|May|June?"
    r"|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER"
    r"|NOVEMBER|DECEMBER))(?![a-z])"
)
MONTH_FULL = (
    r"(?-i:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)(?![a-z])"
)
WEEKDAY = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)day"
)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
DAYORD = (
    r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-](?:first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[\s-]first"
)
_YEAR4 = r"(?:1[5-9]|20)\d\d"
# A hyphen next to a year joins it to a number ("555-2010", "2010-05-03") unless the other side
# is a year too ("2009-2010": two years) or a prefix ("mid-2009", "pre-2008").
YEAR = (
    r"(?:(?<![\d$£€.,-])|(?<=\bmid-)|(?<=\bpre-)|(?<=(?<![\d.,-])" + _YEAR4 + r"-))"
    r"(?<!Section\s)(?<!Article\s)(?<!No\.\s)(?<!Flight\s)(?<!Route\s)"
    r"(?<!Chapter\s)(?<!Resolution\s)(?<!Room\s)(?:1[5-9]\d\d|20\d\d)"
    r"(?![\d%]|,\d|\.\d|-(?!" + _YEAR4 + r"(?![\d-]))\d)"
)
SPOKEN_YEAR = (
    r"(?:nineteen|eighteen)[\s-](?:hundred|" + NUMW + r")|two[\s-]thousand(?:[\s-](?:and[\s-])?"
    r"(?:" + NUMW + r"))?"
)
# After a month and day any four-digit year is a year, however far away.
ANYYEAR = r"(?:(?<![\d$])[12]\d{3}(?![\d%])|" + SPOKEN_YEAR + r"|'\d\d)"
PART = r"(?:morning|afternoon|evening|night)"
AMPM = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
ZONE = (
    r"(?:\s+(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|IST|JST|HKT|SGT|AE[SD]T|MSK)(?!\w)"
    r"|\s+local\s+time)?"
)
# Words that make a bare "Q3" or "first-half" a period of the books, not a model or a match
FINANCE_NOUN = (
    r"(?:results?|earnings|profits?|sales|revenues?|net|loss(?:es)?|income|growth|gdp|output"
    r"|figures|numbers|guidance|reports?|forecasts?|estimates?|outlook|deliveries|shipments"
    r"|performance|dividends?|deficits?|surplus|margins?|operating|turnover|orders)"
)
DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
QORD = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def quantity(text: str) -> float | None:
    """A spelled or written quantity; None for vague ones ("several", "a few")."""
    t = text.lower().replace(",", "").strip()
    t = re.sub(r"\s+of$", "", t)
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in VAGUE or t.startswith(("a few", "dozens", "several", "some", "many", "few")):
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
        if w in SMALL:
            current += SMALL[w]
        elif w in TENS:
            current += TENS[w]
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


def unit_code(unit: str) -> str:
    u = unit.lower()
    for key, code in UNIT_CODE.items():
        if u.startswith(key):
            return code
    return "D"


def duration_value(n: float | None, unit: str) -> str:
    code = unit_code(unit)
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


def month_number(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def weekday_number(name: str) -> int:
    return WEEKDAYS[name.lower()[:3]]


def ordinal_day(text: str) -> int | None:
    t = text.lower().replace("-", " ")
    m = re.match(r"\d+", t)
    if m:
        return int(m.group())
    if t in ORDINALS:
        return ORDINALS[t]
    parts = t.split()
    if len(parts) == 2 and parts[0] in TENS:
        return TENS[parts[0]] + ORDINALS.get(parts[1], 0)
    return None


def year_number(text: str, anchor: Date | None) -> int | None:
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
        rest = quantity(" ".join(parts[1:]))
        return None if rest is None else base + int(rest)
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        return 2000 + (int(quantity(" ".join(rest)) or 0) if rest else 0)
    return None
