"""Markdown export: front matter, blockquotes in text order, escaping, safe file names."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from store.article import Article
from store.errors import NewsreaderError
from store.export.markdown import (
    escape_markdown,
    export_markdown,
    library_markdown,
    quote_block,
    safe_filename,
)
from store.export.readwise import readwise_csv
from store.library.db import Library
from tests.growth import LIMIT, growth, repeat

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
    (path,) = export_markdown(library, tmp_path / "out").written
    md = path.read_text()
    assert md.startswith(
        '---\ntitle: "A title: with/slashes"\nsite: "Example News"\n'
        'url: "https://example.org/a"\nbyline: "Jo Writer"\npublished: "2022-03-02"\n'
        'tags: ["a", "b-tag"]\nnewsreader_export: "sha256:'
    )
    assert md.index("> First \\*emphatic\\* claim") < md.index("> Last paragraph")
    assert "first *note*" in md and "#b-tag" in md  # the note is the user's Markdown
    again = export_markdown(library, tmp_path / "out")
    assert again.written == [path] and path.read_text() == md  # deterministic


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
    (path,) = export_markdown(library, tmp_path / "all.md").written
    md = path.read_text()
    assert md.startswith('---\nnewsreader_export: "sha256:')
    assert md.split("\n---\n", 1)[1].startswith("\n# Highlights\n")
    assert "## One" in md and "## Two" in md
    assert md.count("---\ntitle:") == 0  # one document, not several front matters


# --- the format a person reads, and files newsreader may and may not replace ---------------


def test_a_multi_line_markdown_note_goes_out_as_written(library, tmp_path):
    article_id, text = add(library)
    note = "Why it matters:\n\n- *first* point\n- second [link](http://x)\n\n> their words"
    library.add_highlight(article_id, 0, 5, note=note)
    md = library_markdown(library, [article_id])[0][1]
    assert f"\n\n{note}\n" in md  # every line, unescaped, a block of its own


def test_a_highlight_over_two_paragraphs_is_one_blockquote(library):
    article_id, text = add(library)
    start = text.index("claim with")
    end = text.index("Not a list") + len("Not a list")
    library.add_highlight(article_id, start, end)
    md = library_markdown(library, [article_id])[0][1]
    block = (
        "> claim with \\[a link\\]\\(http://x\\) and \\<b\\>html\\</b\\>.\n>\n> 1\\. Not a list\n"
    )
    assert block in md
    body = md.split("\n---\n", 1)[1]
    assert body.count("\n> ") == 2 and "> >" not in body


def test_colours_and_tags_in_one_form_in_front_matter_and_body(library):
    article_id, text = add(library)
    library.add_highlight(article_id, 0, 5, color=3, tags=["multi word tag", "Talks"])
    library.add_highlight(article_id, 6, 10, color=4, tags=["talks", "C++ & <b>"])
    md = library_markdown(library, [article_id])[0][1]
    assert "[color:: blue] #multi-word-tag #talks\n" in md
    assert "[color:: red] #talks #c-b\n" in md
    front = md.split("\n---\n", 1)[0]
    listed = json.loads(front.split("tags: ", 1)[1].split("\n", 1)[0])
    in_body = set(re.findall(r"(?<=\s)#([\w/-]+)", md.split("\n---\n", 1)[1]))
    assert listed == ["c-b", "multi-word-tag", "talks"] and set(listed) == in_body


def test_a_source_without_a_public_url_exports_none(library):
    seed, _ = add(library, title="Seed", url="seeds/000_x.txt")
    local, _ = add(library, title="Local", paras=["A file's words."], url="/home/me/notes.txt")
    for article_id in (seed, local):
        library.add_highlight(article_id, 0, 3)
    docs = dict((a.title, md) for a, md in library_markdown(library))
    assert "url:" not in docs["Seed"] and "seeds/" not in docs["Seed"]
    assert 'url: "file:///home/me/notes.txt"' in docs["Local"]


def test_a_second_export_replaces_its_own_files_and_never_a_persons(library, tmp_path):
    one, _ = add(library, title="One")
    two, _ = add(library, title="Two", paras=["Another story entirely."])
    three, _ = add(library, title="Three", paras=["A third story."])
    for article_id in (one, two, three):
        library.add_highlight(article_id, 0, 5, note="first")
    out = tmp_path / "vault"
    first = export_markdown(library, out)
    assert len(first.written) == 3 and first.skipped == []
    mine, edited, foreign = (
        out / safe_filename(t, i) for t, i in [("One", one), ("Two", two), ("Three", three)]
    )
    edited.write_text(edited.read_text().replace("first", "my own words"))
    foreign.write_text("# Something I wrote myself\n")
    for article_id in (one, two, three):
        library.update_highlight(library.highlights(article_id)[0].id, note="second")

    second = export_markdown(library, out)
    assert second.written == [mine] and "second" in mine.read_text()
    assert dict(second.skipped) == {
        edited: "edited since newsreader wrote it",
        foreign: "not written by newsreader",
    }
    assert "my own words" in edited.read_text()
    assert foreign.read_text() == "# Something I wrote myself\n"
    # the combined file follows the same rule
    combined = tmp_path / "all.md"
    export_markdown(library, combined)
    combined.write_text(combined.read_text() + "\nA line I added.\n")
    assert export_markdown(library, combined).skipped == [
        (combined, "edited since newsreader wrote it")
    ]


@pytest.mark.parametrize("unit", ["\n", "\n \n", " ", "a\n\n", "> "])
def test_quote_blocks_grow_linearly(unit):
    assert growth(quote_block, lambda n: repeat(unit, n)) <= LIMIT


def test_readwise_csv_has_the_documented_columns(library):
    article_id, text = add(library, url="https://example.org/a", byline="Jo Writer")
    seed, _ = add(library, title="Seed", paras=["Seed words here."], url="seeds/x.txt")
    library.add_highlight(
        article_id, 0, 22, note='He said "no",\nthen left.', tags=["multi word", "b"], color=2
    )
    library.add_highlight(seed, 0, 4)
    rows = list(csv.reader(io.StringIO(readwise_csv(library))))
    assert rows[0] == ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Highlight"] == text[:22]
    assert first["Title"] == "A title: with/slashes" and first["Author"] == "Jo Writer"
    assert first["URL"] == "https://example.org/a"
    assert first["Note"] == '.multi-word .b\nHe said "no",\nthen left.'
    assert first["Location"] == "0"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", first["Date"])
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["URL"] == "" and second["Note"] == ""
