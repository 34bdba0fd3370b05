"""Plain text (pasted or saved from a page) into an article: keep the story, drop furniture.

First every line is judged on its own shape, never on the words of any one site:
- code: the punctuation density of JavaScript/CSS (braces, semicolons, `=`), keywords such as
  `function`/`var`, lines that are only brackets;
- appeals: money vocabulary (donate, subscribe, contribute, costs money) together with the
  press (journalism, reporting, free access) and a direct address ("you", "we", an imperative
  such as "Support ..."); a line with the vocabulary but no address goes only when it sits
  inside a run of appeal lines (the paragraphs of a donation box); a subscription offer with
  a price;
- furniture: one-word calls to action ("Donate", "Share", "Advertisement"), advertising and
  contact lines with phone numbers, share/follow lines, cookie notices and cookie-policy
  prose, copyright and credit lines, comment-thread markers ("Reply", "3 hours ago"),
  "Read more" links.
Then the story is found as a whole (this matters for text copied from a whole page): the
largest run of prose lines, weighted by how densely prose fills it (comment threads and teaser
lists interleave names, dates and headlines), joined with neighbouring dense runs across
small inserts; short edge sentences and lists the story announces with a colon belong to it.
Inside it, datelines, cut-off teasers and headline lists beside furniture go.
- byline: a short line naming people with a reporter's role ("By X", "Reporter X",
  "X, Reuters"), above the story or closing it; it becomes `byline` and leaves the body.
- headline: the first headline-shaped line above the story (short, no closing period); it
  becomes the title and leaves the body; a deck under it stays. Text without a headline gets
  a title cut from its first sentence (and a warning saying so); its body is left whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.article import Article, display_safe, paragraph_spans
from store.clean.lines import (
    appeal_strength,
    is_code,
    is_furniture,
)
from store.clean.metadata import parse_date
from store.errors import NoArticleError

# --- byline, headline, title ---------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_PARTICLE = r"de|da|van|von|der|bin|al|el|la|le"
_NAME = rf"[{_UPPER}][\w'’.-]*(?:\s+(?:[{_UPPER}][\w'’.-]*|{_PARTICLE}))" r"{0,4}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\b(?i:and)\b|&)\s*{_NAME})*"
_ROLE = (
    r"(?i:(?:senior\s+|chief\s+|staff\s+|special\s+|foreign\s+|political\s+)?"
    r"(?:reporters?|correspondents?|writers?|editors?|journalists?|authors?|columnists?))"
)
_AGENCY = (
    r"(?i:reuters|ap|afp|associated\s+press|bloomberg|dpa|efe|ansa|xinhua|yonhap|kyodo|tass|"
    r"upi|pa|cnn|bbc|al\s+jazeera|agencies|wires?|" + _ROLE + r")"
)
# Names are matched case-sensitively (capitalised words), so "By Wednesday the vote..." and
# "By contributing to..." are sentences, not credits; role and agency words match any case.
_BYLINE_PATTERNS = (
    re.compile(
        rf"^(?i:by|written\s+by|story\s+by|words\s+by|reporting\s+by)\s*:?\s+({_NAMES}"
        r"(?:\s*[,|/–-]\s*[^.!?]{1,40})?)\.?$"
    ),
    re.compile(rf"^({_ROLE}\s*:?\s+{_NAMES}(?:\s*[\(\[]?\S+@\S+[\)\]]?)?)$"),
    re.compile(rf"^({_NAMES}\s*(?:,|\||–|-|/)\s*{_AGENCY})\.?$"),
    re.compile(rf"^({_NAMES}\s+{_ROLE}(?:\s*[\(\[]?\S+@\S+[\)\]]?)?)$"),
)


def byline_of(line: str) -> str | None:
    """The credit a byline line gives ("By" dropped, roles kept), or None for any other line."""
    if len(line) > 90 or len(line.split()) > 12:
        return None
    for pattern in _BYLINE_PATTERNS:
        m = pattern.match(line.strip())
        if m and _has_capitalised_name(m.group(1)):
            # "By X | May 9, 2023" credits X: a trailing part with digits is a date or time.
            return re.sub(r"\s*[|,/–—-]\s*[^|,/–—-]*\d.*$", "", m.group(1)).strip()
    return None


def _has_capitalised_name(text: str) -> bool:
    # IGNORECASE lets role words match in any case but would also let "by contributing to"
    # pass as a name: insist on a capitalised word that is not a role or agency word.
    for word in re.findall(r"[\w'’.-]+", text):
        if word[0].isupper() and not re.fullmatch(_AGENCY, word, re.IGNORECASE):
            return True
    return False


def looks_like_headline(line: str) -> bool:
    """Short, no closing period or colon, several words: how headlines and subheads look."""
    words = line.split()
    if not 3 <= len(words) <= 25 or len(line) > 180:
        return False
    if re.search(r"[.,;:]$", line.rstrip("’'\"” ")) and not line.endswith("..."):
        return False
    return any(c.isalpha() for c in line)


def looks_like_prose(line: str) -> bool:
    """A sentence or more: enough words and a sentence end (or enough CJK characters).

    A teaser cut off mid-word ("...now available via Windows 10 Update Ass...") is not."""
    if re.search(r"\w(?:\.\.\.|…)$", line):
        return False
    if re.search(r"[。！？][」』”）)]*$", line):
        return len(line) >= 25
    return len(line.split()) >= 8 and bool(re.search(r"[.!?…][\"'”’)]*$", line))


_RELATIVE_TIME = re.compile(
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|"
    r"^\W*(?:updated|published|posted|last\s+(?:updated|modified)|modified)\b",
    re.IGNORECASE,
)


def is_dateline(line: str) -> bool:
    """A short line carrying a date or time and no sentence: "By X | November 18, 2019"."""
    if len(line.split()) > 16 or looks_like_prose(line):
        return False
    return bool(_RELATIVE_TIME.search(line) or parse_date(line))


_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?]['\"”’]?(?=\s|$)")
_TITLE_MAX = 90


def title_from_sentence(paragraph: str) -> str:
    """The first sentence, cut at a word boundary when too long for a title."""
    m = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: m.start()] if m else paragraph
    sentence = sentence.strip()
    if len(sentence) <= _TITLE_MAX:
        return sentence
    clause = re.split(r",\s", sentence)[0]
    if 30 <= len(clause) <= _TITLE_MAX:
        return clause
    cut = sentence[:_TITLE_MAX].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-– ") + "…"


_DATE_LINE = re.compile(
    r"^\W*(?:(?:published|updated|posted|last\s+updated|date|modified)\s*(?:on|at)?\s*:?\s*)?"
    r"(.{6,60})$",
    re.IGNORECASE,
)


def date_of_line(line: str) -> str | None:
    """The ISO date of a line that is only a (published/updated) date."""
    if len(line) > 80:
        return None
    m = _DATE_LINE.match(line.strip())
    return parse_date(m.group(1), whole=True) if m else None


# --- line splitting ------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    drop: bool = False
    appeal: int = 0


def split_units(text: str) -> list[str]:
    """The text's paragraphs: lines, or blank-line blocks whose hard-wrapped lines are rejoined."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    # Wrapped prose: every line but the last fills nearly the same width and most do not end a
    # sentence; a list of short paragraphs (one per line) does not look like that.
    if len(lines) < 3:
        return False
    body = lines[:-1]
    width = max(len(ln) for ln in body)
    if width > 120 or width < 40:
        return False
    full = sum(1 for ln in body if len(ln) >= 0.7 * width)
    open_ended = sum(1 for ln in body if not re.search(r"[.!?:\"”’]$", ln))
    return full >= 0.8 * len(body) and open_ended >= 0.5 * len(body)


