"""Small modal screens: a one-line prompt, a yes/no question, the note and the tags editors.

Each returns its answer through `dismiss` (None when cancelled), so callers use
`push_screen(Dialog(...), callback)`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from store.article import display_safe


class PromptScreen(ModalScreen[str | None]):
    """One line of text; Enter answers, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt-cancel")]

    def __init__(self, question: str, *, value: str = "", placeholder: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            field = Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            field.cursor_blink = False
            yield field
            yield Static(Content("Enter to confirm · Escape to cancel"), classes="dialog-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; y says yes, n, Escape or Enter say no (the harmless choice is the
    one a hurried Enter makes)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape,enter", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str | Content) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question if isinstance(question, Content) else Content(question)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            yield Static(Content("y: yes · n, Escape or Enter: no"), classes="dialog-help")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class NoteEditor(ModalScreen[str | None]):
    """Several lines of note; ctrl+s saves, Escape cancels."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note-cancel", priority=True),
    ]

    def __init__(self, note: str, *, quote: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.note = note
        self.quote = quote

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            # The keys sit in the title line: a help line under the editor was sometimes laid
            # out with no height, leaving a person without the way to save.
            yield Static(Content("Note · ctrl+s save · Escape cancel"), classes="dialog-title")
            if self.quote:
                shown = display_safe(" ".join(self.quote.split()))
                if len(shown) > 160:
                    shown = shown[:159] + "…"
                yield Static(Content(f"“{shown}”"), classes="dialog-quote")
            editor = TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            editor.cursor_blink = False
            yield editor

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


def parse_tags(text: str) -> list[str]:
    """Tags typed as "a, b c" or "#a #b": commas separate; without commas, spaces do."""
    parts = text.split(",") if "," in text else text.split()
    return [p.strip().lstrip("#").strip() for p in parts if p.strip().lstrip("#").strip()]


class TagsEditor(PromptScreen):
    """Tags on one line, separated by commas (or spaces)."""

    def __init__(self, tags: tuple[str, ...] | list[str]) -> None:
        super().__init__(
            "Tags (separated by commas)", value=", ".join(tags), placeholder="e.g. claim, check"
        )
