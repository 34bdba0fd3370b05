"""Highlights as the CSV Readwise's importer reads: Highlight, Title, Author, URL, Note,
Location, Date.

Readwise takes tags from a note that starts with `.tag` words, so a highlight's tags go there
in their one-word form (`.multi-word-tag`), before the note; Location is the highlight's
character offset in the article (it orders an article's highlights); Date is when it was made,
as `YYYY-MM-DD HH:MM:SS` in UTC. A highlight no longer found in the article's text still goes
out with its stored words.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from store.library.db import Library
from store.library.locations import public_location
from store.library.notebook import tag_slug
from store.library.records import Highlight

COLUMNS = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")


def readwise_note(h: Highlight) -> str:
    tags = " ".join("." + s for s in (tag_slug(t) for t in h.tags) if s)
    return "\n".join(part for part in (tags, h.note.strip()) if part)


def readwise_date(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def readwise_csv(library: Library, ids: list[int] | None = None) -> str:
    """Every highlight of the given articles (default: all), one row each, in text order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for article_id in ids or library.article_ids():
        highlights = library.highlights(article_id)
        if not highlights:
            continue
        article = library.get_article(article_id)
        url = public_location(article.url) or ""
        for h in highlights:
            writer.writerow(
                (
                    h.exact,
                    article.title,
                    article.byline or article.site or "",
                    url if url.startswith("http") else "",
                    readwise_note(h),
                    h.start,
                    readwise_date(h.created),
                )
            )
    return out.getvalue()
