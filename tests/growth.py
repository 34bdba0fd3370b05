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


def _best_time(fn: Callable[[], object], runs: int) -> float:
    """The least CPU time of this process over `runs` calls: other processes loading the
    machine (a shared CI host, parallel jobs) do not count, so the ratio measures growth.
    The garbage collector waits meanwhile: a full collection walks every object the test
    process holds (a whole pytest session's), a cost that is not the function's."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            fn()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def growth(
    fn: Callable[[str], object],
    make: Callable[[int], str],
    *,
    small: int = SMALL,
    factor: int = FACTOR,
) -> float:
    """CPU time of fn(make(small * factor)) over that of fn(make(small)), each the best of
    several runs.

    `make(n)` builds an input of about n characters (wrap the run in whatever page or
    sentence the function expects). Exceptions the function raises on bad input count as
    an answer: what is timed is how long it takes to give one."""

    def call(text: str) -> Callable[[], object]:
        def run() -> object:
            try:
                return fn(text)
            except Exception:  # noqa: BLE001 - a refusal is an answer; its time is what counts
                return None

        return run

    small_text, large_text = make(small), make(small * factor)
    call(small_text)()  # warm caches and imports
    t_small = max(FLOOR, _best_time(call(small_text), 3))
    t_large = _best_time(call(large_text), 1)
    if t_large < 0.5:  # cheap enough to take the better of two, as the small run does
        t_large = min(t_large, _best_time(call(large_text), 1))
    return t_large / t_small


def least_growth(fn: Callable[[str], object], make: Callable[[int], str], tries: int = 2) -> float:
    """The smallest of a few `growth` measures: a busy machine can stretch one large run, but
    rarely every one, while a quadratic shows in each."""
    return min(growth(fn, make) for _ in range(tries))
