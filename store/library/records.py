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
    text: str


@dataclass(frozen=True)
class SpeakerEntry:
    name: str
    role: str | None
    quotes: int
    articles: list[int]


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
