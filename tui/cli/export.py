"""`newsreader export`: highlights and notes as Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import (
    command_maker,
    open_library,
    out,
    record_id,
)


def cmd_export(args: argparse.Namespace) -> int:
    from store.export.markdown import combined_markdown, export_markdown, library_markdown

    with open_library(args) as library:
        for article_id in args.ids:
            library.get_article(article_id)  # a clear error for an unknown id
        if args.output is None:
            if len(args.ids) == 1:
                out(library_markdown(library, args.ids)[0][1], end="")
            else:
                out(combined_markdown(library, args.ids or None), end="")
            return 0
        for path in export_markdown(library, Path(args.output), args.ids or None):
            out(path)
    return 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)
    p = command(sub, "export", cmd_export, "highlights and notes as Markdown")
    p.add_argument("ids", nargs="*", type=record_id, metavar="ID")
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="a .md file for one document, else a folder for one file per article "
        "(default: standard output)",
    )
