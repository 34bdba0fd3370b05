"""The notebook: every highlight in the library, its note and tags, filtered as you type.

The filter line takes words (matched in quotes, notes and tags), `#tag`, `color:blue` and
`article:ID`; the tags pane beside the list counts every tag, and choosing one filters by it.
Rows are read a page at a time, so 50,000 highlights open as fast as fifty. `n`, `t`, `1`-`5`
and `x` work on the chosen highlight as in the reader, and `u` undoes the last of them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.errors import NewsreaderError
from store.library.notebook import (
    COLOUR_NAMES,
    MAX_FILTER,
    Entry,
    Filter,
    TagCount,
    colour_name,
    count,
    find,
    parse_filter,
    resolve,
    tag_counts,
    tag_slug,
)
from store.library.records import Highlight
from tui.display import day, one_line, quoted
from tui.widgets.article_view import wrap_paragraph
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.protocol import ReaderApp

PAGE = 100  # highlights read at a time
PREFETCH = 20  # read the next page when the cursor is this close to the last loaded one
TAGS_INLINE = 100  # narrower terminals show the tags pane only while it is in use (#)
OPEN_A_FIELD = {"filter", "note", "tags"}  # actions whose keys open a text field
COLOUR = Binding.Group("Colour", compact=True)
# the swatch before each quote, in the reader's highlight colours
SWATCH = {1: "$warning", 2: "$success", 3: "$secondary", 4: "$error", 5: "$foreground-muted"}
ORDER_NAMES = {"date": "newest first", "article": "by article"}


def fit(text: str, width: int, most: int) -> list[str]:
    """Display-safe text wrapped to `width` cells, at most `most` lines (the last one cut
    with an ellipsis when there is more)."""
    flat = one_line(text)
    lines = [flat[s:e] for s, e in wrap_paragraph(flat, 0, len(flat), max(4, width))]
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        while last and cell_len(last) + 1 > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def entry_prompt(e: Entry, width: int, *, with_title: bool) -> Content:
    """Quote (with its colour) in up to three lines, the note's first lines, then tags and
    where it is from, each on one line, indented under the quote."""
    h = e.highlight
    room = width - 2
    swatch = Content("▌").stylize(SWATCH.get(h.color, SWATCH[1]))
    quote = fit(quoted(h.exact, 600), room, 3)
    lines = [swatch + Content(" " + quote[0])]
    lines += [Content("  " + line) for line in quote[1:]]
    if h.orphaned:
        lines.append(
            Content(
                "  " + fit("(no longer found in the article's current text)", room, 1)[0]
            ).stylize("italic")
        )
    note = [line for line in h.note.splitlines() if line.strip()]
    if note:
        shown = " · ".join(note[:2]) + (" …" if len(note) > 2 else "")
        lines.append(Content("  ") + Content(fit(shown, room, 1)[0]).stylize("italic"))
    meta = [" ".join("#" + tag_slug(t) for t in h.tags if tag_slug(t))] if h.tags else []
    if with_title:
        meta.append(e.title)
        if e.published:
            meta.append(day(e.published))
    meta = [m for m in meta if m]
    if meta:
        lines.append(
            Content("  ") + Content(fit(" · ".join(meta), room, 1)[0]).stylize("$text-muted")
        )
    return Content("\n").join(lines)


def header_prompt(e: Entry, width: int) -> Content:
    """An article's line above its highlights: title and date, on one line."""
    when = day(e.published) if e.published else "—"
    date = "" if when == "—" else when
    title = fit(e.title, max(10, width - len(date) - 2), 1)[0]
    line = Content.from_markup("[b]$title[/b]", title=title)
    if date:
        line += Content.from_markup("  [dim]$date[/dim]", date=date)
    return line


def without(text: str, pattern: str) -> str:
    """The filter line with the tokens matching `pattern` taken out."""
    return " ".join(t for t in text.split() if not re.fullmatch(pattern, t, re.IGNORECASE))


