"""Voices across sources on the dev quotes set: speakers merged, quotations grouped, and how the
grouping grows with the library.

    python tests/bench/voices.py DATA.jsonl [--show N]

Every article of DATA.jsonl is a source. Prints the spellings merged into people, the groups of
the same words across articles (the first N shown, for reading), and the time to group the
set's quotations once and ten times over (each copy another source, one word changed in every
quotation), as a ratio measured in the same run: linear work gives about 10 (the copies also
make every quotation a group of ten, so each finds more candidates, up to the index's bound).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.analysis.quote_groups import Reported, group_quotes  # noqa: E402
from store.analysis.quotes import find_quotes  # noqa: E402
from store.analysis.speakers import merge_names  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--show", type=int, default=5, help="groups to print in full")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.data).read_text().splitlines() if line.strip()]
    found = [(q.text, q.speaker, k) for k, r in enumerate(rows) for q in find_quotes(r["text"])]
    spellings = [s for _, s, _ in found if s]
    t0 = time.perf_counter()
    people = merge_names(spellings)
    t_merge = time.perf_counter() - t0
    merged = {p.name: p for p in people.values()}
    print(f"{len(rows)} articles, {len(found)} quotations, {len(set(spellings))} spellings of "
          f"speakers merged into {len(merged)} people and documents ({t_merge * 1000:.1f} ms)")
    for p in sorted(merged.values(), key=lambda p: -len(p.aliases))[:args.show]:
        print(f"  {p.name}: also {'; '.join(p.aliases)}")
    items = [Reported(t, people[s].name if s else None, k) for t, s, k in found]
    t0 = time.perf_counter()
    groups = group_quotes(items)
    t_once = time.perf_counter() - t0
    print(f"{len(groups)} groups of the same words across articles ({t_once * 1000:.0f} ms)")
    for g in groups[: args.show]:
        print(f"  {items[g[0]].person or 'speaker unknown'}")
        for i in g:
            print(f"    {rows[items[i].source]['id'][:40]:40}  {items[i].text[:90]}")
    tenfold = [
        Reported(it.text.replace(" the ", f" the{copy} ", 1), it.person, it.source + copy * 10**6)
        for copy in range(10)
        for it in items
    ]
    t0 = time.perf_counter()
    big = group_quotes(tenfold)
    t_ten = time.perf_counter() - t0
    print(f"ten copies as other sources: {len(tenfold)} quotations, {len(big)} groups, "
          f"{t_ten * 1000:.0f} ms: {t_ten / t_once:.1f} times the time of one copy")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
