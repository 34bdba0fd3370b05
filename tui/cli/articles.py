"""Article commands: add, list, show, extract, highlight, reclean and anchor."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from store.article import one_line
from store.errors import NewsreaderError
from tui.cli.common import (
    EXIT_ERROR,
    analysis_json,
    command_maker,
    day,
    emit,
    open_library,
    quote_json,
    warn,
)


def cmd_add(args: argparse.Namespace) -> int:
    from store.ingest.read import read_article

    failed = 0
    with open_library(args) as library:
        for source in args.sources:
            try:
                article = read_article(source)
                article_id, created = library.add_article(article, anchor=args.date)
            except NewsreaderError as e:
                warn(str(e))
                failed += 1
                continue
            title = library.get_article(article_id).title
            note = "" if created else " (already in the library)"
            emit(
                args,
                {"id": article_id, "title": title, "created": created, "source": source},
                f"{article_id}\t{one_line(title)}{note}",
            )
    return EXIT_ERROR if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        offset = 0
        while page := library.list_articles(offset=offset, limit=500):
            for a in page:
                emit(
                    args,
                    asdict(a),
                    f"{a.id}\t{a.published or '-'}\t{a.highlights}\t{one_line(a.title)}"
                    f"\t{a.site or ''}",
                )
            offset += len(page)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args) as library:
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
            obj["quotes"] = [quote_json(q) for q in quotes]
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
    from store.analysis.pipeline import analyse
    from store.ingest.read import read_article

    failed = 0
    for source in args.sources:
        try:
            article = read_article(source, clean=not args.no_clean)
            published = article.published or (args.date.isoformat() if args.date else None)
            if args.json:
                analysis = analyse(article.text, published=published)
        except NewsreaderError as e:
            warn(str(e))
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
    with open_library(args) as library:
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
        emit(args, asdict(h), f"{h.id}\t{one_line(h.exact)}")
    return 0


def cmd_reclean(args: argparse.Namespace) -> int:
    from store.ingest.read import read_article
    from store.library.seeds import read_seed

    with open_library(args) as library:
        old = library.get_article(args.id)
        source = args.source or old.url
        if not source:
            raise NewsreaderError(f"article {args.id} has no source to read again; give one")
        seed = read_seed(source)
        article = seed if seed is not None else read_article(source)
        lost = library.replace_text(args.id, article)
        emit(
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
    with open_library(args) as library:
        chosen = None if args.date == "auto" else day(args.date)
        library.set_anchor(args.id, chosen)
        a = library.get_article(args.id)
        how = "inferred" if a.anchor_inferred else "set"
        emit(
            args,
            {"id": a.id, "anchor": a.anchor, "anchor_inferred": a.anchor_inferred},
            f"{a.id}\t{a.anchor or 'none'} ({how})",
        )
    return 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)

    p = command(sub, "add", cmd_add, "store articles from files, URLs or '-' (stdin)", [as_json])
    p.add_argument("sources", nargs="+", metavar="PATH|URL|-")
    p.add_argument("--date", type=day, help="publication date when the source has none")

    command(sub, "list", cmd_list, "list the library, newest first", [as_json])

    p = command(
        sub, "show", cmd_show, "an article with its timeline, quotes and highlights", [as_json]
    )
    p.add_argument("id", type=int)

    p = command(sub, "extract", cmd_extract, "clean and analyse without storing", [as_json])
    p.add_argument("sources", nargs="+", metavar="PATH|URL|-")
    p.add_argument("--date", type=day, help="publication date when the input has none")
    p.add_argument("--no-clean", action="store_true", help="take the input as already clean text")

    p = command(sub, "highlight", cmd_highlight, "highlight exact words of an article", [as_json])
    p.add_argument("id", type=int)
    p.add_argument("--text", required=True, help="the exact words to highlight")
    p.add_argument("--note", help="a note on the highlight")
    p.add_argument("--tag", action="append", help="a tag (repeatable)")
    p.add_argument("--color", type=int, default=1, choices=range(1, 6), help="colour 1-5")

    p = command(sub, "anchor", cmd_anchor, "set the date relative dates resolve against", [as_json])
    p.add_argument("id", type=int)
    p.add_argument("date", metavar="YYYY-MM-DD|auto")

    p = command(
        sub,
        "reclean",
        cmd_reclean,
        "read an article's source again; highlights follow their words",
        [as_json],
    )
    p.add_argument("id", type=int)
    p.add_argument("source", nargs="?", metavar="PATH|URL", help="default: where it came from")
