"""Annotations that travel: W3C Web Annotation out and in, Hypothesis's API JSON in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from store.article import Article
from store.errors import InputError
from store.export.w3c import w3c_collection, w3c_json
from store.ingest.annotations import import_annotations
from store.library.anchoring import find_quote
from store.library.db import Library
from store.library.records import Highlight
from store.library.seeds import seed_articles
from tests.growth import LIMIT, growth, repeat

FIXTURES = Path(__file__).parent / "fixtures"
WEB = "https://www.premiumtimesng.com/news/un-vote.html"
STORY = [
    "The harbour council met on Monday.",
    "The vote was close. The vote was close, again, on Tuesday.",
    "Nobody expected it.",
]


def same_articles(path: Path) -> Library:
    """A library holding the two seeds, a web article and a file-like article."""
    lib = Library(path)  # the seeds, as a new library gets them
    first = seed_articles()[0]
    lib.add_article(
        Article.from_paragraphs(
            [p for p in first.text.split("\n\n")][:4] + ["A web-only closing line."],
            title="UN General Assembly condemns Russia",
            url=WEB,
        )
    )
    lib.add_article(Article.from_paragraphs(STORY, title="Harbour", url="/home/me/harbour.txt"))
    return lib


def content(lib: Library) -> set[tuple]:
    """Every highlight by its article's text and everything a person gave it (an orphan's
    offsets point at words that are gone: it has its quote alone)."""
    out = set()
    for article_id in lib.article_ids():
        text = lib.get_article(article_id).text
        for h in lib.highlights(article_id):
            span = (None, None) if h.orphaned else (h.start, h.end)
            out.add((text[:40], *span, h.exact, h.note, h.tags, h.color, h.orphaned))
    return out


def highlight_everything(lib: Library) -> None:
    ids = lib.article_ids()
    for n, article_id in enumerate(ids):
        text = lib.get_article(article_id).text
        cut = text.index("\n\n")
        lib.add_highlight(
            article_id,
            cut - 12,
            cut + 14,  # over a paragraph break
            color=1 + n % 5,
            note=f"Note {n}\n\n- *markdown* kept\n- second line",
            tags=["multi word tag", f"t{n}"],
        )
        lib.add_highlight(article_id, 0, 10, color=5 - n % 5)
    # one the article lost after a re-clean, kept with its stored words
    h = lib.add_highlight(ids[-1], 4, 20, note="kept though lost", tags=["lost"])
    lib.restore_highlight(
        Highlight(**{**h.__dict__, "exact": "words no longer there", "orphaned": True})
    )


def test_w3c_round_trip_brings_back_every_highlight_on_the_same_words(tmp_path):
    source = same_articles(tmp_path / "a.db")
    highlight_everything(source)
    exported = w3c_json(source).encode()
    target = same_articles(tmp_path / "b.db")
    assert content(target) == set()

    report = import_annotations(target, exported, "a.jsonld")
    assert content(target) == content(source)
    n = len(content(source))
    assert (report.anchored, len(report.orphaned)) == (n - 1, 1)
    assert report.unmatched == [] and report.skipped == []
    assert "not in the text" in report.orphaned[0][1]

    again = import_annotations(target, exported, "a.jsonld")  # adds nothing
    assert (again.anchored, again.already, again.merged) == (0, n, 0)
    assert content(target) == content(source)
    # and into the library it came from: nothing either
    assert import_annotations(source, exported, "a.jsonld").already == n
    assert len(content(source)) == n


def test_w3c_json_has_the_web_annotation_shape(tmp_path):
    lib = same_articles(tmp_path / "a.db")
    highlight_everything(lib)
    doc = json.loads(w3c_json(lib))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and is_iri(doc["id"])
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and doc["total"] == len(page["items"]) > 0
    sources = set()
    for a in page["items"]:
        assert a["type"] == "Annotation" and is_iri(a["id"])
        assert a["motivation"] in ("highlighting", "commenting")
        for stamp in (a["created"], a["modified"]):
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
        target = a["target"]
        assert is_iri(target["source"])
        sources.add(target["source"])
        kinds = [s["type"] for s in target["selector"]]
        quote = target["selector"][0]
        assert kinds[0] == "TextQuoteSelector" and isinstance(quote["exact"], str)
        assert isinstance(quote["prefix"], str) and isinstance(quote["suffix"], str)
        if len(kinds) > 1:
            assert kinds[1] == "TextPositionSelector"
            pos = target["selector"][1]
            assert isinstance(pos["start"], int) and 0 <= pos["start"] < pos["end"]
        assert a["stylesheet"]["type"] == "CssStylesheet"
        assert "." + target["styleClass"] in a["stylesheet"]["value"]
        for body in a.get("body", []):
            assert body["type"] == "TextualBody" and isinstance(body["value"], str)
            assert body["purpose"] in ("commenting", "tagging")
    assert WEB in sources  # a web article by its address
    assert "file:///home/me/harbour.txt" in sources  # a file by where it was read
    assert any(s.startswith("urn:newsreader:content:") for s in sources)  # seeds by their text
    assert not any(s.startswith("seeds/") for s in sources)
    assert w3c_json(lib) == w3c_json(lib)  # deterministic


def is_iri(value: object) -> bool:
    return isinstance(value, str) and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", value) is not None


def test_a_note_and_its_tags_are_bodies_with_their_purposes(tmp_path):
    lib = same_articles(tmp_path / "a.db")
    article_id = lib.article_ids()[-1]
    lib.add_highlight(article_id, 4, 11, note="Line one\nline two", tags=["a b", "c"], color=4)
    (a,) = w3c_collection(lib, [article_id])["first"]["items"]
    assert a["body"] == [
        {
            "type": "TextualBody",
            "value": "Line one\nline two",
            "format": "text/markdown",
            "purpose": "commenting",
        },
        {"type": "TextualBody", "value": "a b", "purpose": "tagging"},
        {"type": "TextualBody", "value": "c", "purpose": "tagging"},
    ]
    assert a["target"]["styleClass"] == "newsreader-red"
    assert a["target"]["selector"][1] == {"type": "TextPositionSelector", "start": 4, "end": 11}


def test_a_hypothesis_annotation_imports_onto_the_stored_article(tmp_path):
    lib = same_articles(tmp_path / "a.db")
    web_id = lib.find_article(url=WEB)
    data = (FIXTURES / "hypothesis_search.json").read_bytes()

    report = import_annotations(lib, data, "hypothesis.json")
    assert report.anchored == 1
    text = lib.get_article(web_id).text
    on_words = [h for h in lib.highlights(web_id) if not h.orphaned]
    (h,) = on_words
    # the page's line breaks and indentation are not the article's: found all the same
    assert text[h.start : h.end] == (
        "The vote saw 141 countries in favour, five against and 35 abstaining."
    )
    assert h.note == "141 *for*, 5 against.\nCheck the abstentions list."
    assert h.tags == ("UN vote", "numbers")
    assert h.created == "2022-03-03T09:12:44+00:00"
    assert h.updated == "2022-03-03T09:15:02+00:00"

    # the quote no longer in the page: orphaned, reported, never attached to other words
    ((quote, why),) = report.orphaned
    assert "The assembly will meet again" in quote and "not in the text" in why
    (orphan,) = [h for h in lib.highlights(web_id) if h.orphaned]
    assert orphan.exact == "The assembly will meet again next month." and orphan.tags == ("edited",)
    assert all("earlier version" not in h.note for h in on_words)

    # a page note and a reply are not highlights; an unknown page matches nothing
    assert sorted(why for _, why in report.skipped) == [
        "a note on the whole page, not on words",
        "a reply to another annotation, not on any words",
    ]
    ((where, why),) = report.unmatched
    assert where == "https://elsewhere.example/story" and "no article" in why
    assert "1 anchored" in report.summary() and "1 orphaned" in report.summary()

    before = lib.highlights(web_id)
    again = import_annotations(lib, data, "hypothesis.json")
    assert (again.anchored, again.already, len(again.orphaned)) == (0, 2, 0)
    assert lib.highlights(web_id) == before


def test_an_annotation_on_highlighted_words_adds_only_what_they_lack(tmp_path):
    lib = same_articles(tmp_path / "a.db")
    article_id = lib.article_ids()[-1]
    h = lib.add_highlight(article_id, 4, 11, note="mine", tags=["x"])
    other = {
        "type": "Annotation",
        "target": {
            "source": "file:///home/me/harbour.txt",
            "selector": {"type": "TextQuoteSelector", "exact": "harbour"},
        },
        "body": [
            {"type": "TextualBody", "value": "theirs", "purpose": "commenting"},
            {"type": "TextualBody", "value": "X", "purpose": "tagging"},
            {"type": "TextualBody", "value": "y", "purpose": "tagging"},
        ],
    }
    report = import_annotations(lib, json.dumps(other).encode(), "one.json")
    assert report.merged == 1 and report.anchored == 0
    (after,) = lib.highlights(article_id)
    assert (after.id, after.note, after.tags) == (h.id, "mine\n\ntheirs", ("x", "y"))
    assert import_annotations(lib, json.dumps(other).encode(), "one.json").already == 1


def test_context_chooses_between_two_places_with_the_same_words(tmp_path):
    lib = same_articles(tmp_path / "a.db")
    article_id = lib.article_ids()[-1]
    text = lib.get_article(article_id).text
    second = text.index("The vote was close, again")
    ann = {
        "type": "Annotation",
        "target": {
            "source": "file:///home/me/harbour.txt",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": "The vote was close",
                    "prefix": "was close. ",
                    "suffix": ", again",
                }
            ],
        },
    }
    import_annotations(lib, json.dumps(ann).encode(), "one.json")
    (h,) = lib.highlights(article_id)
    assert h.start == second


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xff\xfe not json", "not JSON"),
        (b'{"hello": 1}', "not W3C Web Annotation or Hypothesis JSON"),
        (b"42", "not W3C Web Annotation or Hypothesis JSON"),
        (b"[" * 100_000, "not JSON"),
    ],
)
def test_a_file_that_is_not_annotations_is_one_clear_error(tmp_path, data, message):
    lib = same_articles(tmp_path / "a.db")
    with pytest.raises(InputError, match=message):
        import_annotations(lib, data, "bad.json")


def test_hostile_annotations_are_skipped_not_crashed_on(tmp_path):
    lib = same_articles(tmp_path / "a.db")
    items = [
        5,
        {"target": 5},
        {"target": {"source": WEB, "selector": "x"}},
        {"target": {"source": WEB, "selector": [{"type": "TextQuoteSelector", "exact": 7}]}},
        {"target": [{"source": {"id": 3}, "selector": [{"type": "TextQuoteSelector"}]}]},
        {
            "target": {
                "source": WEB,
                "selector": [
                    {"type": "TextPositionSelector", "start": "a", "end": True},
                    {"type": "TextQuoteSelector", "exact": "The vote saw", "prefix": 3},
                ],
            },
            "body": [None, {"value": ["x"]}, {"type": "TextualBody", "value": "\x1b]52;c;x\x07"}],
            "created": "yesterday",
        },
    ]
    report = import_annotations(lib, json.dumps(items).encode(), "hostile.json")
    assert report.anchored == 1 and len(report.skipped) == 5
    (h,) = [h for h in lib.highlights(lib.find_article(url=WEB))]
    assert h.exact == "The vote saw" and h.note == "\x1b]52;c;x\x07" and h.created


@pytest.mark.parametrize("unit", ["a", " ", "\n", "ab ", "a \n"])
@pytest.mark.parametrize("found", [True, False])
def test_finding_a_quote_grows_linearly(unit, found):
    """Half the text as the quote, with its whitespace changed (found after folding) or with
    a character more (not found at all)."""

    def run(text: str) -> object:
        half = text[: len(text) // 2]
        quote = " ".join(half.split()) if found else half + "!"
        return find_quote(text, quote, half[-40:], "", len(text) // 3)

    assert growth(run, lambda n: repeat(unit, n)) <= LIMIT


def test_a_quote_is_found_whatever_its_whitespace():
    text = "one two\n\n  three   four"
    assert find_quote(text, "two three four") == (4, 23)
    assert find_quote(text, "two\nthree") == (4, 16)
    assert find_quote(text, "three\tfour") == (11, 23)
    assert find_quote(text, "two  three fourth") is None


@pytest.mark.parametrize(
    "wrap",
    [
        lambda a: [a],  # a list
        lambda a: a,  # one annotation
        lambda a: {"annotations": [a], "export_date": "2024-01-01"},  # Hypothesis's export
        lambda a: {"type": "AnnotationPage", "items": [a]},
        lambda a: {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "AnnotationCollection",
            "first": {"type": "AnnotationPage", "items": [], "next": {"items": [a]}},
        },
    ],
)
def test_every_shape_of_file_is_read(tmp_path, wrap):
    lib = same_articles(tmp_path / "a.db")
    a = {
        "@type": "Annotation",
        "target": {
            "source": {"id": "file:///home/me/harbour.txt"},
            "selector": {
                "type": "RangeSelector",
                "refinedBy": {"type": "TextQuoteSelector", "exact": "Nobody expected"},
            },
        },
        "bodyValue": "a plain note",
    }
    report = import_annotations(lib, json.dumps(wrap(a)).encode(), "x.json")
    assert report.anchored == 1
    (h,) = lib.highlights(lib.article_ids()[-1])
    assert (h.exact, h.note) == ("Nobody expected", "a plain note")
