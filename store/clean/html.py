"""Web pages into articles: readability-lxml finds the story, our post-processing tidies it.

Before readability: posts embedded from social networks are shielded from its "tweet"/
"social" class rules (they are quotes the story reports), hover cards that splice other
headlines into sentences are removed, scripts and styles are dropped. Pages too large for
readability's quadratic scoring are read linearly instead.

After readability, each block is judged on its own, because real sites keep furniture
inside the element that holds the story:
- blocks whose class/id words name furniture (share bars, newsletter and "read more"
  boxes, related links, captions and credits, ads) are dropped;
- text blocks go through the plain-text line judgements (calls to action, appeals, code,
  cookie notices, copyright, credit lines), plus stamps, contact lines, shortcodes;
- blocks that are all links to other pages of the same site are teasers; a short label
  above teasers or an appeal ("DON'T MISS") goes with them;
- the headline repeated at the top of the body and a byline line are removed, a paragraph
  an inline ad cut in two is rejoined, and a lede readability dropped (the page's own
  description, right before the story) is put back.
Metadata (title, byline, site, date) comes from the page as a whole, see store.metadata.
trafilatura is not used: as a second opinion it would double the time per page.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlparse

import lxml.etree
import lxml.html
from readability import Document

from store.article import Article
from store.clean.lines import appeal_strength, cap_tail, is_code, is_credit, is_furniture
from store.clean.metadata import page_metadata
from store.clean.text import byline_of
from store.errors import InputError, NoArticleError

logging.getLogger("readability").setLevel(logging.CRITICAL)
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

NO_ARTICLE = "no article text found in the page"

# Scripts, styles, comments and inline SVG carry no story and are most of a huge page's
# bytes; removing them with a regex before parsing keeps a 20 MB page to a few seconds.
# JSON-LD scripts stay: they carry the metadata.
_STRIP_ABOVE = 2_000_000  # below this, stripping costs more than it saves
_NOT_TEXT_START = re.compile(r"<(script|style|svg|noscript)\b|<!--", re.IGNORECASE)
_NOT_TEXT_END = {"script": "</script", "style": "</style", "svg": "</svg", "noscript": "</noscript"}
# Attribute values of thousands of characters are inline images (data: URIs) and state blobs.
_LONG_ATTRIBUTE = re.compile(r"""=\s*(?:"[^"]{2000,}"|'[^']{2000,}')""")
_XML_DECLARATION = re.compile(r"^[\s\ufeff]*<\?xml[^<>]*\?>", re.IGNORECASE)
# After furniture removal, a page larger than this is cut: no article is that long, and
# readability's scoring is superlinear on pathological pages.
_MAX_CHARS = 3_000_000

# readability's scoring grows with the square of the element count (20,000 elements: about
# 2 s; real news pages have a few thousand). Beyond this, a linear reading is used instead.
_MAX_ELEMENTS = 20_000

_BLOCKS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption",
    "caption", "dd", "dt", "div", "section", "article", "td", "th", "tr", "table", "ul",
    "ol", "dl", "figure", "header", "footer", "aside", "main", "form", "address", "center",
}  # fmt: skip
_NEVER_TEXT = {"script", "style", "noscript", "button", "select", "input", "svg", "nav",
               "figcaption", "template", "iframe", "textarea", "label"}  # fmt: skip

# class/id words of furniture that sits inside article containers on real sites; class
# names are split into words (also at camelCase), so "newsCaption" and "share-bar" match.
_FURNITURE_WORDS = frozenset(
    """share sharing sharebar sharetools social newsletter newsletters signup subscribe
    subscription related recommended recommendations readmore promo promotion promoted advert
    advertisement advertising ad ads adslot adunit dfp sponsor sponsored caption captions
    credit credits byline author authors dateline timestamp breadcrumb breadcrumbs tags
    comments comment footer toolbar paywall outbrain taboola disclaimer swiper carousel
    slider trending teaser teasers popular widget sidebar nav navigation menu print meta
    rail""".split()  # noqa: SIM905
)
# Posts embedded from social networks are part of the story (the quote it reports), but
# readability's class rules treat "twitter"/"tweet" as unlikely content and drop them.
_EMBEDDED_POST = re.compile(
    r"twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|fb-post|reddit-card|"
    r"mastodon-embed|threads-post",
    re.IGNORECASE,
)


