"""The reader's own colours, worked out for whichever theme is on.

Five highlight colours, the selection and the word cursor must stay apart from each other and
from the page, and the text on each must stay readable (WCAG contrast of at least 4.5:1, 3:1
at the very least), in every theme, light or dark. A theme's own colours are used where they
allow that (its warning, success, primary, error and accent hues, blended into the page), and
a stock highlighter hue stands in where two of them would look alike.
"""

from __future__ import annotations

import math
from itertools import product

from textual.color import Color, rgb_to_lab

ROLES = ("warning", "success", "primary", "error", "accent")  # highlight colours 1 to 5
# Stand-ins, one list per highlight colour, tried in order when a theme's hue is taken.
STOCK = (
    ("#f5c211", "#e5a50a", "#f8e45c"),  # yellow
    ("#33d17a", "#26a269", "#8ff0a4"),  # green
    ("#3584e4", "#62a0ea", "#1c71d8"),  # blue
    ("#e01b24", "#f66151", "#c01c28"),  # red
    ("#9141ac", "#c061cb", "#dc8add"),  # purple
)
# then round the colour wheel, 30 degrees at a time, when a theme's hues crowd one side of it
EXTRA = tuple(Color.from_hsl(hue / 360, 0.7, 0.55).hex6 for hue in range(0, 360, 30))
MIN_DISTANCE = 22.0  # CIE76 colour difference between any two reader colours, and the page
MIN_HUE = 35.0  # degrees between the hues of two highlight colours
GREYISH = 12.0  # CIELAB chroma below which a colour has no hue to speak of
MIN_CONTRAST = 4.5  # aimed for between each colour and the text drawn on it
STRENGTHS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9)
BLACK, WHITE = Color(0, 0, 0), Color(255, 255, 255)

# ANSI themes leave the colours to the terminal: the classic highlighter set, each with the
# text that reads on it (checked against Textual's own dark and light terminal colours).
ANSI_DARK = {
    "reader-hl-1": ("ansi_yellow", "ansi_black"),
    "reader-hl-2": ("ansi_green", "ansi_black"),
    "reader-hl-3": ("ansi_cyan", "ansi_black"),
    "reader-hl-4": ("ansi_magenta", "ansi_black"),
    "reader-hl-5": ("ansi_blue", "ansi_black"),
    "reader-selection": ("ansi_bright_black", "ansi_bright_white"),
    "reader-cursor": ("ansi_bright_white", "ansi_black"),
}
ANSI_LIGHT = {
    "reader-hl-1": ("ansi_bright_yellow", "ansi_black"),
    "reader-hl-2": ("ansi_bright_green", "ansi_black"),
    "reader-hl-3": ("ansi_bright_cyan", "ansi_black"),
    "reader-hl-4": ("ansi_bright_magenta", "ansi_black"),
    "reader-hl-5": ("ansi_bright_red", "ansi_black"),
    "reader-selection": ("ansi_bright_black", "ansi_black"),
    "reader-cursor": ("ansi_black", "ansi_bright_white"),
}


def luminance(c: Color) -> float:
    """WCAG relative luminance."""

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = c.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def distance(a: Color, b: Color) -> float:
    """CIE76 colour difference (about 2 is just noticeable; over 10 reads as another colour)."""
    la, lb = rgb_to_lab(a), rgb_to_lab(b)
    return ((la.L - lb.L) ** 2 + (la.a - lb.a) ** 2 + (la.b - lb.b) ** 2) ** 0.5


def hue_apart(a: Color, b: Color) -> bool:
    """Whether two colours read as different hues (yellow and orange do not): more than
    MIN_HUE degrees apart on the CIELAB hue circle, or either nearly grey."""
    la, lb = rgb_to_lab(a), rgb_to_lab(b)
    if min(math.hypot(la.a, la.b), math.hypot(lb.a, lb.b)) < GREYISH:
        return True
    turn = abs(math.degrees(math.atan2(la.b, la.a) - math.atan2(lb.b, lb.a))) % 360
    return min(turn, 360 - turn) >= MIN_HUE


def text_on(background: Color, preferred: Color) -> Color:
    """The theme's text colour when it reads well on `background`, else black or white."""
    if contrast(preferred, background) >= MIN_CONTRAST:
        return preferred
    return max((BLACK, WHITE), key=lambda c: contrast(c, background))


def _tints(page: Color, hue: Color) -> list[Color]:
    return [page.blend(hue, strength) for strength in STRENGTHS]


def _pick(
    page: Color, text: Color, hues: list[Color], taken: list[Color], highlights: list[Color]
) -> Color:
    """The first tint of the first hue that is far from every colour taken, of another hue
    than the highlights before it, and readable with the theme's text (or, failing that, black
    or white); the most distinct one otherwise."""
    best, best_score = page, -1.0
    for hue, readable_with_theme_text in product(hues, (True, False)):
        for tint in _tints(page, hue):
            apart = min(distance(tint, t) for t in taken)
            if (
                apart >= MIN_DISTANCE
                and all(hue_apart(tint, h) for h in highlights)
                and (not readable_with_theme_text or contrast(text, tint) >= MIN_CONTRAST)
            ):
                return tint
            if apart > best_score:
                best, best_score = tint, apart
    return best


def reader_colours(variables: dict[str, str], *, dark: bool) -> dict[str, str]:
    """CSS variables for the reader: `reader-hl-1` to `reader-hl-5`, `reader-selection` and
    `reader-cursor`, each with a `-text` colour to draw on it."""
    if "ansi" in variables.get("background", "") or "ansi" in variables.get("foreground", ""):
        chosen = ANSI_DARK if dark else ANSI_LIGHT
        out = {}
        for name, (background, text) in chosen.items():
            out[name], out[f"{name}-text"] = background, text
        return out
    try:
        page = Color.parse(variables["background"])
        text = Color.parse(variables["foreground"])
    except Exception:  # noqa: BLE001 - a theme we cannot read keeps the stylesheet's defaults
        return {}
    out: dict[str, Color] = {"reader-cursor": text, "reader-cursor-text": page}
    # the selection: the page shaded towards the text (no hue, so no highlight is like it),
    # as lightly as still reads as another colour than the page and the cursor
    strength = 0.26
    selection = page.blend(text, strength)
    while strength < 0.7 and min(distance(selection, page), distance(selection, text)) < (
        MIN_DISTANCE
    ):
        strength += 0.04
        selection = page.blend(text, strength)
    out["reader-selection"] = selection
    out["reader-selection-text"] = text_on(out["reader-selection"], text)
    taken = [page, out["reader-cursor"], out["reader-selection"]]
    highlights: list[Color] = []
    for n, (role, stock) in enumerate(zip(ROLES, STOCK, strict=True), start=1):
        hues = []
        for value in (variables.get(role), *stock, *EXTRA):
            try:
                hues.append(Color.parse(value)) if value else None
            except Exception:  # noqa: BLE001 - an unreadable theme colour is skipped
                continue
        colour = _pick(page, text, hues, taken, highlights)
        highlights.append(colour)
        taken.append(colour)
        out[f"reader-hl-{n}"] = colour
        out[f"reader-hl-{n}-text"] = text_on(colour, text)
    return {name: colour.hex6 for name, colour in out.items()}
