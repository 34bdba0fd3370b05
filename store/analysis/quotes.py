"""Direct quotations of an article with their speakers, and the article's index of speakers.

A quotation counts only when the article attributes it: quoted text with no reporting verb or
source nearby (scare quotes, titles, nicknames) is not a quotation. Everything is rule-based and
linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from store.analysis.attribution import (
    DOC_HEADS,
    ROLE_HEADS,
    Cue,
    Mention,
    People,
    cue_follows,
    cue_precedes,
    find_cues,
    is_skippable,
    mentions,
)
from store.analysis.quote_spans import CLOSERS, OPENERS, STRAIGHT, Span, paragraphs, scan

__all__ = ["Quote", "Speaker", "find_quotes", "find_speakers"]

_MARK_CHARS = OPENERS + CLOSERS + STRAIGHT
_HIDDEN = "\x00"  # stands in for quoted words, so no rule reads inside a quotation
_SENTENCE_END = re.compile(r"[.!?][\u201d\"\u00bb)]?\s+(?=[\u201c\"\u00abA-Z(])")
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|St|Jr|Sr|Lt|Col|Prof"
    r"|Rev|Capt|Sgt|Adm|Maj|Cpl|Cmdr|Hon|Ft|Mt|No|vs)|\b[A-Z])$"
)
_GAP_WORDS = {
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "with",
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "this",
    "last",
    "reporters",
    "interview",
    "statement",
    "briefing",
    "conference",
    "press",
    "news",
    "him",
    "them",
    "us",
    "me",
    "earlier",
    "later",
    "again",
    "also",
    "then",
    "simply",
    "once",
    "week",
    "month",
    "year",
    "morning",
    "night",
    "evening",
    "afternoon",
    "speech",
    "rally",
    "event",
    "post",
    "message",
    "tweet",
    "email",
    "letter",
    "told",
    "of",
    "audience",
    "crowd",
    "supporters",
    "voters",
    "online",
    "video",
    "televised",
    "telephone",
    "phone",
    "radio",
    "recent",
    "joint",
}
_GAP_TOKEN = re.compile(r"[\w.’'&\-]+")


def _direct_gap(gap: str) -> bool:
    """Whether only circumstances stand between a reporting verb and its quotation
    ('said in a statement on Monday:'), word by word so no pattern can backtrack."""
    gap = gap.rstrip(" ,:\u2014\u2013-\t\xa0")
    for tok in re.split(r"[\s,]+", gap):
        if not tok:
            continue
        if not _GAP_TOKEN.fullmatch(tok):
            return False
        low = tok.lower()
        if not (low in _GAP_WORDS or tok[0].isupper() or low.endswith(("day", "ly"))):
            return False
    return True


_LEAD_PUNCT = ",:;\u2014\u2013-("
_TRAIL_PUNCT = ",;:.?!)\u2014\u2013-"
_DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our"}
_MINOR = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "or", "&"}


@dataclass(frozen=True)
class Quote:
    """A quotation and who the article says it is from."""

    text: str  # the quotation, marks included
    start: int
    end: int
    speaker: str | None  # full name as the text spells it, a document ("the resolution"), or None
    speaker_start: int | None  # the mention that names the speaker
    speaker_end: int | None
    role: str | None  # "UN chief", "Russia's Foreign Minister", or a description of the unnamed
    cue: str | None  # the reporting verb or phrase: said, told, according to, ...
    kind: str  # "direct" (a whole quotation) or "mixed" (a fragment inside reported speech)
    ref_start: int | None = None  # the phrase at the cue that refers to the speaker ("he")
    ref_end: int | None = None
    via: str = "cue"  # how the speaker was found: cue, colon, subject, or carried from a quote


@dataclass(frozen=True)
class Speaker:
    """One person (or document) quoted in an article."""

    name: str
    role: str | None
    count: int


@dataclass
class _Found:
    span: Span
    sent_start: int
    sent_end: int
    after_end: int  # where a source named right after the quotation may end (“...?” Vitter asked.)
    source: Mention | None = None
    cue: Cue | None = None
    adjacent_cue: bool = False  # the cue introduces the quotation directly ("said:", "he said")
    via: str = "cue"
    inherited: _Found | None = None


def _mask(text: str, spans: list[Span]) -> str:
    """The text with quoted words hidden; marks and final punctuation stay, lengths unchanged."""
    parts = []
    pos = 0
    for sp in spans:
        parts.append(text[pos : sp.start])
        inner_end = sp.end - 2 if sp.closed and sp.end - sp.start >= 3 else sp.end
        keep_head = 1 if sp.opened else 0
        parts.append(text[sp.start : sp.start + keep_head])
        parts.append(_HIDDEN * (inner_end - sp.start - keep_head))
        parts.append(text[inner_end : sp.end])
        pos = sp.end
    parts.append(text[pos:])
    return "".join(parts)


def _sentence_starts(masked: str, start: int, end: int) -> list[int]:
    starts = [start]
    for m in _SENTENCE_END.finditer(masked, start, end):
        if _ABBREV_BEFORE.search(masked, max(start, m.start() - 5), m.start()):
            continue
        starts.append(m.end())
    return starts


_REACH = 400  # how far from a quotation its source is looked for, so long texts stay linear


def _sentence_of(starts: list[int], para_end: int, pos: int, end: int) -> tuple[int, int, int]:
    """The sentence holding [pos, end) (clipped to _REACH around it), and where the sentence
    after it ends."""
    i = bisect.bisect_right(starts, pos) - 1
    s = max(starts[max(i, 0)], pos - _REACH)
    j = bisect.bisect_left(starts, end)
    e = starts[j] if j < len(starts) else para_end
    after = starts[j + 1] if j + 1 < len(starts) else para_end
    return s, min(e, end + _REACH), min(after, end + _REACH)


def _clean_gap(gap: str) -> bool:
    """Only adverbs and auxiliaries between a subject and its verb ('Trump later said')."""
    return all(ch.isalpha() or ch.isspace() for ch in gap) and all(
        is_skippable(w) for w in gap.split()
    )


_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*$")


def _subject_before(masked: str, lo: int, hi: int) -> Mention | None:
    """The subject of a reporting verb at hi: the nearest source that leads straight to it, else
    the clause's first (“The resolution condemned X, and said ...”; “Warren endorsed Clinton,
    saying ...”)."""
    cands = [m for m in mentions(masked, max(lo, hi - 240), hi) if not m.object]
    if not cands:
        return None
    last = cands[-1]
    if _PARTICIPLE_AFTER_COMMA.search(masked, max(lo, hi - 3), hi) and masked[hi : hi + 12].split(
        " ", 1
    )[0].strip(",:").lower().endswith("ing"):
        return cands[0]
    gap = masked[last.end : hi]
    if _clean_gap(gap):
        return last
    g = gap.strip()
    if g.startswith(",") and g.endswith(",") and _HIDDEN not in g:  # Lavrov, in an interview, said
        return last
    if g.startswith("(") and g.endswith(")") and _HIDDEN not in g:  # McCaskill (D-Mo.) said
        return last
    return cands[0]


def _subject_after(masked: str, lo: int, hi: int, allow_object: bool = False) -> Mention | None:
    for m in mentions(masked, lo, min(hi, lo + 120)):
        gap = masked[lo : m.start]
        if gap.strip(" ,") and not allow_object:
            return None
        if not m.object or allow_object:
            return m
        return None
    return None


def _attribute_left(masked: str, f: _Found, lo: int, hi: int) -> bool:
    """A reporting verb before the quotation, in its sentence (or in a colon lead-in)."""
    cues = find_cues(masked, lo, hi)
    while cues:
        cue = cues.pop()
        phrase = cue.group().lower()
        if phrase in ("according to", "as saying"):
            subj = (
                _subject_after(masked, cue.end(), hi, allow_object=True)
                if phrase.startswith("according")
                else _subject_before(masked, lo, cue.start())
            )
        else:
            subj = _subject_before(masked, lo, cue.start()) or _subject_after(masked, cue.end(), hi)
        if subj is None:
            continue
        f.source, f.cue = subj, cue
        gap = masked[cue.end() : hi]
        if phrase == "according to":
            gap = masked[subj.end : hi]
        f.adjacent_cue = _HIDDEN not in gap and _direct_gap(gap) and not re.search(r"\bthat\b", gap)
        return True
    return False


def _attribute_right(masked: str, f: _Found) -> bool:
    """A reporting verb right after the quotation: “...,” he said / said Trump."""
    lo, hi = f.span.end, f.after_end
    window_end = min(hi, lo + 100)
    for cue in find_cues(masked, lo, window_end):
        between = masked[lo : cue.start()]
        if _HIDDEN in between:
            return False
        phrase = cue.group().lower()
        subj = None
        if phrase != "according to":
            subj = _subject_before(masked, lo, cue.start())
            lead = masked[lo : subj.start].strip(" \u2014\u2013-") if subj is not None else ""
            if (
                lead.endswith(",")
                and 0 < len(lead.split()) <= 6
                and subj is not None
                and subj.kind == "name"
                and _DET.match(lead.strip(", "))
            ):
                subj = replace(subj, role=subj.role or lead.strip(", "))  # another friend, X told
            elif subj is not None and lead.strip(" ,").lower() not in ("", "and", "but"):
                subj = None
        if subj is None and phrase != "according to":
            subj = _described(masked, lo, cue.start(), before=True)
        if subj is None:
            if between.strip(" ,\u2014\u2013-"):
                return False
            subj = _subject_after(
                masked, cue.end(), hi, allow_object=phrase == "according to"
            ) or _described(masked, cue.end(), hi, before=False)
        if subj is None:
            return False
        f.source, f.cue, f.adjacent_cue = subj, cue, True
        return True
    return False


# words separated by spaces, so each word can be read one way only (no backtracking blow-up)
_NP_WORDS = re.compile(
    r"[\s,]*([\w’'.\-]+(?:\s+[\w’'.\-]+){0,8}?)(?=\s*(?:,|\bwho\b|\bwhen\b|"
    r"\bas\b|\bbecause\b|$|\.|;))"
)
_DET = re.compile(r"^(?:the|a|an|his|her|their|its|one|another|this|that|[A-Z][\w’'\-]*)\b")


def _described(masked: str, lo: int, hi: int, before: bool) -> Mention | None:
    """A source given by description right at a quotation: “...,” a friend said / said a
    prominent member who ... / his nephew Michery el Soheil added."""
    if before:
        chunk = masked[lo:hi]
        words = chunk.strip().strip(",\u2014\u2013-").strip()
        if not words or len(words.split()) > 9 or _HIDDEN in chunk or not _DET.match(words):
            return None
        s = lo + chunk.index(words)
        e = s + len(words)
    else:
        m = _NP_WORDS.match(masked, lo, min(hi, lo + 120))
        if m is None or _HIDDEN in m.group(1) or not _DET.match(m.group(1)):
            return None
        words = m.group(1).strip().rstrip(".")
        s = m.start(1)
        e = s + len(words)
    found = mentions(masked, s, e)
    if found and found[-1].kind == "name" and found[-1].end == e and found[-1].start > s:
        # the description ends with the person's name: keep the name, the rest is the role
        last = found[-1]
        return replace(last, role=last.role or masked[s : last.start].strip(" ,\xa0"), object=False)
    head = re.split(r"\s(?:in|of|at|from|for|on|with|by)\s", words, maxsplit=1)[0].split()
    if head and head[-1].lower() in DOC_HEADS:
        return Mention("document", words, s, e)
    return Mention("description", words, s, e, role=words)


def _attribute_sentence_final(masked: str, f: _Found) -> bool:
    """'"...in place" and enact her agenda, Mr. Clyburn said.': a source closing the sentence."""
    lo, hi = f.span.end, f.sent_end
    if hi - lo > 300:
        return False
    cues = find_cues(masked, lo, hi)
    if not cues:
        return False
    cue = cues[-1]
    tail = masked[cue.end() : hi]
    if _HIDDEN in tail or "," in tail or len(tail.split()) > 6:
        return False
    comma = masked.rfind(",", max(lo, cue.start() - 82), cue.start())
    if comma < 0 or _HIDDEN in masked[comma : cue.start()]:
        return False
    start = comma + 1
    while start < cue.start() and masked[start].isspace():
        start += 1
    subj = _subject_before(masked, start, cue.start())
    if subj is None or subj.start != start:
        return False
    f.source, f.cue = subj, cue
    return True


def _named_enough(masked: str, m: Mention, people: People, sentence_start: int) -> bool:
    """Whether a capitalised word is a source without a reporting verb to vouch for it: a lone
    capitalised word opening its sentence must be someone the article names as a person
    ("Nothing really changed" is not somebody)."""
    if m.kind != "name" or m.name is None or len(m.name.split()) > 1 or m.role or m.honorific:
        return True
    opens_sentence = not masked[sentence_start : m.start].strip(' \u201c"(')
    return not opens_sentence or people.knows(m.name)


def _attribute_colon(masked: str, f: _Found, lo: int, hi: int, people: People) -> bool:
    """A lead-in ending with a colon at hi: its reporting verb, or else its subject
    ("Article 33 affirms:", "She then addressed the supporters again:")."""
    if _attribute_left(masked, f, lo, hi):
        f.adjacent_cue = True
        f.via = "colon"
        return True
    subj = _subject_before(masked, lo, hi - 1)
    if (
        subj is None
        or subj.kind == "pronoun"
        and subj.text.lower() not in ("he", "she")
        or not _named_enough(masked, subj, people, lo)
    ):
        return False
    f.source, f.adjacent_cue, f.via = subj, True, "colon"
    return True


def _attribute_sentence_subject(masked: str, f: _Found, people: People) -> bool:
    """'Trump openly admires Putin as a “strong leader,”': a fragment woven into a sentence is
    its subject's words when the subject is a person."""
    for m in mentions(masked, f.sent_start, f.span.start):
        if m.object:
            continue
        if len(masked[f.sent_start : m.start].split()) > 10:  # not in subject position
            return False
        person = m.kind == "name" and not m.org and _named_enough(masked, m, people, f.sent_start)
        if (
            person
            or m.kind == "description"
            or (m.kind == "pronoun" and m.text.lower() in ("he", "she"))
        ):
            f.source, f.via = m, "subject"
            return True
        return False
    return False