def clean_html(page: str, url: str | None = None) -> Article:
    """The article in a web page: body paragraphs plus title, byline, site and date."""
    html = _page_text(page)
    tree = _parse(html)
    meta = page_metadata(tree, url)
    site_host = _host(url) or _host(meta.canonical)
    raw: list[Block] = []
    if sum(1 for _ in tree.iter()) > _MAX_ELEMENTS:
        blocks = _tidy(_prose_blocks(tree, site_host), meta.title)
    else:
        lede = _lede_candidate(tree)
        _prepare_for_readability(tree)
        raw = _readability_blocks(tree, html, site_host)
        blocks = _restore_lede(_tidy(raw, meta.title), lede)
    path = "story"
    if not _has_article(blocks):
        blocks, path = _fallback(html, raw, site_host, meta.title)
    if not _has_article(blocks):
        raise NoArticleError(NO_ARTICLE)
    article = Article.from_paragraphs(
        [b.text for b in blocks],
        title=meta.title or "",
        byline=meta.byline,
        site=meta.site,
        published=meta.published,
        url=url,
    )
    article.extraction = path
    if path != "story":
        article.warnings.append(f"the story finder found too little: text from {_PATHS[path]}")
    return article


_PATHS = {
    "readability": "readability's best candidate, unfiltered",
    "densest-block": "the page's densest block of text",
    "description": "the page's description",
    "visible-text": "the page's visible text, furniture removed",
}


def _fallback(
    html: str, raw: list[Block], site_host: str | None, title: str | None
) -> tuple[list[Block], str]:
    """When the story finder keeps too little, the next best reading of the page, step by
    step: readability's own candidate, the element densest in paragraph text, the page's
    description, its visible text minus furniture. (blocks, the path that gave them)"""
    if _has_article(raw):
        return [b for b in raw if _furniture_kind(b) != "other"] or raw, "readability"
    tree = _parse(html)  # readability changed the first tree
    lxml.etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    lxml.etree.strip_tags(tree, lxml.etree.Comment)
    body = tree.find(".//body")
    body = tree if body is None else body
    dense = _densest_element(body)
    if dense is not None:
        blocks = _tidy(block_texts(dense, site_host), title)
        if _has_article(blocks):
            return blocks, "densest-block"
    found = tree.xpath('//meta[@property="og:description" or @name="description"]/@content')
    description = [Block(" ".join(found[0].split()), "p")] if found else []
    if _has_article(description):
        return description, "description"
    return _tidy(block_texts(body, site_host), title), "visible-text"


def _densest_element(root):
    """The element whose own paragraphs hold the most text (each paragraph counted once, for
    its parent: one pass over the tree)."""
    best, best_size = None, 0
    sizes: dict = {}
    for p in root.iter("p", "br"):
        parent = p.getparent()
        if parent is None:
            continue
        text = p.text_content() if p.tag == "p" else (p.tail or "")
        sizes[parent] = sizes.get(parent, 0) + len(text.strip())
    for el, size in sizes.items():
        if size > best_size:
            best, best_size = el, size
    return best


def _norm_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _lede_candidate(tree) -> tuple[str, list[str]] | None:
    """The paragraph that carries the page's own description, and the texts that follow it.

    Sites put the story's first paragraph in the description meta tag; readability sometimes
    drops that paragraph when it sits in its own styled container. Read before readability
    changes the tree.
    """
    found = tree.xpath('//meta[@property="og:description" or @name="description"]/@content')
    desc = _norm_words(found[0]) if found else ""
    if len(desc) < 60:
        return None
    for p in tree.iter("p"):
        text = re.sub(r"\s+", " ", p.text_content()).strip()
        if len(text) < 60 or desc not in _norm_words(text):
            continue
        following = p.xpath("following::*[self::p or self::div][normalize-space()][position()<=4]")
        return text, [_norm_words(el.text_content())[:200] for el in following]
    return None


def _restore_lede(blocks: list[Block], lede: tuple[str, list[str]] | None) -> list[Block]:
    """Put back the described lede when it is missing right before the extracted story."""
    if not lede or not blocks:
        return blocks
    text, following = lede
    key = _norm_words(text)
    if any(key[:80] in _norm_words(b.text) for b in blocks):
        return blocks
    first = _norm_words(blocks[0].text)[:80]
    if first and any(f.startswith(first) for f in following):
        return [Block(text, "p"), *blocks]
    return blocks


