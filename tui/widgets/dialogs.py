"""Small modal screens: a one-line prompt, a yes/no question, the note and the tags editors.

Each returns its answer through `dismiss` (None when cancelled), so callers use
`push_screen(Dialog(...), callback)`.

Text fields never drop a key. Textual hands each key to the focused widget's own queue and
reads the next one at once, so keys typed in a burst right after the key that opened a dialog
reach the dialog before its field has the focus: `TakesEarlyKeys` passes them on, in order.
And ctrl+s used to read the note while typed keys still waited in the editor's queue (a note
saved cut short, or empty); the note is now read after them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from store.article import display_safe
from tui.widgets.closing_input import ClosingInput

if TYPE_CHECKING:
    from store.library.db import Library
    from store.library.records import Highlight

DRAFT_EVERY = 0.3  # seconds: a note being typed is written as a draft at least this often


class TakesEarlyKeys:
    """A dialog whose text field gets the characters and pastes that reach the dialog itself
    (sent before the field had the focus), in the order they came."""

    def text_field(self) -> Widget:
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.text_field().post_message(events.Key(event.key, event.character))

    def on_paste(self, event: events.Paste) -> None:
        field = self.text_field()
        if field.has_focus:
            return
        event.stop()
        event.prevent_default()
        field.post_message(events.Paste(event.text))


class PromptScreen(TakesEarlyKeys, ModalScreen[str | None]):
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
            field = ClosingInput(
                value=self.value, placeholder=self.placeholder, id="prompt-input"
            )
            field.cursor_blink = False
            yield field
            yield Static(Content("Enter to confirm · Escape to cancel"), classes="dialog-help")

    def text_field(self) -> Widget:
        return self.query_one(Input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question whose default is the harmless answer: only y says yes; Enter, n and
    Escape say no (a stray Enter or a random key never deletes anything)."""

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
            yield Static(Content("y: yes · Enter, n or Escape: no"), classes="dialog-help")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class NoteEditor(TakesEarlyKeys, ModalScreen[str | None]):
    """Several lines of note; ctrl+s saves, Escape cancels (asking first when the note has
    changed). While typing, `keep_draft` is given the text at least every DRAFT_EVERY seconds,
    so a crash or a kill keeps it."""

    AUTO_FOCUS = None  # focused once the keys that came before it are in
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note-cancel", priority=True),
    ]

    def __init__(
        self,
        note: str,
        *,
        quote: str = "",
        draft: str | None = None,
        keep_draft: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.note = note
        self.quote = quote
        self.draft = draft
        self.keep_draft = keep_draft
        self._draft_due = False
        self._done = False

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
            text = self.draft if self.draft is not None else self.note
            editor = TextArea(text, id="note-text", soft_wrap=True, show_line_numbers=False)
            editor.cursor_blink = False
            yield editor

    @property
    def editor(self) -> TextArea:
        return self.query_one(TextArea)

    def text_field(self) -> Widget:
        return self.editor

    def on_mount(self) -> None:
        editor = self.editor
        editor.move_cursor(editor.document.end)
        self.call_later(self.set_focus, editor)  # after the keys already sent to the dialog

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.keep_draft is not None and not self._draft_due:
            self._draft_due = True
            self.set_timer(DRAFT_EVERY, self._write_draft)

    def _write_draft(self) -> None:
        self._draft_due = False
        if self.keep_draft is not None and not self._done:
            from store.errors import NewsreaderError

            try:
                self.keep_draft(self.editor.text)
            except NewsreaderError as e:
                self.notify(f"The draft could not be kept: {e}", severity="error", markup=False)

    def _after_typed_keys(self, then: Callable[[str], None]) -> None:
        """Call `then` with the note once every key and paste sent before now is in the
        editor: those still waiting for the dialog first, then those in the editor's own
        queue (and back on the dialog's queue, which may close it)."""

        def read() -> None:
            text = self.editor.text
            self.call_later(then, text)

        self.call_later(lambda: self.editor.call_later(read))

    def action_save(self) -> None:
        self._after_typed_keys(lambda text: self._close(text.strip()))

    def action_cancel(self) -> None:
        self._after_typed_keys(self._ask_to_discard)

    def _ask_to_discard(self, text: str) -> None:
        if self._done:
            return
        if text.strip() == self.note.strip():
            self._close(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._close(None)
            else:
                self.set_focus(self.editor)

        self.app.push_screen(
            ConfirmScreen("Throw away the changes to this note?"),
            answered,
        )

    def _close(self, note: str | None) -> None:
        if not self._done:
            self._done = True
            self.dismiss(note)


def note_editor_for(library: Library, h: Highlight) -> NoteEditor:
    """The note editor on a highlight: it opens on the unsaved draft left by a crash (when it
    differs from the note) and keeps a draft while typing. The caller drops the draft once
    the note is saved or thrown away."""
    draft = library.draft(h.id)
    if draft is not None and draft.strip() == h.note.strip():
        library.drop_draft(h.id)
        draft = None
    return NoteEditor(
        h.note,
        quote=h.exact,
        draft=draft,
        keep_draft=lambda text: library.save_draft(h.id, h.article_id, text),
    )


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
