"""The installed `newsreader` command, run as a person or a script would run it."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
NEWSREADER = shutil.which("newsreader", path=str(Path(sys.executable).parent)) or "newsreader"


def run(*args, db=None, stdin: bytes | None = None, tmp: Path | None = None):
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DB"}
    if tmp is not None:
        env["HOME"] = str(tmp)
        env["XDG_DATA_HOME"] = str(tmp / "data")
    cmd = [NEWSREADER, *(["--db", str(db)] if db else []), *map(str, args)]
    proc = subprocess.run(cmd, input=stdin, capture_output=True, env=env, timeout=120)
    proc.out = proc.stdout.decode()
    proc.err = proc.stderr.decode()
    return proc


def one_line_error(proc) -> str:
    assert proc.returncode != 0, proc.out
    assert "Traceback" not in proc.err
    lines = proc.err.strip().splitlines()
    assert len(lines) == 1, proc.err
    return lines[0]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "lib.db"


def test_extract_first_seed_keeps_news_and_drops_appeal_ad_and_script(tmp_path):
    proc = run("extract", SEEDS[0], tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    text = proc.out
    assert "The United Nations General Assembly Wednesday approved" in text
    assert (
        "more than 2,000 civilians had been killed since the invasion began last Thursday." in text
    )
    for gone in (
        "PREMIUM TIMES",
        "Donate",
        "TEXT AD",
        "_fbq",
        "function(",
        "fbevents",
        "modest support",
    ):
        assert gone not in text


def test_extract_second_seed_keeps_all_text_with_title_and_byline(tmp_path):
    proc = run("extract", "--json", SEEDS[1], tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    obj = json.loads(proc.out)
    assert obj["title"] == "Zelensky says Russia should stop bombing before talks"
    assert obj["byline"] == "Reporter Kang Ju-ri"
    lines = [ln for ln in SEEDS[1].read_text().splitlines() if ln.strip()]
    for line in lines[1:-1]:
        assert " ".join(line.split()) in obj["text"]
    assert [obj["text"][s:e] for s, e in obj["paragraphs"]] == obj["text"].split("\n\n")
    for key in ("dates", "timeline", "quotes", "speakers"):
        assert isinstance(obj[key], list)


def test_extract_many_inputs_as_json_lines_with_no_clean_offsets(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text("Said on Monday: “hello there, friends,” she said.\n\nSecond paragraph.\n")
    proc = run("extract", "--json", "--no-clean", "--date", "2022-03-02", raw, *SEEDS, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    objs = [json.loads(line) for line in proc.out.splitlines()]
    assert len(objs) == 3
    given = raw.read_text()
    assert objs[0]["text"] == given
    assert objs[0]["published"] == "2022-03-02"
    for d in objs[0]["dates"]:
        assert given[d["start"] : d["end"]] == d["text"]


def test_add_twice_is_one_article_then_highlight_and_export(tmp_path, db):
    first = run("add", SEEDS[1], db=db, tmp=tmp_path)
    again = run("add", SEEDS[1], db=db, tmp=tmp_path)
    assert first.returncode == 0 and again.returncode == 0, first.err + again.err
    article_id = first.out.split("\t")[0]
    assert again.out.split("\t")[0] == article_id
    assert "already" in again.out
    listing = run("list", "--json", db=db, tmp=tmp_path)
    assert len(listing.out.splitlines()) == 2  # the two seeds, the re-added one once
    h = run(
        "highlight",
        article_id,
        "--text",
        "Russia should stop bombing",
        "--note",
        "Key *demand*",
        "--tag",
        "talks",
        db=db,
        tmp=tmp_path,
    )
    assert h.returncode == 0, h.err
    md = run("export", article_id, db=db, tmp=tmp_path).out
    assert md.startswith('---\ntitle: "Zelensky says Russia should stop bombing before talks"')
    assert "> Russia should stop bombing" in md
    assert "Key *demand*" in md and "#talks" in md  # the note as written
    out_dir = tmp_path / "vault"
    files = run("export", "-o", out_dir, db=db, tmp=tmp_path)
    assert files.returncode == 0, files.err
    (written,) = out_dir.iterdir()
    assert written.read_text() == md


def test_add_from_stdin_and_show(tmp_path, db):
    proc = run("add", "-", db=db, stdin=SEEDS[0].read_bytes(), tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    shown = run("show", "--json", proc.out.split("\t")[0], db=db, tmp=tmp_path)
    obj = json.loads(shown.out)
    assert obj["text"].startswith("The United Nations General Assembly")
    assert {"highlights", "timeline", "quotes", "dates", "speakers"} <= obj.keys()


def test_default_library_location_and_env_override(tmp_path):
    proc = run("list", tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    assert len(proc.out.splitlines()) == 2
    assert list((tmp_path / "data").rglob("newsreader.db"))
    env_db = tmp_path / "env.db"
    env = {**os.environ, "NEWSREADER_DB": str(env_db), "HOME": str(tmp_path)}
    subprocess.run([NEWSREADER, "list"], env=env, check=True, capture_output=True)
    assert env_db.exists()


def snapshot(db: Path) -> list:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, title, text FROM articles ORDER BY id").fetchall()
    rows += conn.execute("SELECT * FROM highlights ORDER BY id").fetchall()
    conn.close()
    return rows


def test_bad_inputs_are_one_line_errors_and_change_nothing(tmp_path, db):
    run("add", SEEDS[0], db=db, tmp=tmp_path)
    before = snapshot(db)
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    noarticle = tmp_path / "nav.html"
    noarticle.write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/x'>X</a></nav></body></html>"
    )
    folder = tmp_path / "folder"  # `add` walks a folder: this one has nothing to add
    folder.mkdir()
    for source, expect in [
        (tmp_path / "missing.txt", "no such file"),
        (folder, "directory"),
        (binary, "binary"),
        (empty, "empty"),
        (noarticle, "no article"),
    ]:
        for command in ("add", "extract"):
            line = one_line_error(run(command, source, db=db, tmp=tmp_path))
            assert expect in line.lower(), line
    assert snapshot(db) == before
    line = one_line_error(run("show", "999", db=db, tmp=tmp_path))
    assert "999" in line
    line = one_line_error(run("highlight", "1", "--text", "words not in it", db=db, tmp=tmp_path))
    assert snapshot(db) == before


def test_best_effort_articles_from_latin1_broken_and_huge_pages(tmp_path, db):
    body = "".join(
        f"<p>Paragraph {i} of the story, with enough words to read as prose in a news "
        f"article about the café in Zürich.</p>"
        for i in range(8)
    )
    latin = tmp_path / "latin.html"
    latin.write_bytes(
        f"<html><head><meta charset='iso-8859-1'><title>Café news</title></head><body>"
        f"<article>{body}</article></body></html>".encode("latin-1")
    )
    broken = tmp_path / "broken.html"
    broken.write_text(f"<html><body><div><article><p>Unclosed <b>bold {body}<div></span>")
    huge = tmp_path / "huge.html"
    # What makes real pages huge: inline scripts, state blobs and base64 images.
    script = "<script>window.__STATE__=" + '{"k": "v"},' * 600_000 + "</script>"
    image = "<img src='data:image/png;base64," + "iVBORw0KGgo" * 800_000 + "'>"
    huge.write_text(
        f"<html><head>{script}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article>{image}{body}</article>{script}</body></html>"
    )
    assert huge.stat().st_size > 20_000_000
    for page in (latin, broken, huge):
        proc = run("extract", "--json", page, tmp=tmp_path)
        assert proc.returncode == 0, (page, proc.err)
        assert "Traceback" not in proc.err
        obj = json.loads(proc.out)
        assert "Paragraph 3 of the story" in obj["text"]
    assert "café in Zürich" in json.loads(run("extract", "--json", latin, tmp=tmp_path).out)["text"]


def test_gzipped_or_bad_db_is_refused(tmp_path):
    not_db = tmp_path / "x.db"
    not_db.write_bytes(gzip.compress(b"hello" * 100))
    before = not_db.read_bytes()
    line = one_line_error(run("list", db=not_db, tmp=tmp_path))
    assert "not a newsreader library" in line
    assert not_db.read_bytes() == before


def test_older_schema_library_opens_from_the_cli(tmp_path):
    from tests.test_migrations import make_v1_library

    path = tmp_path / "old.db"
    make_v1_library(path)
    proc = run("list", "--json", db=path, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    assert json.loads(proc.out)["title"] == "Rates"


def test_usage_errors_exit_non_zero_without_traceback(tmp_path, db):
    proc = run("show", "not-a-number", db=db, tmp=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.err
    proc = run("extract", "--date", "2022-02-30", SEEDS[0], tmp=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.err


def test_escape_sequences_in_a_short_text_are_text_not_binary(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(
        b"A short note \x1b]52;c;SGVsbG8=\x07 with \x1b[31mred\x1b[0m and \x1b]0;title\x07 in it.\n"
    )
    proc = run("extract", "--json", "--no-clean", hostile, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    text = json.loads(proc.out)["text"]
    assert "\x1b" not in text and "\x07" not in text
    assert "␛]52;c;SGVsbG8=␇" in text


def test_reclean_keeps_highlights_on_their_words_and_reports_the_lost(tmp_path, db):
    story = tmp_path / "story.txt"
    paras = [
        "The mayor opened the new bridge on Monday after three years of work.",
        "Traffic is expected to ease across the river, officials said.",
        "Critics said the bridge cost twice the original estimate.",
    ]
    story.write_text("\n\n".join(paras) + "\n")
    article_id = run("add", story, db=db, tmp=tmp_path).out.split("\t")[0]
    run(
        "highlight",
        article_id,
        "--text",
        "cost twice the original estimate",
        "--note",
        "cost",
        db=db,
        tmp=tmp_path,
    )
    run("highlight", article_id, "--text", "Traffic is expected to ease", db=db, tmp=tmp_path)
    story.write_text("\n\n".join(["Updated: a correction was added.", paras[0], paras[2]]) + "\n")
    proc = run("reclean", article_id, db=db, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    assert "1 highlight(s) no longer found" in proc.out
    assert "Traffic is expected to ease" in proc.err
    obj = json.loads(run("show", "--json", article_id, db=db, tmp=tmp_path).out)
    kept = [h for h in obj["highlights"] if not h["orphaned"]]
    (h,) = kept
    assert obj["text"][h["start"] : h["end"]] == "cost twice the original estimate"
    assert h["note"] == "cost"
    assert len(obj["highlights"]) == 2  # the lost one is kept, marked, not dropped
    seed = run("reclean", "1", db=db, tmp=tmp_path)  # a seed reads from the package
    assert seed.returncode == 0, seed.err


def test_combined_timeline_of_the_seeds_reads_in_order_and_filters(tmp_path, db):
    proc = run("timeline", "--json", db=db, tmp=tmp_path)
    assert proc.returncode == 0, proc.err
    events = [json.loads(line) for line in proc.out.splitlines()]
    texts = [e["text"] for e in events]

    def first(words: str) -> int:
        return next(i for i, t in enumerate(texts) if words in t)

    story = [
        first("invasion began last Thursday"),
        first("Security Council resolution"),
        first("first round of talks"),
        first("joint interview"),
        first("General Assembly Wednesday approved"),
        first("continue talks on Thursday"),
    ]
    assert story == sorted(story)
    both = [e for e in events if len({s["article_id"] for s in e["sources"]}) == 2]
    assert both, "the same event reported by both seeds shows once with both"
    run("highlight", "2", "--text", "Gomel", "--tag", "korea", db=db, tmp=tmp_path)
    run("highlight", "2", "--text", "first time", "--tag", "Korea", db=db, tmp=tmp_path)
    tagged = run("timeline", "--json", "--tag", "#korea", db=db, tmp=tmp_path)
    ids = {s["article_id"] for line in tagged.out.splitlines() for s in json.loads(line)["sources"]}
    assert ids == {2}
    searched = run("timeline", "--json", "--search", "Medinsky", db=db, tmp=tmp_path)
    ids = {
        s["article_id"] for line in searched.out.splitlines() for s in json.loads(line)["sources"]
    }
    assert ids == {1}
    line = one_line_error(run("timeline", "--tag", "nothing", db=db, tmp=tmp_path))
    assert "empty" in line


def test_with_many_inputs_each_error_names_its_input_and_the_rest_go_on(tmp_path, db):
    empty_page = tmp_path / "menu.html"
    empty_page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    missing = tmp_path / "missing.txt"
    for command in ("add", "extract"):
        proc = run(command, empty_page, missing, SEEDS[0], db=db)
        assert proc.returncode == 1 and "Traceback" not in proc.err
        lines = proc.err.strip().splitlines()
        if command == "add":  # add ends with one line summing up the run
            summary = "newsreader: 3 sources: 0 added, 1 already in the library, 2 failed"
            assert lines.pop() == summary
        assert len(lines) == 2
        assert lines[0].startswith(f"newsreader: {empty_page}: ")
        assert lines[1].startswith(f"newsreader: {missing}: ")
        assert "United Nations" in proc.out or "1\t" in proc.out or proc.out.count("\t") >= 1


def test_trash_lists_what_was_removed_and_restore_puts_it_back(db, tmp_path):
    from store.library.db import Library

    assert run("add", SEEDS[0], db=db, tmp=tmp_path).returncode == 0
    with Library(db) as lib:
        article_id = lib.article_ids()[0]
        text = lib.get_article(article_id).text
        s = text.index("The United Nations")
        h = lib.add_highlight(article_id, s, s + 18, note="a [b]note", tags=["un"])
        lib.delete_highlight(h.id)
    listed = run("trash", db=db, tmp=tmp_path)
    assert listed.returncode == 0, listed.err
    (line,) = listed.out.splitlines()
    trash_id, kind, _, label, detail, where = line.split("\t")
    assert (kind, label, detail) == ("highlight", "The United Nations", "with its note and 1 tag")
    as_json = json.loads(run("trash", "--json", db=db, tmp=tmp_path).out)
    assert as_json["item_id"] == h.id
    restored = run("restore", trash_id, db=db, tmp=tmp_path)
    assert restored.returncode == 0, restored.err
    assert restored.out.startswith(f"restored highlight {h.id} in article {article_id}")
    with Library(db) as lib:
        assert lib.highlights(article_id) == [h]
    assert one_line_error(run("restore", trash_id, db=db, tmp=tmp_path)) == (
        f"newsreader: nothing in the trash with id {trash_id}"
    )
    assert run("trash", db=db, tmp=tmp_path).out == ""
    with Library(db) as lib:
        lib.delete_article(article_id)
    emptied = run("trash", "--empty", db=db, tmp=tmp_path)
    assert emptied.out.strip() == "emptied the trash: 1 purged for good"
    with Library(db) as lib:
        assert lib.trash() == [] and lib.count_articles() == 1  # (the seeds)
