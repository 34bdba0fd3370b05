"""clean_html on small real-shaped pages: story kept, furniture and metadata handled, bad input."""

import json

import pytest

from store.clean.html import clean_html
from store.errors import InputError, NoArticleError
from store.ingest.decode import decode_bytes

STORY = [
    "The city council voted on Tuesday to keep the central library open on Sundays, "
    "reversing a decision taken last spring after months of protests by residents.",
    "The vote was 7 to 2. Councillor Ana Ruiz, who proposed the motion, said the library "
    "was the only quiet public place many students had at the weekend.",
    "Opponents argued that the extra opening hours would cost about 120,000 euros a year "
    "and that the money would be better spent on repairing the building's roof.",
    "The mayor said the city would look for savings elsewhere in the budget, and that "
    "Sunday opening would resume from the first week of next month.",
]


def clean_page(page: bytes | str):
    """A page as store.ingest hands it to the cleaner: bytes are decoded first."""
    return clean_html(decode_bytes(page) if isinstance(page, bytes) else page)


def news_page(*, charset_meta: str = '<meta charset="utf-8">', extra_body: str = "") -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council keeps library open on Sundays",
        "datePublished": "2023-05-09T14:30:00+02:00",
        "author": [{"@type": "Person", "name": "Ana Ruiz Mora"}],
        "publisher": {"@type": "Organization", "name": "City Gazette"},
    }
    paras = "\n".join(f"<p>{p}</p>" for p in STORY)
    return f"""<!DOCTYPE html><html><head>{charset_meta}
<title>Council keeps library open on Sundays | City Gazette</title>
<meta property="og:site_name" content="City Gazette">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>var tracking = window.dataLayer || []; tracking.push({{'event': 'view'}});</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council keeps library open on Sundays</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
{paras}
<div class="newsletter-box"><p>Sign up for our morning newsletter and get the news first.</p></div>
{extra_body}
</article>
<footer><p>© 2023 City Gazette. All rights reserved.</p></footer>
</body></html>"""


def test_story_paragraphs_and_metadata():
    article = clean_html(news_page(), url="https://www.citygazette.example/2023/05/09/library")
    texts = [article.text[s:e] for s, e in article.paragraphs]
    assert texts == STORY
    assert article.title == "Council keeps library open on Sundays"
    assert article.byline == "Ana Ruiz Mora"
    assert article.site == "City Gazette"
    assert article.published == "2023-05-09"
    assert article.url == "https://www.citygazette.example/2023/05/09/library"


def test_meta_tags_when_there_is_no_json_ld():
    page = (
        """<html><head><meta property="og:title" content="Storm hits coast">
<meta name="author" content="By Lee Chan"><meta property="article:published_time"
content="2021-11-02T08:00:00Z"></head><body><article>"""
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</article></body></html>"
    )
    article = clean_html(page, url="https://news.example.com/storm")
    assert article.title == "Storm hits coast"
    assert article.byline == "Lee Chan"
    assert article.published == "2021-11-02"
    assert article.site == "news.example.com"


def test_time_element_gives_the_date():
    page = (
        "<html><body><article><time datetime='2020-02-29'>Feb 29</time>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</article></body></html>"
    )
    assert clean_html(page).published == "2020-02-29"


def test_latin1_bytes_with_http_equiv_charset():
    page = news_page(
        charset_meta='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        extra_body="<p>Le caf\u00e9 d'\u00e9t\u00e9 de la biblioth\u00e8que restera ouvert "
        "le dimanche, a d\u00e9clar\u00e9 la directrice.</p>",
    ).encode("latin-1")
    article = clean_page(page)
    assert "Le café d'été de la bibliothèque" in article.text


def test_latin1_bytes_without_declaration_fall_back():
    page = news_page(
        charset_meta="",
        extra_body="<p>Größere Öffnungszeiten für alle Bürger "
        "der Stadt, sagte die Bürgermeisterin am Dienstag.</p>",
    )
    article = clean_page(page.encode("latin-1"))
    assert "Größere Öffnungszeiten" in article.text


