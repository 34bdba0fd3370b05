"""What the library hands out: plain, frozen records of its rows (no connection inside)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    site: str | None
    published: str | None
    added: str
    highlights: int


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
class SearchHit:
    id: int
    title: str
    site: str | None
    published: str | None
    snippet: str  # plain text around the match
    marks: list[tuple[int, int]] = field(default_factory=list)  # matched spans in snippet


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


@dataclass(frozen=True)
class ArticleRow(ArticleSummary):
    """A library row with its read state and the feed it came from (None: added by hand)."""

    read: bool = False
    feed_id: int | None = None


@dataclass(frozen=True)
class FeedCount:
    id: int
    name: str  # the feed's title, else its URL
    last_error: str | None
    articles: int
    unread: int
