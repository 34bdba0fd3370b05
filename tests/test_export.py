"""Markdown export: front matter, blockquotes in text order, escaping, safe file names."""

from __future__ import annotations

import pytest

from store.article import Article
from store.errors import NewsreaderError
from store.export.markdown import escape_markdown, export_markdown, safe_filename
from store.library.db import Library

PARAS = [
    "First *emphatic* claim with [a link](http://x) and <b>html</b>.",
    "1. Not a list item in the quote",
    "Last paragraph: # not a heading.",
]


@pytest.fixture
def library(tmp_path):
    with Library(tmp_path / "lib.db", seed=False) as lib:
        yield lib


def add(library, title="A title: with/slashes", paras=PARAS, **meta):
    article_id, _ = library.add_article(Article.from_paragraphs(paras, title=title, **meta))
    return article_id, library.get_article(article_id).text


def test_article_file_has_front_matter_then_highlights_in_text_order(library, tmp_path):
    article_id, text = add(
        library,
        site="Example News",
        url="https://example.org/a",
        byline="Jo Writer",
        published="2022-03-02",
    )
    later = text.index("Last paragraph")
    library.add_highlight(article_id, later, later + 14, note="second", tags=["b tag"])
    library.add_highlight(article_id, 0, 22, note="first *note*", tags=["a"])
    (path,) = export_markdown(library, tmp_path / "out")
    md = path.read_text()
    assert md.startswith(
        '---\ntitle: "A title: with/slashes"\nsite: "Example News"\n'
        'url: "https://example.org/a"\nbyline: "Jo Writer"\npublished: "2022-03-02"\n'
        'tags: ["a", "b tag"]\n---\n'
    )
    assert md.index("> First \\*emphatic\\* claim") < md.index("> Last paragraph")
    assert "first \\*note\\*" in md and "#b-tag" in md
    again = export_markdown(library, tmp_path / "out")
    assert again == [path] and path.read_text() == md  # deterministic


def test_quoted_markdown_and_html_are_escaped():
    assert escape_markdown("[x](y) *a* _b_ <i>") == "\\[x\\]\\(y\\) \\*a\\* \\_b\\_ \\<i\\>"
    assert escape_markdown("1. one") == "1\\. one"
    assert escape_markdown("- dash") == "\\- dash"


@pytest.mark.parametrize(
    "title", ["../../etc/passwd", "CON", "", "   ", "a" * 500, "emoji 🚀 title", 'q"u:o*t?e<s>|']
)
def test_file_names_are_safe_for_any_title(title):
    name = safe_filename(title, 7)
    assert name.endswith("-7.md") and "/" not in name and "\\" not in name
    assert not name.startswith(".") and len(name) < 80
    assert not set(name) & set(':*?"<>|')


def test_all_in_one_file_and_nothing_to_export(library, tmp_path):
    with pytest.raises(NewsreaderError, match="nothing to export"):
        export_markdown(library, tmp_path / "all.md")
    one, text = add(library, title="One")
    two, _ = add(library, title="Two", paras=["Another story entirely."])
    library.add_highlight(one, 0, 5)
    library.add_highlight(two, 0, 7, note="n")
    (path,) = export_markdown(library, tmp_path / "all.md")
    md = path.read_text()
    assert md.startswith("# Highlights\n") and "## One" in md and "## Two" in md
    assert md.count("---\ntitle:") == 0  # one document, not several front matters
