"""One pass of language analysis over an article's canonical text: dates, timeline, quotes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from store.analysis.anchor import choose_anchor
from store.analysis.dates import DateMention, find_dates
from store.analysis.quotes import Quote, find_quotes
from store.analysis.said import said_days
from store.analysis.speakers import Speaker, find_speakers
from store.analysis.timeline import Event, build_timeline


@dataclass(frozen=True)
class Analysis:
    anchor: date | None
    anchor_inferred: bool
    dates: list[DateMention]
    timeline: list[Event]
    quotes: list[Quote]
    speakers: list[Speaker]
    anchor_reason: str = ""  # which day relative dates read against, and why, in one line

    @property
    def anchor_text(self) -> str | None:
        return self.anchor.isoformat() if self.anchor else None


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string, or None when there is none."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def analyse(text: str, *, published: str | None = None, anchor: date | None = None) -> Analysis:
    """Relative dates resolve against `anchor`, else the publication date (or the text's
    dateline when it names an earlier day), else one inferred from the text itself (marked
    as inferred so a person can correct it); `anchor_reason` says which and why."""
    choice = choose_anchor(text, parse_day(published), anchor)
    dates = find_dates(text, choice.day)
    quotes = find_quotes(text)
    quotes = [replace(q, said=day) if day else q
              for q, day in zip(quotes, said_days(text, quotes, dates), strict=True)]
    return Analysis(
        choice.day, choice.inferred, dates, build_timeline(text, dates), quotes,
        find_speakers(quotes), choice.reason,
    )