# --- the cleaner ---------------------------------------------------------------------------


def clean_text(text: str, *, clean: bool = True) -> Article:
    """An article from plain text; with clean=False the text is kept exactly as given."""
    if not isinstance(text, str):
        raise NoArticleError("no article text found in the text")
    if not text.strip():
        raise NoArticleError("no article text found in the text (it is empty)")
    if not clean:
        return _verbatim(text)

    lines = [_Line(u) for u in split_units(text)]
    _mark_boilerplate(lines)
    head, body, tail = _story_parts(lines)
    if not body:
        raise NoArticleError("no article text found in the text")

    byline = next((c for c in map(byline_of, head + tail) if c), None)
    published = next((d for d in map(date_of_line, head) if d), None)
    if not published:
        published = next(
            (parse_date(ln) for ln in head if is_dateline(ln) and parse_date(ln)), None
        )
    head = [ln for ln in head if not byline_of(ln) and not is_dateline(ln)]
    title = ""
    warnings: list[str] = []
    if head and looks_like_headline(head[0]):
        title, head = head[0], head[1:]
    kept = [ln for ln in head if looks_like_headline(ln)] + body  # the deck under the headline
    if not byline:
        byline, kept = _take_byline(kept)
    if not published:
        published, kept = _take_date(kept)
    if (
        not title
        and len(kept) > 1
        and looks_like_headline(kept[0])
        and not looks_like_prose(kept[0])
    ):
        title, kept = kept[0], kept[1:]
    if not kept:
        raise NoArticleError("no article text found in the text")
    if not title:
        title = title_from_sentence(kept[0])
        warnings.append("no headline in the text: title taken from the first sentence")
    article = Article.from_paragraphs(
        kept, title=display_safe(title), byline=byline, published=published
    )
    article.warnings.extend(warnings)
    return article


