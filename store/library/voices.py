"""Voices across the library: each person once under every spelling of their name, their
quotations across sources in date order, and the same words as several articles reported them.

Reads only. The merging and grouping rules are pure functions in store.analysis.speakers and
store.analysis.quote_groups; this module feeds them the library's rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from store.analysis.pipeline import parse_day
from store.analysis.quote_groups import Reported, differing_words, group_quotes
from store.analysis.speakers import Person, find_speakers, merge_names
from store.library.db import Library
from store.library.records import QuoteGroup, SourcedQuote, SpeakerEntry, StoredQuote

__all__ = ["article_speakers", "group_of", "quote_groups", "quotes_of", "speaker_index"]

_QUOTE = (
    "q.article_id, q.start, q.end, q.text, q.speaker, q.speaker_start, q.speaker_end, q.role, "
    "q.cue, q.kind, q.said"
)
_SOURCE = "a.title, a.site, a.published, a.anchor"
_UNDATED = "9999-99-99"  # sorts after every day


def _spellings(library: Library) -> dict[str, int]:
    """Every spelling of a speaker in the library with its number of quotations, first quoted
    first (of two spellings used as often, the earlier names the person)."""
    return dict(
        library.conn.execute(
            "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL AND speaker != '' "
            "GROUP BY speaker ORDER BY min(rowid)"
        ).fetchall()
    )


def _sourced(row) -> SourcedQuote:
    quote = StoredQuote(*row[:11])
    title, site, published, anchor = row[11:15]
    if quote.said:
        day, how = quote.said, "text"
    else:
        found = parse_day(published) or parse_day(anchor)
        day, how = (found.isoformat(), "article") if found else (None, None)
    return SourcedQuote(quote, title, site, day, how)


def _in_date_order(quotes: Iterable[SourcedQuote]) -> list[SourcedQuote]:
    return sorted(quotes, key=lambda s: (s.day or _UNDATED, s.quote.article_id, s.quote.start))


# Each spelling of a name with its role, count and articles, first quoted first: read from
# the speaker index alone (schema v12), never from the quotes' rows.
SPELLINGS = (
    "SELECT speaker, max(role), count(*), group_concat(DISTINCT article_id) FROM quotes "
    "WHERE speaker IS NOT NULL AND speaker != '' GROUP BY speaker ORDER BY min(rowid)"
)


def speaker_index(library: Library) -> list[SpeakerEntry]:
    """Everyone quoted in the library, each person once with the other spellings of the name,
    most quoted first."""
    rows = library.conn.execute(SPELLINGS).fetchall()
    people = merge_names({r[0]: r[2] for r in rows})
    merged: dict[str, list] = {}
    for speaker, role, count, ids in sorted(rows, key=lambda r: -r[2]):
        person = people[speaker]
        entry = merged.setdefault(person.name, [person, None, 0, set()])
        entry[1] = entry[1] or role
        entry[2] += count
        entry[3].update(int(x) for x in str(ids).split(","))
    entries = [
        SpeakerEntry(p.name, role, count, sorted(ids), p.aliases)
        for p, role, count, ids in merged.values()
    ]
    return sorted(entries, key=lambda e: (-e.quotes, e.name.lower()))


def article_speakers(library: Library, article_id: int) -> list[SpeakerEntry]:
    """The people quoted in one article (every spelling merged), most quoted first."""
    found = find_speakers(library.quotes(article_id))
    entries = [SpeakerEntry(s.name, s.role, s.count, [article_id], s.aliases) for s in found]
    return sorted(entries, key=lambda e: -e.quotes)


def _person(library: Library, name: str) -> tuple[Person, list[str]] | None:
    """The person a name (any spelling, any case) refers to, and every spelling of theirs."""
    counts = _spellings(library)
    name = " ".join(name.split())
    if name not in counts:
        same_case = {n.lower(): n for n in counts}
        name = same_case.get(name.lower(), name if name[:1].isupper() else name.title())
    people = merge_names(counts if name in counts else {**counts, name: 1})
    person = people.get(name)
    if person is None:
        return None
    spellings = [n for n, p in people.items() if p.name == person.name and n in counts]
    return (person, spellings) if spellings else None


def quotes_of(library: Library, name: str) -> list[SourcedQuote]:
    """Every quotation of a person, under any spelling of the name, in the order they were said
    (the article's date when the text gives none; undated last)."""
    found = _person(library, name)
    if found is None:
        return []
    spellings = found[1]
    out: list[SourcedQuote] = []
    for i in range(0, len(spellings), 500):
        part = spellings[i: i + 500]
        marks = ",".join("?" * len(part))
        out += [
            _sourced(r)
            for r in library.conn.execute(
                f"SELECT {_QUOTE}, {_SOURCE} FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE q.speaker IN ({marks})",
                part,
            )
        ]
    return _in_date_order(out)


def quote_groups(library: Library) -> list[QuoteGroup]:
    """The quotations two or more articles report in the same words (store.analysis.
    quote_groups), each version in date order with the words that differ; most versions first."""
    rows = [
        _sourced(r)
        for r in library.conn.execute(
            f"SELECT {_QUOTE}, {_SOURCE} FROM quotes q JOIN articles a ON a.id = q.article_id "
            "ORDER BY q.article_id, q.start"
        )
    ]
    people = merge_names(_spellings(library))
    items = [
        Reported(
            s.quote.text,
            people[s.quote.speaker].name if s.quote.speaker in people else None,
            s.quote.article_id,
        )
        for s in rows
    ]
    groups = []
    for members in group_quotes(items):
        versions = _in_date_order(rows[i] for i in members)
        person = next((items[i].person for i in members if items[i].person), None)
        differs = differing_words([v.quote.text for v in versions])
        groups.append(
            QuoteGroup(person, tuple(versions), tuple(tuple(spans) for spans in differs))
        )
    return sorted(groups, key=lambda g: (-len(g.versions), g.versions[0].day or _UNDATED))


def group_of(library: Library, article_id: int, start: int, end: int) -> QuoteGroup | None:
    """The group of the quotation at [start, end) of an article, or None when no other article
    reports its words."""
    for group in quote_groups(library):
        for v in group.versions:
            q = v.quote
            if q.article_id == article_id and q.start < end and start < q.end:
                return group
    return None
