"""One progress bar on a terminal, for the commands that take a while (add, refresh): how many
are done of how many, how fast, and how long is left. Result lines print above it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class Bar:
    """What a command does with the bar: move it, and print a line above it."""

    def __init__(self, progress, task) -> None:
        self.progress, self.task = progress, task

    def update(self, done: int, total: int, what: str = "") -> None:
        self.progress.update(self.task, completed=done, total=total, description=what)

    def print(self, line: str) -> None:
        """A result line (display-safe already) above the bar, taken literally."""
        self.progress.console.print(
            line, markup=False, highlight=False, emoji=False, soft_wrap=True
        )


@contextmanager
def progress_bar(label: str, total: int, unit: str) -> Iterator[Bar]:
    """`label ━━━━━╺━━━━ 120/5000 · 84.2 articles/s · 0:00:58 left · what finished last`."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} {unit}/s" if speed else f"– {unit}/s", style="cyan")

    columns = (
        TextColumn(f"[bold]{label}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeRemainingColumn(),
        TextColumn("{task.description}", markup=False),
    )
    with Progress(*columns, transient=False) as progress:
        yield Bar(progress, progress.add_task("", total=total))
