"""Score quotation finding and attribution against gold data, beside a simple baseline.

    python tests/bench/quotes.py DATA.jsonl [--predictions FILE] [--limit N]

DATA.jsonl: one article a line: ``id``, ``text``, ``quotes`` (each ``start``, ``end``, ``text``
with marks, ``speaker`` as written, ``speaker_spans``, ``cue``, ``kind`` = direct | mixed).

Spans are matched one to one (each gold to at most one prediction and back), greedily in text
order: "exact" needs identical offsets, "overlap" any shared character.

How ``direct`` is scored. The predictions format (``start``, ``end``, ``speaker``) carries no
kind, so the ``direct`` row is kind-blind, the same for every system: gold is restricted to
``direct`` quotations; a prediction matched to gold ``mixed`` is left out (neither right nor
wrong, it is a quoted piece the direct row does not judge); every other prediction counts. Our
quotations also carry a ``kind``, so a second row ("direct as labelled") judges the label as the
reader sees it: predictions labelled ``direct`` against gold ``direct`` alone, so a direct label
on gold ``mixed`` is a false positive and a gold direct quotation found only as ``mixed`` is
missed. The ``all`` rows ignore kind entirely. "kind agreement" is the share of matched
quotations whose predicted kind equals the gold kind.

Speaker accuracy: over overlap-matched quotations whose gold speaker is a name, the share whose
predicted speaker contains the gold name's last word (case and possessive ignored). The gold
speaker is written with its appositive ("Larry Noble, an attorney with the Campaign Legal
Center"), so the name is the part before the first comma or a linking word (who, at, of, for,
from, with, in, on, and); it is a name when its last word is capitalised and it is no pronoun.
The "direct" speaker row counts gold direct quotations matched (overlap) by any prediction.
Baseline speaker: the nearest capitalised word run outside the quotation, in its paragraph.
Paragraphs per second: all articles' paragraphs over the time spent finding (and attributing)
quotations, for each system, in this run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.analysis.quotes import find_quotes  # noqa: E402

_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "him", "them"}
_CAP_RUN = re.compile(r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*")
_SENT_START_WORDS = {
    "The",
    "A",
    "An",
    "He",
    "She",
    "They",
    "It",
    "I",
    "We",
    "In",
    "But",
    "And",
    "This",
    "That",
    "If",
    "When",
    "As",
    "On",
    "At",
    "For",
    "So",
    "Mr",
    "Mrs",
    "Ms",
    "Mr.",
    "Mrs.",
    "Ms.",
}


def baseline_quotes(text: str) -> list[dict]:
    """Quotation marks only: double marks paired within a paragraph; speaker = nearest name."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        p, off = para.group(), para.start()
        open_at = None
        for m in re.finditer('[\u201c\u201d"]', p):
            ch, i = m.group(), m.start()
            if open_at is None and ch != "\u201d":
                open_at = i
            elif open_at is not None and ch != "\u201c":
                out.append((off + open_at, off + i + 1, off, off + len(p)))
                open_at = None
    quotes = []
    for s, e, ps, pe in out:
        quotes.append({"start": s, "end": e, "speaker": _nearest_name(text, s, e, ps, pe)})
    return quotes


def _nearest_name(text: str, s: int, e: int, ps: int, pe: int) -> str | None:
    best, dist = None, None
    for m in _CAP_RUN.finditer(text, ps, pe):
        if s <= m.start() < e:
            continue
        words = [w for w in m.group().split() if w not in _SENT_START_WORDS]
        if not words:
            continue
        d = s - m.end() if m.end() <= s else m.start() - e
        if dist is None or d < dist:
            best, dist = " ".join(words), d
    return best


_APPOSITIVE = re.compile(r",|\s(?:who|at|of|from|for|with|in|on|and)\s")


def gold_name(speaker: str | None) -> str | None:
    """The name in a gold speaker as written, without its appositive ("Larry Noble, an attorney
    with ..." -> "Larry Noble"); None when the speaker is not a name ("he", "a spokesman")."""
    if not speaker:
        return None
    head = _APPOSITIVE.split(speaker.strip(), maxsplit=1)[0].strip()
    words = head.split()
    if not words or not words[-1][:1].isupper() or head.lower() in _PRONOUNS:
        return None
    return head


def is_name(speaker: str | None) -> bool:
    return gold_name(speaker) is not None


def _last_word(name: str) -> str:
    w = re.sub(r"[’']s?$", "", name.split()[-1]).strip(".,").lower()
    return w