def test_bom_wins_over_declared_charset():
    data = b"\xef\xbb\xbf" + '<meta charset="iso-8859-1"><p>café</p>'.encode()
    assert "café" in decode_bytes(data)


def test_xml_declaration_in_a_string_does_not_break_parsing():
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + news_page()
    assert clean_html(page).paragraphs


def test_broken_markup_still_yields_the_story():
    page = "<html><body><div><p>" + "<p><b>".join(STORY) + "<div><span></table></body>"
    article = clean_html(page)
    for p in STORY:
        assert p in article.text


@pytest.mark.parametrize(
    "page", [b"<html>", "<html><head></head></html>", "<frameset><frame src='a'></frameset>"]
)
def test_pages_without_a_body_say_there_is_no_article(page):
    with pytest.raises(NoArticleError, match="no article text found in the page"):
        clean_page(page)


def test_page_without_article_says_so():
    page = "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>"
    with pytest.raises(NoArticleError, match="no article text found in the page"):
        clean_html(page)


@pytest.mark.parametrize(
    "data", [b"", b"   ", "", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, bytes(range(256)) * 20]
)
def test_empty_and_binary_input_raise_one_line_errors(data):
    with pytest.raises((InputError, NoArticleError)) as err:
        clean_page(data)
    assert "\n" not in str(err.value)


def test_huge_page_finishes():
    junk = "<script>" + "var x = 1;" * 100_000 + "</script>"
    image = "<img src='data:image/png;base64," + "iVBORw0KGgo" * 400_000 + "'>"
    filler = "<div class='promo'><a href='/x'>More stories from the region</a></div>" * 50_000
    # Inline images (data: URIs) before the story must not push it past the size cap.
    page = news_page(extra_body=junk * 10 + filler).replace("<article>", "<article>" + image * 3)
    assert len(page) > 10_000_000
    article = clean_page(page.encode())
    assert STORY[0] in article.text
    assert article.byline == "Ana Ruiz Mora"  # JSON-LD survives the stripping of scripts


def test_page_with_too_many_elements_for_readability_is_read_linearly():
    menu = "<div class='x'><span>menu item</span></div>" * 15_000
    page = news_page(extra_body=menu)
    article = clean_html(page)
    assert [article.text[s:e] for s, e in article.paragraphs] == STORY
    assert article.title == "Council keeps library open on Sundays"


def test_short_story_goes_through_readability_lenient_retry():
    # Under 250 characters, readability retries leniently on a fresh parse of the page.
    page = (
        "<html><body><div class='sidebar'><a href='/a'>Home</a></div><div><p>The bridge "
        "reopened on Monday after two years of repairs, the city said.</p></div></body></html>"
    )
    article = clean_html(page)
    assert (
        article.text == "The bridge reopened on Monday after two years of repairs, the city said."
    )


def _page_with(body: str) -> str:
    return (
        "<html><head><title>Bridge reopens | Gazette</title></head><body><article>"
        "<h1>Bridge reopens</h1>" + body + "</article></body></html>"
    )


def test_embedded_post_is_kept_as_part_of_the_story():
    tweet = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>Finally open "
        "again, and the view is worth the wait. <a href='https://t.co/x'>pic.twitter.com/x</a>"
        "</p>— Ana (@ana) <a href='https://twitter.com/ana/status/1'>May 9, 2023</a>"
        "</blockquote></div>"
    )
    article = clean_html(_page_with(f"<p>{STORY[0]}</p>{tweet}<p>{STORY[1]}</p>"))
    assert "Finally open again, and the view is worth the wait." in article.text


