"""Bulk work on every core, measured in one run:

    python tests/bench/ingest.py [--pages 5000] [--feeds 20] [--entries 200] [--jobs N]

1. `newsreader add DIR` of PAGES varied news pages, with `--jobs 1` and with every core
   (in ROUNDS folders, added with each in turn, so other load falls on both alike):
   articles per second each, the speed-up (target >= 0.8 x cores), the parent's peak RSS
   (target <= 300 MB) and the library's bytes per article;
2. `newsreader refresh` of FEEDS feeds of ENTRIES entries each from a local server, the same
   pages: the first pass (every entry fetched, cleaned, analysed, stored) with `--jobs 1` and
   with every core, then the second (every feed answers 304).

The pages are made at run time, in a temporary folder, from the dev pages of the extraction
benchmark (../shared/bench/extraction/html): page i is dev page i mod 91 with its text
varied (some words swapped for others of the same page, a numbered sentence added), so
every page is different content of the same shape; half of them are gzipped. Nothing of
them is kept. Figures are wall times of fresh `newsreader` processes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.ingest.pool import default_jobs  # noqa: E402
from tests.feedfixtures import rss  # noqa: E402
from tests.feedserver import FeedServer  # noqa: E402

DEV = ROOT.parent / "shared" / "bench" / "extraction" / "html"
_TEXT = re.compile(rb">([^<>]{40,})<")
_WORD = re.compile(rb"[A-Za-z]{4,}")


def dev_pages(folder: Path) -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(folder.glob("*.html.gz"))]
    if not pages:
        raise SystemExit(f"no dev pages in {folder}")
    return pages


def varied(page: bytes, i: int) -> bytes:
    """Page `i`: one word in eight of its longer texts swapped for another word of the page,
    and a sentence naming `i` before the first of them."""
    rng = random.Random(i)
    words = _WORD.findall(page)[:2000] or [b"news"]
    first = True

    def vary(m: re.Match) -> bytes:
        nonlocal first
        text = _WORD.sub(lambda w: rng.choice(words) if rng.random() < 0.125 else w.group(), m[1])
        if first:
            first = False
            text = f"Report number {i} from the archive. ".encode() + text
        return b">" + text + b"<"

    return _TEXT.sub(vary, page)


def newsreader(*args: str) -> tuple[float, int, str, str]:
    """Run the command; returns wall seconds, the process's peak RSS (bytes), stdout, stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli.main", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    peak = [0]

    def watch() -> None:  # VmHWM: the process's own high-water mark (workers not included)
        status = Path(f"/proc/{proc.pid}/status")
        while proc.poll() is None:
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]) * 1024)
            except OSError:
                return
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    took = time.perf_counter() - start
    watcher.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newsreader {' '.join(args)} failed: {err.strip()[-500:]}")
    return took, peak[0], out, err


def new_library(path: Path) -> None:
    from store.library.db import Library

    Library(path, seed=False).close()


