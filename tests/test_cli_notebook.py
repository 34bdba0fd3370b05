"""`newsreader highlights`, `tags`, `import` and `export --format`, run as a person would."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from store.article import Article
from store.library.db import Library
from tests.test_cli import one_line_error, run

FIXTURES = Path(__file__).parent / "fixtures"
WEB = "https://www.premiumtimesng.com/news/un-vote.html"


@pytest.fixture
def notebook_db(tmp_path) -> tuple[Path, dict[str, int]]:
    """Three articles (two seeds and a web page) with highlights in every colour."""
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        first, second = lib.article_ids()
        web, _ = lib.add_article(
            Article.from_paragraphs(
                [
                    "The vote saw 141 countries in favour, five against and 35 abstaining.",
                    "Talks will continue on Thursday.",
                ],
                title="UN vote",
                url=WEB,
            )
        )
        lib.add_highlight(first, 0, 14, color=1, note="about the assembly", tags=["multi word"])
        lib.add_highlight(first, 20, 40, color=3, tags=["Talks"])
        lib.add_highlight(second, 0, 10, color=3, note="ceasefire *demand*\nsecond line")
        lib.add_highlight(web, 0, 12, color=5, tags=["talks", "numbers"])
    return path, {"first": first, "second": second, "web": web}


def lines(proc) -> list[dict]:
    assert proc.returncode == 0, proc.err
    return [json.loads(line) for line in proc.out.splitlines()]


def test_highlights_lists_every_article_newest_first_and_filters(tmp_path, notebook_db):
    db, ids = notebook_db
    every = lines(run("highlights", "--json", db=db, tmp=tmp_path))
    assert len(every) == 4 and {h["article_id"] for h in every} == set(ids.values())
    assert [h["id"] for h in every] == sorted((h["id"] for h in every), reverse=True)
    assert {"exact", "note", "tags", "color", "title", "published", "orphaned"} <= every[0].keys()

    def ids_of(*args) -> list[int]:
        return sorted(
            h["id"] for h in lines(run("highlights", "--json", *args, db=db, tmp=tmp_path))
        )

    by_id = {h["id"]: h for h in every}
    talks = sorted(i for i, h in by_id.items() if any(t.lower() == "talks" for t in h["tags"]))
    assert ids_of("--tag", "talks") == talks and len(talks) == 2
    assert ids_of("--tag", "#multi-word") == ids_of("--tag", "multi word") != []
    assert ids_of("--color", "blue") == ids_of("--color", "3") and len(ids_of("--color", "3")) == 2
    assert ids_of("--search", "ceasef") == [i for i, h in by_id.items() if "ceasefire" in h["note"]]
    assert ids_of("--search", "assembl") != []  # the note, by its stem
    assert ids_of("--article", str(ids["web"])) == [
        i for i, h in by_id.items() if h["article_id"] == ids["web"]
    ]
    assert ids_of("--tag", "talks", "--color", "5") == [
        i for i, h in by_id.items() if h["color"] == 5
    ]
    assert ids_of("--tag", "nobody-uses-this") == []

    plain = run("highlights", db=db, tmp=tmp_path)
    assert len(plain.out.splitlines()) == 4
    assert "\tblue\t" in plain.out and "#multi-word" in plain.out
    assert "ceasefire *demand* second line" in plain.out  # one line per highlight


def test_bad_filters_are_one_line(tmp_path, notebook_db):
    db, _ = notebook_db
    assert "no article with id 99" in one_line_error(
        run("highlights", "--article", "99", db=db, tmp=tmp_path)
    )
    proc = run("highlights", "--color", "purple", db=db, tmp=tmp_path)
    assert proc.returncode == 2 and "not a colour" in proc.err and "Traceback" not in proc.err


def test_tags_counts_each_tag_once_whatever_its_case(tmp_path, notebook_db):
    db, _ = notebook_db
    tags = lines(run("tags", "--json", db=db, tmp=tmp_path))
    assert tags[0] == {"tag": "Talks", "highlights": 2}
    assert sorted(t["tag"] for t in tags[1:]) == ["multi word", "numbers"]
    assert run("tags", db=db, tmp=tmp_path).out.splitlines()[0] == "2\tTalks"


def test_export_w3c_then_import_into_another_library(tmp_path, notebook_db):
    db, ids = notebook_db
    out = tmp_path / "out"
    out.mkdir()
    exported = run("export", "--format", "w3c", "-o", out, db=db, tmp=tmp_path)
    assert exported.returncode == 0, exported.err
    written = out / "newsreader-annotations.jsonld"
    assert exported.out.strip() == str(written)
    assert json.loads(written.read_text())["total"] == 4
    again = run("export", "--format", "w3c", "-o", written, db=db, tmp=tmp_path)
    assert again.returncode == 0, again.err  # its own file is replaced

    other = tmp_path / "other.db"
    with Library(other) as lib:  # the same seeds; the web article, added the same way
        with Library(db) as source:
            web = source.get_article(ids["web"])
        lib.add_article(Article(web.text, web.paragraphs, title=web.title, url=web.url))
    first = run("import", written, db=other, tmp=tmp_path)
    assert first.returncode == 0, first.err
    assert first.out.splitlines()[0] == f"{written}: 4 anchored, 0 orphaned"
    second = run("import", "--json", written, db=other, tmp=tmp_path)
    (report,) = lines(second)
    assert (report["anchored"], report["already"]) == (0, 4)

    def listing(path: Path) -> list[tuple]:
        return sorted(
            (h["exact"], h["note"], tuple(h["tags"]), h["color"])
            for h in lines(run("highlights", "--json", db=path, tmp=tmp_path))
        )

    assert listing(other) == listing(db)


def test_import_reports_per_file_and_a_bad_file_in_one_line(tmp_path, notebook_db):
    db, ids = notebook_db
    bad = tmp_path / "notes.txt"
    bad.write_text("not annotations")
    proc = run("import", FIXTURES / "hypothesis_search.json", bad, db=db, tmp=tmp_path)
    assert proc.returncode == 1
    assert (
        proc.err.strip()
        == f"newsreader: {bad}: not JSON (Expecting value: line 1 column 1 (char 0))"
    )
    out = proc.out.splitlines()
    assert out[0].endswith(
        "hypothesis_search.json: 1 anchored, 1 orphaned, 1 with no matching article, 2 skipped"
    )
    assert any(line.startswith("  orphaned: “The assembly will meet") for line in out)
    assert any("https://elsewhere.example/story" in line for line in out)


def test_readwise_csv_on_standard_output(tmp_path, notebook_db):
    db, ids = notebook_db
    proc = run("export", "--format", "readwise", db=db, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    rows = list(csv.DictReader(io.StringIO(proc.out)))
    assert len(rows) == 4
    web = next(r for r in rows if r["URL"])
    assert web["URL"] == WEB and web["Note"] == ".talks .numbers"


def test_an_export_never_replaces_a_file_it_did_not_write(tmp_path, notebook_db):
    db, ids = notebook_db
    mine = tmp_path / "mine.csv"
    mine.write_text("my,own\n")
    proc = run("export", "--format", "readwise", "-o", mine, db=db, tmp=tmp_path)
    assert one_line_error(proc) == f"newsreader: {mine}: not replaced, not written by newsreader"
    assert mine.read_text() == "my,own\n"

    vault = tmp_path / "vault"
    assert run("export", "-o", vault, db=db, tmp=tmp_path).returncode == 0
    edited = sorted(vault.glob("*.md"))[0]
    edited.write_text(edited.read_text() + "\nmy thoughts\n")
    proc = run("export", "-o", vault, db=db, tmp=tmp_path)
    assert proc.returncode == 1
    assert proc.err.strip() == (
        f"newsreader: {edited}: not replaced, edited since newsreader wrote it"
    )
    assert len(proc.out.splitlines()) == 2  # the other two files were replaced
    assert edited.read_text().endswith("my thoughts\n")