def test_hover_card_inside_a_sentence_is_removed():
    card = (
        "<span class='rollover-people'><a href='/people/ana'>Ana Ruiz</a><span "
        "class='rollover-people-block'>Ana Maria Ruiz <a href='/other'>Council row over "
        "parking fees deepens</a></span></span>"
    )
    article = clean_html(
        _page_with(
            f"<p>Councillor {card} proposed the motion. {STORY[0]}</p>"
            f"<p>{STORY[1]}</p><p>{STORY[2]}</p>"
        )
    )
    assert "Councillor Ana Ruiz proposed the motion." in article.text
    assert "parking fees" not in article.text


def test_teasers_for_other_stories_go_but_links_elsewhere_stay():
    body = (
        f"<p>{STORY[0]}</p><p><strong>READ MORE</strong></p>"
        "<p><a href='/2023/05/08/budget-vote'>Council budget vote delayed again</a></p>"
        "<p><a href='https://gazette.example/2023/05/07/roof'>Library roof repairs to begin"
        "</a></p>"
        f"<p>{STORY[1]}</p>"
        "<p><a href='https://shop.example.org/book'>Get the library's history book for $20</a></p>"
        f"<p>{STORY[2]}</p>"
    )
    article = clean_html(_page_with(body), url="https://gazette.example/2023/05/09/library")
    assert "budget vote delayed" not in article.text
    assert "roof repairs" not in article.text
    assert "READ MORE" not in article.text
    assert "Get the library's history book for $20" in article.text


def test_captions_credits_and_closing_appeal_go():
    body = (
        "<figure><img src='a.jpg'><figcaption>Readers at the library on Sunday.</figcaption>"
        "</figure><p>Photo: Jane Roe | Getty Images</p>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "<h3>Something to consider</h3><p>If you enjoyed this article, we have a "
        "proposition for you: join our members and support independent journalism.</p>"
    )
    texts = [p for p in clean_html(_page_with(body)).text.split("\n\n")]
    assert texts == STORY


def test_paragraph_cut_by_an_inline_ad_is_rejoined():
    body = (
        f"<p>{STORY[0]}</p><p>The mayor said the city would look for savings in</p>"
        "<div class='ad-slot'><p>Advertisement</p></div>"
        f"<p>the budget and reopen on Sundays from next month.</p><p>{STORY[1]}</p>"
    )
    article = clean_html(_page_with(body))
    assert "look for savings in the budget and reopen" in article.text


def test_subhead_above_a_photo_credit_stays():
    body = (
        f"<p>{STORY[0]}</p><h2>What happens next</h2><p>Photo: Jane Roe | Getty Images</p>"
        f"<p>{STORY[1]}</p><p>{STORY[2]}</p>"
    )
    texts = clean_html(_page_with(body)).text.split("\n\n")
    assert texts == [STORY[0], "What happens next", STORY[1], STORY[2]]


def test_lede_dropped_by_readability_comes_back_from_the_description():
    lede = (
        "Hong Kong (City Wire) A muddled view of the trade talks once again weighed on investors."
    )
    page = (
        "<html><head><meta name='description' content='A muddled view of the trade talks once "
        "again weighed on investors.'></head><body><article><div class='l-container'>"
        f"<div class='media-related el__leafmedia'><p>{lede}</p></div>"
        + "".join(f"<div class='zn-body__paragraph'>{p}</div>" for p in STORY)
        + "</div></article></body></html>"
    )
    article = clean_html(page)
    assert article.text.startswith(lede)
    assert article.text.count("muddled view") == 1


def test_japanese_article_in_shift_jis_is_an_article():
    paragraphs = [
        "東京都は二日、新しい防災計画を発表した。計画には避難所の増設と備蓄の見直しが含まれる。",
        "知事は記者会見で「都民の安全を最優先に取り組む」と述べ、来年度の予算に反映させる考えを示した。",
        "専門家は、計画の実効性を高めるためには地域住民との連携が欠かせないと指摘している。",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        "<html><head><meta charset='shift_jis'><title>防災計画を発表</title></head>"
        f"<body><article>{body}</article></body></html>"
    ).encode("shift_jis")
    article = clean_page(page)
    assert all(p in article.text for p in paragraphs)
