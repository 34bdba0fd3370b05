"""`newsreader feed add|list|remove`, `refresh`, `opml import|export`, `read`/`unread`.

A refresh draws one progress bar when standard output is a terminal and prints plain lines
(one per feed) otherwise, so it reads well both ways; failures go to stderr, one line each.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from store.article import one_line
from tui.cli.common import (
    EXIT_ERROR,
    add_work_options,
    command_maker,
    emit,
    open_library,
    out,
    positive,
    record_id,
    usage,
    warn,
)

# --- feed add / list / remove ----------------------------------------------------------------


def cmd_feed_add(args: argparse.Namespace) -> int:
    from store.errors import NewsreaderError
    from store.ingest.feeds import add_feed, subscribe

    failed = 0
    with open_library(args) as library:
        for url in args.urls:
            try:
                if args.no_check:
                    feed, created = add_feed(library, url)
                else:
                    feed, created = subscribe(library, url)
            except NewsreaderError as e:
                warn(str(e))
                failed += 1
                continue
            note = "" if created else " (already subscribed)"
            emit(
                args,
                asdict(feed) | {"created": created},
                f"{feed.id}\t{one_line(feed.name)}\t{feed.url}{note}",
            )
    return EXIT_ERROR if failed else 0


def cmd_feed_list(args: argparse.Namespace) -> int:
    from store.ingest.feeds import list_feeds

    with open_library(args) as library:
        for f in list_feeds(library):
            status = f"error: {f.last_error}" if f.last_error else (f.last_checked or "never")
            emit(
                args,
                asdict(f),
                f"{f.id}\t{f.unread}/{f.articles}\t{one_line(f.name)}\t{f.url}\t{status}",
            )
    return 0


def cmd_feed_remove(args: argparse.Namespace) -> int:
    from store.ingest.feeds import remove_feed

    with open_library(args) as library:
        for ref in args.feeds:
            feed = remove_feed(library, ref)
            emit(args, asdict(feed), f"{feed.id}\t{one_line(feed.name)}\tremoved")
    return 0


# --- refresh ---------------------------------------------------------------------------------


def cmd_refresh(args: argparse.Namespace) -> int:
    from store.ingest.feeds import get_feed, list_feeds, refresh_feeds

    with open_library(args) as library:
        feeds = [get_feed(library, ref) for ref in args.feeds] if args.feeds else None
        count = len(feeds if feeds is not None else list_feeds(library))
        if count == 0:
            warn("no feeds yet: add one with `newsreader feed add URL`")
            return EXIT_ERROR
        options = {
            "concurrency": args.requests,
            "per_host": args.per_host,
            "jobs": args.jobs,
            "budget": args.budget,
        }
        if sys.stdout.isatty() and not args.json:
            report = _refresh_with_bar(library, feeds, count, options)
        else:
            report = refresh_feeds(library, feeds, progress=_plain_lines(args), **options)
    for url, error in report.failed:
        warn(error if error.startswith(url) else f"{url}: {error}")
    for warning in report.warnings:
        warn(warning)
    summary = {
        "feeds": report.feeds,
        "new": len(report.new_articles),
        "not_modified": report.not_modified,
        "duplicates": report.duplicates,
        "pages_fetched": report.pages_fetched,
        "failed": len(report.failed),
        "warnings": len(report.warnings),
        "new_ids": report.new_articles,
    }
    emit(
        args,
        summary,
        f"{report.feeds} feeds: {len(report.new_articles)} new articles, "
        f"{report.not_modified} not modified, {len(report.failed)} failed",
    )
    return EXIT_ERROR if report.failed else 0


def _plain_lines(args: argparse.Namespace):
    """One line per feed as it finishes (entries are counted, not listed)."""

    def show(event) -> None:
        if args.json or event.kind != "feed":
            return
        message = event.message.removeprefix(f"{event.feed.url}: ")
        if event.error:
            message = f"failed: {message}"
        out(f"[{event.done}/{event.total}] {one_line(event.feed.name)}: {message}")
        sys.stdout.flush()

    return show


def _refresh_with_bar(library, feeds, count: int, options: dict):
    from store.ingest.feeds import refresh_feeds
    from tui.cli.progress import progress_bar

    with progress_bar("Refreshing", count, "items") as bar:

        def show(event) -> None:
            bar.update(event.done, event.total, one_line(event.feed.name)[:40])

        return refresh_feeds(library, feeds, progress=show, **options)


# --- opml ------------------------------------------------------------------------------------


def cmd_opml_import(args: argparse.Namespace) -> int:
    from store.ingest.opml import import_opml

    with open_library(args) as library:
        result = import_opml(library, args.file)
    for feed in result.added:
        emit(args, asdict(feed) | {"created": True}, f"{feed.id}\t{one_line(feed.name)}")
    for line in result.skipped:
        warn(f"skipped {line}")
    if not args.json:
        out(
            f"{len(result.added)} feeds added, {len(result.existing)} already there, "
            f"{len(result.skipped)} skipped"
        )
    return 0


def cmd_opml_export(args: argparse.Namespace) -> int:
    from store.ingest.opml import export_opml, opml_text

    with open_library(args) as library:
        if args.output:
            out(export_opml(library, args.output))
        else:
            out(opml_text(library), end="")
    return 0


# --- read state ------------------------------------------------------------------------------


def cmd_read(args: argparse.Namespace) -> int:
    from store.ingest.feeds import mark_read

    with open_library(args) as library:
        for article_id in args.ids:
            mark_read(library, article_id, read=args.read)
            emit(
                args,
                {"id": article_id, "read": args.read},
                f"{article_id}\t{'read' if args.read else 'unread'}",
            )
    return 0


# --- parser ----------------------------------------------------------------------------------


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    """Register the feed commands on the `newsreader` subparsers."""

    command = command_maker(common)

    def group(name: str, help: str):
        p = sub.add_parser(name, help=help, description=help, parents=[common])
        p.set_defaults(func=lambda args: usage(p))
        return p.add_subparsers(title="commands", metavar="COMMAND")

    feed = group("feed", "subscribe to RSS/Atom feeds: add, list, remove")
    p = command(
        feed, "add", cmd_feed_add, "subscribe to feeds (or the feed a page links)", [as_json]
    )
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--no-check", action="store_true", help="subscribe without fetching the feed")
    command(feed, "list", cmd_feed_list, "subscribed feeds with unread/total counts", [as_json])
    p = command(feed, "remove", cmd_feed_remove, "unsubscribe (articles stay)", [as_json])
    p.add_argument("feeds", nargs="+", metavar="ID|URL")

    p = command(sub, "refresh", cmd_refresh, "fetch all feeds and store new articles", [as_json])
    p.add_argument("feeds", nargs="*", metavar="ID|URL", help="only these feeds")
    p.add_argument("--requests", type=positive, default=8, help="requests at once (8)")
    p.add_argument("--per-host", type=positive, default=2, help="requests at once per host (2)")
    add_work_options(p)

    opml = group("opml", "import or export subscriptions as OPML")
    p = command(
        opml, "import", cmd_opml_import, "subscribe to every feed of an OPML file", [as_json]
    )
    p.add_argument("file", metavar="FILE")
    p = command(opml, "export", cmd_opml_export, "every feed as OPML")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    p = command(sub, "read", cmd_read, "mark articles read", [as_json])
    p.add_argument("ids", nargs="+", type=record_id, metavar="ID")
    p.set_defaults(read=True)
    p = command(sub, "unread", cmd_read, "mark articles unread", [as_json])
    p.add_argument("ids", nargs="+", type=record_id, metavar="ID")
    p.set_defaults(read=False)
