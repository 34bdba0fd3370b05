"""Highlights as W3C Web Annotations (JSON-LD), the format Hypothesis and others speak.

One AnnotationCollection with its page embedded. Per highlight: a target whose source is the
article's address and whose selectors are a TextQuoteSelector (exact, prefix, suffix) and a
TextPositionSelector into the stored text; a TextualBody for the note (purpose commenting)
and one per tag (purpose tagging); the colour as a CSS style class (`newsreader-yellow`, ...)
with its stylesheet, as the model's styling section describes. Deterministic: the same
library exports the same bytes.
"""

from __future__ import annotations

import json
import uuid

from store.article import content_hash
from store.library.db import Library
from store.library.locations import content_urn, public_location
from store.library.notebook import colour_name
from store.library.records import Highlight, StoredArticle

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
STYLE_PREFIX = "newsreader-"
_NAMESPACE = uuid.UUID("1f0c5c3e-3c52-4e55-9a55-6e6577737265")  # this format's own
# what the reader's colours look like, for tools that show the style class
_CSS = {
    "yellow": "#ffd54f",
    "green": "#81c784",
    "blue": "#64b5f6",
    "red": "#e57373",
    "grey": "#bdbdbd",
}


def stylesheet(name: str) -> str:
    return f".{STYLE_PREFIX}{name} {{ background-color: {_CSS[name]}; }}"


def xsd_datetime(stamp: str) -> str | None:
    """The library's ISO stamps in the form the model asks for (UTC as Z)."""
    if not stamp:
        return None
    return stamp.replace("+00:00", "Z")


def article_source(article: StoredArticle) -> str:
    """The target's source: the article's public address, else a URN naming its text."""
    return public_location(article.url) or content_urn(content_hash(article.text))


def annotation(h: Highlight, source: str, digest: str) -> dict:
    """One highlight as a Web Annotation."""
    body: list[dict] = []
    if h.note.strip():
        body.append(
            {
                "type": "TextualBody",
                "value": h.note,
                "format": "text/markdown",
                "purpose": "commenting",
            }
        )
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in h.tags]
    key = f"{digest}:{h.start}:{h.end}:{h.exact}:{h.created}"
    out: dict = {
        "id": f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}",
        "type": "Annotation",
        "motivation": "commenting" if h.note.strip() else "highlighting",
    }
    if created := xsd_datetime(h.created):
        out["created"] = created
    if modified := xsd_datetime(h.updated):
        out["modified"] = modified
    out["stylesheet"] = {"type": "CssStylesheet", "value": stylesheet(colour_name(h.color))}
    if body:
        out["body"] = body
    selectors: list[dict] = [
        {"type": "TextQuoteSelector", "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix}
    ]
    if not h.orphaned:  # an orphan's offsets point at words that are no longer there
        selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
    out["target"] = {
        "source": source,
        "styleClass": STYLE_PREFIX + colour_name(h.color),
        "selector": selectors,
    }
    return out


def w3c_collection(library: Library, ids: list[int] | None = None) -> dict:
    """Every highlight of the given articles (default: all) as one AnnotationCollection."""
    items: list[dict] = []
    for article_id in ids or library.article_ids():
        highlights = library.highlights(article_id)
        if not highlights:
            continue
        article = library.get_article(article_id)
        digest = content_hash(article.text)
        source = article_source(article)
        items += [annotation(h, source, digest) for h in highlights]
    collection_id = uuid.uuid5(_NAMESPACE, " ".join(item["id"] for item in items))
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{collection_id}",
        "type": "AnnotationCollection",
        "label": "Highlights and notes from newsreader",
        "generator": {"id": "urn:newsreader", "type": "Software", "name": "newsreader"},
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def w3c_json(library: Library, ids: list[int] | None = None) -> str:
    return json.dumps(w3c_collection(library, ids), ensure_ascii=False, indent=2) + "\n"