def _host(url: str | None) -> str | None:
    try:
        return urlparse(url).hostname if url else None
    except ValueError:
        return None


def _page_text(page: str) -> str:
    if not isinstance(page, str):
        raise InputError("the page must be decoded text (store.ingest decodes bytes)")
    html = page
    html = _XML_DECLARATION.sub("", html)
    if len(html) > _STRIP_ABOVE:
        html = _LONG_ATTRIBUTE.sub('=""', strip_not_text(html))
    if len(html) > _MAX_CHARS:
        html = html[:_MAX_CHARS]
    if not html.strip():
        raise NoArticleError(NO_ARTICLE + " (it is empty)")
    if "\x00" in html[:8192]:
        raise InputError("the input looks like binary data, not HTML")
    return html


def strip_not_text(html: str) -> str:
    """The page without its scripts (JSON-LD kept), styles, comments, SVG and noscript.

    One pass from left to right: each element's end is looked for once, from where it opens,
    and an element that never closes runs to the end of the page, as in a browser. (A lazy
    regex looks for the end again from every opener: 2 MB of unclosed "<!--" took minutes.)"""
    lower = html.lower()
    out: list[str] = []
    pos = 0
    while m := _NOT_TEXT_START.search(html, pos):
        tag = (m.group(1) or "").lower()
        if tag:
            close = lower.find(_NOT_TEXT_END[tag], m.end())
            stop = len(html) if close < 0 else lower.find(">", close)
            stop = len(html) if stop < 0 else stop + 1
            opening_end = lower.find(">", m.end(), stop)
            if tag == "script" and "ld+json" in lower[m.end() : opening_end]:
                out.append(html[pos:stop])  # metadata: kept whole
                pos = stop
                continue
        else:
            close = lower.find("-->", m.end())
            stop = len(html) if close < 0 else close + 3
        out.append(html[pos : m.start()])
        out.append(" ")
        pos = stop
    out.append(html[pos:])
    return "".join(out)


# libxml2 drops everything nested deeper than 255 elements; block_texts walks the tree by
# recursion. Tags deeper than this are left out and their text kept ("flattened").
MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*+>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"]  # fmt: skip
)


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """The page with the tags nested deeper than `limit` removed and their text kept."""
    if html.count("<") <= limit:
        return html
    depth, out, pos, flattened = 0, [], 0, False
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _VOID or m.group().endswith("/>"):
            continue
        closing = bool(m.group(1))
        deep = depth >= limit if not closing else depth > limit
        depth = max(0, depth - 1) if closing else depth + 1
        if deep:
            out.append(html[pos : m.start()])
            out.append(" ")
            pos, flattened = m.end(), True
    if not flattened:
        return html
    out.append(html[pos:])
    return "".join(out)


def _parse(html: str):
    html = flatten_deep(html)
    try:
        return lxml.html.document_fromstring(html)
    except ValueError as err:
        if "encoding declaration" not in str(err):
            raise NoArticleError(f"{NO_ARTICLE} (unparseable: {str(err)[:80]})") from None
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError) as err:
        raise NoArticleError(f"{NO_ARTICLE} (unparseable: {str(err)[:80] or 'empty'})") from None
    # An XML declaration lxml will not take in a str: parse the same text as UTF-8 bytes.
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError) as err:
        raise NoArticleError(f"{NO_ARTICLE} (unparseable: {str(err)[:80] or 'empty'})") from None


class _Readability(Document):
    """readability-lxml on a tree we already parsed (for the metadata): one parse, not two.

    readability parses its input again on every pass (a strict pass, then, when that finds
    too little, a lenient retry) and mutates what it parses. The first pass takes our tree
    as it is; a retry, which is rare, parses the page afresh. No URL is given: links are not
    part of the text, and making them absolute is a third of readability's time.
    """

    def __init__(self, tree, html: str):
        super().__init__(tree)
        self._source = html
        self._passes = 0

    def _parse(self, input):
        self._passes += 1
        if self._passes > 1:
            input = lxml.html.document_fromstring(self._source)
            _prepare_for_readability(input)
        return super()._parse(input)


