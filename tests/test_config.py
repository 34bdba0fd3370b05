"""The config file: read without Textual, bad values named one line each, the theme written
back without touching the rest, `newsreader config --init`; and the app living with it."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tui.app import NewsReader, binding_ids
from tui.config import TEMPLATE, Config, load_config, save_theme, write_template
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView

ROOT = Path(__file__).resolve().parents[1]
SIZE = (120, 30)


def test_no_file_is_every_default(tmp_path):
    config, problems = load_config(tmp_path / "missing.toml")
    assert (config.theme, config.sort, config.keys, problems) == (None, None, {}, [])
    assert load_config(None) == (Config(), [])


def test_every_setting_is_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "nord"\nexport_dir = "~/notes"\nsort = "title"\nrefresh_on_start = true\n'
        '[keys]\nhighlight = "H"\nnext-unread = "n, ctrl+n"\n',
        encoding="utf-8",
    )
    config, problems = load_config(path)
    assert problems == []
    assert config.theme == "nord" and config.sort == "title" and config.refresh_on_start
    assert config.export_dir == Path.home() / "notes"
    assert config.keys == {"highlight": "H", "next-unread": "n, ctrl+n"}


def test_each_bad_value_is_one_line_naming_the_key_and_the_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = 3\nsort = "newest"\nrefresh_on_start = "yes"\ncolour = "red"\n'
        'export_dir = "~/ok"\n[keys]\nhighlight = ""\nnote = "N"\n',
        encoding="utf-8",
    )
    config, problems = load_config(path)
    assert len(problems) == 5
    for key, problem in zip(
        ("theme", "sort", "refresh_on_start", "colour", "keys.highlight"), problems, strict=True
    ):
        assert problem.startswith(f"{path}: {key}: ") and "\n" not in problem
    # what was right is kept; what was wrong has its default
    assert config.export_dir == Path.home() / "ok" and config.keys == {"note": "N"}
    assert config.theme is None and config.sort is None and config.refresh_on_start is False


def test_a_file_that_is_not_toml_is_one_line_and_every_default(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = \n[[[", encoding="utf-8")
    config, problems = load_config(path)
    assert config == Config(path=path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}: not valid TOML")


def test_the_template_is_valid_commented_toml(tmp_path):
    assert tomllib.loads(TEMPLATE) == {"keys": {}}
    path = tmp_path / "sub" / "config.toml"
    write_template(path)
    assert path.read_text(encoding="utf-8") == TEMPLATE
    with pytest.raises(FileExistsError):
        write_template(path)


def test_saving_the_theme_keeps_every_other_line(tmp_path):
    path = tmp_path / "config.toml"
    save_theme(path, "nord")  # no file yet: the template, with the theme set
    assert load_config(path)[0].theme == "nord"
    assert "# export_dir" in path.read_text(encoding="utf-8")
    mine = '# mine\nsort = "site"  # keep\n\n[keys]\nhighlight = "H"\n'
    path.write_text(mine, encoding="utf-8")
    save_theme(path, "gruvbox")
    save_theme(path, "dracula")
    text = path.read_text(encoding="utf-8")
    assert text.count("theme =") == 1 and mine.split("\n[keys]")[0] in text
    config, problems = load_config(path)
    assert (config.theme, config.sort, config.keys, problems) == (
        "dracula", "site", {"highlight": "H"}, []
    )
    path.write_text("not toml [", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid TOML"):
        save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == "not toml ["  # a broken file is left alone


def test_the_readme_names_every_key_id():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(i for i in binding_ids() if f"`{i}`" not in readme)
    assert missing == []


def cli(*args: str, config: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSREADER_CONFIG": str(config)}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli.main", *args], capture_output=True, text=True, env=env
    )


def test_config_init_writes_the_commented_file_once(tmp_path):
    path = tmp_path / "conf" / "config.toml"
    shown = cli("config", config=path)
    assert shown.returncode == 0 and "not written yet" in shown.stdout
    assert cli("config", "--init", config=path).returncode == 0
    assert path.read_text(encoding="utf-8") == TEMPLATE
    again = cli("config", "--init", config=path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert again.stderr.count("\n") == 1  # one line, no traceback
    path.write_text('sort = "newest"\n', encoding="utf-8")
    bad = cli("config", config=path)
    assert bad.returncode == 1 and f"{path}: sort: must be one of" in bad.stderr


# --- the app with a config --------------------------------------------------------------------


async def test_a_keymap_moves_h_to_another_key(reading_library, tmp_path):
    path, ids = reading_library
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nhighlight = "H"\n', encoding="utf-8")
    app = NewsReader(db_path=path, export_dir=tmp_path / "export", config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader(ids["first"])
        await pilot.pause()
        await pilot.press("h")
        assert app.library.highlights(ids["first"]) == []  # h does nothing now
        await pilot.press("H")
        assert len(app.library.highlights(ids["first"])) == 1
        assert "H Highlight" in str(app.screen.query_one("KeyBar").render())
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        reading = dict(app.screen.sections)["Reading: highlights, notes, panes"]
        assert ("H", "Highlight") in reading


async def test_the_library_starts_in_the_configs_order_and_exports_to_its_folder(
    reading_library, tmp_path, monkeypatch
):
    path, _ = reading_library
    monkeypatch.delenv("NEWSREADER_EXPORT_DIR", raising=False)
    config = tmp_path / "config.toml"
    config.write_text(f'sort = "title"\nexport_dir = "{tmp_path / "notes"}"\n', encoding="utf-8")
    app = NewsReader(db_path=path, config_path=config)
    async with app.run_test(size=SIZE):
        labels = [str(c.label) for c in app.screen.table.columns.values()]
        assert "Title ▲" in labels
        assert app.export_dir == tmp_path / "notes"


async def test_a_malformed_config_starts_with_defaults_and_one_notice(reading_library, tmp_path):
    path, _ = reading_library
    config = tmp_path / "config.toml"
    config.write_text('theme = "no-such-theme"\n[keys]\nno-such-key = "z"\n', encoding="utf-8")
    app = NewsReader(db_path=path, export_dir=tmp_path / "export", config_path=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause(0.3)
        notices = [n.message for n in app._notifications]
        assert len(notices) == 1
        assert f"{config}: theme: no theme named 'no-such-theme'" in notices[0]
        assert f"{config}: keys.no-such-key: no key has this id" in notices[0]
        assert app.theme == "textual-dark"
    config.write_text("theme = [", encoding="utf-8")
    app = NewsReader(db_path=path, export_dir=tmp_path / "export", config_path=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause(0.3)
        (notice,) = [n.message for n in app._notifications]
        assert "not valid TOML" in notice and str(config) in notice
        await pilot.press("q")
    assert app.return_code == 0


def highlight_background(view: ArticleView) -> str:
    """The background the first highlighted word is drawn with, as the screen has it now."""
    mark = view.marks[0]
    y = view.line_of(mark.start) - view.scroll_offset.y
    for segment in view.render_line(y):
        if segment.text.strip() and segment.text in view.text[mark.start : mark.end]:
            return segment.style.bgcolor.triplet.hex
    raise AssertionError("no highlighted segment on the line")


async def test_a_theme_switch_repaints_the_article_and_is_kept(reading_library, tmp_path):
    path, ids = reading_library
    app_ = NewsReader(db_path=path)
    text = app_.library.get_article(ids["first"]).text
    start = text.index("141 countries")
    app_.library.add_highlight(ids["first"], start, start + len("141 countries"), color=2)
    app_.library.close()
    config = tmp_path / "config.toml"
    app = NewsReader(db_path=path, export_dir=tmp_path / "export", config_path=config)
    async with app.run_test(size=SIZE) as pilot:
        app.open_reader(ids["first"])
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        before = highlight_background(view)
        assert before.upper() == app.get_css_variables()["reader-hl-2"]
        app.theme = "textual-light"  # what the palette's theme picker does
        await pilot.pause()
        after = highlight_background(view)
        assert after != before
        assert after.upper() == app.get_css_variables()["reader-hl-2"]
    assert load_config(config)[0].theme == "textual-light"
    again = NewsReader(db_path=path, export_dir=tmp_path / "export", config_path=config)
    async with again.run_test(size=SIZE):
        assert again.theme == "textual-light"


async def test_no_color_marks_highlights_with_styles(reading_library, tmp_path, monkeypatch):
    path, ids = reading_library
    monkeypatch.setenv("NO_COLOR", "1")
    app = NewsReader(db_path=path, export_dir=tmp_path / "export")
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color and app.has_class("-no-color")
        app.open_reader(ids["first"])
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        styles = [
            view.get_visual_style(f"article--hl-{n}") for n in range(1, 6)
        ] + [view.get_visual_style(c) for c in ("article--selection", "article--cursor")]
        looks = {(s.bold, s.italic, s.underline) for s in styles}
        assert len(looks) == len(styles)  # each one told apart without colour
