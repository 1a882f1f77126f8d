"""An actor's arc: their events and role changes in story order, each step made when asked.

An actor of a long story takes part in thousands of events (12,000 at 100,000 events); the arc
pane shows a dozen of them at a time. So an arc holds the actor's events as the story gives them
(already in story order) and places the few role changes among them by bisection: following an
actor costs their role changes, and a step is made when a row is drawn.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from story.lazy import LazySequence
from story.model import Event, Role

ArcKey = tuple[int, int, int, int, int, int]
"""A step's place in an arc: its moment (see `story.moments`), then 0 for an event and 1 for a
role taken or left at that moment (after the event that marks it)."""


@dataclass(frozen=True, slots=True)
class ArcStep:
    """One step of an actor's arc: an event they take part in, or a role they take or leave."""

    date: str
    event: Event | None
    role: Role | None
    starts: bool
    """For role steps: True when the role begins on `date`, False when it ends."""
    time: str | None
    """For role steps: when on `date` the role begins or ends, when the story says."""
    key: ArcKey
    """Its place in story order (see `Saga.arc_key`)."""


class Computed(LazySequence[ArcKey]):
    """`length` keys, the one at `index` computed by `key_at(index)` when asked (for
    `bisect`, which looks at a few of them)."""

    def __init__(self, length: int, key_at: Callable[[int], ArcKey]) -> None:
        self._length = length
        self._key_at = key_at

    def __len__(self) -> int:
        return self._length

    def _item(self, index: int) -> ArcKey:
        return self._key_at(index)


def keyed(events: Sequence[Event], key_of: Callable[[Event], ArcKey]) -> Computed:
    """The keys of a sequence of events, each computed when asked."""
    return Computed(len(events), lambda index: key_of(events[index]))


class Arc(LazySequence[ArcStep]):
    """An actor's steps in story order: `events` (in story order, their keys rising) with
    `roles` (role steps) placed among them; the same steps, in the same order, as sorting all
    of them by key (a stable sort: role steps at the same moment keep their order)."""

    def __init__(
        self,
        events: Sequence[Event],
        roles: Sequence[ArcStep],
        key_of: Callable[[Event], ArcKey],
    ) -> None:
        self._events = events
        self._key_of = key_of
        self._roles = sorted(roles, key=lambda step: step.key)
        keys = keyed(events, key_of)
        # An event's key ends in 0 and a role's in 1: they are never equal.
        self._events_before = [bisect_right(keys, role.key) for role in self._roles]
        """For each role step, how many events come before it."""
        self._role_at = [before + index for index, before in enumerate(self._events_before)]
        """For each role step, its place in the arc."""

    def __len__(self) -> int:
        return len(self._events) + len(self._roles)

    def _find(self, index: int) -> tuple[int, bool]:
        """Step `index` (0 <= index < len): (its number among the role steps, True) or (its
        number among the events, False)."""
        role = bisect_left(self._role_at, index)
        if role < len(self._roles) and self._role_at[role] == index:
            return role, True
        return index - role, False

    def _item(self, index: int) -> ArcStep:
        number, is_role = self._find(index)
        if is_role:
            return self._roles[number]
        event = self._events[number]
        return ArcStep(event.date, event, None, True, None, self._key_of(event))

    def __iter__(self) -> Iterator[ArcStep]:
        roles = iter(zip(self._events_before, self._roles, strict=True))
        pending = next(roles, None)
        for number, event in enumerate(self._events):
            while pending is not None and pending[0] == number:
                yield pending[1]
                pending = next(roles, None)
            yield ArcStep(event.date, event, None, True, None, self._key_of(event))
        while pending is not None:
            yield pending[1]
            pending = next(roles, None)

    def key(self, index: int) -> ArcKey:
        """The key of step `index` (without making the step)."""
        number, is_role = self._find(self._index(index))
        return self._roles[number].key if is_role else self._key_of(self._events[number])

    @property
    def keys(self) -> Sequence[ArcKey]:
        """Every step's key, in order, each computed when asked (for `bisect`)."""
        return Computed(len(self), self.key)

    def index_of_event(self, event: Event) -> int | None:
        """Where `event` is in the arc, or None when the actor is not in it."""
        number = bisect_left(keyed(self._events, self._key_of), self._key_of(event))
        if number < len(self._events) and self._events[number].id == event.id:
            return number + bisect_right(self._events_before, number)
        return None

    def row_id(self, index: int) -> str:
        """Step `index`'s id: its event's, or "role-N" (N its place)."""
        index = self._index(index)
        number, is_role = self._find(index)
        return f"role-{index}" if is_role else self._events[number].id

    def row_ids(self) -> list[str]:
        """An id for each step, in order: the event's id, or "role-N" (N its place)."""
        ids = [event.id for event in self._events]
        for at in self._role_at:  # rising: each goes where it will stay
            ids.insert(at, f"role-{at}")
        return ids
