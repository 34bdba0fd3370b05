"""When a quotation was said, when the text says so: "said on Tuesday", "told CNN on the 1st".

The day is a date the date finder resolved to one calendar day, standing in the reporting clause:
- after the reporting verb, with only circumstances between ("said in a joint interview with
  CNN on the 1st", "told reporters Tuesday"), in the same sentence and before any quotation mark
  or "that" (a date after those belongs to what was said);
- or opening the clause before it ("On Tuesday, Lavrov said", "Lavrov on Tuesday said").
The clause looked at is the quotation's own reporting verb's, and, for a quotation whose speaker
is named in an earlier sentence ("he said", the person named the sentence before), also the
clause where the speaker is named, when a reporting verb follows the name there.
Anything else is left to the article's date, which the caller marks as such.
"""

from __future__ import annotations

import bisect
import re

from store.analysis.attribution import cue_follows
from store.analysis.dates import DateMention
from store.analysis.quotes import Quote

__all__ = ["said_days"]

_AFTER = 90  # characters after the verb a date may stand
_BEFORE = 60  # characters before it
_NEARBY = 600  # how far before a quotation the clause naming its speaker may stand
_CIRCUMSTANCES = frozenset({
    "in", "on", "at", "a", "an", "the", "to", "with", "during", "after", "before", "and", "of",
    "his", "her", "their", "its", "this", "last", "late", "early", "earlier", "later", "interview",
    "interviews", "statement", "briefing", "conference", "press", "news", "reporters",
    "journalists", "told", "said", "joint", "online", "televised", "telephone", "phone", "radio",
    "speech", "rally", "event", "post", "message", "tweet", "email", "letter", "week", "month",
    "year", "morning", "afternoon", "evening", "night", "broadcast", "show", "program",
    "programme", "appearance", "session", "meeting", "remarks", "address", "video", "call"
})
_TOKEN = re.compile(r"[\w.’'&\-]+|[^\w\s]")
_STOPS = re.compile(r"[.!?;\u201c\u201d\"\u00ab\u00bb\u2018\u2019]\s|[\u201c\u201d\"\u00ab\u00bb]")


def _only_circumstances(gap: str) -> bool:
    for tok in _TOKEN.findall(gap):
        if tok == ",":
            continue
        low = tok.lower()
        if not (low in _CIRCUMSTANCES or tok[:1].isupper() or low.endswith(".com")):
            return False
    return True


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a date at `start` opens its sentence ("On Tuesday, ...")."""
    head = text[max(0, start - 16): start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
    rest = head[cut + 1:].strip().lower() if cut >= 0 else head.strip().lower()
    return rest in ("", "on", "earlier on", "late on", "early on") and (cut >= 0 or start < 16)


def _clause_day(text: str, dates: list[DateMention], starts: list[int], lo: int, hi: int):
    """The day of a date next to the reporting verb at [lo, hi), or None."""
    i = bisect.bisect_left(starts, hi)
    if i < len(dates) and dates[i].start - hi <= _AFTER:
        d = dates[i]
        gap = text[hi: d.start]
        if not _STOPS.search(gap) and _only_circumstances(gap):
            return d.day
    j = bisect.bisect_left(starts, lo) - 1
    if j >= 0 and lo - dates[j].end <= _BEFORE:
        d = dates[j]
        words = text[d.end: lo].replace(",", " ").split()
        if not words or _opens_sentence(text, d.start) and len(words) <= 6 and all(
                w[:1].isupper() or w.lower() in ("he", "she", "they", "we", "i") for w in words):
            return d.day  # "Lavrov on Tuesday said", "On Tuesday, Mr Lavrov said"
    return None


def said_days(text: str, quotes: list[Quote], dates: list[DateMention]) -> list[str | None]:
    """For each quotation, the ISO day it was said when the text says so, else None."""
    days = sorted((d for d in dates if d.day is not None and d.type in ("DATE", "TIME")),
                  key=lambda d: d.start)
    starts = [d.start for d in days]
    out: list[str | None] = []
    for q in quotes:
        day = None
        if q.cue_start is not None and q.cue_end is not None:
            day = _clause_day(text, days, starts, q.cue_start, q.cue_end)
        if day is None and q.speaker_end is not None and q.speaker_start is not None \
                and not q.start <= q.speaker_start < q.end and q.start - q.speaker_end < _NEARBY \
                and cue_follows(text, q.speaker_end, min(len(text), q.speaker_end + 40)):
            verb = re.search(r"\w+", text[q.speaker_end: q.speaker_end + 40])
            if verb is not None:
                at = q.speaker_end + verb.start()
                day = _clause_day(text, days, starts, at, at + len(verb.group()))
        out.append(day.isoformat() if day is not None else None)
    return out