def _attribute_subject_first(masked: str, f: _Found, lo: int) -> bool:
    """The resolution “deplores ...”: a source right before a quotation that starts with a verb."""
    subj = _subject_before(masked, lo, f.span.start)
    if (
        subj is None
        or subj.end < f.span.start - 2
        or subj.kind == "pronoun"
        and subj.text.lower() == "it"
    ):
        return False
    f.source = subj
    f.via = "subject"
    return True


def _is_upper_start(inner: str) -> bool:
    for ch in inner:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return False


_TITLE_BEFORE = re.compile(
    r"(?:[’']s|\b(?:on|of|in|titled|entitled|show|book|memoir|film|movie|"
    r"program|programme|song|album|series|novel|column|play|hit|the))\s*$",
    re.IGNORECASE,
)


def _looks_like_title(inner: str) -> bool:
    """“Meet the Press.”, “Keep the Promise”: a short run of capitalised words."""
    words = inner.strip(" .,!?\u2026").split()
    if not words or len(words) > 6 or (len(words) == 1 and inner.rstrip()[-1:] in ".?!"):
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or w.lower() in _MINOR or not w[:1].isalpha() for w in words)


def _is_title(masked: str, inner: str, f: _Found) -> bool:
    """A name or title in quotation marks, not somebody's words."""
    if not _looks_like_title(inner):
        return False
    if _TITLE_BEFORE.search(masked, max(f.sent_start, f.span.start - 20), f.span.start):
        return True
    return not (f.adjacent_cue and f.source is not None)


