"""Word wrap of a paragraph into (start, end) offsets of visual lines, measured in cells."""

from __future__ import annotations

from rich.cells import cell_len

from store.analysis.segment import WORD


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
