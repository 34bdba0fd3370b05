"""`newsreader config`: where the config file is, what is in effect, and writing a commented one."""

from __future__ import annotations

import argparse

from store.errors import NewsreaderError
from tui.cli.common import EXIT_ERROR, command_maker, emit, out, warn


def cmd_config(args: argparse.Namespace) -> int:
    from tui.config import config_path, load_config, write_template

    path = config_path()
    if args.init:
        try:
            write_template(path, force=args.force)
        except FileExistsError:
            raise NewsreaderError(f"{path}: already exists (--force writes it again)") from None
        except OSError as e:
            raise NewsreaderError(f"{path}: cannot write it ({e.strerror or e})") from None
        out(f"wrote {path}")
        return 0
    config, problems = load_config(path)
    settings = {
        "path": str(path),
        "exists": path.exists(),
        "theme": config.theme,
        "export_dir": str(config.export_dir) if config.export_dir else None,
        "sort": config.sort,
        "refresh_on_start": config.refresh_on_start,
        "keys": config.keys,
        "problems": problems,
    }
    lines = [f"{path}{'' if path.exists() else ' (not written yet: config --init)'}"]
    for key in ("theme", "export_dir", "sort", "refresh_on_start"):
        value = settings[key]
        lines.append(f"{key} = {value if value is not None else '(default)'}")
    lines += [f"keys.{binding_id} = {keys}" for binding_id, keys in config.keys.items()]
    emit(args, settings, "\n".join(lines))
    for problem in problems:
        warn(problem)
    return EXIT_ERROR if problems else 0


def add_commands(sub, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser) -> None:
    command = command_maker(common)
    p = command(
        sub,
        "config",
        cmd_config,
        "the config file: its path and settings; --init writes one with comments",
        [as_json],
    )
    p.add_argument("--init", action="store_true", help="write the commented config file")
    p.add_argument("--force", action="store_true", help="with --init: replace an existing one")
    p.epilog = "The file is $NEWSREADER_CONFIG, else config.toml in the user config folder."