def match(gold: list[dict], pred: list[dict], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index), greedy in text order."""
    pairs = []
    used: set[int] = set()
    order = sorted(range(len(pred)), key=lambda j: pred[j]["start"])
    for gi, g in sorted(enumerate(gold), key=lambda x: x[1]["start"]):
        best, best_ov = None, 0
        for j in order:
            if j in used:
                continue
            p = pred[j]
            if exact:
                if p["start"] == g["start"] and p["end"] == g["end"]:
                    best = j
                    break
                continue
            ov = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if ov > best_ov:
                best, best_ov = j, ov
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score(rows: list[dict], preds: list[list[dict]]) -> dict:
    t = {
        k: Tally()
        for k in (
            "all_exact",
            "all_overlap",
            "direct_exact",
            "direct_overlap",
            "blind_exact",
            "blind_overlap",
        )
    }
    spk = {"direct": [0, 0], "all": [0, 0]}
    kind_ok = kind_n = 0
    for row, pred in zip(rows, preds, strict=True):
        gold = row["quotes"]
        for mode in ("exact", "overlap"):
            pairs = match(gold, pred, exact=mode == "exact")
            t[f"all_{mode}"].add(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
            # kind-blind direct: predictions on mixed gold are left out
            g_direct = sum(1 for g in gold if g["kind"] == "direct")
            tp = sum(1 for gi, _ in pairs if gold[gi]["kind"] == "direct")
            on_mixed = sum(1 for gi, _ in pairs if gold[gi]["kind"] == "mixed")
            t[f"blind_{mode}"].add(tp, len(pred) - tp - on_mixed, g_direct - tp)
            # by predicted kind, where predictions carry one
            has_kind = any("kind" in p for p in pred)
            if has_kind or not pred:
                p_direct = [p for p in pred if p.get("kind", "direct") == "direct"]
                gold_direct = [g for g in gold if g["kind"] == "direct"]
                tp_k = len(match(gold_direct, p_direct, exact=mode == "exact"))
                t[f"direct_{mode}"].add(tp_k, len(p_direct) - tp_k, g_direct - tp_k)
            else:
                t[f"direct_{mode}"].add(tp, len(pred) - tp - on_mixed, g_direct - tp)
            if mode == "overlap":
                for gi, j in pairs:
                    g = gold[gi]
                    if "kind" in pred[j]:
                        kind_n += 1
                        kind_ok += pred[j]["kind"] == g["kind"]
                    if not is_name(g["speaker"]):
                        continue
                    ps = pred[j].get("speaker") or ""
                    want = _last_word(gold_name(g["speaker"]) or "")
                    ok = bool(ps) and want in {_last_word(w) for w in ps.split()}
                    for key in ("direct", "all") if g["kind"] == "direct" else ("all",):
                        spk[key][0] += ok
                        spk[key][1] += 1
    out = {k: v.prf() for k, v in t.items()}
    out["kind"] = (kind_ok / kind_n if kind_n else None, kind_n)
    for key, (ok, n) in spk.items():
        out[f"speaker_{key}"] = (ok / n if n else 0.0, n)
    return out


def run(rows: list[dict], system) -> tuple[list[list[dict]], float]:
    t0 = time.perf_counter()
    preds = [system(r["text"]) for r in rows]
    return preds, time.perf_counter() - t0


def ours(text: str) -> list[dict]:
    return [
        {"start": q.start, "end": q.end, "speaker": q.speaker, "kind": q.kind}
        for q in find_quotes(text)
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--predictions", help="write our predictions here, one JSON line per article")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.data).read_text().splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    n_paras = sum(1 for r in rows for p in r["text"].split("\n") if p.strip())

    base_preds, base_secs = run(rows, baseline_quotes)
    our_preds, our_secs = run(rows, ours)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as fh:
            for r, pred in zip(rows, our_preds, strict=True):
                qs = [
                    {
                        "start": p["start"],
                        "end": p["end"],
                        "speaker": p["speaker"],
                        "kind": p["kind"],
                    }
                    for p in pred
                ]
                fh.write(json.dumps({"id": r["id"], "quotes": qs}, ensure_ascii=False) + "\n")
    b, o = score(rows, base_preds), score(rows, our_preds)
    n_gold = sum(len(r["quotes"]) for r in rows)
    n_direct = sum(1 for r in rows for q in r["quotes"] if q["kind"] == "direct")
    print(
        f"{len(rows)} articles, {n_paras} paragraphs, {n_gold} gold quotations ({n_direct} direct)"
    )
    print(f"{'measure':34} {'baseline':>9} {'ours':>9}")
    labels = [("blind", "direct"), ("all", "all quoted pieces"), ("direct", "direct as labelled")]
    for key, label in labels:
        for mode in ("overlap", "exact"):
            for i, name in enumerate(("P", "R", "F1")):
                bv, ov = b[f"{key}_{mode}"][i], o[f"{key}_{mode}"][i]
                print(f"{label + ' ' + mode + ' ' + name:34} {bv:9.3f} {ov:9.3f}")
    for key in ("direct", "all"):
        bs, os_ = b[f"speaker_{key}"], o[f"speaker_{key}"]
        print(
            f"{'speaker accuracy, ' + key + ' (named)':34} {bs[0]:9.3f} {os_[0]:9.3f}"
            f"   (n = {bs[1]} baseline, {os_[1]} ours)"
        )
    print(
        f"{'kind agreement on matched quotes':34} {'-':>9} {o['kind'][0] or 0:9.3f}"
        f"   (n = {o['kind'][1]}; the baseline has no kind)"
    )
    print(f"{'paragraphs per second':34} {n_paras / base_secs:9.0f} {n_paras / our_secs:9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
