"""What every command shares: the library it opens, one line per result, one line per failure."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, TextIO

from store.article import display_safe

if TYPE_CHECKING:
    from store.library.db import Library

EXIT_ERROR = 1
EXIT_USAGE = 2


def open_library(args: argparse.Namespace) -> Library:
    from store.library.db import Library, default_db_path

    return Library(args.db or default_db_path())


# --- the one writer: nothing a command prints can drive the terminal --------------------------

# In JSON, C0 controls are escaped by json itself; these are not, and a terminal acts on them
# (C1 CSI/OSC, bidi overrides) or a reader chokes on them (lone surrogates, line separators).
_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """Text with every control, bidi override and lone surrogate made visible; newlines and the
    tabs between fields stay."""
    return "\t".join(display_safe(part) for part in text.split("\t"))


def as_json(obj: object) -> str:
    """One line of JSON whose strings cannot drive a terminal (escaped as \\uXXXX)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(obj, ensure_ascii=False))


def out(text: object = "", *, end: str = "\n", file: TextIO | None = None) -> None:
    """Write text for a person or a pipe: the only way a command writes to stdout or stderr."""
    stream = file or sys.stdout
    safe = terminal_safe(str(text)) + end
    try:
        stream.write(safe)
    except UnicodeEncodeError:  # a terminal that cannot show every character
        encoding = stream.encoding or "ascii"
        stream.write(safe.encode(encoding, "replace").decode(encoding))


def emit(args: argparse.Namespace, obj: dict, line: str) -> None:
    """One result: a JSON object with --json, else one line."""
    if getattr(args, "json", False):
        out_json(obj)
    else:
        out(line)


def out_json(obj: object) -> None:
    sys.stdout.write(as_json(obj) + "\n")


def input_error(source: str, error: BaseException) -> str:
    """One line for an input that failed, starting with the input's name, so a run over many
    inputs says which one each line is about."""
    from store.errors import NewsreaderError

    message = str(error) if isinstance(error, NewsreaderError) else (
        f"unexpected error: {type(error).__name__}: {error}"
    )
    return message if message.startswith(source) else f"{source}: {message}"


def warn(message: str) -> None:
    out(f"newsreader: {message}", file=sys.stderr)


def day(value: str) -> date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


MAX_ID = 2**63 - 1  # SQLite's largest integer


def record_id(value: str) -> int:
    """An argparse type: an article, highlight or feed id (1 to 2^63 - 1)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id (a whole number): {value!r}") from None
    if not 1 <= n <= MAX_ID:
        raise argparse.ArgumentTypeError(f"id out of range (1 to 2^63 - 1): {value}")
    return n


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
    return n


def seconds(value: str) -> float:
    """An argparse type: a number of seconds above zero."""
    try:
        n = float(value)
    except ValueError:
        n = 0.0
    if not n > 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds above zero: {value!r}")
    return n


def add_work_options(p: argparse.ArgumentParser) -> None:
    """--jobs and --budget: how cleaning and analysis run (worker processes, a time limit).
    Their defaults are settled by store.ingest.pool, not imported to build the parser."""
    p.add_argument(
        "-j",
        "--jobs",
        type=positive,
        help="worker processes that clean and analyse (default: one per core)",
    )
    p.add_argument(
        "--budget",
        type=seconds,
        metavar="SECONDS",
        help="time an article may take in cleaning, and again in analysis, before that step "
        "is skipped and the article says so (default: 10)",
    )


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
        "said": getattr(q, "said", None),  # the day the text says it was said (ISO), or None
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
