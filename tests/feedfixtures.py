"""Feeds and pages in the shapes the web serves them, for the feed tests."""

from __future__ import annotations

from html import escape

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rss version="2.0"><channel><title>&f;</title>
<item><title>Boom</title><link>http://127.0.0.1:9/boom</link><description>&f;</description></item>
</channel></rss>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Leak</title>
<item><title>&secret;</title><link>http://127.0.0.1:9/leak</link></item></channel></rss>"""


def rss(title: str, items: list[dict], *, link: str = "https://example.org/") -> str:
    """RSS 2.0; each item: title, link, date (RFC 822), summary, optional content."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        f"<channel><title>{escape(title)}</title><link>{escape(link)}</link>",
        "<description>test feed</description>",
    ]
    for it in items:
        parts.append(
            f"<item><title>{escape(it['title'])}</title><link>{escape(it['link'])}</link>"
            f"<guid>{escape(it['link'])}</guid>"
            + (f"<pubDate>{it['date']}</pubDate>" if it.get("date") else "")
            + f"<description>{escape(it.get('summary', ''))}</description>"
            + (
                f"<content:encoded>{escape(it['content'])}</content:encoded>"
                if it.get("content")
                else ""
            )
            + "</item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts)


def atom(title: str, items: list[dict], *, base: str | None = None) -> str:
    """Atom 1.0; dates as RFC 3339; `base` sets xml:base for relative links."""
    xml_base = f' xml:base="{escape(base)}"' if base else ""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom"{xml_base}>',
        f"<title>{escape(title)}</title><id>urn:test:{escape(title)}</id>",
        '<link rel="alternate" href="/"/><updated>2022-03-02T10:00:00Z</updated>',
    ]
    for i, it in enumerate(items):
        parts.append(
            f"<entry><title>{escape(it['title'])}</title>"
            f'<link rel="alternate" href="{escape(it["link"])}"/>'
            f"<id>urn:test:{i}:{escape(it['link'])}</id>"
            f"<updated>{it.get('date', '2022-03-02T10:00:00Z')}</updated>"
            f"<published>{it.get('date', '2022-03-02T10:00:00Z')}</published>"
            f'<summary type="html">{escape(it.get("summary", ""))}</summary>'
            "<author><name>Reporter</name></author></entry>"
        )
    parts.append("</feed>")
    return "\n".join(parts)


def rdf(title: str, items: list[dict]) -> str:
    """RSS 1.0 (RDF) with Dublin Core dates."""
    parts = [
        '<?xml version="1.0"?>',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'<channel rdf:about="urn:rdf"><title>{escape(title)}</title>'
        "<link>https://example.org/</link><description>rdf</description></channel>",
    ]
    for it in items:
        parts.append(
            f'<item rdf:about="{escape(it["link"])}"><title>{escape(it["title"])}</title>'
            f"<link>{escape(it['link'])}</link>"
            f"<description>{escape(it.get('summary', ''))}</description>"
            f"<dc:date>{it.get('date', '2022-03-02T10:00:00+01:00')}</dc:date></item>"
        )
    parts.append("</rdf:RDF>")
    return "\n".join(parts)


def story(title: str, *paragraphs: str, meta: str = "") -> str:
    """A small news page: navigation and a footer around an article."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{escape(title)}</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright The Test Times</footer></body></html>"
    )


def news_paragraphs(n: int, topic: str) -> list[str]:
    return [
        f"The city council of {topic} met on Monday to discuss the budget for the coming year, "
        f"officials said. Item {n} was the first on the agenda and took most of the morning.",
        f"“We will publish the figures next week,” the mayor of {topic} told reporters after "
        "the meeting, adding that the vote had been postponed twice already.",
        f"Residents of {topic} have been asked to comment on the plan before the end of the "
        "month, and a public hearing is scheduled for the following Thursday evening.",
    ]


def hostile_story() -> str:
    """A page that costs the cleaner and the analyser many seconds: a run of one symbol (a
    backtracking trap for the text patterns) and 1.4 MB of dated, quoted paragraphs (seconds
    of work even for linear code)."""
    paragraph = (
        "The council met on Monday, 3 March 2022, and the mayor said: “We will build the "
        "harbour by next spring.” Officials in the city disagreed."
    )
    return story("Hostile", "©" * 8000 + "x", *[paragraph] * 10_000)
