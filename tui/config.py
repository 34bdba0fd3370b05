"""The config file: a TOML file in the platform's config folder, every key optional.

Pure Python (no Textual), so the CLI reads and writes it without loading the UI. Reading never
fails: a bad value gives one line naming the key and the file, and that key keeps its default;
a file that is not TOML at all gives one line and every default. The app shows these lines in
one notice and starts anyway.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SORTS = ("added", "published", "title", "site", "unread", "highlights")
KEYS_TABLE = "keys"
_KEY_NAME = re.compile(r"[^\s,]+(?:\s*,\s*[^\s,]+)*")
_TABLE_HEADER = re.compile(r"^\s*\[")
_THEME_LINE = re.compile(r"^\s*theme\s*=.*$")
_THEME_HINT = re.compile(r"^\s*#\s*theme\s*=")


@dataclass(frozen=True)
class Config:
    """What a person chose; None (or empty) means the built-in default."""

    theme: str | None = None
    export_dir: Path | None = None
    sort: str | None = None  # one of SORTS; None: newest added (a feed: newest published)
    refresh_on_start: bool = False
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> key(s), Textual names
    path: Path | None = None  # the file it came from (None: no file, nothing is saved)


def config_path() -> Path:
    """`$NEWSREADER_CONFIG`, else config.toml in the user's config folder."""
    if env := os.environ.get("NEWSREADER_CONFIG"):
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("newsreader") / "config.toml"


TEMPLATE = """\
# newsreader settings. Every key is optional: delete a line, or leave it commented out, for
# the default. `newsreader config` shows what is in effect; `newsreader config --init` wrote
# this file.

# The colour theme: any Textual theme, e.g. textual-dark, textual-light, nord, gruvbox,
# catppuccin-latte, solarized-light (ctrl+p, then "theme", lists them in the app). A theme
# chosen in the app is written here, so it is kept for the next start.
# theme = "textual-dark"

# The folder Markdown exports are written to (~ is your home folder). The environment
# variable NEWSREADER_EXPORT_DIR wins over it.
# export_dir = "~/newsreader-export"

# How the library is sorted when the app starts: added, published, title, site, unread or
# highlights (S in the library goes through them).
# sort = "added"

# Fetch every subscribed feed when the app starts.
# refresh_on_start = false

# Your own keys, by the id of what a key does (the README lists every id). The value is the
# key, or several separated by commas, as Textual names them: "H", "ctrl+h", "f5", "space".
# A key given here replaces the built-in one for that id.
[keys]
# highlight = "H"
# next-unread = "n"
"""


def _problem(path: Path, key: str, message: str) -> str:
    return f"{path}: {key}: {message}"


def load_config(path: Path | None) -> tuple[Config, list[str]]:
    """The config at `path` (None or a missing file: the defaults) and its problems, one line
    each."""
    if path is None or not path.exists():
        return Config(path=path), []
    import tomllib  # only with a file to read (a cost at every start otherwise)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        return Config(path=path), [f"{path}: cannot read it ({e}); using the defaults"]
    except tomllib.TOMLDecodeError as e:
        return Config(path=path), [f"{path}: not valid TOML ({e}); using the defaults"]
    problems: list[str] = []
    values: dict[str, object] = {}
    for key, value in data.items():
        if key == "theme":
            if isinstance(value, str) and value.strip():
                values["theme"] = value.strip()
            else:
                problems.append(_problem(path, key, f"must be a theme name, not {value!r}"))
        elif key == "export_dir":
            if isinstance(value, str) and value.strip():
                values["export_dir"] = Path(value.strip()).expanduser()
            else:
                problems.append(_problem(path, key, f"must be a folder, not {value!r}"))
        elif key == "sort":
            if value in SORTS:
                values["sort"] = value
            else:
                problems.append(_problem(path, key, f"must be one of {', '.join(SORTS)}, "
                                         f"not {value!r}"))
        elif key == "refresh_on_start":
            if isinstance(value, bool):
                values["refresh_on_start"] = value
            else:
                problems.append(_problem(path, key, f"must be true or false, not {value!r}"))
        elif key == KEYS_TABLE:
            if not isinstance(value, dict):
                problems.append(_problem(path, key, "must be a table: [keys]"))
                continue
            keys = {}
            for binding_id, keyspec in value.items():
                if isinstance(keyspec, str) and _KEY_NAME.fullmatch(keyspec.strip()):
                    keys[binding_id] = keyspec.strip()
                else:
                    problems.append(
                        _problem(path, f"keys.{binding_id}", f"must be a key name such as "
                                 f'"H" or "ctrl+h", not {keyspec!r}')
                    )
            values["keys"] = keys
        else:
            problems.append(_problem(path, key, "unknown setting (ignored)"))
    return Config(path=path, **values), problems  # type: ignore[arg-type]


def unknown_key_ids(config: Config, known: set[str]) -> list[str]:
    """One line per [keys] entry whose id no binding has."""
    return [
        _problem(config.path or Path("config"), f"keys.{binding_id}", "no key has this id")
        for binding_id in config.keys
        if binding_id not in known
    ]


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_template(path: Path, *, force: bool = False) -> None:
    """The commented config file; an existing one is kept unless `force`."""
    if path.exists() and not force:
        raise FileExistsError(path)
    _write_atomically(path, TEMPLATE)


def save_theme(path: Path, theme: str) -> None:
    """Keep `theme` for the next start: its line in the file is replaced (or added before the
    first table), every other line and comment stays as the person wrote it. A file that is
    not valid TOML is left alone (ValueError)."""
    import tomllib

    line = f"theme = {json.dumps(theme)}"
    text = path.read_text(encoding="utf-8") if path.exists() else TEMPLATE
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: not valid TOML ({e}); the theme was not saved") from None
    lines = text.splitlines()
    table = next((i for i, s in enumerate(lines) if _TABLE_HEADER.match(s)), len(lines))
    found = next((i for i in range(table) if _THEME_LINE.match(lines[i])), None)
    hint = next((i for i in range(table) if _THEME_HINT.match(lines[i])), None)
    if found is not None:
        lines[found] = line
    elif hint is not None:  # under the template's commented example
        lines.insert(hint + 1, line)
    else:
        lines[table:table] = [line, ""] if table < len(lines) else [line]
    _write_atomically(path, "\n".join(lines) + "\n")
