"""One person under every name: the spellings of a speaker merged by a small set of rules.

A name is folded before it is compared:
1. Accents, case, full stops and a possessive ending go ("Lavrov’s" is "lavrov").
2. Leading honorifics and titles go ("Mr", "Sen.", "Russia’s Foreign Minister", "Democrat"); a
   generational suffix ("Jr.", "III") stays, as part of the name: the son is not the father.
3. Transliteration endings are read as one: -yy, -iy, -ii, -ij become -y, then -ey and -ej
   become -ei, -ay and -aj -ai, and a final -y after a consonant -i (Zelenskyy, Zelenskiy and
   Zelensky are one; Sergey and Sergei; Dmitry and Dmitri); "ks" is read as "x" (Aleksei).

Folded names are then merged, within one surname (the last word before any suffix):
4. The same first name (and surname) is the same person, whatever the middle names or
   initials ("Hillary Rodham Clinton", "Hillary Clinton").
5. An initial is the one person of that surname whose first name has that initial ("J. Smith"),
   when there is exactly one.
6. A surname alone ("Lavrov", "Mr Lavrov") is the one person of that surname, when there is
   exactly one; with two (Boris and Dwayne Johnson) "Johnson" stays apart rather than guess.
7. A word before a first name that names nobody else ("Rival Hillary Clinton") is a stray
   title: the name is the person named by the words after it, when that spelling is used at
   least as often (so "John Paul Jones", named often, is not taken for a Paul Jones).
Different first names are different people. Names that are not a person's (a document: "the
resolution"; a lower-case start) merge only when spelled the same.

Everything is dictionary look-ups grouped by surname: linear in the number of names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from store.analysis.attribution import HONORIFICS, ROLE_WORDS

__all__ = ["Person", "Speaker", "find_speakers", "fold_name", "merge_names"]

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_TITLES = HONORIFICS | ROLE_WORDS | {
    "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "prof", "rev", "hon", "st",
    "democrat", "republican", "independent", "rival", "incumbent", "challenger", "presidential",
    "then", "mp", "mep", "minister", "foreign", "prime", "msgr", "fr", "rabbi", "sheikh",
}
_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*|\d+")
_ENDINGS = [  # transliteration variants of one ending, applied in order to each word
    (re.compile(r"(?:yy|iy|ii|ij|yi)$"), "y"),
    (re.compile(r"(?:ey|ej)$"), "ei"),
    (re.compile(r"(?:ay|aj)$"), "ai"),
    (re.compile(r"(?<=[^aeiouy])y$"), "i"),
]


def _plain(word: str) -> str:
    if word.isascii():  # most names: nothing to decompose
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _transliterated(word: str) -> str:
    word = word.replace("ks", "x")
    if word[-1:] not in ("y", "i", "j"):  # every ending below ends in one of these
        return word
    for pattern, ending in _ENDINGS:
        if len(word) > 3:
            word = pattern.sub(ending, word)
    return word


def fold_name(name: str) -> tuple[str, ...]:
    """The words a name is compared by: folded, without titles, transliteration read as one
    (rules 1-3). Empty for a name with no letters."""
    words = [_plain(w).replace("\u2019", "'") for w in _WORD.findall(name)]
    if len(words) > 1 and words[0].endswith("'s"):  # "Russia’s Foreign Minister Sergey Lavrov"
        words.pop(0)
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    while len(words) > 1 and (words[0] in _TITLES or words[0].rstrip("s") in _TITLES):
        words.pop(0)
    return tuple(_transliterated(w) if w not in _SUFFIXES else w for w in words if w)


_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those")


def _is_person(name: str, folded: tuple[str, ...]) -> bool:
    """A person's name starts with a capital, not with a determiner ("the resolution")."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    return bool(folded) and first[:1].isupper() and first.lower() not in _DETERMINERS


@dataclass(frozen=True)
class Person:
    """One person (or document) and every spelling of their name that was merged into it."""

    name: str  # the most used spelling with a first name (else the most used), first seen first
    aliases: tuple[str, ...]  # every other spelling, most used first


def _split(folded: tuple[str, ...]) -> tuple[tuple[str, ...], str, str]:
    """(given names, surname, suffix) of a folded name."""
    suffix = folded[-1] if len(folded) > 1 and folded[-1] in _SUFFIXES else ""
    body = folded[:-1] if suffix else folded
    return body[:-1], body[-1], suffix