# Lines of non-prose allowed between two prose lines of one story (subheads, a caption, an
# inline ad); a longer run of short lines is a menu, a teaser list or a footer.
_STORY_GAP = 4
# Lines looked at above the story for its headline, deck, byline and date.
_HEAD_LINES = 6


def _list_lead(line: _Line) -> bool:
    """ "The tour dates are:" - a short line that announces what follows."""
    return not line.drop and line.text.endswith(":") and 2 <= len(line.text.split()) <= 25


def _short_sentence(line: _Line) -> bool:
    text = line.text
    return (
        not line.drop
        and 2 <= len(text.split()) < 8
        and text[0].isupper()
        and bool(re.search(r"\w[.!?][\"'”’)]*$", text))
    )


def _story_parts(lines: list[_Line]) -> tuple[list[str], list[str], list[str]]:
    """(lines just above the story, the story's lines, lines just below) of a text.

    The story is the largest run of prose lines (counted in words) in which no more than
    _STORY_GAP other lines come between two prose lines; a neighbouring run joins it when
    only short, non-furniture lines separate them (a list or subheads inside the story).
    Text without any prose line is kept whole, minus the furniture.
    """
    prose = [i for i, ln in enumerate(lines) if not ln.drop and looks_like_prose(ln.text)]
    if not prose:
        return [], [ln.text for ln in lines if not ln.drop], []
    if not any(ln.drop for ln in lines):
        # Nothing in the text is furniture: it is an article pasted on its own, lists and
        # short lines included. Only its headline and byline are told apart.
        head = [lines[0].text] if looks_like_headline(lines[0].text) and len(lines) > 1 else []
        body = [ln.text for ln in lines[len(head) :]]
        if len(body) > 1 and byline_of(body[-1]):
            return head, body[:-1], body[-1:]
        return head, body, []
    runs: list[list[int]] = []  # [first, last, words]
    for i in prose:
        words = len(lines[i].text.split())
        if runs and i - runs[-1][1] - 1 <= _STORY_GAP:
            runs[-1][1] = i
            runs[-1][2] += words
        else:
            runs.append([i, i, words])

    prose_upto = [0] * (len(lines) + 1)  # prose lines before each line: counts in O(1)
    for i in prose:
        prose_upto[i + 1] = 1
    for i in range(len(lines)):
        prose_upto[i + 1] += prose_upto[i]

    def prose_in(run: list[int]) -> int:
        return prose_upto[run[1] + 1] - prose_upto[run[0]]

    def density(run: list[int]) -> float:  # prose lines among the lines the run spans
        return prose_in(run) / (run[1] - run[0] + 1)

    # A story's paragraphs follow each other; comments and teaser lists interleave their
    # prose with names, dates and headlines, so words count in proportion to density.
    k = max(range(len(runs)), key=lambda j: runs[j][2] * density(runs[j]))
    start, end = runs[k][0], runs[k][1]

    def joins(a: int, b: int, run: list[int]) -> bool:
        # Across a few clean lines (a list, subheads), or across a boxed insert (related
        # links, an ad) when the other side is itself dense story-like prose.
        # A teaser list (headline, author, first sentence, ...) is sparse and never joins;
        # a lone paragraph beyond several short lines is a standfirst or a caption.
        gap_is_clean = not any(ln.drop for ln in lines[a:b])
        count = prose_in(run)
        if density(run) < 0.5:
            return False
        if b - a <= 3 * _STORY_GAP and gap_is_clean and (count >= 2 or b - a <= _STORY_GAP + 2):
            return True
        return b - a <= 5 * _STORY_GAP and density(run) >= 0.7 and count >= 3

    left, right = k - 1, k + 1
    while left >= 0 and joins(runs[left][1] + 1, start, runs[left]):
        start, left = runs[left][0], left - 1
    while right < len(runs) and joins(end + 1, runs[right][0], runs[right]):
        end, right = runs[right][1], right + 1

    # Short sentences at either edge ("He was 82.") belong to the story; menus and teasers
    # around it are not sentences.
    while end + 1 < len(lines) and _short_sentence(lines[end + 1]):
        end += 1
    while start > 0 and _short_sentence(lines[start - 1]):
        start -= 1
    # A story line ending in a colon announces a list ("Tour dates:"): its short items are
    # the story's too, up to the first furniture line.
    if end + 1 < len(lines) and _list_lead(lines[end + 1]):
        end += 1
    if lines[end].text.endswith(":"):
        while end + 1 < len(lines) and not lines[end + 1].drop and end - start < 5000:
            end += 1

    head: list[str] = []
    for ln in reversed(lines[max(0, start - _HEAD_LINES) : start]):
        if ln.drop:
            continue
        if len(ln.text.split()) <= 3 and not byline_of(ln.text) and not date_of_line(ln.text):
            break  # a menu item: the story's head is below it
        head.insert(0, ln.text)
    _drop_inserts(lines, start, end)
    end = _before_about_section(lines, start, end)
    body = [ln.text for ln in lines[start : end + 1] if not ln.drop]
    tail = [ln.text for ln in lines[end + 1 : end + 4] if not ln.drop]
    return head, body, tail


