"""Title, byline, site name and publication date from what a page says about itself.

Sources, most trusted first: JSON-LD (schema.org NewsArticle and kin), OpenGraph/article
meta tags, other common meta names (author, pubdate, Dublin Core, Parse.ly, Sailthru),
microdata (itemprop), <time datetime>, then the URL (dates in the path, the host name).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_DATE_FORMS = (
    re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"),
    # day/month/year only when the day cannot be a month (no guessing between US and EU order)
    re.compile(r"\b(?P<d>1[3-9]|2\d|3[01])[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)\d{2})\b"),
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>1[3-9]|2\d|3[01])/(?P<y>(?:19|20)\d{2})\b"),
)
_FILLER = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|"
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?|"
    r"\b(?:utc|gmt|[ecmp][sd]?t|bst|cet|cest|kst|jst|ist|wat|eat|sast|aest|z)\b|"
    r"[+-]\d{2}:?\d{2}|\b(?:at|on|the|of|updated|published|posted)\b|T",
    re.IGNORECASE,
)


def parse_date(text: str, *, whole: bool = False) -> str | None:
    """The first calendar date in text as YYYY-MM-DD; whole=True: only if the text is a date."""
    if not text:
        return None
    for form in _DATE_FORMS:
        m = form.search(text)
        if not m:
            continue
        parts = m.groupdict()
        month = _MONTHS[parts["mon"].lower()] if parts.get("mon") else int(parts["m"])
        try:
            day = date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            continue
        if whole:
            rest = _FILLER.sub(" ", text[: m.start()] + " " + text[m.end() :])
            if re.search(r"\w", rest):
                continue
        return day.isoformat()
    return None


@dataclass
class PageMeta:
    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    canonical: str | None = None  # the page's own URL (og:url or <link rel=canonical>)


_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|blogposting", re.IGNORECASE)


def _json_ld_objects(tree) -> list[dict]:
    found: list[dict] = []

    def walk(node, depth=0):
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            found.append(node)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                if isinstance(node.get(key), (list, dict)):
                    walk(node[key], depth + 1)

    for script in tree.xpath('//script[contains(translate(@type,"JSONLD","jsonld"),"ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            walk(json.loads(raw, strict=False))
        except (ValueError, RecursionError):
            continue
    return found


def _types(obj: dict) -> str:
    t = obj.get("@type", "")
    return " ".join(t) if isinstance(t, list) else str(t)


def _names(value) -> list[str]:
    """Person names from a JSON-LD author value: a string, an object, or a list of them."""
    if isinstance(value, str):
        return [value] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        return _names(name) if isinstance(name, (str, list)) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _string(value) -> str | None:
    return value if isinstance(value, str) else None


def _clean(text: str | None) -> str | None:
    """One line of text; entities some sites escape twice ("&#8217;") decoded."""
    if not text:
        return None
    text = str(text)
    if "&" in text:
        text = html.unescape(text)
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def _meta(tree) -> dict[str, str]:
    """Meta tags by lower-cased property/name/itemprop; the first of each wins."""
    values: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "og:published_time",
    "article:modified_time",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
    "dcterms.creator",
    "cxenseparse:author",
    "twitter:creator",
)


def _strip_by(text: str | None) -> str | None:
    text = _clean(text)
    if text:
        text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
    return text or None


def site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname or ""
    except ValueError:
        return None
    host = re.sub(r"^(?:www\d?|m|amp|edition|mobile)\.", "", host)
    return host or None


def page_metadata(tree, url: str | None = None) -> PageMeta:
    """What the page's own metadata says; any field may be None."""
    meta = _meta(tree)
    ld = _json_ld_objects(tree)
    articles = [o for o in ld if _ARTICLE_TYPES.search(_types(o))]

    title = None
    byline = None
    published = None
    site = None
    for obj in articles:
        title = title or _clean(_string(obj.get("headline")))
        byline = byline or _strip_by(", ".join(dict.fromkeys(_names(obj.get("author")))))
        published = published or parse_date(str(obj.get("datePublished") or ""))
        publisher = obj.get("publisher")
        if isinstance(publisher, dict):
            site = site or _clean(_string(publisher.get("name")))
    for obj in ld:
        published = published or parse_date(_string(obj.get("datePublished")) or "")

    title = title or _clean(meta.get("og:title") or meta.get("twitter:title"))
    if not title:
        el = tree.find(".//title")
        title = _clean(el.text_content()) if el is not None else None
    site = site or _clean(meta.get("og:site_name") or meta.get("application-name"))
    for key in _DATE_KEYS:
        if published:
            break
        published = parse_date(meta.get(key, ""))
    if not published:
        published = _time_element_date(tree)
    if not byline:
        for key in _AUTHOR_KEYS:
            value = meta.get(key, "")
            if value and not value.startswith(("http", "@")) and len(value) < 120:
                byline = _strip_by(value)
                break
    if not byline:
        byline = _microdata_author(tree) or _byline_element(tree)
    if not published and url:
        published = parse_date(_url_date(url) or "")
    canonical = meta.get("og:url") or _canonical_link(tree)
    if not site:
        site = site_from_url(canonical or url)
    if title and site:
        title = strip_site_from_title(title, site)
    title = _visible_headline(tree, title)
    return PageMeta(title=title, byline=byline, site=site, published=published, canonical=canonical)


