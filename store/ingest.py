"""Reading an article from wherever it comes from: a file, standard input or a URL."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from store.article import Article
from store.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
_HTML = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml|<!--|<meta|<div|<p[\s>])", re.IGNORECASE
)


def is_url(source: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source) is not None


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML.match(head)) or b"<html" in head.lower() or b"<body" in head.lower()


def decode_text(data: bytes, name: str) -> str:
    """Plain text as UTF-8 (with or without BOM), falling back to Windows-1252."""
    if _binary(data):
        raise InputError(f"{name}: binary file, not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_bytes(source: str) -> bytes:
    """The raw bytes of a path or of standard input ('-'), with every failure as one line."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(source).expanduser()
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not an article file")
        try:
            with path.open("rb") as f:
                data = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise InputError(f"{source}: cannot read ({e.strerror or e})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise InputError(f"{source}: empty, no article in it")
    return data


def article_from_bytes(
    data: bytes, name: str, *, url: str | None = None, clean: bool = True
) -> Article:
    """Clean HTML or plain text into an article; `clean=False` keeps the text as given."""
    if clean and looks_like_html(data):
        from store.clean_html import clean_html

        return clean_html(data, url=url)
    from store.clean_text import clean_text

    article = clean_text(decode_text(data, name), clean=clean)
    article.url = url
    return article


def _binary(data: bytes) -> bool:
    """NUL bytes or many control bytes: an image, an archive, an executable."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls > len(sample) * 0.05


def read_article(source: str, *, clean: bool = True) -> Article:
    """An article from a path, '-' for standard input, or an http(s) URL."""
    if is_url(source):
        from store.fetch import fetch_page

        page = fetch_page(source)
        return article_from_bytes(page.content, source, url=page.url, clean=clean)
    data = read_bytes(source)
    url = None if source == "-" else str(Path(source).expanduser().resolve())
    return article_from_bytes(data, source, url=url, clean=clean)
