"""A loaded, validated story and the queries the UI asks of it.

Indexes are built once at load time so that every query the UI makes on a key press is a dict
look-up or a walk of one day's events, whatever the story's size.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from story.arc import Arc, keyed
from story.arc import ArcKey as ArcKey  # re-exported: the arc's types are part of the saga's API
from story.arc import ArcStep as ArcStep
from story.dates import date_sort_key, is_full_day, parse_day, time_sort_key
from story.lesson import Lesson
from story.model import (
    Act,
    Actor,
    Beat,
    Event,
    Note,
    Perspective,
    Role,
    Script,
    Source,
    StoryInfo,
)
from story.moments import (
    EventPlace,
    MomentKey,
    RoleSpan,
    at_time,
    day_end,
    event_key,
    resolve,
)
from story.timeline import holders_by_day

BACKGROUND = "background"
"""The id of the day that gathers every event before the story's focus."""
OrderKey = tuple[tuple[int, int, int], int, int]


def ordered(events: tuple[Event, ...]) -> list[tuple[OrderKey, Event]]:
    """Events with their story-order key: date, minutes after midnight, reading position. An
    event without a time takes the minutes of the event before it in the author's files on the
    same date, so it stays after it (the author's narrative order)."""
    last_time: dict[str, int] = {}
    day_keys: dict[str, tuple[int, int, int]] = {}  # many events share a date, and a time
    time_keys: dict[str, int] = {}
    keyed = []
    for position, event in enumerate(events):
        date, time = event.date, event.time
        if time:
            minutes = time_keys.get(time)
            if minutes is None:
                minutes = time_keys[time] = time_sort_key(time)
        else:
            minutes = last_time.get(date, -1)
        last_time[date] = minutes
        day = day_keys.get(date)
        if day is None:
            day = day_keys[date] = date_sort_key(date)
        keyed.append(((day, minutes, position), event))
    return sorted(keyed, key=lambda pair: pair[0])


