"""No input costs more than linear time: 10x the input may cost at most LIMIT (20) x the time.

Each public text function meets every run of one character class (tests/growth.py), every
keyword our patterns look for repeated, and deep nesting, at 10 KB and 100 KB. The ratio is
what is asserted, never a time: a backtracking pattern or a quadratic loop gives 100 or more.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

import pytest

from store.analysis.dates import DateMention
from store.analysis.segment import sentence_spans
from store.analysis.timeline import build_timeline
from store.article import paragraph_spans
from store.clean.html import clean_html
from store.clean.text import clean_text
from store.export.markdown import article_markdown, escape_markdown
from store.library.records import Highlight, StoredArticle
from tests.growth import CHARACTER_RUNS, LIMIT, growth, repeat

# What the patterns of store/clean, segment, timeline and export look for, each repeated
# on its own: the shapes that made a pattern retry from every occurrence.
KEYWORDS: dict[str, str] = {
    "cookies": "cookies ",
    "cookie-notice": "we use cookies on this site ",
    "this-site": "this site ",
    "privacy": "privacy policy ",
    "newsletter": "newsletter ",
    "subscribe": "subscribe ",
    "click-here": "click here ",
    "view-pdf": "view pdf ",
    "read-more": "read more: ",
    "comments": "comments are subject to ",
    "comment-count": "comment ",
    "photo-credit": "photo: ",
    "image-paren": "(image: ",
    "agency-paren": "(AP ",
    "copyright-space": "© ",
    "by": "By ",
    "about": "About John ",
    "email": "a@",
    "email-domain": "x@y.",
    "handle": "@ab ",
    "phone": "+1 ",
    "shortcode-open": "[button]",
    "shortcode-close": "[/button]",
    "quote-open": "“a ",
    "support-journalism": "support our journalism ",
    "donate": "donate ",
    "follow": "follow us on twitter ",
    "price": "$5 ",
    "code": "var x = 1; ",
    "function": "function(",
    "date": "5 May 2020 ",
    "date-ellipsis": "5 May 2020 …",
    "stamp": "Updated 5 ",
    "clock": "2020 12:30 ",
    "abbreviation": "Mr. ",
    "initials": "U.S. ",
    "that": "that ",
    "and": "and ",
    "since": ", since ",
    "semicolon": "; ",
    "numbered": "\n1. ",
    "dash-line": "\n- ",
    "space-newline": " \n",
    "crlf": "\r\n",
    "nbsp": "\u00a0",
    "em-space": "\u2003",
    "dot-dash": ".-",
    "comment-open": "<!--",
    "script-open": "<script>",
    "style-open": "<style>",
}
RUNS = {**CHARACTER_RUNS, **{f"kw:{k}": v for k, v in KEYWORDS.items()}}

STORY = (
    "The council met on Monday and agreed the plan after a long debate. "
    "Its members said the work would start in the spring and end next year."
)


def html_page(run: str) -> str:
    return (
        "<html><head><title>A headline for the story</title></head><body><article>"
        f"<h1>A headline for the story</h1><p>{run}</p><p>{STORY}</p></article></body></html>"
    )


def text_page(run: str) -> str:
    return f"A headline for the story\n\n{run}\n\n{STORY}"


@functools.lru_cache(maxsize=2)
def _mentions(text: str) -> tuple[DateMention, ...]:
    """The dates of a run, found once by a plain scan (and kept for the timed calls), so
    only build_timeline is timed."""
    dates = []
    for m in re.finditer(r"[56] May 2020", text):
        day = dt.date(2020, 5, int(text[m.start()]))
        dates.append(DateMention(m.group(), m.start(), m.end(), "DATE", day.isoformat(), day))
    return tuple(dates)


def timeline_of(text: str):
    return build_timeline(text, list(_mentions(text)))


def export_of(text: str) -> str:
    article = StoredArticle(1, "https://example.org/a", "Site", "Title", None, None, "", text, [])
    h = Highlight(1, 1, 0, len(text), text, note=text, tags=("a-tag",))
    return article_markdown(article, [h])


# name: (the function on a text, how a run of n characters is wrapped)
FUNCTIONS: dict[str, tuple[Callable[[str], object], Callable[[str], str]]] = {
    "clean_html": (clean_html, html_page),
    "clean_html-page": (clean_html, lambda run: run),
    "clean_text": (clean_text, text_page),
    "clean_text-no-clean": (lambda t: clean_text(t, clean=False), lambda run: run),
    "segment": (
        lambda t: sentence_spans(t, paragraph_spans(t)),
        lambda run: f"On 5 May 2020 he left. {run} He came back.",
    ),
    "build_timeline": (
        timeline_of,
        lambda run: f"On 5 May 2020 the council met, {run} and on 6 May 2020 it voted.",
    ),
    "escape_markdown": (escape_markdown, lambda run: run),
    "export": (export_of, lambda run: f"{STORY} {run}"),
}

NESTING = {
    "divs": ("<div>", "</div>"),
    "blockquotes": ("<blockquote>", "</blockquote>"),
    "spans": ("<span>", "</span>"),
    "lists": ("<ul><li>", "</li></ul>"),
    "brackets": ("[", "]"),
    "parentheses": ("(", ")"),
    "quotes": ("“", "”"),
}


@pytest.mark.parametrize("run", list(RUNS))
@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_linear_on_runs(function: str, run: str):
    fn, wrap = FUNCTIONS[function]
    ratio = growth(fn, lambda n: wrap(repeat(RUNS[run], n)))
    assert ratio <= LIMIT, f"{function} on a run of {run!r}: 10x the input took {ratio:.0f}x"


@pytest.mark.parametrize("nesting", list(NESTING))
@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_linear_on_deep_nesting(function: str, nesting: str):
    fn, wrap = FUNCTIONS[function]
    opening, closing = NESTING[nesting]

    def nested(n: int) -> str:
        depth = max(1, n // (len(opening) + len(closing) + 5))
        return wrap(opening * depth + "words" + closing * depth)

    ratio = growth(fn, nested)
    assert ratio <= LIMIT, f"{function} on {nesting} nested: 10x the input took {ratio:.0f}x"


def test_the_measure_tells_linear_from_quadratic():
    """The yardstick itself: a linear scan passes, a quadratic one does not."""
    assert growth(lambda t: t.count("a"), lambda n: repeat("ab", n)) <= LIMIT
    assert growth(lambda t: [t.count(c) for c in t[::20]], lambda n: repeat("ab", n)) > LIMIT
