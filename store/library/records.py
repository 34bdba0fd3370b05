"""What the library hands out about articles once they are opened: plain, frozen records of
their rows (no connection inside). Loaded with the first article, not at start-up (the rows of
the library's list are store.library.listing's)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoredArticle:
    id: int
    url: str | None
    site: str | None
    title: str
    byline: str | None
    published: str | None
    added: str
    text: str
    paragraphs: list[tuple[int, int]]
    anchor: str | None = None
    anchor_inferred: bool = False
    anchor_reason: str = ""  # why the anchor is that day, one line ("" if stored before)
    warnings: tuple[str, ...] = ()  # what was skipped or guessed when it was stored


@dataclass(frozen=True)
class Highlight:
    id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    color: int = 1
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    orphaned: bool = False


@dataclass(frozen=True)
class StoredQuote:
    article_id: int
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    role: str | None
    cue: str | None
    kind: str
    said: str | None = None  # the day it was said (ISO), when its text says so


@dataclass(frozen=True)
class StoredDate:
    article_id: int
    start: int
    end: int
    text: str
    type: str
    value: str
    day: str | None


@dataclass(frozen=True)
class StoredEvent:
    article_id: int
    date: str
    start: int
    end: int
    text: str  # exactly the article's text[start:end]
    cut_start: bool = False  # the clause starts inside a sentence (shown after "…")
    cut_end: bool = False


@dataclass(frozen=True)
class SpeakerEntry:
    name: str
    role: str | None
    quotes: int
    articles: list[int]
    aliases: tuple[str, ...] = ()  # every other spelling of the name merged into this person


@dataclass(frozen=True)
class SourcedQuote:
    """A quotation with the article it appeared in and the day it was said."""

    quote: StoredQuote
    title: str
    site: str | None
    day: str | None  # ISO day: when it was said, else the article's date
    day_from: str | None  # "text" (the text says when), "article" (the article's date), None


@dataclass(frozen=True)
class QuoteGroup:
    """The same words reported by several articles: each version, and where they differ."""

    person: str | None  # who said them, when any version names the speaker
    versions: tuple[SourcedQuote, ...]  # in date order
    differs: tuple[tuple[tuple[int, int], ...], ...]  # per version: spans in its text
