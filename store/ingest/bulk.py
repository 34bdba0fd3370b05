"""Adding many articles at once: cleaned and analysed on every core, stored in batches.

Each source goes through the same steps as a single `add`, but the steps run in worker
processes (store.ingest.pool) and the articles are written many to a transaction:
- clean: read (or take what was fetched) and clean into an article, within the time budget;
  past it, the text is taken without cleaning (a page's plain text, a feed entry's summary)
  and the article says so;
- analyse: dates, timeline and quotes, within the budget; past it the article is stored
  without them and says so; content already in the library is not analysed again;
- store: one transaction per batch (`Library.add_analysed`), so a kill loses at most the batch
  in flight and never half an article; the same content twice, in the library or within the
  run, is one article. A batch is written when it is full or when nothing else is ready (a
  group commit: large batches when the workers outpace the writer, no waiting when not).
`Pipeline` does the steps for any caller (this module's `add_sources`, a feed refresh); it
runs on the caller's thread, fed with the pool's outcomes through the caller's queue.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from store.article import Article
from store.errors import LockedError, NewsreaderError
from store.ingest.pool import BUDGET, Outcome, WorkerPool, default_jobs
from store.ingest.read import is_url, read_bytes
from store.library.db import Library

BATCH = 100  # articles written in one transaction at most
FALLBACK_BUDGET = 60.0  # the text without cleaning: linear work, so this is only a backstop
OPTIMIZE_AFTER = 500  # new articles after which the search index is merged into one segment


# --- steps, run in the worker processes -------------------------------------------------------


def clean_source(source: str, url: str | None, data: bytes | None, charset: str | None) -> Article:
    """A file (or `.gz` file) read here, or bytes read or fetched by the caller, cleaned."""
    from store.ingest.archive import read_source_bytes
    from store.ingest.read import article_from_bytes

    if data is None:
        data = read_source_bytes(source)
    return article_from_bytes(data, source, url=url, charset=charset)


def plain_source(
    source: str, url: str | None, data: bytes | None, charset: str | None, why: str
) -> Article:
    """The source's text without cleaning: what is stored when cleaning takes too long."""
    from store.ingest.archive import read_source_bytes
    from store.ingest.decode import decode_bytes
    from store.ingest.entries import html_paragraphs
    from store.ingest.read import looks_like_html

    if data is None:
        data = read_source_bytes(source)
    text = decode_bytes(data, charset)
    paragraphs = html_paragraphs(text) if looks_like_html(data) else re.split(r"\n\s*\n", text)
    article = Article.from_paragraphs(paragraphs, title=Path(source).name or source, url=url)
    if not article.text:
        raise NewsreaderError(f"{source}: {why}, and the page has no plain text")
    article.warnings.append(f"{why}; stored as plain text without cleaning")
    return article


def analyse_article(text: str, published: str | None, anchor: date | None):
    from store.analysis.pipeline import analyse

    return analyse(text, published=published, anchor=anchor)


# --- the steps, driven from the caller's thread ---------------------------------------------


@dataclass
class Job:
    """One source on its way into the library; `context` is the caller's own."""

    name: str  # how the source is named in messages: the path or URL as given
    context: object = None
    feed_id: int | None = None
    anchor: date | None = None
    fallback: tuple[Callable, tuple] | None = None  # called with `why` appended
    article: Article | None = None


