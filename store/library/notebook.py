"""The notebook: every highlight in the library, filtered by words, tag, colour or article.

Words are matched by the highlights' own FTS5 index (quote, note and tags); a page is read at
a time, so a library of 50,000 highlights lists as fast as one of ten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.library.db import Library, _highlight, now
from store.library.listing import fts_query
from store.library.records import Highlight

COLOUR_NAMES = ("yellow", "green", "blue", "red", "grey")  # colours 1 to 5, as the reader shows


def colour_name(color: int) -> str:
    return COLOUR_NAMES[color - 1] if 1 <= color <= len(COLOUR_NAMES) else COLOUR_NAMES[0]


def tag_slug(tag: str) -> str:
    """A tag as one word: the form it takes in Markdown (front matter and body alike) and the
    form `#tag` is typed in a filter. Words are joined by hyphens; anything but letters,
    digits, `_`, `-` and `/` (what Obsidian allows in a tag) becomes a hyphen."""
    return re.sub(r"[^\w/-]+", "-", tag.strip().lstrip("#").strip()).strip("-").lower()


@dataclass(frozen=True)
class Entry:
    """A highlight with what the notebook shows beside it: its article's title and date."""

    highlight: Highlight
    title: str
    published: str | None


@dataclass(frozen=True)
class TagCount:
    tag: str
    highlights: int


@dataclass(frozen=True)
class Filter:
    """What the notebook shows: every given condition must hold (all None: everything)."""

    words: str = ""
    tags: tuple[str, ...] = ()  # stored tag values, any of which matches
    color: int | None = None
    article_id: int | None = None

    @property
    def empty(self) -> bool:
        return (
            not self.words.strip()
            and not self.tags
            and self.color is None
            and (self.article_id is None)
        )


@dataclass(frozen=True)
class TypedFilter:
    """A filter as a person types it: words, `#tag`, `color:N` (or a colour's name),
    `article:ID`; the tags as typed, to be resolved against the stored ones."""

    words: str = ""
    tags: tuple[str, ...] = ()
    color: int | None = None
    article_id: int | None = None
    problems: list[str] = field(default_factory=list)


MAX_FILTER = 500  # characters of a filter line read: a paste of a page filters by its start


def parse_filter(text: str) -> TypedFilter:
    """Split what was typed into the filter line; a bad token is kept as a problem, never
    raised, since it is typed a key at a time."""
    words: list[str] = []
    tags: list[str] = []
    color: int | None = None
    article_id: int | None = None
    problems: list[str] = []  # the first one is shown
    for token in text[:MAX_FILTER].split():
        if token[0] == "#":
            if slug := tag_slug(token):
                tags.append(slug)
            continue
        key, colon, value = token.partition(":")
        key = key.lower() if colon else ""
        if key in ("color", "colour", "c"):
            value = value.lower()
            if value.isdigit() and 1 <= int(value) <= 5:
                color = int(value)
            elif value in COLOUR_NAMES:
                color = COLOUR_NAMES.index(value) + 1
            elif value and not problems:
                problems.append(f"colour is 1 to 5 or {', '.join(COLOUR_NAMES)}, not {value!r}")
        elif key == "article":
            if value.isdigit():
                article_id = int(value)
            elif value and not problems:
                problems.append(f"article:ID takes a number, not {value!r}")
        else:
            words.append(token)
    return TypedFilter(" ".join(words), tuple(tags), color, article_id, problems)


def resolve(typed: TypedFilter, known: Iterable[str]) -> Filter:
    """The stored tags each typed `#tag` stands for (compared in their one-word form)."""
    wanted = set(typed.tags)
    tags = tuple(t for t in known if tag_slug(t) in wanted)
    if wanted and not tags:
        tags = ("\x00no such tag",)  # a tag nobody uses matches nothing, not everything
    return Filter(typed.words, tags, typed.color, typed.article_id)


def _where(f: Filter) -> tuple[str, list[object]] | None:
    """SQL conditions on `h` for a filter; None when it cannot match anything."""
    clauses: list[str] = []
    params: list[object] = []
    if f.words.strip():
        fts = fts_query(f.words)
        if fts is None:
            return None
        clauses.append("h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)")
        params.append(fts)
    if f.tags:
        # the FTS index narrows to highlights whose tags column holds the words, json_each
        # then compares whole tags
        words = {w for t in f.tags for w in re.findall(r"\w+", t)}
        if words:
            clauses.append(
                "h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)"
            )
            params.append("tags : (" + " OR ".join(f'"{w}"' for w in sorted(words)) + ")")
        marks = ",".join("?" * len(f.tags))
        clauses.append(
            f"EXISTS (SELECT 1 FROM json_each(h.tags) t WHERE lower(t.value) IN ({marks}))"
        )
        params += [t.lower() for t in f.tags]
    if f.color is not None:
        clauses.append("h.color = ?")
        params.append(f.color)
    if f.article_id is not None:
        clauses.append("h.article_id = ?")
        params.append(f.article_id)
    return (" AND ".join(clauses) or "1", params)


