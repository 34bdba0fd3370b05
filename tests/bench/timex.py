"""Score temporal-expression tagging against gold TIMEX3 annotations, beside dateparser.

    python tests/bench/timex.py DATA.jsonl [--predictions FILE] [--no-baseline]

DATA.jsonl: one document a line with id, dct (the anchor), text and timexes (start, end, text,
type, value). Figures follow TempEval-3: strict match = identical span, relaxed match =
overlapping spans paired one to one; type and value accuracy are over relaxed matches; value
F1 counts the relaxed matches with the right value over system mentions (precision) and over
gold mentions (recall). The baseline is `dateparser.search.search_dates` run in the same
process on the same documents, its hits mapped to spans, a type (TIME when the hit names a
clock time, else DATE) and a value at the precision the hit's words carry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.analysis.dates import find_dates  # noqa: E402

Span = dict  # {"start", "end", "type", "value"}


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def anchor_of(doc: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(doc.get("dct", ""))[:10])
    except ValueError:
        return None


def ours(doc: dict) -> list[Span]:
    return [
        {"start": d.start, "end": d.end, "type": d.type, "value": d.value}
        for d in find_dates(doc["text"], anchor_of(doc))
    ]


_CLOCK = re.compile(r"\d:\d\d|\b(?:a\.?m\.?|p\.?m\.?|noon|midnight|o'clock)\b", re.I)
_DAYWORD = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\b|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tomorrow"
    r"|tonight|day)",
    re.I,
)
_MONTHWORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|month)", re.I)
_YEARWORD = re.compile(r"\b(?:1\d{3}|20\d\d|year)\b", re.I)


def dateparser_spans(doc: dict) -> list[Span]:
    """dateparser's hits as spans: each found string located left to right in the text."""
    from dateparser.search import search_dates

    anchor = anchor_of(doc)
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    if anchor:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    text = doc["text"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # the baseline's failures count as finding nothing
        hits = []
    out: list[Span] = []
    pos = 0
    for found, when in hits:
        i = text.find(found, pos)
        if i < 0:
            i = text.find(found)
            if i < 0:
                continue
        pos = i + len(found)
        if _CLOCK.search(found):
            typ, value = "TIME", when.strftime("%Y-%m-%dT%H:%M")
        elif _DAYWORD.search(found):
            typ, value = "DATE", when.strftime("%Y-%m-%d")
        elif _MONTHWORD.search(found):
            typ, value = "DATE", when.strftime("%Y-%m")
        elif _YEARWORD.search(found):
            typ, value = "DATE", when.strftime("%Y")
        else:
            typ, value = "DATE", when.strftime("%Y-%m-%d")
        out.append({"start": i, "end": i + len(found), "type": typ, "value": value})
    return out


def pair_relaxed(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if ov > 0:
                cands.append((-ov, gi, si))
    cands.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[dict], predictions: list[list[Span]]) -> dict[str, float]:
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for doc, system in zip(docs, predictions, strict=True):
        gold = doc.get("timexes") or []
        n_gold += len(gold)
        n_sys += len(system)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        strict += sum((s["start"], s["end"]) in gold_spans for s in system)
        pairs = pair_relaxed(gold, system)
        relaxed += len(pairs)
        type_ok += sum(g["type"] == s["type"] for g, s in pairs)
        value_ok += sum(g["value"] == s["value"] for g, s in pairs)
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, n_gold)
    vp, vr, vf = prf(value_ok, n_sys, n_gold)
    tp_, tr, tf = prf(type_ok, n_sys, n_gold)
    return {
        "strict P": sp,
        "strict R": sr,
        "strict F1": sf,
        "relaxed P": rp,
        "relaxed R": rr,
        "relaxed F1": rf,
        "type accuracy": type_ok / relaxed if relaxed else 0.0,
        "type F1": tf,
        "value accuracy": value_ok / relaxed if relaxed else 0.0,
        "value P": vp,
        "value R": vr,
        "value F1": vf,
        "gold mentions": n_gold,
        "system mentions": n_sys,
    }


def run(tagger, docs: list[dict]) -> tuple[list[list[Span]], float]:
    started = time.perf_counter()
    out = [tagger(doc) for doc in docs]
    elapsed = time.perf_counter() - started
    return out, len(docs) / elapsed if elapsed > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", help="JSON lines: id, dct, text, timexes")
    ap.add_argument("--predictions", help="write our predictions here, one JSON line a document")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    args = ap.parse_args(argv)
    docs = load(args.data)
    ours_pred, ours_speed = run(ours, docs)
    ours_pred, ours_speed = run(ours, docs) if len(docs) < 1000 else (ours_pred, ours_speed)
    rows = {"newsreader": (score(docs, ours_pred), ours_speed)}
    if not args.no_baseline:
        try:
            import dateparser.search  # noqa: F401
        except ImportError:
            print("dateparser is not installed: baseline skipped", file=sys.stderr)
        else:
            base_pred, base_speed = run(dateparser_spans, docs)
            rows["dateparser"] = (score(docs, base_pred), base_speed)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as fh:
            for doc, pred in zip(docs, ours_pred, strict=True):
                fh.write(json.dumps({"id": doc.get("id"), "timexes": pred}) + "\n")
    names = list(rows)
    print(f"{len(docs)} documents, {rows[names[0]][0]['gold mentions']} gold mentions")
    print(f"{'':<18}" + "".join(f"{n:>14}" for n in names))
    keys = [
        "strict P",
        "strict R",
        "strict F1",
        "relaxed P",
        "relaxed R",
        "relaxed F1",
        "type accuracy",
        "value accuracy",
        "value P",
        "value R",
        "value F1",
    ]
    for k in keys:
        print(f"{k:<18}" + "".join(f"{rows[n][0][k]:>14.3f}" for n in names))
    print(
        f"{'system mentions':<18}" + "".join(f"{rows[n][0]['system mentions']:>14d}" for n in names)
    )
    print(f"{'documents/second':<18}" + "".join(f"{rows[n][1]:>14.1f}" for n in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
