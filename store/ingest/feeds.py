"""Feeds: subscriptions in the library, and a polite concurrent refresh that stores new entries.

Feed XML is checked with defusedxml before feedparser sees it, so entity bombs and external
entities are refused. A refresh fetches feeds (and then the pages of their new entries) on a
small thread pool, at most a few requests per host at once, with conditional requests so an
unchanged feed costs one 304. All library writes happen on the calling thread.
"""

from __future__ import annotations

import io
import queue
import re
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from store.article import normalise_paragraph, safe_line
from store.errors import FetchError, LibraryError, NewsreaderError
from store.ingest.bulk import Job, Pipeline
from store.ingest.entries import (  # noqa: F401 - EntryLost and html_paragraphs: importable here
    Entry,
    EntryLost,
    article_from_feed,
    entry_article,
    html_paragraphs,
)
from store.ingest.fetch import (
    CONCURRENCY,
    MAX_BYTES,
    PER_HOST,
    TIMEOUT,
    Fetchers,
    HostGate,
    Page,
    TransientFetchError,
    check_url,
    fetch_page,
    new_client,
)
from store.ingest.pool import BUDGET, WorkerPool, default_jobs
from store.library.db import Library, now

if TYPE_CHECKING:
    import httpx

MAX_ENTRIES = 200  # entries taken from one feed per refresh: a feed of 10,000 is not 10,000 GETs
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str | None
    site_url: str | None
    added: str
    last_checked: str | None = None
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    articles: int = 0
    unread: int = 0

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    site_url: str | None
    entries: list[Entry]


@dataclass(frozen=True)
class FeedArticle:
    """A row of a feed's article list: what Library.ArticleSummary has, plus URL, feed, read."""

    id: int
    title: str
    url: str | None
    published: str | None
    added: str
    read: bool
    feed_id: int | None
    site: str | None = None
    highlights: int = 0


@dataclass(frozen=True)
class ProgressEvent:
    """What a refresh just finished: a feed (kind 'feed') or one entry (kind 'entry')."""

    done: int
    total: int  # grows as feeds reveal new entries
    kind: str
    feed: Feed
    message: str  # one line: "12 new entries", "not modified", an error, a stored title
    error: bool = False


@dataclass
class RefreshReport:
    feeds: int = 0
    not_modified: int = 0
    new_articles: list[int] = field(default_factory=list)
    duplicates: int = 0  # entries whose content was already in the library (another feed or URL)
    pages_fetched: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (feed URL, one-line error)
    warnings: list[str] = field(default_factory=list)  # entries stored from the feed's summary

    @property
    def ok(self) -> bool:
        return not self.failed


# --- safe parsing -------------------------------------------------------------------------------


def refuse_unsafe_xml(data: bytes, name: str, error: type[NewsreaderError] = FetchError) -> None:
    """Raise `error` if the XML declares entities (a bomb) or refers to external ones.

    Malformed XML that declares no entity is let through: feedparser reads it leniently.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise error(f"{name}: refused, the XML declares entities (possible entity bomb)") from None
    except (ParseError, ValueError):
        if _ENTITY.search(data.replace(b"\0", b"")):
            raise error(f"{name}: refused, the XML declares entities") from None


def parse_feed(data: bytes, url: str, charset: str | None = None) -> ParsedFeed:
    """RSS 0.9x/1.0 (RDF)/2.0 or Atom into entries with absolute links; `FetchError` if the
    bytes are unsafe or no feed at all."""
    import feedparser

    refuse_unsafe_xml(data, url)
    headers = {"content-location": url}
    if charset:
        headers["content-type"] = f"application/xml; charset={charset}"
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        raise FetchError(f"{url}: not an RSS or Atom feed")
    meta = parsed.feed
    entries = []
    for e in parsed.entries[:MAX_ENTRIES]:
        link = e.get("link") or (e.get("id") if _is_http(e.get("id")) else None)
        if link:
            link = urljoin(url, link.strip())
            if not _is_http(link):
                link = None
        content = e.get("content") or []
        html = max((c.get("value", "") for c in content), key=len, default="") or e.get(
            "summary", ""
        )
        entries.append(
            Entry(
                link=link,
                title=normalise_paragraph(e.get("title") or ""),
                published=_entry_date(e),
                author=normalise_paragraph(e.get("author") or "") or None,
                html=html,
                id=e.get("id"),
            )
        )
    site = meta.get("link")
    return ParsedFeed(
        title=normalise_paragraph(meta.get("title") or "") or None,  # one line, display-safe
        site_url=urljoin(url, site) if site else None,
        entries=entries,
    )


def _is_http(value: str | None) -> bool:
    return bool(value) and urlsplit(value).scheme in ("http", "https")


def _entry_date(e) -> str | None:
    """The entry's date as ISO with its own offset (the publisher's day, not UTC's)."""
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = e.get(raw_key)
        if raw:
            for parse in (parsedate_to_datetime, _iso):
                try:
                    d = parse(raw.strip())
                except (TypeError, ValueError, IndexError):
                    continue
                if d is not None:
                    return d.isoformat()
        t = e.get(parsed_key)
        if t:
            return datetime(*t[:6], tzinfo=UTC).isoformat()
    return None