def find_quotes(text: str) -> list[Quote]:
    """Every attributed quotation of the text, sorted by start."""
    if not isinstance(text, str) or not text:
        return []
    spans = scan(text)
    if not spans:
        return []
    masked = _mask(text, spans)
    people = _people(text, masked)

    found: list[_Found] = []
    sentence_starts: dict[int, list[int]] = {}
    for sp in spans:
        starts = sentence_starts.get(sp.para_start)
        if starts is None:
            starts = sentence_starts[sp.para_start] = _sentence_starts(
                masked, sp.para_start, sp.para_end
            )
        s, e, after = _sentence_of(starts, sp.para_end, sp.start, sp.end)
        if masked[sp.end : e].strip():  # the quotation does not end its sentence
            after = e
        found.append(_Found(sp, s, e, after))

    previous_para: dict[int, tuple[int, int]] = {}
    paras = paragraphs(text)
    for before, (s1, _e1) in zip(paras, paras[1:], strict=False):
        previous_para[s1] = before

    for f in found:
        sp = f.span
        inner = text[sp.start + (1 if sp.opened else 0) : sp.end - (1 if sp.closed else 0)]
        left = masked[f.sent_start : sp.start]
        if (
            _attribute_right(masked, f)
            or _attribute_left(masked, f, f.sent_start, sp.start)
            or _attribute_sentence_final(masked, f)
        ):
            continue
        colon = f.sent_start + len(left.rstrip())
        if left.rstrip().endswith(":") and _attribute_colon(masked, f, f.sent_start, colon, people):
            continue
        if left.strip():
            if not _is_upper_start(inner) and not _attribute_subject_first(masked, f, f.sent_start):
                _attribute_sentence_subject(masked, f, people)
            continue
        # a lead-in sentence ending with a colon, in this paragraph or the previous one
        lead_end = f.sent_start
        if lead_end == sp.para_start and sp.para_start in previous_para:
            lead_end = previous_para[sp.para_start][1]
        head = masked[max(0, lead_end - 300) : lead_end].rstrip()
        if head.endswith(":"):
            cut = max(head.rfind(". "), head.rfind("\n"), head.rfind(_HIDDEN))
            lo = max(0, lead_end - 300) + cut + 1
            if _attribute_colon(masked, f, lo, lo + len(head) - cut - 1, people):
                continue

    _inherit(found, text)

    quotes = []
    for f in found:
        q = _quote(text, masked, f, people)
        if q is not None:
            quotes.append(q)
    return quotes


