"""Library-wide analysis: the combined timeline, who is quoted, and their quotations."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from store.article import one_line
from store.errors import NewsreaderError
from tui.cli.common import command_maker, emit, open_library, quote_json


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
    with open_library(args) as library:
        for s in library.speakers():
            emit(
                args,
                asdict(s),
                f"{s.quotes}\t{s.name}\t{s.role or ''}\t" + ",".join(str(i) for i in s.articles),
            )
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        if args.speaker:
            quotes = library.quotes_by_speaker(args.speaker)
            if not quotes:
                raise NewsreaderError(f"no quotes of {args.speaker!r} in the library")
        else:
            quotes = [q for i in library.article_ids() for q in library.quotes(i)]
        for q in quotes:
            obj = quote_json(q) | {"article_id": q.article_id}
            emit(
                args,
                obj,
                f"{q.article_id}\t{q.speaker or 'unknown'}\t{one_line(q.text)}",
            )
    return 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)

    p = command(sub, "timeline", cmd_timeline, "the combined timeline of articles", [as_json])
    p.epilog = (
        "Each line: the date in words (Thu 24 Feb 2022, week of 21 Feb 2022, Feb 2022), the "
        "article's own words around it (… where a sentence was cut), the articles. With --json "
        "the date is the ISO/TIMEX3 value (2022-02-24, 2022-W08, 2022-02, 2022-03-02TNI)."
    )
    p.add_argument("ids", nargs="*", type=int, metavar="ID")
    p.add_argument("--tag", help="only articles with a highlight tagged TAG")
    p.add_argument("--search", metavar="QUERY", help="only articles matching QUERY")

    command(sub, "speakers", cmd_speakers, "everyone quoted in the library", [as_json])

    p = command(sub, "quotes", cmd_quotes, "quotations, all or of one speaker", [as_json])
    p.add_argument("--speaker", metavar="NAME")
