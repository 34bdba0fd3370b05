"""One resolver per rule name: a rule's match, in its document's context, becomes a TIMEX3
(type, value, day), or None when the match names no time after all."""

from __future__ import annotations

import re
from collections.abc import Callable

from store.analysis.dates import absolute, durations, relative
from store.analysis.dates.context import Context, Result

Resolver = Callable[[re.Match[str], Context], Result]

RESOLVERS: dict[str, Resolver] = {**absolute.RESOLVERS, **relative.RESOLVERS, **durations.RESOLVERS}


def resolve(name: str, m: re.Match[str], ctx: Context) -> Result:
    """The value of rule `name`'s match `m`; it may update `ctx` for later mentions."""
    return RESOLVERS[name](m, ctx)
