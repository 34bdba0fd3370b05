"""Every key, read from the bindings themselves so the help can never disagree with them."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
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


def rows(bindings, keymap: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(keys, what they do) of each binding, as a person reads them; a key the person moved
    in the config shows where it is now."""
    keymap = keymap or {}
    return [
        (_keys(b.with_key(keymap[b.id]) if b.id in keymap else b), b.tooltip or b.description)
        for b in bindings
        if isinstance(b, Binding)
    ]


def _lines(rows: list[tuple[str, str]]) -> list[str]:
    """The plain lines a section shows (its title aside)."""
    width = max(len(k) for k, _ in rows)
    return [f"{k.ljust(width)}  {d}" if k else d for k, d in rows]


def section_content(title: str, rows: list[tuple[str, str]]) -> Content:
    width = max(len(k) for k, _ in rows)
    lines = [Content.from_markup("[b]$title[/b]", title=title)]
    lines += [
        Content.from_markup("[b]$keys[/b]  $desc", keys=keys.ljust(width), desc=description)
        if keys
        else Content.from_markup("[dim]$desc[/dim]", desc=description)
        for keys, description in rows
    ]
    return Content("\n").join(lines)


NOTE = Content(
    "Timeline dates read as words (Thu 24 Feb 2022, week of 21 Feb 2022); "
    "newsreader timeline --json gives their ISO values (2022-02-24, 2022-W08)."
)
FRAME = 8  # cells around the columns: the dialog's border and padding, the scrollbar
GAP = 3  # cells between two columns (the .help-column margin)
SMALL = (60, 20)  # narrower or lower than this: the help takes the whole screen


FIRST_COLUMN = {"Library", "In every list", "Anywhere"}


class HelpScreen(ModalScreen[None]):
    """Every key, in sections given by the app (which knows its screens): the first column
    has the library, lists and keys that work anywhere; the others moving in an article and
    marking it up. It scrolls (j/k, space, g/G) when the terminal is too small for it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close"),
        Binding("j,down", "scroll(1)", "Scroll down", id="help-down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", id="help-up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", id="help-page-down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", id="help-page-up", show=False),
        Binding("g,home", "top", "Top", id="help-top", show=False),
        Binding("G,end", "bottom", "Bottom", id="help-bottom", show=False),
    ]

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def _layouts(self) -> list[list[list[Section]]]:
        """The ways to lay the sections out, widest first: the library (with lists and keys
        that work anywhere) beside each reading section; then the reading sections one under
        the other; other views, in short, go under moving in an article."""
        reading = [[s] for s in self.sections if s[0].startswith("Reading")]
        first = [s for s in self.sections if s[0] in FIRST_COLUMN]
        views = [s for s in self.sections if s[0] not in FIRST_COLUMN and [s] not in reading]
        if not reading:
            return [[first + views]]
        reading[0] += views
        return [[first, *reading], [first, [s for column in reading for s in column]]]

    @staticmethod
    def _width(columns: list[list[Section]]) -> int:
        return FRAME + sum(
            max(cell_len(line) for _, rows in column for line in _lines(rows)) + GAP
            for column in columns
        )

    def _columns(self) -> list[list[Section]]:
        """The widest layout the terminal holds (the narrowest when none fits: stacked)."""
        layouts = self._layouts()
        width = self.app.size.width
        return next((cols for cols in layouts if self._width(cols) <= width), layouts[-1])

    def compose(self) -> ComposeResult:
        self._size_classes()
        with Vertical(id="help", classes="dialog"):
            yield Static(Content("Keys"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                with Horizontal(id="help-columns"):
                    for column in self._columns():
                        with Vertical(classes="help-column"):
                            for i, section in enumerate(column):
                                yield Static(
                                    section_content(*section), classes="help-gap" if i else ""
                                )
                yield Static(NOTE, id="help-note")
            yield Static(
                Content("Esc, q or ? closes · j k scroll"), classes="dialog-help"
            )

    def _size_classes(self) -> None:
        width, height = self.app.size
        self.set_class(width < self._width(self._layouts()[-1]), "-stacked")
        self.set_class(width < SMALL[0] or height < SMALL[1], "-small")

    def on_resize(self) -> None:
        columns = len(self._columns())
        self._size_classes()
        if columns != len(self.query(".help-column")):
            self.refresh(recompose=True)

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one("#help-scroll", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self.scroller.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        scroller = self.scroller
        scroller.scroll_relative(y=pages * max(1, scroller.size.height - 1), animate=False)

    def action_top(self) -> None:
        self.scroller.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroller.scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
