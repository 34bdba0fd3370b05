"""Dated events of one article and the combined timeline of several (store.analysis.timeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from store.analysis.anchor import infer_anchor
from store.analysis.dates import DateMention, find_dates
from store.analysis.timeline import CombinedEvent, Event, build_timeline, combine_timelines, shorten
from tests.test_dates import ANCHOR, seed_text


def timeline_of(text: str, anchor: dt.date | None = ANCHOR) -> list[Event]:
    return build_timeline(text, find_dates(text, anchor))


def first_index(events, *needles: str) -> int:
    for i, ev in enumerate(events):
        if any(n in ev.text for n in needles):
            return i
    raise AssertionError(f"no event mentions {needles}: {[e.text for e in events]}")


def test_first_seed_events_in_date_order():
    text = seed_text(0)
    events = timeline_of(text)
    assert [e.date for e in events] == [
        "2022-02-24",
        "2022-W08",
        "2022-02-28",
        "2022-03-02",
        "2022-03-02",
        "2022-03-03",
    ]
    assert events[0].text == "The invasion began last Thursday."
    assert "vetoed" in events[1].text
    assert "first round of talks" in events[2].text
    assert "continue talks on Thursday" in events[-1].text


def test_a_sentence_with_two_dates_is_cut_between_its_clauses():
    text = seed_text(0)
    events = timeline_of(text)
    said = next(e for e in events if "emergency services" in e.text)
    began = next(e for e in events if "invasion began" in e.text)
    assert said.date == "2022-03-02" and began.date == "2022-02-24"
    assert said.end <= began.start
    assert "invasion began" not in said.text


def test_event_offsets_point_into_the_text():
    for index in (0, 1):
        text = seed_text(index)
        for ev in timeline_of(text):
            assert 0 <= ev.start < ev.end <= len(text)
            words = ev.text.strip("…").split()
            assert words[1] in text[ev.start : ev.end]


def test_undated_sentences_are_left_out():
    text = seed_text(0)
    events = timeline_of(text)
    assert not any("Lavrov" in e.text for e in events)
    assert not any("141 countries" in e.text for e in events)


def test_week_precision_sorts_after_the_days_it_covers():
    # "last week" (21-27 February) follows the invasion on the 24th, precedes the 28th.
    events = timeline_of(seed_text(0))
    dates = [e.date for e in events]
    assert dates.index("2022-02-24") < dates.index("2022-W08") < dates.index("2022-02-28")


def test_month_precision_sorts_after_its_days_and_before_the_next_month():
    text = "On Feb. 10 the bank met. In February, prices rose. On March 1 it cut rates."
    events = timeline_of(text)
    assert [e.date for e in events] == ["2022-02-10", "2022-02", "2022-03-01"]
    assert events[0].text == "On Feb. 10 the bank met."  # "Feb." does not end the sentence


def test_a_dateline_is_no_event():
    text = "WASHINGTON, March 2 (Xinhua) --\n\nThe talks ended on Monday, officials said."
    events = timeline_of(text)
    assert [(e.date, e.text) for e in events] == [
        ("2022-02-28", "The talks ended on Monday, officials said.")
    ]


def test_one_sentence_naming_one_day_twice_is_one_event():
    text = "The council met on Wednesday and voted on Wednesday, March 2."
    events = timeline_of(text)
    assert len(events) == 1
    assert events[0].date == "2022-03-02"


def test_same_date_events_of_an_article_stay_together():
    events = timeline_of(seed_text(1))
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    assert dates.count("2022-03-02") >= 3
    first = dates.index("2022-03-02")
    assert all(d == "2022-03-02" for d in dates[first : first + dates.count("2022-03-02")])


def test_long_sentences_are_shortened_to_a_readable_line():
    events = timeline_of(seed_text(1))
    assert all(len(e.text) <= 202 for e in events)
    council = next(e for e in events if "25th of last month" in e.text)
    assert council.date == "2022-02-25"
    assert "Security Council" in council.text
    line = shorten("word " * 100, focus=250, limit=60)
    assert len(line) <= 62 and line.startswith("…") and line.endswith("…")


def test_nothing_to_tell():
    assert build_timeline("", []) == []
    assert build_timeline("No dates here.", []) == []
    assert timeline_of("He is now in Kuwait for several years.") == []
    text = "It rained on Wednesday."
    assert timeline_of(text, anchor=None) == []  # no anchor: no calendar day
    bad = [DateMention("x", 50, 60, "DATE", "2022-03-02", ANCHOR)]  # offsets past the end
    assert build_timeline(text, bad) == []


def combined_seeds(anchor: dt.date = ANCHOR) -> list[CombinedEvent]:
    return combine_timelines(
        {1: timeline_of(seed_text(0), anchor), 2: timeline_of(seed_text(1), anchor)}
    )


def inferred_anchor() -> dt.date | None:
    return infer_anchor(seed_text(0) + "\n\n" + seed_text(1), near=dt.date(2026, 11, 23))


@pytest.mark.parametrize("anchor", [ANCHOR, "inferred"])
def test_combined_seed_timeline_reads_in_order(anchor):
    combined = combined_seeds(inferred_anchor() if anchor == "inferred" else anchor)
    order = [
        first_index(combined, "invasion began", "special military operation"),
        first_index(combined, "Security Council"),
        first_index(combined, "first round of talks", "for the first time"),
        first_index(combined, "Zelensky"),
        first_index(combined, "General Assembly Wednesday approved"),
        first_index(combined, "continue talks on Thursday"),
    ]
    assert order == sorted(order)
    assert len(set(order)) == len(order)
    keys = [c.date for c in combined]
    assert keys[0] == "2022-02-24" and keys[-1] == "2022-03-03"


def test_the_same_event_from_two_articles_shows_once_with_both():
    combined = combined_seeds()
    vote = combined[first_index(combined, "General Assembly Wednesday approved")]
    assert vote.date == "2022-03-02"
    assert {article for article, _, _ in vote.sources} == {1, 2}
    council = combined[first_index(combined, "Security Council")]
    # The week-precise veto joins the day-precise attempt and takes its day.
    assert council.date == "2022-02-25"
    assert {article for article, _, _ in council.sources} == {1, 2}
    texts = {1: seed_text(0), 2: seed_text(1)}
    for ev in combined:
        for article, start, end in ev.sources:
            assert 0 <= start < end <= len(texts[article])


def test_different_events_of_one_day_stay_apart():
    combined = combined_seeds()
    on_the_day = [c for c in combined if c.date == "2022-03-02"]
    assert len(on_the_day) >= 3
    assert any("emergency services" in c.text and len(c.sources) == 1 for c in on_the_day)


def test_combining_nothing():
    assert combine_timelines({}) == []
    assert combine_timelines({1: []}) == []
    one = [Event("2022-03-02", "A vote was held.", 0, 16)]
    assert combine_timelines({7: one}) == [
        CombinedEvent("2022-03-02", "A vote was held.", [(7, 0, 16)])
    ]
