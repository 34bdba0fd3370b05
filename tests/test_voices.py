"""Voices across the library, on real SQLite files: each person once, their quotations in date
order across sources, the same words grouped across outlets, and when each was said."""

from __future__ import annotations

import json
import sqlite3

import pytest

from store.article import Article
from store.library.db import Library
from store.library.schema import migrate
from store.library.voices import (
    SPELLINGS,
    article_speakers,
    group_of,
    quote_groups,
    quotes_of,
    speaker_index,
)
from tests.test_cli import run
from tests.test_migrations import make_v1_library

# The same words of one man in three outlets (wording, transliteration and trimming differ),
# a fourth outlet quoting someone else, and two Johnsons in one article.
OUTLETS = [
    ("Wire one", "2022-03-02", [
        "Ukrainian President Volodymyr Zelensky spoke to reporters on Tuesday.",
        "\u201cWe need to at least stop bombing people, and then we will sit down at the "
        "negotiating table,\u201d Zelensky said.",
        "Russia\u2019s Foreign Minister Sergey Lavrov said: \u201cThe talks will go on in "
        "Belarus next week.\u201d",
    ]),
    ("Paper two", "2022-03-03", [
        "\u201cWe must at least stop the bombing of people, and then we\u2019ll sit down at the "
        "negotiating table,\u201d said Volodymyr Zelenskyy in an interview on Wednesday.",
        "Sergei Lavrov told reporters: \u201cThe talks will go on in Belarus next week, "
        "whatever happens.\u201d",
    ]),
    ("Site three", "2022-03-04", [
        "Mr. Zelenskiy repeated that Russia must \u201cat least stop bombing people, and then we "
        "will sit down at the negotiating table.\u201d",
        "\u201cNobody will take this country,\u201d said Boris Johnson, the prime minister.",
        "\u201cI will play the president,\u201d said Dwayne Johnson, the actor.",
    ]),
]


@pytest.fixture
def outlets(tmp_path) -> tuple[Library, list[int]]:
    lib = Library(tmp_path / "voices.db", seed=False)
    ids = [
        lib.add_article(Article.from_paragraphs(paras, title=title, published=day,
                                                site=title.lower()))[0]
        for title, day, paras in OUTLETS
    ]
    yield lib, ids
    lib.close()


def test_each_person_once_with_every_spelling(outlets):
    lib, ids = outlets
    index = {s.name: s for s in speaker_index(lib)}
    zelensky = index["Volodymyr Zelensky"]
    assert (zelensky.quotes, zelensky.articles) == (3, ids)
    assert set(zelensky.aliases) == {"Volodymyr Zelenskyy", "Zelenskiy"}
    lavrov = index["Sergey Lavrov"]
    assert (lavrov.quotes, lavrov.aliases) == (2, ("Sergei Lavrov",))
    assert lavrov.role == "Russia\u2019s Foreign Minister"
    # two people sharing a surname in one article stay two
    assert index["Boris Johnson"].quotes == index["Dwayne Johnson"].quotes == 1
    assert not any("Johnson" in a for s in index.values() for a in s.aliases)
    assert [s.name for s in article_speakers(lib, ids[2])] == [
        "Zelenskiy", "Boris Johnson", "Dwayne Johnson"]


def test_a_persons_quotations_in_date_order_across_sources(outlets):
    lib, ids = outlets
    for name in ("Zelenskyy", "mr zelensky", "Volodymyr Zelensky", "ZELENSKIY"):
        found = quotes_of(lib, name)
        assert [s.quote.article_id for s in found] == ids, name
    days = [(s.day, s.day_from) for s in quotes_of(lib, "Zelensky")]
    # the second outlet's text says Wednesday: the day it was said; the others' article dates
    assert days == [("2022-03-02", "article"), ("2022-03-02", "text"), ("2022-03-04", "article")]
    assert quotes_of(lib, "Nobody Atall") == []


def test_the_same_words_in_three_articles_are_one_group(outlets):
    lib, ids = outlets
    groups = quote_groups(lib)
    zelensky = next(g for g in groups if g.person == "Volodymyr Zelensky")
    assert [v.quote.article_id for v in zelensky.versions] == ids
    marked = [[v.quote.text[s:e] for s, e in spans]
              for v, spans in zip(zelensky.versions, zelensky.differs, strict=True)]
    assert marked[1] == ["must", "the", "of", "we\u2019ll"]
    assert "need" in marked[0] and marked[2] == []
    lavrov = next(g for g in groups if g.person == "Sergey Lavrov")
    assert [v.title for v in lavrov.versions] == ["Wire one", "Paper two"]
    assert not any(g.person and "Johnson" in g.person for g in groups)
    # from one version, its group
    q = zelensky.versions[2].quote
    assert group_of(lib, q.article_id, q.start, q.end) == zelensky
    johnson = next(q for q in lib.quotes(ids[2]) if q.speaker == "Boris Johnson")
    assert group_of(lib, ids[2], johnson.start, johnson.end) is None


