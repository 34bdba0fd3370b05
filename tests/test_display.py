"""How quotations and timeline entries are shown: as the article has them, cut at a word."""

from __future__ import annotations

from store.article import cut_at_word
from store.library.records import StoredEvent
from tui.display import quoted
from tui.screens.reader.panes import timeline_options


def test_a_quotation_keeps_its_own_marks_and_gains_none():
    assert quoted("We will talk and find a solution.”") == "We will talk and find a solution.”"
    assert quoted("“negotiations with Russia are necessary.") == (
        "“negotiations with Russia are necessary."
    )
    assert quoted("“Whole,” ") == "“Whole,”"
    assert quoted("no marks at all") == "no marks at all"


def test_a_long_quotation_is_cut_at_a_word():
    text = "“" + "regions of Luhansk and Donetsk " * 20 + "”"
    shown = quoted(text, limit=100)
    assert len(shown) <= 101 and shown.endswith("…")
    assert shown[:-1] == text[: len(shown) - 1] and text[len(shown) - 1] == " "
    assert cut_at_word("x" * 50, 10) == "x" * 10 + "…"  # one long word: cut inside it


def test_timeline_entries_sit_under_one_heading_per_day_or_period():
    events = [
        StoredEvent(1, "2022-02-24", 0, 10, "the invasion began last Thursday.", True, False),
        StoredEvent(1, "2022-W08", 20, 30, "Russia last week vetoed a draft.", False, False),
        StoredEvent(1, "2022-03-02", 40, 50, "The vote was held.", False, False),
        StoredEvent(1, "2022-03-02TNI", 60, 70, "The talks go on tonight.", False, False),
    ]
    options = [o for o in timeline_options(events) if o is not None]
    headings = [str(o.prompt) for o in options if o.disabled]
    assert headings == ["Thu 24 Feb 2022", "week of 21 Feb 2022", "Wed 2 Mar 2022"]
    entries = [str(o.prompt) for o in options if not o.disabled]
    assert entries == [
        "…the invasion began last Thursday.",
        "Russia last week vetoed a draft.",
        "The vote was held.",
        "night: The talks go on tonight.",
    ]
