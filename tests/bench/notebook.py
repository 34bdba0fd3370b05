"""How fast the notebook feels with a large library, measured in one run:

    python tests/bench/notebook.py [--articles 10000] [--highlights 50000]

1. open_view("notebook") from the library -> the notebook's first frame (target <= 50 ms);
2. a filter keystroke -> the next frame, for words typed a letter at a time, a tag and a
   colour (target <= 50 ms each, median and worst reported).

The library is generated first (articles as in tests/bench/app.py, then highlights in one
executemany, outside every timing). Frames are timed by tests/bench/frames.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.library.db import Library  # noqa: E402
from tests.bench.app import WORDS, fill_library  # noqa: E402
from tests.bench.frames import painted_frames  # noqa: E402

TARGET = 0.050
TAGS = [
    f"{w} {v}" if i % 3 == 0 else w
    for i, (w, v) in enumerate(zip(WORDS[:-7], WORDS[7:], strict=True))
]


def add_highlights(path: Path, n: int, seed: int = 3) -> None:
    """n highlights over every article: a sentence-sized span, a colour, a note for a third,
    one or two tags for half; creation times spread over a year."""
    rng = random.Random(seed)
    with Library(path, seed=False) as lib:
        texts = dict(lib.conn.execute("SELECT id, text FROM articles").fetchall())
        ids = sorted(texts)
        rows = []
        for i in range(n):
            article_id = ids[i % len(ids)]
            text = texts[article_id]
            start = rng.randrange(0, max(1, len(text) - 120))
            start = text.rfind(" ", 0, start) + 1
            end = text.find(" ", start + rng.randint(20, 100))
            end = len(text) if end == -1 else end
            note = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 20)))
            tags = rng.sample(TAGS, rng.randint(1, 2)) if i % 2 else []
            stamp = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00+00:00"
            rows.append(
                (
                    article_id,
                    start,
                    end,
                    text[start:end],
                    text[max(0, start - 32) : start],
                    text[end : end + 32],
                    1 + i % 5,
                    note if i % 3 == 0 else "",
                    json.dumps(tags),
                    stamp,
                    stamp,
                )
            )
        conn = lib.conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO highlights (article_id, start, end, exact, prefix, suffix, color, note, "
            "tags, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute("COMMIT")


async def notebook_timings(db: Path) -> tuple[float, list[tuple[str, float, int]], float]:
    from tui.app import NewsReader
    from tui.screens.notebook import NotebookScreen

    keys: list[tuple[str, float, int]] = []
    with painted_frames() as frames:
        app = NewsReader(db, export_dir=db.parent / "export")
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            app.open_view("notebook")
            await pilot.pause()
            await pilot.pause()
            opened = frames.first_after(t, NotebookScreen)
            screen = app.screen
            await pilot.pause(0.3)  # the tags pane fills after the first frame
            await pilot.press("slash")
            await pilot.pause()

            async def key(name: str, label: str) -> None:
                await pilot.pause()
                t = time.perf_counter()
                await pilot.press(name)
                await pilot.pause()
                latency = frames.first_after(t)
                keys.append((label, latency, screen.total))

            typed = ""
            for ch in "harbour talks":
                typed += ch
                await key("space" if ch == " " else ch, f"filter {typed!r}")
            for _ in typed:
                await key("backspace", "backspace")
            for ch in "#" + TAGS[4].replace(" ", "-"):
                typed = ch if ch == "#" else typed + ch
                await key("number_sign" if ch == "#" else ("minus" if ch == "-" else ch), "tag")
            await pilot.press("escape")  # to the list
            for _ in range(6):
                await key("c", "colour filter (c)")
            await key("o", "order: by article (o)")
            await pilot.press("slash")
            for ch in "court":
                await key(ch, f"filter by article {ch!r}")
            t = time.perf_counter()
            screen.show_tag_counts()
            tags = time.perf_counter() - t
    return opened, keys, tags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--highlights", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nr-bench-") as tmp:
        db = Path(tmp) / "notebook.db"
        t = time.perf_counter()
        fill_library(db, args.articles)
        add_highlights(db, args.highlights)
        print(
            f"generated {args.articles:,} articles and {args.highlights:,} highlights in "
            f"{time.perf_counter() - t:.1f} s"
        )
        opened, keys, tags = asyncio.run(notebook_timings(db))
        print(
            f"open the notebook -> first frame: {opened * 1000:.1f} ms (target <= 50 ms) "
            f"{'ok' if opened <= TARGET else 'OVER'}"
        )
        by_kind: dict[str, list[float]] = {}
        for label, secs, total in keys:
            kind = label.split(" '")[0]
            by_kind.setdefault(kind, []).append(secs)
            print(f"  {label}: {secs * 1000:.1f} ms, {total:,} highlights match")
        for kind, times in by_kind.items():
            print(
                f"filter keystroke ({kind}): median {statistics.median(times) * 1000:.1f} ms, "
                f"worst {max(times) * 1000:.1f} ms over {len(times)} keys"
            )
        print(
            f"tags pane: every tag counted over {args.highlights:,} highlights in "
            f"{tags * 1000:.1f} ms (after the first frame)"
        )
        worst = max(s for _, s, _ in keys)
        print(
            f"every filter keystroke -> frame: worst {worst * 1000:.1f} ms (target <= 50 ms) "
            f"{'ok' if worst <= TARGET else 'OVER'}"
        )


if __name__ == "__main__":
    main()
