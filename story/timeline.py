"""Who holds a role on each of many days, in one sweep over the days and the roles.

`Saga.holders` answers one day by walking every role of every actor: the strip of days asked it
once a day (8,328 days at 100,000 events: 8.6 s). Here the days and the role spans are sorted
once and swept together: a span joins the holders on the first day it is held, leaves after
the last, so each span is looked at twice whatever the number of days.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import TypeVar

from story.dates import is_full_day
from story.moments import MomentKey, RoleSpan, day_end, day_start

Holder = TypeVar("Holder")


def holders_by_day(
    spans: Sequence[tuple[Holder, RoleSpan]], dates: Iterable[str], *, at_end: bool = False
) -> dict[str, tuple[Holder, ...]]:
    """For each full ISO day of `dates`: the holders of the spans held at some moment of that
    day (`RoleSpan.held_during`), or only at its end (`at_end`: `held_at(day_end(date))`), in
    the order they took their role, ties in the order given, as `Saga.holders` sorts them.
    Dates that are not full days are left out."""
    start_keys = [span.start_key() for _, span in spans]
    order = sorted(range(len(spans)), key=lambda index: (start_keys[index], index))
    ending: list[tuple[MomentKey, int]] = []
    active: set[int] = set()
    found: dict[str, tuple[Holder, ...]] = {}
    joined = 0
    for date in sorted({date for date in dates if is_full_day(date)}):
        last = day_end(date)
        first = last if at_end else day_start(date)
        while joined < len(order) and start_keys[order[joined]] <= last:
            index = order[joined]
            active.add(index)
            end = spans[index][1].end
            if end is not None:
                heapq.heappush(ending, (end.key, index))
            joined += 1
        while ending and ending[0][0] < first:
            active.discard(heapq.heappop(ending)[1])
        ranked = sorted(active, key=lambda index: (start_keys[index], index))
        found[date] = tuple(spans[index][0] for index in ranked)
    return found
