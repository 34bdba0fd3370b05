"""`newsreader export`: highlights and notes as Markdown, W3C Web Annotations or Readwise CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from store.errors import NewsreaderError
from tui.cli.common import EXIT_ERROR, command_maker, open_library, out, record_id, warn

FILE_NAMES = {"w3c": "newsreader-annotations.jsonld", "readwise": "newsreader-readwise.csv"}


def markdown(library, args: argparse.Namespace) -> int:
    from store.export.markdown import (
        combined_markdown,
        export_markdown,
        library_markdown,
        marked,
    )

    if args.output is None:
        if len(args.ids) == 1:
            text = library_markdown(library, args.ids)[0][1]
        else:
            text = combined_markdown(library, args.ids or None)
        out(marked(text), end="")  # the same text as the file an -o export writes
        return 0
    report = export_markdown(library, Path(args.output), args.ids or None)
    for path in report.written:
        out(path)
    for path, why in report.skipped:
        warn(f"{path}: not replaced, {why}")
    return EXIT_ERROR if report.skipped else 0


def ours(path: Path, kind: str) -> bool:
    """Whether an existing file was written by this export (so it may be replaced)."""
    from store.export.readwise import COLUMNS

    try:
        with path.open(encoding="utf-8") as f:
            head = f.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    if kind == "w3c":
        return '"id": "urn:newsreader"' in head and '"type": "AnnotationCollection"' in head
    return head.split("\n", 1)[0] == ",".join(COLUMNS)


def one_file(library, args: argparse.Namespace) -> int:
    from store.export.readwise import readwise_csv
    from store.export.w3c import w3c_json

    make = w3c_json if args.format == "w3c" else readwise_csv
    text = make(library, args.ids or None)
    if args.output is None:
        out(text, end="")
        return 0
    target = Path(args.output)
    if target.is_dir() or args.output.endswith(("/", "\\")):
        target = target / FILE_NAMES[args.format]
    if target.exists() and not ours(target, args.format):
        warn(f"{target}: not replaced, not written by newsreader")
        return EXIT_ERROR
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as e:
        raise NewsreaderError(f"{target}: cannot write ({e.strerror or e})") from None
    out(target)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        for article_id in args.ids:
            library.get_article(article_id)  # a clear error for an unknown id
        if args.format == "md":
            return markdown(library, args)
        return one_file(library, args)


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)
    p = command(
        sub, "export", cmd_export, "highlights and notes as Markdown, W3C annotations or CSV"
    )
    p.add_argument("ids", nargs="*", type=record_id, metavar="ID")
    p.add_argument(
        "--format",
        choices=("md", "w3c", "readwise"),
        default="md",
        help="md: Markdown (default); w3c: W3C Web Annotation JSON-LD; readwise: Readwise CSV",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="md: a .md file for one document, else a folder for one file per article; "
        "w3c, readwise: a file or a folder (default: standard output). A file newsreader did "
        "not write, or that was edited since, is never replaced",
    )
