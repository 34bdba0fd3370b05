"""One article for close reading: the text with its highlights, a timeline and a quotes pane.

Every change goes to the Library at once and into its journal: `u` undoes and `ctrl+r` redoes,
per article, also after a restart. The reading place is kept while reading (every few seconds
and on leaving, never per key) and the article opens there again. `/` finds words in it.

Layouts by size: wide, the article beside both panes; medium, beside the two stacked;
narrower, one of the three at a time, full width, with Tab going on to the next (a line of
tabs on top and the key bar say which). On a low terminal the header shrinks to two lines so
the article keeps most of the rows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from store.analysis.find import find_all
from store.errors import NewsreaderError
from store.export.citation import citation, is_web_address
from store.library.records import Highlight, StoredArticle
from store.library.rows import excerpt
from tui.display import one_line
from tui.screens.reader.keys import BINDINGS as READER_KEYS
from tui.screens.reader.keys import KEY_BAR as READER_KEY_BAR
from tui.screens.reader.panes import PaneNote, quote_options, timeline_options
from tui.widgets.article_view import ArticleView, Mark
from tui.widgets.find_bar import FindBar, match_from
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
KEEP_EVERY = 3.0  # seconds between writes of the reading place (only when it moved)


def _marks(highlights: list[Highlight]) -> list[Mark]:
    return [
        Mark(h.id, h.start, h.end, h.color, bool(h.note.strip()))
        for h in highlights
        if not h.orphaned
    ]


class ReaderScreen(Screen):
    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = READER_KEYS
    KEY_BAR = READER_KEY_BAR

    def __init__(
        self, article_id: int, span: tuple[int, int] | None = None, find: str | None = None
    ) -> None:
        super().__init__(id="reader")
        self.article_id = article_id
        self.initial_span = span
        self.shown = "article"  # narrow: the one of article, timeline, quotes on screen
        self.initial_find = find
        self.query_text = ""  # what `/` looks for; its matches are marked while kept
        self.finding = False  # the find line is open
        self.find_from = 0  # the cursor when `/` was pressed (Escape goes back there)
        self.kept_place: tuple[int, int] | None = None  # as last written

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
                view = self._view = ArticleView(article.text, article.paragraphs, id="article")
                view.set_marks(_marks(self.highlights))
                if self.initial_span is None and (place := library.place(self.article_id)):
                    view.open_at(place.cursor, place.top)  # where the reader left off
                    self.kept_place = (place.cursor, place.top)
                yield view
                yield FindBar()
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
        if self.initial_find and self.initial_span:  # a library search hit: marked, n goes on
            self.query_text = self.initial_find
            self.call_after_refresh(self._show_hit, self.initial_span)
        elif self.initial_span:
            view.show_spot(*self.initial_span)
        self.show_status()
        self.set_interval(KEEP_EVERY, self.keep_place)
        drafts = self.app.library.drafts(self.article_id)
        if drafts:
            n = len(drafts)
            self.app.notify(
                f"{n} unsaved note draft{'s' if n != 1 else ''} here: press n on "
                f"{'its' if n == 1 else 'the'} highlight to finish {'it' if n == 1 else 'them'}",
                markup=False,
            )

    def _show_hit(self, span: tuple[int, int]) -> None:
        matches = find_all(self.article.text, self.query_text)
        index = next((i for i, m in enumerate(matches) if m[0] == span[0]), None)
        if index is None:
            self.view.show_spot(*span)
        else:
            self.view.set_matches(matches, index)
            self.view.go_to_match(index)
        self.show_status()

    @property
    def view(self) -> ArticleView:
        return self._view

    # --- header, panes, status --------------------------------------------------------------

    def _header(self) -> Content:
        a = self._article
        # a feed's ISO stamp reads as its day: "2022-03-05", not "2022-03-05T10:00:00+00:00"
        published = a.published[:10] if a.published and a.published[4:5] == "-" else a.published
        meta = " · ".join(one_line(m) for m in (a.site, a.byline, published) if m)
        lines = [Content.from_markup("[b]$title[/b]", title=one_line(a.title))]
        if meta:
            lines.append(Content.from_markup("[dim]$meta[/dim]", meta=meta))
        if is_web_address(a.url):
            lines.append(Content.from_markup("[dim]$url · o to open[/dim]", url=one_line(a.url)))
        if a.anchor:
            # the plain cases stay short; a choice between sources says which and why
            plain = a.anchor_reason in ("", "the publication date", "set by hand")
            how = (
                (" (inferred)" if a.anchor_inferred else "") if plain else (f": {a.anchor_reason}")
            )
            lines.append(
                Content.from_markup(
                    "[dim]Dates read against $anchor$how · D to correct[/dim]",
                    anchor=a.anchor,
                    how=how,
                )
            )
        else:
            lines.append(Content.from_markup("[dim]No anchor date · D to set one[/dim]"))
        if a.warnings:  # a step skipped when it was stored, or its text taken from elsewhere
            more = f" (and {len(a.warnings) - 1} more)" if len(a.warnings) > 1 else ""
            lines.append(Content(f"⚠ {one_line(a.warnings[0])}{more}").stylize("italic"))
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
        quote_list.add_options(quote_options(quotes))
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
        status = self.query_one("#status", StatusLine)
        status.show_place(self._place_text())
        status.update(self._status_text())

    def _place_text(self) -> Content:
        """Where the cursor is: the paragraph, and how far through the article."""
        view = self.view
        percent = round(100 * view.line_of(view.cursor_offset) / max(1, view.line_count - 1))
        n = len(view.paragraphs)
        return Content(f"¶ {view.paragraph_at_cursor() + 1}/{n} · {percent}%")

    def _find_text(self, *, brief: bool) -> Content:
        view = self.view
        found = len(view.matches)
        if not self.query_text.strip():
            counted = "type to find · Enter keeps · Escape clears"
        elif not found:
            counted = "no match"
        else:
            counted = f"{(view.match_index or 0) + 1} of {found}"
        query = Content.from_markup("Find [b]$q[/b]: ", q=one_line(self.query_text, 40))
        keys = "" if brief or self.finding or not found else " · n/N next/previous · Escape clears"
        return query + Content(counted + keys)

    def _status_text(self) -> Content:
        """The find line's count while it is open; else the selection; else the highlight
        under the cursor, and the matches while they are marked."""
        view = self.view
        if self.finding:
            return self._find_text(brief=False)
        if (sel := view.selection()) is not None:
            words = len(self.article.text[sel[0] : sel[1]].split())
            return Content(
                f"Selecting {words} word{'s' if words != 1 else ''} · h or 1-5 highlight · "
                "Escape drop"
            )
        h = self.highlight_at_cursor()
        if h is None:
            return self._find_text(brief=False) if view.matches else Content("")
        parts = [Content(f"Highlight {self.highlights.index(h) + 1}/{len(self.highlights)}")]
        if view.matches:
            parts.append(self._find_text(brief=True))
        if h.tags:
            parts.append(Content(" ".join("#" + one_line(t) for t in h.tags)))
        if h.note.strip():
            parts.append(Content.from_markup("[i]$note[/i]", note=one_line(h.note, 200)))
        return Content(" · ").join(parts)

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
        # focused now, not after the keys already queued: a burst of Tabs goes pane by pane
        if name == "article":
            self.set_focus(self.view)
        else:
            listing = self.query_one(f"#{name}", NavList)
            self.set_focus(listing if listing.display else self.query_one(f"#{name}-empty"))
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
        article's words wait until it is back (Tab, Escape). While the find line has the focus,
        the keys that open fields are letters to type; `n` finds the next match while matches
        are marked, else it writes a note."""
        if action in ON_THE_ARTICLE and self.tabbed and self.shown != "article":
            return False
        if action in ("find", "note", "tags", "anchor") and self.finding:
            return False
        if action == "note" and self.view.matches:
            return False
        # `n` without matches is the note key (N says there is nothing to go to)
        return not (action == "match" and parameters == (1,) and not self.view.matches)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """A click (or a dialog closing) can move the focus: what is shown follows it (unless
        the focus has moved on since, as it does in a burst of keys)."""
        if event.widget is not self.focused:
            return
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

    def add_highlight(self, colour: int = 1) -> Highlight | None:
        span = self._span_to_highlight()
        if span is None:
            return None
        start, end = span
        same = next((h for h in self.highlights if (h.start, h.end) == span), None)
        if same is not None:
            self.view.clear_selection()
            self.app.notify("Already highlighted", markup=False)
            return same
        h = self.app.library.add_highlight(self.article_id, start, end, color=colour)
        self.view.clear_selection()
        self.reload_highlights()
        return h

    def action_highlight(self) -> None:
        self.add_highlight()

    def _target(self, *, create: bool) -> Highlight | None:
        h = self.highlight_at_cursor()
        if h is None and self.view.selection() is None and not create:
            self.app.notify("No highlight under the cursor (h or v makes one)", markup=False)
            return None
        if h is None or self.view.selection() is not None:
            h = self.add_highlight() if create else h
        return h

    def _update(self, h: Highlight, **change) -> None:
        try:
            self.app.library.update_highlight(h.id, **change)
        except NewsreaderError as e:
            self.app.notify(str(e), severity="error", markup=False)
        self.reload_highlights()

    def action_colour(self, colour: int) -> None:
        if self.view.selection() is not None:  # the selection, highlighted in that colour
            same = next(
                (h for h in self.highlights if (h.start, h.end) == self.view.selection()), None
            )
            if same is None:
                self.add_highlight(colour)
                return
            self.view.clear_selection()
            h: Highlight | None = same
        else:
            h = self._target(create=False)
        if h is None:
            return
        if h.color == colour:
            self.app.notify(f"Already colour {colour}", markup=False)
        else:
            self._update(h, color=colour)

    def action_note(self) -> None:
        from tui.widgets.dialogs import note_editor_for

        h = self._target(create=True)
        if h is None:
            return
        library = self.app.library

        def saved(note: str | None) -> None:
            current = library.get_highlight(h.id) if self._exists(h.id) else None
            if note is not None and current is not None and note != current.note:
                self._update(current, note=note)
            library.drop_draft(h.id)  # saved, or thrown away on purpose

        editor = note_editor_for(library, h)
        self.app.push_screen(editor, saved)
        if editor.draft is not None:
            self.app.notify("Restored the unsaved draft of this note", markup=False)

    def _exists(self, highlight_id: int) -> bool:
        try:
            self.app.library.get_highlight(highlight_id)
        except NewsreaderError:
            self.app.notify("That highlight is gone; the note stays as a draft", markup=False)
            return False
        return True

    def action_tags(self) -> None:
        from tui.widgets.dialogs import TagsEditor, parse_tags

        h = self._target(create=True)
        if h is None:
            return

        def saved(text: str | None) -> None:
            if text is not None and tuple(parse_tags(text)) != h.tags and self._exists(h.id):
                self._update(self.app.library.get_highlight(h.id), tags=parse_tags(text))

        self.app.push_screen(TagsEditor(h.tags), saved)

    def action_remove(self) -> None:
        h = self.highlight_at_cursor()
        if h is None:
            self.app.notify("No highlight under the cursor", markup=False)
            return
        self.app.library.delete_highlight(h.id)
        self.reload_highlights()
        self.app.notify(
            f"Removed '{excerpt(h.exact)}' (u undoes; it is in the trash too)", markup=False
        )

    def action_undo(self) -> None:
        self._history(undo=True)

    def action_redo(self) -> None:
        self._history(undo=False)

    def _history(self, *, undo: bool) -> None:
        library = self.app.library
        try:
            entry = library.undo(self.article_id) if undo else library.redo(self.article_id)
        except NewsreaderError as e:
            self.app.notify(str(e), severity="warning", markup=False)
            self.reload_highlights()
            return
        if entry is None:
            what = "undo" if undo else "redo"
            self.app.notify(f"Nothing to {what} in this article", markup=False)
            return
        self.reload_highlights()
        self.app.notify(f"{'Undone' if undo else 'Redone'}: {entry.description}", markup=False)

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
        self.view.anchor = None
        self.view.jump_to(target.start)

    # --- find ---------------------------------------------------------------------------------

    def action_find(self) -> None:
        bar = self.query_one(FindBar)
        self.finding = True
        self.find_from = self.view.cursor_offset
        bar.value = self.query_text
        bar.display = True
        self.set_focus(bar)  # at once: the keys already on their way belong to the field
        self.refresh_bindings()
        self.show_status()

    def on_input_changed(self, event) -> None:
        if event.input.id != "find":
            return
        event.stop()
        self.query_text = event.value
        view = self.view
        matches = find_all(self.article.text, self.query_text)
        found = match_from(matches, self.find_from - 1, 1)
        view.set_matches(matches, found[0] if found else None)
        if found:
            view.go_to_match(found[0])
        self.show_status()

    def on_find_bar_closed(self, event: FindBar.Closed) -> None:
        event.stop()
        bar = self.query_one(FindBar)
        bar.display = False
        self.finding = False
        view = self.view
        if not event.keep or not view.matches:
            self.query_text = "" if not event.keep else self.query_text
            view.set_matches([])
            if not event.keep:
                view.move_to(self.find_from)
            elif self.query_text.strip():
                self.app.notify(f"Not found: {one_line(self.query_text, 60)}", markup=False)
        self.set_focus(view)
        self.refresh_bindings()
        self.show_status()

    def action_match(self, direction: int) -> None:
        view = self.view
        found = match_from(view.matches, view.cursor_offset, direction)
        if found is None:
            self.app.notify("Nothing to go to: press / to find words", markup=False)
            return
        index, wrapped = found
        if wrapped:
            where = "top" if direction > 0 else "bottom"
            self.app.notify(f"Search wrapped to the {where}", markup=False, timeout=2)
        view.go_to_match(index)
        self.show_status()

    def on_article_view_matches_cleared(self, _: ArticleView.MatchesCleared) -> None:
        self.query_text = ""
        self.refresh_bindings()
        self.show_status()

    # --- the place ----------------------------------------------------------------------------

    def place(self) -> tuple[int, int]:
        return self.view.cursor_offset, self.view.top_offset()

    def keep_place(self) -> None:
        """Write the reading place when it moved since the last write."""
        place = self.place()
        if place == self.kept_place:
            return
        try:
            self.app.library.save_place(self.article_id, *place)
        except NewsreaderError:
            return  # the next write tries again; reading goes on
        self.kept_place = place

    # --- open and cite ------------------------------------------------------------------------

    def action_open_source(self) -> None:
        url = self.article.url
        if not is_web_address(url):
            self.app.notify(
                "This article has no web address (it was read from a file)", markup=False
            )
            return
        self.app.open_url(url)
        self.app.notify(f"Opening {one_line(url, 100)}", markup=False)

    def action_cite(self) -> None:
        h = self.highlight_at_cursor()
        span = (h.start, h.end) if h else self.view.selection() or self.view.sentence_at_cursor()
        if span is None:
            self.app.notify("Nothing under the cursor to copy", markup=False)
            return
        text = citation(self.article, self.article.text[span[0] : span[1]])
        self.app.copy_to_clipboard(text)
        what = "highlight" if h else "sentence" if self.view.selection() is None else "selection"
        self.app.notify(f"Copied the {what} as a quotation with its source", markup=False)

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
        self.keep_place()
        self.app.pop_screen()

    def on_unmount(self) -> None:
        self.keep_place()
