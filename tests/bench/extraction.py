"""Article-body extraction benchmark: our clean_html beside readability-lxml and trafilatura.

Usage: python tests/bench/extraction.py DIR [--per-page] [--dump OUT]

DIR holds html/<id>.html.gz and ground-truth.json ({id: {articleBody, url}}), as the public
article-extraction-benchmark ships them. The metric is that benchmark's: tokens are Unicode
\\w+ runs, each text a multiset of overlapping 4-token shingles; per page precision and recall;
corpus P and R are the means over pages (pages with an empty prediction are left out of the
precision mean and count as recall 0); F1 = 2PR/(P+R) of the two means. Every system sees the
same pages in the same run, interleaved page by page so machine load hits them alike.

Metadata agreement (title, byline, site, date) is measured where the page's own structured
data (JSON-LD, OpenGraph/meta tags) or its URL gives a reference value; those references are
read here with plain lxml, independently of store.metadata.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
import warnings
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import lxml.html

warnings.filterwarnings("ignore")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.clean.html import clean_html  # noqa: E402
from store.errors import NewsreaderError  # noqa: E402
from store.ingest.decode import decode_bytes  # noqa: E402

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_scores(gold: str, pred: str) -> tuple[float | None, float]:
    """(precision or None for an empty prediction, recall) of one page."""
    g, p = shingles(gold), shingles(pred)
    g.pop("", None)
    p.pop("", None)
    tp = sum((g & p).values())
    recall = tp / sum(g.values()) if g else 1.0
    precision = tp / sum(p.values()) if p else None
    return precision, recall


# --- the systems ---------------------------------------------------------------------------


PATHS: Counter = Counter()  # which way ours found each page's text (store.article.extraction)
PAGE_PATHS: dict[str, str] = {}


def ours(raw: bytes, url: str) -> str:
    try:
        article = clean_html(decode_bytes(raw), url=url)
    except NewsreaderError:
        PATHS["none (empty)"] += 1
        PAGE_PATHS[url] = "none (empty)"
        return ""
    PATHS[article.extraction] += 1
    PAGE_PATHS[url] = article.extraction
    return article.text


def plain_readability(raw: bytes, url: str) -> str:
    from readability import Document

    html = raw.decode("utf-8", errors="replace")
    summary = Document(html).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def trafilatura_default(raw: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(raw.decode("utf-8", errors="replace"), url=url) or ""


def trafilatura_no_comments(raw: bytes, url: str) -> str:
    import trafilatura

    html = raw.decode("utf-8", errors="replace")
    return trafilatura.extract(html, url=url, include_comments=False) or ""


SYSTEMS = {
    "ours (clean_html)": ours,
    "readability-lxml": plain_readability,
    "trafilatura default": trafilatura_default,
    "trafilatura no comments": trafilatura_no_comments,
}


# --- metadata references -------------------------------------------------------------------


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return re.sub(r"\W+", " ", text).strip()


def references(raw: bytes, url: str) -> dict[str, set[str]]:
    """Reference values a page gives about itself, each field a set of acceptable answers."""
    refs: dict[str, set[str]] = {
        "title": set(),
        "byline": set(),
        "site": set(),
        "date": set(),
        "title~h1": set(),  # independent checks: the visible headline, the URL's date
        "date~url": set(),
    }
    try:
        tree = lxml.html.document_fromstring(raw.decode("utf-8", errors="replace"))
    except Exception:
        return refs
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                stack.extend(v for k, v in node.items() if k in ("@graph", "mainEntity"))
                kind = str(node.get("@type", ""))
                if not re.search(r"Article|Posting|Report", kind):
                    continue
                if isinstance(node.get("headline"), str):
                    refs["title"].add(node["headline"])
                published = node.get("datePublished")
                if isinstance(published, str) and re.match(r"\d{4}-\d{2}-\d{2}", published):
                    refs["date"].add(published[:10])
                authors = node.get("author")
                authors = authors if isinstance(authors, list) else [authors]
                names = [a.get("name") if isinstance(a, dict) else a for a in authors]
                names = [n for n in names if isinstance(n, str) and not n.startswith("http")]
                if names:
                    refs["byline"].add(", ".join(names))
                pub = node.get("publisher")
                if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                    refs["site"].add(pub["name"])
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").lower()
        value = (el.get("content") or "").strip()
        if not value:
            continue
        if key in ("og:title", "twitter:title"):
            refs["title"].add(value)
        elif key == "og:site_name":
            refs["site"].add(value)
        elif key in ("article:published_time", "pubdate", "publishdate", "date"):
            if re.match(r"\d{4}-\d{2}-\d{2}", value):
                refs["date"].add(value[:10])
        elif key == "author" and not value.startswith("http"):
            refs["byline"].add(value)
    m = re.search(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})/", url)
    if m:
        refs["date"].add("-".join(m.groups()))
        refs["date~url"].add("-".join(m.groups()))
    h1s = [re.sub(r"\s+", " ", h.text_content()).strip() for h in tree.iter("h1")]
    if len([h for h in h1s if h]) == 1:  # one visible headline, unambiguous
        refs["title~h1"].add(next(h for h in h1s if h))
    host = (urlparse(url).hostname or "").removeprefix("www.")
    if host:
        refs["site"].add(host)
    return refs


def agrees(field: str, ours_value: str | None, refs: set[str]) -> bool:
    if not ours_value:
        return False
    if field.startswith("date"):
        return ours_value[:10] in refs
    mine = _norm(ours_value)
    for ref in refs:
        ref_n = _norm(ref)
        if not ref_n:
            continue
        if field == "site":
            squashed, ref_sq = mine.replace(" ", ""), ref_n.replace(" ", "")
            if squashed in ref_sq or ref_sq.split(" ")[0] in squashed:
                return True
        elif field == "byline":
            if set(mine.split()) & {w for w in ref_n.split() if len(w) > 2}:
                return True
        elif mine == ref_n or (len(mine) > 15 and (mine in ref_n or ref_n in mine)):
            return True
    return False


# --- the run -------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--per-page", action="store_true", help="print each page's P/R")
    parser.add_argument("--dump", type=Path, help="write each system's text here")
    parser.add_argument("--only", help="comma-separated system name prefixes to run")
    args = parser.parse_args()

    gold = json.loads((args.dir / "ground-truth.json").read_text(encoding="utf-8"))
    systems = {
        name: fn
        for name, fn in SYSTEMS.items()
        if not args.only or any(name.startswith(p) for p in args.only.split(","))
    }
    scores: dict[str, list[tuple[float | None, float]]] = {name: [] for name in systems}
    times: dict[str, list[float]] = {name: [] for name in systems}
    cpu: dict[str, list[float]] = {name: [] for name in systems}
    errors: dict[str, int] = dict.fromkeys(systems, 0)
    empty: dict[str, int] = dict.fromkeys(systems, 0)
    meta_hits: Counter = Counter()
    meta_refs: Counter = Counter()
    meta_given: Counter = Counter()

    for fn in systems.values():  # warm-up: imports and caches outside the timing
        fn(b"<html><body><p>warm up text for the parsers.</p></body></html>", "http://x/")
    PATHS.clear()
    PAGE_PATHS.clear()

    for page_id in sorted(gold):
        raw = gzip.decompress((args.dir / "html" / f"{page_id}.html.gz").read_bytes())
        url = gold[page_id].get("url") or ""
        line = [page_id[:10]]
        for name, fn in systems.items():
            start = time.perf_counter()
            start_cpu = time.process_time()
            try:
                pred = fn(raw, url)
            except Exception as err:  # a crash is a result too: an empty prediction
                errors[name] += 1
                pred = ""
                print(f"  {name} raised on {page_id}: {type(err).__name__}: {err}"[:200])
            times[name].append((time.perf_counter() - start) * 1000)
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            empty[name] += not pred.strip()
            p, r = page_scores(gold[page_id]["articleBody"], pred)
            scores[name].append((p, r))
            line.append(f"{(p or 0):.2f}/{r:.2f}")
            if args.dump:
                out = args.dump / re.sub(r"\W+", "_", name)
                out.mkdir(parents=True, exist_ok=True)
                (out / f"{page_id}.txt").write_text(pred, encoding="utf-8")
        if args.per_page:
            print("  ".join(line))
        if "ours (clean_html)" in systems:
            _score_metadata(raw, url, meta_hits, meta_refs, meta_given)

    print(f"\nArticle-body extraction on {len(gold)} pages of {args.dir}")
    print(
        f"{'system':26} {'P':>7} {'R':>7} {'F1':>7} {'median ms':>10} {'cpu ms':>8} "
        f"{'x rdb':>6} {'errors':>7}"
    )
    base = statistics.median(times.get("readability-lxml") or [0.0])
    for name in systems:
        ps = [p for p, _ in scores[name] if p is not None]
        precision = statistics.fmean(ps) if ps else 0.0
        recall = statistics.fmean(r for _, r in scores[name])
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        ms = statistics.median(times[name])
        cpu_ms = statistics.median(cpu[name])
        ratio = f"{ms / base:6.2f}" if base else f"{'-':>6}"
        print(
            f"{name:26} {precision:7.4f} {recall:7.4f} {f1:7.4f} {ms:10.1f} {cpu_ms:8.1f} "
            f"{ratio} {errors[name]:7d}"
        )
    print("(median ms: wall clock per page; cpu ms: process CPU time; x rdb: wall vs readability)")
    print("\nPages that came back empty: " + ", ".join(f"{n} {empty[n]}" for n in systems))
    if "ours (clean_html)" in systems:
        if "readability-lxml" in systems and empty["ours (clean_html)"] > empty["readability-lxml"]:
            print("  ours left MORE pages empty than readability-lxml")
        print("Which way ours found the text: " + ", ".join(f"{k} {v}" for k, v in PATHS.items()))
        for url, path in sorted(PAGE_PATHS.items()):
            if path != "story":
                print(f"  {path:14} {url}")
    if meta_refs:
        print("\nMetadata agreement (ours vs the page's own structured data / URL)")
        print(f"{'field':8} {'pages with ref':>15} {'ours given':>11} {'agree':>7} {'share':>7}")
        for field in ("title", "byline", "site", "date", "title~h1", "date~url"):
            n = meta_refs[field]
            share = meta_hits[field] / n if n else 0.0
            print(f"{field:8} {n:15d} {meta_given[field]:11d} {meta_hits[field]:7d} {share:7.1%}")
        given_all = ", ".join(
            f"{field} {meta_given[field + ' (all pages)']}"
            for field in ("title", "byline", "site", "date")
        )
        print(f"ours given on all {len(gold)} pages: {given_all}")
    return 0


def _score_metadata(raw, url, hits: Counter, refs_count: Counter, given: Counter) -> None:
    try:
        article = clean_html(decode_bytes(raw), url=url)
    except NewsreaderError:
        article = None
    refs = references(raw, url)
    values = {
        "title~h1": article.title if article else None,
        "date~url": article.published if article else None,
        "title": article.title if article else None,
        "byline": article.byline if article else None,
        "site": article.site if article else None,
        "date": article.published if article else None,
    }
    for field, ref in refs.items():
        given[field + " (all pages)"] += bool(values[field])
        if not ref:
            continue
        refs_count[field] += 1
        given[field] += bool(values[field])
        hits[field] += agrees(field, values[field], ref)


if __name__ == "__main__":
    sys.exit(main())
