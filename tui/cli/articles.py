"""Article commands: add, list, show, extract, highlight, reclean and anchor."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from store.article import one_line
from store.errors import NewsreaderError
from tui.cli.common import (
    EXIT_ERROR,
    add_work_options,
    analysis_json,
    command_maker,
    day,
    emit,
    input_error,
    open_library,
    out,
    out_json,
    quote_json,
    record_id,
    warn,
)


def cmd_add(args: argparse.Namespace) -> int:
    """Files, folders (walked), URLs, '-' and a list of them: cleaned and analysed on every
    core, stored in batches; a line per article as it is stored, failures at the end."""
    from store.ingest.bulk import Added

    sources, failures, skipped = _sources(args)
    with open_library(args) as library:
        if not sources:
            report = None
        elif sys.stdout.isatty() and not args.json and len(sources) > 1:
            from tui.cli.progress import progress_bar

            with progress_bar("Adding", len(sources), "articles") as bar:

                def show(result, done: int, total: int) -> None:
                    if isinstance(result, Added):
                        bar.print(_added_line(result))
                    bar.update(done, total, one_line(result.source)[-40:])

                report = _add(library, sources, args, show)
        else:

            def show(result, done: int, total: int) -> None:
                if isinstance(result, Added):
                    emit(args, _added_json(result), _added_line(result))
                    sys.stdout.flush()

            report = _add(library, sources, args, show)
    order = {source: i for i, source in reversed(list(enumerate(sources)))}
    failed = sorted(report.failed if report else [], key=lambda f: order.get(f.source, 0))
    failures += [f.reason for f in failed]  # in the order the inputs were given
    for reason in failures:
        warn(reason)
    for added in report.new if report else []:
        for warning in added.warnings:
            warn(f"{added.source}: {warning}")
    if len(sources) > 1 or skipped:
        new = len(report.new) if report else 0
        known = len(report.added) - new if report else 0
        note = f", {skipped} other files passed over" if skipped else ""
        warn(
            f"{len(sources)} sources: {new} added, {known} already in the library, "
            f"{len(failures)} failed{note}"
        )
    return EXIT_ERROR if failures else 0


def _sources(args: argparse.Namespace) -> tuple[list[str], list[str], int]:
    """What to add: folders walked, the list read. Returns (sources, failures, files that are
    in a folder but are neither HTML nor text)."""
    from pathlib import Path

    from store.ingest.archive import read_list, walk_folder
    from store.ingest.read import is_url

    sources: list[str] = []
    failures: list[str] = []
    skipped = 0
    for source in args.sources:
        if source != "-" and not is_url(source) and Path(source).expanduser().is_dir():
            found, passed = walk_folder(Path(source).expanduser())
            if not found:
                failures.append(f"{source}: a directory with no HTML or text files in it")
            sources += found
            skipped += passed
        else:
            sources.append(source)
    if args.from_list:
        sources += read_list(args.from_list)
    if not sources and not failures:
        raise NewsreaderError("nothing to add: give files, folders, URLs, '-' or --from-list")
    return sources, failures, skipped


def _add(library, sources: list[str], args: argparse.Namespace, show):
    from store.ingest.bulk import add_sources

    return add_sources(
        library,
        sources,
        jobs=args.jobs,
        budget=args.budget,
        anchor=args.date,
        progress=show,
    )


def _added_line(added) -> str:
    note = "" if added.created else " (already in the library)"
    return f"{added.id}\t{one_line(added.title)}{note}"


def _added_json(added) -> dict:
    return {
        "id": added.id,
        "title": added.title,
        "created": added.created,
        "source": added.source,
        "warnings": list(added.warnings),
    }


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
    from store.library.voices import article_speakers

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
            obj["speakers"] = [asdict(s) for s in article_speakers(library, a.id)]
            out_json(obj)
            return 0
        meta = " · ".join(m for m in (a.site, a.byline, a.published) if m)
        out(a.title)
        if meta:
            out(meta)
        if a.url:
            out(a.url)
        out()
        out(a.text)
        if timeline:
            from store.analysis.labels import heading, time_words
            from store.analysis.timeline import excerpt

            out("\nTimeline")
            last = None
            for e in timeline:
                if heading(e.date) != last:
                    last = heading(e.date)
                    out(f"  {last}")
                when = f"{time_words(e.date)}: " if time_words(e.date) else ""
                out(f"    {when}{one_line(excerpt(e.text, e.cut_start, e.cut_end))}")
        if quotes:
            out("\nQuotes")
            for q in quotes:
                out(f"  {one_line(q.text)} — {q.speaker or 'unknown'}")
        if a.warnings:
            out("\nWarnings")
            for warning in a.warnings:
                out(f"  {one_line(warning)}")
        if highlights:
            out("\nHighlights")
            for h in highlights:
                extra = "".join(f" #{t}" for t in h.tags)
                note = f" — {one_line(h.note)}" if h.note else ""
                out(f"  [{h.id}] {one_line(h.exact)}{note}{extra}")
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
        except Exception as e:  # noqa: BLE001 - one bad input never stops the others
            warn(input_error(source, e))
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
            out_json(obj)
        else:
            if len(args.sources) > 1:
                out(f"==> {source} <==")
            if article.title:
                out(article.title)
            meta = " · ".join(m for m in (article.site, article.byline, published) if m)
            if meta:
                out(meta)
            out()
            out(article.text)
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
            out(
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
            {"id": a.id, "anchor": a.anchor, "anchor_inferred": a.anchor_inferred,
             "anchor_reason": a.anchor_reason},
            f"{a.id}\t{a.anchor or 'none'} ({how})",
        )
    return 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)

    p = command(
        sub,
        "add",
        cmd_add,
        "store articles from files, folders of saved pages, URLs or '-' (stdin)",
        [as_json],
    )
    p.add_argument("sources", nargs="*", metavar="PATH|DIR|URL|-")
    p.add_argument(
        "--from-list", metavar="FILE", help="also add the URLs or paths in FILE, one a line"
    )
    p.add_argument("--date", type=day, help="publication date when the source has none")
    add_work_options(p)

    command(sub, "list", cmd_list, "list the library, newest first", [as_json])

    p = command(
        sub, "show", cmd_show, "an article with its timeline, quotes and highlights", [as_json]
    )
    p.add_argument("id", type=record_id)

    p = command(sub, "extract", cmd_extract, "clean and analyse without storing", [as_json])
    p.add_argument("sources", nargs="+", metavar="PATH|URL|-")
    p.add_argument("--date", type=day, help="publication date when the input has none")
    p.add_argument("--no-clean", action="store_true", help="take the input as already clean text")

    p = command(sub, "highlight", cmd_highlight, "highlight exact words of an article", [as_json])
    p.add_argument("id", type=record_id)
    p.add_argument("--text", required=True, help="the exact words to highlight")
    p.add_argument("--note", help="a note on the highlight")
    p.add_argument("--tag", action="append", help="a tag (repeatable)")
    p.add_argument("--color", type=int, default=1, choices=range(1, 6), help="colour 1-5")

    p = command(
        sub, "anchor", cmd_anchor, "set the date relative dates resolve against", [as_json]
    )
    p.add_argument("id", type=record_id)
    p.add_argument("date", metavar="YYYY-MM-DD|auto")

    p = command(
        sub,
        "reclean",
        cmd_reclean,
        "read an article's source again; highlights follow their words",
        [as_json],
    )
    p.add_argument("id", type=record_id)
    p.add_argument("source", nargs="?", metavar="PATH|URL", help="default: where it came from")
