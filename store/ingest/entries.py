"""A feed's entry and what it becomes: its page cleaned into an article, or, when the page
cannot be had or read, the feed's own text with a warning.

`entry_article` is a pure function of what was fetched, so a refresh runs it in a worker
process (store.ingest.pool) and the refreshing process only fetches and stores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from store.article import Article
from store.errors import NewsreaderError
from store.ingest.read import article_from_page

if TYPE_CHECKING:
    from store.ingest.fetch import Page


@dataclass(frozen=True)
class Entry:
    """One item of a parsed feed, with its link made absolute."""

    link: str | None
    title: str
    published: str | None  # ISO datetime with the feed's own UTC offset
    author: str | None
    html: str  # the entry's full content if the feed carries it, else its summary
    id: str | None = None


class EntryLost(NewsreaderError):
    """An entry with neither a usable page nor text in the feed; `retry` if that may pass."""

    def __init__(self, message: str, retry: bool = False) -> None:
        super().__init__(message)
        self.retry = retry


def entry_article(
    feed_title: str | None,
    entry: Entry,
    page: Page | None,
    why: str = "",
    retry: bool = False,
) -> Article:
    """The entry's fetched page cleaned into an article, with the feed's title, date and
    author where the page lacks them; without a page (`why` says why not; `retry` if that may
    pass) or when the page holds no article, the feed's own text."""
    if page is None:
        return article_from_feed(feed_title, entry, why, retry=retry)
    try:
        article = article_from_page(page)
    except NewsreaderError as e:
        return article_from_feed(feed_title, entry, str(e))
    article.title = article.title or entry.title
    article.published = entry.published or article.published
    article.byline = article.byline or entry.author
    if feed_title and article.site in (None, _host(page.url), _host(entry.link)):
        article.site = feed_title  # the feed names the site better than a bare host name
    article.url = entry.link
    return article


def _host(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    return re.sub(r"^(?:www\d?|m|amp|edition|mobile)\.", "", host) or None


def article_from_feed(
    feed_title: str | None, entry: Entry, why: str, retry: bool = False
) -> Article:
    """The feed's own content or summary as the article, when its page cannot be had."""
    paragraphs = html_paragraphs(entry.html)
    if not any(p.strip() for p in paragraphs):
        what = entry.link or entry.title
        why = why if why.startswith(what) else f"{what}: {why}"
        raise EntryLost(f"{why}, and the feed gives no text", retry)
    article = Article.from_paragraphs(
        paragraphs,
        title=entry.title or "(untitled)",
        byline=entry.author,
        site=feed_title,
        published=entry.published,
        url=entry.link,
    )
    article.warnings.append(f"{why}; stored from the feed's summary")
    return article


_BLOCKS = (
    "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "br",
    "section", "article", "figcaption", "dd", "dt",
)  # fmt: skip


def html_paragraphs(html: str) -> list[str]:
    """Paragraphs of an HTML fragment (a feed summary): block elements split, scripts dropped."""
    import lxml.html

    if not html.strip():
        return []
    if "<" not in html:
        return re.split(r"\n\s*\n", html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return [re.sub(r"<[^<>]*>", " ", html)]
    for bad in list(root.iter("script", "style", "iframe", "object")):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.text = "\n\n" + (el.text or "")
        el.tail = "\n\n" + (el.tail or "")
    return re.split(r"\n\s*\n", root.text_content())
