"""Who is speaking: reporting verbs, the noun phrases around them, and who a pronoun points back to.

Rule-based and local: a quotation's source is the subject of the nearest reporting verb in its
sentence (or in the lead-in sentence ending with a colon). Names are kept as the text spells them;
short references ("Mr Lavrov", "Lavrov", "he", "the minister") are resolved to the person most
recently named in a fitting way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_CUE_WORDS = [
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "asked",
    "asks",
    "asking",
    "wrote",
    "writes",
    "writing",
    "tweeted",
    "tweets",
    "tweeting",
    "continued",
    "continues",
    "continuing",
    "replied",
    "replies",
    "replying",
    "responded",
    "responds",
    "stated",
    "states",
    "stating",
    "explained",
    "explains",
    "explaining",
    "described",
    "describes",
    "describing",
    "declared",
    "declares",
    "declaring",
    "pledged",
    "pledges",
    "reported",
    "reports",
    "argued",
    "argues",
    "arguing",
    "concluded",
    "concludes",
    "recalled",
    "recalls",
    "recalling",
    "announced",
    "announces",
    "accused",
    "accuses",
    "accusing",
    "remarked",
    "remarks",
    "remarking",
    "insisted",
    "insists",
    "insisting",
    "claimed",
    "claims",
    "claiming",
    "admitted",
    "admits",
    "answered",
    "answers",
    "shouted",
    "shouts",
    "exclaimed",
    "vowed",
    "vows",
    "vowing",
    "suggested",
    "suggests",
    "warned",
    "warns",
    "warning",
    "blasted",
    "boasted",
    "boasts",
    "praised",
    "mocked",
    "asserted",
    "asserts",
    "assured",
    "urged",
    "urges",
    "urging",
    "promised",
    "promises",
    "predicted",
    "predicts",
    "acknowledged",
    "acknowledges",
    "conceded",
    "concedes",
    "cautioned",
    "complained",
    "complains",
    "countered",
    "counters",
    "joked",
    "jokes",
    "quipped",
    "recounted",
    "observed",
    "observes",
    "emphasized",
    "emphasised",
    "stressed",
    "stresses",
    "maintained",
    "maintains",
    "contended",
    "demanded",
    "demands",
    "threatened",
    "testified",
    "posted",
    "chanted",
    "chanting",
    "called",
    "calls",
    "calling",
    "lamented",
    "laments",
    "charged",
    "charges",
    "noted",
    "notes",
    "noting",
    "wondered",
    "questioned",
    "cried",
    "yelled",
    "screamed",
    "whispered",
    "mused",
    "proclaimed",
    "confirmed",
    "denied",
    "denies",
    "conclude",
    "labeled",
    "labelled",
    "dubbed",
    "branded",
    "termed",
    "read",
    "reads",
    "thundered",
    "retorted",
    "sighed",
    "pressed",
    "offered",
    "cited",
    "cites",
    "touted",
    "touts",
    "scolded",
    "slammed",
    "slams",
    "dismissed",
    "hailed",
    "decried",
    "derided",
    "criticized",
    "criticised",
    "condemned",
    "pledging",
    "promising",
    "predicting",
    "describing",
    "quoted",
    "quoting",
    "replying",
    "snapped",
    "interjected",
    "summed",
    "recalled",
    "reiterated",
    "repeated",
    "explains",
    "advised",
    "advises",
    "affirmed",
    "affirms",
    "alleged",
    "alleges",
    "alleging",
    "insist",
    "insisting",
    "echoed",
    "agreed",
    "added",
    "apologized",
    "apologised",
    "begged",
    "boasting",
    "bragged",
    "complaining",
    "declaring",
    "demanding",
    "emailed",
    "texted",
    "messaged",
    "wrote",
    "headlined",
]
CUE_WORDS = frozenset(_CUE_WORDS)
# two-word cues: first word -> second word
_CUE_PHRASES = {
    "according": "to",
    "pointed": "out",
    "points": "out",
    "went": "on",
    "goes": "on",
    "as": "saying",
}
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


class Cue:
    """A reporting verb or phrase found in a text (start(), end() and group() like a match)."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


