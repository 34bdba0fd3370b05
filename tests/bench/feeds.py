"""How long a feed refresh takes, end to end, against a local server:

    python tests/bench/feeds.py [--feeds 20] [--entries 50]

Serves FEEDS feeds of ENTRIES entries (small news pages) from 127.0.0.1, then runs
`newsreader refresh` twice in fresh processes on a new library: the first stores every entry,
the second should get only 304s. Prints wall times, articles stored, pages fetched and the
per-article cost; then times the parts of the first refresh in one process (fetching runs on
threads, cleaning and analysis in worker processes, storing in batches on the calling thread).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.ingest import feeds as F  # noqa: E402
from store.library.db import Library  # noqa: E402
from tests.feedfixtures import news_paragraphs, rss, story  # noqa: E402
from tests.feedserver import FeedServer  # noqa: E402


def serve(srv: FeedServer, n_feeds: int, n_entries: int) -> list[str]:
    urls = []
    for f in range(n_feeds):
        items = []
        for i in range(n_entries):
            path = f"/f{f}/{i}.html"
            srv.add(path, story(f"Feed {f} story {i}", *news_paragraphs(i, f"Town{f}x{i}")))
            items.append({"title": f"Feed {f} story {i}", "link": path})
        urls.append(srv.add(f"/f{f}.xml", rss(f"Feed {f}", items), "application/rss+xml"))
    return urls


def cli_refresh(db: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli.main", "refresh", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    took = time.perf_counter() - start
    return took, json.loads(proc.stdout.splitlines()[-1])


def parts(urls: list[str], folder: Path) -> dict[str, float]:
    spent: Counter[str] = Counter()
    lock = threading.Lock()

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                with lock:
                    spent[name] += time.perf_counter() - t

        return wrapper

    F.fetch_page = timed("fetch (threads, summed)", F.fetch_page)
    # cleaning and analysis run in worker processes: what is left here is the batched writes
    Library.add_analysed = timed("store in batches (calling thread)", Library.add_analysed)
    with Library(folder / "parts.db", seed=False) as lib:
        for url in urls:
            F.add_feed(lib, url)
        start = time.perf_counter()
        F.refresh_feeds(lib)
        spent["wall"] = time.perf_counter() - start
    return dict(spent)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--entries", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FeedServer() as srv:
        folder = Path(tmp)
        urls = serve(srv, args.feeds, args.entries)
        db = folder / "lib.db"
        with Library(db) as lib:
            for url in urls:
                F.add_feed(lib, url)
        first, s1 = cli_refresh(db)
        pages = sum(n for p, n in srv.hits.items() if p.endswith(".html"))
        second, s2 = cli_refresh(db)
        pages2 = sum(n for p, n in srv.hits.items() if p.endswith(".html")) - pages
        print(f"feeds x entries: {args.feeds} x {args.entries}")
        print(
            f"first refresh:  {first:6.2f} s  new={s1['new']} pages={pages} "
            f"({first / max(1, s1['new']) * 1000:.1f} ms per article, process start included)"
        )
        print(
            f"second refresh: {second:6.2f} s  new={s2['new']} not_modified={s2['not_modified']} "
            f"pages re-downloaded={pages2}"
        )
        for name, secs in parts(urls, folder).items():
            print(f"  {name:36s} {secs:6.2f} s")


if __name__ == "__main__":
    main()
