"""How fast the app feels, measured in one run:

    python tests/bench/app.py [--runs 7] [--search-articles 100000]

1. start -> first painted library screen with 1,000 and with 100,000 articles, as ratios
   against a bare Textual app showing one static line, all run headless in fresh processes,
   interleaved, medians (targets: 100,000 articles <= 1.25x the bare app, and within 1.1x of
   the same measure at 1,000: the first frame must not grow with the library). Both apps
   leave right after their first frame; the time runs from launching the process to that
   frame, and the whole process (its exit and the interpreter's teardown too) is shown beside;
2. opening a 20,000-word article: open_reader() -> first frame of the reader (target <= 150 ms);
3. `h` on that article -> the repainted screen (target <= 30 ms);
4. full-text search over 100,000 articles, per query (target <= 50 ms);
5. an incremental find keystroke (`/` then a query typed) on the 20,000-word article -> the
   repainted screen (target <= 30 ms);
6. opening that article at a kept place near its end, against opening it at the top, in the
   same run (target <= 1.2x).

The libraries are generated into a temporary folder first (one transaction of executemany,
outside every timing). Frames are timed by tests/bench/frames.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.article import Article, content_hash  # noqa: E402
from store.library.db import Library  # noqa: E402
from tests.bench.frames import painted_frames  # noqa: E402

WORDS = [
    "the",
    "council",
    "harbour",
    "minister",
    "vote",
    "said",
    "report",
    "talks",
    "city",
    "budget",
    "police",
    "court",
    "market",
    "river",
    "school",
    "union",
    "strike",
    "bank",
    "rates",
    "energy",
    "prices",
    "health",
    "hospital",
    "election",
    "campaign",
    "ministry",
    "official",
    "spokesman",
    "agreement",
    "treaty",
    "border",
    "army",
    "ceasefire",
    "refugees",
    "aid",
    "summit",
    "inquiry",
    "evidence",
    "witness",
    "judge",
    "trial",
    "appeal",
    "company",
    "shares",
    "profit",
    "losses",
    "workers",
    "wages",
    "housing",
    "rent",
    "tenants",
    "transport",
    "railway",
    "airport",
    "flights",
    "storm",
    "flood",
    "drought",
    "harvest",
    "farmers",
]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def synthetic_texts(rng: random.Random, n: int, words: int) -> list[tuple[str, str]]:
    """(title, text) pairs; the text has paragraphs of a few sentences."""
    out = []
    for i in range(n):
        paras, left = [], words
        while left > 0:
            para = " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(3))
            paras.append(para)
            left -= len(para.split())
        title = f"{sentence(rng, 6)[:-1]} ({i})"
        out.append((title, "\n\n".join(paras)))
    return out


def fill_library(path: Path, n: int, words: int = 60, seed: int = 1) -> None:
    """n articles in one transaction (generation, not the thing measured)."""
    rng = random.Random(seed)
    with Library(path, seed=False) as lib:
        rows = []
        for i, (title, text) in enumerate(synthetic_texts(rng, n, words)):
            art = Article.from_paragraphs(text.split("\n\n"), title=title)
            rows.append(
                (
                    f"https://news.example/{i}",
                    "news.example",
                    title,
                    f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    f"2024-06-01T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}+00:00",
                    art.text,
                    json.dumps(art.paragraphs),
                    content_hash(art.text),
                )
            )
        conn = lib.conn
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (url, site, title, published, added, text, paragraphs, "
            "content_hash, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')",
            rows,
        )
        conn.execute("COMMIT")


# --- 1. start-up ---------------------------------------------------------------------------

# Both apps call App.exit right after their first frame is painted: that moment, as wall-clock
# time, is what the child reports, so the parent can time launch -> first frame.
PAINTED = """
import sys, time
from textual.app import App
_exit = App.exit
def _painted(self, *args, **kwargs):
    if not hasattr(App, "painted_at"):
        App.painted_at = time.time()
        print("PAINTED=" + repr(App.painted_at), file=sys.stderr)
        print("CPU=" + repr(time.process_time()), file=sys.stderr)
    return _exit(self, *args, **kwargs)
App.exit = _painted
"""

BARE = PAINTED + """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("one static line")
    def on_mount(self):
        self.call_after_refresh(self.exit)
Bare().run(headless=True)
"""

OURS = PAINTED + """
from pathlib import Path
sys.path.insert(0, {root!r})
from tui.app import NewsReader
app = NewsReader(Path({db!r}), exit_after_first_frame=True)
app.run(headless=True)
heavy = sorted(m for m in ("sqlite_utils", "lxml", "tui.screens.reader") if m in sys.modules)
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


