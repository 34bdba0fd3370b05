"""Which earlier report an event of a combined timeline joins: the best-scoring one, found
without scoring every report that could match.

The rule (`combine_reports`): an event joins the report, among those of a compatible date
from other articles sharing MIN_SHARED content words, whose shared words weigh most as a
share of the lighter of the two, if that share reaches SAME_EVENT; ties go to the earliest
report. In a big library a year's event has a hundred such reports or more, and most of them
reach SAME_EVENT: scoring each costs seconds. Here the reports sharing MIN_SHARED words are
found with a bit per report (`_Lanes`); when they are many, bounds on the share computed for
all of them at once leave the few that may still be the best to score.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

SAME_EVENT = 0.15  # weighted share of content words two reports of one event have in common
MIN_SHARED = 3

# An event to combine: (rank, last day, article id, start, position given, first day, event,
# content words); sorted, they come precise dates first, each date in the order given.
Item = tuple[int, dt.date, int, int, int, dt.date, object, frozenset[str]]

# The shares an event's best match is looked for at, highest first: the higher the share, the
# fewer reports can reach it. Most events of one story share 0.8 and more with their best
# match, so most searches end at the first.
_LEVELS = (0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, SAME_EVENT)
_SLACK = 1 - 1e-9  # a hair under each bound, so rounding cannot hide a match
_FEW = 16  # reports sharing MIN_SHARED words few enough to score without bounds
_SHARES = 100  # a report's weight, in the shares its words have of it
_BLOCK = 64  # lanes made at a time
_EVERY = -1  # the period of every report in `_Lanes` (others: a month, 0 for none, a span)
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


_GRID = 2.0**40


def rarities(events_having: Mapping[str, int]) -> dict[str, float]:
    """Each word's weight: 1 / the number of events having it, rounded to a multiple of 2**-40.
    A sum of such weights (below 2**13) is exact in floating point, so the same in whatever
    order a set gives its words; with 1 / n itself, the order a process draws at random
    (PYTHONHASHSEED) changed a sum's last bit, and a tie between two reports with it."""
    return {w: round(_GRID / n) / _GRID for w, n in events_having.items()}


def combine_reports(items: list[Item], rarity: dict[str, float]) -> list[Report]:
    """The reports sorted `items` form, in the order they were formed, each event's words
    weighted by `rarity` (of `rarities`)."""
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
    """The reports of a year or a month (by lane), each with a bit in the masks of its words
    and periods, and on demand side by side in ints, `width` bits each (a lane), so that one
    addition works on every report: adding the ints of an event's words counts in each lane
    how many of them that report has, or sums their shares of its weight; adding a constant
    to every lane and keeping each lane's top bit tells which lanes hold at least some value.

    An int is a new copy at every change: a report put in goes to the lists (`posts`) of its
    words and periods, and their lane ints are brought up to date when an event needs them,
    with every report put in since (most words of a year are read long after its days come).
    Lanes are made _BLOCK at a time, so a constant for every lane serves many events."""

    __slots__ = ("members", "width", "ones", "times", "bits", "posts", "built", "stale",
                 "ints", "shares")  # fmt: skip

    def __init__(self, width: int) -> None:
        self.members: list[int] = []  # report index by lane
        self.width = width
        self.ones = 0  # 1 in every lane made
        self.times: dict[int, int] = {}  # n -> n in every lane made
        self.bits: dict[object, int] = {}  # word or period -> bit `lane` of its reports
        # ... -> `lane << width | value` for each report having it, in lane order: the value
        # is the word's share of the report's weight (of _SHARES), or the period's top bit
        self.posts: defaultdict[object, list[int]] = defaultdict(list)
        self.built: dict[object, int] = {}  # ... how many of those are in the lane ints
        self.stale: set[object] = set()  # words and periods with posts not in their ints
        self.ints: dict[object, int] = {}  # word -> 1 in the lanes having it; period -> top bit
        self.shares: dict[str, int] = {}  # word -> its share in the lanes having it

    def put(self, i: int, words, shares: list[tuple[str, int]], periods: tuple) -> None:
        """Report `i` in a new lane, with its words, their shares and its `periods`."""
        lane = len(self.members)
        self.members.append(i)
        width = self.width
        if lane * width >= self.ones.bit_length():
            lanes = lane + _BLOCK
            self.ones = ((1 << lanes * width) - 1) // ((1 << width) - 1)
            self.times.clear()
        bit, code = 1 << lane, lane << width
        bits, posts = self.bits, self.posts
        for key, value in shares:
            bits[key] = bits.get(key, 0) | bit
            posts[key].append(code | value)
        code |= 1 << (width - 1)  # a period's value: the top bit
        for key in periods:
            bits[key] = bits.get(key, 0) | bit
            posts[key].append(code)
        self.stale.update(words, periods)

    def fresh(self, keys) -> None:
        """Bring the lane ints of `keys` up to date with their posts."""
        width, ints, shares, posts, built = (
            self.width, self.ints, self.shares, self.posts, self.built)  # fmt: skip
        mask = (1 << width) - 1
        for key in self.stale.intersection(keys):
            self.stale.discard(key)
            post = posts[key]
            new = post[built.get(key, 0) :]
            built[key] = len(post)
            count, share = 0, 0
            if width == 8 and len(new) > 8:  # whole bytes: one int from them
                low = new[0] >> 8
                size = (new[-1] >> 8) - low + 1
                counts, values = bytearray(size), bytearray(size)
                for code in new:
                    counts[(code >> 8) - low] = 1
                    values[(code >> 8) - low] = code & 0xFF
                count = int.from_bytes(counts, "little") << low * 8
                share = int.from_bytes(values, "little") << low * 8
            else:
                for code in new:
                    shift = (code >> width) * width
                    count |= 1 << shift
                    share |= (code & mask) << shift
            if isinstance(key, str):
                ints[key] = ints.get(key, 0) | count
                shares[key] = shares.get(key, 0) | share
            else:
                ints[key] = ints.get(key, 0) | share  # a period: the top bits

    def each(self, n: int) -> int:
        """`n` in every lane."""
        value = self.times.get(n)
        if value is None:
            value = self.times[n] = n * self.ones
        return value


