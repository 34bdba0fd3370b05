"""One quotation, every outlet; and when it was said (made-up articles)."""

from __future__ import annotations

from datetime import date

from store.analysis.pipeline import analyse
from store.analysis.quote_groups import Reported, differing_words, group_quotes

ZELENSKY = "Volodymyr Zelensky"
THREE_OUTLETS = [
    Reported("\u201cWe need to at least stop bombing people, and then we will sit down at the "
             "negotiating table,\u201d", ZELENSKY, 1),
    Reported("\u201cWe must at least stop the bombing of people, and then we\u2019ll sit down at "
             "the negotiating table.\u201d", ZELENSKY, 2),
    Reported("\u201cat least stop bombing people, and then we will sit down at the negotiating "
             "table\u201d", None, 3),
]


def marked(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_the_same_quotation_in_three_articles_is_one_group_with_its_differences_marked():
    assert group_quotes(THREE_OUTLETS) == [[0, 1, 2]]
    texts = [r.text for r in THREE_OUTLETS]
    first, second, third = (marked(t, m) for t, m in zip(texts, differing_words(texts),
                                                         strict=True))
    # each version against the longest (the first: as long as the second, and earlier), inside
    # the words both carry
    assert second == ["must", "the", "of", "we\u2019ll"]
    assert first == ["need", "to", "we", "will"]
    assert third == []  # the first's words, trimmed at the start: "We need to" missing is no mark


def test_different_words_different_people_and_one_source_make_no_group():
    other = Reported("\u201cWe will never sit down at the negotiating table with them,\u201d",
                     "Sergey Lavrov", 4)
    assert group_quotes([*THREE_OUTLETS, other]) == [[0, 1, 2]]
    # the same words said by two named people are two quotations
    same_words_other_person = Reported(THREE_OUTLETS[0].text, "Sergey Lavrov", 5)
    assert group_quotes([THREE_OUTLETS[0], same_words_other_person]) == []
    # one article repeating a quotation is not two outlets
    assert group_quotes([THREE_OUTLETS[0], Reported(THREE_OUTLETS[0].text, ZELENSKY, 1)]) == []
    # a few shared words are not the same quotation
    short = [Reported("\u201cWe will win,\u201d", ZELENSKY, 1),
             Reported("\u201cWe will win this war,\u201d", ZELENSKY, 2)]
    assert group_quotes(short) == []


def test_an_unknown_speaker_never_bridges_two_named_people():
    a = Reported("\u201cThe talks in Belarus will start tomorrow at noon in Gomel.\u201d",
                 "Dmitro Kuleva", 1)
    b = Reported("\u201cThe talks in Belarus will start tomorrow at noon in Gomel.\u201d", None, 2)
    c = Reported("\u201cThe talks in Belarus will start tomorrow at noon in Gomel.\u201d",
                 "Vladimir Medinsky", 3)
    groups = group_quotes([a, b, c])
    assert len(groups) == 1 and len(groups[0]) == 2 and 1 in groups[0]


def test_bracketed_insertions_and_ellipses_are_paraphrase_markers():
    a = Reported("\u201cThe [Russian] army will leave the Kherson region by Friday, and the "
                 "bridges will stay open.\u201d", "Sergey Shoigu", 1)
    b = Reported("\u201cThe army will leave the Kherson region by Friday \u2026 the bridges will "
                 "stay open.\u201d", "Sergey Shoigu", 2)
    assert group_quotes([a, b]) == [[0, 1]]


def test_when_it_was_said():
    text = (
        "\u201cWe will win,\u201d Sergey Lavrov said on Tuesday.\n\n"
        "On Monday, Mr Lavrov said: \u201cWe are ready.\u201d\n\n"
        "Volodymyr Zelensky said in a joint interview with CNN on the 1st that talks should "
        "wait.\n\n"
        "\u201cStop bombing first,\u201d he said.\n\n"
        "Lavrov said that the vote on March 2 was \u201ca disgrace.\u201d\n\n"
        "\u201cWe go on,\u201d said Lavrov."
    )
    a = analyse(text, published="2022-03-03")
    said = {q.text: q.said for q in a.quotes}
    assert said == {
        "\u201cWe will win,\u201d": "2022-03-01",
        "\u201cWe are ready.\u201d": "2022-02-28",
        "\u201cStop bombing first,\u201d": "2022-03-01",  # the clause naming him, a sentence back
        "\u201ca disgrace.\u201d": None,  # March 2 is the vote's day, not when he said it
        "\u201cWe go on,\u201d": None,  # left to the article's date
    }
    assert analyse(text, anchor=date(2022, 3, 3)).quotes[0].said == "2022-03-01"


def test_a_stock_phrase_does_not_make_an_unknown_speaker_the_same_quotation():
    named = Reported("\u201cis going to be the next president of the United States.\u201d",
                     "John Podesta", 1)
    unknown = Reported("\u201cI want Donald Trump to be the next president of the United "
                       "States.\u201d", None, 2)
    assert group_quotes([named, unknown]) == []
    # a longer shared run with an unknown speaker is the same quotation (a trimmed version)
    longer = Reported("\u201cWe are trying to save lives and to prevent the next terrorist attack "
                      "in this country,\u201d", "Ann Ruiz", 3)
    trimmed = Reported("\u201cto save lives and to prevent the next terrorist attack in this "
                       "country\u201d", None, 4)
    assert group_quotes([longer, trimmed]) == [[0, 1]]