def _drop_inserts(lines: list[_Line], start: int, end: int) -> None:
    """Boxed inserts inside the story: lists of headlines next to furniture, cut teasers.

    Two or more short non-prose lines in a row that touch a furniture line ("Related",
    "Most read") are that box's headlines; a headline cut off with "..." is a teaser;
    a line with a date and no sentence is a dateline.
    """
    i = start
    while i <= end:
        if lines[i].drop or looks_like_prose(lines[i].text):
            ln = lines[i]
            if not ln.drop and is_dateline(ln.text):
                ln.drop = True
            i += 1
            continue
        j = i
        while j + 1 <= end and not lines[j + 1].drop and not looks_like_prose(lines[j + 1].text):
            j += 1
        touches_furniture = (i > 0 and lines[i - 1].drop) or (
            j + 1 < len(lines) and lines[j + 1].drop
        )
        announced = i > 0 and lines[i - 1].text.endswith(":") and not lines[i - 1].drop
        if announced or any(ln.text.endswith(":") for ln in lines[i:j]):
            i = j + 1  # a list the story announced ("Tour dates:") is the story's
            continue
        for ln in lines[i : j + 1]:
            cut_teaser = bool(re.search(r"\w(?:\.\.\.|…)$", ln.text))
            if (j > i and touches_furniture) or cut_teaser or is_dateline(ln.text):
                ln.drop = True
        i = j + 1


