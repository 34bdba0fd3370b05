"""The notebook from the shell: `highlights`, `tags`, and `import` of annotations."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from store.article import one_line
from store.errors import NewsreaderError
from tui.cli.common import (
    EXIT_ERROR,
    command_maker,
    emit,
    open_library,
    out,
    out_json,
    record_id,
    warn,
)

PAGE = 500


def colour(value: str) -> int:
    """An argparse type: a colour as 1 to 5 or by its name."""
    from store.library.notebook import COLOUR_NAMES

    if value.isdigit() and 1 <= int(value) <= len(COLOUR_NAMES):
        return int(value)
    if value.lower() in COLOUR_NAMES:
        return COLOUR_NAMES.index(value.lower()) + 1
    raise argparse.ArgumentTypeError(f"not a colour (1-5 or {', '.join(COLOUR_NAMES)}): {value!r}")


def cmd_highlights(args: argparse.Namespace) -> int:
    from store.library.notebook import (
        TypedFilter,
        colour_name,
        find,
        resolve,
        tag_slug,
        tag_values,
    )

    with open_library(args) as library:
        if args.article is not None:
            library.get_article(args.article)  # a clear error for an unknown id
        typed = TypedFilter(
            args.search or "",
            tuple(tag_slug(t) for t in args.tag or () if tag_slug(t)),
            args.color,
            args.article,
        )
        wanted = resolve(typed, tag_values(library) if typed.tags else ())
        offset = 0
        while page := find(library, wanted, order=args.order, offset=offset, limit=PAGE):
            for e in page:
                h = e.highlight
                obj = asdict(h) | {"title": e.title, "published": e.published}
                tags = " ".join("#" + tag_slug(t) for t in h.tags)
                line = (
                    f"{h.id}\t{h.article_id}\t{colour_name(h.color)}\t{one_line(h.exact)}\t"
                    f"{one_line(h.note)}\t{one_line(tags)}"
                )
                emit(args, obj, line + ("\t(orphaned)" if h.orphaned else ""))
            offset += len(page)
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    from store.library.notebook import tag_counts

    with open_library(args) as library:
        for t in tag_counts(library):
            emit(args, asdict(t), f"{t.highlights}\t{one_line(t.tag)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from store.ingest.annotations import import_annotations
    from store.ingest.read import read_file

    failed = 0
    with open_library(args) as library:
        for name in args.files:
            try:
                report = import_annotations(library, read_file(name), name)
            except NewsreaderError as e:
                warn(str(e))
                failed += 1
                continue
            if args.json:
                out_json(asdict(report))
                continue
            out(one_line(report.summary()))
            for line in report.details():
                out(f"  {one_line(line)}")
    return EXIT_ERROR if failed else 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)

    p = command(
        sub,
        "highlights",
        cmd_highlights,
        "every highlight in the library, newest first, filtered by tag, colour, words, article",
        [as_json],
    )
    p.add_argument("--tag", action="append", help="only highlights with this tag (repeatable)")
    p.add_argument("--color", type=colour, help="only this colour: 1-5 or its name")
    p.add_argument("--search", metavar="WORDS", help="words in the quote, note or tags")
    p.add_argument("--article", type=record_id, metavar="ID", help="only this article's")
    p.add_argument(
        "--order",
        choices=("date", "article"),
        default="date",
        help="newest first (default) or by article, in text order",
    )

    command(sub, "tags", cmd_tags, "every tag with its number of highlights", [as_json])

    p = command(
        sub,
        "import",
        cmd_import,
        "highlights and notes from W3C Web Annotation or Hypothesis JSON files",
        [as_json],
    )
    p.add_argument("files", nargs="+", metavar="FILE")
