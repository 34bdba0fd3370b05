"""The `newsreader` command: the app with no arguments, scriptable subcommands otherwise.

Every result is one line (or one JSON object per line with --json); every failure is one line
on stderr and a non-zero exit, never a traceback. Textual is imported only to start the app.
"""

from __future__ import annotations

import argparse
import gc
import sys

from store.errors import NewsreaderError
from tui.cli import analysis, articles, config, export, feeds, notebook, trash
from tui.cli.common import EXIT_ERROR, EXIT_USAGE, open_library, warn


def cmd_app(args: argparse.Namespace) -> int:
    gc.disable()  # until the app's first frame, as in NewsReader.on_load (imports included)
    from store.library.db import default_db_path
    from tui.app import NewsReader
    from tui.config import config_path

    library = open_library(args)  # open (and migrate, and seed) before the screen takes over
    library.close()
    NewsReader(db_path=args.db or default_db_path(), config_path=config_path()).run()
    return 0


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
    for group in (articles, export, analysis, feeds, notebook, config, trash):
        group.add_commands(sub, common, as_json)
    return parser


def undecodable(argv: list[str]) -> str | None:
    """The first argument that is not valid text (bytes the locale could not decode)."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if (bad := undecodable(argv)) is not None:
        warn(f"an argument is not valid UTF-8 text: {bad!r}")
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(argv)
    # --db is shared by every subparser with SUPPRESS as default, so it is set only when given.
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    try:
        return args.func(args)
    except NewsreaderError as e:
        warn(str(e))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except argparse.ArgumentTypeError as e:
        warn(str(e))
        return EXIT_USAGE
    except Exception as e:  # noqa: BLE001 - the promise is one line, never a traceback
        from store.library.db import default_db_path
        from store.library.transactions import describe

        known = describe(e, args.db or default_db_path())
        warn(str(known) if known else f"unexpected error: {type(e).__name__}: {e}")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
