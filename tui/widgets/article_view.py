"""The article as a scrollable page with a word cursor, a selection and coloured highlights.

Everything is in character offsets into the stored (display-safe) text, so what the cursor
points at is exactly what the Library stores. Only visible lines are rendered; each line is
cached until the decorations (cursor, selection, highlights, mark) change.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.analysis.segment import WORD, sentence_spans

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


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of text[start:end] into (start, end) offsets of at most `width` cells;
    a word wider than the line is cut into pieces."""
    lines: list[tuple[int, int]] = []
    line_start = line_end = start
    used = 0
    for m in WORD.finditer(text, start, end):
        w_start, w_end = m.span()
        w = cell_len(m.group())
        if w > width:  # a very long word (a URL): break it by characters
            if used:
                lines.append((line_start, line_end))
                used = 0
            piece, cells = w_start, 0
            for i in range(w_start, w_end):
                c = cell_len(text[i])
                if cells + c > width:
                    lines.append((piece, i))
                    piece, cells = i, 0
                cells += c
            line_start, line_end, used = piece, w_end, cells
            continue
        if used and used + 1 + w > width:
            lines.append((line_start, line_end))
            line_start, used = w_start, 0
        if not used:
            line_start = w_start
        used = used + 1 + w if used else w
        line_end = w_end
    if used or not lines:
        lines.append((line_start, line_end))
    return lines


def wrap_spaced(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy wrap of a paragraph of printable ASCII with single spaces between words: one
    step per line, not per word (the common case, and the one on the way to the first frame)."""
    lines: list[tuple[int, int]] = []
    pos = start
    while end - pos > width:
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:  # a word longer than the line is cut
            lines.append((pos, pos + width))
            pos += width
            continue
        lines.append((pos, cut))
        pos = cut + 1
    lines.append((pos, end))
    return lines


class ArticleView(ScrollView, can_focus=True):
    """The reading pane. Movement keys live here; what to do with a span is the screen's job."""

    COMPONENT_CLASSES = {
        "article--cursor",
        "article--selection",
        "article--mark",
        "article--noted",
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
        self.anchor: int | None = None  # selection anchor (word index) while selecting
        self.spot: tuple[int, int] | None = None  # a span chosen from a pane, shown marked
        self._goal_cells: int | None = None  # column kept across vertical moves
        self._lines: list[tuple[int, int]] = []  # (start, end); (-1, -1) for paragraph gaps
        self._text_lines: list[int] = []  # indices into _lines of text lines
        self._text_line_starts: list[int] = []
        self._width = 0
        self._line_para: list[int] = []  # paragraph index of each line (-1 for gaps)
        self._para_lines: list[tuple[int, int]] = []  # first and last line of each paragraph
        self._para_rev = [0] * len(self.paragraphs)  # bumped when a paragraph's look changes
        self._drawn: list[tuple[int, int, str]] = []  # decorations as last drawn, in order
        self._cache: dict[tuple[int, int, int], Strip] = {}

    # --- layout ---------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        width = max(10, self.scrollable_content_region.width)
        if width == self._width and self._lines:
            return
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
        self.call_after_refresh(self.scroll_to_cursor)

    def line_of(self, offset: int) -> int:
        """The visual line (index into the wrapped lines) showing `offset`."""
        if not self._text_lines:
            return 0
        i = max(0, bisect_right(self._text_line_starts, offset) - 1)
        return self._text_lines[i]

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
        if self._words is None and self.cursor == 0:  # first frame: only the first word
            first = WORD.search(self.text)
            if first:
                decor.append((*first.span(), "article--cursor"))
        elif self.words:
            decor.append((*self.words[self.cursor], "article--cursor"))
        return decor

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        idx = scroll_y + y
        if idx >= len(self._lines) or self._lines[idx][0] < 0:
            return Strip.blank(width, self.rich_style)
        key = (idx, self._width, self._para_rev[self._line_para[idx]])
        strip = self._cache.get(key)
        if strip is None:
            start, end = self._lines[idx]
            content = Content(self.text[start:end])
            for s, e, component in self._drawn:
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
        found on first use: the first frame needs only the first word."""
        if self._words is None:
            self._words = [m.span() for m in WORD.finditer(self.text)]
            self._word_starts = [s for s, _ in self._words]
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
        if self._words is None and self.cursor == 0:  # before the words are found
            first = WORD.search(self.text)
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

    def move_to(self, offset: int, *, keep_selection: bool = False) -> None:
        if not self.words:
            return
        if not keep_selection:
            self.anchor = None
        self.cursor = self.word_at(offset)
        self._moved()

    def show_spot(self, start: int, end: int) -> None:
        """Mark a span chosen elsewhere (a timeline entry, a quote) and bring it into view."""
        self.spot = (start, end)
        self.anchor = None
        self.cursor = self.word_at(start)
        self._goal_cells = None
        self._redraw()
        self.scroll_to_cursor(center=True)
        self.post_message(self.CursorMoved(self))

    def _moved(self, *, vertical: bool = False) -> None:
        if not vertical:
            self._goal_cells = None
        self._redraw()
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(self))

    def scroll_to_cursor(self, center: bool = False) -> None:
        if not self._lines:
            return
        y = self.line_of(self.cursor_offset)
        self.scroll_to_region(
            Region(0, y, 1, 1), spacing=None, animate=False, center=center, immediate=True
        )

    # --- actions --------------------------------------------------------------------------

    def action_word(self, n: int) -> None:
        if self.words:
            self.cursor = max(0, min(len(self.words) - 1, self.cursor + n))
            self._moved()

    def _step_spans(self, spans: list[tuple[int, int]], starts: list[int], n: int) -> None:
        if not self.words or not spans:
            return
        off = self.cursor_offset
        i = max(0, bisect_right(starts, off) - 1)
        if n > 0:
            target = spans[min(len(spans) - 1, i + 1)][0] if i + 1 < len(spans) else None
            if target is None:  # last one: go to its last word
                self.cursor = self.word_at(spans[-1][1] - 1)
                self._moved()
                return
        else:
            target = spans[i][0] if off > spans[i][0] else spans[max(0, i - 1)][0]
        self.cursor = self.word_at(target)
        self._moved()

    def action_sentence(self, n: int) -> None:
        sentences = self.sentences
        self._step_spans(sentences, self._sentence_starts, n)

    def action_paragraph(self, n: int) -> None:
        self._step_spans(self.paragraphs, self._para_starts, n)

    def action_line(self, n: int) -> None:
        if not self.words or not self._text_lines:
            return
        here = self.line_of(self.cursor_offset)
        pos = self._text_lines.index(here) if here in self._text_lines else 0
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
        if best is not None:
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

    def action_page(self, n: int) -> None:
        height = max(1, self.scrollable_content_region.height - 2)
        self.action_line(n * height)

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
        if self.anchor is None and self.spot is None:
            return
        self.anchor = None
        self.spot = None
        self._moved()

    def clear_selection(self) -> None:
        if self.anchor is not None:
            self.anchor = None
            self._redraw()

    # --- mouse ----------------------------------------------------------------------------

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._lines:
            return
        idx = self.scroll_offset.y + offset.y
        if not 0 <= idx < len(self._lines) or self._lines[idx][0] < 0:
            return
        start, end = self._lines[idx]
        col, pos = 0, start
        while pos < end and col + cell_len(self.text[pos]) <= offset.x + self.scroll_offset.x:
            col += cell_len(self.text[pos])
            pos += 1
        self.move_to(pos, keep_selection=event.shift)
