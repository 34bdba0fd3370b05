"""One person, every name: the rules that merge the spellings of a speaker (made-up names)."""

from __future__ import annotations

from store.analysis.quotes import find_quotes
from store.analysis.speakers import find_speakers, fold_name, merge_names


def people(names: list[str]) -> list[tuple[str, set[str]]]:
    """Each distinct person as (name, aliases), in order of first spelling."""
    merged = merge_names(names)
    out, seen = [], set()
    for n in names:
        p = merged[n]
        if p.name not in seen:
            seen.add(p.name)
            out.append((p.name, set(p.aliases)))
    return out


def test_full_name_surname_honorifics_titles_and_possessives_are_one_person():
    names = ["Sergey Lavrov", "Sergey Lavrov", "Lavrov", "Mr Lavrov", "Mr. Lavrov",
             "Foreign Minister Sergey Lavrov", "Russia\u2019s Foreign Minister Sergey Lavrov",
             "Lavrov\u2019s", "Sen. Lavrov"]
    [(name, aliases)] = people(names)
    assert name == "Sergey Lavrov"
    assert aliases == set(names) - {"Sergey Lavrov"}


def test_transliterations_are_one_person():
    assert people(["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy",
                   "Zelenskyy", "President Zelensky"])[0][1] == {
        "Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Zelenskyy", "President Zelensky"}
    assert len(people(["Sergei Lavrov", "Sergey Lavrov"])) == 1
    assert len(people(["Dmitry Peskov", "Dmitri Peskov"])) == 1
    assert len(people(["Alexei Navalny", "Aleksei Navalny", "Aleksey Navalny"])) == 1
    assert fold_name("Zelenskiy") == fold_name("Zelenskyy") == fold_name("Zelensky")
    assert fold_name("Jos\u00e9 Mar\u00eda Aznar") == ("jose", "maria", "aznar")


def test_two_people_sharing_a_surname_stay_apart():
    found = people(["Boris Johnson", "Dwayne Johnson", "Johnson", "Mr Johnson"])
    # with two Johnsons a bare "Johnson" names neither for sure: it is kept apart, not guessed
    assert [n for n, _ in found] == ["Boris Johnson", "Dwayne Johnson", "Johnson"]
    assert people(["Boris Johnson", "Johnson"]) == [("Boris Johnson", {"Johnson"})]


def test_middle_names_initials_and_suffixes():
    assert people(["Hillary Clinton", "Hillary Rodham Clinton", "Bill Clinton"]) == [
        ("Hillary Clinton", {"Hillary Rodham Clinton"}), ("Bill Clinton", set())]
    assert people(["J. Smith", "John Smith"]) == [("John Smith", {"J. Smith"})]
    # the son is not the father; "Trump Jr." is the son
    assert people(["Donald Trump", "Donald Trump Jr.", "Trump Jr."]) == [
        ("Donald Trump", set()), ("Donald Trump Jr.", {"Trump Jr."})]


def test_a_stray_word_before_a_name():
    assert people(["Hillary Clinton", "Hillary Clinton", "Rival Hillary Clinton"]) == [
        ("Hillary Clinton", {"Rival Hillary Clinton"})]


def test_documents_merge_only_when_spelled_the_same():
    assert people(["the resolution", "The resolution", "the statement"]) == [
        ("the resolution", {"The resolution"}), ("the statement", set())]


def test_one_article_two_spellings_one_speaker():
    text = (
        "\u201cWe are ready,\u201d said Foreign Minister Sergey Lavrov.\n\n"
        "\u201cWe will wait,\u201d Sergei Lavrov added.\n\n"
        "\u201cIt is over,\u201d said Boris Johnson.\n\n"
        "\u201cNot at all,\u201d said Dwayne Johnson."
    )
    speakers = find_speakers(find_quotes(text))
    assert [(s.name, s.count) for s in speakers] == [
        ("Sergey Lavrov", 2), ("Boris Johnson", 1), ("Dwayne Johnson", 1)]
    assert speakers[0].aliases == ("Sergei Lavrov",)


def test_bad_names_never_raise():
    merged = merge_names(["", "   ", "123", "\u2019s", "Mr", "Mr.", "Jr.", "\x1b]0;x\x07", "A"])
    assert set(merged) == {"123", "\u2019s", "Mr", "Mr.", "Jr.", "\x1b]0;x\x07", "A"}