class NotebookScreen(Screen):
    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = [
        Binding("slash", "filter", "Filter", id="notebook-filter", key_display="/", priority=True),
        Binding("number_sign", "tags_pane", "Tags", id="notebook-tags", key_display="#"),
        Binding("c", "colour_filter", "Colour filter", id="notebook-colour-filter"),
        Binding("a", "article_filter", "This article", id="notebook-article-filter"),
        Binding("o", "order", "Order", id="notebook-order", tooltip="By date / by article"),
        Binding("n", "note", "Note", id="notebook-note", priority=True),
        Binding("t", "tags", "Edit tags", id="notebook-edit-tags", priority=True),
        Binding("1", "colour(1)", "Colour 1", id="notebook-colour-1", group=COLOUR),
        Binding("2", "colour(2)", "Colour 2", id="notebook-colour-2", group=COLOUR),
        Binding("3", "colour(3)", "Colour 3", id="notebook-colour-3", group=COLOUR),
        Binding("4", "colour(4)", "Colour 4", id="notebook-colour-4", group=COLOUR),
        Binding("5", "colour(5)", "Colour 5", id="notebook-colour-5", group=COLOUR),
        Binding("x", "remove", "Remove", id="notebook-remove"),
        Binding("u", "undo", "Undo", id="notebook-undo"),
        Binding("ctrl+r,U", "redo", "Redo", id="notebook-redo", show=False),
        Binding("escape", "escape", "Clear filter, back", id="notebook-escape", show=False),
        Binding("down", "to_list", "To the list", id="notebook-to-list", show=False),
        Binding("q", "back", "Back", id="notebook-back"),
    ]

    # the keys that do what they do in the reader (the help names them together)
    AS_IN_READER = frozenset(
        b.id for b in BINDINGS if b.action in ("note", "tags", "remove", "undo", "redo") or b.group
    )

    def __init__(self, *, show_tags: bool = False) -> None:
        super().__init__(id="notebook")
        self.show_tags = show_tags
        self.order = "date"
        self.filter = Filter()
        self.total = 0
        self.loaded = 0
        self.entries: dict[int, Entry] = {}
        self.last_article: int | None = None  # of the last loaded entry (group headers)
        self.tags: list[TagCount] | None = None  # read after the first frame, or when needed
        self.problem = ""
        self.resumed = False  # the first resume is the screen's opening, read in on_mount
        self.drawn_width = 0
        self.changed: list[int] = []  # the article of each change made here, oldest first
        self.undone: list[int] = []  # the article of each change undone here (for redo)

    def compose(self) -> ComposeResult:
        yield Static(id="notebook-title", classes="title-bar")
        field = Input(
            placeholder="Filter: words, #tag, color:blue, article:ID",
            id="notebook-filter",
            select_on_focus=False,  # / adds to the filter, it does not replace it
            max_length=MAX_FILTER,
        )
        field.cursor_blink = False
        yield field
        with Horizontal(id="notebook-body"):
            yield OptionList(id="tag-list", classes="tag-column")
            with Vertical(id="notebook-main"):
                yield OptionList(id="entries")
                yield Static(id="notebook-empty", classes="empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < TAGS_INLINE, "-narrow")
        self.reload()
        self.set_focus(self.entry_list)
        self.call_after_refresh(self.show_tag_counts)
        if self.show_tags:
            self.action_tags_pane()

    @property
    def entry_list(self) -> OptionList:
        return self.query_one("#entries", OptionList)

    @property
    def filter_field(self) -> Input:
        return self.query_one("#notebook-filter", Input)

    # --- rows -------------------------------------------------------------------------------

    def reload(self, *, keep: int | None = None) -> None:
        """Read the first page again for the current filter; the cursor goes to highlight
        `keep` when it is loaded, else stays at its row."""
        listing = self.entry_list
        row = listing.highlighted or 0
        self.total = count(self.app.library, self.filter)
        listing.clear_options()
        self.entries.clear()
        self.loaded = 0
        self.last_article = None
        self.drawn_width = self.text_width
        # a screenful first (an entry takes three lines or more), the rest of the page after
        self.load_more(max(self.app.size.height // 3 + 1, row + 5))
        if self.loaded < min(PAGE, self.total):
            self.call_after_refresh(self.load_more, PAGE - self.loaded)
        if listing.option_count:
            at = row
            if keep is not None and keep in self.entries:
                at = listing.get_option_index(f"h{keep}")
            listing.highlighted = min(at, listing.option_count - 1)
            if listing.highlighted_option and listing.highlighted_option.disabled:
                listing.action_cursor_down()
        self.show_title()

    def load_more(self, limit: int = PAGE) -> None:
        page = find(
            self.app.library, self.filter, order=self.order, offset=self.loaded, limit=limit
        )
        options: list[Option | None] = []
        grouped = self.order == "article"
        width = self.text_width
        for e in page:
            h = e.highlight
            if self.loaded or options:
                options.append(None)  # a quiet rule between entries
            if grouped and h.article_id != self.last_article:
                options.append(Option(header_prompt(e, width), id=f"a{h.id}", disabled=True))
            self.last_article = h.article_id
            self.entries[h.id] = e
            prompt = entry_prompt(e, width, with_title=not grouped)
            options.append(Option(prompt, id=f"h{h.id}"))
        self.entry_list.add_options(options)
        self.loaded += len(page)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "entries":
            return
        near_end = event.option_index >= event.option_list.option_count - PREFETCH
        if near_end and self.loaded < self.total:
            self.load_more()

    def show_title(self) -> None:
        n, every = self.total, self.filter.empty
        parts = [f"Notebook · {n:,} highlight{'s' if n != 1 else ''}"]
        if not every:
            parts[0] = f"Notebook · {n:,} matching"
        parts.append(ORDER_NAMES[self.order])
        self.query_one("#notebook-title", Static).update(Content(" · ".join(parts)))
        empty = self.query_one("#notebook-empty", Static)
        if n == 0:
            if self.problem:
                message = self.problem
            elif every:
                message = (
                    "No highlights yet. Open an article, move to a sentence and press h; "
                    "every highlight, note and tag you make is listed here."
                )
            else:
                message = "Nothing matches this filter. Escape clears it."
            empty.update(Content(message))
        empty.display = n == 0
        self.entry_list.display = n > 0

    @property
    def text_width(self) -> int:
        """Cells an entry has: the list's width (estimated before it is laid out) less the
        option's padding and the scrollbar."""
        width = self.entry_list.size.width
        if not width:
            narrow = self.app.size.width < TAGS_INLINE  # the tags pane is not beside it
            width = self.app.size.width - (0 if narrow else 26)
        return max(20, width - 3)

    def rewrap(self) -> None:
        """Entries drawn again for the list's width (after a resize)."""
        if self.drawn_width == self.text_width:
            return
        self.drawn_width = self.text_width
        grouped = self.order == "article"
        listing = self.entry_list
        for highlight_id, e in self.entries.items():
            listing.replace_option_prompt(
                f"h{highlight_id}", entry_prompt(e, self.drawn_width, with_title=not grouped)
            )

    def current(self) -> Entry | None:
        option = self.entry_list.highlighted_option
        if option is None or not option.id or not option.id.startswith("h"):
            return None
        return self.entries.get(int(option.id[1:]))

    # --- the filter -------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "notebook-filter":
            event.stop()
            self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "notebook-filter":
            event.stop()
            self.set_focus(self.entry_list)

    def apply_filter(self, text: str) -> None:
        typed = parse_filter(text)
        if typed.tags and self.tags is None:
            self.tags = tag_counts(self.app.library)
        self.filter = resolve(typed, [t.tag for t in self.tags or ()])
        self.problem = typed.problems[0] if typed.problems else ""
        self.reload()

    def set_filter(self, text: str) -> None:
        """Change the filter line (which filters, as typing would)."""
        field = self.filter_field
        field.value = " ".join(text.split())
        field.cursor_position = len(field.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys that open a text field act at once (priority), so a burst typed after them
        lands in the field; typed in the filter they are characters."""
        return not (action in OPEN_A_FIELD and isinstance(self.focused, Input))

    def action_filter(self) -> None:
        # at once, not after the keys already typed: "/word" typed fast goes to the filter
        self.set_focus(self.filter_field)

    def action_to_list(self) -> None:
        if self.focused is self.filter_field:
            self.set_focus(self.entry_list)

    def action_colour_filter(self) -> None:
        """All colours, then each colour in turn, then all again."""
        now = self.filter.color or 0
        rest = without(self.filter_field.value, r"(colou?r|c):\S*")
        nxt = now + 1 if now < len(COLOUR_NAMES) else 0
        self.set_filter(f"{rest} color:{colour_name(nxt)}" if nxt else rest)
        self.notify_filter(f"Colour: {colour_name(nxt)}" if nxt else "Every colour")

    def action_article_filter(self) -> None:
        rest = without(self.filter_field.value, r"article:\S*")
        if self.filter.article_id is not None:
            self.set_filter(rest)
            self.notify_filter("Every article")
            return
        e = self.current()
        if e is None:
            return
        self.set_filter(f"{rest} article:{e.highlight.article_id}")
        self.notify_filter(f"Only: {one_line(e.title, 60)}")

    def notify_filter(self, message: str) -> None:
        self.app.notify(message, markup=False, timeout=2)

    def action_order(self) -> None:
        self.order = "article" if self.order == "date" else "date"
        e = self.current()
        self.reload(keep=e.highlight.id if e else None)

    def action_escape(self) -> None:
        if self.focused is not self.entry_list:
            self.close_tags_pane()
        elif self.filter_field.value.strip():
            self.set_filter("")
        else:
            self.action_back()

    # --- tags pane --------------------------------------------------------------------------

    @property
    def tag_list(self) -> OptionList:
        return self.query_one("#tag-list", OptionList)

    def show_tag_counts(self) -> None:
        self.tags = tag_counts(self.app.library)
        listing = self.tag_list
        row = listing.highlighted or 0
        listing.clear_options()
        total = count(self.app.library)
        listing.add_option(
            Option(Content.from_markup("[b]Every highlight[/b] [dim]$n[/dim]", n=f"{total:,}"))
        )
        listing.add_options(
            Option(
                Content.from_markup(
                    "#$tag [dim]$n[/dim]",
                    tag=one_line(tag_slug(t.tag) or t.tag, 40),
                    n=t.highlights,
                ),
                id=f"t{i}",
            )
            for i, t in enumerate(self.tags)
        )
        listing.highlighted = min(row, listing.option_count - 1)

    def action_tags_pane(self) -> None:
        listing = self.tag_list
        if self.focused is listing:
            self.close_tags_pane()
        else:
            self.add_class("-tags-open")
            self.set_focus(listing)
            self.call_after_refresh(self.rewrap)

    def close_tags_pane(self) -> None:
        """Back to the list (on a narrow terminal the tags pane goes away)."""
        self.remove_class("-tags-open")
        self.set_focus(self.entry_list)
        self.call_after_refresh(self.rewrap)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "tag-list":
            rest = without(self.filter_field.value, r"#\S*")
            option = event.option
            if option.id and self.tags is not None:
                tag = self.tags[int(option.id[1:])].tag
                self.set_filter(f"{rest} #{tag_slug(tag)}")
            else:
                self.set_filter(rest)
            self.close_tags_pane()
        elif event.option.id and event.option.id.startswith("h"):
            self.open_entry(int(event.option.id[1:]))

    def open_entry(self, highlight_id: int) -> None:
        e = self.entries.get(highlight_id)
        if e is None:
            return
        h = e.highlight
        if h.orphaned:
            self.app.notify(
                "This highlight is no longer found in the article's text: opening the article.",
                markup=False,
            )
            self.app.open_reader(h.article_id)
        else:
            self.app.open_reader(h.article_id, (h.start, h.end))

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < TAGS_INLINE, "-narrow")
        self.call_after_refresh(self.rewrap)

    def on_screen_resume(self) -> None:
        """Back from the reader (or a dialog): notes and tags may have changed there."""
        if not self.resumed:
            self.resumed = True
            return
        e = self.current()
        self.reload(keep=e.highlight.id if e else None)
        self.show_tag_counts()

    # --- changing highlights, as in the reader ------------------------------------------------

    def _chosen(self) -> Highlight | None:
        e = self.current()
        if e is None:
            self.app.notify("No highlight chosen", markup=False)
            return None
        try:
            return self.app.library.get_highlight(e.highlight.id)
        except NewsreaderError as err:
            self.app.notify(str(err), severity="error", markup=False)
            return None

    def _update(self, h: Highlight, **change) -> None:
        try:
            self.app.library.update_highlight(h.id, **change)
        except NewsreaderError as err:
            self.app.notify(str(err), severity="error", markup=False)
            return
        self._changed(h.article_id)
        self.reload(keep=h.id)
        if "tags" in change:
            self.show_tag_counts()

    def action_colour(self, colour: int) -> None:
        h = self._chosen()
        if h is not None and h.color != colour:
            self._update(h, color=colour)

    def action_note(self) -> None:
        from tui.widgets.dialogs import note_editor_for

        h = self._chosen()
        if h is None:
            return
        library = self.app.library

        def saved(note: str | None) -> None:
            if note is not None and note != h.note:
                self._update(library.get_highlight(h.id), note=note)
            library.drop_draft(h.id)  # saved, or thrown away on purpose

        editor = note_editor_for(library, h)
        self.app.push_screen(editor, saved)
        if editor.draft is not None:
            self.app.notify("Restored the unsaved draft of this note", markup=False)

    def action_tags(self) -> None:
        from tui.widgets.dialogs import TagsEditor, parse_tags

        h = self._chosen()
        if h is None:
            return

        def saved(text: str | None) -> None:
            if text is not None and tuple(parse_tags(text)) != h.tags:
                self._update(self.app.library.get_highlight(h.id), tags=parse_tags(text))

        self.app.push_screen(TagsEditor(h.tags), saved)

    def action_remove(self) -> None:
        h = self._chosen()
        if h is None:
            return
        try:
            self.app.library.delete_highlight(h.id)
        except NewsreaderError as err:
            self.app.notify(str(err), severity="error", markup=False)
            return
        self._changed(h.article_id)
        self.reload()
        self.show_tag_counts()
        self.app.notify("Highlight moved to the trash · u to undo", markup=False)

    def _changed(self, article_id: int) -> None:
        """A change made here: `u` can take it back; what was undone can no longer be redone."""
        self.changed.append(article_id)
        self.undone.clear()

    def action_undo(self) -> None:
        self._history(undo=True)

    def action_redo(self) -> None:
        self._history(undo=False)

    def _history(self, *, undo: bool) -> None:
        """The library's journal, for the articles changed here, latest first (a change made
        in between in a reader of that article is undone first, and says so)."""
        done, undone = (self.changed, self.undone) if undo else (self.undone, self.changed)
        if not done:
            self.app.notify(f"Nothing to {'undo' if undo else 'redo'}", markup=False)
            return
        article_id = done.pop()
        library = self.app.library
        try:
            entry = library.undo(article_id) if undo else library.redo(article_id)
        except NewsreaderError as err:
            self.app.notify(str(err), severity="warning", markup=False)
            return
        if entry is None:
            self.app.notify(f"Nothing to {'undo' if undo else 'redo'}", markup=False)
            return
        undone.append(article_id)
        self.reload(keep=entry.highlight_id)
        self.show_tag_counts()
        self.app.notify(f"{'Undone' if undo else 'Redone'}: {entry.description}", markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()