def _cue_at(text: str, m: re.Match[str], hi: int) -> Cue | None:
    w = m.group().lower()
    second = _CUE_PHRASES.get(w)
    if second is not None:
        n = _NEXT_WORD.match(text, m.end(), hi)
        if n is not None and n.group(1).lower() == second:
            return Cue(m.start(), n.end(), text[m.start() : n.end()])
    if w in CUE_WORDS:
        return Cue(m.start(), m.end(), m.group())
    return None


def find_cues(text: str, lo: int, hi: int) -> list[Cue]:
    """Reporting verbs between lo and hi: a word-by-word look-up, linear in the span."""
    out: list[Cue] = []
    skip_to = lo
    for m in _WORD.finditer(text, lo, hi):
        if m.start() < skip_to:
            continue
        cue = _cue_at(text, m, hi)
        if cue is not None:
            out.append(cue)
            skip_to = cue.end()
    return out


def is_skippable(word: str) -> bool:
    """Adverbs and auxiliaries that may stand between a subject and its reporting verb."""
    w = word.lower()
    return w in _SKIPPABLE or (w.endswith("ly") and len(w) > 3)


def cue_follows(text: str, pos: int, hi: int) -> bool:
    """Whether a reporting verb comes next after pos (past commas and adverbs)."""
    gap_start = pos
    for m in _WORD.finditer(text, pos, hi):
        if text[gap_start : m.start()].strip(" ,\t\xa0"):
            return False
        if _cue_at(text, m, hi) is not None:
            return True
        if not is_skippable(m.group()):
            return False
        gap_start = m.end()
    return False


def cue_precedes(text: str, lo: int, pos: int) -> bool:
    """Whether the last word before pos (past commas) is a reporting verb."""
    end = pos
    while end > lo and text[end - 1] in " ,\t\xa0":
        end -= 1
    start = end
    while start > lo and (text[start - 1].isalpha()):
        start -= 1
    return start < end and text[start:end].lower() in CUE_WORDS


PRONOUNS = {"he", "she", "they", "it", "i", "we"}
_CAPITAL_STOP = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "in",
    "on",
    "at",
    "for",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "as",
    "after",
    "before",
    "also",
    "earlier",
    "later",
    "however",
    "meanwhile",
    "still",
    "yet",
    "so",
    "then",
    "now",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "asked",
    "said",
    "told",
    "speaking",
    "according",
    "last",
    "next",
    "one",
    "some",
    "many",
    "both",
    "all",
    "no",
    "not",
    "with",
    "by",
    "from",
    "to",
    "of",
    "you",
    "we’re",
    "it’s",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yes",
    "well",
    "instead",
    "indeed",
    "since",
    "though",
    "although",
    "because",
    "despite",
    "during",
    "under",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame", "lord"}