class Pipeline:
    """Clean, analyse and store jobs. Give it the pool's outcomes (`handle`) and call `flush()`
    whenever nothing else is ready, and at the end; `stored(job, id, created)` and
    `failed(job, reason, error)` report each job exactly once, on the caller's thread."""

    def __init__(
        self,
        library: Library,
        pool: WorkerPool,
        stored: Callable[[Job, int, bool], None],
        failed: Callable[[Job, str, NewsreaderError | None], None],
        *,
        batch: int = BATCH,
    ) -> None:
        self.library, self.pool = library, pool
        self.stored, self.failed = stored, failed
        self.batch_size = batch
        self.batch: list[Job] = []
        self.analyses: list[object] = []
        self.inflight = 0  # jobs started and not yet reported

    @property
    def budget(self) -> float:
        return self.pool.budget

    def clean(self, job: Job, fn: Callable, *args: object) -> None:
        """Start a job with its cleaning step, `fn(*args) -> Article` in a worker."""
        self.inflight += 1
        self.pool.submit((job, "clean"), fn, *args)

    def handle(self, outcome: Outcome) -> None:
        job, stage = outcome.key  # type: ignore[misc]
        if stage == "clean":
            if outcome.ok:
                self._cleaned(job, outcome.value)
            elif outcome.over_budget and job.fallback is not None:
                fn, args = job.fallback
                why = f"cleaning took longer than {self.budget:g} s"
                self.pool.submit((job, "fallback"), fn, *args, why, budget=FALLBACK_BUDGET)
            elif outcome.over_budget:
                self._fail(job, f"{job.name}: cleaning took longer than {self.budget:g} s")
            else:
                self._fail(job, outcome.error or "", outcome.raised)
        elif stage == "fallback":
            if outcome.ok:
                self._cleaned(job, outcome.value)
            else:
                self._fail(job, outcome.error or "", outcome.raised)
        else:  # analysed, or stored without the analysis
            article = job.article
            analysis = outcome.value if outcome.ok else None
            if not outcome.ok:
                why = (
                    f"analysis took longer than {self.budget:g} s"
                    if outcome.over_budget
                    else f"analysis failed ({outcome.error})"
                )
                article.warnings.append(f"{why}; stored without its dates, timeline and quotes")
            self.batch.append(job)
            self.analyses.append(analysis)
            if len(self.batch) >= self.batch_size:
                self.flush()

    def _cleaned(self, job: Job, article: Article) -> None:
        if not article.text.strip():
            self._fail(job, f"{job.name}: the article has no text")
            return
        job.article = article
        existing = self.library.find_article(content_hash=article.content_hash)
        if existing is not None:  # stored before: no analysis needed
            self.inflight -= 1
            self.stored(job, existing, False)
            return
        self.pool.submit(
            (job, "analyse"), analyse_article, article.text, article.published, job.anchor
        )

    def _fail(self, job: Job, reason: str, error: NewsreaderError | None = None) -> None:
        self.inflight -= 1
        name = job.name
        self.failed(job, reason if reason.startswith(name) else f"{name}: {reason}", error)

    def flush(self) -> None:
        """Write the batch (see `_store`)."""
        jobs, analyses = self.batch, self.analyses
        self.batch, self.analyses = [], []
        if jobs:
            self._store(jobs, analyses)

    def _store(self, jobs: list[Job], analyses: list[object]) -> None:
        """Write `jobs` in one transaction. If the database refuses it, each job is written
        alone, so only the one it refuses fails and the others are kept; if another program
        holds the lock, each would wait as long again, so all of them fail."""
        items = [(j.article, a, j.feed_id) for j, a in zip(jobs, analyses, strict=True)]
        try:
            results = self.library.add_analysed(items)
        except NewsreaderError as e:
            if len(jobs) == 1 or isinstance(e, LockedError):
                for job in jobs:
                    self._fail(job, f"not stored: {e}", e)
            else:
                for job, analysis in zip(jobs, analyses, strict=True):
                    self._store([job], [analysis])
            return
        for job, (article_id, created) in zip(jobs, results, strict=True):
            self.inflight -= 1
            self.stored(job, article_id, created)


# --- add many sources -----------------------------------------------------------------------


@dataclass(frozen=True)
class Added:
    """A source that is in the library now: `created` unless its content was there already."""

    source: str
    id: int
    title: str
    created: bool
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failed:
    source: str
    reason: str  # one line, starting with the source


@dataclass
class AddReport:
    total: int = 0
    added: list[Added] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    stopped: bool = False

    @property
    def new(self) -> list[Added]:
        return [a for a in self.added if a.created]