_EMBED_XPATH = (
    '//blockquote[@class] | //div[contains(@class,"tweet") or contains(@class,"instagram") '
    'or contains(@class,"tiktok") or contains(@class,"bluesky") or contains(@class,"fb-post") '
    'or contains(@class,"reddit") or contains(@class,"mastodon") or contains(@class,"threads")]'
)
_HOVER_XPATH = (
    '//span[contains(@class,"rollover") or contains(@class,"popover") '
    'or contains(@class,"tooltip") or contains(@class,"hovercard")]'
    ' | //div[contains(@class,"rollover") or contains(@class,"popover") '
    'or contains(@class,"tooltip") or contains(@class,"hovercard")]'
)


def _prepare_for_readability(tree) -> None:
    """Protect what belongs to the story from readability's class rules; drop hover cards."""
    # readability drops scripts, styles and comments itself, but only after copying the
    # tree and running lxml's cleaner over every node; dropping them first halves that work.
    lxml.etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    lxml.etree.strip_tags(tree, lxml.etree.Comment)
    for el in tree.xpath(_EMBED_XPATH):
        if _EMBEDDED_POST.search(el.get("class", "")):
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
            # Wrappers that hold only the post ("social-media-embed") are unwrapped: readability
            # removes link-heavy divs, and a post is mostly links.
            size = len(el.text_content())
            parent = el.getparent()
            while (
                parent is not None
                and parent.tag == "div"
                and len(parent.text_content()) <= 1.2 * size + 50
            ):
                grand = parent.getparent()
                parent.drop_tag()
                parent = grand
    # Hover cards ("rollover" people boxes) sit inside sentences and splice headlines of
    # other stories into the text; they are never visible reading text.
    # The card is the innermost marked element; its marked wrapper also holds the visible name.
    marked = tree.xpath(_HOVER_XPATH)
    ids = {id(el) for el in marked}
    for el in marked:
        wrapper = any(id(child) in ids for child in el)
        if not wrapper and len(el.text_content()) < 1000 and el.getparent() is not None:
            el.drop_tree()


def _readability_blocks(tree, html: str, site_host: str | None) -> list[Block]:
    try:
        summary = _Readability(tree, html).summary(html_partial=True)
    except Exception as err:  # readability wraps every failure in Unparseable
        raise NoArticleError(f"{NO_ARTICLE} ({type(err).__name__})") from None
    if not summary or not summary.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (lxml.etree.ParserError, ValueError, AssertionError):
        # readability hands back the whole page when it finds no body at all ("<html>",
        # a frameset); lxml asserts on such a fragment. There is no article in it.
        return []
    return block_texts(root, site_host)


def _prose_blocks(tree, site_host: str | None) -> list[Block]:
    """Paragraph-like blocks of a page too large for readability, in one linear pass.

    The story is where the paragraphs are: keep p/heading/quote blocks from the first to the
    last block that reads as prose, and let the block filter take the furniture between.
    """
    body = tree.find(".//body")
    blocks = block_texts(body if body is not None else tree, site_host)
    wanted = {"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre"}
    blocks = [b for b in blocks if b.tag in wanted]
    prose = [
        i for i, b in enumerate(blocks) if len(b.text.split()) >= 8 and _SENTENCE.search(b.text)
    ]
    return blocks[prose[0] : prose[-1] + 1] if prose else []


@dataclass
class Block:
    """One paragraph-level piece of the article with what its markup says about it."""

    text: str
    tag: str
    link_share: float = 0.0  # share of the text inside links
    internal_share: float = 0.0  # share inside links to the same site (other stories)