ROLE_WORDS = {
    "president",
    "minister",
    "secretary",
    "chief",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ambassador",
    "mayor",
    "candidate",
    "nominee",
    "adviser",
    "advisor",
    "aide",
    "official",
    "officials",
    "head",
    "general",
    "gen.",
    "judge",
    "justice",
    "speaker",
    "negotiator",
    "commander",
    "attorney",
    "chancellor",
    "king",
    "queen",
    "prince",
    "pope",
    "vice",
    "deputy",
    "foreign",
    "prime",
    "former",
    "press",
    "ceo",
    "founder",
    "manager",
    "professor",
    "prof.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "adm.",
    "rev.",
    "reverend",
    "premier",
    "envoy",
    "diplomat",
    "analyst",
    "strategist",
    "pollster",
    "lawmaker",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "sheriff",
    "prosecutor",
    "lawyer",
    "economist",
    "editor",
    "reporter",
    "columnist",
    "correspondent",
    "anchor",
    "host",
    "owner",
    "executive",
    "officer",
    "coordinator",
    "consultant",
    "operative",
    "activist",
    "organizer",
    "supporter",
    "voter",
    "resident",
    "member",
    "expert",
    "scientist",
    "researcher",
    "commissioner",
    "treasurer",
    "superintendent",
    "administrator",
    "inspector",
    "counsel",
    "staffer",
    "emir",
    "sheikh",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
    "pastor",
    "father",
    "coach",
    "player",
    "mother",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "businessman",
    "businesswoman",
    "billionaire",
    "senior",
    "acting",
    "assistant",
    "associate",
    "state",
    "defense",
    "interior",
    "finance",
    "trade",
    "labor",
    "campaign",
    "house",
    "senate",
    "party",
    "democratic",
    "republican",
    "majority",
    "minority",
    "whip",
    "un",
    "u.n.",
    "eu",
    "top",
    "white",
    "national",
    "security",
    "affairs",
    "of",
    "the",
}
ROLE_HEADS = {
    "president",
    "minister",
    "secretary",
    "chief",
    "senator",
    "representative",
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ambassador",
    "mayor",
    "candidate",
    "nominee",
    "adviser",
    "advisor",
    "aide",
    "official",
    "head",
    "general",
    "judge",
    "justice",
    "speaker",
    "negotiator",
    "commander",
    "attorney",
    "chancellor",
    "king",
    "queen",
    "prince",
    "pope",
    "premier",
    "envoy",
    "diplomat",
    "analyst",
    "strategist",
    "pollster",
    "lawmaker",
    "congressman",
    "congresswoman",
    "sheriff",
    "prosecutor",
    "lawyer",
    "economist",
    "editor",
    "reporter",
    "columnist",
    "correspondent",
    "anchor",
    "host",
    "owner",
    "executive",
    "officer",
    "coordinator",
    "consultant",
    "operative",
    "activist",
    "organizer",
    "expert",
    "scientist",
    "researcher",
    "commissioner",
    "treasurer",
    "administrator",
    "inspector",
    "counsel",
    "staffer",
    "manager",
    "founder",
    "ceo",
    "professor",
    "businessman",
    "businesswoman",
    "billionaire",
    "pastor",
    "bishop",
    "rabbi",
    "imam",
    "coach",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "prof.",
    "rev.",
}
DOC_HEADS = {
    "resolution",
    "statement",
    "report",
    "letter",
    "bill",
    "document",
    "lawsuit",
    "complaint",
    "memo",
    "ruling",
    "decision",
    "indictment",
    "filing",
    "declaration",
    "communique",
    "communiqué",
    "agreement",
    "release",
    "ad",
    "advertisement",
    "sign",
    "tweet",
    "post",
    "email",
    "platform",
    "editorial",
    "study",
    "survey",
    "poll",
    "law",
    "treaty",
    "petition",
    "motion",
    "constitution",
    "verdict",
    "order",
    "draft",
    "text",
    "note",
    "proposal",
    "plan",
    "message",
    "website",
    "site",
    "article",
    "column",
    "book",
    "caption",
    "banner",
    "headline",
    "guidance",
    "policy",
    "transcript",
    "cable",
    "warrant",
    "opinion",
    "brief",
    "court",
    "charter",
    "video",
}
ORG_WORDS = {
    "assembly",
    "council",
    "nations",
    "house",
    "party",
    "committee",
    "department",
    "ministry",
    "agency",
    "court",
    "congress",
    "senate",
    "union",
    "association",
    "university",
    "times",
    "post",
    "news",
    "network",
    "company",
    "inc",
    "corp",
    "group",
    "institute",
    "foundation",
    "bank",
    "fund",
    "organization",
    "organisation",
    "office",
    "army",
    "forces",
    "police",
    "government",
    "administration",
    "campaign",
    "commission",
    "board",
    "club",
    "league",
    "church",
    "school",
    "press",
    "media",
    "journal",
    "magazine",
    "tv",
    "radio",
    "center",
    "centre",
    "service",
    "services",
    "bureau",
    "states",
    "republic",
    "kingdom",
    "federation",
    "street",
    "tribune",
    "herald",
    "guardian",
    "reuters",
    "cnn",
    "msnbc",
    "fox",
    "nbc",
    "abc",
    "cbs",
    "npr",
    "bbc",
    "ap",
    "pac",
    "gop",
    "fbi",
    "cia",
    "nato",
    "kremlin",
    "pentagon",
    "parliament",
    "cabinet",
    "embassy",
    "coalition",
    "alliance",
    "movement",
    "caucus",
    "corporation",
    "industries",
    "airlines",
    "unit",
    "division",
    "team",
    "staff",
}
PREPOSITIONS = {
    "with",
    "by",
    "to",
    "of",
    "in",
    "on",
    "at",
    "from",
    "for",
    "about",
    "against",
    "into",
    "than",
    "like",
    "toward",
    "towards",
    "over",
    "under",
    "between",
    "among",
    "through",
    "without",
    "including",
    "via",
    "upon",
    "after",
    "before",
    "during",
    "behind",
    "whom",
    "as",
}
_SKIPPABLE = {
    "also",
    "has",
    "had",
    "have",
    "would",
    "will",
    "later",
    "then",
    "previously",
    "once",
    "again",
    "just",
    "further",
    "never",
    "often",
    "already",
    "simply",
    "was",
    "is",
    "reportedly",
    "then-",
    "subsequently",
    "famously",
    "even",
    "first",
    "did",
    "does",
    "do",
    "recently",
    "repeatedly",
    "publicly",
    "privately",
    "separately",
    "finally",
    "ultimately",
}
_ABBREV = {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "st.",
    "jr.",
    "sr.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "adm.",
    "prof.",
    "rev.",
    "u.s.",
    "u.n.",
    "d.c.",
}

