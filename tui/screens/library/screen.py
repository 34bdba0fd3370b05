"""The library: every article as a row, newest first, with search as you type.

Rows are read a page at a time as the cursor nears the end of what is loaded, so a library
of 100,000 articles opens as fast as one of ten. S sorts another way (the header shows which),
N opens the next unread article, A marks the view read.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from store.article import display_safe
from store.errors import NewsreaderError
from store.library.listing import ArticleRow, FeedCount, SearchHit
from tui.config import SORTS
from tui.display import day, one_line, spaced
from tui.screens.library.feeds import (
    FeedSubscribed,
    RefreshDone,
    RefreshProgress,
    feed_list_width,
    in_background,
    progress_line,
    refresh_in_thread,
    refresh_summary,
    subscribe_in_thread,
)
from tui.screens.library.keys import BINDINGS as LIBRARY_KEYS
from tui.screens.library.keys import KEY_BAR as LIBRARY_KEY_BAR
from tui.widgets.article_table import ArticleTable
from tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from tui.protocol import ReaderApp

T = TypeVar("T")
PAGE = 100  # rows read at a time
OPEN_A_FIELD = {"search", "add", "subscribe"}  # actions whose keys open a text field
PREFETCH = 20  # read the next page when the cursor is this close to the last loaded row
FEEDS_INLINE = 100  # narrower terminals show the feed list only while it is in use (`f`)


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


class LibraryScreen(Screen):
    """What `newsreader` opens."""

    app: ReaderApp  # type: ignore[assignment]

    BINDINGS = LIBRARY_KEYS
    KEY_BAR = LIBRARY_KEY_BAR

    def __init__(self) -> None:
        super().__init__(id="library")
        self.total = 0
        self.loaded = 0
        self.searching = False
        self.feed_id: int | None = None  # the feed the table shows; None: every article
        self.feeds: list[FeedCount] = []
        self.rows: dict[int, ArticleRow] = {}  # the loaded rows, by article id
        self.hits: dict[int, SearchHit] = {}  # the search hits shown, by article id
        self.refresh_stop: threading.Event | None = None  # set: a refresh runs
        self.sort: str | None = self.app.config.sort  # None: added (a feed: published)

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", classes="title-bar")
        with Horizontal(id="library-body"):
            if self.app.library.has_feeds():
                # the list (counts over every feed's articles) comes right after the first
                # frame; until then an empty column of its width keeps the table still
                slot = Static(id="feeds-slot", classes="feed-column")
                slot.styles.width = feed_list_width(self.app.size.width)
                yield slot
            with Vertical(id="library-main"):
                yield ArticleTable(id="articles")
                yield Static(id="library-empty", classes="empty")
        yield Static(id="refresh-status")
        yield KeyBar()

    def _place_feed_list(self) -> None:
        """Make the feed list, in place of its empty slot if there is one."""
        from tui.widgets.feed_list import FeedList

        width = feed_list_width(self.app.size.width)
        feed_list = FeedList(self.feeds, self.feed_id, width, id="feeds", classes="feed-column")
        body = self.query_one("#library-body")
        if slots := self.query("#feeds-slot"):
            body.mount(feed_list, before=slots.first())
            slots.remove()
        else:
            body.mount(feed_list, before=0)

    def _with_feeds(self) -> bool:
        return bool(self.feeds) or bool(self.query("#feeds-slot"))

    def on_mount(self) -> None:
        if self.app.exit_after_first_frame:  # start-up benchmark: leave once this is painted
            self.call_after_refresh(self.app.exit)
        else:
            self.call_after_refresh(self.app.warm_up)
            self.call_after_refresh(self.app.report_config)
            if self.query("#feeds-slot"):
                self.call_after_refresh(self.show_feed_counts)
                if self.app.config.refresh_on_start:
                    self.call_after_refresh(self.action_refresh_feeds)
        table = self.table
        table.lay_out(self._table_width(), self.sorted_by)  # fixed widths: columns never jump
        self.reload()
        table.focus()
        self.watch(table, "scroll_y", self._scrolled, init=False)

    # --- rows -----------------------------------------------------------------------------

    @property
    def table(self) -> ArticleTable:
        return self.query_one("#articles", ArticleTable)

    @property
    def sorted_by(self) -> str:
        """The order the rows are in: the one chosen (S, or the config), else newest added
        (a feed's newest published)."""
        return self.sort or ("added" if self.feed_id is None else "published")

    def _table_width(self) -> int:
        """The terminal's width less the feed list beside the table."""
        from_feeds = 0
        if self._with_feeds() and self.app.size.width >= FEEDS_INLINE:
            from_feeds = feed_list_width(self.app.size.width)
        return self.app.size.width - from_feeds

    def _lay_out(self) -> None:
        """Columns for the width and the sort; rows already read are shown again in them."""
        table = self.table
        current = self.current_id() if table.row_count else None
        if table.lay_out(self._table_width(), self.sorted_by):
            for row in self.rows.values():
                table.add_article(row)
            if current is not None and str(current) in table.rows:
                table.move_cursor(row=table.get_row_index(str(current)))

    def reload(self, *, select: int | None = None) -> None:
        """Read the first page again (after an add or a delete)."""
        library = self.app.library
        if self.feed_id is None:
            self.total = library.count_articles()
        else:
            self.total = next((f.articles for f in self.feeds if f.id == self.feed_id), 0)
        table = self.table
        table.clear()
        self.rows.clear()
        self.loaded = 0
        self._lay_out()  # a feed's default order is another: its header follows
        # a screenful first (the first frame waits for these), the rest of the page after it
        self.load_more(self.app.size.height - 3)
        if self.loaded < min(PAGE, self.total):
            self.call_after_refresh(self.load_more, PAGE - self.loaded)
        self._update_title()
        if select is not None and str(select) in table.rows:
            table.move_cursor(row=table.get_row_index(str(select)))

    def load_more(self, limit: int = PAGE) -> None:
        page = self.app.library.list_rows(
            self.loaded, limit, feed_id=self.feed_id, sort=self.sorted_by
        )
        table = self.table
        for a in page:
            if str(a.id) not in table.rows:
                table.add_article(a)
                self.rows[a.id] = a
        self.loaded += len(page)

    def _update_title(self) -> None:
        n = self.total
        feed = next((f for f in self.feeds if f.id == self.feed_id), None)
        title = "Library"
        if feed is not None:
            title += f" · {one_line(feed.name, 60)}"
        title += f" · {n:,} article{'s' if n != 1 else ''}"
        if feed is not None and feed.unread:
            title += f", {feed.unread:,} unread"
        if self.searching:  # search reads the whole library, whichever feed is chosen
            title = "Library · search in every article" if feed else title + " · search"
        self.query_one("#library-title", Static).update(Content(title))
        empty = self.query_one("#library-empty", Static)
        if n == 0 and not self.searching:
            if feed is None:
                message = "The library is empty. Press a to add an article from a file or a URL."
                if self._with_feeds():
                    message += " Press r to refresh the feeds."
            elif feed.last_error:
                message = (
                    f"No articles from this feed yet. Last refresh: {one_line(feed.last_error)}"
                )
            else:
                message = "No articles from this feed yet. Press r to refresh."
            empty.update(Content(message))
            empty.display = True
        else:
            empty.display = False

    def on_resize(self) -> None:
        """Columns by priority for the width; the title takes what the others leave."""
        if self._with_feeds():
            self.set_class(self.app.size.width < FEEDS_INLINE, "-narrow")
            if lists := self.query("#feeds"):
                lists.first().show(self.feeds, self.feed_id, feed_list_width(self.app.size.width))
        self._lay_out()

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
        """Show an article's current highlight count and read state after a change."""
        from dataclasses import replace

        from store.ingest.feeds import is_read

        row = self.rows.get(article_id)
        if row is None or str(article_id) not in self.table.rows:
            return
        try:
            read = is_read(self.app.library, article_id)
        except NewsreaderError:
            return
        row = self.rows[article_id] = replace(
            row, read=read, highlights=len(self.app.library.highlights(article_id))
        )
        self.table.update_article(row)

    def show_feed_counts(self) -> None:
        """Unread counts (and feeds) as they are now, in the list and the title."""
        self.feeds = self.app.library.feed_counts()
        lists = self.query("#feeds")
        if lists:
            lists.first().show(self.feeds, self.feed_id)
        elif self.feeds:
            self._place_feed_list()
            self.on_resize()
        self._update_title()

    def choose_feed(self, feed_id: int | None) -> None:
        """Filter by this feed from now on (the caller reloads). The list's highlight follows;
        the message it sends then matches and reloads nothing."""
        self.feed_id = feed_id
        self.show_feed_counts()
        if lists := self.query("#feeds"):
            feed_list = lists.first()
            feed_list.highlighted = feed_list.feed_ids.index(feed_id)

    def on_option_list_option_highlighted(self, event) -> None:
        """Moving through the feed list filters the table at once."""
        if event.option_list.id != "feeds":
            return
        event.stop()
        feed_id = event.option_list.feed_at(event.option_index)
        if feed_id != self.feed_id:
            self.feed_id = feed_id
            self.reload()

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys that open a text field act at once (priority), so a burst typed after them
        lands in the field; typed in the search box they are characters of the query."""
        return not (action in OPEN_A_FIELD and isinstance(self.focused, Input))

    async def action_search(self) -> None:
        """The search box and its hits are made on the first `/` (not needed at start-up)."""
        if not self.query("#search"):
            from tui.widgets.closing_input import ClosingInput
            from tui.widgets.nav_list import NavList

            search = ClosingInput(placeholder="Search titles, text and notes", id="search")
            search.cursor_blink = False  # quiet, and snapshots stay stable
            await self.mount(search, before=self.table)
            await self.mount(NavList(id="hits"), after=self.table)
        self.searching = True
        self.set_class(True, "-searching")
        self.set_focus(self.query_one("#search"))  # at once: the keys on their way are the query
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
                self.set_focus(hits)
            else:
                event.input.stay_open()  # nothing to go to: the keys after Enter are typing

    def show_hits(self, query: str) -> None:
        from textual.widgets.option_list import Option

        hits = self.query_one("#hits")
        hits.clear_options()
        found = self.app.library.search(query) if query.strip() else []
        hits.add_options(spaced(Option(hit_prompt(h), id=str(h.id)) for h in found))
        self.hits = {h.id: h for h in found}
        empty = self.query_one("#library-empty", Static)
        if query.strip() and not found:
            empty.update(Content.from_markup("Nothing matches [b]$q[/b].", q=one_line(query, 60)))
            empty.display = True
        else:
            empty.display = False

    def on_option_list_option_selected(self, event) -> None:
        if event.option_list.id == "hits" and event.option.id is not None:
            event.stop()
            self.open_hit(self.hits[int(event.option.id)])
        elif event.option_list.id == "feeds":  # Enter on a feed: on to its articles
            event.stop()
            self.table.focus()

    def open_hit(self, hit: SearchHit) -> None:
        """At the words the search found (marked, so `n` goes on to the next), when they are
        in the text and not only in the title or the notes."""
        from store.analysis.find import locate_hit

        text = self.app.library.get_article(hit.id).text
        span = locate_hit(text, hit.snippet, hit.marks)
        self.app.open_reader(hit.id, span, find=text[span[0] : span[1]] if span else None)

    def action_add(self) -> None:
        from tui.widgets.dialogs import PromptScreen

        self.app.push_screen(
            PromptScreen("Add an article: a file path or a URL", placeholder="~/article.html"),
            self._add_source,
        )

    def _add_source(self, source: str | None) -> None:
        if source and source.strip():
            self.run_worker(lambda: self._read(source.strip()), thread=True, group="add")

    def _read(self, source: str) -> None:
        """Reading, cleaning and analysis run in a worker process (the UI never waits for
        them), storing on this thread with its own connection; the result comes back."""
        from store.ingest.bulk import add_sources
        from store.library.db import Library

        try:
            with Library(self.app.library.path, seed=False) as library:
                report = add_sources(library, [source], jobs=1)
        except Exception as e:  # noqa: BLE001 - a bad page must not end the session
            why = str(e) if isinstance(e, NewsreaderError) else f"{source}: cannot add ({e!r})"
            self.app.call_from_thread(self.app.notify, why, severity="error", markup=False)
            return
        self.app.call_from_thread(self._added, report)

    def _added(self, report) -> None:
        for failure in report.failed:
            self.app.notify(failure.reason, severity="error", markup=False)
        if not report.added:
            return
        added = report.added[0]
        title = one_line(added.title, 60)
        if added.created:
            self.app.notify(f"Added: {title}", markup=False)
            for warning in added.warnings:
                self.app.notify(one_line(warning, 200), severity="warning", markup=False)
        else:
            self.app.notify(f"Already in the library: {title}", markup=False)
        if self.feed_id is not None:  # an article added by hand is in no feed: show them all
            self.choose_feed(None)
        self.reload(select=added.id)

    def action_delete(self) -> None:
        from tui.widgets.dialogs import ConfirmScreen

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
                self.app.notify(
                    f"Moved to the trash: {one_line(article.title, 60)} (u undoes)", markup=False
                )
                row = self.table.cursor_row
                if self.feeds:
                    self.show_feed_counts()
                self.reload()
                if self.table.row_count:
                    self.table.move_cursor(row=min(row, self.table.row_count - 1))
                if self.searching:
                    self.show_hits(self.query_one("#search").value)

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_undo_delete(self) -> None:
        """Bring back the article deleted last (the trash keeps every one)."""
        library = self.app.library
        entry = next((e for e in library.trash() if e.kind == "article"), None)
        if entry is None:
            self.app.notify("No deleted article to bring back", markup=False)
            return
        try:
            restored = library.restore(entry.id)
        except NewsreaderError as e:
            self.app.notify(str(e), severity="error", markup=False)
            return
        self.app.notify(f"Restored: {one_line(entry.title, 60)}", markup=False)
        if self.feeds:
            self.show_feed_counts()
        self.reload(select=restored.article_id)

    def action_trash(self) -> None:
        self.app.open_view("trash")

    def on_screen_resume(self) -> None:
        """Back from the trash or an article: counts and rows may have changed."""
        if self.app.last_opened is not None:
            self.refresh_row(self.app.last_opened)
        if self.feed_id is None and self.total != self.app.library.count_articles():
            self.reload(select=self.current_id())
        if self.feeds:
            self.show_feed_counts()

    def action_export_all(self) -> None:
        self.app.export(None)

    # --- habits: sort, next unread, all read --------------------------------------------------

    def action_sort(self) -> None:
        """The next order: added, published, title, site, unread first, most highlights."""
        self.sort = SORTS[(SORTS.index(self.sorted_by) + 1) % len(SORTS)]
        self.reload(select=self.current_id())
        self.table.move_cursor(row=self.table.cursor_row)  # (keeps the cursor in view)
        self.app.notify(f"Sorted by {self.sort}", markup=False, timeout=2)

    def action_next_unread(self) -> None:
        """Open the next unread article after the cursor, in this view's order; when this
        feed has none left, in the whole library."""
        library = self.app.library
        after = None if self.searching else self.current_id()
        found = library.next_unread(after, feed_id=self.feed_id, sort=self.sorted_by)
        if found is None and self.feed_id is not None:
            found = library.next_unread(None, sort=self.sort)
            if found is not None:
                self.choose_feed(None)
        if found is None:
            self.app.notify("No unread articles", markup=False)
            return
        if self.searching:
            self.action_close_search()
        self.reload(select=found)
        self.open_article(found)

    def action_mark_all_read(self) -> None:
        """Every article of this view read, after asking (Enter there says no)."""
        from store.ingest.feeds import unread_count
        from tui.widgets.dialogs import ConfirmScreen

        unread = unread_count(self.app.library, self.feed_id)
        if not unread:
            self.app.notify("Nothing unread here", markup=False)
            return
        feed = next((f for f in self.feeds if f.id == self.feed_id), None)
        where = f"in {one_line(feed.name, 60)}" if feed else "in the library"
        question = Content(
            f"Mark {unread:,} unread article{'s' if unread != 1 else ''} {where} read?"
        )

        def answered(yes: bool | None) -> None:
            from store.ingest.feeds import mark_all_read

            if not yes:
                return
            try:
                done = mark_all_read(self.app.library, self.feed_id)
            except NewsreaderError as e:
                self.app.notify(str(e), severity="error", markup=False)
                return
            self.app.notify(f"Marked {done:,} read", markup=False)
            if self.feeds:
                self.show_feed_counts()
            self.reload(select=self.current_id())

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_speakers(self) -> None:
        self.app.open_view("speakers")

    def action_timeline(self) -> None:
        self.app.open_view("timeline")

    def action_notebook(self) -> None:
        self.app.open_view("notebook")

    def action_quit(self) -> None:
        self.stop_refresh()
        self.app.exit()

    def on_unmount(self) -> None:
        self.stop_refresh()

    # --- feeds ----------------------------------------------------------------------------

    def action_feeds(self) -> None:
        """Between the feed list and the table."""
        lists = self.query("#feeds")
        if not lists:
            self.app.notify("No feeds yet: press F to subscribe to one.", markup=False)
        elif self.focused is lists.first():
            self.table.focus()
        else:
            if self.searching:
                self.action_close_search()
            self.add_class("-feeds-open")  # on a narrow terminal it shows only now
            lists.first().focus()

    def on_descendant_blur(self, event) -> None:
        if event.widget.id == "feeds":
            self.remove_class("-feeds-open")

    def action_toggle_read(self) -> None:
        from store.ingest.feeds import is_read, mark_read

        article_id = self.current_id()
        if article_id is None:
            return
        try:
            mark_read(self.app.library, article_id, not is_read(self.app.library, article_id))
        except NewsreaderError as e:
            self.app.notify(str(e), severity="error", markup=False)
            return
        self.refresh_row(article_id)
        if self.feeds:
            self.show_feed_counts()

    def action_refresh_feeds(self) -> None:
        if self.refresh_stop is not None:
            self.app.notify("The feeds are being refreshed already.", markup=False)
        elif not self._with_feeds():
            self.app.notify("No feeds yet: press F to subscribe to one.", markup=False)
        else:
            self.start_refresh(None)

    def start_refresh(self, feed_ids: list[int] | None) -> None:
        """Fetch in a thread with its own connection; progress and the end come back as
        messages (post_message is thread-safe and never waits for the UI)."""
        stop = self.refresh_stop = threading.Event()
        path = self.app.library.path
        status = self.query_one("#refresh-status", Static)
        status.update(progress_line(0, len(feed_ids or self.feeds), "starting"))
        status.display = True

        in_background(
            lambda: self._post(refresh_in_thread(path, feed_ids, stop, self._post)), "refresh"
        )

    def _post(self, message: Message) -> None:
        with suppress(RuntimeError):  # the app has closed its loop: nobody is left to tell
            self.post_message(message)

    def stop_refresh(self) -> None:
        if self.refresh_stop is not None:
            self.refresh_stop.set()

    def on_refresh_progress(self, message: RefreshProgress) -> None:
        e = message.event
        if self.refresh_stop is None:
            return
        what = f"{one_line(e.feed.name, 40)}: {one_line(e.message, 60)}"
        self.query_one("#refresh-status", Static).update(progress_line(e.done, e.total, what))

    def on_refresh_done(self, message: RefreshDone) -> None:
        self.refresh_stop = None
        self.query_one("#refresh-status", Static).display = False
        report = message.report
        if report is None:
            self.app.notify(
                one_line(message.error or "refresh failed"), severity="error", markup=False
            )
            return
        summary, trouble = refresh_summary(report, message.stopped)
        self.app.notify(summary, severity="warning" if trouble else "information", markup=False)
        self.show_feed_counts()
        if report.new_articles or report.failed:
            self.reload(select=self.current_id() if not self.searching else None)

    def action_subscribe(self) -> None:
        from tui.widgets.dialogs import PromptScreen

        self.app.push_screen(
            PromptScreen(
                "Subscribe to a feed: its URL, or a page that links to one",
                placeholder="https://example.org/feed.xml",
            ),
            self._subscribe,
        )

    def _subscribe(self, url: str | None) -> None:
        if not url or not url.strip():
            return
        path = self.app.library.path

        in_background(lambda: self._post(subscribe_in_thread(path, url.strip())), "subscribe")

    def on_feed_subscribed(self, message: FeedSubscribed) -> None:
        feed = message.feed
        if feed is None:
            self.app.notify(one_line(message.error), severity="error", markup=False)
            return
        name = one_line(feed.name, 60)
        self.choose_feed(feed.id)
        self.reload()
        if not message.created:
            self.app.notify(f"Already subscribed: {name}", markup=False)
        elif self.refresh_stop is not None:
            self.app.notify(f"Subscribed: {name}. Press r after this refresh.", markup=False)
        else:
            self.app.notify(f"Subscribed: {name}", markup=False)
            self.start_refresh([feed.id])