def _iso(raw: str) -> datetime:
    return datetime.fromisoformat(raw.replace("Z", "+00:00"))


def discover_feed(page: Page) -> str | None:
    """The feed an HTML page advertises with <link rel="alternate" type="...rss+xml">."""
    import lxml.html

    try:
        root = lxml.html.fromstring(page.content)
    except (ValueError, lxml.etree.ParserError):
        return None
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        href = link.get("href")
        if "alternate" in rel and kind in _FEED_TYPES and href:
            found = urljoin(page.url, href.strip())
            if _is_http(found):
                return found
    return None


# --- the feeds table ----------------------------------------------------------------------------


_FEED_SELECT = (
    "SELECT f.*, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS n, "
    "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0) AS unread "
    "FROM feeds f"
)


def _feed(row: sqlite3.Row) -> Feed:
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        site_url=row["site_url"],
        added=row["added"],
        last_checked=row["last_checked"],
        last_error=row["last_error"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        articles=row["n"],
        unread=row["unread"],
    )


def list_feeds(library: Library) -> list[Feed]:
    """Every subscribed feed, by title, with its article and unread counts."""
    rows = library.conn.execute(f"{_FEED_SELECT} ORDER BY lower(coalesce(f.title, f.url)), f.id")
    return [_feed(r) for r in rows]


def get_feed(library: Library, ref: int | str) -> Feed:
    """A feed by id or by URL (what a person types after `feed remove`)."""
    if isinstance(ref, int) or str(ref).isdigit():
        row = library.conn.execute(f"{_FEED_SELECT} WHERE f.id = ?", (int(ref),)).fetchone()
    else:
        row = library.conn.execute(
            f"{_FEED_SELECT} WHERE f.url = ?", (str(ref).strip(),)
        ).fetchone()
    if row is None:
        raise NewsreaderError(f"no feed {ref}")
    return _feed(row)


def add_feed(
    library: Library, url: str, *, title: str | None = None, site_url: str | None = None
) -> tuple[Feed, bool]:
    """Subscribe without fetching; returns the feed and whether it is new."""
    url = check_url(url)  # refuses control characters
    existing = library.conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    if existing:
        return get_feed(library, existing[0]), False
    with library._write() as conn:
        cur = conn.execute(
            "INSERT INTO feeds (url, title, site_url, added) VALUES (?, ?, ?, ?)",
            (safe_line(url), safe_line(title), safe_line(site_url), now()),
        )
    return get_feed(library, cur.lastrowid), True


def subscribe(
    library: Library, url: str, *, client: httpx.Client | None = None, timeout: float = TIMEOUT
) -> tuple[Feed, bool]:
    """Subscribe to a feed URL, or to the feed a web page advertises; checks it is a feed."""
    url = check_url(url)
    page = fetch_page(url, client=client, timeout=timeout)
    try:
        parsed = parse_feed(page.content, page.url, page.charset)
    except FetchError as not_feed:
        found = discover_feed(page)
        if found is None:
            raise not_feed from None
        page = fetch_page(found, client=client, timeout=timeout)
        parsed = parse_feed(page.content, page.url, page.charset)
        url = found
    return add_feed(library, url, title=parsed.title, site_url=parsed.site_url)


