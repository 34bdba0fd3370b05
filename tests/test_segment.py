"""Words and sentences as the reader's cursor sees them."""

from __future__ import annotations

from store.analysis.segment import sentence_spans, word_spans
from store.article import join_paragraphs


def sentences(paragraphs: list[str]) -> list[str]:
    text, spans = join_paragraphs(paragraphs)
    return [text[s:e] for s, e in sentence_spans(text, spans)]


def test_sentences_end_at_stops_and_closing_quotes():
    assert sentences(["He left. “We won!” she said. Then? Yes… It rained."]) == [
        "He left.",
        "“We won!” she said.",
        "Then?",
        "Yes…",
        "It rained.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert sentences(["Mr. Smith met Dr. Jones in the U.S. on Monday. J. K. Rowling came."]) == [
        "Mr. Smith met Dr. Jones in the U.S. on Monday.",
        "J. K. Rowling came.",
    ]


def test_a_sentence_never_crosses_a_paragraph_and_unfinished_ones_count():
    assert sentences(["First para without a stop", "Second one. Third"]) == [
        "First para without a stop",
        "Second one.",
        "Third",
    ]


def test_lowercase_after_a_stop_and_decimals_continue_the_sentence():
    # a full stop followed by a lowercase word ("approx. three", "e.g. this") is not an end
    assert sentences(["Prices rose 2.5 percent, approx. three points. Next one."]) == [
        "Prices rose 2.5 percent, approx. three points.",
        "Next one.",
    ]


def test_word_spans_are_absolute_offsets():
    text = "ab  cd\n\nef"
    assert word_spans(text) == [(0, 2), (4, 6), (8, 10)]
    assert word_spans(text, 3, 7) == [(4, 6)]


def test_empty_text_has_no_sentences():
    assert sentence_spans("", []) == []
