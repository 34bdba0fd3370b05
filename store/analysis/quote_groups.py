"""One quotation, every outlet: quotations from different sources that report the same words.

Two quotations are the same words when nobody says they are different people's (the same
person, or either speaker unknown) and either
- they share a run of words (one outlet trims, another carries more): 8 words when both name
  the same person, 12 when one speaker is unknown (a stock phrase such as "the next president
  of the United States" is 8 words), or
- most of the shorter one's content words are in the other (function words, bracketed editorial
  insertions and ellipses aside): 60% and at least 5 words when both name the same person, 75%
  and at least 6 when one speaker is unknown. Translations and paraphrase markers change some
  words and keep most.

Candidates are found through an index of content words: each quotation is compared only with
earlier quotations holding one of its rarest words, and with at most a few of those per word,
so a library's grouping stays linear in the number of quotations. A group joins quotations one
pair at a time and never joins two different named people.

The words that differ between versions are marked against the group's longest version: words
replaced or added inside the stretch both versions cover; a version that starts later or stops
earlier (trimmed) is not marked for it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = ["Reported", "differing_words", "group_quotes"]

RUN = 8  # words in a shared run that makes two quotations of one person one
RUN_UNKNOWN = 12  # ... when one of the speakers is unknown
SAME_PERSON, UNKNOWN = 0.6, 0.75  # share of the shorter one's content words
MIN_SHARED, MIN_SHARED_UNKNOWN = 5, 6
_PROBES = 4  # rarest content words of a quotation looked up in the index
_PER_WORD = 16  # earlier quotations compared per looked-up word
_DIFF_WORDS = 400  # words of a version aligned when marking differences

_WORD = re.compile(r"\w+(?:[’']\w+)*")
_BRACKETED = re.compile(r"\[[^\[\]]{0,80}\]")
_STOP = frozenset({
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's", "this",
    "that", "these", "those", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him",
    "his", "she", "her", "they", "them", "their", "there", "here", "what", "which", "who", "whom",
    "whose", "when", "where", "why", "how", "all", "any", "some", "no", "not", "nor", "so", "than",
    "then", "too", "very", "can", "could", "will", "would", "shall", "should", "may", "might",
    "must", "do", "does", "did", "done", "have", "has", "had", "having", "just", "also", "about",
    "into", "over", "under", "again", "once", "only", "own", "same", "such", "each", "both", "few",
    "more", "most", "other", "up", "down", "out", "off", "s", "t", "don't", "i'm", "we're",
    "that's", "there's"
})


@dataclass(frozen=True)
class Reported:
    """One quotation as an outlet reported it: the words, who said them, where it appeared."""

    text: str
    person: str | None  # the merged person (store.analysis.speakers), None when unknown
    source: int  # the article: versions in one source never make a group by themselves


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets; bracketed editorial insertions left out."""
    out = []
    pos = 0
    for b in _BRACKETED.finditer(text):
        out += [(m.group().lower().replace("’", "'"), m.start(), m.end())
                for m in _WORD.finditer(text, pos, b.start())]
        pos = b.end()
    out += [(m.group().lower().replace("’", "'"), m.start(), m.end())
            for m in _WORD.finditer(text, pos)]
    return out


def _runs(words: list[str], n: int) -> set[int]:
    return {hash(tuple(words[i: i + n])) for i in range(len(words) - n + 1)}


class _Words:
    __slots__ = ("content", "runs", "long_runs")

    def __init__(self, text: str) -> None:
        words = [w for w, _, _ in _tokens(text)]
        self.content = frozenset(w for w in words if w not in _STOP)
        self.runs = _runs(words, RUN)
        self.long_runs = _runs(words, RUN_UNKNOWN)


def _same_words(a: _Words, b: _Words, same_person: bool) -> bool:
    runs_a, runs_b = (a.runs, b.runs) if same_person else (a.long_runs, b.long_runs)
    if runs_a and not runs_a.isdisjoint(runs_b):
        return True
    small, large = (a.content, b.content) if len(a.content) <= len(b.content) else (
        b.content, a.content)
    shared = sum(1 for w in small if w in large)
    if same_person:
        return shared >= MIN_SHARED and shared >= SAME_PERSON * len(small)
    return shared >= MIN_SHARED_UNKNOWN and shared >= UNKNOWN * len(small)


def group_quotes(items: Sequence[Reported]) -> list[list[int]]:
    """Groups of indices into `items`: the same words from two or more sources, each group in
    the order given; groups in the order of their first member."""
    words = [_Words(it.text) for it in items]
    df = Counter(w for ws in words for w in ws.content)
    parent = list(range(len(items)))
    person: list[str | None] = [it.person for it in items]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        if len(words[i].content) < MIN_SHARED and not words[i].runs:
            continue  # too few words to be the same as anything
        probes = sorted(words[i].content, key=lambda w: (df[w], w))[:_PROBES]
        seen: set[int] = set()
        for w in probes:
            for j in postings.get(w, ())[:_PER_WORD]:
                if j in seen or items[j].source == it.source:
                    continue
                seen.add(j)
                ri, rj = find(i), find(j)
                if ri == rj:
                    continue
                pi, pj = person[ri], person[rj]
                if pi is not None and pj is not None and pi != pj:
                    continue
                if not _same_words(words[i], words[j], it.person is not None
                                   and it.person == items[j].person):
                    continue
                parent[ri] = rj
                person[rj] = pj if pj is not None else pi
        for w in words[i].content:
            postings.setdefault(w, []).append(i)

    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    return [g for g in sorted(groups.values(), key=lambda g: g[0])
            if len({items[i].source for i in g}) > 1]


def _interior_changes(ops, length: int, side: int) -> list[tuple[int, int]]:
    """Token ranges on one side of the alignment that differ, inside the stretch both cover."""
    equal = [op for op in ops if op[0] == "equal"]
    if not equal:
        return []
    lo = equal[0][1 + 2 * side]
    hi = equal[-1][2 + 2 * side]
    out = []
    for tag, i1, i2, j1, j2 in ops:
        s, e = (i1, i2) if side == 0 else (j1, j2)
        if tag != "equal" and s < e and lo <= s and e <= hi:
            out.append((s, e))
    return out


def differing_words(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """For each version of a quotation, the character spans of its words that differ from the
    longest version (for the longest: that differ from any other), inside the words both carry."""
    toks = [_tokens(t) for t in texts]
    if not texts:
        return []
    ref = max(range(len(texts)), key=lambda i: (len(toks[i]), -i))
    ref_words = [w for w, _, _ in toks[ref]][:_DIFF_WORDS]
    marked: list[set[int]] = [set() for _ in texts]
    for i, tk in enumerate(toks):
        if i == ref:
            continue
        mine = [w for w, _, _ in tk][:_DIFF_WORDS]
        ops = SequenceMatcher(None, mine, ref_words, autojunk=False).get_opcodes()
        for s, e in _interior_changes(ops, len(mine), 0):
            marked[i].update(range(s, e))
        for s, e in _interior_changes(ops, len(ref_words), 1):
            marked[ref].update(range(s, e))
    return [[(toks[i][k][1], toks[i][k][2]) for k in sorted(m)] for i, m in enumerate(marked)]