def _inherit(found: list[_Found], text: str) -> None:
    """Carry a speaker to quotations that continue one: same sentence, paragraph, or the next."""
    prev: _Found | None = None
    for f in found:
        sp = f.span
        if f.source is None and prev is not None:
            same_para = prev.span.para_start == sp.para_start
            same_sentence = same_para and prev.sent_start == f.sent_start
            at_sentence_start = f.sent_start >= sp.start - 1
            continued = (
                not prev.span.closed
                and prev.span.end == prev.span.para_end
                and sp.start == sp.para_start
                and sp.opened
            )
            whole = (
                sp.start == sp.para_start
                and sp.opened
                and not sp.closed
                or (sp.start == sp.para_start and not text[sp.end : sp.para_end].strip())
            )
            next_para = not text[prev.span.para_end : sp.para_start].strip()
            if (
                same_sentence
                or (same_para and at_sentence_start)
                or continued
                or (whole and next_para)
            ):
                f.inherited = prev if prev.source is not None else prev.inherited
        prev = f if (f.source is not None or f.inherited is not None) else prev
    # a long quotation's opening paragraphs take the speaker named at its end
    nxt: _Found | None = None
    for f in reversed(found):
        sp = f.span
        if (
            f.source is None
            and f.inherited is None
            and nxt is not None
            and not sp.closed
            and sp.end == sp.para_end
            and nxt.span.start == nxt.span.para_start
            and nxt.span.opened
            and nxt.span.para_start > sp.para_end
            and not text[sp.para_end : nxt.span.para_start].strip()
        ):
            f.inherited = nxt if nxt.source is not None else nxt.inherited
        nxt = f


