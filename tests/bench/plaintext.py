"""Plain-text boilerplate filter benchmark: clean_text on text renderings of news pages.

Usage: python tests/bench/plaintext.py DIR [--seeds SEEDDIR] [--per-page] [--dump OUT]

Each page of DIR (html/<id>.html.gz + ground-truth.json, as for extraction.py) is rendered
to plain text the way a browser's "select all, copy" or "save as text" gives it: every
visible text, one line per block element, navigation, captions, teasers and footers
included; scripts, styles and hidden templates are not text and are left out. clean_text
then filters the lines and the result is scored against the gold article body with the
same 4-token shingle P/R/F1 as extraction.py. "rendering as is" is the floor (all lines).

Seeds: the two sample articles, with targets taken from the project's issue (the first
seed's news paragraphs, the second seed whole minus its headline and byline lines, which
become the title and byline).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.clean.text import clean_text  # noqa: E402
from store.errors import NewsreaderError  # noqa: E402
from tests.bench.extraction import page_scores  # noqa: E402

_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe"}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "ul", "ol",
    "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption",
    "table", "tr", "td", "th", "form", "dl", "dt", "dd", "address", "hr", "br", "button",
    "select", "option", "label",
}  # fmt: skip


def render(html: str) -> str:
    """The page's visible text, one line per block, as a browser's copy of the page."""
    tree = lxml.html.document_fromstring(html)
    lines: list[str] = []
    buf: list[str] = []

    def flush():
        line = re.sub(r"\s+", " ", "".join(buf)).strip()
        if line:
            lines.append(line)
        buf.clear()

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _INVISIBLE or el.get("hidden") is not None:
            if el.tail:
                buf.append(el.tail)
            return
        style = (el.get("style") or "").replace(" ", "").lower()
        if "display:none" in style:
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    body = tree.find(".//body")
    walk(body if body is not None else tree)
    flush()
    return "\n".join(lines)


def cleaned(text: str) -> str:
    try:
        return clean_text(text).text
    except NewsreaderError:
        return ""


def summary(name: str, scores: list[tuple[float | None, float]], ms: list[float]) -> str:
    ps = [p for p, _ in scores if p is not None]
    precision = statistics.fmean(ps) if ps else 0.0
    recall = statistics.fmean(r for _, r in scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{name:24} {precision:7.4f} {recall:7.4f} {f1:7.4f} {statistics.median(ms):10.2f}"


def seed_report(seed_dir: Path) -> None:
    seeds = sorted(seed_dir.glob("*.txt"))[:2]
    if len(seeds) < 2:
        print(f"\n(no seeds in {seed_dir})")
        return
    print(f"\nSeeds ({seed_dir}): line-level precision/recall of kept lines")
    first = seeds[0].read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(first) if ln.startswith("The United Nations General"))
    end = next(i for i, ln in enumerate(first) if ln.endswith("began last Thursday."))
    second = [ln for ln in seeds[1].read_text(encoding="utf-8").splitlines() if ln.strip()]
    targets = {seeds[0]: first[start : end + 1], seeds[1]: second[1:-1]}
    for seed, target in targets.items():
        raw = seed.read_text(encoding="utf-8")
        article = clean_text(raw)
        kept = [article.text[s:e] for s, e in article.paragraphs]
        all_lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        tp = sum(1 for ln in kept if ln in target)
        precision = tp / len(kept) if kept else 0.0
        recall = sum(1 for ln in target if ln in kept) / len(target)
        print(
            f"  {seed.name}: {len(all_lines)} lines, target {len(target)}, kept {len(kept)}, "
            f"line P {precision:.3f} R {recall:.3f}; title {article.title!r}; "
            f"byline {article.byline!r}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[2] / "seeds")
    parser.add_argument("--per-page", action="store_true")
    parser.add_argument("--dump", type=Path, help="write renderings and cleaned text here")
    args = parser.parse_args()

    gold = json.loads((args.dir / "ground-truth.json").read_text(encoding="utf-8"))
    asis: list[tuple[float | None, float]] = []
    ours: list[tuple[float | None, float]] = []
    ms_ours: list[float] = []
    for page_id in sorted(gold):
        html = gzip.decompress((args.dir / "html" / f"{page_id}.html.gz").read_bytes())
        text = render(html.decode("utf-8", errors="replace"))
        start = time.perf_counter()
        result = cleaned(text)
        ms_ours.append((time.perf_counter() - start) * 1000)
        body = gold[page_id]["articleBody"]
        asis.append(page_scores(body, text))
        ours.append(page_scores(body, result))
        if args.per_page:
            p, r = ours[-1]
            print(f"{page_id[:10]}  as-is {asis[-1][0] or 0:.2f}/{asis[-1][1]:.2f}  "
                  f"clean_text {p or 0:.2f}/{r:.2f}")  # fmt: skip
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{page_id}.render.txt").write_text(text, encoding="utf-8")
            (args.dump / f"{page_id}.clean.txt").write_text(result, encoding="utf-8")

    print(f"\nPlain-text renderings of {len(gold)} pages of {args.dir}")
    print(f"{'system':24} {'P':>7} {'R':>7} {'F1':>7} {'median ms':>10}")
    print(summary("rendering as is", asis, [0.0]))
    print(summary("clean_text", ours, ms_ours))
    seed_report(args.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
