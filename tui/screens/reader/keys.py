"""The reader's keys: what each does, its id (the config file's name for it), and which of
them the key bar shows first when the terminal is narrow."""

from __future__ import annotations

from textual.binding import Binding

COLOUR = Binding.Group("Colour", compact=True)
JUMP = Binding.Group("Jump", compact=True)
MATCH = Binding.Group("Match", compact=True)

BINDINGS: list[Binding] = [
    Binding("h", "highlight", "Highlight", id="highlight"),
    Binding("1", "colour(1)", "Colour 1", id="colour-1", group=COLOUR),
    Binding("2", "colour(2)", "Colour 2", id="colour-2", group=COLOUR),
    Binding("3", "colour(3)", "Colour 3", id="colour-3", group=COLOUR),
    Binding("4", "colour(4)", "Colour 4", id="colour-4", group=COLOUR),
    Binding("5", "colour(5)", "Colour 5", id="colour-5", group=COLOUR),
    # Keys that open a text field act before the next key is read (priority), so a burst
    # typed straight after them lands in the field, not in the article
    Binding("slash", "find", "Find", id="find", key_display="/", priority=True),
    Binding(
        "n",
        "match(1)",
        "Next match",
        id="match-next",
        group=MATCH,
        tooltip="Next match (while found words are marked)",
    ),
    Binding("N", "match(-1)", "Previous match", id="match-prev", group=MATCH, show=False),
    Binding("n", "note", "Note", id="note", priority=True, tooltip="Note (no words marked)"),
    Binding("t", "tags", "Tags", id="tags", priority=True),
    Binding("x", "remove", "Remove", id="remove"),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("ctrl+r,U", "redo", "Redo", id="redo", show=False),
    Binding("o", "open_source", "Open source", id="open-source", show=False),
    Binding("y", "cite", "Copy quote", id="copy-quote", show=False),
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
        "D",
        "anchor",
        "Date",
        id="anchor-date",
        show=False,
        tooltip="Correct the anchor date",
        priority=True,
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
    "pane-next",
    "list-select",
    "highlight",
    "Colour",
    "note",
    "select",
    "Move",
    "tags",
    "undo",
    "remove",
    "Jump",
    "export-article",
    "palette",
)