def _quote(text: str, masked: str, f: _Found, people: People) -> Quote | None:
    src = f
    if f.source is None:
        if f.inherited is None:
            return None
        src = f.inherited
    sp = f.span
    inner = text[sp.start + (1 if sp.opened else 0) : sp.end - (1 if sp.closed else 0)]
    if not inner.strip():
        return None
    if _is_title(masked, inner, f):
        return None
    speaker, s_start, s_end, role = _resolve(src.source, people, src.sent_start)
    left = masked[f.sent_start : sp.start].rstrip()
    right = masked[sp.end : f.sent_end].lstrip()
    lead_ok = (
        not left
        or left[-1] in _LEAD_PUNCT
        or (
            f.source is not None
            and f.adjacent_cue
            and f.cue is not None
            and f.cue.end() <= sp.start
        )
    )
    if f.source is None and f.inherited is not None and not left:
        lead_ok = True
    ends_sentence = inner.rstrip()[-1:] in ".?!\u2026" or not sp.closed
    trail_ok = (
        not right
        or right[0] in _TRAIL_PUNCT
        or ends_sentence
        and (right[0].isupper() or right[0] in _MARK_CHARS)
        or (f.cue is not None and f.cue.start() >= sp.end and f.adjacent_cue)
    )
    kind = (
        "direct"
        if (_is_upper_start(inner) or _resumes(masked, f)) and lead_ok and trail_ok
        else "mixed"
    )
    ref = src.source
    return Quote(
        text=text[sp.start : sp.end],
        start=sp.start,
        end=sp.end,
        speaker=speaker,
        speaker_start=s_start,
        speaker_end=s_end,
        role=role,
        cue=src.cue.group() if src.cue is not None else None,
        kind=kind,
        ref_start=ref.start if ref is not None else None,
        ref_end=ref.end if ref is not None else None,
        via=f.via if f.source is not None else "carried",
    )


