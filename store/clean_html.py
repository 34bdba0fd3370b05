"""Web pages into articles: readability-lxml finds the story, our post-processing tidies it.

readability picks the element that holds the story. What it returns still carries furniture
that lives inside that element on real sites, so each block is then judged on its own:
- blocks whose class/id name a known kind of furniture (share bars, newsletter and "read
  more" boxes, related links, captions and credits, ads) are dropped;
- text blocks are passed through the same line judgements as plain text (calls to action,
  appeals, code, cookie notices, copyright lines);
- the headline repeated at the top of the body and a byline line there are removed;
- metadata (title, byline, site, date) comes from the page as a whole, see store.metadata.
"""

from __future__ import annotations

import copy
import logging
import re

import lxml.etree
import lxml.html
from readability import Document

from store.article import Article
from store.clean_text import appeal_strength, byline_of, is_code, is_furniture
from store.decode import decode_bytes, looks_binary
from store.errors import InputError, NoArticleError
from store.metadata import page_metadata

logging.getLogger("readability").setLevel(logging.CRITICAL)
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

NO_ARTICLE = "no article text found in the page"

# Scripts, styles, comments and inline SVG carry no story and are most of a huge page's
# bytes; removing them with a regex before parsing keeps a 20 MB page to a few seconds.
_NOT_TEXT = re.compile(
    r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<svg\b.*?</svg\s*>"
    r"|<noscript\b.*?</noscript\s*>",
    re.IGNORECASE | re.DOTALL,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# After furniture removal, a page larger than this is cut: no article is that long, and
# readability's scoring is superlinear on pathological pages.
_MAX_CHARS = 3_000_000

_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "figcaption",
    "caption",
    "dd",
    "dt",
    "div",
    "section",
    "article",
    "td",
    "th",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "header",
    "footer",
    "aside",
    "main",
    "form",
    "address",
    "center",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# class/id words of furniture that sits inside article containers on real sites.
_FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|signup|sign-up|subscribe|subscription|"
    r"related|recommended|read-?more|readmore|more-stories|promo|advert|advertisement|ads?|"
    r"sponsor|caption|credit|byline|author|dateline|timestamp|breadcrumbs?|tags?|"
    r"comments?|footer|toolbar|paywall|outbrain|taboola|disclaimer|print|newsletter)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)


def clean_html(page: bytes | str, url: str | None = None) -> Article:
    """The article in a web page: body paragraphs plus title, byline, site and date."""
    html = _page_text(page)
    tree = _parse(html)
    meta = page_metadata(tree, url)
    paragraphs = _readability_paragraphs(tree)
    paragraphs = _tidy(paragraphs, meta.title)
    if not _has_article(paragraphs):
        raise NoArticleError(NO_ARTICLE)
    title = meta.title or ""
    return Article.from_paragraphs(
        [p for p, _ in paragraphs],
        title=title,
        byline=meta.byline,
        site=meta.site,
        published=meta.published,
        url=url,
    )


def _page_text(page: bytes | str) -> str:
    if isinstance(page, bytes):
        if not page.strip():
            raise NoArticleError(NO_ARTICLE + " (it is empty)")
        if looks_binary(page):
            raise InputError("the input looks like binary data, not HTML")
        html = decode_bytes(page)
    elif isinstance(page, str):
        html = page
    else:
        raise InputError("the page must be bytes or text")
    html = _XML_DECLARATION.sub("", html)
    html = _NOT_TEXT.sub(" ", html) if len(html) > 200_000 else html
    if len(html) > _MAX_CHARS:
        html = html[:_MAX_CHARS]
    if not html.strip():
        raise NoArticleError(NO_ARTICLE + " (it is empty)")
    if "\x00" in html[:8192]:
        raise InputError("the input looks like binary data, not HTML")
    return html


def _parse(html: str):
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError) as err:
        raise NoArticleError(f"{NO_ARTICLE} (unparseable: {str(err)[:80] or 'empty'})") from None


class _Readability(Document):
    """readability-lxml on a tree we already parsed (for the metadata): one parse, not three.

    readability re-parses its input on every pass (a strict pass, then a lenient retry) and
    mutates what it parses, so each pass gets a fresh copy of the tree. No URL is given: links
    are not part of the text, and making them absolute is a third of readability's time.
    """

    def _parse(self, input):
        return super()._parse(copy.deepcopy(input))


def _readability_paragraphs(tree) -> list[tuple[str, str]]:
    try:
        summary = _Readability(tree).summary(html_partial=True)
    except Exception as err:  # readability wraps every failure in Unparseable
        raise NoArticleError(f"{NO_ARTICLE} ({type(err).__name__})") from None
    if not summary or not summary.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return []
    return block_texts(root)


def block_texts(root) -> list[tuple[str, str]]:
    """(text, tag) for each block of an element tree, in reading order; furniture left out."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    tag_stack: list[str] = ["div"]

    def flush():
        text = re.sub(r"\s+", " ", "".join(buf)).strip()
        buf.clear()
        if text:
            out.append((text, tag_stack[-1]))

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and _is_furniture_element(el):
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCKS
        if tag == "br":
            flush()
        elif block:
            flush()
            tag_stack.append(tag)
        if tag and el.text and tag not in ("script", "style"):
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
            tag_stack.pop()
        if el.tail:
            buf.append(el.tail)

    walk(root)
    flush()
    return out


def _is_furniture_element(el) -> bool:
    if el.tag in ("script", "style", "noscript", "button", "select", "input", "svg", "nav"):
        return True
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if attrs and _FURNITURE_ATTR.search(attrs):
        # A furniture-named box that holds most of the story is the story (bad class names).
        text = el.text_content()
        return len(text) < 1500
    return False


def _tidy(paragraphs: list[tuple[str, str]], title: str | None) -> list[tuple[str, str]]:
    kept: list[tuple[str, str]] = []
    for i, (text, tag) in enumerate(paragraphs):
        if is_furniture(text) or is_code(text) or appeal_strength(text) == 2:
            continue
        if i < 3 and title and _same_text(text, title):
            continue
        if (i < 4 or i >= len(paragraphs) - 2) and byline_of(text):
            continue
        kept.append((text, tag))
    return kept


def _same_text(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def _has_article(paragraphs: list[tuple[str, str]]) -> bool:
    words = sum(len(p.split()) for p, _ in paragraphs)
    sentences = sum(1 for p, _ in paragraphs if re.search(r"\w[.!?。][\"'”’)]*(?:\s|$)", p))
    return words >= 40 or (words >= 12 and sentences >= 1)