def remove_feed(library: Library, ref: int | str) -> Feed:
    """Unsubscribe; the articles read from the feed stay in the library."""
    feed = get_feed(library, ref)
    with library._write() as conn:
        conn.execute("UPDATE articles SET feed_id = NULL WHERE feed_id = ?", (feed.id,))
        conn.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
    return feed


def articles_of_feed(
    library: Library, feed_id: int | None = None, *, unread_only: bool = False, limit: int = 500
) -> list[FeedArticle]:
    """Articles of one feed (all feeds' when `feed_id` is None), newest publication first."""
    where, params = ["a.feed_id IS NOT NULL"], []
    if feed_id is not None:
        where, params = ["a.feed_id = ?"], [feed_id]
    if unread_only:
        where.append("a.read = 0")
    rows = library.conn.execute(
        "SELECT a.id, a.title, a.url, a.published, a.added, a.read, a.feed_id, a.site, "
        "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id) FROM articles a "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY coalesce(a.published, a.added) DESC, a.id DESC LIMIT ?",
        (*params, limit),
    )
    return [FeedArticle(*r[:5], bool(r[5]), *r[6:]) for r in rows]


def mark_read(library: Library, article_id: int, read: bool = True) -> None:
    library.get_article(article_id)  # a clear error for an unknown id
    with library._write() as conn:
        conn.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))


def mark_all_read(library: Library, feed_id: int | None = None) -> int:
    """Every unread article of a view (the whole library, or one feed's) read, in one
    transaction; how many there were."""
    where = "read = 0" + (" AND feed_id = ?" if feed_id is not None else "")
    params = (feed_id,) if feed_id is not None else ()
    with library._write() as conn:
        return conn.execute(f"UPDATE articles SET read = 1 WHERE {where}", params).rowcount


def is_read(library: Library, article_id: int) -> bool:
    row = library.conn.execute("SELECT read FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NewsreaderError(f"no article with id {article_id}")
    return bool(row[0])


def unread_count(library: Library, feed_id: int | None = None) -> int:
    if feed_id is None:
        return library.conn.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]
    return library.conn.execute(
        "SELECT count(*) FROM articles WHERE read = 0 AND feed_id = ?", (feed_id,)
    ).fetchone()[0]


def article_feed(library: Library, article_id: int) -> Feed | None:
    row = library.conn.execute(
        "SELECT feed_id FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return get_feed(library, row[0]) if row and row[0] is not None else None


def _record_check(
    library: Library,
    feed: Feed,
    *,
    error: str | None = None,
    page: Page | None = None,
    parsed: ParsedFeed | None = None,
) -> None:
    """After a feed is done: when it was checked, its error, and (only once every new entry is
    stored) the validators that let the next refresh get a 304."""
    with library._write() as conn:
        conn.execute(
            "UPDATE feeds SET last_checked = ?, last_error = ? WHERE id = ?",
            (now(), safe_line(error), feed.id),
        )
        if page is not None and not page.not_modified:
            conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?",
                (page.etag, page.last_modified, feed.id),
            )
        if parsed is not None:
            conn.execute(
                "UPDATE feeds SET title = coalesce(title, ?), site_url = coalesce(site_url, ?) "
                "WHERE id = ?",
                (safe_line(parsed.title), safe_line(parsed.site_url), feed.id),
            )


# --- refresh ------------------------------------------------------------------------------------


@dataclass
class _Pending:
    """A feed whose new entries are still being fetched and stored."""

    feed: Feed
    page: Page
    left: int
    lost: int = 0  # entries neither stored nor a duplicate: the feed is read again next time


def refresh_feeds(
    library: Library,
    feeds: list[Feed] | None = None,
    *,
    progress: Callable[[ProgressEvent], None] | None = None,
    stop: threading.Event | None = None,
    concurrency: int = CONCURRENCY,
    per_host: int = PER_HOST,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    jobs: int | None = None,
    budget: float | None = None,
) -> RefreshReport:
    """Fetch every feed (or `feeds`), then the pages of entries not yet in the library, and
    store them. Never raises for one bad feed or page: each failure is in the report.

    Pages are fetched on `concurrency` threads, cleaned and analysed in `jobs` worker
    processes (default: one per core; each step within `budget` seconds, else skipped and
    said so), and stored in batches on the calling thread. `progress` is called on the calling
    thread after each feed and each entry; setting `stop` ends the refresh early (what is
    stored stays, nothing more is written, work in flight is dropped). Run it off the UI
    thread, with its own Library: it writes on the thread that calls it.
    """
    run = _Refresh(library, progress, per_host, timeout, max_bytes, concurrency)
    feeds = list_feeds(library) if feeds is None else feeds
    return run(feeds, stop or threading.Event(), jobs or default_jobs(), budget or BUDGET)


