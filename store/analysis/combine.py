"""Which earlier report an event of a combined timeline joins: the best-scoring one, found
without scoring every report that could match.

The rule (`combine_reports`): an event joins the report, among those of a compatible date
from other articles sharing MIN_SHARED content words, whose shared words weigh most as a
share of the lighter of the two, if that share reaches SAME_EVENT; ties go to the earliest
report. In a big library a year's event has a hundred such reports or more, and most of them
reach SAME_EVENT: scoring each costs seconds. Here bounds on the share, computed for all the
reports of a year at once (`_Lanes`), leave the few that may still be the best to score.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager

SAME_EVENT = 0.15  # weighted share of content words two reports of one event have in common
MIN_SHARED = 3

Period = tuple[dt.date, dt.date]
# An event to combine: (rank, last day, article id, start, position given, first day, event,
# content words); sorted, they come precise dates first, each date in the order given.
Item = tuple[int, dt.date, int, int, int, dt.date, object, frozenset[str]]

# The shares an event's best match is looked for at, highest first: the higher the share, the
# fewer reports can reach it. Most events of one story share 0.8 and more with their best
# match, so most searches end at the first.
_LEVELS = (0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, SAME_EVENT)
_SLACK = 1 - 1e-9  # a hair under each bound, so rounding cannot hide a match
_FEW = 6  # reports few enough to score without bounds
_OCTAVE = 4  # weight levels per doubling
_SHARES = 100  # a report's weight, in the shares its words have of it
_BLOCK = 64  # lanes made at a time
_WEEK = dt.timedelta(days=6)  # from a week's first day to its last

# How many days before a period another one of its rank that contains it can begin: a week
# before its weekend, a half-year before its second quarter; days, months and years contain
# no other of their kind.
_EARLIER = {0: 0, 1: 6, 2: 0, 3: 184, 4: 0}


class Report:
    """One event of the combined timeline as it forms: the first report and who else has it."""

    __slots__ = ("rank", "first", "last", "ev", "words", "weight", "articles", "sources")

    def __init__(self, item: Item, weight: float) -> None:
        self.rank, self.last, article_id, _, _, self.first, self.ev, self.words = item
        self.weight = weight  # of its words (0 when too few to match)
        self.articles = {article_id}
        self.sources = [(article_id, self.ev.start, self.ev.end)]


def combine_reports(items: list[Item], rarity: dict[str, float]) -> list[Report]:
    """The reports sorted `items` form, in the order they were formed, each event's words
    weighted by `rarity`."""
    reports: list[Report] = []
    index = _Index(rarity, max((len(item[-1]) for item in items), default=0), reports)
    for item in items:
        rank, last, article_id, _, _, first, ev, words = item
        if len(words) < MIN_SHARED:  # it matches nothing, nor anything it: never weighed
            reports.append(Report(item, 0.0))
            continue
        own = sum(map(rarity.__getitem__, words))
        best, best_score = index.best(first, last, rank, article_id, words, own)
        if best >= 0 and best_score >= SAME_EVENT:
            report = reports[best]
            report.sources.append((article_id, ev.start, ev.end))
            report.articles.add(article_id)
        else:
            index.add(len(reports), first, last, rank, words, own)
            reports.append(Report(item, own))
    return reports


@contextmanager
def paused_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: combining allocates hundreds of thousands of
    objects, none in a cycle, and the collector would walk the whole heap several times over
    them (a third of the time in a big library)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Lanes:
    """Reports side by side in ints, `width` bits each (a lane), so that one addition works
    on every report: adding the ints of an event's words counts in each lane how many of them
    that report has, or sums their shares of its weight; adding a constant to every lane and
    keeping each lane's top bit tells which lanes hold at least some value. Lanes are made
    _BLOCK at a time, so a constant for every lane serves many events; lanes to come hold 0."""

    __slots__ = ("members", "width", "ones", "times", "every", "counts", "shares", "level",
                 "months", "wide", "spans")  # fmt: skip

    def __init__(self, width: int) -> None:
        self.members: list[int] = []  # report index by lane
        self.width = width
        self.ones = 0  # 1 in every lane made
        self.times: dict[int, int] = {}  # n -> n in every lane made
        self.every = 0  # top bit in the lanes of the reports
        self.counts: dict[str, int] = {}  # word -> 1 in the lanes of the reports having it
        self.shares: dict[str, int] = {}  # word -> its share of their weight (of _SHARES)
        self.level = 0  # the report's weight level (see `_Index.level`)
        self.months = [0] * 13  # top bit in the lanes of the reports within that month
        self.wide = 0  # ... within no one month
        self.spans: dict[Period, int] = {}  # ... of the days and weeks of that period

    def lane(self, i: int) -> int:
        """A new lane for report `i`: its lowest bit."""
        lane = len(self.members)
        self.members.append(i)
        if lane * self.width >= self.ones.bit_length():
            lanes = lane + _BLOCK
            self.ones = ((1 << lanes * self.width) - 1) // ((1 << self.width) - 1)
            self.times.clear()
        return lane * self.width

    def each(self, n: int) -> int:
        """`n` in every lane."""
        value = self.times.get(n)
        if value is None:
            value = self.times[n] = n * self.ones
        return value


class _Index:
    """The reports formed so far (by index), in lanes: per year (the year they begin), per
    month (those within one), and per year again for the weeks within no one month; those
    with fewer than MIN_SHARED words match nothing and are left out.

    Events come precise first, so a period met later is never shorter than one of a lower
    rank: what may match it lies within it, or is of its own rank and contains it (a week
    and its weekend, a half-year and its quarter); both lie in its months or in none.
    """

    def __init__(self, rarity: dict[str, float], most_words: int, reports: list[Report]) -> None:
        self.rarity, self.reports = rarity, reports
        # A lane holds any count of words, and a sum of shares rounded up (one more per word).
        self.width = (_SHARES + most_words).bit_length() + 1
        self.top = 1 << (self.width - 1)  # a lane's test bit; values stay below it
        self.years: dict[int, _Lanes] = {}
        self.months: dict[tuple[int, int], _Lanes] = {}
        self.wide: dict[int, _Lanes] = {}  # days and weeks within no one month

    def level(self, weight: float) -> int:
        """A weight's level in a lane: rising with the weight, _OCTAVE per doubling."""
        level = math.floor(math.log2(weight) * _OCTAVE) + self.top // 2
        return min(self.top - 1, max(0, level))

    def space(self, table: dict, key) -> _Lanes:
        lanes = table.get(key)
        if lanes is None:
            lanes = table[key] = _Lanes(self.width)
        return lanes

    def add(
        self, i: int, first: dt.date, last: dt.date, rank: int, words: frozenset[str], weight: float
    ) -> None:
        """Report `i` (MIN_SHARED words or more)."""
        rarity, high = self.rarity, self.width - 1
        same_month = (first.year, first.month) == (last.year, last.month)
        year = self.space(self.years, first.year)
        spaces = [year]
        if same_month:
            spaces.append(self.space(self.months, (first.year, first.month)))
        elif rank <= 1:
            spaces.append(self.space(self.wide, first.year))
        scale = _SHARES / weight * (1 + 1e-9)  # rounded up, so never under the true share
        shares = [(w, math.ceil(rarity[w] * scale)) for w in words]
        level = self.level(weight)
        for lanes in spaces:
            shift = lanes.lane(i)
            bit = 1 << shift
            top = bit << high
            lanes.every |= top
            counts, lane_shares = lanes.counts, lanes.shares
            for w, share in shares:
                counts[w] = counts.get(w, 0) | bit
                lane_shares[w] = lane_shares.get(w, 0) | share << shift
            lanes.level |= level << shift
            if lanes is year:
                if same_month:
                    year.months[first.month] |= top
                else:
                    year.wide |= top
            elif rank <= 1:  # a month's, or the wide days and weeks
                span = (first, last)
                lanes.spans[span] = lanes.spans.get(span, 0) | top

    def near(self, first: dt.date, last: dt.date, rank: int) -> list[tuple[_Lanes, int]]:
        """The lanes holding the reports of a date that may match the period's, and the top
        bits of those reports."""
        if rank == 4 and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            lanes = self.years.get(first.year)  # a year: what lies within it
            return [(lanes, lanes.every)] if lanes else []
        span = (first, last)
        if rank == 0:  # a day: the reports of that day (only days come before days)
            lanes = self.months.get((first.year, first.month))
            near = lanes.spans.get(span) if lanes else None
            return [(lanes, near)] if near else []
        out = []
        if rank == 1:  # a week or weekend: its days, its weekend or week, itself
            days = [first + dt.timedelta(days=d) for d in range((last - first).days + 1)]
            spans = [(d, d) for d in days] + [span, (days[-2], last), (last - _WEEK, last)]
            months = {(first.year, first.month), (last.year, last.month)}
            spaces = [self.months.get(month) for month in months]
            spaces += [self.wide.get(y) for y in range((last - _WEEK).year, last.year + 1)]
            for lanes in spaces:
                if lanes is not None:
                    near = 0
                    for key in spans:
                        near |= lanes.spans.get(key, 0)
                    if near:
                        out.append((lanes, near))
            return out
        if rank == 2:  # a month: what lies within it
            lanes = self.months.get((first.year, first.month))
            return [(lanes, lanes.every)] if lanes else []
        earliest = first - dt.timedelta(days=_EARLIER.get(rank, 366))
        for y in range(earliest.year, last.year + 1):
            lanes = self.years.get(y)
            if lanes is None:
                continue
            if first <= dt.date(y, 1, 1) and dt.date(y, 12, 31) <= last:
                near = lanes.every
            else:
                near = lanes.wide  # and the months of the period in that year
                lo = first.month if first.year == y else 1 if first.year < y else 13
                for m in range(lo, last.month + 1 if last.year == y else 13):
                    near |= lanes.months[m]
            if near:
                out.append((lanes, near))
        return out

    def best(
        self,
        first: dt.date,
        last: dt.date,
        rank: int,
        article_id: int,
        words: frozenset[str],
        weight: float,
    ) -> tuple[int, float]:
        """The report with the highest score (the earliest of equals) among those that may
        reach SAME_EVENT, and its score; (-1, 0.0) when none can. The event has MIN_SHARED
        words or more, weighing `weight`.

        A report scores its shared words' weight S over the lighter of the two weights. When
        that is the event's (the report is as heavy), S needs the event's words the report
        has to be many enough (S is at most that many of its heaviest) and to include those
        the event cannot lack; when it is the report's, the shares of its weight that the
        event's words have sum to S over it. Each level scores the reports these bounds let
        reach it."""
        best, best_score = -1, 0.0
        top = self.top
        found = []
        for lanes, near in self.near(first, last, rank):
            count = sum(filter(None, map(lanes.counts.get, words)))
            hits = (count + lanes.each(top - MIN_SHARED)) & near
            if hits:
                found.append((lanes, hits, count))
        if not found:
            return best, best_score
        rarity, reports, width = self.rarity, self.reports, self.width
        heaviest = [0.0]  # the weight of the event's n rarest words
        for r in sorted(map(rarity.__getitem__, words), reverse=True):
            heaviest.append(heaviest[-1] + r)

        def score(lanes: _Lanes, reach: int) -> None:
            """Score the reports in the lanes of `reach` (top bits); keep the best."""
            nonlocal best, best_score
            members = lanes.members
            while reach:
                b = reach.bit_length() - 1
                reach ^= 1 << b
                i = members[b // width]
                c = reports[i]
                shared = words & c.words
                whole = min(weight, c.weight)
                m = len(shared)
                if m < MIN_SHARED or heaviest[m] < best_score * whole * _SLACK:
                    continue  # cannot reach the best so far (nor tie with it)
                if article_id in c.articles or not (
                    (c.first <= first and last <= c.last) or (first <= c.first and c.last <= last)
                ):
                    continue
                s = sum(map(rarity.__getitem__, shared)) / max(whole, 1e-9)
                if s > best_score or (s == best_score and i < best):
                    best, best_score = i, s

        if rank < 3 and sum(hits.bit_count() for _, hits, _ in found) <= _FEW:
            for lanes, hits, _ in found:
                score(lanes, hits)
            return best, best_score
        low_level = self.level(weight * (1 - 1e-9))
        high_level = self.level(weight * (1 + 1e-9))
        prepared = []
        for lanes, hits, count in found:
            heavy = (lanes.level + lanes.each(top - low_level)) & hits  # as heavy as the event
            light = (lanes.level + lanes.each(top - high_level - 1)) & hits
            light ^= hits  # ... as light
            share = sum(filter(None, map(lanes.shares.get, words))) if light else 0
            prepared.append([lanes, heavy, light, count, share, 0])  # 0: the lanes scored
        levels = iter(_LEVELS)
        level = next(levels)
        high, k = width - 1, len(words)
        while True:
            limit = level * weight * _SLACK  # the least S can be to reach the level
            least = MIN_SHARED  # of the event's words, to weigh `limit`
            while least < k and heaviest[least] < limit:
                least += 1
            part = math.ceil(_SHARES * level * _SLACK)  # the least share sum that reaches it
            needed = None
            for space in prepared:
                lanes, heavy, light, count, share, seen = space
                if heavy:
                    heavy &= count + lanes.each(top - least)
                    if needed is None:  # the words it cannot lack
                        needed = [w for w in words if weight - rarity[w] < limit]
                    for w in needed:
                        heavy &= lanes.counts.get(w, 0) << high
                if light:
                    light &= share + lanes.each(top - part)
                reach = heavy | light
                reach ^= reach & seen
                if reach:
                    space[5] = seen | reach
                    score(lanes, reach)
            if best_score >= level:
                break
            # Whatever beats the best so far reaches its score: one more level finds it all.
            level = best_score if best_score >= SAME_EVENT else next(levels, None)
            if level is None:
                break
        return best, best_score
