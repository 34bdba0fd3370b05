"""What the library hands out beyond the rows of its list (those are store.library.listing's):
articles, highlights, their analysis, voices, trash, journal and places, as plain frozen
records with no connection inside. Loaded when first needed, not at start-up."""

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


@dataclass(frozen=True)
class TrashEntry:
    id: int
    kind: str  # "highlight" or "article"
    item_id: int  # the highlight's or the article's id when it was removed
    article_id: int
    title: str  # the article's title
    label: str  # what was removed, in one line: the highlight's first words or the title
    detail: str  # "with its note and 2 tags", "with 3 highlights", or ""
    removed: str  # ISO time


@dataclass(frozen=True)
class Restored:
    """What restoring gave back: ids may differ from the old ones when those were taken."""

    entry: TrashEntry
    article_id: int
    highlight_ids: list[int]
    merged: bool = False  # an article's highlights went onto the same text, added again


@dataclass(frozen=True)
class Place:
    article_id: int
    cursor: int  # offset of the word under the cursor
    top: int  # offset of the first character on screen
    updated: str


@dataclass(frozen=True)
class JournalEntry:
    id: int
    article_id: int
    highlight_id: int
    description: str  # "Removed tag 'talks' from 'We need to at least…'"
    undone: bool
    at: str
