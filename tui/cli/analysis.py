"""Library-wide analysis: the combined timeline, who is quoted, and their quotations."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from store.article import one_line
from store.errors import NewsreaderError
from tui.cli.common import (
    command_maker,
    emit,
    open_library,
    out,
    quote_json,
    record_id,
)


def cmd_timeline(args: argparse.Namespace) -> int:
    from store.analysis.labels import date_label
    from store.analysis.timeline import combine_timelines, excerpt

    with open_library(args) as library:
        for article_id in args.ids:
            library.get_article(article_id)
        ids = args.ids or library.article_ids()
        for chosen in (
            library.tagged(args.tag) if args.tag else None,
            library.matching(args.search) if args.search else None,
        ):
            if chosen is not None:
                keep = set(chosen)
                ids = [i for i in ids if i in keep]
        if not ids:
            raise NewsreaderError("no article matches: the timeline is empty")
        titles = library.titles(ids)
        combined = combine_timelines(library.events_of(ids))
        for ev in combined:
            sources = sorted({s[0] for s in ev.sources})
            emit(
                args,
                {
                    "date": ev.date,
                    "text": ev.text,
                    "sources": [
                        {"article_id": a, "start": s, "end": e, "title": titles[a]}
                        for a, s, e in ev.sources
                    ],
                },
                f"{date_label(ev.date)}\t{one_line(excerpt(ev.text, ev.cut_start, ev.cut_end))}\t"
                + "; ".join(one_line(titles[i]) for i in sources),
            )
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    from store.library.voices import speaker_index

    with open_library(args) as library:
        for s in speaker_index(library):
            emit(
                args,
                asdict(s),
                f"{s.quotes}\t{one_line(s.name)}\t{one_line(s.role)}\t"
                + ",".join(str(i) for i in s.articles)
                + "\t"
                + "; ".join(one_line(a) for a in s.aliases),
            )
    return 0


def sourced_json(s) -> dict:
    """A quotation with its article and the day it was said ("text": the text says so;
    "article": the article's date stands in)."""
    return quote_json(s.quote) | {
        "article_id": s.quote.article_id,
        "title": s.title,
        "day": s.day,
        "day_from": s.day_from,
    }


def _day(s) -> str:
    return f"{s.day}{'' if s.day_from == 'text' else '*'}" if s.day else "-"


def cmd_quotes(args: argparse.Namespace) -> int:
    if args.grouped:
        return _grouped(args)
    with open_library(args) as library:
        if args.speaker:
            from store.library.voices import quotes_of

            sourced = quotes_of(library, args.speaker)
            if not sourced:
                raise NewsreaderError(f"no quotes of {args.speaker!r} in the library")
            for s in sourced:
                emit(
                    args,
                    sourced_json(s),
                    f"{_day(s)}\t{s.quote.article_id}\t{one_line(s.quote.speaker)}\t"
                    f"{one_line(s.quote.text)}",
                )
            return 0
        for i in library.article_ids():
            for q in library.quotes(i):
                emit(
                    args,
                    quote_json(q) | {"article_id": q.article_id},
                    f"{q.article_id}\t{one_line(q.speaker) or 'unknown'}\t{one_line(q.text)}",
                )
    return 0


def _marked(text: str, spans) -> str:
    """The text with the words that differ between versions between asterisks."""
    parts, pos = [], 0
    for s, e in spans:
        parts += [text[pos:s], "*", text[s:e], "*"]
        pos = e
    return one_line("".join(parts) + text[pos:])


def _grouped(args: argparse.Namespace) -> int:
    from store.library.voices import quote_groups

    with open_library(args) as library:
        groups = quote_groups(library)
        for n, g in enumerate(groups, 1):
            if args.json:
                emit(
                    args,
                    {
                        "group": n,
                        "speaker": g.person,
                        "versions": [
                            sourced_json(v) | {"differs": [list(span) for span in spans]}
                            for v, spans in zip(g.versions, g.differs, strict=True)
                        ],
                    },
                    "",
                )
                continue
            out(f"group {n}\t{one_line(g.person) or 'speaker unknown'}\t{len(g.versions)} versions")
            for v, spans in zip(g.versions, g.differs, strict=True):
                out(f"  {_day(v)}\t{v.quote.article_id}\t{_marked(v.quote.text, spans)}")
        if not args.json and groups:
            out("(* after a day: the article's date; *words*: where the versions differ)")
    return 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)

    p = command(sub, "timeline", cmd_timeline, "the combined timeline of articles", [as_json])
    p.epilog = (
        "Each line: the date in words (Thu 24 Feb 2022, week of 21 Feb 2022, Feb 2022), the "
        "article's own words around it (… where a sentence was cut), the articles. With --json "
        "the date is the ISO/TIMEX3 value (2022-02-24, 2022-W08, 2022-02, 2022-03-02TNI)."
    )
    p.add_argument("ids", nargs="*", type=record_id, metavar="ID")
    p.add_argument("--tag", help="only articles with a highlight tagged TAG")
    p.add_argument("--search", metavar="QUERY", help="only articles matching QUERY")

    command(sub, "speakers", cmd_speakers, "everyone quoted in the library", [as_json])

    p = command(sub, "quotes", cmd_quotes, "quotations, all or of one speaker", [as_json])
    p.add_argument(
        "--speaker", metavar="NAME", help="one person's, under any spelling, in date order"
    )
    p.add_argument(
        "--grouped",
        action="store_true",
        help="the same words as two or more articles reported them, differences marked",
    )