_RESUMED = re.compile(
    r"[,\u2014\u2013-][\u201d\"]\s*[^\x00\u201c\u201d\"]{1,80}?[,\u2014\u2013-]\s*$"
)


def _resumes(masked: str, f: _Found) -> bool:
    """“We need to stop,” he said, “and then ...”: the second part continues a whole quotation."""
    return bool(
        f.source is not None
        and f.cue is not None
        and f.cue.end() <= f.span.start
        and _RESUMED.search(masked, max(f.sent_start, f.span.start - 90), f.span.start)
    )


_Resolved = tuple[str | None, int | None, int | None, str | None]


def _resolve(m: Mention | None, people: People, sentence_start: int) -> _Resolved:
    """Speaker name, the offsets of the mention that names it, and its role."""
    if m is None:
        return None, None, None, None
    if m.kind == "name":
        p = people.lookup(m)
        return p.name, m.name_start, m.name_end, m.role or p.role
    if m.kind == "document":
        first, _, rest = m.text.partition(" ")
        if first.lower() in _DETERMINERS:  # "The resolution" -> "the resolution"
            first = first.lower()
        return f"{first} {rest}".strip(), m.start, m.end, None
    if m.kind == "description":
        head = m.text.split()[-1]
        p = people.last_with_role(m.start, head)
        if p is not None and not head.lower().endswith("s"):
            return p.name, p.start, p.end, p.role or m.text
        return None, None, None, m.text
    low = m.text.lower()
    if low in ("he", "she"):
        hit = people.last_before(m.start, sentence_start)
        if hit is not None:
            p, s, e = hit
            return p.name, s, e, p.role
        return None, None, None, None
    if low == "it":
        doc = people.last_document(m.start)
        return doc, None, None, None
    return None, None, None, None


_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+([^,.;\x00]{0,60}?\b([\w.]+))\s*[,.;]")
_SPEAKER_END = re.compile(r"[\s]*(?:[,.;:\u2014\u2013]|who\b|$)")


def _people(text: str, masked: str) -> People:
    """Everyone the article names as a person, in order, for resolving later references."""
    people = People()
    for s, e in paragraphs(masked):
        for m in mentions(masked, s, e):
            if m.kind not in ("name", "document"):
                continue
            subject = cue_follows(masked, m.end, min(e, m.end + 40)) or (
                cue_precedes(masked, max(s, m.start - 30), m.start)
                and bool(_SPEAKER_END.match(masked, m.end, e))
            )
            if m.kind == "name" and not m.role and not m.org:
                apposition = _APPOSITION.match(masked, m.end, min(e, m.end + 90))
                if apposition and apposition.group(2).lower() in ROLE_HEADS:
                    m = replace(m, role=apposition.group(1))
            people.add(m, person=subject)
    return people


def find_speakers(quotes: list[Quote]) -> list[Speaker]:
    """One entry per named speaker (person or document), in order of first quotation."""
    order: dict[str, list] = {}
    for q in quotes:
        if not q.speaker:
            continue
        entry = order.setdefault(q.speaker, [q.role, 0])
        if entry[0] is None and q.role:
            entry[0] = q.role
        entry[1] += 1
    return [Speaker(name, role, count) for name, (role, count) in order.items()]
