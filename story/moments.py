"""Moments in story order, and roles placed between two of them.

A role may end on a day ("to: 2023-11-16", the whole day), at a time of day ("to_time: 12:00") or
with an event ("to_event: altman-fired", whose date and time are the moment). To compare all of
these with one another and with events, each is turned into a `MomentKey`: the date's sort key,
minutes after midnight, and a tie-break by story position (events at the same time of day keep
their reading order; an explicit time comes before the events at that minute).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from story.dates import date_sort_key, time_sort_key
from story.model import Event, Role

MomentKey = tuple[int, int, int, int, int]
"""(year, month, day, minutes after midnight, story position); comparable as a tuple."""

DAY_START = -2
"""Minutes of a moment that stands for the very start of a day (before any event)."""
DAY_END = 24 * 60 + 1
"""Minutes of a moment that stands for the very end of a day (after any event)."""
LAST = 1 << 30
"""Story position after every event."""
UNTIMED = -1
"""Story position of an explicit time: before the events at that same minute."""


def start_of(date: str) -> tuple[int, int, int]:
    """The earliest day a (possibly coarse) date covers, as a sort key."""
    return date_sort_key(date)


def end_of(date: str) -> tuple[int, int, int]:
    """The latest day a (possibly coarse) date covers ("2019" runs to its last day)."""
    parts = [int(part) for part in date.split("-")] + [99, 99]
    return parts[0], parts[1], parts[2]


def day_start(date: str) -> MomentKey:
    """The first moment of a day (or of a month or year)."""
    return (*start_of(date), DAY_START, UNTIMED)


def day_end(date: str) -> MomentKey:
    """The last moment of a day (or of a month or year)."""
    return (*end_of(date), DAY_END, LAST)


def at_time(date: str, time: str) -> MomentKey:
    """A time of day on a full day, placed before the events at that same minute."""
    return (*start_of(date), time_sort_key(time), UNTIMED)


@dataclass(frozen=True, slots=True)
class Bound:
    """One end of a role as readers are told it: a date, maybe a time, and its sort key."""

    date: str
    time: str | None
    key: MomentKey
    event: str | None = None
    """The event that marks it, when the role starts or ends with one."""


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role with both ends resolved to moments (None: open)."""

    role: Role
    start: Bound | None
    end: Bound | None

    def held_at(self, key: MomentKey) -> bool:
        """Whether the role is held at a moment (both ends included: the event that ends a
        role still shows it, the event that starts one already does)."""
        return (self.start is None or self.start.key <= key) and (
            self.end is None or key <= self.end.key
        )

    def held_during(self, date: str) -> bool:
        """Whether the role is held at any moment of a day."""
        return (self.start is None or self.start.key <= day_end(date)) and (
            self.end is None or day_start(date) <= self.end.key
        )

    def start_key(self) -> MomentKey:
        """For sorting holders: an open start comes first."""
        return self.start.key if self.start is not None else (0, 0, 0, DAY_START, UNTIMED)


EventPlace = Mapping[str, tuple[Event, int, int]]
"""For each event id: the event, its minutes in story order, its story position."""


def event_key(event: Event, minutes: int, position: int) -> MomentKey:
    """An event's moment."""
    return (*start_of(event.date), minutes, position)


def resolve(role: Role, places: EventPlace) -> RoleSpan:
    """A role's span; an event it names that is unknown leaves that end open (`validate` has
    reported it already)."""
    return RoleSpan(role, _bound(role, places, starts=True), _bound(role, places, starts=False))


def _bound(role: Role, places: EventPlace, *, starts: bool) -> Bound | None:
    event_id = role.start_event if starts else role.end_event
    if event_id is not None and event_id in places:
        event, minutes, position = places[event_id]
        return Bound(event.date, event.time, event_key(event, minutes, position), event_id)
    date = role.start if starts else role.end
    time = role.start_time if starts else role.end_time
    if date is None:
        return None
    if time is not None:
        return Bound(date, time, at_time(date, time))
    return Bound(date, None, day_start(date) if starts else day_end(date))
