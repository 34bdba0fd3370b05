"""The library's table of articles: columns chosen for the width, the sort shown in a header.

The title gets most of the width at every size; the other columns go by priority as the
terminal narrows (added, then site, then the date), and whichever column the rows are sorted
by stays, its header marked ▼ or ▲.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from store.library.listing import ArticleRow
from tui.display import day, one_line
from tui.widgets.cells import Cell

UNREAD = "●"
MIN_TITLE = 20
CELL_PADDING = 2  # DataTable's one cell of padding either side of each column
SCROLLBAR = 2
# what each sort puts first, for the header's arrow: ▼ newest/most first, ▲ A to Z
DESCENDING = {"added", "published", "unread", "highlights"}


class Column(NamedTuple):  # (a dataclass costs 0.6 ms to make at start-up)
    key: str
    label: str
    width: int


def plan_columns(width: int, sort: str) -> list[Column]:
    """The columns for a table `width` cells wide, sorted by `sort`: all of them when there is
    room; below 110 cells one date (the sorted one, else published) and the site narrower;
    below 90 no site (unless sorted by it: then no date); below 60 the title and the count of
    highlights only. The sorted column's header is marked, or the title's names the sort."""
    date_key = sort if sort in ("added", "published") else "published"
    if width >= 110:
        keys = ["unread", "title", "site", "published", "highlights", "added"]
    elif width >= 90:
        keys = ["unread", "title", "site", date_key, "highlights"]
    elif width >= 60:
        keys = ["unread", "title", date_key, "highlights"]
    else:
        keys = ["unread", "title", "highlights"]
    if sort == "site" and 60 <= width < 90:
        keys[2] = "site"  # in place of the date
    site_width = 16 if width >= 110 else 12
    widths = {
        "unread": 2 if sort == "unread" else 1,
        "site": site_width,
        "published": 10,
        "highlights": 3,
        "added": 10,
    }
    labels = {
        "unread": "",
        "title": "Title",
        "site": "Site",
        "published": "Published",
        "highlights": "HL",
        "added": "Added",
    }
    others = sum(widths[k] for k in keys if k != "title")
    widths["title"] = max(MIN_TITLE, width - others - CELL_PADDING * len(keys) - SCROLLBAR)
    arrow = "▼" if sort in DESCENDING else "▲"
    if sort in keys:
        label = labels[sort] or UNREAD
        fits = widths[sort] - len(label)
        labels[sort] = f"{label} {arrow}" if fits >= 2 else f"{label}{arrow}" if fits else arrow
    else:
        labels["title"] = f"Title · {sort} {arrow}"
    return [Column(k, labels[k], widths[k]) for k in keys]


def cell(row: ArticleRow, key: str) -> Cell:
    """One cell of an article's row, as plain text (never markup), one line cut to fit."""
    if key == "unread":
        return Cell("" if row.read else UNREAD, "bold")
    if key == "title":
        return Cell(one_line(row.title, 300), "" if row.read else "bold")
    if key == "site":
        return Cell(one_line(row.site, 80))
    if key == "published":
        return Cell(day(row.published))
    if key == "added":
        return Cell(day(row.added))
    return Cell(str(row.highlights) if row.highlights else "", right=True)


class ArticleTable(DataTable):
    """The rows; Enter opens (and says so in the key bar)."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", id="open-row")]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.plan: list[Column] = []

    def lay_out(self, width: int, sort: str) -> bool:
        """Columns for this width and sort. True when they changed: the table is then empty
        and its rows must be added again; a title width alone changes in place."""
        plan = plan_columns(width, sort)
        if plan == self.plan:
            return False
        if [(c.key, c.label) for c in plan] == [(c.key, c.label) for c in self.plan]:
            title = next(c for c in plan if c.key == "title")
            column = self.columns.get("title")  # type: ignore[call-overload]
            if column is not None:
                column.width = title.width
                self._require_update_dimensions = True  # (no public way to resize a column)
                self.refresh(layout=True)
            self.plan = plan
            return False
        self.clear(columns=True)
        for c in plan:  # a Text: a str label would be read as markup (and load Rich's emoji)
            self.add_column(Text(c.label), key=c.key, width=c.width)
        self.plan = plan
        return True

    def add_article(self, row: ArticleRow) -> None:
        self.add_row(*(cell(row, c.key) for c in self.plan), key=str(row.id))

    def update_article(self, row: ArticleRow) -> None:
        """Show an article's current read state and highlight count."""
        for c in self.plan:
            self.update_cell(str(row.id), c.key, cell(row, c.key))
