"""OPML, the list of subscriptions every feed reader imports and exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from store.article import normalise_paragraph
from store.errors import FetchError, InputError
from store.ingest.feeds import Feed, add_feed, list_feeds, refuse_unsafe_xml
from store.ingest.read import read_file
from store.library.db import Library

MAX_OPML_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Subscription:
    url: str
    title: str | None = None
    site_url: str | None = None


@dataclass
class OpmlImport:
    added: list[Feed] = field(default_factory=list)
    existing: list[Feed] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line each: the URL and why


def parse_opml(data: bytes, name: str = "OPML") -> list[Subscription]:
    """Every outline with an xmlUrl, at any depth (folders are flattened), in document order."""
    from defusedxml.ElementTree import fromstring

    refuse_unsafe_xml(data, name, InputError)
    try:
        root = fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"{name}: not valid OPML ({e})") from None
    if root.tag.lower() != "opml":
        raise InputError(f"{name}: not OPML (the document is <{root.tag}>)")
    subs, seen = [], set()
    for outline in root.iter("outline"):
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        url = (attrs.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        title = normalise_paragraph(attrs.get("title") or attrs.get("text") or "") or None
        if title == url:  # how an untitled feed is exported: it stays untitled
            title = None
        subs.append(Subscription(url, title, (attrs.get("htmlurl") or "").strip() or None))
    return subs


def import_opml(library: Library, path: str | Path) -> OpmlImport:
    """Subscribe to every feed of an OPML file; a feed already there or not http(s) is skipped."""
    data = read_file(path, MAX_OPML_BYTES)
    result = OpmlImport()
    for sub in parse_opml(data, str(path)):
        try:
            feed, created = add_feed(library, sub.url, title=sub.title, site_url=sub.site_url)
        except FetchError as e:  # not an http(s) URL
            result.skipped.append(str(e))
            continue
        (result.added if created else result.existing).append(feed)
    return result


def opml_text(library: Library, title: str = "newsreader subscriptions") -> str:
    """OPML 2.0 of every subscribed feed."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    for feed in list_feeds(library):
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def export_opml(library: Library, path: str | Path) -> Path:
    path = Path(path).expanduser()
    try:
        path.write_text(opml_text(library), encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot write ({e.strerror or e})") from None
    return path
