"""Every key, read from the bindings themselves so the help can never disagree with them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def _keys(binding: Binding) -> str:
    names = {
        "right_parenthesis": ")",
        "left_parenthesis": "(",
        "right_curly_bracket": "}",
        "left_curly_bracket": "{",
        "right_square_bracket": "]",
        "left_square_bracket": "[",
        "down": "↓",
        "up": "↑",
        "right": "→",
        "left": "←",
        "slash": "/",
        "space": "space",
        "question_mark": "?",
        "number_sign": "#",
        "shift+right": "shift+→",
        "shift+left": "shift+←",
        "shift+down": "shift+↓",
        "shift+up": "shift+↑",
        "escape": "Esc",
        "enter": "Enter",
        "pagedown": "PgDn",
        "pageup": "PgUp",
        "home": "Home",
        "end": "End",
    }
    return " ".join(names.get(k.strip(), k.strip()) for k in binding.key.split(","))


Section = tuple[str, list[tuple[str, str]]]


def rows(bindings) -> list[tuple[str, str]]:
    """(keys, what they do) of each binding, as a person reads them."""
    return [(_keys(b), b.tooltip or b.description) for b in bindings if isinstance(b, Binding)]


def section_content(title: str, rows: list[tuple[str, str]]) -> Content:
    width = max(len(k) for k, _ in rows)
    lines = [Content.from_markup("[b]$title[/b]", title=title)]
    lines += [
        Content.from_markup("[b]$keys[/b]  $desc", keys=keys.ljust(width), desc=description)
        for keys, description in rows
    ]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Sections of keys, given by the app (which knows its screens): the library, moving in
    an article, marking it up, keys that work anywhere, then other views (under moving)."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close"),
    ]

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        library, moving, marking, anywhere, *more = self.sections
        with Vertical(id="help", classes="dialog"):
            yield Static(Content("Keys"), classes="dialog-title")
            with HorizontalScroll(id="help-columns"):
                with Vertical(classes="help-column"):
                    yield Static(section_content(*library))
                    yield Static(section_content(*anywhere), classes="help-gap")
                with Vertical(classes="help-column"):
                    yield Static(section_content(*moving))
                    for section in more:  # other views, in short
                        yield Static(section_content(*section), classes="help-gap")
                yield Static(section_content(*marking), classes="help-column")
            yield Static(Content("Escape, q or ? closes this help"), classes="dialog-help")

    def action_close(self) -> None:
        self.dismiss(None)
