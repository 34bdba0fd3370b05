"""Tense signals: whether a sentence narrates the future or the past around a mention, and
where sentences end."""

from __future__ import annotations

import bisect
import re

from store.analysis.dates.vocab import rx

_FUTURE = rx(
    r"\b(?:will|shall|won't|would|might|(?:is|are|was|were|be|been|being)\s+(?:billed|scheduled"
    r"|set|due|expected|slated|poised|planned|planning|going|about|likely|supposed|meant|to\s+be)"
    r"\s+to|(?:is|are|was|were)\s+to|plans?\s+to|planning\s+to|intends?\s+to|to\s+be\s+held"
    r"|next|upcoming|ahead\s+of|as\s+soon\s+as|set\s+to|to\s+resume|to\s+begin|to\s+start"
    r"|to\s+leave|planned\s+(?:an?|to)|scheduled\s+(?:an?|to))\b|'ll\b"
)
# After a sentence-initial mention ("On Tuesday, the league plans to ..."): the verbs of
# intention put the day ahead as surely as "will" does.
_FUTURE_AFTER = rx(
    r"\b(?:will|shall|(?:is|are)\s+(?:billed|scheduled|set|due|expected|slated|planning"
    r"|going|to)|plans?\s+to|intends?\s+to|expects?\s+to)\b|'ll\b"
)
_PAST = rx(
    r"\b(?:\w+ed|said|says|told|was|were|had|did|met|took|began|held|made|came|went|saw|gave"
    r"|got|fell|rose|sold|bought|paid|won|lost|left|led|ran|struck|broke|spoke|wrote|became"
    r"|found|kept|brought|thought|sent|spent|stood|heard|fled|ago|since|last)\b"
)
_HAD = rx(r"\bhad\s+$")
# "Trading resumes Monday", "the two meet separately Monday": a present tense right before a
# bare day tells a schedule, so the day is ahead
_PRESENT_NEAR = rx(
    r"(?<!\bto\s)\b(?:is|are|begins?|starts?|resumes?|opens?|meets?|ends?|closes?|convenes?|arrives?"
    r"|leaves?|visits?|travels?|returns?|expires?|takes\s+effect|goes\s+on\s+trial)"
    r"\s+(?:\w+ly\s+)?(?:on\s+)?$"
)
FUTURE_NEAR = rx(r"\b(?:will|'ll|shall|next|upcoming)\b|\bto\s+\w+\s+(?:on\s+)?$")


def narration(text: str, sent_start: int, start: int, end: int, sent_end: int) -> bool | None:
    """True for future narration, False for past, None when the sentence gives no cue: the
    nearest tense cue before the mention decides, else the first one after it."""
    before = text[max(sent_start, start - 160) : start]
    if _PRESENT_NEAR.search(before):
        return True
    # "had been due to expire Friday": a plan seen from the past of the past is over
    fut = [m.end() for m in _FUTURE.finditer(before)
           if not _HAD.search(before, max(0, m.start() - 5), m.start())]
    past = [m.end() for m in _PAST.finditer(before)]
    if fut or past:
        return bool(fut) and (not past or fut[-1] >= past[-1])
    after = text[end : min(sent_end, end + 120)]
    f = _FUTURE_AFTER.search(after)
    p = _PAST.search(after)
    if f and (not p or f.start() <= p.start()):
        return True
    return False if p else None


def is_future(text: str, sent_start: int, start: int, end: int, sent_end: int) -> bool:
    """Future narration (see `narration`); a sentence without a cue counts as past."""
    return narration(text, sent_start, start, end, sent_end) is True


_ABBREVIATIONS = ("Mr", "Ms", "Dr", "St", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept",
                  "Oct", "Nov", "Dec")
# The punctuation comes first so the scan only stops at punctuation and line breaks.
SENTENCE_END = re.compile(
    r"[.!?…](?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+"
)


def looks_ahead(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each (start, end) span: whether its sentence narrates the future ("talks will
    continue on Thursday") rather than the past."""
    bounds = [m.end() for m in SENTENCE_END.finditer(text)]
    out = []
    for start, end in spans:
        i = bisect.bisect_right(bounds, start)
        s = bounds[i - 1] if i else 0
        e = bounds[i] if i < len(bounds) else len(text)
        out.append(is_future(text, s, start, end, e))
    return out
