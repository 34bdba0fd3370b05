"""The rule table: each rule's name and pattern, in priority order (earlier rules win ties).
The resolver for each name is in `resolve`."""

from __future__ import annotations

import re

from store.analysis.dates.vocab import (
    AMPM,
    ANYYEAR,
    DAYNUM,
    DAYORD,
    DECADE_WORD,
    FINANCE_NOUN,
    MOD,
    MONTH,
    MONTH_FULL,
    NUMBER,
    NUMW,
    QORD,
    SPOKEN_YEAR,
    UNIT,
    WEEKDAY,
    YEAR,
    ZONE,
    rx,
)

# Each rule: (name, compiled pattern); `resolve` maps each name to its resolver.
RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", rx(r"\b(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d)?)?\b")),
    ("slash", rx(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)(?![\d/])")),
    (
        "mdy",
        rx(
            r"(?:(?:(?:last|this|next|this\s+coming|this\s+past)\s+)?(" + WEEKDAY + r"),?\s+)?"
            r"(?:(?:early|late|mid)[\s-]+)?"
            r"(" + MONTH + r")\s+(" + DAYNUM + r"|" + DAYORD + r")(?!\w|:\d)"
            r"(?:,?\s+(" + ANYYEAR + r"))?"
        ),
    ),
    (
        "dmy",
        rx(
            r"(?:(" + WEEKDAY + r"),?\s+)?(?:the\s+)?(" + DAYNUM + r"|" + DAYORD + r")"
            r"\s+(?:of\s+)?(" + MONTH + r")(?:,?\s+(" + ANYYEAR + r"))?"
        ),
    ),
    (
        "my",
        rx(
            r"(?:(?:early|late|mid)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle|first\s+half"
            r"|second\s+half)\s+of\s+)?(" + MONTH + r"),?\s+(?:of\s+)?(" + ANYYEAR + r")"
        ),
    ),
    (
        "month",
        rx(
            r"(?:(?:early|late|mid)[\s-]+|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+"
            r"|(this\s+past|this\s+coming|last|this|next|every|each)\s+)?"
            r"(?<![\w.])(" + MONTH_FULL + r")(?![\s.]*\d)"
        ),
    ),
    (
        "month_may",  # "May" needs a temporal word before it to be the month
        rx(
            r"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bin\searly\s)"
            r"|(?<=\bof\s))(?-i:May)(?![\s.]*\d)(?![\w])"
            r"|(?:early|late|mid|last|this|next)[\s-]+(?-i:May)(?![\s.]*\d)(?!\w)"
            # one end of a range of months: "from May to July", "March to May"
            r"|(?:(?<=\bfrom\s)|(?<=\bbetween\s))(?-i:May)(?=\s*(?:[-–]|(?:to|and|through"
            r"|until|till)\s)\s*" + MONTH_FULL + r")"
            r"|(?:(?<=\bto\s)|(?<=\band\s)|(?<=\bthrough\s)|(?<=\btill\s)|(?<=\bor\s)"
            r"|(?<=[-–]))(?-i:May)(?![\s.]*\d)(?!\w)"
        ),
    ),
    (
        "year",
        rx(
            r"(?:(?:the\s+)?(?:end|beginning|start|middle"
            r"|rest|course|bulk|remainder|spring|summer|fall|autumn|winter)\s+of\s+|(?:early|late|mid)"
            r"[\s-]+|(?:fiscal|calendar|the\s+year|model)\s+(?:year\s+)?)?(?<!\w)(" + YEAR + r")"
            r"(?:\s+or\s+later)?"
        ),
    ),
    ("spoken_year", rx(r"(?:the\s+(?:year\s+)?|(?<=\bin\s))(" + SPOKEN_YEAR + r")\b")),
    ("spoken_year2", rx(r"\b(nineteen[\s-]" + NUMW + r")\b")),
    (
        "decade",
        rx(
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?((?:1[5-9]|20)\d0|'\d0)'?s\b"
            r"|(?:the\s+)?(?:last|first|second)\s+half\s+of\s+the\s+('\d0|(?:1[5-9]|20)\d0)'?s\b"
        ),
    ),
    (
        "century",
        rx(
            r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)[\s-]century"
            r"|(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(eighteenth|nineteenth|twentieth|"
            r"twenty[\s-]first)[\s-]century|\b(this|last|next|the\s+last|the\s+past)\s+century"
        ),
    ),
    (
        "quarter",
        rx(
            r"(?:(?:the|this|that|its|their|a)\s+)?(?:(?:(?:" + YEAR + r"|fiscal\s+" + YEAR
            + r"|year-(?:earlier|ago)|year\s+(?:earlier|ago)|comparable|latest|current|recent"
            r"|fiscal|same|previous|preceding|past|just[\s-]ended|(?:this|last|next)\s+year's"
            r"|year's|calendar)\s+){0,3})"
            r"(?:(" + QORD + r")[\s-]+(?:fiscal\s+)?(?:quarter|period)s?\b|"
            r"(?<=the\s)quarter\b|(?<=that\s)quarter\b|(?<=this\s)quarter\b|(?<=latest\s)quarter"
            r"|(?<=current\s)quarter|(?<=ago\s)quarter|(?<=earlier\s)quarter|(?<=same\s)quarter"
            r"|(?<=previous\s)quarter|(?<=comparable\s)quarter|(?<=earlier\s)period"
            r"|(?<=ago\s)period|(?<=same\s)period|(?<=comparable\s)period)(?![a-z])"
            r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(" + YEAR + r")|\s+of\s+(this|last|next|the)\s+year)?"
        ),
    ),
    (
        "half",
        rx(
            r"(?:the\s+)?(first|second|last|latter)\s+half(?:\s+of\s+(?:(?:fiscal\s+)?("
            + YEAR + r")|(this|last|next|the)\s+year))?(?!\s+of\s+the\s+)"
        ),
    ),
    (
        "nine_months",
        rx(r"(?:the\s+)?(?:(?:first|latest|year-earlier|past)\s+)?(six|nine)[\s-]months?(?:\s+period)?"
            r"(?=\s+(?:ended|ending|to|of|were|was|results|period|profit|net|earnings|sales)\b|[,.])"
            r"|(?:the\s+)?year[\s-](?:earlier|ago)\s+(six|nine)[\s-]months?\b"),
    ),
    (
        "relative",
        rx(
            r"(?:(earlier|later|early|late|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder"
            r"|balance|first\s+half|second\s+half)\s+of)\s+)?"
            r"(this\s+past|this\s+coming|last|this|next|the\s+current|the\s+same|that|the\s+previous"
            r"|the\s+following|the\s+coming|the\s+past)\s+"
            r"(year|month|week|weekend|decade|spring|summer|fall|autumn|winter)(?!-)(?:'s)?"
        ),
    ),
    (
        "the_unit",
        rx(
            r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+)?(?:"
            r"(?<!\w)the\s+weekend\b|"
            r"(?<!\w)the\s+(?:(?:fiscal|calendar|current|full|entire)\s+)?(year|week|weekend|month"
            r"|day)(?=['’]s\b|\s+(?:before|after|earlier|ago|ended"
            r"|ending|to\s+date)\b|[,.;]|\s+(?:and|but|as|when|while|in|on)\b))"
        ),
    ),
    ("year_earlier", rx(r"\byear[\s-](?:earlier|ago)\b(?=\s+\w)")),
    ("year_end", rx(r"\b(?:year[\s-]end|year[\s-]to[\s-]date|the\s+end\s+of\s+the\s+year)\b")),
    (
        "season",
        rx(
            r"(?:(?:early|late|mid)[\s-]+|(?:in\s+)?the\s+)?(spring|summer|autumn|winter|fall)"
            r"(?:\s+of\s+(" + ANYYEAR + r")|\s+(" + YEAR + r"))"
            r"|(?:(?<=\bin\s)|(?<=\bover\s)|(?<=\bduring\s)|(?<=\bthrough\s)|(?<=\bsince\s)"
            r"|(?<=\buntil\s))(?:the\s+)?(?:(?:early|late)\s+)?(spring|summer|autumn|winter|fall)\b"
            r"(?!\s+of\s)|\b(summer|winter)\b(?=\s+(?:holidays?|vacation|months)\b)"
        ),
    ),
    (
        "dayref",
        rx(
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
        rx(
            r"(?:" + MOD + r"\s+)?(" + NUMBER + r")(?:\s+or\s+so)?[\s-]+(" + UNIT + r")"
            r"(?:\s+or\s+so)?\s+(ago|from\s+now|hence|earlier(?!\s+than)|later(?!\s+than)"
            r"|(?:before|after|back)(?=\s*[,.;:)]|\s*$))"
        ),
    ),
    (
        "ago_vague",
        rx(r"\b(?:(days|weeks|months|years|decades|moments|minutes|hours)\s+ago"
            r"|(?:a\s+)?(?:short|long)\s+time\s+ago)\b"),
    ),
    (
        "duration",
        rx(
            r"(?:" + MOD + r"\s+)?(?:(?:each\s+of\s+|all\s+of\s+|for\s+)?the\s+|each\s+of\s+the\s+"
            # "last" before a modifier is the verb: "[the trial will] last about six weeks"
            r"|this\s+)?(?:(past|last(?!\s+" + MOD + r"\s)|next|coming|previous|following|first"
            r"|final|remaining|initial"
            r"|latest|recent|same|additional|ensuing|preceding|subsequent)\s+)?"
            r"(?:" + MOD + r"\s+)?(" + NUMBER + r")[\s-]+"
            r"(?:(?:more|additional|extra|full|straight|consecutive|long|or\s+so|and\s+a\s+half)"
            r"[\s-]+)?(" + UNIT + r")(?:[\s-]+(?:long|old))?(?![\w-])"
        ),
    ),
    (
        "duration_bare",
        rx(
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
        rx(
            r"(?:" + MOD + r"\s+)?the\s+"
            r"(past|last|next|coming|previous|following|entire|whole|full)\s+"
            r"(year|month|week|day|decade|century|hour|quarter)(?![\w-])"
            r"|\b(day|week|month|year|hour)[\s-]long\b|\ball\s+(day|night|week|month|year)\s+long\b"
        ),
    ),
    (
        "weekday",
        rx(
            r"(?:(?:(last|this|next|this\s+coming|this\s+past|the\s+previous|the\s+following"
            r"|the\s+next|early|late|earlier|later|every|each)\s+|(?<=\bon\s))?"
            r"(?<!\w)(" + WEEKDAY + r")(s)?"
            r"(?:\s+(morning|afternoon|evening|night))?)"
        ),
    ),
    (
        "ordinal",
        rx(
            r"(?<!\w)the\s+(" + DAYORD + r")(?:\s+of\s+(?:(this|last|next|the\s+previous"
            r"|the\s+same)\s+month|(" + MONTH + r")))?(?!\w)"
        ),
    ),
    (
        "clock",
        rx(
            r"(?:(?:around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before"
            r"|after))\s+)?(?<![\w:.])(\d{1,2})(?:[:.](\d\d))?\s*(" + AMPM + r")" + ZONE
            + r"|(?<![\w:])(\d{1,2}):(\d\d)(?![\d:])" + ZONE
            + r"|\b(noon|midnight|midday|mid[\s-]?afternoon|mid[\s-]?morning|overnight)\b"
            r"|\b(\w+)\s+o'clock\b"
            # wire-service clock: "1600 GMT", "(0930 GMT)"
            r"|(?<![\w:.])([01]\d|2[0-3])([0-5]\d)\s*(?-i:GMT|UTC|Z)(?!\w)"
        ),
    ),
    ("part", rx(r"(?<!\w)(?:(?:in|during|on)\s+)?the\s+(morning|afternoon|evening|night)\b"
                 r"(?!\s+(?:of|before|after|\w+ing)\b)")),
    (
        "ref",
        rx(
            r"(?<![\w-])(?:(now|nowadays|currently|at\s+present|at\s+the\s+moment|at\s+this\s+time"
            r"|presently|the\s+present|these\s+days|right\s+now|for\s+now|the\s+current\s+period"
            r"|current(?=\s+[a-z]))"
            r"|(recently|lately|the\s+past|in\s+the\s+past|once|earlier"
            r"|(?<=\bthe\s)recent|(?<=\ba\s)recent|recent(?=\s+[a-z]+s\b))"
            r"|(the\s+future|in\s+future|the\s+near\s+term|the\s+short\s+term"
            r"|the\s+long\s+term|the\s+near\s+future|the\s+long\s+run|the\s+short\s+run"
            r"|as\s+soon\s+as\s+possible|eventually|in\s+the\s+coming\s+(?:days|weeks|months"
            r"|years)))(?![\w-])"
        ),
    ),
    (
        "set",
        rx(
            r"\b(daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"
            r"|bimonthly|semiannually)\b"
            r"|\b(?:every|each|per)\s+(?:(other|" + NUMBER + r")\s+)?(day|week|month|year"
            r"|quarter|hour|minute|night|morning|evening|weekend|decade|summer|winter|spring|fall"
            r"|autumn)s?\b"
            r"|\b(?:once|twice|three\s+times|(?:\d+|" + NUMW + r")\s+times)\s+(?:a|an|per|each"
            r"|every)\s+(day|week|month|year|quarter|hour|decade)\b"
        ),
    ),
    (
        "holiday",
        rx(
            r"(?:(last|this|next)\s+)?\b(christmas(?:\s+(?:eve|day))?|new\s+year's(?:\s+(?:day"
            r"|eve))?|halloween|valentine's\s+day|independence\s+day|thanksgiving(?:\s+day)?"
            r"|labor\s+day|memorial\s+day|election\s+day|easter(?:\s+(?:sunday|week))?"
            r"|good\s+friday)(?!\w)"
        ),
    ),
    (
        "day_range_end",  # "March 3-4", "April 24 and 25": the second day of the month named
        rx(
            r"(?:(?<=\d[-–])|(?<=\d\s[-–]\s)|(?<=\d\sand\s)|(?<=\d\sto\s)|(?<=\d\sor\s)"
            r"|(?<=\d\sthrough\s))(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"
            r"(?:,?\s+(" + ANYYEAR + r"))?"
        ),
    ),
    (
        "decade_word",
        rx(
            r"(?<!\w)the\s+(?:(?:early|late|mid)[\s-]+)?(?:(nineteen|eighteen)[\s-]?)?("
            + DECADE_WORD + r")(?!\w)"
        ),
    ),
    (
        "quarter_code",  # "Q3", "Q4 2009", "3Q09"
        rx(
            r"(?<![\w-])(?-i:Q([1-4])|([1-4])Q)(?:(\d\d)|[\s/-]*(" + YEAR + r")|\s*'(\d\d))?"
            r"(?![\w-])"
        ),
    ),
    (
        "half_code",  # "H1", "H2 2009", "first-half profit"
        rx(
            r"(?<![\w-])(?:(?-i:H([12])|([12])H)(?:(\d\d)|[\s/-]*(" + YEAR + r")|\s*'(\d\d))?"
            r"|(first|second)-half(?=\s+" + FINANCE_NOUN + r"\b))(?![\w-])"
        ),
    ),
    (
        "fiscal_code",  # "FY2011", "FY 2012", "FY09", "FY2010/11"
        rx(r"(?<![\w-])(?-i:FY)\s?((?:1[5-9]|20)\d\d|\d\d)(?:[/-]\d\d(?:\d\d)?)?(?![\w-])"),
    ),
    (
        "month_week",  # "the last week of March": a week of that month, not of the writing
        rx(
            r"(?:the\s+)?(first|second|third|fourth|last|final)\s+(week(?:end)?)\s+of\s+("
            + MONTH + r")(?:,?\s+(" + ANYYEAR + r"))?"
        ),
    ),
]

PRIORITY = {name: i for i, (name, _) in enumerate(RULES)}