ORDERS = {
    "date": "h.created DESC, h.id DESC",
    "article": "a.added DESC, a.id DESC, h.start, h.id",
}


def _plan(f: Filter, order: str) -> str:
    """The FROM clause that reads a page without sorting every match: newest first by walking
    the creation index (the FTS matches are only looked up), by article by walking the
    articles newest added first and each one's highlights in text order. A filter that
    narrows by itself (one article, one colour) is left to SQLite's own plan."""
    if f.article_id is not None or (order == "date" and not (f.words.strip() or f.tags)):
        return "highlights h JOIN articles a ON a.id = h.article_id"
    if order == "date":
        return (
            "highlights h INDEXED BY idx_highlights_created JOIN articles a ON a.id = h.article_id"
        )
    return "articles a CROSS JOIN highlights h ON h.article_id = a.id"


def find(
    library: Library,
    f: Filter = Filter(),
    *,
    order: str = "date",
    offset: int = 0,
    limit: int = 100,
) -> list[Entry]:
    """A page of highlights matching `f`: newest first ("date") or by article, each article's
    in text order ("article")."""
    where = _where(f)
    if where is None:
        return []
    sql, params = where
    rows = library.conn.execute(
        "SELECT h.*, a.title AS a_title, a.published AS a_published "
        f"FROM {_plan(f, order)} WHERE {sql} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [Entry(_highlight(r), r["a_title"], r["a_published"]) for r in rows]


def count(library: Library, f: Filter = Filter()) -> int:
    where = _where(f)
    if where is None:
        return 0
    if f.empty:
        return library.conn.execute("SELECT count(*) FROM highlights").fetchone()[0]
    if f == Filter(f.words):  # words alone: the index counts its own matches
        return library.conn.execute(
            "SELECT count(*) FROM highlights_fts WHERE highlights_fts MATCH ?", where[1]
        ).fetchone()[0]
    sql, params = where
    return library.conn.execute(
        f"SELECT count(*) FROM highlights h WHERE {sql}", params
    ).fetchone()[0]


def tag_counts(library: Library) -> list[TagCount]:
    """Every tag with the number of highlights carrying it, most used first; tags that differ
    only in case are one tag (shown as first written)."""
    rows = library.conn.execute(
        "SELECT min(t.value), count(DISTINCT h.id) FROM highlights h, json_each(h.tags) t "
        "WHERE h.tags != '[]' GROUP BY lower(t.value) "
        "ORDER BY count(DISTINCT h.id) DESC, lower(t.value)"
    )
    return [TagCount(r[0], r[1]) for r in rows]


def tag_values(library: Library) -> list[str]:
    """Every stored tag as written (all spellings), for resolving a typed `#tag`."""
    rows = library.conn.execute(
        "SELECT DISTINCT t.value FROM highlights h, json_each(h.tags) t WHERE h.tags != '[]' "
        "ORDER BY t.value"
    )
    return [r[0] for r in rows]


# --- writing many highlights at once (an import) ------------------------------------------


@dataclass(frozen=True)
class Merge:
    """An imported note and tags to add to a highlight already on the same words."""

    highlight_id: int
    note: str
    tags: tuple[str, ...]


def add_many(library: Library, new: list[Highlight], merges: list[Merge]) -> list[int]:
    """Store highlights as given (offsets, context, colour, note, tags, times, orphaned; the
    id is chosen by the library) and merge notes and tags into existing ones, all in one
    transaction: an import lands whole or not at all. Returns the new ids."""
    ids: list[int] = []
    touched: set[int] = set()
    with library._write() as conn:
        for h in new:
            cur = conn.execute(
                "INSERT INTO highlights (article_id, start, end, exact, prefix, suffix, color, "
                "note, tags, created, updated, orphaned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?)",
                (
                    h.article_id,
                    h.start,
                    h.end,
                    h.exact,
                    h.prefix,
                    h.suffix,
                    h.color,
                    h.note,
                    json.dumps(list(h.tags)),
                    h.created,
                    h.updated,
                    int(h.orphaned),
                ),
            )
            ids.append(cur.lastrowid)
            touched.add(h.article_id)
        for m in merges:
            row = conn.execute(
                "SELECT article_id FROM highlights WHERE id = ?", (m.highlight_id,)
            ).fetchone()
            if row is None:
                continue
            conn.execute(
                "UPDATE highlights SET note = ?, tags = ?, updated = ? WHERE id = ?",
                (m.note, json.dumps(list(m.tags)), now(), m.highlight_id),
            )
            touched.add(row[0])
        for article_id in touched:
            library._index_notes(conn, article_id)
    return ids
