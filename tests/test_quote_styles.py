"""Every quoting style: single marks, wire marks, guillemets, low-high marks, long quotations.

Made-up articles; every quotation's offsets must point into the text as given (marks included),
whatever style it was written in.
"""

from __future__ import annotations

from store.analysis.quote_marks import normalise_marks
from store.analysis.quotes import Quote, find_quotes


def quotes_of(text: str) -> list[Quote]:
    quotes = find_quotes(text)
    for q in quotes:
        assert text[q.start: q.end] == q.text
        if q.speaker_start is not None:  # the name as written (a possessive mark may follow)
            assert q.speaker.split()[-1] in text[q.speaker_start: q.speaker_end]
    return quotes


BRITISH = (
    "The Home Secretary\u2019s plan drew fire from the unions on Monday.\n\n"
    "\u2018We won\u2019t accept the players\u2019 demands,\u2019 said Home Secretary Jane Hale.\n\n"
    "\u2018I told them: \u201cNot in the \u201990s and not now,\u201d\u2019 Ms Hale added.\n\n"
    "The so-called \u2018reform\u2019 stalled in the Commons."
)


def test_british_single_marks_with_apostrophes_and_a_nested_quotation():
    first, second = quotes_of(BRITISH)
    assert first.text == "\u2018We won\u2019t accept the players\u2019 demands,\u2019"
    assert (first.speaker, first.role, first.kind) == ("Jane Hale", "Home Secretary", "direct")
    # the nested double marks and the apostrophe of the nineties stay inside
    assert second.text == "\u2018I told them: \u201cNot in the \u201990s and not now,\u201d\u2019"
    assert (second.speaker, second.kind) == ("Jane Hale", "direct")


def test_a_scare_quote_in_single_marks_is_not_a_quotation():
    assert not any("reform" in q.text for q in quotes_of(BRITISH))
    text = (
        "\u2018We are ready,\u2019 said the mayor, Ann Ruiz.\n\n"
        "The \u2018cosy\u2019 arrangement with the \u2018Yes\u2019 campaign ended in the \u201990s."
    )
    assert [q.text for q in quotes_of(text)] == ["\u2018We are ready,\u2019"]
    # in an American text the single marks are not quotations at all
    american = "\u201cWe are ready,\u201d the mayor said.\n\nThe \u2018cosy\u2019 deal ended."
    assert [q.text for q in quotes_of(american)] == ["\u201cWe are ready,\u201d"]


def test_straight_single_marks_beside_apostrophes():
    text = (
        "'We don't accept it,' said Tom O'Neill, the union's leader.\n\n"
        "'There's rock 'n' roll in the '90s and the members' vote stands,' he added."
    )
    first, second = quotes_of(text)
    assert first.text == "'We don't accept it,'"
    assert second.text.startswith("'There's rock") and second.text.endswith("stands,'")
    assert first.speaker == second.speaker == "Tom O'Neill"


def test_wire_marks_two_apostrophes_and_backticks():
    text = (
        "``We will not give up,'' said Mayor Ann Ruiz on Tuesday.\n\n"
        "''It is over,'' her deputy, Sam Poe, told reporters. ''We go home.''\n\n"
        "The ''reform'' stalled."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "``We will not give up,''", "''It is over,''", "''We go home.''"]
    assert [q.speaker for q in quotes] == ["Ann Ruiz", "Sam Poe", "Sam Poe"]


def test_guillemets_both_ways_and_low_high_marks():
    text = (
        "\u00abWe will not give up\u00bb, said Mayor Ann Ruiz.\n\n"
        "\u00ab It is over \u00bb, her deputy, Sam Poe, said.\n\n"
        "\u00bbWe stay,\u00ab said Ruiz.\n\n"
        "\u201eWe go\u201c, said Poe."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "\u00abWe will not give up\u00bb", "\u00ab It is over \u00bb", "\u00bbWe stay,\u00ab",
        "\u201eWe go\u201c"]
    assert [q.speaker for q in quotes] == ["Ann Ruiz", "Sam Poe", "Ann Ruiz", "Sam Poe"]
    assert all(q.kind == "direct" for q in quotes)


def test_a_multi_paragraph_quotation_is_one_in_every_style():
    for open_, close in (("\u201c", "\u201d"), ("\u2018", "\u2019"), ('"', '"'), ("''", "''")):
        text = (
            "Tom Reyes, the governor, spoke at length on Friday.\n\n"
            f"{open_}We will win this state. We have the volunteers.\n\n"
            f"{open_}We have the money.\n\n"
            f"{open_}And we have the better candidate,{close} he said.\n\n"
            "The crowd cheered."
        )
        [q] = quotes_of(text)
        assert q.text.startswith(f"{open_}We will win") and q.text.endswith(f"candidate,{close}")
        assert q.text.count("\n\n") == 2
        assert (q.speaker, q.kind) == ("Tom Reyes", "direct")


def test_a_closed_paragraph_quotation_is_not_joined_to_the_next():
    text = (
        "\u201cWe will win,\u201d said Tom Reyes.\n\n"
        "\u201cWe will lose,\u201d said Ann Ruiz."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Reyes", "Ann Ruiz"]


def test_the_normalised_copy_maps_back_to_every_offset():
    text = "a ''b'' c '''d' e''' ``f'' \u2018\u2018g\u2019\u2019 h"
    norm = normalise_marks(text)
    assert norm.text == "a \u201cb\u201d c \u201c'd' e'\u201d \u201cf\u201d \u201cg\u201d h"
    for i, ch in enumerate(norm.text):
        if ch.isalpha():
            assert text[norm.original(i)] == ch
    assert norm.original(len(norm.text)) == len(text)
    # a text with nothing to change is handed back as it is
    plain = "\u201cHello,\u201d she said."
    assert normalise_marks(plain).text is plain


def test_random_marks_of_every_style_never_raise_and_offsets_hold():
    import random

    rng = random.Random(16)
    pieces = ["''", "``", "'''", "\u2018", "\u2019", "'", "\u201c", "\u201d", '"', "\u00ab",
              "\u00bb", "\u201e", "\u2018\u2018", "\u2019\u2019", "said", "Ms Hale", "he",
              "We", "won", "don't", "players\u2019", "\u201990s", ":", ",", ".", "\n\n", "\n"]
    for _ in range(400):
        n = rng.randint(0, 60)
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(n))
        for q in quotes_of(text):
            assert 0 <= q.start < q.end <= len(text)
            for s, e in ((q.cue_start, q.cue_end), (q.ref_start, q.ref_end)):
                assert s is None or 0 <= s < e <= len(text)
