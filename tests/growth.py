"""Growth ratios: how much longer a function takes on 10x the input, as a ratio, not a time.

Linear work gives about 10; a backtracking regex or a quadratic scan gives 100 or more. The
suite asserts `growth(...) <= LIMIT` on adversarial inputs (long runs of one character class,
one keyword repeated, deep nesting), so no input can freeze the app.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

LIMIT = 20.0  # 10x the input may cost at most 20x the time
SMALL = 10_000  # characters
FACTOR = 10
FLOOR = 0.0005  # seconds: below this the small run's timing is noise, so it counts as this

# One unit of each kind of run that has broken a regex somewhere: letters, digits, blanks,
# punctuation, quote marks, symbols, line structure, markup openers.
CHARACTER_RUNS: dict[str, str] = {
    "letters": "a",
    "capitals": "A",
    "digits": "7",
    "spaces": " ",
    "newlines": "\n",
    "blank-lines": "\n \n",
    "tabs": "\t",
    "dots": ".",
    "ellipsis": "…",
    "dashes": "-",
    "em-dashes": "—",
    "commas": ",",
    "colons": ":",
    "straight-quotes": '"',
    "apostrophes": "'",
    "curly-quotes": "“",
    "closing-quotes": "”",
    "backticks": "`",
    "at-signs": "@",
    "copyright": "©",
    "brackets": "[",
    "angles": "<",
    "ampersands": "&",
    "slashes": "/",
    "hashes": "#",
    "asterisks": "*",
    "underscores": "_",
    "cjk": "東",
    "accented": "é",
    "controls": "\x1b",
    "word-space": "we ",
    "capital-words": "Said ",
    "sentences": "He left. ",
}


def repeat(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def _cpu_time(fn: Callable[[], object]) -> float:
    """CPU time of this thread for one call: other processes loading the machine (a shared
    CI host, parallel jobs) and other threads of this one do not count, so the ratio measures
    growth."""
    start = time.thread_time()
    fn()
    return time.thread_time() - start


def _measure(small: Callable[[], object], large: Callable[[], object]) -> float:
    """One ratio: the best of several small runs and of one or two large ones, interleaved so
    that both sizes meet the same load (a neighbour thrashing the cache slows a large working
    set most). The garbage collector waits meanwhile: a full collection walks every object
    the test process holds (a whole pytest session's), a cost that is not the function's."""
    gc.collect()
    gc.disable()
    try:
        small()  # warm caches and imports
        t_small = t_large = float("inf")
        for _ in range(2):
            t_small = min(t_small, _cpu_time(small), _cpu_time(small))
            t_large = min(t_large, _cpu_time(large))
            if t_large >= 0.5:  # one expensive large run is enough
                break
    finally:
        gc.enable()
    return t_large / max(FLOOR, t_small)


def growth(
    fn: Callable[[str], object],
    make: Callable[[int], str],
    *,
    small: int = SMALL,
    factor: int = FACTOR,
    limit: float = LIMIT,
    tries: int = 3,
) -> float:
    """How much longer fn(make(small * factor)) takes than fn(make(small)), as a ratio.

    `make(n)` builds an input of about n characters (wrap the run in whatever page or
    sentence the function expects). Exceptions the function raises on bad input count as
    an answer: what is timed is how long it takes to give one. While the ratio is over
    `limit` it is measured again, up to `tries` times in all, and the least kept: load only
    ever inflates a ratio, while a quadratic stays at 100 or more every time."""

    def call(text: str) -> Callable[[], object]:
        def run() -> object:
            try:
                return fn(text)
            except Exception:  # noqa: BLE001 - a refusal is an answer; its time is what counts
                return None

        return run

    small_run, large_run = call(make(small)), call(make(small * factor))
    ratio = float("inf")
    for _ in range(tries):
        ratio = min(ratio, _measure(small_run, large_run))
        if ratio <= limit:
            break
    return ratio