def story_order(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Events by date, then time, then the author's order (see `ordered`)."""
    return tuple(event for _, event in ordered(events))


@dataclass(frozen=True, slots=True)
class Day:
    """A stop on the strip of days: one calendar day, or the background before the focus."""

    id: str
    """"background" or the ISO date."""
    events: tuple[Event, ...]

    @property
    def is_background(self) -> bool:
        return self.id == BACKGROUND


@dataclass(frozen=True, slots=True)
class ActorRole:
    """A role together with the actor who holds it."""

    actor: Actor
    role: Role


@dataclass(eq=False)
class Saga:
    """The whole story, validated, with indexes for the UI."""

    info: StoryInfo
    sources: dict[str, Source]
    actors: dict[str, Actor]
    events: tuple[Event, ...]
    """Every event in story order: date, then time, then reading order."""
    script: Script | None
    perspectives: tuple[Perspective, ...]
    notes: tuple[Note, ...]
    lesson: Lesson | None = None
    """Discussion questions and the quiz, when the story has them."""
    event_by_id: dict[str, Event] = field(init=False)
    days: tuple[Day, ...] = field(init=False)
    day_by_id: dict[str, Day] = field(init=False)
    position_of_day: dict[str, int] = field(init=False)
    day_of_event: dict[str, str] = field(init=False)
    position_of_event: dict[str, int] = field(init=False)
    events_of_actor: dict[str, tuple[Event, ...]] = field(init=False)
    event_places: EventPlace = field(init=False)
    """Each event with its minutes in story order and its position: its moment."""
    role_spans: dict[str, tuple[RoleSpan, ...]] = field(init=False)
    """Each actor's roles, both ends resolved to moments."""

    def __post_init__(self) -> None:
        keyed = ordered(self.events)
        self.events = tuple(event for _, event in keyed)
        self.event_by_id = {event.id: event for event in self.events}
        self.position_of_event = {event.id: index for index, event in enumerate(self.events)}
        self.event_places = {
            event.id: (event, key[1], index) for index, (key, event) in enumerate(keyed)
        }
        self.role_spans = {
            actor.id: tuple(resolve(role, self.event_places) for role in actor.roles)
            for actor in self.actors.values()
        }
        grouped: dict[str, list[Event]] = defaultdict(list)
        focus = self.info.focus_from
        for event in self.events:
            day = event.date if is_full_day(event.date) else BACKGROUND
            if focus is not None and event.date < focus:
                day = BACKGROUND
            grouped[day].append(event)
        order = sorted(grouped, key=lambda day: "" if day == BACKGROUND else day)
        self.days = tuple(Day(day, tuple(grouped[day])) for day in order)
        self.day_by_id = {day.id: day for day in self.days}
        self.position_of_day = {day.id: index for index, day in enumerate(self.days)}
        self.day_of_event = {event.id: day.id for day in self.days for event in day.events}
        by_actor: dict[str, list[Event]] = defaultdict(list)
        for event in self.events:
            for actor_id in dict.fromkeys(event.actors):
                by_actor[actor_id].append(event)
        self.events_of_actor = {actor: tuple(events) for actor, events in by_actor.items()}

    # Days and events -------------------------------------------------------------------------

    def day_index(self, day_id: str) -> int:
        """Position of a day on the strip (a look-up: the power strip asks on every key)."""
        return self.position_of_day[day_id]

    def day_date(self, day: Day) -> str:
        """The ISO day that stands for a day in role queries: the background ends on the eve of
        the focus (or with its last event)."""
        if not day.is_background:
            return day.id
        if self.info.focus_from is not None:
            return (parse_day(self.info.focus_from) - timedelta(days=1)).isoformat()
        last = day.events[-1].date if day.events else "0001"
        return (last + "-12-31"[len(last) - 4 :])[:10]

    def next_event(self, event_id: str, step: int) -> Event | None:
        """The event `step` places away in story order, across days, or None at either end."""
        position = self.position_of_event[event_id] + step
        if 0 <= position < len(self.events):
            return self.events[position]
        return None

    # Actors and roles ------------------------------------------------------------------------

    def moment_of(self, event: Event) -> MomentKey:
        """An event's moment (untimed events sit where story order puts them)."""
        _, minutes, position = self.event_places[event.id]
        return event_key(event, minutes, position)

    def spans_on(self, actor_id: str, day: str, time: str | None = None) -> tuple[RoleSpan, ...]:
        """The roles `actor_id` holds at some moment of the ISO `day` (or at `time` that day),
        with their resolved ends."""
        spans = self.role_spans.get(actor_id, ())
        if time is None:
            return tuple(span for span in spans if span.held_during(day))
        key = at_time(day, time)
        return tuple(span for span in spans if span.held_at(key))

    def roles_on(self, actor_id: str, day: str, time: str | None = None) -> tuple[Role, ...]:
        """The roles `actor_id` holds on the ISO `day`, at any moment of it or at `time`."""
        return tuple(span.role for span in self.spans_on(actor_id, day, time))

    def roles_at(self, actor_id: str, event: Event) -> tuple[Role, ...]:
        """The roles to show beside an actor in an event: those held at its moment, including a
        role the event ends (Altman is still CEO in the event that fires him).

        A role without a start date means "held since before the story's focus, from a date the
        sources do not give": in a background event it would be a guess (Altman was not CEO in
        2015), so there only roles with a known start are shown.
        """
        if not is_full_day(event.date):
            return ()
        key = self.moment_of(event)
        spans = tuple(span for span in self.role_spans.get(actor_id, ()) if span.held_at(key))
        if self.day_of_event.get(event.id) == BACKGROUND:
            spans = tuple(span for span in spans if span.start is not None)
        return tuple(span.role for span in spans)

    def holders(
        self,
        positions: tuple[str, ...],
        org: str,
        day: str,
        time: str | None = None,
        *,
        at_end: bool = False,
    ) -> tuple[ActorRole, ...]:
        """Who holds one of `positions` at `org` on `day`, in the order they took it: everyone
        who held it at some moment of the day (several, on a day of change), or only at `time`,
        or only at the end of the day (`at_end`)."""
        key = day_end(day) if at_end else at_time(day, time) if time is not None else None
        found = [
            (span.start_key(), ActorRole(actor, span.role))
            for actor in self.actors.values()
            for span in self.role_spans.get(actor.id, ())
            if span.role.org == org
            and span.role.position in positions
            and (span.held_during(day) if key is None else span.held_at(key))
        ]
        return tuple(holder for _, holder in sorted(found, key=lambda pair: pair[0]))

    def seat_holders(self, day: str, time: str | None = None) -> tuple[ActorRole, ...]:
        """Who holds the top seat the story's power strip follows on `day` (or at `time` that
        day): OpenAI's CEO or interim CEO in the saga; nobody without a `power`. A day of the
        story is looked up (`seat_by_day`), any other moment computed."""
        power = self.info.power
        if power is None:
            return ()
        if time is None and day in self.seat_by_day:
            return self.seat_by_day[day]
        return self.holders(power.seat, power.org, day, time)

    @cached_property
    def seat_by_day(self) -> dict[str, tuple[ActorRole, ...]]:
        """The seat's holders on every day of the story (`day_date` of each day), found in one
        sweep (`story.timeline`) the first time a day is asked: the strip of days asks for
        them all."""
        power = self.info.power
        if power is None:
            return {}
        spans = self._spans_of(power.seat, power.org)
        return holders_by_day(spans, (self.day_date(day) for day in self.days))

    def body_size(self, day: str) -> int:
        """How many sit on the body the story's power strip counts at the end of `day` (0
        without one)."""
        power = self.info.power
        if power is None or not power.body:
            return 0
        if day in self.body_by_day:
            return self.body_by_day[day]
        return len(self.holders(power.body, power.org, day, at_end=True))

    @cached_property
    def body_by_day(self) -> dict[str, int]:
        """The body's size at the end of every day of the story, in one sweep (the power
        strip shows it for every day: 8,328 calls of `holders` at 100,000 events, 1.6 s)."""
        power = self.info.power
        if power is None or not power.body:
            return {}
        dates = (self.day_date(day) for day in self.days)
        spans = self._spans_of(power.body, power.org)
        return {day: len(held) for day, held in holders_by_day(spans, dates, at_end=True).items()}

    def _spans_of(self, positions: tuple[str, ...], org: str) -> list[tuple[ActorRole, RoleSpan]]:
        """Every span of `positions` at `org`, actor by actor, as `holders` walks them."""
        return [
            (ActorRole(actor, span.role), span)
            for actor in self.actors.values()
            for span in self.role_spans.get(actor.id, ())
            if span.role.org == org and span.role.position in positions
        ]

    def cast_of(self, day: Day) -> tuple[Actor, ...]:
        """The actors on stage on a day: everyone named by its events, in order of appearance."""
        seen = dict.fromkeys(actor for event in day.events for actor in event.actors)
        return tuple(self.actors[actor] for actor in seen if actor in self.actors)

    def arc(self, actor_id: str) -> tuple[ArcStep, ...]:
        """An actor's events and role changes across the whole saga, in story order: a role
        taken or left on a day without a time comes before (taken) or after (left) that day's
        events; at a time, or with an event, it falls at that moment, after the event."""
        return tuple(self.arc_steps(actor_id))

    def arc_steps(self, actor_id: str) -> Arc:
        """`arc`, each step made when asked (`story.arc.Arc`): what the arc pane lists."""
        roles = [
            ArcStep(bound.date, None, span.role, starts, bound.time, (*bound.key, 1))
            for span in self.role_spans.get(actor_id, ())
            for bound, starts in ((span.start, True), (span.end, False))
            if bound is not None
        ]
        return Arc(self.events_of_actor.get(actor_id, ()), roles, self.moment_key)

    def arc_key(self, step: ArcStep) -> ArcKey:
        """Where a step falls in story order."""
        return step.key

    def moment_key(self, event: Event) -> ArcKey:
        """An event's place in story order, comparable with `arc_key` (to find where the
        moment on screen falls in an arc)."""
        return (*self.moment_of(event), 0)

    def first_event_at(self, key: ArcKey) -> Event | None:
        """The first event of the story at or after the moment `key` (None: after the last)."""
        index = bisect_left(keyed(self.events, self.moment_key), key)
        return self.events[index] if index < len(self.events) else None

    # The script ------------------------------------------------------------------------------

    @cached_property
    def acts_of_event(self) -> dict[str, tuple[tuple[Act, Beat], ...]]:
        """For each event, the script beats that echo or contradict it."""
        found: dict[str, list[tuple[Act, Beat]]] = defaultdict(list)
        for act in self.script.acts if self.script else ():
            for beat in act.beats:
                for event_id in beat.events:
                    found[event_id].append((act, beat))
        return {event: tuple(pairs) for event, pairs in found.items()}

    def act(self, act_id: str) -> Act | None:
        """An act of the script by id."""
        acts = self.script.acts if self.script else ()
        return next((act for act in acts if act.id == act_id), None)

    # Everything else -------------------------------------------------------------------------

    def notes_about(self, event_id: str) -> tuple[Note | Perspective, ...]:
        """Teacher notes and perspectives that concern an event."""
        items: tuple[Note | Perspective, ...] = (*self.notes, *self.perspectives)
        return tuple(item for item in items if event_id in item.events)
