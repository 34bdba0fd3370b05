"""Where an article lives as other tools know it, and when two addresses name the same page.

The library records a URL for a web page, an absolute path for a file, and "seeds/NAME" for a
sample article; only the first two are places anyone else can find.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

if TYPE_CHECKING:
    from store.library.db import Library

CONTENT_URN = "urn:newsreader:content:"  # an article known by its text alone
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src|cmpid)$", re.IGNORECASE)


def public_location(url: str | None) -> str | None:
    """The article's address outside the library: its http(s) URL, or a file:// URI for a
    file read from disk; None for a sample article, standard input or anything else."""
    if not url:
        return None
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https", "file"):
        return url
    if PurePosixPath(url).is_absolute() or Path(url).is_absolute():
        try:
            return Path(url).as_uri()
        except ValueError:
            return None
    return None


def content_urn(content_hash: str) -> str:
    return CONTENT_URN + content_hash


def url_key(url: str) -> str:
    """One spelling of an address, for matching: http and https, `www.`, a default port, a
    trailing slash, a fragment and tracking parameters make no difference; a file is its
    path."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        host = (parts.hostname or "").lower().removeprefix("www.")
        try:
            port = parts.port
        except ValueError:
            port = None
        if port not in (None, 80, 443):
            host += f":{port}"
        path = re.sub(r"/+$", "", parts.path)
        query = urlencode(
            sorted(
                (k, v)
                for k, v in parse_qsl(parts.query, keep_blank_values=True)
                if not _TRACKING.match(k)
            )
        )
        return f"http://{host}{path}" + (f"?{query}" if query else "")
    if scheme == "file":
        return "file://" + unquote(parts.path)
    if not scheme and url.startswith("/"):
        return "file://" + url
    if url.lower().startswith(CONTENT_URN):
        return url.lower()
    return url


def article_keys(library: Library) -> dict[str, int]:
    """Every stored article by the matching key of each address it answers to: its own (web
    address or file) and the URN of its text; the newest article wins a shared address."""
    keys: dict[str, int] = {}
    for article_id, url, digest in library.conn.execute(
        "SELECT id, url, content_hash FROM articles ORDER BY id"
    ):
        if url and (where := public_location(url)):
            keys[url_key(where)] = article_id
        keys[url_key(content_urn(digest))] = article_id
    return keys
