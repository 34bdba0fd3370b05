"""clean_text on the seeds and on the kinds of furniture plain text carries."""

from pathlib import Path

import pytest

from store.clean.lines import is_code, is_furniture
from store.clean.text import byline_of, clean_text
from store.errors import NoArticleError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIRST, SECOND = sorted(SEEDS.glob("*.txt"))[:2]


def test_first_seed_keeps_every_news_paragraph_and_drops_appeal_ad_and_script():
    raw = FIRST.read_text(encoding="utf-8")
    article = clean_text(raw)
    lines = raw.splitlines()
    first = lines.index(next(ln for ln in lines if ln.startswith("The United Nations General")))
    last = lines.index(next(ln for ln in lines if ln.endswith("began last Thursday.")))
    for line in lines[first : last + 1]:
        assert line in article.text
    assert article.text.startswith("The United Nations General Assembly Wednesday approved")
    assert article.text.endswith(
        "more than 2,000 civilians had been killed since the invasion began last Thursday."
    )
    for junk in (
        "Support PREMIUM TIMES",
        "Good journalism costs",
        "Donate",
        "TEXT AD",
        "function",
        "_fbq",
        "By contributing",
        "window.",
    ):
        assert junk not in article.text
    assert len(article.paragraphs) == last - first + 1
    # No headline line: the title is cut from the first sentence, and the text says so.
    assert article.title.startswith("The United Nations General Assembly")
    assert article.warnings


def test_second_seed_keeps_all_text_with_headline_as_title_and_reporter_as_byline():
    raw = SECOND.read_text(encoding="utf-8")
    article = clean_text(raw)
    assert article.title == "Zelensky says Russia should stop bombing before talks"
    assert article.byline == "Reporter Kang Ju-ri"
    assert "Reporter Kang Ju-ri" not in article.text
    body = [ln.strip() for ln in raw.splitlines() if ln.strip()][1:-1]
    for line in body:
        assert line in article.text
    assert len(article.paragraphs) == len(body)


def test_paragraph_spans_point_at_each_paragraph():
    article = clean_text(SECOND.read_text(encoding="utf-8"))
    for start, end in article.paragraphs:
        chunk = article.text[start:end]
        assert chunk == chunk.strip() and "\n" not in chunk


@pytest.mark.parametrize("seed", [FIRST, SECOND])
def test_no_clean_keeps_the_input_verbatim(seed):
    raw = seed.read_text(encoding="utf-8")
    article = clean_text(raw, clean=False)
    assert article.text == raw
    assert len(article.paragraphs) == len([ln for ln in raw.splitlines() if ln.strip()])
    for start, end in article.paragraphs:
        assert raw[start:end].strip() == raw[start:end]


def test_no_clean_with_blank_line_paragraphs_and_control_characters():
    raw = "Headline here today\n\nFirst para\x1b[31m line.\n\nSecond para."
    article = clean_text(raw, clean=False)
    assert len(article.text) == len(raw)
    assert "\x1b" not in article.text
    assert [article.text[s:e] for s, e in article.paragraphs][2] == "Second para."
    assert article.title == "Headline here today"


@pytest.mark.parametrize(
    "line, credit",
    [
        ("Reporter Kang Ju-ri", "Reporter Kang Ju-ri"),
        ("By John Smith", "John Smith"),
        ("BY JANE DOE AND RICHARD ROE", "JANE DOE AND RICHARD ROE"),
        ("Maria Garcia, Reuters", "Maria Garcia, Reuters"),
        ("By Tom Krisher, AP Auto Writer", "Tom Krisher, AP Auto Writer"),
        ("Kim Min-ji reporter", "Kim Min-ji reporter"),
    ],
)
def test_byline_lines_are_recognised(line, credit):
    assert byline_of(line) == credit


@pytest.mark.parametrize(
    "line",
    [
        "By contributing to the fund, you help us stay free.",
        "By Wednesday the vote was over.",
        "The reporter said the minister had resigned.",
        "Russia last week vetoed a draft UN Security Council resolution.",
    ],
)
def test_sentences_are_not_bylines(line):
    assert byline_of(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Donate",
        "Share this article",
        "Follow us on Twitter and Facebook",
        "ADVERTISEMENT",
        "TEXT AD: To advertise here call 0800 123 4567",
        "We use cookies to improve your experience. By continuing you accept our policy.",
        "© 2022 Example Media. All rights reserved.",
        "Sign up for our daily newsletter",
        "READ ALSO: Ten things to know about the vote",
    ],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The vote saw 141 countries in favour, five against and 35 abstaining.",
        "“We need to at least stop bombing people,” he said.",
        "Share prices fell 3% on Monday after the company missed its forecasts.",
        "The ministry said it would follow the court's ruling on the matter.",
    ],
)
def test_news_lines_are_not_furniture(line):
    assert not is_furniture(line)
    assert not is_code(line)


