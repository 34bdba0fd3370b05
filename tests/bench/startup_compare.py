"""Start-up of an earlier revision against this tree, in one run:

    python tests/bench/startup_compare.py REV [--runs 15] [--articles 10000]

Each tree starts the app to its first library frame on a library of ARTICLES articles (made
by that tree's own tests/bench/app.py, so each has its own schema), as a ratio to a bare
Textual app showing one static line (launch to first frame, as in app.py); fresh processes,
interleaved, medians. REV is checked
out into a temporary git worktree, removed afterwards. For a change that should cost nothing
at start-up (a re-layout), the two ratios should match.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.app import BARE, OURS, timed_run  # noqa: E402

FILL = (
    "import sys; sys.path.insert(0, {root!r}); from pathlib import Path; "
    "from tests.bench.app import fill_library; fill_library(Path({db!r}), {n})"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rev", help="the earlier revision, e.g. a commit before the change")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nr-startup-") as tmp:
        before = Path(tmp) / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(before), args.rev],
            check=True,
        )
        try:
            codes = {}
            for name, root in (("before", before), ("after", ROOT)):
                db = Path(tmp) / f"{name}.db"
                fill = FILL.format(root=str(root), db=str(db), n=args.articles)
                subprocess.run([sys.executable, "-c", fill], check=True, cwd=root)
                codes[name] = OURS.format(root=str(root), db=str(db))
            for code in (BARE, *codes.values()):  # warm the file cache for all
                timed_run(code)
            times: dict[str, list[float]] = {"bare": [], **{name: [] for name in codes}}
            for _ in range(args.runs):  # interleaved, so machine noise hits all alike
                times["bare"].append(timed_run(BARE).painted)
                for name, code in codes.items():
                    times[name].append(timed_run(code).painted)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)],
                check=False,
            )
    bare = statistics.median(times["bare"])
    print(f"start-up to the first library frame, {args.articles:,} articles, {args.runs} runs")
    print(f"bare Textual app: {bare * 1000:.0f} ms")
    for name in codes:
        median = statistics.median(times[name])
        label = f"{name} ({args.rev})" if name == "before" else f"{name} (this tree)"
        print(f"{label}: {median * 1000:.0f} ms = {median / bare:.3f}x bare")


if __name__ == "__main__":
    main()
