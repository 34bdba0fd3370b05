"""What every command shares: the library it opens, one line per result, one line per failure."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.library.db import Library

EXIT_ERROR = 1
EXIT_USAGE = 2


def open_library(args: argparse.Namespace) -> Library:
    from store.library.db import Library, default_db_path

    return Library(args.db or default_db_path())


def emit(args: argparse.Namespace, obj: dict, line: str) -> None:
    """One result: a JSON object with --json, else one line."""
    print(json.dumps(obj, ensure_ascii=False) if getattr(args, "json", False) else line)


def warn(message: str) -> None:
    print(f"newsreader: {message}", file=sys.stderr)


def day(value: str) -> date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
    return n


# --- JSON shapes -----------------------------------------------------------------------------


def analysis_json(analysis) -> dict:
    return {
        "anchor": analysis.anchor_text,
        "anchor_inferred": analysis.anchor_inferred,
        "anchor_reason": analysis.anchor_reason,
        "dates": [
            {"text": d.text, "start": d.start, "end": d.end, "type": d.type, "value": d.value}
            for d in analysis.dates
        ],
        "timeline": [
            {"date": e.date, "text": e.text, "start": e.start, "end": e.end}
            for e in analysis.timeline
        ],
        "quotes": [quote_json(q) for q in analysis.quotes],
        "speakers": [asdict(s) for s in analysis.speakers],
    }


def quote_json(q) -> dict:
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


Command = Callable[..., argparse.ArgumentParser]


def command_maker(common: argparse.ArgumentParser) -> Command:
    """`command(where, name, func, help, parents)`: a subcommand that runs `func(args)`."""

    def command(
        where, name: str, func: Callable, help: str, parents: Iterable = ()
    ) -> argparse.ArgumentParser:
        p = where.add_parser(name, help=help, description=help, parents=[common, *parents])
        p.set_defaults(func=func)
        return p

    return command


def usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE
