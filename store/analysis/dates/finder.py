"""Finding the mentions: a document is read token by token, each token that can be the core
of a temporal expression names the rules to try around it, the longest non-overlapping
matches win, each is resolved in reading order (so later mentions can refer to earlier
ones), and a clock time next to its day becomes one TIME."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from store.analysis.dates.absolute import range_start
from store.analysis.dates.context import Context
from store.analysis.dates.mention import Date, DateMention
from store.analysis.dates.resolve import resolve
from store.analysis.dates.rules import PRIORITY, RULES
from store.analysis.dates.tense import SENTENCE_END, TenseCues

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
    r"|(?P<clock>\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b|\d{1,2}:\d\d(?![\d:])"
    r"|\d{4}\s*(?:GMT|UTC|Z)\b)"
    r"|(?P<code>(?<=[QH])[1-4]\b|[1-4][QH](?:\d\d)?\b)"
    r"|(?P<fy>(?:(?<=FY)|(?<=FY\s))\d\d(?:\d\d)?\b)"
    r"|(?P<year4>(?:1[5-9]\d\d|20\d\d)(?![\d%]))"
    r"|(?P<dayend>(?:(?<=\d[-–])|(?<=\d\s[-–]\s)|(?<=\d\sand\s)|(?<=\d\sto\s)"
    r"|(?<=\d\sor\s)|(?<=\d\sthrough\s))\d{1,2}(?:st|nd|rd|th)?\b)",
    re.IGNORECASE,
)
_WORD_KIND: dict[str, str] = {}


def _kind(kind: str, words: str, plural: bool = False) -> None:
    for w in words.split():
        _WORD_KIND.setdefault(w, kind)
        if plural:
            _WORD_KIND.setdefault(w + "s", kind)


_kind("month", "january february march april may june july august september october november"
      " december jan feb mar apr jun jul aug sep sept oct nov dec")
_kind("weekday", "monday tuesday wednesday thursday friday saturday sunday", plural=True)
_kind("unit", "second minute hour day week weekend fortnight month quarter year decade period",
      plural=True)
_kind("unit", "century centuries millennium millennia")
_kind("half", "half halves")
_kind("season", "spring summer autumn winter fall")
_kind("dayword", "yesterday today tomorrow tonight night morning afternoon evening")
_kind("set", "daily weekly monthly annually yearly hourly nightly biweekly bimonthly semiannually"
      " every each per once twice times")
_kind("holiday", "christmas halloween valentine thanksgiving easter")
_kind("spoken", "nineteen eighteen thousand")
_kind("ref", "now nowadays currently present presently recent recently lately past earlier future"
      " term run possible eventually moment ago coming")
_kind("ref", "current")
_kind("decadeword", "twenties thirties forties fifties sixties seventies eighties nineties")
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
            if d and (d.lastgroup != "dayend" or range_start(text, c)):
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
    "ordinal": (("ordinal", 1), ("day_range_end", 0), ("dmy", 3), ("century", 3), ("quarter", 5)),
    "clock": (("clock", 3),),
    "unit": (("ago", 8), ("ago_vague", 3), ("duration", 9), ("duration_bare", 3),
             ("the_past_unit", 5), ("relative", 5), ("the_unit", 5), ("year_end", 4),
             ("year_earlier", 0),
             ("set", 4), ("quarter", 7), ("nine_months", 5), ("century", 3), ("half", 3),
             ("dayref", 4), ("part", 3), ("holiday", 2), ("month_week", 2)),
    "half": (("half", 2), ("half_code", 1)),
    "season": (("season", 4), ("relative", 4), ("set", 2)),
    "dayword": (("dayref", 4), ("part", 3), ("weekday", 1), ("set", 2)),
    "holiday": (("holiday", 2),),
    "spoken": (("spoken_year", 4), ("spoken_year2", 0), ("season", 4)),
    "ref": (("ref", 3), ("ago_vague", 4), ("duration_bare", 2), ("relative", 3)),
    "set": (("set", 0), ("ref", 1)),
    "dayend": (("day_range_end", 0),),
    "decadeword": (("decade_word", 5),),
    "code": (("quarter_code", 1), ("half_code", 1)),
    "fy": (("fiscal_code", 1),),
}
_RULE_RX = dict(RULES)
_PLAN = {
    kind: tuple((name, _RULE_RX[name], back, PRIORITY[name]) for name, back in rules)
    for kind, rules in _RULES_FOR.items()
}
_WORD_START = re.compile(r"(?<![\w'’.])['’]?\w")
_LOOKBACK = 64
_MAX_BACK = 9


Candidate = tuple[int, int, int, str]  # start, end, priority, rule name


def _candidates(text: str) -> list[Candidate]:
    """Every rule match around every core. Only spans are kept (a hostile text has tens of
    thousands): the chosen few are matched again to be resolved."""
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
                    found.append((s, m.end(), prio, name))
    return found


def _select(found: list[Candidate], size: int) -> list[Candidate]:
    """Non-overlapping mentions, the longest winning (earlier rules break ties). A byte per
    character marks what is taken, so each candidate costs its own length."""
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(size)
    chosen = []
    for c in found:
        s, e = c[0], c[1]
        if taken.find(1, s, e) != -1:
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


# TimeML leaves a preposition out of the extent ("for [the past two months]", "in [the
# past]"): a rule may need it to decide, the span does not keep it
_PREPOSITION = re.compile(r"(?:in|for|over|during|within|throughout)\s+(?=\S)", re.IGNORECASE)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    if text.endswith(("'s", "’s"), s, e) and e - s > 2:
        e -= 2  # the possessive is no part of the extent: "[last year]'s profit"
    while e > s and text[e - 1] in " ,;:.-'’":
        # keep a final period only when it belongs to an abbreviation like "Oct." or "p.m."
        if text[e - 1] == "." and re.search(r"(?:\b[A-Za-z]{3,4}|\b[ap]\.m)\.$", text[s:e]):
            break
        e -= 1
    while s < e and text[s] in " ,;:-":
        s += 1
    if (m := _PREPOSITION.match(text, s, e)) and m.end() < e:
        s = m.end()
    return s, e


# "the quarter-to-quarter comparison", "day-to-day running": a unit compounded into a modifier
# of manner names no time of its own
_COMPOUND_AFTER = re.compile(r"-(?:to|over|on)-[a-z]", re.IGNORECASE)


def find_dates(text: str, anchor: Date | None) -> list[DateMention]:
    """Every temporal expression in `text`, resolved against `anchor` where it is relative."""
    if not text or not isinstance(text, str):
        return []
    anchor = anchor if isinstance(anchor, Date) else None
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    sentence_bounds = [m.end() for m in SENTENCE_END.finditer(text)]
    paragraph_bounds = [m.end() for m in _PARAGRAPH.finditer(text)]
    ctx = Context(text, anchor, sentence_bounds, paragraph_bounds, TenseCues(text))
    out: list[DateMention] = []
    for s, e, _prio, name in _select(_candidates(text), len(text)):
        m = _RULE_RX[name].match(text, s)
        try:
            res = resolve(name, m, ctx)
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
    """"10 a.m. Tuesday" and "Friday, 3 p.m." are one TIME on that day."""
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
