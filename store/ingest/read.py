"""Reading an article from wherever it comes from: a file, standard input or a URL."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from store.article import Article
from store.errors import InputError
from store.ingest.decode import decode_bytes, looks_binary

if TYPE_CHECKING:
    from store.ingest.fetch import Page

MAX_BYTES = 50 * 1024 * 1024
_HTML = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml|<!--|<meta|<div|<p[\s>])", re.IGNORECASE
)


def is_url(source: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source) is not None


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML.match(head)) or b"<html" in head.lower() or b"<body" in head.lower()


def read_file(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, with a missing path, a directory, an unreadable or an oversized file
    each reported in one line."""
    name = str(path)
    path = Path(path).expanduser()
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if len(data) > limit:
        raise InputError(f"{name}: larger than {limit // (1024 * 1024)} MB")
    return data


def read_bytes(source: str) -> bytes:
    """The raw bytes of a path or of standard input ('-')."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"standard input: larger than {MAX_BYTES // (1024 * 1024)} MB")
    else:
        data = read_file(source)
    if not data.strip():
        raise InputError(f"{source}: empty, no article in it")
    return data


def article_from_bytes(
    data: bytes,
    name: str,
    *,
    url: str | None = None,
    clean: bool = True,
    charset: str | None = None,
) -> Article:
    """Clean HTML or plain text into an article; `clean=False` keeps the text as given.

    `charset` is what the transport said (an HTTP header); it wins over the page's own."""
    if looks_binary(data):
        raise InputError(f"{name}: binary file, not an article")
    text = decode_bytes(data, charset)
    if clean and looks_like_html(data):
        from store.clean.html import clean_html

        return clean_html(text, url=url)
    from store.clean.text import clean_text

    article = clean_text(text, clean=clean)
    article.url = url
    return article


def article_from_page(page: Page, *, clean: bool = True) -> Article:
    """A fetched page as an article, decoded by the charset its headers declare."""
    return article_from_bytes(
        page.content, page.url, url=page.url, clean=clean, charset=page.charset
    )


def read_article(source: str, *, clean: bool = True) -> Article:
    """An article from a path, '-' for standard input, or an http(s) URL."""
    if is_url(source):
        from store.ingest.fetch import fetch_page

        return article_from_page(fetch_page(source), clean=clean)
    data = read_bytes(source)
    url = None if source == "-" else str(Path(source).expanduser().resolve())
    return article_from_bytes(data, source, url=url, clean=clean)
