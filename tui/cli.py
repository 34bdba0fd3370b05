"""The `newsreader` command: the app with no arguments, scriptable subcommands otherwise.

Every result is one line (or one JSON object per line with --json); every failure is one line
on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date
from pathlib import Path

from store.article import one_line
from store.errors import NewsreaderError
from tui import feeds_cli

EXIT_ERROR = 1
EXIT_USAGE = 2


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _open(args: argparse.Namespace):
    from store.library import Library, default_db_path

    return Library(args.db or default_db_path())


def _emit(args: argparse.Namespace, obj: dict, line: str) -> None:
    print(json.dumps(obj, ensure_ascii=False) if args.json else line)


# --- analysis as JSON ------------------------------------------------------------------------


def analysis_json(analysis) -> dict:
    return {
        "anchor": analysis.anchor_text,
        "anchor_inferred": analysis.anchor_inferred,
        "dates": [
            {"text": d.text, "start": d.start, "end": d.end, "type": d.type, "value": d.value}
            for d in analysis.dates
        ],
        "timeline": [
            {"date": e.date, "text": e.text, "start": e.start, "end": e.end}
            for e in analysis.timeline
        ],
        "quotes": [_quote_json(q) for q in analysis.quotes],
        "speakers": [asdict(s) for s in analysis.speakers],
    }


def _quote_json(q) -> dict:
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "role": q.role,
        "cue": q.cue,
        "kind": q.kind,
    }


# --- commands --------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace) -> int:
    from tui.app import NewsReader

    library = _open(args)  # open (and migrate, and seed) before the screen takes over
    library.close()
    from store.library import default_db_path

    NewsReader(db_path=args.db or default_db_path()).run()
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from store.ingest import read_article

    failed = 0
    with _open(args) as library:
        for source in args.sources:
            try:
                article = read_article(source)
                article_id, created = library.add_article(article, anchor=args.date)
            except NewsreaderError as e:
                print(f"newsreader: {e}", file=sys.stderr)
                failed += 1
                continue
            title = library.get_article(article_id).title
            note = "" if created else " (already in the library)"
            _emit(
                args,
                {"id": article_id, "title": title, "created": created, "source": source},
                f"{article_id}\t{one_line(title)}{note}",
            )
    return EXIT_ERROR if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as library:
        offset = 0
        while page := library.list_articles(offset=offset, limit=500):
            for a in page:
                _emit(
                    args,
                    asdict(a),
                    f"{a.id}\t{a.published or '-'}\t{a.highlights}\t{one_line(a.title)}"
                    f"\t{a.site or ''}",
                )
            offset += len(page)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as library:
        a = library.get_article(args.id)
        highlights = library.highlights(a.id)
        timeline = library.timeline(a.id)
        quotes = library.quotes(a.id)
        if args.json:
            obj = asdict(a)
            obj["highlights"] = [asdict(h) for h in highlights]
            obj["dates"] = [
                {"text": d.text, "start": d.start, "end": d.end, "type": d.type, "value": d.value}
                for d in library.dates(a.id)
            ]
            obj["timeline"] = [
                {"date": e.date, "text": e.text, "start": e.start, "end": e.end} for e in timeline
            ]
            obj["quotes"] = [_quote_json(q) for q in quotes]
            obj["speakers"] = [asdict(s) for s in library.article_speakers(a.id)]
            print(json.dumps(obj, ensure_ascii=False))
            return 0
        meta = " · ".join(m for m in (a.site, a.byline, a.published) if m)
        print(a.title)
        if meta:
            print(meta)
        if a.url:
            print(a.url)
        print()
        print(a.text)
        if timeline:
            print("\nTimeline")
            for e in timeline:
                print(f"  {e.date}  {one_line(e.text)}")
        if quotes:
            print("\nQuotes")
            for q in quotes:
                print(f"  {one_line(q.text)} — {q.speaker or 'unknown'}")
        if highlights:
            print("\nHighlights")
            for h in highlights:
                extra = "".join(f" #{t}" for t in h.tags)
                note = f" — {one_line(h.note)}" if h.note else ""
                print(f"  [{h.id}] {one_line(h.exact)}{note}{extra}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from store.analysis import analyse
    from store.ingest import read_article

    failed = 0
    for source in args.sources:
        try:
            article = read_article(source, clean=not args.no_clean)
            published = article.published or (args.date.isoformat() if args.date else None)
            if args.json:
                analysis = analyse(article.text, published=published)
        except NewsreaderError as e:
            print(f"newsreader: {e}", file=sys.stderr)
            failed += 1
            continue
        if args.json:
            obj = {
                "source": source,
                "title": article.title,
                "byline": article.byline,
                "site": article.site,
                "published": published,
                "url": article.url,
                "text": article.text,
                "paragraphs": article.paragraphs,
                "warnings": article.warnings,
            }
            obj.update(analysis_json(analysis))
            print(json.dumps(obj, ensure_ascii=False))
        else:
            if len(args.sources) > 1:
                print(f"==> {source} <==")
            if article.title:
                print(article.title)
            meta = " · ".join(m for m in (article.site, article.byline, published) if m)
            if meta:
                print(meta)
            print()
            print(article.text)
    return EXIT_ERROR if failed else 0


def cmd_highlight(args: argparse.Namespace) -> int:
    with _open(args) as library:
        text = library.get_article(args.id).text
        start = text.find(args.text)
        if start < 0:
            raise NewsreaderError(f"article {args.id} does not contain {args.text!r}")
        h = library.add_highlight(
            args.id,
            start,
            start + len(args.text),
            color=args.color,
            note=args.note or "",
            tags=args.tag or (),
        )
        _emit(args, asdict(h), f"{h.id}\t{one_line(h.exact)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from store.export import combined_markdown, export_markdown, library_markdown

    with _open(args) as library:
        for article_id in args.ids:
            library.get_article(article_id)  # a clear error for an unknown id
        if args.output is None:
            if len(args.ids) == 1:
                sys.stdout.write(library_markdown(library, args.ids)[0][1])
            else:
                sys.stdout.write(combined_markdown(library, args.ids or None))
            return 0
        for path in export_markdown(library, Path(args.output), args.ids or None):
            print(path)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from store.timeline import combine_timelines

    with _open(args) as library:
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
            _emit(
                args,
                {
                    "date": ev.date,
                    "text": ev.text,
                    "sources": [
                        {"article_id": a, "start": s, "end": e, "title": titles[a]}
                        for a, s, e in ev.sources
                    ],
                },
                f"{ev.date}\t{one_line(ev.text)}\t"
                + "; ".join(one_line(titles[i]) for i in sources),
            )
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    with _open(args) as library:
        for s in library.speakers():
            _emit(
                args,
                asdict(s),
                f"{s.quotes}\t{s.name}\t{s.role or ''}\t" + ",".join(str(i) for i in s.articles),
            )
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with _open(args) as library:
        if args.speaker:
            quotes = library.quotes_by_speaker(args.speaker)
            if not quotes:
                raise NewsreaderError(f"no quotes of {args.speaker!r} in the library")
        else:
            quotes = [q for i in library.article_ids() for q in library.quotes(i)]
        for q in quotes:
            obj = _quote_json(q) | {"article_id": q.article_id}
            _emit(
                args,
                obj,
                f"{q.article_id}\t{q.speaker or 'unknown'}\t{one_line(q.text)}",
            )
    return 0


def cmd_reclean(args: argparse.Namespace) -> int:
    from store.ingest import read_article
    from store.seeding import read_seed

    with _open(args) as library:
        old = library.get_article(args.id)
        source = args.source or old.url
        if not source:
            raise NewsreaderError(f"article {args.id} has no source to read again; give one")
        seed = read_seed(source)
        article = seed if seed is not None else read_article(source)
        lost = library.replace_text(args.id, article)
        _emit(
            args,
            {"id": args.id, "orphaned": [asdict(h) for h in lost]},
            f"{args.id}\t{one_line(library.get_article(args.id).title)}\t"
            f"{len(lost)} highlight(s) no longer found",
        )
        for h in lost:
            print(
                f"newsreader: highlight {h.id} not found again: {one_line(h.exact)}",
                file=sys.stderr,
            )
    return 0


def cmd_anchor(args: argparse.Namespace) -> int:
    with _open(args) as library:
        day = None if args.date == "auto" else _day(args.date)
        library.set_anchor(args.id, day)
        a = library.get_article(args.id)
        how = "inferred" if a.anchor_inferred else "set"
        _emit(
            args,
            {"id": a.id, "anchor": a.anchor, "anchor_inferred": a.anchor_inferred},
            f"{a.id}\t{a.anchor or 'none'} ({how})",
        )
    return 0


# --- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="library file (default: $NEWSREADER_DB, else newsreader.db in the user data dir)",
    )
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="one JSON object per line")

    parser = argparse.ArgumentParser(
        prog="newsreader",
        parents=[common],
        description="A keyboard-driven terminal news reader. With no command, opens the app.",
    )
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, func: Callable, help: str, parents: Iterable = ()
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help, parents=[common, *parents])
        p.set_defaults(func=func)
        return p

    p = command("add", cmd_add, "store articles from files, URLs or '-' (stdin)", [as_json])
    p.add_argument("sources", nargs="+", metavar="PATH|URL|-")
    p.add_argument("--date", type=_day, help="publication date when the source has none")

    command("list", cmd_list, "list the library, newest first", [as_json])

    p = command("show", cmd_show, "an article with its timeline, quotes and highlights", [as_json])
    p.add_argument("id", type=int)

    p = command("extract", cmd_extract, "clean and analyse without storing", [as_json])
    p.add_argument("sources", nargs="+", metavar="PATH|URL|-")
    p.add_argument("--date", type=_day, help="publication date when the input has none")
    p.add_argument("--no-clean", action="store_true", help="take the input as already clean text")

    p = command("highlight", cmd_highlight, "highlight exact words of an article", [as_json])
    p.add_argument("id", type=int)
    p.add_argument("--text", required=True, help="the exact words to highlight")
    p.add_argument("--note", help="a note on the highlight")
    p.add_argument("--tag", action="append", help="a tag (repeatable)")
    p.add_argument("--color", type=int, default=1, choices=range(1, 6), help="colour 1-5")

    p = command("export", cmd_export, "highlights and notes as Markdown")
    p.add_argument("ids", nargs="*", type=int, metavar="ID")
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="a .md file for one document, else a folder for one file per article "
        "(default: standard output)",
    )

    p = command("timeline", cmd_timeline, "the combined timeline of articles", [as_json])
    p.add_argument("ids", nargs="*", type=int, metavar="ID")
    p.add_argument("--tag", help="only articles with a highlight tagged TAG")
    p.add_argument("--search", metavar="QUERY", help="only articles matching QUERY")

    command("speakers", cmd_speakers, "everyone quoted in the library", [as_json])

    p = command("quotes", cmd_quotes, "quotations, all or of one speaker", [as_json])
    p.add_argument("--speaker", metavar="NAME")

    p = command("anchor", cmd_anchor, "set the date relative dates resolve against", [as_json])
    p.add_argument("id", type=int)
    p.add_argument("date", metavar="YYYY-MM-DD|auto")

    p = command(
        "reclean",
        cmd_reclean,
        "read an article's source again; highlights follow their words",
        [as_json],
    )
    p.add_argument("id", type=int)
    p.add_argument("source", nargs="?", metavar="PATH|URL", help="default: where it came from")

    feeds_cli.add_commands(sub, common, as_json)

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # --db is shared by every subparser with SUPPRESS as default, so it is set only when given.
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    try:
        return args.func(args)
    except NewsreaderError as e:
        print(f"newsreader: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except argparse.ArgumentTypeError as e:
        print(f"newsreader: {e}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as e:  # noqa: BLE001 - the promise is one line, never a traceback
        print(f"newsreader: unexpected error: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
