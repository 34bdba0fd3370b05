"""One article for close reading: the text with its highlights, a timeline and a quotes pane.

Every change goes to the Library at once; `u` undoes the last one by putting the stored
highlight back exactly as it was.

Layouts by size: wide, the article beside both panes; medium, beside the two stacked;
narrower, one of the three at a time, full width, with Tab going on to the next (a line of
tabs on top and the key bar say which). On a low terminal the header shrinks to two lines so
the article keeps most of the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.article import display_safe
from store.errors import NewsreaderError
from store.library.records import Highlight, StoredArticle
from tui.display import one_line, quoted, spaced
from tui.widgets.article_view import ArticleView, Mark
from tui.widgets.key_bar import KeyBar
from tui.widgets.nav_list import NavList
from tui.widgets.pane_tabs import PANES, PaneTabs
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from textual.events import DescendantFocus

    from tui.protocol import ReaderApp

WIDE = 170  # at least this many columns: article, timeline and quotes side by side
MEDIUM = 120  # at least this many: the two panes stacked beside the article; fewer: tabs
SHORT = 22  # fewer rows than this: a two-line header
PANE_NAMES = [name for name, _ in PANES]
ON_THE_ARTICLE = {"highlight", "colour", "note", "tags", "remove", "jump"}

COLOUR = Binding.Group("Colour", compact=True)
JUMP = Binding.Group("Jump", compact=True)


def timeline_options(events) -> list[Option | None]:
    """Timeline entries under one heading per day or period ("Wed 2 Mar 2022", "week of 21 Feb
    2022"), each the article's own words ("…" where cut), a time of day before it."""
    from store.analysis.labels import heading, time_words
    from store.analysis.timeline import excerpt

    options: list[Option | None] = []
    last = None
    for i, e in enumerate(events):
        if options:
            options.append(None)
        if (head := heading(e.date)) != last:
            options.append(Option(Content(display_safe(head)), disabled=True))
            last = head
        text = display_safe(excerpt(e.text, e.cut_start, e.cut_end, PANE_ENTRY))
        when = time_words(e.date)
        prompt = Content.from_markup("[b]$when:[/b] $text", when=when, text=text) if when else (
            Content(text)
        )
        options.append(Option(prompt, id=f"t{i}"))
    return options


PANE_ENTRY = 300  # characters of a timeline entry before it is cut at a word


@dataclass(frozen=True)
class Change:
    """What `u` undoes: `before` is None for an added highlight, else the highlight as it was."""

    highlight_id: int
    before: Highlight | None


class PaneNote(Static, can_focus=True):
    """What an empty pane says; it takes the focus the list would have had."""


def _marks(highlights: list[Highlight]) -> list[Mark]:
    return [
        Mark(h.id, h.start, h.end, h.color, bool(h.note.strip()))
        for h in highlights
        if not h.orphaned
    ]


class ReaderScreen(Screen):
    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = [
        Binding("h", "highlight", "Highlight", id="highlight"),
        Binding("1", "colour(1)", "Colour 1", id="colour-1", group=COLOUR),
        Binding("2", "colour(2)", "Colour 2", id="colour-2", group=COLOUR),
        Binding("3", "colour(3)", "Colour 3", id="colour-3", group=COLOUR),
        Binding("4", "colour(4)", "Colour 4", id="colour-4", group=COLOUR),
        Binding("5", "colour(5)", "Colour 5", id="colour-5", group=COLOUR),
        Binding("n", "note", "Note", id="note"),
        Binding("t", "tags", "Tags", id="tags"),
        Binding("x", "remove", "Remove", id="remove"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding(
            "right_square_bracket",
            "jump(1)",
            "Next highlight",
            id="highlight-next",
            key_display="]",
            group=JUMP,
        ),
        Binding(
            "left_square_bracket",
            "jump(-1)",
            "Previous highlight",
            id="highlight-prev",
            key_display="[",
            group=JUMP,
        ),
        Binding(
            "e", "export", "Export", id="export-article", tooltip="Export this article to Markdown"
        ),
        Binding(
            "tab",
            "cycle_pane(1)",
            "Next pane",
            id="pane-next",
            tooltip="Article → timeline → quotes (narrow: shows it)",
        ),
        Binding(
            "shift+tab",
            "cycle_pane(-1)",
            "Previous pane",
            id="pane-prev",
            show=False,
            tooltip="Quotes → timeline → article",
        ),
        Binding(
            "T",
            "toggle_pane('timeline')",
            "Timeline",
            id="toggle-timeline",
            show=False,
            tooltip="To the timeline; again: back to the article",
        ),
        Binding(
            "Q",
            "toggle_pane('quotes')",
            "Quotes",
            id="toggle-quotes",
            show=False,
            tooltip="To the quotes; again: back to the article",
        ),
        Binding(
            "escape",
            "show_pane('article')",
            "Article",
            id="pane-article",
            show=False,
            tooltip="From a pane: back to the article",
        ),
        Binding(
            "D", "anchor", "Date", id="anchor-date", show=False, tooltip="Correct the anchor date"
        ),
        Binding(
            "s",
            "quote_group",
            "Same words",
            id="quote-group",
            show=False,
            tooltip="The chosen quote as other articles reported it",
        ),
        Binding("q", "back", "Back", id="back"),
    ]
    # the key bar's keys, most used first: the least used give way on a narrow terminal
    KEY_BAR = (
        "pane-next", "list-select", "highlight", "Colour", "note", "select", "Move", "tags", "undo",
        "remove", "Jump", "export-article", "palette",
    )

    def __init__(self, article_id: int, span: tuple[int, int] | None = None) -> None:
        super().__init__(id="reader")
        self.article_id = article_id
        self.initial_span = span
        self.undo_stack: list[Change] = []
        self.shown = "article"  # narrow: the one of article, timeline, quotes on screen

    @property
    def article(self) -> StoredArticle:
        return self._article

    def compose(self) -> ComposeResult:
        self._size_classes(*self.app.size)  # before mounting: styles applied once
        library = self.app.library
        self._article = article = library.get_article(self.article_id)
        self.highlights = library.highlights(self.article_id)
        yield PaneTabs(id="pane-tabs")
        with Horizontal(id="body"):
            with Vertical(id="article-column"):
                yield Static(self._header(), id="article-header")
                view = ArticleView(article.text, article.paragraphs, id="article")
                view.set_marks(_marks(self.highlights))
                yield view
                yield StatusLine(id="status")
            with Horizontal(id="panes"):
                with Vertical(id="timeline-pane", classes="pane"):
                    yield Static(Content("Timeline"), classes="pane-title")
                    yield NavList(id="timeline")
                    yield PaneNote(classes="empty", id="timeline-empty")
                with Vertical(id="quotes-pane", classes="pane"):
                    yield Static(Content("Quotes"), classes="pane-title")
                    yield NavList(id="quotes")
                    yield PaneNote(classes="empty", id="quotes-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.fill_panes()
        view = self.view
        view.focus()
        if self.initial_span:
            view.show_spot(*self.initial_span)
        self.show_status()

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    # --- header, panes, status --------------------------------------------------------------

    def _header(self) -> Content:
        a = self._article
        # a feed's ISO stamp reads as its day: "2022-03-05", not "2022-03-05T10:00:00+00:00"
        published = a.published[:10] if a.published and a.published[4:5] == "-" else a.published
        meta = " · ".join(one_line(m) for m in (a.site, a.byline, published) if m)
        lines = [Content.from_markup("[b]$title[/b]", title=one_line(a.title))]
        if meta:
            lines.append(Content.from_markup("[dim]$meta[/dim]", meta=meta))
        if a.anchor:
            # the plain cases stay short; a choice between sources says which and why
            plain = a.anchor_reason in ("", "the publication date", "set by hand")
            how = (" (inferred)" if a.anchor_inferred else "") if plain else (
                f": {a.anchor_reason}")
            lines.append(
                Content.from_markup(
                    "[dim]Dates read against $anchor$how · D to correct[/dim]",
                    anchor=a.anchor,
                    how=how,
                )
            )
        else:
            lines.append(Content.from_markup("[dim]No anchor date · D to set one[/dim]"))
        lost = sum(1 for h in self.highlights if h.orphaned)
        if lost:
            lines.append(
                Content(
                    f"{lost} highlight{'s' if lost != 1 else ''} no longer found in the "
                    "text (kept in the export)"
                ).stylize("italic")
            )
        return Content("\n").join(lines)

    def fill_panes(self) -> None:
        library = self.app.library
        events = library.timeline(self.article_id)
        quotes = library.quotes(self.article_id)
        timeline = self.query_one("#timeline", NavList)
        timeline.clear_options()
        timeline.add_options(timeline_options(events))
        self.spans = {f"t{i}": (e.start, e.end) for i, e in enumerate(events)}
        self.spans |= {f"q{i}": (q.start, q.end) for i, q in enumerate(quotes)}
        quote_list = self.query_one("#quotes", NavList)
        quote_list.clear_options()
        quote_list.add_options(
            spaced(
                Option(
                    Content.from_markup(
                        "$quote\n[i]— $speaker[/i]",
                        quote=quoted(q.text),
                        speaker=one_line(q.speaker) if q.speaker else "speaker unknown",
                    ),
                    id=f"q{i}",
                )
                for i, q in enumerate(quotes)
            )
        )
        for listing in (timeline, quote_list):
            listing.action_first()
        self._empty("timeline", not events, "No dated events found in this article.")
        self._empty("quotes", not quotes, "No quotations found in this article.")
        self.query_one(PaneTabs).counts = {"timeline": len(events), "quotes": len(quotes)}

    def _empty(self, pane: str, empty: bool, message: str) -> None:
        note = self.query_one(f"#{pane}-empty", Static)
        note.update(Content(message))
        note.display = empty
        self.query_one(f"#{pane}", OptionList).display = not empty

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id in self.spans:
            event.stop()
            if self.tabbed:
                self.show_pane("article")
            self.view.show_spot(*self.spans[event.option.id])

    def on_article_view_cursor_moved(self, _: ArticleView.CursorMoved) -> None:
        self.show_status()

    def show_status(self) -> None:
        view = self.view
        status = self.query_one("#status", StatusLine)
        if (sel := view.selection()) is not None:
            words = len(self.article.text[sel[0] : sel[1]].split())
            status.update(
                Content(
                    f"Selecting {words} word{'s' if words != 1 else ''} · h highlight · Escape drop"
                )
            )
            return
        h = self.highlight_at_cursor()
        if h is None:
            status.update(Content(""))
            return
        parts = [Content(f"Highlight {self.highlights.index(h) + 1}/{len(self.highlights)}")]
        if h.tags:
            parts.append(Content(" ".join("#" + one_line(t) for t in h.tags)))
        if h.note.strip():
            parts.append(Content.from_markup("[i]$note[/i]", note=one_line(h.note, 200)))
        status.update(Content(" · ").join(parts))

    # --- layout -----------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._size_classes(*self.size)

    def _size_classes(self, width: int, height: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        self.set_class(MEDIUM <= width < WIDE, "-medium")
        self.set_class(width < MEDIUM, "-narrow")
        self.set_class(height < SHORT, "-short")
        for name in PANE_NAMES:
            self.set_class(name == self.shown, f"-show-{name}")

    @property
    def tabbed(self) -> bool:
        """One of article, timeline and quotes at a time (a narrow terminal)."""
        return self.has_class("-narrow")

    def show_pane(self, name: str) -> None:
        """Go to the article or a pane: on a narrow terminal it takes the screen; on a wide one
        it takes the focus."""
        self.shown = name
        self._size_classes(*self.size)
        self.query_one(PaneTabs).shown = name
        if name == "article":
            self.view.focus()
        else:
            listing = self.query_one(f"#{name}", NavList)
            (listing if listing.display else self.query_one(f"#{name}-empty")).focus()
        self.refresh_bindings()

    def action_show_pane(self, name: str) -> None:
        if name == "article" and self.shown == "article":
            return
        self.show_pane(name)

    def action_cycle_pane(self, step: int) -> None:
        here = PANE_NAMES.index(self.shown)
        self.show_pane(PANE_NAMES[(here + step) % len(PANE_NAMES)])

    def action_toggle_pane(self, pane: str) -> None:
        self.show_pane("article" if self.shown == pane else pane)

    def key_description(self, binding: Binding) -> str | None:
        """The key bar names where Tab goes next, and what Enter does in a pane."""
        if binding.id == "pane-next":
            following = PANE_NAMES[(PANE_NAMES.index(self.shown) + 1) % len(PANE_NAMES)]
            return dict(PANES)[following]
        if binding.id == "list-select":
            return "Go there"
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A pane that has the screen to itself hides the article: the keys that mark up the
        article's words wait until it is back (Tab, Escape)."""
        return not (action in ON_THE_ARTICLE and self.tabbed and self.shown != "article")

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """A click (or a dialog closing) can move the focus: what is shown follows it."""
        for name in PANE_NAMES:
            if event.widget.id in (name, f"{name}-empty") and self.shown != name:
                self.shown = name
                self.query_one(PaneTabs).shown = name
                self._size_classes(*self.size)
                self.refresh_bindings()

    def on_pane_tabs_chosen(self, message: PaneTabs.Chosen) -> None:
        self.show_pane(message.pane)

    # --- highlights -------------------------------------------------------------------------

    def highlight_at_cursor(self) -> Highlight | None:
        mark = self.view.mark_at_cursor()
        if mark is None:
            return None
        return next((h for h in self.highlights if h.id == mark.id), None)

    def reload_highlights(self) -> None:
        self.highlights = self.app.library.highlights(self.article_id)
        self.view.set_marks(_marks(self.highlights))
        self.show_status()

    def _span_to_highlight(self) -> tuple[int, int] | None:
        view = self.view
        return view.selection() or view.sentence_at_cursor()

    def add_highlight(self) -> Highlight | None:
        span = self._span_to_highlight()
        if span is None:
            return None
        start, end = span
        same = next((h for h in self.highlights if (h.start, h.end) == span), None)
        if same is not None:
            self.view.clear_selection()
            self.app.notify("Already highlighted", markup=False)
            return same
        h = self.app.library.add_highlight(self.article_id, start, end)
        self.undo_stack.append(Change(h.id, None))
        self.view.clear_selection()
        self.reload_highlights()
        return h

    def action_highlight(self) -> None:
        self.add_highlight()

    def _target(self, *, create: bool) -> Highlight | None:
        h = self.highlight_at_cursor()
        if h is None and self.view.selection() is None and not create:
            self.app.notify("No highlight under the cursor", markup=False)
            return None
        if h is None or self.view.selection() is not None:
            h = self.add_highlight() if create else h
        return h

    def _update(self, h: Highlight, **change) -> None:
        self.app.library.update_highlight(h.id, **change)
        self.undo_stack.append(Change(h.id, h))
        self.reload_highlights()

    def action_colour(self, colour: int) -> None:
        h = self._target(create=False)
        if h is not None and h.color != colour:
            self._update(h, color=colour)

    def action_note(self) -> None:
        from tui.widgets.dialogs import NoteEditor

        h = self._target(create=True)
        if h is None:
            return

        def saved(note: str | None) -> None:
            if note is not None and note != h.note:
                self._update(self.app.library.get_highlight(h.id), note=note)

        self.app.push_screen(NoteEditor(h.note, quote=h.exact), saved)

    def action_tags(self) -> None:
        from tui.widgets.dialogs import TagsEditor, parse_tags

        h = self._target(create=True)
        if h is None:
            return

        def saved(text: str | None) -> None:
            if text is not None and tuple(parse_tags(text)) != h.tags:
                self._update(self.app.library.get_highlight(h.id), tags=parse_tags(text))

        self.app.push_screen(TagsEditor(h.tags), saved)

    def action_remove(self) -> None:
        h = self.highlight_at_cursor()
        if h is None:
            self.app.notify("No highlight under the cursor", markup=False)
            return
        self.app.library.delete_highlight(h.id)
        self.undo_stack.append(Change(h.id, h))
        self.reload_highlights()

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.app.notify("Nothing to undo", markup=False)
            return
        change = self.undo_stack.pop()
        library = self.app.library
        try:
            if change.before is None:
                library.delete_highlight(change.highlight_id)
                what = "Undone: highlight removed"
            else:
                library.restore_highlight(change.before)
                what = "Undone"
        except NewsreaderError as e:
            self.app.notify(str(e), severity="error", markup=False)
            return
        self.reload_highlights()
        self.app.notify(what, markup=False)

    def action_jump(self, direction: int) -> None:
        marks = self.view.marks
        if not marks:
            self.app.notify("No highlights in this article", markup=False)
            return
        here = self.view.cursor_offset
        if direction > 0:
            later = [m for m in marks if m.start > here]
            target = later[0] if later else marks[0]
        else:
            current = self.view.mark_at_cursor()
            limit = current.start if current else here
            earlier = [m for m in marks if m.start < limit]
            target = earlier[-1] if earlier else marks[-1]
        self.view.move_to(target.start)

    # --- the rest -----------------------------------------------------------------------------

    def action_export(self) -> None:
        self.app.export([self.article_id])

    def action_anchor(self) -> None:
        from tui.widgets.dialogs import PromptScreen

        self.app.push_screen(
            PromptScreen(
                "Anchor date (YYYY-MM-DD); empty to infer it again",
                value=self._article.anchor or "",
                placeholder="YYYY-MM-DD",
            ),
            self._set_anchor,
        )

    def _set_anchor(self, value: str | None) -> None:
        if value is None:
            return
        value = value.strip()
        try:
            day = date.fromisoformat(value) if value else None
        except ValueError:
            self.app.notify(f"Not a date (YYYY-MM-DD): {value}", severity="error", markup=False)
            return
        try:
            self.app.library.set_anchor(self.article_id, day)
        except NewsreaderError as e:
            self.app.notify(str(e), severity="error", markup=False)
            return
        self._article = self.app.library.get_article(self.article_id)
        self.query_one("#article-header", Static).update(self._header())
        self.fill_panes()
        self.app.notify(f"Anchor date: {self._article.anchor or 'none'}", markup=False)

    def action_quote_group(self) -> None:
        """The quote chosen in the quotes pane (else the one under the cursor) across articles."""
        quotes = self.query_one("#quotes", OptionList)
        option = quotes.highlighted_option if quotes.has_focus else None
        span = self.spans.get(option.id or "") if option is not None else None
        if span is None:
            here = self.view.cursor_offset
            span = next(
                (sp for key, sp in self.spans.items() if key[0] == "q" and sp[0] <= here < sp[1]),
                None,
            )
        if span is None:
            self.app.notify("Choose a quote in the quotes pane first", markup=False)
            return
        self.app.open_quote_group(self.article_id, span)

    def action_back(self) -> None:
        self.app.pop_screen()
