"""Text that used to be lost or garbled on the way in: surrogates, lying charsets, XML
declarations, deep nesting."""

from __future__ import annotations

import json

import pytest

from store.clean.html import clean_html
from store.errors import NoArticleError
from store.ingest.decode import decode_bytes
from store.ingest.read import article_from_bytes

BODY = "<p>" + "The council met on Monday and agreed the plan after a long debate. " * 4 + "</p>"


def test_a_lone_surrogate_in_json_ld_is_replaced_not_fatal():
    ld = json.dumps({"@type": "NewsArticle", "headline": "Budget \ud800 agreed"})
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head>'
        f"<body><article>{BODY}</article></body></html>"
    )
    article = article_from_bytes(page.encode("utf-8"), "page.html")
    assert article.title == "Budget \ufffd agreed"
    article.title.encode("utf-8")  # storable and printable


def test_a_declared_latin1_page_whose_bytes_are_utf8_reads_as_utf8():
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Œuvre – café crème</title></head>'
        f"<body><article>{BODY}</article></body></html>"
    ).encode()
    assert "Œuvre – café crème" in decode_bytes(page)
    assert "Œuvre – café crème" in decode_bytes(page, "ISO-8859-1")  # the header lies too
    article = article_from_bytes(page, "page.html", charset="latin-1")
    assert article.title == "Œuvre – café crème" and "\x9c" not in article.title


def test_a_real_latin1_page_stays_latin1():
    page = '<meta charset="iso-8859-1"><p>Un café à Genève.</p>'.encode("latin-1")
    assert "Un café à Genève." in decode_bytes(page)


def test_a_page_with_an_xml_declaration_parses():
    for head in ('<?xml version="1.0" encoding="utf-8"?>', '\ufeff <?xml version="1.0"?>',
                 '<!-- generated --><?xml version="1.0" encoding="ISO-8859-1"?>'):
        page = f"{head}<html><body><article>{BODY}</article></body></html>"
        assert "The council met on Monday" in clean_html(page).text


def test_deep_nesting_is_flattened_not_dropped():
    for depth in (254, 300, 5000):
        page = (
            "<html><body>" + "<div>" * depth + BODY + "</div>" * depth
            + "<p>After the deep part comes the end of the story, told in one sentence.</p>"
            + "</body></html>"
        )
        text = clean_html(page).text
        assert "The council met on Monday" in text, depth


SENTENCE = "The minister said on Monday that the new bridge would open next spring after delays."


def test_a_normal_page_is_read_by_the_story_finder():
    page = f"<html><body><article>{BODY}<p>{SENTENCE}</p></article></body></html>"
    article = clean_html(page)
    assert article.extraction == "story" and article.warnings == []


def test_a_story_the_finder_drops_whole_comes_from_readabilitys_candidate():
    # Every paragraph a link to the same site: our filter reads teasers, readability a story.
    paragraphs = "".join(f'<p><a href="/story/{i}">{SENTENCE}</a></p>' for i in range(6))
    article = clean_html(f"<html><body><article>{paragraphs}</article></body></html>",
                         url="https://example.org/a")
    assert article.extraction == "readability"
    assert article.text.count("new bridge") == 6
    assert "readability" in article.warnings[0]


def test_a_page_with_no_body_text_falls_back_to_its_description():
    page = (
        f'<html><head><meta name="description" content="{SENTENCE} {SENTENCE}"></head>'
        "<body><nav><a href='/'>Home</a></nav><div>Menu</div></body></html>"
    )
    article = clean_html(page, url="https://example.org/a")
    assert article.extraction == "description" and "new bridge" in article.text


def test_a_page_with_nothing_to_read_is_still_refused():
    page = "<html><body><nav><a href='/'>Home</a> <a href='/b'>Sport</a></nav></body></html>"
    with pytest.raises(NoArticleError):
        clean_html(page, url="https://example.org/a")