# A person's Python caches compiled bytecode; a sandbox that sets PYTHONDONTWRITEBYTECODE would
# make every start compile our modules from source, a cost no user pays after the first run.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Timing(NamedTuple):
    painted: float  # launch -> first frame, seconds
    whole: float  # launch -> the process has ended
    cpu: float  # the process's CPU time up to its first frame (what other load cannot stretch)
    stderr: str


def timed_run(code: str) -> Timing:
    launched = time.time()
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_ENV)
    elapsed = time.perf_counter() - t
    if out.returncode != 0:
        raise SystemExit(f"start-up run failed: {out.stderr.strip()[-500:]}")
    found = dict(x.split("=", 1) for x in out.stderr.split() if x.startswith(("PAINTED=", "CPU=")))
    painted = float(found["PAINTED"]) - launched if "PAINTED" in found else elapsed
    return Timing(painted, elapsed, float(found.get("CPU", "nan")), out.stderr)


class Startup(NamedTuple):
    bare: Timing  # medians
    ours: list[Timing]  # one per library, medians
    heavy: str  # the heavy modules our app loaded


def startup(dbs: list[Path], runs: int) -> Startup:
    """Medians of the bare app and of ours on each library, and the heavy modules loaded."""
    codes = [OURS.format(root=str(ROOT), db=str(db)) for db in dbs]
    for code in (BARE, *codes):  # warm the file cache for all
        timed_run(code)
    bare: list[Timing] = []
    ours: list[list[Timing]] = [[] for _ in dbs]
    for _ in range(runs):  # interleaved, so machine noise hits all alike
        bare.append(timed_run(BARE))
        for times, code in zip(ours, codes, strict=True):
            times.append(timed_run(code))
    heavy = next((x for x in ours[-1][-1].stderr.split() if x.startswith("HEAVY=")), "HEAVY=?")
    return Startup(medians(bare), [medians(t) for t in ours], heavy[6:])


def medians(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.painted for t in timings),
        statistics.median(t.whole for t in timings),
        statistics.median(t.cpu for t in timings),
        "",
    )


# --- 2 and 3. opening a long article and highlighting in it ---------------------------------


async def reader_timings(db: Path, article_id: int, presses: int) -> tuple[float, list[float]]:
    from tui.app import NewsReader
    from tui.screens.reader import ReaderScreen

    with painted_frames() as frames:
        app = NewsReader(db, export_dir=db.parent / "export")
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            app.open_reader(article_id)
            await pilot.pause()
            await pilot.pause()
            opened = frames.first_after(t, ReaderScreen)
            latencies = []
            await pilot.press("G")  # from the article's end backwards, a new sentence each time
            for i in range(presses):
                if i:
                    await pilot.press("left_parenthesis", "left_parenthesis")
                await pilot.pause()
                t = time.perf_counter()
                await pilot.press("h")
                await pilot.pause()
                latencies.append(frames.first_after(t))
            assert len(app.library.highlights(article_id)) == presses
    return opened, latencies


# --- 5 and 6. finding in the long article, and opening it at a kept place ------------------


async def find_and_place_timings(
    db: Path, article_id: int, rounds: int
) -> tuple[list[float], int, list[float], list[float]]:
    """Key -> frame for each letter typed in the find line; and open -> first frame of the
    reader, at the top and at a place near the end, alternately."""
    from tui.app import NewsReader
    from tui.screens.reader import ReaderScreen

    with Library(db) as lib:
        text = lib.get_article(article_id).text
    near_end = text.rindex("harbour", 0, len(text) - 2000)
    with painted_frames() as frames:
        app = NewsReader(db, export_dir=db.parent / "export")
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            app.library.save_place(article_id, 0, 0)
            app.open_reader(article_id)
            await pilot.pause()
            await pilot.pause()
            await pilot.press("slash")
            keystrokes = []
            for key in "harbour":
                await pilot.pause()
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                keystrokes.append(frames.first_after(t))
            matches = len(app.screen.view.matches)
            await pilot.press("escape", "q")
            await pilot.pause()
            at_top, at_end = [], []
            for _ in range(rounds):
                for place, times in (((0, 0), at_top), ((near_end, near_end - 1500), at_end)):
                    app.library.save_place(article_id, *place)
                    await pilot.pause()
                    t = time.perf_counter()
                    app.open_reader(article_id)
                    await pilot.pause()
                    await pilot.pause()
                    times.append(frames.first_after(t, ReaderScreen))
                    view = app.screen.view
                    assert view.cursor_offset == (near_end if place[0] else 0)
                    await pilot.press("q")
                    await pilot.pause()
    return keystrokes, matches, at_top, at_end


# --- 4. search ---------------------------------------------------------------------------


