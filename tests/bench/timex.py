"""Score temporal-expression tagging against gold TIMEX3 annotations, beside HeidelTime and
dateparser, over the whole set and fold by fold.

    python tests/bench/timex.py DATA.jsonl [--folds 5] [--hold-out K]
        [--disagreements FILE] [--predictions FILE] [--compare FILE]
        [--heideltime-cache FILE] [--no-heideltime] [--no-baseline]

DATA.jsonl: one document a line with id, dct (the anchor), text and timexes (start, end, text,
type, value). Figures follow TempEval-3: strict match = identical span, relaxed match =
overlapping spans paired one to one; type and value accuracy are over relaxed matches; value
F1 counts the relaxed matches with the right value over system mentions (precision) and over
gold mentions (recall).

Generalisation: the documents are split into folds (by a hash of their id, so a document
stays in its fold whatever else changes) and every fold is scored on its own, ours beside
HeidelTime's, with the spread. A rule is written from made-up sentences and the misses of
some folds, and kept only if the folds it was not written from gain too (`--compare` a
saved `--predictions` run prints the change per fold). `--hold-out K` keeps fold K out of
the disagreement report, so it stays unseen by whoever writes the rules.

HeidelTime (tests/bench/heideltime.py) runs on the same documents with the same anchors and
is scored by the same code; `--disagreements FILE` writes every mention where it or we
differ from the gold: ours, theirs and gold side by side. The dateparser baseline is
`dateparser.search.search_dates`, its hits mapped to spans, a type (TIME when the hit names
a clock time, else DATE) and a value at the precision the hit's words carry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.analysis.dates import find_dates  # noqa: E402
from tests.bench import heideltime  # noqa: E402

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
    r"|tonight|day)", re.I)
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


def right(gold: Span, system: Span) -> bool:
    return gold["value"] == system["value"]


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
        value_ok += sum(right(g, s) for g, s in pairs)
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, n_gold)
    vp, vr, vf = prf(value_ok, n_sys, n_gold)
    tp_, tr, tf = prf(type_ok, n_sys, n_gold)
    return {
        "strict P": sp, "strict R": sr, "strict F1": sf,
        "relaxed P": rp, "relaxed R": rr, "relaxed F1": rf,
        "type accuracy": type_ok / relaxed if relaxed else 0.0, "type F1": tf,
        "value accuracy": value_ok / relaxed if relaxed else 0.0,
        "value P": vp, "value R": vr, "value F1": vf,
        "gold mentions": n_gold, "system mentions": n_sys,
    }


def run(tagger, docs: list[dict]) -> tuple[list[list[Span]], float]:
    started = time.perf_counter()
    out = [tagger(doc) for doc in docs]
    elapsed = time.perf_counter() - started
    return out, len(docs) / elapsed if elapsed > 0 else float("inf")


def fold_of(doc: dict, k: int) -> int:
    """A document's fold: fixed by its id, whatever other documents the set holds."""
    digest = hashlib.sha1(str(doc.get("id", "")).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % k


def _set_key(docs: list[dict]) -> str:
    h = hashlib.sha1()
    for doc in docs:
        h.update(json.dumps([doc.get("id"), doc.get("dct"), doc["text"]]).encode("utf-8"))
    return h.hexdigest()


def heideltime_run(docs: list[dict], cache: str | None) -> tuple[list[list[Span]], float, str]:
    """HeidelTime's spans and speed; with `cache`, reused when it holds this very set."""
    key = _set_key(docs)
    if cache and Path(cache).exists():
        saved = json.loads(Path(cache).read_text(encoding="utf-8"))
        if saved.get("key") == key:
            return saved["predictions"], saved["speed"], f" (cached in {cache})"
    predictions, speed = heideltime.tag(docs, anchor_of)
    if cache:
        Path(cache).write_text(json.dumps({"key": key, "speed": speed,
                                           "predictions": predictions}), encoding="utf-8")
    return predictions, speed, ""


def load_predictions(path: str, docs: list[dict]) -> list[list[Span]]:
    by_id = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                by_id[row["id"]] = row["timexes"]
    return [by_id.get(doc.get("id"), []) for doc in docs]


# ------------------------------------------------------------------------------ the report

KEYS = ["strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
        "type accuracy", "value accuracy", "value P", "value R", "value F1"]


def print_overall(rows: dict[str, tuple[dict, float]]) -> None:
    names = list(rows)
    print(f"{'all documents':<18}" + "".join(f"{n:>14}" for n in names))
    for k in KEYS:
        print(f"{k:<18}" + "".join(f"{rows[n][0][k]:>14.3f}" for n in names))
    print(f"{'system mentions':<18}" + "".join(f"{rows[n][0]['system mentions']:>14d}"
                                              for n in names))
    print(f"{'documents/second':<18}" + "".join(f"{rows[n][1]:>14.1f}" for n in names))
    ours = rows[names[0]][1]
    print(f"{'ours is x faster':<18}" + "".join(
        f"{'':>14}" if n == names[0] else f"{ours / rows[n][1]:>14.0f}" for n in names))


def _spread(values: list[float]) -> str:
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{mean:.3f} ± {sd:.3f} [{min(values):.3f}, {max(values):.3f}]"


FOLD_KEYS = ("value F1", "relaxed F1", "strict F1")


def _cell(values: tuple[float, ...], signed: bool = False) -> str:
    return " / ".join(f"{v:+.3f}" if signed else f"{v:.3f}" for v in values)


def print_folds(docs: list[dict], systems: dict[str, list[list[Span]]], k: int,
                hold_out: int | None) -> None:
    """Value, relaxed and strict F1 of each system on each fold, and our margin over the
    second system."""
    names = list(systems)
    folds = [fold_of(d, k) for d in docs]
    per: dict[str, dict[str, list[float]]] = {n: {key: [] for key in FOLD_KEYS} for n in names}
    print(f"\n{k} folds by document; {' / '.join(FOLD_KEYS)} on each fold on its own")
    header = f"{'fold':<26}" + "".join(f"{n:>25}" for n in names)
    if len(names) > 1:
        header += f"{'margin':>26}"
    print(header)
    for f in range(k):
        idx = [i for i, x in enumerate(folds) if x == f]
        sub = [docs[i] for i in idx]
        gold = sum(len(d.get("timexes") or []) for d in sub)
        label = f"{f} ({len(sub)} docs, {gold} gold)" + (" *" if f == hold_out else "")
        cells = []
        for n in names:
            s = score(sub, [systems[n][i] for i in idx])
            for key in FOLD_KEYS:
                per[n][key].append(s[key])
            cells.append(tuple(s[key] for key in FOLD_KEYS))
        line = f"{label:<26}" + "".join(f"{_cell(c):>25}" for c in cells)
        if len(names) > 1:
            margin = tuple(a - b for a, b in zip(cells[0], cells[1], strict=True))
            line += f"{_cell(margin, signed=True):>26}"
        print(line)
    for key in FOLD_KEYS:
        print(f"{key + ' mean ± sd':<26}" + "".join(
            f"{'':>3}{_spread(per[n][key])}" for n in names))
    if len(names) > 1:
        a, b = names[0], names[1]
        for key, target in (("value F1", 0.02), ("relaxed F1", 0.01)):
            margins = [x - y for x, y in zip(per[a][key], per[b][key], strict=True)]
            met = sum(m >= target for m in margins)
            print(f"{key} margin over {b}: mean {statistics.fmean(margins):+.3f}, "
                  f"min {min(margins):+.3f}; target +{target:.2f} met on {met} of {k} folds")
    if hold_out is not None:
        print(f"* fold {hold_out} is held out: the disagreement report leaves it out")


def print_compare(docs: list[dict], ours: list[list[Span]], before: list[list[Span]],
                  k: int) -> None:
    """The change from an earlier run of ours, fold by fold: a rule must help where it was
    not written from."""
    folds = [fold_of(d, k) for d in docs]
    print(f"\nchange from the earlier run ({' / '.join(FOLD_KEYS)})")
    for f in range(k):
        idx = [i for i, x in enumerate(folds) if x == f]
        sub = [docs[i] for i in idx]
        now = score(sub, [ours[i] for i in idx])
        then = score(sub, [before[i] for i in idx])
        print(f"fold {f}: " + _cell(tuple(now[key] - then[key] for key in FOLD_KEYS), True))
    now, then = score(docs, ours), score(docs, before)
    print("all:    " + _cell(tuple(now[key] - then[key] for key in FOLD_KEYS), True))


def _show(span: Span | None, text: str) -> str:
    if span is None:
        return "-"
    words = " ".join(text[span["start"]:span["end"]].split())
    return f"{words!r} {span['type']} {span['value']}"


def disagreements(docs: list[dict], ours: list[list[Span]], theirs: list[list[Span]],
                  k: int, hold_out: int | None) -> tuple[list[str], dict[str, int]]:
    """Every mention where we or HeidelTime differ from the gold, ours, theirs and gold side
    by side: THEY (only HeidelTime right), US (only we are), BOTH (neither is)."""
    rows: list[tuple[str, str]] = []
    counts = {"THEY": 0, "US": 0, "BOTH": 0}
    for doc, mine, other in zip(docs, ours, theirs, strict=True):
        fold = fold_of(doc, k)
        if fold == hold_out:
            continue
        text = doc["text"]
        gold = doc.get("timexes") or []
        our_pair = {id(g): s for g, s in pair_relaxed(gold, mine)}
        their_pair = {id(g): s for g, s in pair_relaxed(gold, other)}
        cases = []
        for g in gold:
            a, b = our_pair.get(id(g)), their_pair.get(id(g))
            cases.append((g, a, b, a is not None and right(g, a), b is not None and right(g, b)))
        used_a = {id(s) for s in our_pair.values()}
        used_b = {id(s) for s in their_pair.values()}
        extra_a = [s for s in mine if id(s) not in used_a]
        extra_b = [s for s in other if id(s) not in used_b]
        for a, b in pair_relaxed(extra_a, extra_b):  # both found what the gold has not
            cases.append((None, a, b, False, False))
        paired_b = {id(b) for _, b in pair_relaxed(extra_a, extra_b)}
        paired_a = {id(a) for a, _ in pair_relaxed(extra_a, extra_b)}
        cases += [(None, a, None, False, True) for a in extra_a if id(a) not in paired_a]
        cases += [(None, None, b, True, False) for b in extra_b if id(b) not in paired_b]
        for g, a, b, ok_a, ok_b in cases:
            if ok_a and ok_b:
                continue
            kind = "BOTH" if not (ok_a or ok_b) else ("THEY" if ok_b else "US")
            counts[kind] += 1
            where = (g or a or b)["start"]
            context = " ".join(text[max(0, where - 60): where + 60].split())
            rows.append((kind, f"{kind}\t{doc.get('id')}\tfold {fold}\t{doc.get('dct')}\n"
                               f"  gold: {_show(g, text)}\n  ours: {_show(a, text)}\n"
                               f"  them: {_show(b, text)}\n  text: …{context}…\n"))
    order = {"THEY": 0, "BOTH": 1, "US": 2}
    rows.sort(key=lambda r: order[r[0]])
    return [r for _, r in rows], counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", help="JSON lines: id, dct, text, timexes")
    ap.add_argument("--folds", type=int, default=5, help="folds by document (default 5)")
    ap.add_argument("--hold-out", type=int, help="a fold the disagreement report leaves out")
    ap.add_argument("--predictions", help="write our predictions here, one JSON line a document")
    ap.add_argument("--compare", help="an earlier --predictions file: print the change per fold")
    ap.add_argument("--disagreements", help="write the mention-by-mention report here")
    ap.add_argument("--heideltime-cache", help="reuse HeidelTime's output saved here")
    ap.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    args = ap.parse_args(argv)
    docs = load(args.data)
    ours_pred, ours_speed = run(ours, docs)
    ours_pred, ours_speed = run(ours, docs) if len(docs) < 1000 else (ours_pred, ours_speed)
    rows = {"newsreader": (score(docs, ours_pred), ours_speed)}
    systems = {"newsreader": ours_pred}
    notes = []
    if not args.no_heideltime:
        reason = heideltime.unavailable()
        if reason:
            print(reason, file=sys.stderr)
        else:
            try:
                ht_pred, ht_speed, note = heideltime_run(docs, args.heideltime_cache)
            except (RuntimeError, OSError) as exc:
                print(f"{exc}: HeidelTime skipped", file=sys.stderr)
            else:
                rows["HeidelTime"] = (score(docs, ht_pred), ht_speed)
                systems["HeidelTime"] = ht_pred
                if note:
                    notes.append(f"HeidelTime's output and speed{note}")
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
    print(f"{len(docs)} documents, {rows['newsreader'][0]['gold mentions']} gold mentions")
    print_overall(rows)
    print_folds(docs, systems, args.folds, args.hold_out)
    if args.compare:
        print_compare(docs, ours_pred, load_predictions(args.compare, docs), args.folds)
    if args.disagreements and "HeidelTime" in systems:
        lines, counts = disagreements(docs, ours_pred, systems["HeidelTime"], args.folds,
                                      args.hold_out)
        with open(args.disagreements, "w", encoding="utf-8") as fh:
            fh.write(f"only HeidelTime right: {counts['THEY']}, only we are: {counts['US']}, "
                     f"neither: {counts['BOTH']}\n\n")
            fh.write("\n".join(lines))
        print(f"\ndisagreements: {counts['THEY']} only HeidelTime right, {counts['US']} only "
              f"we are, {counts['BOTH']} neither (written to {args.disagreements})")
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
