"""The article as a scrollable page with a word cursor, a selection and coloured highlights.

Everything is in character offsets into the stored (display-safe) text, so what the cursor
points at is exactly what the Library stores. Only visible lines are rendered; each line is
cached until the decorations (cursor, selection, highlights, mark, find matches) change.

The cursor follows the eye: it keeps a few lines from the edges when it moves (vim's
scrolloff), stays on screen when the page scrolls under it (wheel, page keys), and a jump puts
its target in the middle third of the screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.analysis.segment import WORD, sentence_spans
from tui.widgets.article_mouse import MouseSelect
from tui.widgets.wrap import wrap_paragraph, wrap_spaced

MOVE = Binding.Group("Move", compact=True)
OVERLAYS = {"article--noted", "article--mark"}  # decorations that style, never colour
EXTEND = Binding.Group("Extend", compact=True)  # shown in the help; the footer is full


@dataclass(frozen=True)
class Mark:
    """A highlight as the view draws it."""

    id: int
    start: int
    end: int
    color: int = 1
    noted: bool = False


class ArticleView(MouseSelect, ScrollView, can_focus=True):
    """The reading pane. Movement keys live here; what to do with a span is the screen's job."""

    ALLOW_SELECT = False  # the mouse selects words for highlighting, not terminal text
    SCROLLOFF = 3  # lines kept between the cursor and the top or bottom edge

    COMPONENT_CLASSES = {
        "article--cursor",
        "article--selection",
        "article--mark",
        "article--noted",
        "article--match",
        "article--match-current",
        "article--hl-1",
        "article--hl-2",
        "article--hl-3",
        "article--hl-4",
        "article--hl-5",
    }
    DEFAULT_CSS = """
    ArticleView > .article--cursor { background: $accent; color: $text; }
    ArticleView > .article--selection { background: $primary 60%; }
    ArticleView > .article--mark { text-style: bold underline; }
    ArticleView > .article--noted { text-style: underline; }
    ArticleView > .article--match { background: $secondary 35%; text-style: bold; }
    ArticleView > .article--match-current { background: $secondary; text-style: bold; }
    ArticleView > .article--hl-1 { background: $warning 40%; }
    ArticleView > .article--hl-2 { background: $success 40%; }
    ArticleView > .article--hl-3 { background: $secondary 50%; }
    ArticleView > .article--hl-4 { background: $error 40%; }
    ArticleView > .article--hl-5 { background: $foreground 25%; }
    """
    BINDINGS = [
        Binding("down,j", "line(1)", "Line down", id="line-down", key_display="j", group=MOVE),
        Binding("up,k", "line(-1)", "Line up", id="line-up", key_display="k", group=MOVE),
        Binding("right,w", "word(1)", "Next word", id="word-next", key_display="w", group=MOVE),
        Binding("left,b", "word(-1)", "Previous word", id="word-prev", key_display="b", group=MOVE),
        Binding(
            "right_parenthesis",
            "sentence(1)",
            "Next sentence",
            id="sentence-next",
            key_display=")",
            group=MOVE,
        ),
        Binding(
            "left_parenthesis",
            "sentence(-1)",
            "Previous sentence",
            id="sentence-prev",
            key_display="(",
            group=MOVE,
        ),
        Binding(
            "right_curly_bracket",
            "paragraph(1)",
            "Next paragraph",
            id="paragraph-next",
            key_display="}",
            group=MOVE,
        ),
        Binding(
            "left_curly_bracket",
            "paragraph(-1)",
            "Previous paragraph",
            id="paragraph-prev",
            key_display="{",
            group=MOVE,
        ),
        Binding("g,home", "top", "Top", id="top", key_display="g", group=MOVE),
        Binding("G,end", "bottom", "Bottom", id="bottom", key_display="G", group=MOVE),
        Binding("pagedown,space", "page(1)", "Page down", id="page-down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="page-up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half a page down", id="half-page-down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", id="half-page-up", show=False),
        Binding("v", "select", "Select", id="select"),
        Binding(
            "shift+right",
            "extend_word(1)",
            "Extend by word",
            id="extend-word-next",
            key_display="⇧→",
            group=EXTEND,
            show=False,
        ),
        Binding(
            "shift+left",
            "extend_word(-1)",
            "Shrink by word",
            id="extend-word-prev",
            key_display="⇧←",
            group=EXTEND,
            show=False,
        ),
        Binding(
            "shift+down",
            "extend_line(1)",
            "Extend by line",
            id="extend-line-down",
            key_display="⇧↓",
            group=EXTEND,
            show=False,
        ),
        Binding(
            "shift+up",
            "extend_line(-1)",
            "Extend up a line",
            id="extend-line-up",
            key_display="⇧↑",
            group=EXTEND,
            show=False,
        ),
        Binding("escape", "drop_selection", "Drop selection", id="drop-selection", show=False),
    ]

    class CursorMoved(Message):
        """The cursor or the selection changed (the screen shows what is under it)."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

    class MatchesCleared(Message):
        """Escape took the find matches away."""

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.text = text
        self.paragraphs = [tuple(p) for p in paragraphs] or [(0, len(text))]
        self._words: list[tuple[int, int]] | None = None  # found after the first frame
        self._word_starts: list[int] = []
        self._sentences: list[tuple[int, int]] | None = None  # found on first use
        self._sentence_starts: list[int] = []
        self._para_starts = [s for s, _ in self.paragraphs]
        self.marks: list[Mark] = []
        self.cursor = 0  # index into self.words
        self._start = 0  # where the cursor is until the words are found (the opening place)
        self._top: int | None = None  # offset to show first when laid out (a kept place)
        self.anchor: int | None = None  # selection anchor (word index) while selecting
        self.spot: tuple[int, int] | None = None  # a span chosen from a pane, shown marked
        self.matches: list[tuple[int, int]] = []  # find matches, in text order
        self._match_ends: list[int] = []
        self.match_index: int | None = None  # the current match
        self._match_rev = 0  # bumped when the matches change: every line may look different
        self._goal_cells: int | None = None  # column kept across vertical moves
        self._lines: list[tuple[int, int]] = []  # (start, end); (-1, -1) for paragraph gaps
        self._text_lines: list[int] = []  # indices into _lines of text lines
        self._text_line_starts: list[int] = []
        self._width = 0
        self._line_para: list[int] = []  # paragraph index of each line (-1 for gaps)
        self._para_lines: list[tuple[int, int]] = []  # first and last line of each paragraph
        self._para_rev = [0] * len(self.paragraphs)  # bumped when a paragraph's look changes
        self._drawn: list[tuple[int, int, str]] = []  # decorations as last drawn, in order
        self._cache: dict[tuple[int, int, int, int], Strip] = {}
        self._steering = False  # the view scrolls itself: the cursor need not follow
        self._drag_from: int | None = None  # word index where a mouse drag started

    # --- layout ---------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        width = max(10, self.scrollable_content_region.width)
        if width == self._width and self._lines:
            return
        top_offset = self._top if self._top is not None else self.top_offset()
        self._width = width
        lines: list[tuple[int, int]] = []
        line_para: list[int] = []
        para_lines: list[tuple[int, int]] = []
        text = self.text
        for i, (s, e) in enumerate(self.paragraphs):
            if i:
                lines.append((-1, -1))
                line_para.append(-1)
            para = text[s:e]
            if para.isascii() and para.isprintable() and "  " not in para:
                wrapped = wrap_spaced(text, s, e, width)
            else:
                wrapped = wrap_paragraph(text, s, e, width)
            para_lines.append((len(lines), len(lines) + len(wrapped) - 1))
            lines.extend(wrapped)
            line_para.extend([i] * len(wrapped))
        self._lines = lines
        self._line_para = line_para
        self._para_lines = para_lines
        self._text_lines = [i for i, (s, _) in enumerate(lines) if s >= 0]
        self._text_line_starts = [lines[i][0] for i in self._text_lines]
        self._cache.clear()
        self.virtual_size = Size(width, len(lines))
        # the same words stay on top at any width, set before the frame is drawn (scroll_to
        # waits for a layout); the cursor stays in view
        height = self.scrollable_content_region.height
        y = max(0, min(self.line_of(top_offset), len(lines) - height))
        self.set_scroll(None, y)
        self.set_reactive(ScrollView.scroll_target_y, y)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.position = y
        self._top = None
        self.call_after_refresh(self.scroll_to_cursor)
        self.post_message(self.CursorMoved(self))  # the place indicator counts lines

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def line_of(self, offset: int) -> int:
        """The visual line (index into the wrapped lines) showing `offset`."""
        if not self._text_lines:
            return 0
        i = max(0, bisect_right(self._text_line_starts, offset) - 1)
        return self._text_lines[i]

    def top_offset(self) -> int:
        """The offset of the first character on screen (a place that holds at any width)."""
        if not self._lines:
            return 0
        y = min(int(self.scroll_offset.y), len(self._lines) - 1)
        start = self._lines[y][0]
        return start if start >= 0 else self._lines[min(y + 1, len(self._lines) - 1)][0]

    def open_at(self, cursor: int, top: int | None = None) -> None:
        """Open with the cursor on the word at `cursor` and `top` the first offset shown
        (before the first frame: neither needs the article's words found)."""
        self._start = max(0, min(cursor, len(self.text)))
        self._top = top
        if self._words is not None:
            self.cursor = self.word_at(self._start)

    # --- rendering ------------------------------------------------------------------------

    def _decorations(self) -> list[tuple[int, int, str]]:
        decor = [
            (m.start, m.end, f"article--hl-{m.color if 1 <= m.color <= 5 else 1}")
            for m in self.marks
        ]
        decor += [(m.start, m.end, "article--noted") for m in self.marks if m.noted]
        if self.spot:
            decor.append((*self.spot, "article--mark"))
        if (sel := self.selection()) is not None:
            decor.append((*sel, "article--selection"))
        if self._words is None:  # first frame: only the word under the cursor is needed
            first = WORD.search(self.text, self._start)
            if first:
                decor.append((*first.span(), "article--cursor"))
        elif self.words:
            decor.append((*self.words[self.cursor], "article--cursor"))
        return decor

    def _matches_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        found = []
        i = bisect_right(self._match_ends, start)
        while i < len(self.matches) and self.matches[i][0] < end:
            current = "article--match-current" if i == self.match_index else "article--match"
            found.append((*self.matches[i], current))
            i += 1
        return found

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        idx = scroll_y + y
        if idx >= len(self._lines) or self._lines[idx][0] < 0:
            return Strip.blank(width, self.rich_style)
        key = (idx, self._width, self._para_rev[self._line_para[idx]], self._match_rev)
        strip = self._cache.get(key)
        if strip is None:
            start, end = self._lines[idx]
            content = Content(self.text[start:end])
            drawn = self._drawn
            marked = sum(1 for _, _, c in drawn if c.startswith(("article--hl", "article--noted")))
            # highlights under the find matches, the selection and the cursor over them
            layers = drawn[:marked] + self._matches_within(start, end) + drawn[marked:]
            for s, e, component in layers:
                if s < end and e > start:
                    # a note's underline and a chosen spot's bold add to the colours under
                    # them; the others bring their own background
                    style = self.get_visual_style(component, partial=component in OVERLAYS)
                    content = content.stylize(style, max(s, start) - start, min(e, end) - start)
            strip = Strip(content.render_segments(self.visual_style), content.cell_length)
            if len(self._cache) > 5000:
                self._cache.clear()
            self._cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

    def _para_at(self, offset: int) -> int:
        return max(0, bisect_right(self._para_starts, offset) - 1)

    def _redraw(self) -> None:
        """Repaint only the paragraphs whose decorations changed (a cursor step touches one
        or two lines; rendering every visible line again costs far more)."""
        new = self._decorations()
        changed = set(new).symmetric_difference(self._drawn)
        self._drawn = new
        touched: set[int] = set()
        for s, e, _ in changed:
            touched.update(range(self._para_at(s), self._para_at(max(s, e - 1)) + 1))
        for p in touched:
            self._para_rev[p] += 1
        if not self._para_lines or not self.is_mounted:
            self.refresh()
            return
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        width = self.scrollable_content_region.width
        regions = []
        for p in touched:
            first, last = self._para_lines[p]
            first, last = max(first, top), min(last, top + height - 1)
            if first <= last:
                regions.append(Region(0, first - top, width, last - first + 1))
        if regions:
            self.refresh(*regions)

    @property
    def words(self) -> list[tuple[int, int]]:
        """Word spans (paragraphs are separated by blank lines, so no word crosses one),
        found on first use: the first frame needs only the word under the cursor."""
        if self._words is None:
            self._words = [m.span() for m in WORD.finditer(self.text)]
            self._word_starts = [s for s, _ in self._words]
            self.cursor = self.word_at(self._start)
        return self._words

    def on_mount(self) -> None:
        self.call_after_refresh(lambda: (self.words, self.sentences))  # before the first key

    def notify_style_update(self) -> None:
        """New styles (another theme): the cached lines were drawn in the old colours."""
        super().notify_style_update()
        self._cache.clear()
        self.refresh()

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, found when first needed (not on the way to the first frame)."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.text, self.paragraphs)
            self._sentence_starts = [s for s, _ in self._sentences]
        return self._sentences

    # --- what the cursor is on ------------------------------------------------------------

    def word_at(self, offset: int) -> int:
        """Index of the word at or before `offset`."""
        words = self.words  # (also fills _word_starts)
        return max(0, min(len(words) - 1, bisect_right(self._word_starts, offset) - 1))

    @property
    def cursor_offset(self) -> int:
        if self._words is None:  # before the words are found
            first = WORD.search(self.text, self._start)
            return first.start() if first else 0
        return self.words[self.cursor][0] if self.words else 0

    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or not self.words:
            return None
        a, c = self.words[self.anchor], self.words[self.cursor]
        return min(a[0], c[0]), max(a[1], c[1])

    def sentence_at_cursor(self) -> tuple[int, int] | None:
        if not self.sentences:  # (also fills _sentence_starts)
            return None
        i = max(0, bisect_right(self._sentence_starts, self.cursor_offset) - 1)
        return self.sentences[i]

    def paragraph_at_cursor(self) -> int:
        return max(0, bisect_right(self._para_starts, self.cursor_offset) - 1)

    def mark_at_cursor(self) -> Mark | None:
        """The innermost highlight under the cursor, the newest when several are equal."""
        off = self.cursor_offset
        under = [m for m in self.marks if m.start <= off < m.end]
        return min(under, key=lambda m: (m.end - m.start, -m.id)) if under else None

    # --- changing what is drawn -----------------------------------------------------------

    def set_marks(self, marks: Sequence[Mark]) -> None:
        self.marks = sorted(marks, key=lambda m: (m.start, m.id))
        self._redraw()

    def set_matches(self, matches: list[tuple[int, int]], current: int | None = None) -> None:
        """Mark find matches (sorted, not overlapping); `current` is drawn apart."""
        if not matches and not self.matches:
            return
        self.matches = matches
        self._match_ends = [e for _, e in matches]
        self.match_index = current
        self._match_rev += 1
        self.refresh()

    def go_to_match(self, index: int) -> None:
        """Make a match the current one and jump to it."""
        self.match_index = index
        self._match_rev += 1
        self.anchor = None
        self.jump_to(self.matches[index][0])
        self.refresh()

    def move_to(self, offset: int, *, keep_selection: bool = False) -> None:
        if not self.words:
            return
        if not keep_selection:
            self.anchor = None
        self.cursor = self.word_at(offset)
        self._moved()

    def jump_to(self, offset: int) -> None:
        """Move the cursor far (a highlight, a match): the target lands in the middle third
        of the screen unless it is there already."""
        if not self.words:
            return
        self.cursor = self.word_at(offset)
        self._goal_cells = None
        self._redraw()
        y = self.line_of(self.cursor_offset)
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if not top + height // 3 <= y < top + height - height // 3:
            self.scroll_to_cursor(center=True)
        self.post_message(self.CursorMoved(self))

    def show_spot(self, start: int, end: int) -> None:
        """Mark a span chosen elsewhere (a timeline entry, a quote) and bring it into view."""
        self.spot = (start, end)
        self.anchor = None
        self.jump_to(start)

    def _moved(self, *, vertical: bool = False) -> None:
        if not vertical:
            self._goal_cells = None
        self._redraw()
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(self))

    def _steer(self, scroll) -> None:
        """Scroll on the view's own account (the cursor is placed by the caller)."""
        self._steering = True
        try:
            scroll()
        finally:
            self._steering = False

    def scroll_to_cursor(self, center: bool = False) -> None:
        """Bring the cursor into view, keeping SCROLLOFF lines above and below it."""
        if not self._lines:
            return
        y = self.line_of(self.cursor_offset)
        margin = (
            0
            if center
            else min(self.SCROLLOFF, max(0, (self.scrollable_content_region.height - 1) // 2))
        )
        first, last = max(0, y - margin), min(len(self._lines) - 1, y + margin)
        self._steer(
            lambda: self.scroll_to_region(
                Region(0, first, 1, last - first + 1),
                spacing=None,
                animate=False,
                center=center,
                immediate=True,
            )
        )

    # --- the cursor follows the page --------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._steering and self._words is not None and self._lines:
            self._follow_page()

    def _follow_page(self) -> None:
        """The page moved under the cursor (wheel, scrollbar): put the cursor back on screen,
        SCROLLOFF lines in from the edge it left by."""
        if not self.words:
            return
        top, height = int(self.scroll_offset.y), self.scrollable_content_region.height
        margin = min(self.SCROLLOFF, max(0, (height - 1) // 2))
        last_line = len(self._lines) - 1
        low = top + margin if top > 0 else 0
        high = top + height - 1 - margin if top + height - 1 < last_line else last_line
        y = self.line_of(self.cursor_offset)
        if low <= y <= high:
            return
        if y < low:  # the first text line at or below the margin
            i = min(len(self._text_lines) - 1, bisect_left(self._text_lines, low))
        else:  # the last text line at or above it
            i = max(0, bisect_right(self._text_lines, high) - 1)
        line = self._text_lines[i]
        self.cursor = self.word_at(self._lines[line][0])
        self._goal_cells = None
        self._redraw()
        self.post_message(self.CursorMoved(self))

    # --- actions --------------------------------------------------------------------------

    def _bump(self, forward: bool) -> None:
        """A move that cannot go further says so."""
        where = "end" if forward else "start"
        self.notify(f"At the {where} of the article", markup=False, timeout=2)

    def action_word(self, n: int) -> None:
        if self.words:
            target = max(0, min(len(self.words) - 1, self.cursor + n))
            if target == self.cursor:
                self._bump(n > 0)
                return
            self.cursor = target
            self._moved()

    def _step_spans(self, spans: list[tuple[int, int]], starts: list[int], n: int) -> None:
        """To the next (previous) sentence or paragraph. While selecting, forward stops at the
        end of the one under the cursor (no word of the next one comes along)."""
        if not self.words or not spans:
            return
        off = self.cursor_offset
        i = max(0, bisect_right(starts, off) - 1)
        if n > 0 and self.anchor is not None:
            last = self.word_at(spans[i][1] - 1)
            if last <= self.cursor and i + 1 < len(spans):
                last = self.word_at(spans[i + 1][1] - 1)
            target = last
        elif n > 0:
            target = self.word_at(spans[i + 1][0]) if i + 1 < len(spans) else len(self.words) - 1
        else:
            start = spans[i][0] if off > spans[i][0] else spans[max(0, i - 1)][0]
            target = self.word_at(start)
        if target == self.cursor:
            self._bump(n > 0)
            return
        self.cursor = target
        self._moved()

    def action_sentence(self, n: int) -> None:
        sentences = self.sentences
        self._step_spans(sentences, self._sentence_starts, n)

    def action_paragraph(self, n: int) -> None:
        self._step_spans(self.paragraphs, self._para_starts, n)

    def _line_target(self, n: int) -> int | None:
        """The word nearest the kept column on the text line `n` lines away."""
        here = self.line_of(self.cursor_offset)
        pos = max(0, bisect_right(self._text_lines, here) - 1)
        line_start = self._lines[here][0]
        if self._goal_cells is None:
            self._goal_cells = cell_len(self.text[line_start : self.cursor_offset])
        target_pos = max(0, min(len(self._text_lines) - 1, pos + n))
        start, end = self._lines[self._text_lines[target_pos]]
        best, best_gap = None, None
        i = self.word_at(start)
        while i < len(self.words) and self.words[i][0] < end:
            if self.words[i][0] >= start or self.words[i][1] > start:
                cells = cell_len(self.text[start : max(start, self.words[i][0])])
                gap = abs(cells - self._goal_cells)
                if best_gap is None or gap < best_gap:
                    best, best_gap = i, gap
            i += 1
        return best

    def action_line(self, n: int) -> None:
        if not self.words or not self._text_lines:
            return
        best = self._line_target(n)
        if best is None or best == self.cursor:
            self._bump(n > 0)
            return
        self.cursor = best
        self._moved(vertical=True)

    def action_top(self) -> None:
        if self.words:
            self.cursor = 0
            self._moved()

    def action_bottom(self) -> None:
        if self.words:
            self.cursor = len(self.words) - 1
            self._moved()

    def _scroll_lines(self, n: int) -> None:
        """Scroll the page by `n` lines and the cursor with it (it keeps its row on screen)."""
        if not self.words or not self._text_lines:
            return
        best = self._line_target(n)
        if best is None or best == self.cursor:
            self._bump(n > 0)
            return
        self._steer(
            lambda: self.scroll_to(y=self.scroll_offset.y + n, animate=False, immediate=True)
        )
        self.cursor = best
        self._moved(vertical=True)

    def action_page(self, n: int) -> None:
        self._scroll_lines(n * max(1, self.scrollable_content_region.height - 2))

    def action_half_page(self, n: int) -> None:
        self._scroll_lines(n * max(1, self.scrollable_content_region.height // 2))

    def action_select(self) -> None:
        """Start a selection at the cursor, or drop the one in progress."""
        self.anchor = self.cursor if self.anchor is None else None
        self._moved()

    def action_extend_word(self, n: int) -> None:
        if self.anchor is None:
            self.anchor = self.cursor
        self.action_word(n)

    def action_extend_line(self, n: int) -> None:
        if self.anchor is None:
            self.anchor = self.cursor
        self.action_line(n)

    def action_drop_selection(self) -> None:
        """Escape drops the selection, the marked spot and the find matches."""
        if self.anchor is None and self.spot is None and not self.matches:
            return
        if self.matches:
            self.set_matches([])
            self.post_message(self.MatchesCleared())
        self.anchor = None
        self.spot = None
        self._moved()

    def clear_selection(self) -> None:
        if self.anchor is not None:
            self.anchor = None
            self._redraw()