def count(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def bytes_per_article(db: Path) -> float:
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return size / max(1, count(db))


def mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def bench_add(tmp: Path, pages: list[bytes], n: int, jobs: int, rounds: int) -> None:
    """The pages in `rounds` folders; each is added with --jobs 1, then with every core, in
    turn, so a neighbour's load falls on both alike."""
    folders = [tmp / f"archive{r}" for r in range(rounds)]
    for i in range(n):
        sub = folders[i % rounds] / f"{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = varied(pages[i % len(pages)], i)
        if i % 2:
            (sub / f"page{i:05d}.html.gz").write_bytes(gzip.compress(data, 6))
        else:
            (sub / f"page{i:05d}.html").write_bytes(data)
    took = dict.fromkeys((1, jobs), 0.0)
    peaks = dict.fromkeys((1, jobs), 0)
    dbs = {j: tmp / f"add-jobs{j}.db" for j in (1, jobs)}
    for db in dbs.values():
        new_library(db)
    loads = []
    for folder in folders:
        for j in (1, jobs):
            loads.append(os.getloadavg()[0])
            secs, peak, _, _ = newsreader("add", str(folder), "--db", str(dbs[j]), "--jobs", str(j))
            took[j] += secs
            peaks[j] = max(peaks[j], peak)
    rates = {}
    for j, db in dbs.items():
        stored = count(db)
        rates[j] = stored / took[j]
        print(
            f"add {n:,} pages --jobs {j} ({rounds} runs): {took[j]:.1f} s, "
            f"{rates[j]:.1f} articles/s, {stored:,} stored; parent peak RSS {mb(peaks[j])} "
            f"(target <= 300 MB) {'ok' if peaks[j] <= 300 * 1024 * 1024 else 'OVER'}; "
            f"{bytes_per_article(db):,.0f} bytes per article"
        )
    speedup = rates[jobs] / rates[1]
    target = 0.8 * jobs
    print(
        f"speed-up with {jobs} jobs: {speedup:.2f}x (target >= {target:.1f}x) "
        f"{'ok' if speedup >= target else 'UNDER'}; load average before the runs "
        f"{min(loads):.1f}-{max(loads):.1f} (other processes compete for the cores)"
    )


def bench_refresh(tmp: Path, pages: list[bytes], feeds: int, entries: int, jobs: int) -> None:
    served = tmp / "served"  # made before the timing, read from disk as they are asked for
    served.mkdir()
    with FeedServer() as srv:
        urls = []
        for f in range(feeds):
            items = []
            for e in range(entries):
                i = 100_000 + f * entries + e  # other variations than the add's
                path = f"/f{f}/{e}.html"
                page = served / f"f{f}-{e}.html"
                page.write_bytes(varied(pages[i % len(pages)], i))
                srv.handle(path, lambda h, page=page: h.reply(200, page.read_bytes(), "text/html"))
                items.append({"title": f"Feed {f} entry {e}", "link": path, "summary": "s"})
            urls.append(srv.add(f"/f{f}.xml", rss(f"Feed {f}", items), "application/rss+xml"))
        for j in (1, jobs):
            db = tmp / f"refresh-jobs{j}.db"
            new_library(db)
            newsreader("feed", "add", "--no-check", *urls, "--db", str(db))
            load = os.getloadavg()[0]
            took, peak, out, _ = newsreader("refresh", "--json", "--db", str(db), "--jobs", str(j))
            summary = json.loads(out.splitlines()[-1])
            print(
                f"refresh {feeds} feeds x {entries} entries --jobs {j}, first pass: {took:.1f} s "
                f"({summary['new']:,} new, {summary['failed']} failed, "
                f"{summary['new'] / took:.1f} articles/s); parent peak RSS {mb(peak)}; "
                f"load average before {load:.1f}"
            )
        took, _, out, _ = newsreader("refresh", "--json", "--db", str(db), "--jobs", str(jobs))
        summary = json.loads(out.splitlines()[-1])
        print(
            f"refresh second pass: {took:.2f} s ({summary['not_modified']} not modified, "
            f"{summary['new']} new)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="0: no add")
    parser.add_argument("--feeds", type=int, default=20, help="0: no refresh")
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="default: the cores")
    parser.add_argument("--rounds", type=int, default=5, help="runs the pages are split into")
    parser.add_argument("--dev", type=Path, default=DEV, help="the dev pages' folder")
    args = parser.parse_args()
    pages = dev_pages(args.dev)
    print(f"{len(pages)} dev pages; {args.jobs} cores; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="nr-ingest-") as tmp:
        if args.pages:
            bench_add(Path(tmp), pages, args.pages, args.jobs, args.rounds)
        if args.feeds and args.entries:
            bench_refresh(Path(tmp), pages, args.feeds, args.entries, args.jobs)


if __name__ == "__main__":
    main()
