"""`newsreader trash` (list or empty it) and `newsreader restore ID`: nothing removed is lost
until the trash is emptied."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from store.article import one_line
from tui.cli.common import command_maker, emit, open_library


def cmd_trash(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        if args.empty:
            n = library.empty_trash()
            emit(args, {"purged": n}, f"emptied the trash: {n} purged for good")
            return 0
        for e in library.trash():
            where = f"from {one_line(e.title)}" if e.kind == "highlight" else ""
            line = "\t".join(
                [str(e.id), e.kind, e.removed[:10], one_line(e.label), e.detail, where]
            ).rstrip("\t")
            emit(args, asdict(e), line)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        for trash_id in args.ids:
            r = library.restore(trash_id)
            e = r.entry
            if e.kind == "highlight":
                line = f"restored highlight {r.highlight_ids[0]} in article {r.article_id}"
            else:
                line = f"restored article {r.article_id} with {len(r.highlight_ids)} highlight(s)"
            emit(
                args,
                {
                    "trash_id": e.id,
                    "kind": e.kind,
                    "article_id": r.article_id,
                    "highlight_ids": r.highlight_ids,
                    "merged": r.merged,
                },
                f"{line}: {one_line(e.label)}",
            )
    return 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)
    p = command(
        sub, "trash", cmd_trash, "removed highlights and deleted articles, newest first", [as_json]
    )
    p.add_argument("--empty", action="store_true", help="purge everything in it for good")
    p = command(sub, "restore", cmd_restore, "put back what the trash holds, by id", [as_json])
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help="ids shown by `trash`")