class _Refresh:
    """One refresh: threads fetch, worker processes clean and analyse, the calling thread
    stores (in batches, as the pipeline has them ready)."""

    def __init__(self, library, progress, per_host, timeout, max_bytes, concurrency) -> None:
        self.library = library
        self.progress = progress
        self.gate = HostGate(per_host)
        self.timeout, self.max_bytes, self.concurrency = timeout, max_bytes, concurrency
        self.done = self.total = 0
        self.seen: set[str] = set()
        self.stopping = threading.Event()
        self.finished: queue.SimpleQueue[tuple[Future | None, str, object, Entry | None]]
        self.finished = queue.SimpleQueue()
        self.waiting: deque[tuple[_Pending, Entry]] = deque()  # entries not yet fetched
        self.fetching = 0

    def __call__(
        self, feeds: list[Feed], stop: threading.Event, jobs: int, budget: float
    ) -> RefreshReport:
        self.report = RefreshReport(feeds=len(feeds))
        self.total = len(feeds)
        self.client = new_client(timeout=self.timeout, connections=self.concurrency)
        self.pool = Fetchers(self.concurrency, "refresh")
        self.workers = WorkerPool(
            jobs, lambda o: self.finished.put((None, "step", o, None)), budget=budget
        )
        self.pipeline = Pipeline(self.library, self.workers, self.stored, self.failed)
        # pages fetched but not yet stored are held in memory: only so many at once
        self.limit = max(2 * self.concurrency, 4 * self.workers.jobs)
        outstanding = 0
        try:
            for feed in feeds:
                self.submit(_fetch_feed, "feed", feed, None)
            outstanding = len(feeds)
            while (outstanding or self.pipeline.inflight) and not stop.is_set():
                try:
                    fut, kind, owner, entry = self.finished.get_nowait()
                except queue.Empty:
                    self.pipeline.flush()  # nothing else is ready: store what is
                    try:  # wake up often, so a stop is noticed while a slow request is in flight
                        fut, kind, owner, entry = self.finished.get(timeout=0.1)
                    except queue.Empty:
                        continue
                if kind == "step":
                    self.pipeline.handle(owner)
                elif kind == "feed":
                    outstanding -= 1
                    self.done += 1
                    outstanding += self.feed_done(fut, owner)
                else:
                    outstanding -= 1
                    self.fetching -= 1
                    self.entry_fetched(fut, owner, entry)
                self.pump()
            if not stop.is_set():
                self.pipeline.flush()  # a stop writes nothing more
        finally:  # on stop or Ctrl-C too: drop queued work, cut the requests in flight
            self.stopping.set()
            self.workers.close()
            self.pool.shutdown()
            self.client.close()
            # A stopped refresh returns at once; a request still blocked in a read ends with
            # its timeout on a daemon thread, and its result is dropped.
        return self.report

    def submit(self, fn, kind: str, owner, entry: Entry | None) -> None:
        args = (self.fetch, owner) if entry is None else (self.fetch, entry)
        fut = self.pool.submit(fn, *args)
        fut.add_done_callback(lambda f: self.finished.put((f, kind, owner, entry)))

    def pump(self) -> None:
        """Fetch waiting entries while few enough pages are held."""
        while self.waiting and self.fetching + self.pipeline.inflight < self.limit:
            pending, entry = self.waiting.popleft()
            self.fetching += 1
            self.submit(_fetch_entry, "entry", pending, entry)

    def fetch(self, url: str, **conditional) -> Page:
        """Runs on a worker: one request, within the per-host limit."""
        with self.gate(url):
            if self.stopping.is_set():
                raise FetchError(f"{url}: refresh stopped")
            return fetch_page(
                url,
                client=self.client,
                max_bytes=self.max_bytes,
                timeout=self.timeout,
                **conditional,
            )

    def tell(self, kind: str, feed: Feed, message: str, error: bool = False) -> None:
        if self.progress is not None:
            self.progress(ProgressEvent(self.done, self.total, kind, feed, message, error))

    def feed_done(self, fut: Future, feed: Feed) -> int:
        """Record the feed's outcome and queue its new entries; returns how many."""
        try:
            page, parsed = fut.result()
        except Exception as e:  # noqa: BLE001 - one bad feed never stops the rest
            reason = _one_line(e)
            self.report.failed.append((feed.url, reason))
            _record_check(self.library, feed, error=reason)
            self.tell("feed", feed, reason, error=True)
            return 0
        if page.not_modified:
            self.report.not_modified += 1
            _record_check(self.library, feed, page=page)
            self.tell("feed", feed, "not modified")
            return 0
        _record_check(self.library, feed, parsed=parsed)
        feed = replace(feed, title=feed.title or parsed.title)
        fresh = [e for e in parsed.entries if _is_new(self.library, e, self.seen)]
        pending = _Pending(feed, page, left=len(fresh))
        self.waiting.extend((pending, entry) for entry in fresh)
        self.total += len(fresh)
        if not fresh:
            _record_check(self.library, feed, page=page)
        self.tell("feed", feed, f"{len(fresh)} new entries" if fresh else "no new entries")
        return len(fresh)

    def entry_fetched(self, fut: Future, pending: _Pending, entry: Entry) -> None:
        """The entry's page (or why there is none) goes to a worker to become an article."""
        try:
            page, why, retry = fut.result()
        except Exception as e:  # noqa: BLE001 - one bad entry never stops the rest
            page, why, retry = None, _one_line(e), True
        self.report.pages_fetched += page is not None
        job = Job(entry.link or entry.title, context=(pending, entry), feed_id=pending.feed.id)
        job.fallback = (article_from_feed, (pending.feed.title, entry))
        self.pipeline.clean(job, entry_article, pending.feed.title, entry, page, why, retry)

    def stored(self, job: Job, article_id: int, created: bool) -> None:
        pending, _ = job.context
        name = job.name
        if created:
            self.report.new_articles.append(article_id)
        else:
            self.report.duplicates += 1
        self.report.warnings.extend(
            w if w.startswith(name or "") else f"{name}: {w}" for w in job.article.warnings
        )
        message = (job.article.title or name or "") if created else f"already stored: {name}"
        self.entry_done(pending, message, False)

    def failed(self, job: Job, reason: str, error: NewsreaderError | None) -> None:
        pending, _ = job.context
        self.report.failed.append((job.name or pending.feed.url, reason))
        # passing troubles (the network, a worker, a locked library) are tried again next time
        if error is None or isinstance(error, LibraryError) or getattr(error, "retry", False):
            pending.lost += 1
        self.entry_done(pending, reason, True)

    def entry_done(self, pending: _Pending, message: str, error: bool) -> None:
        self.done += 1
        pending.left -= 1
        if pending.left == 0:
            if pending.lost:  # keep the old validators: the next refresh reads the feed again
                note = f"{pending.lost} entries not stored; tried again on the next refresh"
                _record_check(self.library, pending.feed, error=note)
            else:
                _record_check(self.library, pending.feed, page=pending.page)
        self.tell("entry", pending.feed, message, error)


def _fetch_feed(fetch: Callable[..., Page], feed: Feed) -> tuple[Page, ParsedFeed | None]:
    page = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    if page.not_modified:
        return page, None
    return page, parse_feed(page.content, page.url, page.charset)


def _is_new(library: Library, entry: Entry, seen: set[str]) -> bool:
    """Not yet stored under its link, nor met earlier in this refresh (the same story twice)."""
    key = entry.link or entry.id or f"{entry.title}\n{entry.html[:200]}"
    if key in seen:
        return False
    seen.add(key)
    return entry.link is None or library.find_article(url=entry.link) is None


def _fetch_entry(fetch: Callable[..., Page], entry: Entry) -> tuple[Page | None, str, bool]:
    """Runs on a thread: the entry's page, or why there is none and whether that may pass."""
    if entry.link is None:
        return None, "the entry has no link", False
    try:
        return fetch(entry.link), "", False
    except FetchError as e:
        return None, str(e), isinstance(e, TransientFetchError)


def _one_line(e: BaseException) -> str:
    if isinstance(e, NewsreaderError):
        return str(e)
    return f"unexpected error: {type(e).__name__}: {' '.join(str(e).split())}"