def search_timings(db: Path) -> list[tuple[str, float, int]]:
    queries = [
        "harbour",
        "ceasefire talks",
        "minister said",
        "flood",
        "tenants rent",
        "court appeal judge",
        "prof",
        "strike union wages",
    ]
    out = []
    with Library(db) as lib:
        lib.search("warm up")
        for q in queries:
            times = []
            for _ in range(3):
                t = time.perf_counter()
                hits = lib.search(q)
                times.append(time.perf_counter() - t)
            out.append((q, statistics.median(times), len(hits)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each app")
    parser.add_argument("--library-articles", type=int, default=1_000)
    parser.add_argument("--search-articles", type=int, default=100_000)
    parser.add_argument("--article-words", type=int, default=20_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nr-bench-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        lib_db = tmp / "library.db"
        fill_library(lib_db, args.library_articles)
        rng = random.Random(7)
        title, text = synthetic_texts(rng, 1, args.article_words)[0]
        with Library(lib_db) as lib:
            long_id, _ = lib.add_article(
                Article.from_paragraphs(text.split("\n\n"), title="A very long article")
            )
            words = len(lib.get_article(long_id).text.split())
        search_db = tmp / "search.db"
        fill_library(search_db, args.search_articles, words=80, seed=2)
        print(
            f"generated libraries in {time.perf_counter() - t:.1f} s "
            f"({args.library_articles:,} and {args.search_articles:,} articles)"
        )

        bare, (small, big), heavy = startup([lib_db, search_db], args.runs)
        first, whole = big.painted / bare.painted, big.whole / bare.whole
        print(
            f"start-up to first library frame: bare app {bare.painted * 1000:.0f} ms; "
            f"{args.library_articles:,} articles {small.painted * 1000:.0f} ms = "
            f"{small.painted / bare.painted:.2f}x; {args.search_articles:,} articles "
            f"{big.painted * 1000:.0f} ms = {first:.2f}x (target <= 1.25x) "
            f"{'ok' if first <= 1.25 else 'OVER'}; {args.search_articles:,} vs "
            f"{args.library_articles:,}: {big.painted / small.painted:.2f}x (target <= 1.1x) "
            f"{'ok' if big.painted / small.painted <= 1.1 else 'OVER'}; "
            f"heavy modules loaded: {heavy or 'none'}"
        )
        print(
            f"  CPU time to the first frame (other load cannot stretch it): bare "
            f"{bare.cpu * 1000:.0f} ms; {args.library_articles:,} articles "
            f"{small.cpu / bare.cpu:.2f}x; {args.search_articles:,} articles "
            f"{big.cpu / bare.cpu:.2f}x"
        )
        print(
            f"  the whole process (first frame, exit, teardown): bare {bare.whole * 1000:.0f} ms;"
            f" {args.library_articles:,} articles {small.whole / bare.whole:.2f}x; "
            f"{args.search_articles:,} articles {whole:.2f}x"
        )

        opened, latencies = asyncio.run(reader_timings(lib_db, long_id, 7))
        print(
            f"open a {words:,}-word article: {opened * 1000:.0f} ms (target <= 150 ms) "
            f"{'ok' if opened <= 0.150 else 'OVER'}"
        )
        h = statistics.median(latencies)
        print(
            f"h -> repainted screen: median {h * 1000:.1f} ms, max {max(latencies) * 1000:.1f}"
            f" ms over {len(latencies)} presses (target <= 30 ms) "
            f"{'ok' if h <= 0.030 else 'OVER'}"
        )

        keystrokes, matches, at_top, at_end = asyncio.run(
            find_and_place_timings(lib_db, long_id, args.runs)
        )
        k = statistics.median(keystrokes)
        print(
            f"find as you type ('harbour', {matches} matches at the end) -> repainted screen: "
            f"median {k * 1000:.1f} ms, max {max(keystrokes) * 1000:.1f} ms over "
            f"{len(keystrokes)} keys (target <= 30 ms) {'ok' if k <= 0.030 else 'OVER'}"
        )
        top, end = statistics.median(at_top), statistics.median(at_end)
        print(
            f"open at a kept place near the end: {end * 1000:.0f} ms vs at the top "
            f"{top * 1000:.0f} ms = {end / top:.2f}x (medians of {len(at_top)}, target <= 1.2x) "
            f"{'ok' if end / top <= 1.2 else 'OVER'}"
        )

        results = search_timings(search_db)
        worst = max(r[1] for r in results)
        for q, secs, n in results:
            print(f"  search {q!r}: {secs * 1000:.1f} ms, {n} hits")
        print(
            f"FTS search over {args.search_articles:,} articles: median "
            f"{statistics.median(r[1] for r in results) * 1000:.1f} ms, worst "
            f"{worst * 1000:.1f} ms per query (target <= 50 ms) "
            f"{'ok' if worst <= 0.050 else 'OVER'}"
        )


if __name__ == "__main__":
    main()
