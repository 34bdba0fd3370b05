"""The reader's colours in every built-in theme: readable, and distinct from each other and
from the page (WCAG contrast, CIE colour difference), computed from what the app hands Textual."""

from __future__ import annotations

import pytest
from textual._ansi_theme import ALABASTER, MONOKAI
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.app import NewsReader
from tui.palette import contrast, distance, hue_apart

READER_COLOURS = [f"reader-hl-{n}" for n in range(1, 6)] + ["reader-selection", "reader-cursor"]
MIN_CONTRAST = 3.0  # WCAG: text on each colour (the palette aims for 4.5)
MIN_DISTANCE = 20.0  # CIE76 between any two of them and the page: another colour at a glance


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> NewsReader:
    return NewsReader(db_path=tmp_path_factory.mktemp("palette") / "p.db")


def rgb(value: str, dark: bool) -> Color:
    """A CSS colour as the terminal shows it; ANSI colours as Textual's own terminal themes
    draw them (Monokai dark, Alabaster light), the default ones as their page and text."""
    colour = Color.parse(value)
    if colour.ansi is None:
        return colour
    theme = MONOKAI if dark else ALABASTER
    if colour.ansi == -1:
        return Color(*theme.background_color)
    return Color(*theme.ansi_colors[colour.ansi])


@pytest.mark.parametrize("name", sorted(BUILTIN_THEMES))
def test_each_reader_colour_is_readable_and_distinct_in_every_theme(app, name):
    app.theme = name
    variables = app.get_css_variables()
    dark = BUILTIN_THEMES[name].dark
    page = rgb(variables["background"], dark)
    colours = {key: rgb(variables[key], dark) for key in READER_COLOURS}
    for key, colour in colours.items():
        text = rgb(variables[f"{key}-text"], dark)
        assert contrast(colour, text) >= MIN_CONTRAST, (name, key, colour.hex, text.hex)
    highlights = [colours[f"reader-hl-{n}"] for n in range(1, 6)]
    if "ansi" not in variables["background"]:  # (the terminal's ANSI colours are its own)
        for i, a in enumerate(highlights):
            assert all(hue_apart(a, b) for b in highlights[i + 1 :]), (name, a.hex)
    named = [("page", page), *colours.items()]
    for i, (a, ca) in enumerate(named):
        for b, cb in named[i + 1 :]:
            assert distance(ca, cb) >= MIN_DISTANCE, (name, a, b, ca.hex, cb.hex)


def test_contrast_and_distance_measure_what_they_say():
    black, white = Color(0, 0, 0), Color(255, 255, 255)
    assert contrast(black, white) == pytest.approx(21.0)
    assert contrast(white, white) == pytest.approx(1.0)
    assert distance(black, white) == pytest.approx(100.0, abs=0.5)
    assert distance(Color(10, 10, 10), Color(10, 10, 10)) == 0