def _canonical_link(tree) -> str | None:
    for el in tree.xpath('//link[@rel="canonical"][@href]')[:1]:
        return el.get("href")
    return None


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _visible_headline(tree, meta_title: str | None) -> str | None:
    """The page's <h1> when it is the same story's headline as the metadata's title.

    Social titles are often reworded for sharing; the headline the reader sees is the <h1>.
    A page-wide <h1> that is the site's name shares few words with the title and is ignored.
    """
    if not meta_title:
        return meta_title
    mine = _words(meta_title)
    for h1 in tree.iter("h1"):
        text = _clean(h1.text_content())
        if not text or len(text) > 300:
            continue
        theirs = _words(text)
        if mine and theirs and len(mine & theirs) >= 0.5 * max(len(mine), len(theirs)):
            return text
    return meta_title


def _time_element_date(tree) -> str | None:
    for el in tree.xpath('//*[@itemprop="datePublished"] | //time[@pubdate] | //time[@datetime]')[
        :5
    ]:
        value = el.get("datetime") or el.get("content") or el.text_content()
        found = parse_date(value or "")
        if found:
            return found
    return None


def _microdata_author(tree) -> str | None:
    for el in tree.xpath('//*[@itemprop="author"] | //*[@rel="author"]')[:3]:
        name = el.xpath('.//*[@itemprop="name"]')
        text = name[0].get("content") or name[0].text_content() if name else el.text_content()
        text = _strip_by(text)
        if text and len(text) < 80:
            return text
    return None


_BYLINE_XPATH = (
    '//*[contains(@class,"byline") or contains(@id,"byline") or contains(@class,"author")]'
)
_BYLINE_NOISE = re.compile(
    r"\s*(?:\||—|–|-|/|\bon\b|\bupdated\b|\bpublished\b|\bposted\b).*$", re.IGNORECASE
)


def _byline_element(tree) -> str | None:
    """The page's visible byline: the first short element named byline/author that has a name."""
    for el in tree.xpath(_BYLINE_XPATH)[:12]:
        text = _clean(el.text_content())
        if not text or len(text) > 120:
            continue
        text = _strip_by(_BYLINE_NOISE.sub("", text)) or ""
        text = text.strip(" ,;:")
        words = text.split()
        # A name: two to eight words, most capitalised, no sentence and no date in it.
        capitalised = sum(1 for w in words if w[:1].isupper())
        if (
            2 <= len(words) <= 8
            and capitalised >= len(words) / 2
            and not re.search(r"[.!?]$|\d", text)
        ):
            return text
    return None


def _url_date(url: str) -> str | None:
    m = re.search(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)", url)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)", url)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s++[|–—\-·•»]\s+")  # tried once per run of blanks


def strip_site_from_title(title: str, site: str) -> str:
    """'Headline | Site' -> 'Headline': drop a leading or trailing part that names the site."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    key = re.sub(r"\W+", "", site.lower().split(".")[0] if "." in site else site.lower())

    def names_site(part: str) -> bool:  # the part is the site's name, not a phrase using it
        squashed = re.sub(r"\W+", "", part.lower())
        return bool(key) and (key in squashed or squashed in key) and len(squashed) <= len(key) + 8

    if names_site(parts[-1]):
        parts = parts[:-1]
    elif names_site(parts[0]):
        parts = parts[1:]
    rest = " | ".join(parts) if len(parts) > 1 else parts[0]
    # Keep the original separators when more than one part is left.
    if len(parts) > 1:
        start = title.find(parts[0])
        end = title.rfind(parts[-1]) + len(parts[-1])
        rest = title[start:end]
    return rest.strip() or title
