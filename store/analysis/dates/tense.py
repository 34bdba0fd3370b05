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
# (a participle after "be" is no past: "will be held", "is to be signed")
_PAST = rx(
    r"(?<!\bbe\s)\b(?:\w+ed|said|says|told|was|were|had|did|met|took|began|held|made|came|went|saw|gave"
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


class _SentenceCues:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.future = [(m.start(), m.end()) for m in _FUTURE.finditer(text, start, end)]
        self.future_ends = [e for _, e in self.future]
        past = [(m.start(), m.end()) for m in _PAST.finditer(text, start, end)]
        self.past_starts = [s for s, _ in past]
        self.past_ends = [e for _, e in past]
        after = [(m.start(), m.end()) for m in _FUTURE_AFTER.finditer(text, start, end)]
        self.after_starts = [s for s, _ in after]
        self.after_ends = [e for _, e in after]


class TenseCues:
    """The tense cues of one text, found once per sentence that holds a mention, so the
    tense around each of many mentions is a look-up rather than a new scan (a text of
    nothing but dates stays linear and fast)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences: dict[tuple[int, int], _SentenceCues] = {}

    def _cues(self, sent_start: int, sent_end: int) -> _SentenceCues:
        key = (sent_start, sent_end)
        if (found := self._sentences.get(key)) is None:
            found = self._sentences[key] = _SentenceCues(self.text, sent_start, sent_end)
        return found

    def narration(self, sent_start: int, start: int, end: int, sent_end: int) -> bool | None:
        """True for future narration, False for past, None when the sentence gives no cue:
        the nearest tense cue in the 160 characters before the mention decides, else the
        first one in the 120 after it."""
        text = self.text
        c = self._cues(sent_start, sent_end)
        lo = max(sent_start, start - 160)
        if _PRESENT_NEAR.search(text, max(lo, start - 80), start):
            return True
        future = None
        i = bisect.bisect_right(c.future_ends, start) - 1
        while i >= 0 and c.future_ends[i] > lo:
            s, e = c.future[i]
            # "had been due to expire Friday": a plan seen from the past of the past is over
            if not _HAD.search(text, max(lo, s - 5), s):
                future = e
                break
            i -= 1
        j = bisect.bisect_right(c.past_ends, start) - 1
        past = c.past_ends[j] if j >= 0 and c.past_ends[j] > lo else None
        if future is not None or past is not None:
            return future is not None and (past is None or future >= past)
        hi = min(sent_end, end + 120)
        k = bisect.bisect_left(c.after_starts, end)
        f = c.after_starts[k] if k < len(c.after_starts) and (
            c.after_ends[k] <= hi) else None
        k = bisect.bisect_left(c.past_starts, end)
        p = c.past_starts[k] if k < len(c.past_starts) and (
            c.past_ends[k] <= hi) else None
        if f is not None and (p is None or f <= p):
            return True
        return False if p is not None else None

    def is_future(self, sent_start: int, start: int, end: int, sent_end: int) -> bool:
        """Future narration (see `narration`); a sentence without a cue counts as past."""
        return self.narration(sent_start, start, end, sent_end) is True


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
    cues = TenseCues(text)
    out = []
    for start, end in spans:
        i = bisect.bisect_right(bounds, start)
        s = bounds[i - 1] if i else 0
        e = bounds[i] if i < len(bounds) else len(text)
        out.append(cues.is_future(s, start, end, e))
    return out