class _Index:
    """The reports formed so far (by index), in lanes: per year (the year they begin), per
    month (those within one), and per year again for the days and weeks within no one month
    (a week across two); those with fewer than MIN_SHARED words match nothing and are left
    out.

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

    def space(self, table: dict, key) -> _Lanes:
        """The lanes of `key` in `table`, made when first needed."""
        lanes = table.get(key)
        if lanes is None:
            lanes = table[key] = _Lanes(self.width)
        return lanes

    def add(
        self, i: int, first: dt.date, last: dt.date, rank: int, words: frozenset[str], weight: float
    ) -> None:
        """Report `i` (MIN_SHARED words or more)."""
        rarity = self.rarity
        scale = _SHARES / weight * (1 + 1e-9)  # rounded up, so never under the true share
        shares = [(w, math.ceil(rarity[w] * scale)) for w in words]
        same_month = (first.year, first.month) == (last.year, last.month)
        # A year's lanes: by month (0 for none) for quarters and halves, all for years.
        self.space(self.years, first.year).put(i, words, shares, (_EVERY, first.month * same_month))
        periods = ((first, last),) if rank <= 1 else ()  # days and weeks, for days and weeks
        if same_month:
            month = self.space(self.months, (first.year, first.month))
            month.put(i, words, shares, (_EVERY, *periods))
        elif rank <= 1:
            self.space(self.wide, first.year).put(i, words, shares, periods)

    def near(self, first: dt.date, last: dt.date, rank: int) -> list[tuple[_Lanes, list]]:
        """The lanes holding the reports of a date that may match the period's, and the
        periods of those reports."""
        if rank == 4 and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            lanes = self.years.get(first.year)  # a year: what lies within it
            return [(lanes, [_EVERY])] if lanes else []
        span = (first, last)
        if rank == 0:  # a day: the reports of that day (only days come before days)
            lanes = self.months.get((first.year, first.month))
            return [(lanes, [span])] if lanes else []
        if rank == 1:  # a week or weekend: its days, its weekend or week, itself
            days = [first + dt.timedelta(days=d) for d in range((last - first).days + 1)]
            spans = [(d, d) for d in days] + [span, (days[-2], last), (last - _WEEK, last)]
            months = {(first.year, first.month), (last.year, last.month)}
            spaces = [self.months.get(month) for month in months]
            spaces += [self.wide.get(y) for y in range((last - _WEEK).year, last.year + 1)]
            return [(lanes, spans) for lanes in spaces if lanes is not None]
        if rank == 2:  # a month: what lies within it
            lanes = self.months.get((first.year, first.month))
            return [(lanes, [_EVERY])] if lanes else []
        out = []
        earliest = first - dt.timedelta(days=_EARLIER.get(rank, 366))
        for y in range(earliest.year, last.year + 1):
            lanes = self.years.get(y)
            if lanes is not None:
                if first <= dt.date(y, 1, 1) and dt.date(y, 12, 31) <= last:
                    out.append((lanes, [_EVERY]))
                else:  # within no one month, and the months of the period in that year
                    lo = first.month if first.year == y else 1 if first.year < y else 13
                    out.append((lanes, [0, *range(lo, last.month + 1 if last.year == y else 13)]))
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

        A report scores its shared words' weight S over the lighter of the two weights. If
        that is the event's, S needs the event's words the report has to be many enough (S is
        at most that many of its heaviest) and to include those the event cannot lack; if it
        is the report's, the shares of its weight that the event's words have sum to S over
        it. Each level scores the reports that one of these bounds lets reach it."""
        best, best_score = -1, 0.0
        rarity, reports, width, top = self.rarity, self.reports, self.width, self.top
        heaviest: list[float] = []  # the weight of the event's n rarest words

        def score(i: int) -> None:
            """Score report `i`, if it can reach the best so far; keep the best."""
            nonlocal best, best_score
            c = reports[i]
            shared = words & c.words
            whole = min(weight, c.weight)
            m = len(shared)
            if m < MIN_SHARED or heaviest[m] < best_score * whole * _SLACK:
                return  # cannot reach the best so far (nor tie with it)
            if article_id in c.articles or not (
                (c.first <= first and last <= c.last) or (first <= c.first and c.last <= last)
            ):
                return
            s = sum(map(rarity.__getitem__, shared)) / max(whole, 1e-9)
            if s > best_score or (s == best_score and i < best):
                best, best_score = i, s

        found = []
        for lanes, periods in self.near(first, last, rank):
            bits = lanes.bits
            near = 0
            for key in periods:
                near |= bits.get(key, 0)
            have = list(filter(bits.__contains__, words))  # the event's words reports have
            if not near or len(have) < MIN_SHARED:
                continue
            # Counting to three in bits: `twos` has the reports met in two masks so far,
            # `threes` in three.
            ones = twos = threes = 0
            for m in map(bits.__getitem__, have):
                threes |= twos & m
                twos |= ones & m
                ones |= m
            hits = threes & near
            if not hits:
                continue
            if not heaviest:
                heaviest.append(0.0)
                for r in sorted(map(rarity.__getitem__, words), reverse=True):
                    heaviest.append(heaviest[-1] + r)
            if hits.bit_count() <= _FEW:
                members = lanes.members
                while hits:
                    b = hits.bit_length() - 1
                    hits ^= 1 << b
                    score(members[b])
                continue
            if lanes.stale:
                lanes.fresh((*have, *periods))
            ints = lanes.ints
            count = sum(map(ints.__getitem__, have))
            near = 0
            for key in periods:
                near |= ints.get(key, 0)
            hits = (count + lanes.each(top - MIN_SHARED)) & near
            share = sum(map(lanes.shares.__getitem__, have))
            found.append([lanes, hits, count, share, 0])  # 0: the lanes scored
        if not found:
            return best, best_score
        levels = iter(_LEVELS)
        level = next(levels)
        high, k = width - 1, len(words)
        while True:
            limit = level * weight * _SLACK  # the least S can be to reach the level
            least = MIN_SHARED  # of the event's words, to weigh `limit`
            while least < k and heaviest[least] < limit:
                least += 1
            needed = [w for w in words if weight - rarity[w] < limit]  # nor can it lack these
            part = math.ceil(_SHARES * level * _SLACK)  # the least sum of shares to reach it
            for space in found:
                lanes, hits, count, share, seen = space
                reach = hits & (count + lanes.each(top - least))  # if the event is lighter
                for w in needed:
                    reach &= lanes.ints.get(w, 0) << high
                reach |= hits & (share + lanes.each(top - part))  # ... if the report is
                reach ^= reach & seen
                if reach:
                    space[4] = seen | reach
                    members = lanes.members
                    while reach:
                        b = reach.bit_length() - 1
                        reach ^= 1 << b
                        score(members[b // width])
            if best_score >= level:
                break
            # Whatever beats the best so far reaches its score: one more level finds it all.
            level = best_score if best_score >= SAME_EVENT else next(levels, None)
            if level is None:
                break
        return best, best_score
