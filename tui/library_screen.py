"""The library: every article as a row, newest first, with search as you type.

Rows are read a page at a time as the cursor nears the end of what is loaded, so a library
of 100,000 articles opens as fast as one of ten.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from store.article import display_safe
from store.library import ArticleSummary, SearchHit
from tui.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.app import NewsReader

T = TypeVar("T")
PAGE = 100  # rows read at a time
PREFETCH = 20
SITE_WIDTH = 16  # read the next page when the cursor is this close to the last loaded row


def one_line(text: str | None, limit: int | None = None) -> str:
    """Display-safe text on one line, cut to `limit` characters."""
    flat = display_safe(" ".join((text or "").split()))
    if limit and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat


def spaced(options: Iterable[T]) -> Iterator[T | None]:
    """Options with a quiet rule between them (None is OptionList's separator)."""
    for i, option in enumerate(options):
        if i:
            yield None
        yield option


def day(stamp: str | None) -> str:
    return one_line(stamp)[:10] if stamp else "—"


def hit_prompt(hit: SearchHit) -> Content:
    """Title on the first line, the matching snippet with the matches marked below."""
    snippet = Content(display_safe(hit.snippet))
    for s, e in hit.marks:
        snippet = snippet.stylize("bold reverse", s, e)
    meta = " · ".join(x for x in (one_line(hit.site), day(hit.published)) if x and x != "—")
    title = Content.from_markup("[b]$title[/b]", title=one_line(hit.title, 100))
    if meta:
        title = title + Content.from_markup("  [dim]$meta[/dim]", meta=meta)
    return Content("\n").join([title, Content("  ") + snippet])


class ArticleTable(DataTable):
    """The rows; Enter opens (and says so in the footer)."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", id="open-row")]


class LibraryScreen(Screen):
    """What `newsreader` opens."""

    app: NewsReader

    BINDINGS = [
        Binding("enter", "open", "Open", id="open", show=False),  # the table shows its own
        Binding("slash", "search", "Search", id="search", key_display="/"),
        Binding("a", "add", "Add", id="add"),
        Binding("d", "delete", "Delete", id="delete"),
        Binding("e", "export_all", "Export all", id="export-all"),
        Binding("s", "speakers", "Speakers", id="speakers"),
        Binding("T", "timeline", "Timeline", id="combined-timeline"),
        Binding("escape", "close_search", "Close search", id="close-search", show=False),
        Binding("j", "row(1)", "Next row", id="row-next", show=False),
        Binding("k", "row(-1)", "Previous row", id="row-prev", show=False),
        Binding("g", "first", "First row", id="row-first", show=False),
        Binding("G", "last", "Last loaded row", id="row-last", show=False),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self) -> None:
        super().__init__(id="library")
        self.total = 0
        self.loaded = 0
        self.searching = False

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", classes="title-bar")
        yield ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-empty", classes="empty")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.app.exit_after_first_frame:  # start-up benchmark: leave once this is painted
            self.call_after_refresh(self.app.exit)
        else:
            self.call_after_refresh(self.app.warm_up)
        table = self.query_one("#articles", DataTable)
        # fixed widths: nothing to measure row by row, and columns that do not jump
        table.add_column("Title", key="title", width=self._title_width())
        table.add_column("Site", key="site", width=SITE_WIDTH)
        table.add_column("Published", key="published", width=10)
        table.add_column("HL", key="highlights", width=3)
        table.add_column("Added", key="added", width=10)
        self.reload()
        table.focus()
        self.watch(table, "scroll_y", self._scrolled, init=False)

    # --- rows -----------------------------------------------------------------------------

    @property
    def table(self) -> DataTable:
        return self.query_one("#articles", DataTable)

    def _title_width(self) -> int:
        # the other columns, the cell padding and the scrollbar
        return max(20, self.app.size.width - (SITE_WIDTH + 10 + 3 + 10) - 2 * 5 - 2)

    def _row(self, a: ArticleSummary) -> list[Text]:
        return [
            Text(one_line(a.title, 300), no_wrap=True, overflow="ellipsis"),
            Text(one_line(a.site, 80), no_wrap=True, overflow="ellipsis"),
            Text(day(a.published)),
            Text(str(a.highlights) if a.highlights else "", justify="right"),
            Text(day(a.added)),
        ]

    def reload(self, *, select: int | None = None) -> None:
        """Read the first page again (after an add or a delete)."""
        library = self.app.library
        self.total = library.count_articles()
        table = self.table
        table.clear()
        self.loaded = 0
        # a screenful first (the first frame waits for these), the rest of the page after it
        self.load_more(self.app.size.height + 5)
        if self.loaded < min(PAGE, self.total):
            self.call_after_refresh(self.load_more, PAGE - self.loaded)
        self._update_title()
        if select is not None and str(select) in table.rows:
            table.move_cursor(row=table.get_row_index(str(select)))

    def load_more(self, limit: int = PAGE) -> None:
        page = self.app.library.list_articles(offset=self.loaded, limit=limit)
        table = self.table
        for a in page:
            if str(a.id) not in table.rows:
                table.add_row(*self._row(a), key=str(a.id))
        self.loaded += len(page)

    def _update_title(self) -> None:
        n = self.total
        title = f"Library · {n:,} article{'s' if n != 1 else ''}"
        if self.searching:
            title += " · search"
        self.query_one("#library-title", Static).update(Content(title))
        empty = self.query_one("#library-empty", Static)
        if n == 0 and not self.searching:
            empty.update(
                Content("The library is empty. Press a to add an article from a file or a URL.")
            )
            empty.display = True
        else:
            empty.display = False

    def on_resize(self) -> None:
        """The title column takes the width the others leave."""
        column = self.table.columns.get("title")  # type: ignore[call-overload]
        if column is not None and column.width != self._title_width():
            column.width = self._title_width()
            self.table._require_update_dimensions = True  # (no public way to resize a column)
            self.table.refresh(layout=True)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.loaded - PREFETCH and self.loaded < self.total:
            self.load_more()

    def _scrolled(self, scroll_y: float) -> None:
        """Scrolling (wheel, End, PageDown) near the last loaded row reads the next page."""
        table = self.table
        if scroll_y + table.size.height >= self.loaded - PREFETCH and self.loaded < self.total:
            self.load_more()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_article(int(event.row_key.value))

    def current_id(self) -> int | None:
        if self.searching and self.focused is not self.table:
            hits = self.query_one("#hits")
            if hits.highlighted is not None and hits.option_count:
                return int(hits.get_option_at_index(hits.highlighted).id)
            return None
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value)

    def refresh_row(self, article_id: int) -> None:
        """Show an article's current highlight count after the reader changed it."""
        table = self.table
        if str(article_id) in table.rows:
            n = len(self.app.library.highlights(article_id))
            table.update_cell(
                str(article_id), "highlights", Text(str(n) if n else "", justify="right")
            )

    # --- actions --------------------------------------------------------------------------

    def action_row(self, n: int) -> None:
        table = self.table
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + n)))

    def action_first(self) -> None:
        self.table.move_cursor(row=0)

    def action_last(self) -> None:
        """The last row read so far; reading it brings in the next page."""
        table = self.table
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)

    def action_open(self) -> None:
        if (article_id := self.current_id()) is not None:
            self.open_article(article_id)

    def open_article(self, article_id: int, span: tuple[int, int] | None = None) -> None:
        self.app.open_reader(article_id, span)

    async def action_search(self) -> None:
        """The search box and its hits are made on the first `/` (not needed at start-up)."""
        if not self.query("#search"):
            from textual.widgets import Input, OptionList

            search = Input(placeholder="Search titles, text and notes", id="search")
            search.cursor_blink = False  # quiet, and snapshots stay stable
            await self.mount(search, before=self.table)
            await self.mount(OptionList(id="hits"), after=self.table)
        self.searching = True
        self.set_class(True, "-searching")
        self.query_one("#search").focus()
        self._update_title()

    def action_close_search(self) -> None:
        if not self.searching:
            return
        self.searching = False
        self.set_class(False, "-searching")
        self.query_one("#search").value = ""
        self.query_one("#hits").clear_options()
        self.table.focus()
        self._update_title()

    def on_input_changed(self, event) -> None:
        if event.input.id == "search":
            self.show_hits(event.value)

    def on_input_submitted(self, event) -> None:
        if event.input.id == "search":
            hits = self.query_one("#hits")
            if hits.option_count:
                hits.highlighted = 0
                hits.focus()

    def show_hits(self, query: str) -> None:
        from textual.widgets.option_list import Option

        hits = self.query_one("#hits")
        hits.clear_options()
        found = self.app.library.search(query) if query.strip() else []
        hits.add_options(spaced(Option(hit_prompt(h), id=str(h.id)) for h in found))
        empty = self.query_one("#library-empty", Static)
        if query.strip() and not found:
            empty.update(Content.from_markup("Nothing matches [b]$q[/b].", q=one_line(query, 60)))
            empty.display = True
        else:
            empty.display = False

    def on_option_list_option_selected(self, event) -> None:
        if event.option_list.id == "hits" and event.option.id is not None:
            event.stop()
            self.open_article(int(event.option.id))

    def action_add(self) -> None:
        from tui.dialogs import PromptScreen

        self.app.push_screen(
            PromptScreen("Add an article: a file path or a URL", placeholder="~/article.html"),
            self._add_source,
        )

    def _add_source(self, source: str | None) -> None:
        if source and source.strip():
            self.run_worker(lambda: self._read(source.strip()), thread=True, group="add")

    def _read(self, source: str) -> None:
        """Reading (and fetching) runs off the UI thread; storing comes back to it."""
        from store.errors import NewsreaderError
        from store.ingest import read_article

        try:
            article = read_article(source)
        except NewsreaderError as e:
            self.app.call_from_thread(self.app.notify, str(e), severity="error", markup=False)
            return
        except Exception as e:  # noqa: BLE001 - a bad page must not end the session
            self.app.call_from_thread(
                self.app.notify, f"{source}: cannot read ({e})", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._store, article)

    def _store(self, article) -> None:
        from store.errors import NewsreaderError

        try:
            article_id, created = self.app.library.add_article(article)
        except NewsreaderError as e:
            self.app.notify(str(e), severity="error", markup=False)
            return
        title = one_line(self.app.library.get_article(article_id).title, 60)
        if created:
            self.app.notify(f"Added: {title}", markup=False)
        else:
            self.app.notify(f"Already in the library: {title}", markup=False)
        self.reload(select=article_id)

    def action_delete(self) -> None:
        from tui.dialogs import ConfirmScreen

        article_id = self.current_id()
        if article_id is None:
            return
        article = self.app.library.get_article(article_id)
        n = len(self.app.library.highlights(article_id))
        question = Content.from_markup(
            "Delete [b]$title[/b]$extra?",
            title=one_line(article.title, 80),
            extra=f" and its {n} highlight{'s' if n != 1 else ''}" if n else "",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.library.delete_article(article_id)
                self.app.notify(f"Deleted: {one_line(article.title, 60)}", markup=False)
                row = self.table.cursor_row
                self.reload()
                if self.table.row_count:
                    self.table.move_cursor(row=min(row, self.table.row_count - 1))
                if self.searching:
                    self.show_hits(self.query_one("#search").value)

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_export_all(self) -> None:
        self.app.export(None)

    def action_speakers(self) -> None:
        from tui.index_screens import SpeakersScreen

        self.app.push_screen(SpeakersScreen())

    def action_timeline(self) -> None:
        from tui.index_screens import CombinedTimelineScreen

        self.app.push_screen(CombinedTimelineScreen())

    def action_quit(self) -> None:
        self.app.exit()

    def on_screen_resume(self) -> None:
        if self.app.last_opened is not None:
            self.refresh_row(self.app.last_opened)
