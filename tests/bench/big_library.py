"""How a library of 100,000 articles feels, measured in one run:

    python tests/bench/big_library.py [--articles 100000] [--tagged 5000]

1. the speaker index over every article: `speaker_index()` (every spelling of a name
   merged) and the Speakers screen's first frame (target <= 1 s each);
2. the combined timeline of the articles carrying one tag (5,000 of them): what
   `newsreader timeline --tag` computes, in process (target <= 1 s);
3. library paging: a page of 100 rows at the start, the middle and the end;
4. full-text search, per query; and the database's bytes per article.

The library is generated into a temporary folder first, outside every timing: articles as in
tests/bench/app.py, then quotes (speakers drawn from 20,000 names, a few of them very often,
as in the news), timeline events (dates over three years, most of them days; sentences over a
vocabulary of 5,000 words) and highlights tagging the first articles, written as rows (the
analysis of 100,000 articles would take most of an hour).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.library.db import Library  # noqa: E402
from store.library.voices import speaker_index  # noqa: E402
from tests.bench.app import fill_library  # noqa: E402
from tests.bench.frames import painted_frames  # noqa: E402

TAG = "ukraine"


def zipf_weights(n: int, skew: float) -> list[float]:
    """Cumulative weights of ranks 1..n drawn with weight 1 / rank**skew."""
    total, out = 0.0, []
    for rank in range(1, n + 1):
        total += 1 / rank**skew
        out.append(total)
    return out


def fill_analysis(path: Path, articles: int, tagged: int, seed: int = 3) -> None:
    """Quotes and timeline events shaped like those of real pages (the dev pages give 6.2
    events per article: 45% dated to a day, 35% to a year, 12% to a month, 5% to a week,
    3% to a quarter; 10.7 content words each)."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"]
    vocab = list({"".join(rng.choices(syllables, k=3)) for _ in range(30_000)})[:20_000]
    words = zipf_weights(len(vocab), 0.8)  # a topic's words: the commonest in ~1 event of 4
    names = [f"{a.title()} {b.title()}" for a, b in zip(vocab, reversed(vocab), strict=True)]
    speakers = zipf_weights(len(names), 1.0)  # a few people are quoted very often
    roles = ["minister", "spokesman", "mayor", "analyst", "professor", None, None]
    start = date(2020, 1, 1)
    quotes, events = [], []
    for article_id in range(1, articles + 1):
        for q in range(rng.randint(0, 6)):
            (speaker,) = rng.choices(names, cum_weights=speakers)
            text = " ".join(rng.choices(vocab, cum_weights=words, k=rng.randint(8, 25)))
            quotes.append(
                (article_id, 100 * q, 100 * q + len(text), text, speaker, 0, len(speaker),
                 rng.choice(roles), "said", "direct")
            )  # fmt: skip
        for e in range(rng.randint(3, 9)):
            day = start + timedelta(days=rng.randint(0, 3 * 365))
            kind = rng.random()
            if kind < 0.45:
                value = day.isoformat()
            elif kind < 0.80:
                value = str(day.year)
            elif kind < 0.92:
                value = day.strftime("%Y-%m")
            elif kind < 0.97:
                value = f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"
            else:
                value = f"{day.year}-Q{(day.month - 1) // 3 + 1}"
            text = " ".join(rng.choices(vocab, cum_weights=words, k=rng.randint(6, 16)))
            events.append((article_id, value, 200 * e, 200 * e + len(text), text))
    with Library(path, seed=False) as lib:
        conn = lib.conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO quotes (article_id, start, end, text, speaker, speaker_start, "
            "speaker_end, role, cue, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            quotes,
        )
        conn.executemany(
            "INSERT INTO events (article_id, date, start, end, text) VALUES (?, ?, ?, ?, ?)",
            events,
        )
        conn.executemany(
            "INSERT INTO highlights (article_id, start, end, exact, tags, created, updated) "
            "VALUES (?, 0, 5, 'x', ?, 'x', 'x')",
            [(i, f'["{TAG}", "t{i % 50}"]') for i in range(1, tagged + 1)],
        )
        conn.execute("COMMIT")


def timed(fn, runs: int = 3) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def combined_for_tag(lib: Library, tag: str):
    """What `newsreader timeline --tag TAG` computes before it prints."""
    from store.analysis.timeline import combine_timelines

    ids = lib.tagged(tag)
    titles = lib.titles(ids)
    return combine_timelines(lib.events_of(ids)), titles


async def speakers_screen_frame(db: Path) -> float:
    """open_view("speakers") -> the first frame of the Speakers screen."""
    from tui.app import NewsReader
    from tui.screens.speakers import SpeakersScreen

    with painted_frames() as frames:
        app = NewsReader(db, export_dir=db.parent / "export")
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            app.open_view("speakers")
            for _ in range(200):
                await pilot.pause(0.05)
                if frames.after(t, SpeakersScreen) is not None:
                    break
            return frames.first_after(t, SpeakersScreen)


def verdict(seconds: float, budget: float) -> str:
    return "ok" if seconds <= budget else "OVER"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--tagged", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nr-big-") as tmp:
        db = Path(tmp) / "big.db"
        t = time.perf_counter()
        fill_library(db, args.articles, words=80, seed=2)
        fill_analysis(db, args.articles, args.tagged)
        with Library(db) as lib:
            lib.optimize_search()
            counts = {
                t: lib.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "quotes", "events", "highlights")
            }
        size = os.path.getsize(db)
        print(
            f"generated in {time.perf_counter() - t:.0f} s: "
            + ", ".join(f"{n:,} {t}" for t, n in counts.items())
            + f"; {size / counts['articles']:,.0f} bytes per article"
        )
        with Library(db) as lib:
            secs, speakers = timed(lambda: speaker_index(lib))
            print(
                f"speaker index over {args.articles:,} articles: {secs * 1000:.0f} ms, "
                f"{len(speakers):,} speakers (target <= 1 s) {verdict(secs, 1.0)}"
            )
            secs, (combined, _) = timed(lambda: combined_for_tag(lib, TAG))
            print(
                f"combined timeline of the {args.tagged:,} articles tagged #{TAG}: "
                f"{secs * 1000:.0f} ms, {len(combined):,} events (target <= 1 s) "
                f"{verdict(secs, 1.0)}"
            )
            for offset in (0, args.articles // 2, args.articles - 100):
                secs, rows = timed(lambda o=offset: lib.list_rows(o, 100))
                print(f"library page at row {offset:,}: {secs * 1000:.1f} ms ({len(rows)} rows)")
            for q in ("harbour", "minister said", "prof"):
                secs, hits = timed(lambda q=q: lib.search(q))
                print(f"search {q!r}: {secs * 1000:.1f} ms, {len(hits)} hits")
        secs = asyncio.run(speakers_screen_frame(db))
        print(
            f"Speakers screen, open_view -> first frame: {secs * 1000:.0f} ms "
            f"(target <= 1 s) {verdict(secs, 1.0)}"
        )


if __name__ == "__main__":
    main()
