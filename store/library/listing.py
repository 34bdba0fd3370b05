"""Finding articles: full-text search over titles, texts and notes, tags, and the library
screen's pages of rows in one of several orders, each backed by an index so a page costs the
same anywhere in a large library.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from store.errors import NewsreaderError


# The rows this hands out are the library screen's, read for its first frame; an opened
# article's records are store.library.records', loaded later.
@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    site: str | None
    published: str | None
    added: str
    highlights: int


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


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    site: str | None
    published: str | None
    snippet: str  # plain text around the match
    marks: list[tuple[int, int]] = field(default_factory=list)  # matched spans in snippet


SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"  # cannot occur in display-safe text

# How the library's rows can be sorted; each order has an index behind it (schema v6), so a
# page costs the same at the start of a large library as at its end.
ROW_ORDERS = {
    "added": "a.added DESC, a.id DESC",
    "published": "coalesce(a.published, '') DESC, a.id DESC",
    "title": "lower(a.title), a.id",
    "site": "a.site IS NULL, lower(a.site), a.id",
    "unread": "a.read, a.added DESC, a.id DESC",
    "highlights": "n DESC, a.added DESC, a.id DESC",
}


def fts_query(query: str) -> str | None:
    """A safe FTS5 query from what a person typed: every word must match, the last as a prefix."""
    words = re.findall(r"\w+", query)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    plain, marks, start = [], [], None
    pos = 0
    for ch in snippet:
        if ch == SNIPPET_OPEN:
            start = pos
        elif ch == SNIPPET_CLOSE:
            if start is not None:
                marks.append((start, pos))
            start = None
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), marks


class ListingMixin:
    """Library methods that find and list articles (the Library provides the connection)."""

    conn: sqlite3.Connection
    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]

    # --- search ---------------------------------------------------------------------------

    def tagged(self, tag: str) -> list[int]:
        """Articles with a highlight carrying `tag` (a leading # is ignored)."""
        rows = self.conn.execute(
            "SELECT DISTINCT h.article_id FROM highlights h, json_each(h.tags) t "
            "WHERE lower(t.value) = lower(?) ORDER BY h.article_id",
            (tag.strip().lstrip("#").strip(),),
        )
        return [r[0] for r in rows]

    def matching(self, query: str) -> list[int]:
        """Every article whose title, text or notes match the query, oldest first."""
        fts = fts_query(query)
        if fts is None:
            return []
        rows = self.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid", (fts,)
        )
        return [r[0] for r in rows]

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Articles whose title, text or notes match every word, newest first."""
        fts = fts_query(query)
        if fts is None:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.site, a.published, "
            f"snippet(articles_fts, -1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 12) AS snip "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY articles_fts.rowid DESC LIMIT ?",
            (fts, limit),
        ).fetchall()
        hits = []
        for r in rows:
            snippet, marks = _marks(r["snip"] or "")
            hits.append(
                SearchHit(
                    r["id"],
                    r["title"],
                    r["site"],
                    r["published"],
                    snippet.replace("\n", " "),
                    marks,
                )
            )
        return hits

    def optimize_search(self) -> None:
        """Merge the search index into one segment: after a bulk import it is smaller and
        faster (FTS5 `optimize`)."""
        with self._write() as conn:
            conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")

    def titles(self, article_ids: Iterable[int]) -> dict[int, str]:
        """Titles by id, without reading whole articles (lists that name many sources)."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[int, str] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            out.update(
                self.conn.execute(
                    f"SELECT id, title FROM articles WHERE id IN ({marks})", part
                ).fetchall()
            )
        return out

    # --- reading lists: the library screen's rows with read state, and its feed filter ---

    def list_rows(
        self,
        offset: int = 0,
        limit: int = 100,
        *,
        feed_id: int | None = None,
        sort: str | None = None,
    ) -> list[ArticleRow]:
        """A page of the library with each article's read state, in `sort` order (one of
        ROW_ORDERS); by default newest added first, and a feed's articles newest published
        first."""
        where, params = self._view(feed_id)
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.site, a.published, a.added, "
            "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS n, a.read, "
            f"a.feed_id FROM articles a {where}ORDER BY {self._order(sort, feed_id)} "
            "LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [ArticleRow(*r[:6], read=bool(r[6]), feed_id=r[7]) for r in rows]

    @staticmethod
    def _view(feed_id: int | None) -> tuple[str, list[object]]:
        return ("WHERE a.feed_id = ? ", [feed_id]) if feed_id is not None else ("", [])

    @staticmethod
    def _order(sort: str | None, feed_id: int | None) -> str:
        if sort is None:
            sort = "added" if feed_id is None else "published"
        if sort not in ROW_ORDERS:
            raise NewsreaderError(f"no sort named {sort!r} (one of {', '.join(ROW_ORDERS)})")
        return ROW_ORDERS[sort]

    def next_unread(
        self, after: int | None, *, feed_id: int | None = None, sort: str | None = None
    ) -> int | None:
        """The first unread article after `after` in the view's order, going round to the
        start; None when every article there is read. One pass over the ids, no more."""
        where, params = self._view(feed_id)
        order = self._order(sort, feed_id)
        if sort == "highlights":  # the order reads the count by its name
            order = order.replace(
                "n DESC", "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id) DESC"
            )
        first_unread, passed = None, after is None
        for article_id, read in self.conn.execute(
            f"SELECT a.id, a.read FROM articles a {where}ORDER BY {order}", params
        ):
            if not read:
                if passed and article_id != after:
                    return article_id
                if first_unread is None:
                    first_unread = article_id
            if article_id == after:
                passed = True
        return first_unread

    def feed_counts(self) -> list[FeedCount]:
        """Subscribed feeds by name with their article and unread counts, in one query (the
        library screen's filter; store.ingest.feeds has the full records)."""
        rows = self.conn.execute(
            "SELECT f.id, coalesce(f.title, f.url), f.last_error, count(a.id), "
            "coalesce(sum(a.read = 0), 0) FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id "
            "GROUP BY f.id ORDER BY lower(coalesce(f.title, f.url)), f.id"
        ).fetchall()
        return [FeedCount(*r) for r in rows]

    def has_feeds(self) -> bool:
        """Whether any feed is subscribed: what the library screen's first frame needs to know
        (the counts come after it)."""
        return self.conn.execute("SELECT EXISTS (SELECT 1 FROM feeds)").fetchone()[0] == 1
