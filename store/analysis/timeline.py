"""The dated events an article reports, and one timeline across several articles.

An event is the clause or sentence around a resolved date, always the article's own words:
its text is exactly text[start:end], so a close reader can trust it. A sentence with one date
is one event; a sentence with dates of different days is cut at the clause boundary between
them ("... said on Wednesday | that ... began last Thursday"), and an over-long clause is
narrowed to the words around its date; `excerpt` shows where a cut was made with "…".
Events order by the last day of their period, then precision: a week- or month-precise event
("last week") is known to have happened by the period's end, so it follows the day-precise
events of that period and precedes the next period. A vague phrase that names the same
period again and again ("this year" in a long feature) gives one event, at its first use.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from store.analysis.combine import combine_reports, paused_collection, rarities
from store.analysis.dates import DateMention, value_period
from store.analysis.segment import sentence_spans
from store.article import cut_at_word, paragraph_spans


@dataclass(frozen=True)
class Event:
    # ISO day "2022-02-24" (with its time of day when the text names one, "2022-03-02TNI"),
    # or the TIMEX3 value of a coarser period ("2022-W08")
    date: str
    text: str  # exactly text[start:end]: the clause/sentence around the date
    start: int
    end: int
    cut_start: bool = False  # the clause starts inside a sentence (shown after "…")
    cut_end: bool = False  # ... or stops inside one (shown before "…")


@dataclass(frozen=True)
class CombinedEvent:
    date: str
    text: str
    sources: list[tuple[int, int, int]]  # (article_id, start, end) of every article reporting it
    cut_start: bool = False
    cut_end: bool = False


MAX_LINE = 200  # characters of an event's clause; a longer one is narrowed around its date
_CONTEXT = 3  # characters either side of a clause that tell whether it was cut
_ENDS = ".!?…:\"”’)»"

# Where a sentence may be cut between two dates, strongest first.
_BOUNDARIES = [
    re.compile(r";\s+"),
    # A run of blanks is tried once, from its start (or from the comma before it): a try from
    # each blank of a long run rescans the rest of it.
    re.compile(r"(?:,|(?<![,\s]))\s++(?=(?:since|after|before|when|while|until|whereas|"
               r"although|though|because|but)\b)"),
    re.compile(r"(?:,|(?<![,\s]))\s++(?=that\b)"),
    re.compile(r",\s++(?=and\b)|(?<![,\s])\s++(?=and\s+(?:then\s+)?\w+(?:ed|s)\b)"),
    re.compile(r",\s+"),
]
_LEADING = re.compile(
    r"(?:(?:and|but|that|since|after|before|when|while|until|whereas|although|though|because"
    r"|then|also|however|so)\b[\s,]*)+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP_WORDS = (
    "the a an and or but of to in on at by for with from into over after before since that"
    " this these those was were is are be been has have had its it their they them he she his"
    " her said says say also which who whom what when while than then there as not no more"
    " most last next first second third week month year day days today yesterday tomorrow"
    " monday tuesday wednesday thursday friday saturday sunday january february march april"
    " june july august september october november december local time earlier later same"
)
_STOP = frozenset(_STOP_WORDS.split())


def _sentences(text: str) -> list[tuple[int, int]]:
    return sentence_spans(text, paragraph_spans(text))


_PART_MINUTE = {"MO": 540, "MI": 720, "AF": 900, "EV": 1140, "NI": 1320}


def _minute(time: str) -> int:
    """Minutes into the day of a TIMEX time ("EV", "15:00"); -1 when unknown."""
    if time in _PART_MINUTE:
        return _PART_MINUTE[time]
    m = re.match(r"(\d\d):(\d\d)", time)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else -1


def _timeline_date(mention: DateMention) -> tuple[str, tuple[dt.date, int, int]] | None:
    """The event date of a mention and its sort key, or None when it names no calendar period
    (durations, sets, "now", decades). A day's events without a time come first, then those
    with one, in the order of the day."""
    if mention.type not in ("DATE", "TIME"):
        return None
    if mention.day is not None:
        day = mention.day.isoformat()
        if mention.value.startswith(day + "T"):  # "tonight", "at 3 p.m.": kept for the label
            return mention.value, (mention.day, 0, _minute(mention.value[len(day) + 1 :]))
        return day, (mention.day, 0, -1)
    period = value_period(mention.value)
    if period is None:
        return None
    first, last, rank = period
    if rank == 0:
        return first.isoformat(), (first, 0, -1)
    return mention.value.split("T")[0], (last, rank, -1)


def _cut(text: str, s: int, e: int) -> int | None:
    """The best place to cut text[s:e] (the stretch between two dates), or None."""
    stretch = text[s:e]
    for rx in _BOUNDARIES:
        found = list(rx.finditer(stretch))
        if found:
            return s + found[-1].start()
    return None


def _clean(text: str, s: int, e: int, cut: bool = True) -> tuple[int, int]:
    """Trim spaces and stray punctuation from a clause, and the connective ("that", "since")
    a cut left at its start."""
    while s < e and (text[s].isspace() or text[s] in ",;:"):
        s += 1
    m = _LEADING.match(text, s, e) if cut else None
    if m and m.end() < e:
        s = m.end()
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _window(text: str, s: int, e: int, focus: int, limit: int = MAX_LINE) -> tuple[int, int]:
    """At most `limit` characters of text[s:e] around `focus`, cut at spaces (never inside a
    word); keeps the clause's opening (its subject) when the date falls early enough."""
    if e - s <= limit:
        return s, e
    focus = min(max(focus, s), e)
    start = s if focus < s + limit - 40 else max(s, min(focus - limit // 2, e - limit))
    end = min(e, start + limit)
    if start > s:
        sp = text.find(" ", start, focus)
        start = sp + 1 if sp >= 0 else start
    if end < e:
        sp = text.rfind(" ", max(start, focus), end)
        end = sp if sp > start else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def clause_cuts(before: str, clause: str, after: str) -> tuple[bool, bool]:
    """Whether a clause starts, and whether it stops, inside a sentence, judged by the few
    characters `before` and `after` it (empty at the text's start or end)."""
    lead = before.rstrip(" \t")
    cut_start = bool(lead) and not lead.endswith("\n") and lead[-1] not in _ENDS
    stripped = clause.rstrip()
    cut_end = (
        bool(after)
        and not after.startswith("\n")
        and not (stripped and stripped[-1] in _ENDS)
    )
    return cut_start, cut_end


def cuts_in(text: str, start: int, end: int) -> tuple[bool, bool]:
    """`clause_cuts` of text[start:end] in its article."""
    return clause_cuts(
        text[max(0, start - _CONTEXT) : start], text[start:end], text[end : end + _CONTEXT]
    )


def excerpt(clause: str, cut_start: bool, cut_end: bool, limit: int | None = None) -> str:
    """A clause as shown: its own words, "…" where it was cut from its sentence, and cut at a
    word (with "…") when longer than `limit` characters."""
    if limit is not None and len(clause) > limit:
        return ("…" if cut_start else "") + cut_at_word(clause, limit)
    return ("…" if cut_start else "") + clause + ("…" if cut_end else "")


def _content_words(text: str) -> frozenset[str]:
    words = map(str.lower, _WORD.findall(text))  # ASCII letters: lowering keeps the length
    return frozenset(w[:5] for w in words if len(w) > 2 and w not in _STOP)


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def build_timeline(text: str, dates: list[DateMention]) -> list[Event]:
    """The article's dated events in date order; undated sentences are left out and the
    events one sentence reports for one date are merged."""
    if not text or not dates:
        return []
    sentences = _sentences(text)
    dated = []
    for d in dates:
        td = _timeline_date(d)
        if td is not None and 0 <= d.start < d.end <= len(text):
            dated.append((d, td))
    if not dated:
        return []
    dated.sort(key=lambda x: x[0].start)
    events: list[tuple[tuple, Event, str | None]] = []
    si = 0
    i = 0
    while i < len(dated):
        d = dated[i][0]
        while si < len(sentences) - 1 and sentences[si][1] <= d.start:
            si += 1
        s_start, s_end = sentences[si]
        group = [dated[i]]
        j = i + 1
        while j < len(dated) and dated[j][0].start < s_end:
            group.append(dated[j])
            j += 1
        events.extend(_sentence_events(text, s_start, s_end, group))
        i = j
    return _dedupe(_collapse_repeats(events))


def _sentence_events(text, s_start, s_end, group) -> list[tuple[tuple, Event, str | None]]:
    """Split one sentence's dated mentions into clause events, one per run of equal dates."""
    runs: list[list] = []
    for item in group:
        if runs and runs[-1][-1][1][0] == item[1][0]:
            runs[-1].append(item)
        else:
            runs.append([item])
    bounds = [s_start]
    for a, b in zip(runs, runs[1:], strict=False):
        cut = _cut(text, a[-1][0].end, b[0][0].start)
        bounds.append(cut if cut is not None else None)
    bounds.append(s_end)
    # Runs that could not be separated share the clause of their neighbour.
    out = []
    k = 0
    while k < len(runs):
        start = bounds[k]
        end_k = k
        while bounds[end_k + 1] is None:
            end_k += 1
        end = bounds[end_k + 1]
        cs, ce = _clean(text, start, end, cut=start != s_start)
        for run in runs[k : end_k + 1]:
            mention, (date, key) = run[0][0], run[0][1]
            es, ee = _narrow(text, cs, ce, mention) if ce - cs > MAX_LINE else (cs, ce)
            es, ee = _window(text, es, ee, mention.start)
            if not _says_something(text, es, ee, run):
                continue
            event = Event(date, text[es:ee], es, ee, *cuts_in(text, es, ee))
            out.append(((key, es), event, _vague_phrase(mention, key[1])))
        k = end_k + 1
    return out


_NAMED = re.compile(
    r"\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\b",
    re.IGNORECASE,
)


def _vague_phrase(mention: DateMention, rank: int) -> str | None:
    """The phrase of a mention that names a period only relative to the article's date ("this
    year", "last week", "the summer"), in one spelling; None for a day or a named period."""
    if rank == 0 or _NAMED.search(mention.text):
        return None
    return " ".join(mention.text.lower().split())


def _collapse_repeats(events: list[tuple[tuple, Event, str | None]]):
    """Keep the first event of each (vague phrase, period): "this year" in twelve sentences of
    a feature is one entry, at the sentence where the phrase first appears."""
    first: dict[tuple[str, str], int] = {}
    for _, ev, phrase in events:
        if phrase is not None:
            here = (phrase, ev.date)
            first[here] = min(first.get(here, ev.start), ev.start)
    return [
        (key, ev, phrase)
        for key, ev, phrase in events
        if phrase is None or first[(phrase, ev.date)] == ev.start
    ]


def _says_something(text: str, s: int, e: int, run) -> bool:
    """A clause that is only its date ("WASHINGTON, August 11 (Xinhua) --") is no event."""
    words = 0
    for item in run:  # the words around the mentions, each piece read once
        m = item[0]
        words += len(_WORD.findall(text, s, max(s, min(e, m.start))))
        s = max(s, m.end)
    words += len(_WORD.findall(text, s, e)) if s < e else 0
    return words >= 3


_STRONG = re.compile(r";\s+|,\s+(?=(?:but|while|whereas|although|though|and|which)\b)")


def _narrow(text: str, cs: int, ce: int, mention: DateMention) -> tuple[int, int]:
    """A long sentence narrowed to the clause holding the date, if that leaves enough."""
    left = cs
    for m in _STRONG.finditer(text, cs, mention.start):
        left = m.end()
    right = ce
    m = _STRONG.search(text, mention.end, ce)
    if m:
        right = m.start()
    if right - left < 40:
        return cs, ce
    return _clean(text, left, right)


def _dedupe(events: list[tuple[tuple, Event, str | None]]) -> list[Event]:
    """Order by date; merge the same date's events when they are one clause or say the same."""
    events.sort(key=lambda x: x[0])
    kept: list[tuple[tuple, Event, frozenset[str]]] = []
    for key, ev, _ in events:
        words = _content_words(ev.text)
        dup = False
        for k2, ev2, w2 in reversed(kept):
            if k2[0] != key[0]:
                break
            if (ev2.start, ev2.end) == (ev.start, ev.end) or _similar(words, w2) >= 0.8:
                dup = True
                break
        if not dup:
            kept.append((key, ev, words))
    return [ev for _, ev, _ in kept]


def combine_timelines(timelines: dict[int, list[Event]]) -> list[CombinedEvent]:
    """One timeline of several articles: the same event reported by two articles (compatible
    dates, shared distinctive words) shows once, with both as sources, at the most precise
    date any of them gives. Words shared by many events ("Russia" in a war story) count less.

    Compatible dates: the same period, or one containing the other ("last week" and "the
    25th"). An event is scored only against the reports that may be its best match, found
    with bounds on the score computed for a year's reports at once (store.analysis.combine):
    thousands of articles combine in about linear time, not in one comparison per pair."""
    with paused_collection():  # it makes no cycles: nothing for the collector to find
        return _combine(timelines)


def _combine(timelines: dict[int, list[Event]]) -> list[CombinedEvent]:
    items = []
    periods: dict[str, tuple | None] = {}  # a library repeats its dates
    for article_id, events in timelines.items():
        for ev in events or []:
            if ev.date not in periods:
                periods[ev.date] = value_period(ev.date)
            if (period := periods[ev.date]) is None:
                continue
            first, last, rank = period
            words = _content_words(ev.text)
            items.append((rank, last, article_id, ev.start, len(items), first, ev, words))
    df = Counter(chain.from_iterable(item[-1] for item in items))
    rarity = rarities(df)
    items.sort()  # precise dates first, and the same date in the order given
    reports = combine_reports(items, rarity)
    # By last day, then rank; stable, so a day's reports stay in article order.
    reports.sort(key=lambda c: (c.last, c.rank))
    return [
        CombinedEvent(c.ev.date, c.ev.text, c.sources, c.ev.cut_start, c.ev.cut_end)
        for c in reports
    ]
