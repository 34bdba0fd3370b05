"""When each screen finished painting, for the benchmarks that time key -> frame.

Textual has no public "frame painted" event; Screen._compositor_refresh (private) is where a
screen's changes reach the terminal, as the Textual notes (../shared/docs/textual-notes.md)
describe. Benchmarks only: never the product or its tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Frames(list[tuple[float, type]]):
    """(perf_counter when painted, the screen's class), in order."""

    def after(self, t: float, kind: type | None = None) -> float | None:
        """Seconds from `t` to the first frame painted after it (of a `kind` screen), if any."""
        return next((f - t for f, k in self if f > t and (kind is None or k is kind)), None)

    def first_after(self, t: float, kind: type | None = None) -> float:
        found = self.after(t, kind)
        if found is None:
            raise RuntimeError(f"no frame of {kind or 'any screen'} was painted")
        return found


@contextmanager
def painted_frames() -> Iterator[Frames]:
    """Every frame painted inside the block."""
    from textual.screen import Screen

    frames = Frames()
    original = Screen._compositor_refresh

    def timed(self: Screen) -> None:
        original(self)
        frames.append((time.perf_counter(), type(self)))

    Screen._compositor_refresh = timed  # type: ignore[method-assign]
    try:
        yield frames
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]
