"""Quotations and their speakers, on the seed articles and on hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.analysis.quotes import Quote, find_quotes
from store.analysis.speakers import find_speakers

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(name: str) -> str:
    """A seed as canonical text: the page tail (appeal, ad, scripts) cut, one line a paragraph."""
    raw = (SEEDS / name).read_text(encoding="utf-8").split("Support PREMIUM TIMES")[0]
    return "\n\n".join(line.strip() for line in raw.splitlines() if line.strip())


@pytest.fixture(scope="module")
def premium() -> tuple[str, list[Quote]]:
    text = seed("000_9972806943952c53.txt")
    return text, find_quotes(text)


@pytest.fixture(scope="module")
def archyde() -> tuple[str, list[Quote]]:
    text = seed("001_c3e8f23921d01a74.txt")
    return text, find_quotes(text)


def containing(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if words in q.text]
    assert len(hits) == 1, f"{words!r}: {[q.text for q in quotes]}"
    return hits[0]


def test_offsets_point_into_the_text(premium, archyde):
    for text, quotes in (premium, archyde):
        assert quotes == sorted(quotes, key=lambda q: q.start)
        for q in quotes:
            assert text[q.start : q.end] == q.text
            if q.speaker_start is not None:
                assert text[q.speaker_start : q.speaker_end]


def test_guterres_named_with_role(premium):
    text, quotes = premium
    q = containing(quotes, "People in Ukraine desperately need peace")
    assert q.text.startswith("\u201c") and q.text.endswith("\u201d")
    assert (q.speaker, q.role, q.cue, q.kind) == ("Antonio Guterres", "UN chief", "said", "direct")
    assert text[q.speaker_start : q.speaker_end] == "Antonio Guterres"


def test_both_lavrov_quotes_second_through_he_said(premium):
    text, quotes = premium
    first = containing(quotes, "Ukraine has the capability")
    second = containing(quotes, "President Putin has repeatedly expressed our position")
    assert first.speaker == second.speaker == "Sergey Lavrov"
    assert first.role == "Russia\u2019s Foreign Minister"
    assert first.kind == second.kind == "direct"
    assert text[second.ref_start : second.ref_end] == "he"
    # the naming mention used is the nearest one, "Mr Lavrov", not the pronoun
    assert text[second.speaker_start : second.speaker_end] == "Lavrov"
    assert text[second.speaker_start - 3 : second.speaker_start] == "Mr "


def test_medinsky_is_reported_not_quoted(premium):
    _, quotes = premium
    assert len(quotes) == 3
    assert not any("Medinsky" in (q.speaker or "") for q in quotes)


def test_speaker_index_counts_each_person_once(premium):
    _, quotes = premium
    speakers = {s.name: s for s in find_speakers(quotes)}
    assert set(speakers) == {"Antonio Guterres", "Sergey Lavrov"}
    assert speakers["Sergey Lavrov"].count == 2
    assert speakers["Sergey Lavrov"].role == "Russia\u2019s Foreign Minister"
    assert speakers["Antonio Guterres"].count == 1


def test_zelensky_interrupted_quote_is_two_direct_pieces(archyde):
    text, quotes = archyde
    a = containing(quotes, "We need to at least stop bombing people")
    b = containing(quotes, "and then we\u2019ll sit down at the negotiating table")
    assert a.text == "\u201cWe need to at least stop bombing people,\u201d"
    assert b.text == "\u201cand then we\u2019ll sit down at the negotiating table.\u201d"
    for q in (a, b):
        assert (q.speaker, q.role, q.kind) == (
            "Volodymyr Zelensky",
            "Ukrainian President",
            "direct",
        )
        assert text[q.ref_start : q.ref_end] == "he"


def test_kuleba_keeps_the_texts_spelling_despite_unbalanced_marks(archyde):
    _, quotes = archyde
    for words in (
        "negotiations with Russia are necessary",
        "If Russia insists on an ultimatum",
        "We will talk and find a solution",
    ):
        q = containing(quotes, words)
        assert q.speaker == "Dmitro Kuleva"
        assert q.role == "Ukrainian Foreign Minister"
    assert not any("Kuleba" in (q.speaker or "") for q in quotes)


def test_resolution_passages_are_the_resolutions(archyde):
    _, quotes = archyde
    for words in (
        "Territories obtained through",
        "deplores in the strongest terms",
        "requires Russia to withdraw",
    ):
        assert containing(quotes, words).speaker == "the resolution"
    names = [s.name for s in find_speakers(quotes)]
    assert names.count("the resolution") == 1


def test_no_scare_quotes(archyde):
    _, quotes = archyde
    assert not any("special military operation" in q.text for q in quotes)
    assert all(q.text[0] != "\u2018" for q in quotes)


def test_scare_quotes_titles_and_unattributed_text_are_not_quotations():
    text = (
        "The senator appeared on NBC\u2019s \u201cMeet the Press.\u201d\n\n"
        "The so-called \u201creform\u201d and the \u2018special operation\u2019 stalled.\n\n"
        "\u201cNobody knows what happens next.\u201d"
    )
    assert find_quotes(text) == []


def test_a_fragment_woven_into_a_persons_sentence_is_theirs():
    text = "Senator Jane Doe openly admires the governor as a \u201cstrong leader.\u201d"
    [q] = find_quotes(text)
    assert (q.speaker, q.role, q.kind) == ("Jane Doe", "Senator", "mixed")


def test_straight_quotes_and_speaker_after_the_verb():
    text = 'The plan failed. "We tried everything," said Maria Lopez, the mayor of Springfield.'
    [q] = find_quotes(text)
    assert q.text == '"We tried everything,"'
    assert (q.speaker, q.cue, q.kind) == ("Maria Lopez", "said", "direct")


def test_according_to_and_the_minister():
    text = (
        "Finance Minister Anna Berg presented the budget on Monday.\n\n"
        "\u201cThis is a budget for growth,\u201d the minister said.\n\n"
        "The cuts are \u201cpainful but necessary,\u201d according to Berg."
    )
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == ["Anna Berg", "Anna Berg"]
    assert quotes[0].kind == "direct"
    assert quotes[1].kind == "mixed"
    assert quotes[1].cue == "according to"
    [only] = find_speakers(quotes)
    assert (only.name, only.role, only.count) == ("Anna Berg", "Finance Minister", 2)


def test_quotation_over_several_paragraphs_keeps_its_speaker():
    text = (
        "John Smith, the party chairman, spoke at length.\n\n"
        "\u201cWe will win this state. We have the volunteers and the money.\n\n"
        "\u201cAnd we have the better candidate,\u201d he said."
    )
    # the first paragraph's quotation has no closing mark and the next opens with one: the
    # newspaper convention for one quotation over several paragraphs
    [q] = find_quotes(text)
    assert q.text.startswith("\u201cWe will w") and q.text.endswith("candidate,\u201d")
    assert "money.\n\n\u201cAnd we ha" in q.text
    assert text[q.start: q.end] == q.text
    assert (q.speaker, q.kind) == ("John Smith", "direct")


def test_colon_lead_in_from_the_previous_paragraph():
    text = "The governor, Tom Reyes, wrote to voters:\n\n\u201cI will not run again.\u201d"
    [q] = find_quotes(text)
    assert q.speaker == "Tom Reyes"
    assert q.cue == "wrote"


def test_no_quotes_and_empty_text():
    assert find_quotes("") == []
    assert find_quotes("Nobody said anything quotable today.\n\nNothing at all.") == []
    assert find_speakers([]) == []


def test_unbalanced_marks_give_sensible_spans():
    text = (
        "\u201cWe are ready,\u201d Ms Ortiz said, \u201cto talk tomorrow.\n\n"
        'Critics disagreed.\u201d \u201d \u201c\u201c "\n\n\u201d\u201d\u201c'
    )
    quotes = find_quotes(text)
    # the unclosed second piece runs to its paragraph's end and keeps the speaker
    assert [q.text for q in quotes[:2]] == ["\u201cWe are ready,\u201d", "\u201cto talk tomorrow."]
    assert quotes[1].speaker == "Ortiz"
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.end > q.start


def test_a_five_thousand_word_quotation():
    body = "Yes, " + " ".join(["word"] * 5000)
    text = f"The president said: \u201c{body}.\u201d"
    [q] = find_quotes(text)
    assert q.start == text.index("\u201c") and q.end == len(text)
    assert q.kind == "direct"


def test_every_word_quoted():
    words = ["the", "cat", "sat", "on", "the", "mat", "and", "said", "nothing"]
    text = " ".join(f"\u201c{w}\u201d" for w in words)
    # no reporting verb outside the marks: nothing is attributed, so nothing is a quotation
    assert find_quotes(text) == []
    assert find_quotes(f"The mayor said {text}.") != []


def test_a_megabyte_of_quote_marks_finishes():
    marks = '\u201c\u201d"\u201c " \u201d'
    text = (marks * (1_000_000 // len(marks) + 1))[:1_000_000]
    assert isinstance(find_quotes(text), list)
    text = '" said he "' * 90_000
    assert isinstance(find_quotes(text), list)


def test_short_names_resolve_to_the_right_person():
    text = (
        "Bill Clinton spoke first.\n\n"
        "\u201cWe won,\u201d said Hillary Clinton.\n\n"
        "\u201cIt was close,\u201d Clinton added.\n\n"
        "Trump said: \u201cSad.\u201d\n\n"
        "\u201cGreat,\u201d said Donald Trump."
    )
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == ["Hillary Clinton"] * 2 + ["Donald Trump"] * 2
    assert [(s.name, s.count) for s in find_speakers(quotes)] == [
        ("Hillary Clinton", 2),
        ("Donald Trump", 2),
    ]


def test_random_marks_and_words_never_raise():
    import random

    rng = random.Random(5)
    pieces = list("\u201c\u201d\"\u201e\u00ab\u00bb\u2018\u2019' ,.:;!?\u2014-\n()") + [
        "said",
        "he",
        "Mr",
        "Lavrov",
        "according",
        "to",
        "the",
        "resolution",
        "minister",
        "told",
        "that",
        "and",
        "I",
        "it",
        "wrote:",
        "President",
        "Russia\u2019s",
        "\n\n",
        "\xa0",
    ]
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        quotes = find_quotes(text)
        find_speakers(quotes)
        for q in quotes:
            assert text[q.start : q.end] == q.text
            assert q.kind in ("direct", "mixed")


def test_a_participle_cue_belongs_to_the_clause_subject():
    text = "Senator Ann Warren endorsed Hillary Clinton, saying, \u201cShe is a fighter.\u201d"
    [q] = find_quotes(text)
    assert (q.speaker, q.cue, q.kind) == ("Ann Warren", "saying", "direct")


def test_a_pronoun_does_not_reach_for_an_object_in_its_own_sentence(archyde):
    _, quotes = archyde
    q = containing(quotes, "I condemn Russia\u2019s decision")
    # "In response to the order by President Vladimir Putin ..., he also pointed out that ...":
    # the quotation is kept, but Putin is not made to condemn Russia
    assert q.cue == "pointed out"
    assert q.speaker is None


def test_a_name_never_runs_across_a_quotation():
    text = (
        "More recently, Trump pledged to make Apple \u201cbuild their computers here.\u201d Trump "
        "holds shares in Apple.\n\n\u201cIt is a great company,\u201d Trump said."
    )
    quotes = find_quotes(text)
    # not "Apple “…” Trump", read across the hidden words of the first quotation
    assert [q.speaker for q in quotes] == ["Trump", "Trump"]