_TOKEN = re.compile(r"[^\W_][\w’'\-]*(?:\.[^\W_][\w’'\-]*)*\.?|[,;:()\u2014\u2013]")


@dataclass(frozen=True)
class Mention:
    """A noun phrase that can be a source: a name, a pronoun, a description or a document."""

    kind: str  # "name", "pronoun", "description", "document"
    text: str  # the phrase as written
    start: int
    end: int
    name: str | None = None  # the name part (without role or honorific) for kind "name"
    name_start: int | None = None
    name_end: int | None = None
    role: str | None = None
    honorific: bool = False
    org: bool = False  # names an institution rather than a person
    object: bool = False  # follows a preposition: can be referred back to, but is not a subject


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        w, s, e = m.group(), m.start(), m.end()
        if w.endswith(".") and len(w) > 2 and w.lower() not in _ABBREV and "." not in w[:-1]:
            out.append((w[:-1], s, e - 1))
            out.append((".", e - 1, e))  # a full stop: no phrase runs across it
            continue
        out.append((w, s, e))
    return out


def _is_capital(w: str) -> bool:
    return w[:1].isupper() and w.lower() not in _CAPITAL_STOP


def _np_token(w: str) -> bool:
    lw = w.lower()
    return _is_capital(w) or lw in ROLE_WORDS or lw in HONORIFICS or lw in DOC_HEADS


def _strip_possessive(w: str) -> str:
    for tail in ("’s", "'s", "’", "'"):
        if w.endswith(tail) and len(w) > len(tail):
            return w[: -len(tail)]
    return w


def mentions(text: str, lo: int, hi: int) -> list[Mention]:
    """Candidate sources between lo and hi, in order, each tagged with what precedes it."""
    toks = _tokens(text, lo, hi)
    out: list[Mention] = []
    i = 0
    n = len(toks)
    while i < n:
        w, s, e = toks[i]
        lw = w.lower()
        prev = toks[i - 1][0].lower() if i else ""
        if lw in PRONOUNS:
            if prev not in PREPOSITIONS:
                out.append(Mention("pronoun", w, s, e))
            i += 1
            continue
        j = i
        det = lw in {"the", "a", "an"}
        if det:
            j += 1
        k = j
        while k < n and (
            _np_token(toks[k][0])
            or (
                toks[k][0].lower() in {"of", "the"}
                and k > j
                and k + 1 < n
                and _np_token(toks[k + 1][0])
            )
            or _describes_name(toks, k, j)
        ):
            if k > j and toks[k - 1][0].endswith(("’s", "'s")) and not _np_token(toks[k][0]):
                break
            k += 1
        if k == j:
            i += 1
            continue
        m = _classify(text, toks[i:k], det, prev)
        if m is not None:
            out.append(m)
        i = k
    return out