def block_texts(root, site_host: str | None = None) -> list[Block]:
    """The blocks of an element tree in reading order; furniture elements left out."""
    total = len(root.text_content()) or 1
    out: list[Block] = []
    buf: list[str] = []
    linked = {"internal": 0, "external": 0}
    tag_stack: list[str] = ["div"]

    def flush():
        raw = "".join(buf)
        text = re.sub(r"\s+", " ", raw).strip()
        if text:
            size = max(1, len(re.sub(r"\s+", "", raw)))
            internal = min(1.0, linked["internal"] / size)
            share = min(1.0, (linked["internal"] + linked["external"]) / size)
            out.append(Block(text, tag_stack[-1], share, internal))
        buf.clear()
        linked["internal"] = linked["external"] = 0

    def add(text: str, link: str | None):
        buf.append(text)
        if link:
            linked[link] += len(re.sub(r"\s+", "", text))

    def walk(el, link: str | None = None):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and _is_furniture_element(el, total):
            if el.tail:
                add(el.tail, link)
            return
        block = tag in _BLOCKS
        if tag == "br":
            flush()
        elif block:
            flush()
            tag_stack.append(tag)
        inner = link or (_link_kind(el.get("href"), site_host) if tag == "a" else None)
        if tag and el.text:
            add(el.text, inner)
        for child in el:
            walk(child, inner)
        if block:
            flush()
            tag_stack.pop()
        if el.tail:
            add(el.tail, link)

    walk(root)
    flush()
    return out


def _link_kind(href: str | None, site_host: str | None) -> str:
    """internal: a link to another page of the same site (relative, or the same domain)."""
    if not href or href.startswith("#"):
        return "external"
    host = urlparse(href).hostname if "//" in href else None
    if host is None:
        return "internal" if not href.startswith(("mailto:", "javascript:", "tel:")) else "external"
    return "internal" if site_host and _domain(host) == _domain(site_host) else "external"


def _domain(host: str) -> str:
    return ".".join(host.lower().split(".")[-2:])


def _class_words(el) -> set[str]:
    attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
    if not attrs:
        return set()
    return set(re.findall(r"[a-z]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", attrs).lower()))


def _is_furniture_element(el, total: int) -> bool:
    if el.tag in _NEVER_TEXT:
        return True
    words = _class_words(el)
    if words & _FURNITURE_WORDS:
        # A furniture-named box that holds much of the story is the story (bad class names).
        size = len(el.text_content())
        return size < 2000 and size < 0.3 * total
    return False


