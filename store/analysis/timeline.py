"""The dated events an article reports, and one timeline across several articles.

An event is the clause or sentence around a resolved date. A sentence with one date is one
event; a sentence with dates of different days is cut at the clause boundary between them
("... said on Wednesday | that ... began last Thursday"). Events order by the last day of
their period, then precision: a week- or month-precise event ("last week") is known to have
happened by the period's end, so it follows the day-precise events of that period and
precedes the next period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from store.analysis.dates import DateMention, value_period
from store.analysis.segment import sentence_spans
from store.article import paragraph_spans


@dataclass(frozen=True)
class Event:
    date: str  # ISO day "2022-02-24", or the TIMEX3 value of a coarser period ("2022-W08")
    text: str  # the clause/sentence around the date, shortened to a readable line
    start: int  # offsets of that clause/sentence in the text
    end: int


@dataclass(frozen=True)
class CombinedEvent:
    date: str
    text: str
    sources: list[tuple[int, int, int]]  # (article_id, start, end) of every article reporting it


MAX_LINE = 200

# Where a sentence may be cut between two dates, strongest first.
_BOUNDARIES = [
    re.compile(r";\s+"),
    re.compile(
        r",?\s+(?=(?:since|after|before|when|while|until|whereas|although|though|"
        r"because|but)\b)"
    ),
    re.compile(r",?\s+(?=that\b)"),
    re.compile(r",\s+(?=and\b)|\s+(?=and\s+(?:then\s+)?\w+(?:ed|s)\b)"),
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


def _timeline_date(mention: DateMention) -> tuple[str, tuple[dt.date, int]] | None:
    """The event date of a mention and its sort key, or None when it names no calendar period
    (durations, sets, "now", decades)."""
    if mention.type not in ("DATE", "TIME"):
        return None
    if mention.day is not None:
        return mention.day.isoformat(), (mention.day, 0)
    period = value_period(mention.value)
    if period is None:
        return None
    first, last, rank = period
    if rank == 0:
        return first.isoformat(), (first, 0)
    return mention.value.split("T")[0], (last, rank)


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


def shorten(line: str, focus: int | None = None, limit: int = MAX_LINE) -> str:
    """One readable line: whitespace collapsed, cut at word boundaries around `focus`."""
    flat = " ".join(line.split())
    if len(flat) <= limit:
        return flat
    if focus is None:
        focus = 0
    focus = min(max(focus, 0), len(flat))
    # Keep the clause's opening (its subject) when the date falls early enough.
    start = 0 if focus < limit - 40 else max(0, min(focus - limit // 2, len(flat) - limit))
    end = start + limit
    if start > 0:
        sp = flat.find(" ", start)
        start = sp + 1 if 0 <= sp < focus else start
    if end < len(flat):
        sp = flat.rfind(" ", start, end)
        end = sp if sp > focus else end
    return ("…" if start > 0 else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def _content_words(text: str) -> frozenset[str]:
    return frozenset(
        w.lower()[:5] for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _STOP
    )


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
    events: list[tuple[tuple, Event]] = []
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
    return _dedupe(events)


def _sentence_events(text, s_start, s_end, group) -> list[tuple[tuple, Event]]:
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
            if not _says_something(text, es, ee, run):
                continue
            line = shorten(text[es:ee], mention.start - es)
            if line and line[0].islower():
                line = line[0].upper() + line[1:]
            out.append(((key, es), Event(date, line, es, ee)))
        k = end_k + 1
    return out


def _says_something(text: str, s: int, e: int, run) -> bool:
    """A clause that is only its date ("WASHINGTON, August 11 (Xinhua) --") is no event."""
    rest = text[s:e]
    for item in run:
        m = item[0]
        rest = rest.replace(text[m.start : m.end], " ")
    return len(_WORD.findall(rest)) >= 3


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


def _dedupe(events: list[tuple[tuple, Event]]) -> list[Event]:
    """Order by date; merge the same date's events when they are one clause or say the same."""
    events.sort(key=lambda x: x[0])
    kept: list[tuple[tuple, Event, frozenset[str]]] = []
    for key, ev in events:
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


def _event_key(date: str) -> tuple[dt.date, int] | None:
    period = value_period(date)
    if period is None:
        return None
    return period[1], period[2]


def _period(date: str) -> tuple[dt.date, dt.date, int] | None:
    return value_period(date)


def _compatible(a: str, b: str) -> bool:
    """Same day, or one period containing the other ("last week" and "the 25th")."""
    if a == b:
        return True
    pa, pb = _period(a), _period(b)
    if pa is None or pb is None:
        return False
    return (pa[0] <= pb[0] and pb[1] <= pa[1]) or (pb[0] <= pa[0] and pa[1] <= pb[1])


SAME_EVENT = 0.15  # weighted share of content words two reports of one event have in common
MIN_SHARED = 3


def combine_timelines(timelines: dict[int, list[Event]]) -> list[CombinedEvent]:
    """One timeline of several articles: the same event reported by two articles (compatible
    dates, shared distinctive words) shows once, with both as sources, at the most precise
    date any of them gives. Words shared by many events ("Russia" in a war story) count less."""
    items = []
    for article_id, events in timelines.items():
        for ev in events or []:
            key = _event_key(ev.date)
            if key is None:
                continue
            items.append((key, article_id, ev, _content_words(ev.text)))
    df: dict[str, int] = {}
    for *_, words in items:
        for w in words:
            df[w] = df.get(w, 0) + 1

    def weight(words: frozenset[str]) -> float:
        return sum(1 / df[w] for w in words)

    items.sort(key=lambda x: (x[0][1], x[0][0], x[1], x[2].start))  # precise dates first
    clusters: list[dict] = []
    for key, article_id, ev, words in items:
        best, best_score = None, 0.0
        for c in clusters:
            if article_id in c["articles"] or not _compatible(c["date"], ev.date):
                continue
            shared = words & c["words"]
            if len(shared) < MIN_SHARED:
                continue
            score = weight(shared) / max(min(weight(words), weight(c["words"])), 1e-9)
            if score > best_score:
                best, best_score = c, score
        if best is not None and best_score >= SAME_EVENT:
            best["sources"].append((article_id, ev.start, ev.end))
            best["articles"].add(article_id)
            continue
        clusters.append(
            {
                "key": key,
                "date": ev.date,
                "text": ev.text,
                "words": words,
                "articles": {article_id},
                "sources": [(article_id, ev.start, ev.end)],
                "order": (article_id, ev.start),
            }
        )
    clusters.sort(key=lambda c: (c["key"][0], c["key"][1], c["order"]))
    return [CombinedEvent(c["date"], c["text"], c["sources"]) for c in clusters]