NAME_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "de",
    "del",
    "della",
    "der",
    "den",
    "van",
    "von",
    "da",
    "di",
    "du",
    "la",
    "le",
    "dos",
    "das",
    "ter",
    "abu",
}


def _describes_name(toks: list[tuple[str, int, int]], k: int, j: int) -> bool:
    """'Clinton ally James Carville': a common noun between a name and the named person;
    'Michery el Soheil': a particle inside a name."""
    if (
        k > j
        and k + 1 < len(toks)
        and toks[k][0] in NAME_PARTICLES
        and _is_capital(toks[k - 1][0])
        and _is_capital(toks[k + 1][0])
    ):
        return True
    return (
        k > j
        and k + 2 < len(toks)
        and toks[k][0].islower()
        and toks[k][0].isalpha()
        and _is_capital(toks[k - 1][0])
        and _is_capital(toks[k + 1][0])
        and _is_capital(toks[k + 2][0])
        and _is_person_noun(toks[k][0])
    )


_PERSON_SUFFIXES = (
    "ist",
    "er",
    "or",
    "ant",
    "ent",
    "man",
    "woman",
    "ee",
    "ally",
    "aide",
    "friend",
    "rival",
    "critic",
    "loyalist",
    "pal",
    "confidant",
    "confidante",
)


def _is_person_noun(word: str) -> bool:
    """'ally', 'strategist', 'constituent': a noun for a person, not a verb ('endorsed')."""
    w = word.lower().removesuffix("s") if len(word) > 4 else word.lower()
    if w in PREPOSITIONS or w in _CAPITAL_STOP or w in CUE_WORDS or w.endswith("ed"):
        return False
    return w in ROLE_WORDS or w.endswith(_PERSON_SUFFIXES)


_NOT_NAME = ROLE_WORDS | HONORIFICS | DOC_HEADS


def _classify(text: str, toks: list[tuple[str, int, int]], det: bool, prev: str) -> Mention | None:
    obj = prev in PREPOSITIONS
    while len(toks) > 1 and toks[-1][0].lower() in {"of", "the"}:
        toks = toks[:-1]
    s, e = toks[0][1], toks[-1][2]
    last = toks[-1][0]
    lw = last.lower()
    # the name: trailing capitalised words that are not titles
    k = len(toks)
    while k > 0 and (
        _is_capital(toks[k - 1][0])
        and toks[k - 1][0].lower() not in _NOT_NAME
        or k < len(toks)
        and k > 1
        and toks[k - 1][0] in NAME_PARTICLES
    ):
        if k < len(toks) and toks[k - 1][0].endswith(("’s", "'s")):
            break
        k -= 1
    if k < len(toks) and not det and not last.endswith(("’s", "'s", "’")):
        name_toks = toks[k:]
        head = toks[:k]
        honorific = bool(head) and head[-1][0].lower() in HONORIFICS
        role_toks = head[:-1] if honorific else head
        role = None
        if role_toks and any(t[0].lower() in ROLE_HEADS for t in role_toks):
            role = text[role_toks[0][1] : role_toks[-1][2]]
        ns, ne = name_toks[0][1], name_toks[-1][2]
        org = not honorific and _strip_possessive(name_toks[-1][0]).lower() in ORG_WORDS
        if org:  # "UN General Assembly", "the White House": the institution is the name
            ns = s if not det else toks[1][1]
            role = None
        return Mention("name", text[s:e], s, e, text[ns:ne], ns, ne, role, honorific, org, obj)
    if lw in DOC_HEADS and (det or len(toks) > 1):
        return Mention("document", text[s:e], s, e, object=obj)
    if (lw in ROLE_HEADS or lw.rstrip("s") in ROLE_HEADS) and (
        det or len(toks) > 1 or lw.endswith("s")
    ):
        return Mention("description", text[s:e], s, e, role=text[s:e], object=obj)
    return None


@dataclass
class Person:
    name: str
    role: str | None
    start: int
    end: int