def test_code_lines():
    for line in (
        "})();",
        "var s = document.getElementsByTagName('script')[0];",
        "fbds.async = true;",
        "_fbq.loaded = true;",
    ):
        assert is_code(line)


def test_hard_wrapped_text_is_rejoined_into_paragraphs():
    para = (
        "The council met on Tuesday to discuss the budget for the coming year and\n"
        "agreed after a long debate that the library would stay open on Sundays,\n"
        "a decision welcomed by residents who had campaigned for it since the\n"
        "spring."
    )
    article = clean_text("Council keeps library open\n\n" + para + "\n\nA second paragraph here.")
    assert article.title == "Council keeps library open"
    assert len(article.paragraphs) == 2
    assert "and agreed after" in article.text


def test_date_line_becomes_published():
    article = clean_text(
        "Big storm hits the coast\nPublished: March 3, 2022\n"
        "The storm arrived overnight and left thousands without power."
    )
    assert article.published == "2022-03-03"
    assert "March 3" not in article.text


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Donate\nShare\n})();"])
def test_no_article_text_is_a_one_line_error(text):
    with pytest.raises(NoArticleError):
        clean_text(text)


PAGE_TEXT = """Home
News
Sport
Sign in
Council keeps library open on Sundays
By Ana Ruiz | May 9, 2023, 10:02 AM
Photo: Jane Roe | Getty Images
The city council voted on Tuesday to keep the central library open on Sundays, reversing it.
The vote was 7 to 2, after a debate that lasted most of the afternoon and drew a full gallery.
What happens next
The mayor said the city would look for savings elsewhere in the budget to pay for the extra hours.
Sunday opening will resume from the first week of next month, the library said in a statement.
Related
Council budget vote delayed again
Library roof repairs to begin in June
Most read
12 comments
JohnD
This is great news for students, who have nowhere else quiet to study at the weekend.
Reply
3 hours ago
MaryK
Finally some common sense from the council, but who pays for it in the end?
Reply
We use cookies to improve your experience on this website. By continuing you agree.
© 2023 City Gazette. All rights reserved."""


def test_page_text_keeps_the_story_and_its_head_only():
    article = clean_text(PAGE_TEXT)
    assert article.title == "Council keeps library open on Sundays"
    assert article.byline == "Ana Ruiz"
    assert article.published == "2023-05-09"
    texts = [article.text[s:e] for s, e in article.paragraphs]
    assert texts[0].startswith("The city council voted on Tuesday")
    assert "What happens next" in texts  # a subhead between story paragraphs stays
    assert texts[-1].startswith("Sunday opening will resume")
    for junk in (
        "Sign in",
        "Getty",
        "Related",
        "budget vote delayed",
        "comments",
        "students",
        "Reply",
        "cookies",
        "rights reserved",
    ):
        assert junk not in article.text


def test_a_list_the_story_announces_is_kept_but_an_author_bio_is_not():
    text = "\n".join(
        [
            "Band announces reunion tour",
            "The band will tour North America next summer for the first time in a decade.",
            "Tickets go on sale on Friday morning through the usual outlets, the promoter said.",
            "The tour dates are:",
            "June 9 - West Palm Beach, FL",
            "June 10 - Tampa, FL",
            "June 14 - Alpharetta, GA",
            "Share this article",
            "About Jane Roe",
            "Jane Roe writes about music for the paper and has covered the band since 1999.",
        ]
    )
    article = clean_text(text)
    assert "June 14 - Alpharetta, GA" in article.text
    assert "Share" not in article.text
    assert "Jane Roe writes" not in article.text


def test_no_clean_with_windows_line_endings_splits_like_unix_text():
    raw = "Storm hits the coast\r\n\r\nThe storm arrived overnight.\r\n\r\nPower is back.\r\n"
    article = clean_text(raw, clean=False)
    assert len(article.text) == len(raw)
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        "Storm hits the coast",
        "The storm arrived overnight.",
        "Power is back.",
    ]


def test_pasted_clean_article_keeps_its_short_lines_and_lists():
    items = [f"Item {i} on the list" for i in range(1, 16)]
    text = "\n".join(
        [
            "What the budget means for you",
            "The city published its budget on Tuesday, with changes for most households.",
            *items,
            "The council will vote on the plan next month.",
            "Residents can comment until then.",
        ]
    )
    article = clean_text(text)
    assert article.title == "What the budget means for you"
    for line in [*items, "Residents can comment until then."]:
        assert line in article.text