# Bounded runs and a bounded closing run of symbols (on a capped tail, see cap_tail).
_CREDIT = re.compile(
    r"(?:\b(?:credit|photo|image|picture|source|illustration|video)s?\s{0,3}:\s{0,3}[^.]{1,80}+"
    r"|\((?:image|photo|picture|credit)s?\s{0,3}:[^)]{0,200}+\)|getty\s+images|shutterstock|"
    r"\bap\s+photo\b|©[^.]{0,60}+)\W{0,100}+$",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"^\W*+(?:updated|published|posted|last\s+(?:updated|modified)|modified)\b[^.]{0,50}"
    r"\d[^.]{0,30}\.?$",
    re.IGNORECASE,
)
# A bare date-and-time line ("sexta-feira, 22 de outubro de 2010 às 20:13"): a year, a clock
# time, a few words around them, in any language.
_DATE_TIME_LINE = re.compile(
    r"^[^.!?]{0,50}\b(?:19|20)\d{2}\b[^.!?]{0,25}\b\d{1,2}[:h]\d{2}\b[^.!?]{0,15}$"
)
_SHORTCODE_OPEN = re.compile(r"\[(\w+)\b[^\]]{0,500}\]")  # WordPress [button ...]...[/button]
_SHORTCODE_CLOSE = re.compile(r"\[/(\w+)\]")
_FOLLOW_AUTHOR = re.compile(
    r"\bfollow\s+(?:him|her|them|me|us)\b|\bfollow\s+@\w+|\bon\s+twitter\s+@\w+",
    re.IGNORECASE,
)
# Starts only where a run of address characters starts: every start is scanned once.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.]+")
_REACH = re.compile(r"\b(?:reach(?:ed)?|contact|follow|tips?|email|write\s+to)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"\w[.!?。][\"'”’)]*(?:\s|$)")


def _is_label(text: str) -> bool:
    """A short line that announces what follows ("DON'T MISS", "Related", "Watch")."""
    return len(text.split()) <= 6 and not _SENTENCE.search(text)


def _block_is_furniture(block: Block) -> bool:
    return _furniture_kind(block) is not None


def _furniture_kind(block: Block) -> str | None:
    """Why a block is furniture: "teaser" (links to other stories, appeals, calls to action:
    what a label announces), "other" (credits, stamps, code, contact lines), or None."""
    text = block.text
    words = text.count(" ") + 1
    if appeal_strength(text) == 2 and not _is_quoted(text):
        return "teaser"
    if is_furniture(text):
        return "other" if is_credit(text) else "teaser"
    if is_code(text):
        return "other"
    if "[/" in text and _has_shortcode(text):
        return "teaser"
    if words <= 30 and (
        _STAMP.match(text)
        or words <= 10
        and _DATE_TIME_LINE.match(text)
        or _CREDIT.search(cap_tail(text))  # a caption's credit line
    ):
        return "other"
    if words <= 40 and "@" in text and _EMAIL.search(text) and _REACH.search(text):
        return "other"  # "Reach X at x@y.com"
    # Teasers for other stories: a block that is (nearly) all links to the same site, short or
    # not a sentence. (Links elsewhere - shops, sources - are often the story's own lines.)
    if block.internal_share >= 0.8 and (words <= 25 or not _SENTENCE.search(text)):
        return "teaser"
    if block.link_share >= 0.8 and text.isupper():
        return "teaser"
    return None


def _has_shortcode(text: str) -> bool:
    """A WordPress shortcode pair ("[button ...]...[/button]") on one line."""
    for line in text.split("\n"):
        last_close = {m.group(1): m.start() for m in _SHORTCODE_CLOSE.finditer(line)}
        for m in _SHORTCODE_OPEN.finditer(line):
            if last_close.get(m.group(1), -1) >= m.end():
                return True
    return False


def _is_quoted(text: str) -> bool:
    """Reported speech: an appeal inside quotation marks is news, not the site's own ask.

    An opening mark with at least ten characters before a closing one on the same line."""
    for line in text.split("\n"):
        first = min((i for i in (line.find("“"), line.find('"')) if i >= 0), default=-1)
        last = max(line.rfind("”"), line.rfind('"'))
        if first >= 0 and last - first > 10:
            return True
    return False


def _tidy(blocks: list[Block], title: str | None) -> list[Block]:
    """Drop furniture blocks, the repeated headline, a byline, and labels left with nothing."""
    n = len(blocks)
    kinds = [_furniture_kind(b) for b in blocks]
    drop = [kind is not None for kind in kinds]
    # The author's note that closes many stories ("X's book is out now. Follow him on Twitter").
    for i in range(max(0, n - 2), n):
        if len(blocks[i].text.split()) <= 60 and _FOLLOW_AUTHOR.search(blocks[i].text):
            drop[i] = True
    for i, b in enumerate(blocks):
        if drop[i]:
            continue
        repeated_headline = i < 3 and bool(title) and _same_text(b.text, title)
        byline_line = (i < 4 or i >= n - 2) and byline_of(b.text) is not None
        drop[i] = repeated_headline or byline_line
    # A label above teasers or an appeal ("DON'T MISS", "Something to consider"), or one that
    # ends the article ("LEARN MORE"), announces furniture. (A subhead above a photo credit
    # is still the story's.)
    for i in range(n - 1, -1, -1):
        if drop[i] or not _is_label(blocks[i].text):
            continue
        rest = [j for j in range(i + 1, n) if not drop[j]]
        if not rest or (i + 1 < n and kinds[i + 1] == "teaser"):
            drop[i] = True
            kinds[i] = "teaser"
    kept = [b for b, d in zip(blocks, drop, strict=True) if not d]
    return _rejoin_split_paragraphs(kept)


def _rejoin_split_paragraphs(blocks: list[Block]) -> list[Block]:
    """A paragraph cut in two by an inline ad: no sentence end, then a lower-case start."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.tag == b.tag == "p"
            and not re.search(r"[.!?:;\"”’)]$", prev.text)
            and re.match(r"[a-z]", b.text)
        ):
            out[-1] = Block(prev.text + " " + b.text, "p", prev.link_share)
        else:
            out.append(b)
    return out


def _same_text(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


# Chinese and Japanese write no spaces between words: two characters count as one word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _word_count(text: str) -> int:
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def _has_article(blocks: list[Block]) -> bool:
    words = sum(_word_count(b.text) for b in blocks)
    sentences = sum(1 for b in blocks if _SENTENCE.search(b.text))
    return words >= 40 or (words >= 12 and sentences >= 1)