class People:
    """Persons named in an article, in order, for resolving short references and pronouns.

    A full name is one person; "Clinton" alone is the Clinton most recently named in full before
    it (so Bill and Hillary Clinton stay apart), "Hillary" alone the most recent Hillary."""

    def __init__(self) -> None:
        self.by_name: dict[str, Person] = {}  # full name (lower case) -> person
        self.by_last: dict[str, Person] = {}  # last word -> the person last named with it
        self.by_first: dict[str, Person] = {}
        self.positions: list[int] = []
        self.seen: list[Person] = []
        self.spans: list[tuple[int, int]] = []  # where each mention in `seen` names its person
        self.objects: list[bool] = []  # whether that mention follows a preposition
        self.documents: list[tuple[int, str]] = []

    def add(self, m: Mention, person: bool) -> Person | None:
        if m.kind == "document":
            first, _, rest = m.text.partition(" ")
            if first.lower() in {"the", "a", "an", "this", "that"}:
                first = first.lower()
            self.documents.append((m.start, f"{first} {rest}".strip()))
            return None
        if m.kind != "name" or m.name is None or m.org:
            return None
        words = [_strip_possessive(w) for w in m.name.split()]
        known = self._known(words, m.start)
        if known is None and not (person or m.role or m.honorific):
            return None
        if known is None:
            known = Person(" ".join(words), m.role, m.name_start or m.start, m.name_end or m.end)
        elif len(words) > len(known.name.split()):  # "Trump" first, "Donald Trump" later
            self.by_name.pop(known.name.lower(), None)
            known.name = " ".join(words)
        if m.role and not known.role:
            known.role = m.role
        self.by_name[known.name.lower()] = known
        self.by_last[words[-1].lower()] = known
        if len(words) > 1:
            self.by_first.setdefault(words[0].lower(), known)
        self.positions.append(m.start)
        self.seen.append(known)
        self.spans.append((m.name_start or m.start, m.name_end or m.end))
        self.objects.append(m.object)
        return known

    def _known(self, words: list[str], pos: int) -> Person | None:
        key = " ".join(words).lower()
        if key in self.by_name:
            return self.by_name[key]
        last = words[-1].lower()
        if len(words) > 1:
            p = self.by_last.get(last)
            # someone known only by the last name so far takes the full name
            return p if p is not None and len(p.name.split()) == 1 else None
        i = bisect.bisect_left(self.positions, pos)
        for k in range(i - 1, max(-1, i - 300), -1):
            if self.seen[k].name.split()[-1].lower() == last:
                return self.seen[k]
        return self.by_last.get(last) or self.by_first.get(last)

    def knows(self, name: str) -> bool:
        """Whether a name (or its last word) belongs to someone the article names as a person."""
        words = [_strip_possessive(w).lower() for w in name.split()]
        return " ".join(words) in self.by_name or words[-1] in self.by_last

    def lookup(self, m: Mention) -> Person:
        """The person a name mention refers to, without recording the mention."""
        words = [_strip_possessive(w) for w in (m.name or m.text).split()]
        known = self._known(words, m.start)
        if known is not None:
            return known
        return Person(" ".join(words), m.role, m.name_start or m.start, m.name_end or m.end)

    def last_before(self, pos: int, sentence_start: int = 0) -> tuple[Person, int, int] | None:
        """The person a "he" or "she" at pos points back to: the one most recently named, unless
        that is an object earlier in the same sentence ("In response to the order by Putin, he
        said ..." is not Putin speaking); then nobody, rather than a guess."""
        i = bisect.bisect_left(self.positions, pos)
        if not i:
            return None
        if self.objects[i - 1] and self.positions[i - 1] >= sentence_start:
            return None
        s, e = self.spans[i - 1]
        return self.seen[i - 1], s, e

    def last_with_role(self, pos: int, head: str) -> Person | None:
        i = bisect.bisect_left(self.positions, pos)
        head = head.lower().rstrip("s")
        for k in range(i - 1, max(-1, i - 200), -1):
            p = self.seen[k]
            if p.role and head in p.role.lower():
                return p
        return None

    def last_document(self, pos: int) -> str | None:
        i = bisect.bisect_left(self.documents, (pos, ""))
        return self.documents[i - 1][1] if i else None