def add_sources(
    library: Library,
    sources: list[str],
    *,
    jobs: int | None = None,
    budget: float | None = None,
    anchor: date | None = None,
    progress: Callable[[Added | Failed, int, int], None] | None = None,
    stop: threading.Event | None = None,
    batch: int = BATCH,
) -> AddReport:
    """Add files, `.gz` files, URLs and '-' (standard input, read here) to the library.

    `progress(result, done, total)` is called on this thread as each source finishes, in the
    order they finish; one bad source never stops the others. Setting `stop` ends the run:
    what is stored stays, nothing more is written. `jobs`: worker processes (default: one per
    core); `budget`: seconds each of cleaning and analysis may take per article (default:
    pool.BUDGET)."""
    report = AddReport(total=len(sources))
    done = 0
    events: queue.SimpleQueue[tuple[str, object]] = queue.SimpleQueue()
    stop = stop or threading.Event()

    def tell(result: Added | Failed) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(result, done, report.total)

    def stored(job: Job, article_id: int, created: bool) -> None:
        title = job.article.title if created else library.titles([article_id])[article_id]
        added = Added(job.name, article_id, title, created, tuple(job.article.warnings))
        report.added.append(added)
        tell(added)

    def failed(job: Job, reason: str, error: NewsreaderError | None) -> None:
        report.failed.append(Failed(job.name, reason))
        tell(report.failed[-1])

    pool = WorkerPool(
        jobs or default_jobs(), lambda o: events.put(("step", o)), budget=budget or BUDGET
    )
    pipeline = Pipeline(library, pool, stored, failed, batch=batch)
    fetcher = _Fetcher(events) if any(is_url(s) for s in sources) else None
    waiting = list(reversed(sources))
    limit = max(8, pool.jobs * 4)  # sources in flight: enough to keep every worker busy
    fetching = 0
    try:
        while (waiting or pipeline.inflight or fetching) and not stop.is_set():
            while waiting and pipeline.inflight + fetching < limit:
                source = waiting.pop()
                job = Job(source, anchor=anchor)
                if fetcher is not None and is_url(source):
                    fetching += 1
                    fetcher.fetch(job)
                    continue
                data, url = None, None
                if source == "-":
                    try:
                        data = read_bytes("-")
                    except NewsreaderError as e:
                        report.failed.append(Failed("standard input", str(e)))
                        tell(report.failed[-1])
                        continue
                else:
                    url = str(Path(source).expanduser().resolve())
                name = "standard input" if source == "-" else source
                job.fallback = (plain_source, (name, url, data, None))
                pipeline.clean(job, clean_source, name, url, data, None)
            try:
                kind, value = events.get_nowait()
            except queue.Empty:
                pipeline.flush()  # nothing else is ready: store what is
                try:
                    kind, value = events.get(timeout=0.1)
                except queue.Empty:
                    continue
            if kind == "step":
                pipeline.handle(value)
            else:  # a URL fetched, or not
                fetching -= 1
                job, page, error = value
                if page is None:
                    report.failed.append(Failed(job.name, error))
                    tell(report.failed[-1])
                    continue
                args = (page.url, page.url, page.content, page.charset)
                job.fallback = (plain_source, args)
                pipeline.clean(job, clean_source, *args)
        if not stop.is_set():
            pipeline.flush()
        report.stopped = stop.is_set()
    finally:
        pool.close()
        if fetcher is not None:
            fetcher.close()
    if len(report.new) >= OPTIMIZE_AFTER:
        library.optimize_search()
    return report


class _Fetcher:
    """URLs fetched on a few threads, politely (a couple at a time per host); each result is
    put on the caller's queue as ("fetched", (job, page or None, error))."""

    def __init__(self, events: queue.SimpleQueue) -> None:
        from store.ingest.fetch import CONCURRENCY, PER_HOST, Fetchers, HostGate, new_client

        self.events = events
        self.client = new_client(connections=CONCURRENCY)
        self.gate = HostGate(PER_HOST)
        self.threads = Fetchers(CONCURRENCY, "nr-fetch")

    def fetch(self, job: Job) -> None:
        self.threads.submit(self._fetch, job)

    def _fetch(self, job: Job) -> None:
        from store.ingest.fetch import fetch_page

        try:
            with self.gate(job.name):
                page = fetch_page(job.name, client=self.client)
        except NewsreaderError as e:
            self.events.put(("fetched", (job, None, str(e))))
        except Exception as e:  # noqa: BLE001 - one bad URL never stops the rest
            self.events.put(("fetched", (job, None, f"{job.name}: unexpected error: {e!r}")))
        else:
            self.events.put(("fetched", (job, page, None)))

    def close(self) -> None:
        self.threads.shutdown()
        self.client.close()

