"""Generated input against every function that reads text from outside.

A bounded number of examples in `make test`; `make fuzz` runs many more (FUZZ_EXAMPLES).
Whatever comes in, each function gives its answer or one of our errors, never another
exception, and what it gives keeps its promises (offsets inside the text, display-safe text).
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.analysis.segment import sentence_spans, word_spans
from store.article import display_safe, paragraph_spans
from store.clean.html import clean_html
from store.clean.text import clean_text
from store.errors import NewsreaderError
from store.export.markdown import escape_markdown
from store.ingest.decode import decode_bytes

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that have broken something: controls, bidi, surrogates, quotes, markup, blanks.
SPECIAL = (
    "\x00\x07\x1b\x9b\x85\u200e\u202e\u2066\ud800\udfff\ufeff\u00a0\u2028\r\n\t "
    "<>&\"'“”‘’…—-.,;:!?()[]{}#*_`~|\\/@©$€"
)
texts = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(SPECIAL)),
    max_size=400,
)
words = st.lists(
    st.sampled_from(
        ["He", "said", "on", "Monday", "5 May 2020", "Mr.", "U.S.", "“We", "won”", "cookies",
         "©", "By", "Jane", "Doe", "<p>", "</p>", "<div>", "<!--", "<script>", "\n", "\n\n",
         "...", "…", "photo:", "a@b.com", "subscribe", "—", "1.", "-", "#", "[/]"]
    ),
    max_size=80,
).map(" ".join)
any_text = st.one_of(texts, words)

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _check_article(article) -> None:
    text = article.text
    assert not _UNSAFE.search(text)
    assert not _UNSAFE.search(article.title or "")
    for s, e in article.paragraphs:
        assert 0 <= s < e <= len(text)


@fuzz
@given(any_text)
def test_clean_text_answers_or_refuses(text: str):
    try:
        article = clean_text(text)
    except NewsreaderError:
        return
    _check_article(article)


@fuzz
@given(any_text)
def test_no_clean_keeps_every_offset(text: str):
    try:
        article = clean_text(text, clean=False)
    except NewsreaderError:
        return
    assert len(article.text) == len(text)
    _check_article(article)


@fuzz
@given(any_text)
def test_clean_html_answers_or_refuses(text: str):
    try:
        article = clean_html(f"<html><body><article><p>{text}</p></article></body></html>")
    except NewsreaderError:
        return
    _check_article(article)


@fuzz
@given(any_text)
def test_sentences_and_words_lie_inside_their_paragraphs(text: str):
    paragraphs = paragraph_spans(text)
    previous = 0
    for s, e in sentence_spans(text, paragraphs):
        assert previous <= s < e <= len(text)
        assert any(ps <= s and e <= pe for ps, pe in paragraphs)
        previous = e
    for s, e in word_spans(text):
        assert text[s:e].strip() == text[s:e]


@fuzz
@given(any_text)
def test_markdown_escaping_loses_nothing(text: str):
    escaped = escape_markdown(text)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL) == text


@fuzz
@given(any_text)
def test_display_safe_keeps_length_and_drops_controls(text: str):
    safe = display_safe(text)
    assert len(safe) == len(text)
    assert not _UNSAFE.search(safe)


@fuzz
@given(st.binary(max_size=600), st.sampled_from([None, "utf-8", "latin-1", "bogus", "utf-16"]))
def test_any_bytes_decode_or_are_refused(data: bytes, charset: str | None):
    try:
        text = decode_bytes(data, charset)
    except NewsreaderError:
        return
    assert isinstance(text, str)
    text.encode("utf-8")  # no lone surrogate survives decoding