# "About the author" or "About <First Last>" (a person: two to four capitalised words). A
# company's "About Acme" boilerplate closing a press release is often part of the text.
_ABOUT = re.compile(
    r"^\W*+(?i:about|über|à\s+propos\s+de|sobre|acerca\s+de)\s++(?:(?i:the\s+authors?)|"
    rf"[{_UPPER}][\w.'’-]*+(?:\s++[{_UPPER}][\w.'’-]*+){{1,3}})\s*$"
)


def _before_about_section(lines: list[_Line], start: int, end: int) -> int:
    """The story ends before a closing "About the author" / "About <Company>" section."""
    for i in range(max(start + 1, end - 8), end + 1):
        if not lines[i].drop and _ABOUT.match(lines[i].text) and i > start + (end - start) // 2:
            return i - 1
    return end


def _mark_boilerplate(lines: list[_Line]) -> None:
    for ln in lines:
        ln.appeal = appeal_strength(ln.text)
        ln.drop = is_code(ln.text) or is_furniture(ln.text) or ln.appeal == 2
    # A code block's short fragments ("}", "s.async = true") are code too, as are appeal
    # paragraphs without an address that sit in an appeal run. A line's fate changes only
    # when a neighbour is dropped, so only the neighbours of a new drop are looked at again
    # (a sweep until nothing changes costs the square of the line count).
    code = [False] * len(lines)
    for i, ln in enumerate(lines):
        code[i] = ln.drop and is_code(ln.text)

    def joins_drops(i: int) -> bool:
        ln = lines[i]
        prev_drop = i > 0 and lines[i - 1].drop
        next_drop = i + 1 < len(lines) and lines[i + 1].drop
        if ln.appeal == 1 and (prev_drop or next_drop):
            return True
        return (
            prev_drop
            and next_drop
            and code[i - 1]
            and code[i + 1]
            and not looks_like_prose(ln.text)
        )

    todo = list(range(len(lines)))
    while todo:
        i = todo.pop()
        if lines[i].drop or not joins_drops(i):
            continue
        lines[i].drop = True
        todo += [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]


def _take_byline(kept: list[str]) -> tuple[str | None, list[str]]:
    # Bylines sit among the first lines (under the headline) or close the story.
    n = len(kept)
    for i in [*range(min(4, n)), *range(max(n - 2, 4), n)]:
        credit = byline_of(kept[i])
        if credit:
            return credit, kept[:i] + kept[i + 1 :]
    return None, kept


def _take_date(kept: list[str]) -> tuple[str | None, list[str]]:
    for i in range(min(5, len(kept))):
        date = date_of_line(kept[i])
        if date:
            return date, kept[:i] + kept[i + 1 :]
    return None, kept


def _verbatim(text: str) -> Article:
    """Already-clean text: offsets must point into the input as given, so nothing moves."""
    safe = display_safe(text)
    # Spans are found on a same-length copy where CR is a space, so CRLF text splits the same
    # as LF text; the canonical text keeps every character where it was.
    probe = text.replace("\r", " ").replace("\t", " ")
    if re.search(r"\n\s*\n", probe):
        spans = paragraph_spans(probe)
    else:  # one paragraph per line, as in text saved from a page
        spans = [
            (
                m.start() + len(m.group()) - len(m.group().lstrip()),
                m.end() - len(m.group()) + len(m.group().rstrip()),
            )
            for m in re.finditer(r"[^\n]+", probe)
            if m.group().strip()
        ]
    lines = [safe[s:e] for s, e in spans]
    title = ""
    if len(lines) > 1 and looks_like_headline(lines[0]) and not looks_like_prose(lines[0]):
        title = lines[0]
    warnings = []
    if not title and lines:
        title = title_from_sentence(lines[0])
        warnings.append("no headline in the text: title taken from the first sentence")
    byline = None
    for line in lines[:4] + lines[-2:]:
        byline = byline_of(line)
        if byline:
            break
    return Article(text=safe, paragraphs=spans, title=title, byline=byline, warnings=warnings)