class _Surname:
    """Everyone sharing one surname (and suffix): clusters by first name."""

    def __init__(self) -> None:
        self.by_first: dict[str, int] = {}  # first name -> cluster id
        self.initials: list[tuple[str, int]] = []
        self.bare: list[int] = []

    def cluster_of(self, given: tuple[str, ...]) -> int | None:
        return self.by_first.get(given[0]) if given else None


def merge_names(names: Iterable[str] | Mapping[str, int]) -> dict[str, Person]:
    """Every name given mapped to the person it names. A name given more often (repeated, or
    with a larger count in a mapping) is the more used spelling."""
    if isinstance(names, Mapping):
        counts = Counter({n: c for n, c in names.items() if isinstance(n, str) and n.strip()})
    else:
        counts = Counter(n for n in names if isinstance(n, str) and n.strip())
    first_seen = {n: i for i, n in enumerate(counts)}
    parent: dict[str, str] = {n: n for n in counts}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    folded = {n: fold_name(n) for n in counts}
    exact: dict[tuple[str, ...], str] = {}
    surnames: dict[tuple[str, str], dict[str, list[str]]] = {}
    for n, f in folded.items():
        person = _is_person(n, f)
        key = f if person else ("\x00", n.strip().lower())
        if key in exact:
            union(exact[key], n)
            continue
        exact[key] = n
        if not person:
            continue
        given, surname, suffix = _split(f)
        group = surnames.setdefault((surname, suffix), {"full": [], "initial": [], "bare": []})
        if not given:
            group["bare"].append(n)
        elif len(given[0]) == 1:
            group["initial"].append(n)
        else:
            group["full"].append(n)

    for group in surnames.values():
        by_first: dict[str, str] = {}
        for n in group["full"]:  # rule 4
            first = _split(folded[n])[0][0]
            if first in by_first:
                union(by_first[first], n)
            else:
                by_first[first] = n
        for first, n in list(by_first.items()):  # rule 7
            given = _split(folded[n])[0]
            later = [by_first[g] for g in given[1:] if g in by_first and g != first]
            if later and counts[n] <= counts[later[0]]:
                union(later[0], n)
                del by_first[first]
        people = {find(n) for n in by_first.values()}
        by_letter: dict[str, set[str]] = {}
        for first, m in by_first.items():
            by_letter.setdefault(first[0], set()).add(find(m))
        for n in group["initial"]:  # rule 5
            fits = by_letter.get(_split(folded[n])[0][0], set())
            if len(fits) == 1:
                union(next(iter(fits)), n)
        for n in group["bare"]:  # rule 6
            if len(people) == 1:
                union(next(iter(people)), n)

    members: dict[str, list[str]] = {}
    for n in counts:
        members.setdefault(find(n), []).append(n)
    out: dict[str, Person] = {}
    for spellings in members.values():
        full = [n for n in spellings if len(folded[n]) > 1 and _split(folded[n])[0]]
        initial = {n for n in full if len(_split(folded[n])[0][0]) == 1}  # "J. Smith"
        name = min(full or spellings, key=lambda n: (n in initial, -counts[n], first_seen[n]))
        aliases = tuple(sorted((n for n in spellings if n != name),
                               key=lambda n: (-counts[n], first_seen[n])))
        person = Person(name, aliases)
        for n in spellings:
            out[n] = person
    return out


@dataclass(frozen=True)
class Speaker:
    """One person (or document) quoted in an article."""

    name: str
    role: str | None
    count: int
    aliases: tuple[str, ...] = ()  # the other spellings of the name in the article


class Quoted(Protocol):
    """What find_speakers reads of a quotation (an analysed Quote or a stored one)."""

    speaker: str | None
    role: str | None


def find_speakers(quotes: Iterable[Quoted]) -> list[Speaker]:
    """One entry per person (or document) quoted, all spellings merged, in order of first
    quotation."""
    quotes = list(quotes)
    people = merge_names(q.speaker for q in quotes if q.speaker)
    order: dict[str, list] = {}
    for q in quotes:
        if not q.speaker:
            continue
        person = people[q.speaker]
        entry = order.setdefault(person.name, [None, 0, person.aliases])
        if entry[0] is None and q.role:
            entry[0] = q.role
        entry[1] += 1
    return [Speaker(name, role, count, aliases) for name, (role, count, aliases) in order.items()]