def test_seeds_lavrov_once_with_both_quotations_and_kuleva_keeps_three(tmp_path):
    with Library(tmp_path / "seeded.db") as lib:
        index = {s.name: s for s in speaker_index(lib)}
        assert index["Sergey Lavrov"].quotes == 2
        assert sum("Lavrov" in s.name for s in index.values()) == 1
        assert index["Dmitro Kuleva"].quotes == 3
        assert [s.quote.speaker for s in quotes_of(lib, "Lavrov")] == ["Sergey Lavrov"] * 2


@pytest.mark.parametrize("written_at", [None, 11])
def test_the_speaker_index_reads_only_an_index(tmp_path, written_at):
    """300,000 quotes: looking up each quote's row took half a second, so the index of
    speakers carries article and role, in a new library and in one written before v12."""
    path = tmp_path / "lib.db"
    if written_at:
        conn = sqlite3.connect(path, isolation_level=None)
        migrate(conn, target=written_at)
        conn.close()
    with Library(path, seed=False) as lib:
        plan = " ".join(r[3] for r in lib.conn.execute("EXPLAIN QUERY PLAN " + SPELLINGS))
        assert "COVERING INDEX idx_quotes_speaker" in plan, plan


def test_an_old_library_gains_quote_days_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    make_v1_library(path)
    with Library(path) as lib:
        cols = {r[1] for r in lib.conn.execute("PRAGMA table_info(quotes)")}
        assert "said" in cols
        # a row analysed by an older version has no day of its own: its article's date stands in
        lib.conn.execute(
            "INSERT INTO quotes (article_id, start, end, text, speaker, kind) "
            "VALUES (1, 0, 19, '\u201cRates will rise,\u201d', 'Ann Ruiz', 'direct')"
        )
        [old] = quotes_of(lib, "Ann Ruiz")
        assert (old.quote.said, old.day, old.day_from) == (None, "2022-03-02", "article")
        lib.set_anchor(1, None)  # analysed again: "said on Tuesday" is the day before
        [q] = lib.quotes(1)
        assert q.said == "2022-03-01"


def test_cli_speakers_aliases_and_grouped_quotes(outlets, tmp_path):
    lib, ids = outlets
    path = lib.path
    lib.close()
    speakers = run("speakers", "--json", db=path, tmp=tmp_path)
    assert speakers.returncode == 0, speakers.err
    rows = [json.loads(line) for line in speakers.out.splitlines()]
    lavrov = next(r for r in rows if r["name"] == "Sergey Lavrov")
    assert lavrov["aliases"] == ["Sergei Lavrov"]
    plain = run("speakers", db=path, tmp=tmp_path)
    assert "Sergey Lavrov\tRussia\u2019s Foreign Minister\t1,2\tSergei Lavrov" in plain.out

    grouped = run("quotes", "--grouped", "--json", db=path, tmp=tmp_path)
    assert grouped.returncode == 0, grouped.err
    groups = [json.loads(line) for line in grouped.out.splitlines()]
    zelensky = next(g for g in groups if g["speaker"] == "Volodymyr Zelensky")
    assert [v["article_id"] for v in zelensky["versions"]] == ids
    second = zelensky["versions"][1]
    assert [second["text"][s:e] for s, e in second["differs"]] == ["must", "the", "of",
                                                                    "we\u2019ll"]
    assert (second["day"], second["day_from"], second["said"]) == ("2022-03-02", "text",
                                                                   "2022-03-02")
    text = run("quotes", "--grouped", db=path, tmp=tmp_path).out
    assert "We *must* at least stop *the* bombing *of* people" in text
    assert "2022-03-04*\t3\t" in text  # the article's date stands in, marked

    by_speaker = run("quotes", "--speaker", "Zelenskyy", "--json", db=path, tmp=tmp_path)
    assert [json.loads(x)["article_id"] for x in by_speaker.out.splitlines()] == ids


def test_cli_grouped_on_an_empty_library_and_an_unknown_speaker(tmp_path):
    path = tmp_path / "empty.db"
    Library(path, seed=False).close()
    empty = run("quotes", "--grouped", db=path, tmp=tmp_path)
    assert empty.returncode == 0 and empty.out == ""
    missing = run("quotes", "--speaker", "Nobody", db=path, tmp=tmp_path)
    assert missing.returncode != 0 and "no quotes of 'Nobody'" in missing.err
    assert "Traceback" not in missing.err


def test_hostile_speaker_names_stay_plain(tmp_path):
    path = tmp_path / "hostile.db"
    with Library(path, seed=False) as lib:
        lib.add_article(Article.from_paragraphs(["\u201cWe won,\u201d said Ann Ruiz."],
                                                title="t"))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE quotes SET speaker = 'Ann \x1b]0;x\x07 Ruiz'")
    conn.close()
    out = run("speakers", db=path, tmp=tmp_path)
    assert out.returncode == 0 and "\x1b" not in out.out and "\x07" not in out.out
