"""A loaded, validated story and the queries the UI asks of it.

Indexes are built once at load time so that every query the UI makes on a key press is a dict
look-up or a walk of one day's events, whatever the story's size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from story.dates import covers, date_sort_key, is_full_day, parse_day, time_sort_key
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

BACKGROUND = "background"
"""The id of the day that gathers every event before the story's focus."""
ArcKey = tuple[tuple[int, int, int], int, int]


def story_order(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Events by date, then time; an event without a time stays after the event that precedes
    it in the author's files on the same date (the author's narrative order)."""
    last_time: dict[str, int] = {}
    keyed = []
    for position, event in enumerate(events):
        minutes = time_sort_key(event.time) if event.time else last_time.get(event.date, -1)
        last_time[event.date] = minutes
        keyed.append(((date_sort_key(event.date), minutes, position), event))
    return tuple(event for _, event in sorted(keyed, key=lambda pair: pair[0]))


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
class ArcStep:
    """One step of an actor's arc: an event they take part in, or a role they take or leave."""

    date: str
    event: Event | None
    role: Role | None
    starts: bool
    """For role steps: True when the role begins on `date`, False when it ends."""


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

    def __post_init__(self) -> None:
        self.events = story_order(self.events)
        self.event_by_id = {event.id: event for event in self.events}
        self.position_of_event = {event.id: index for index, event in enumerate(self.events)}
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

    def roles_on(self, actor_id: str, day: str) -> tuple[Role, ...]:
        """The roles `actor_id` holds on the ISO `day`."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return ()
        return tuple(role for role in actor.roles if covers(role.start, role.end, day))

    def roles_at(self, actor_id: str, event: Event) -> tuple[Role, ...]:
        """The roles to show beside an actor in an event.

        A role without a start date means "held since before the story's focus, from a date the
        sources do not give": in a background event it would be a guess (Altman was not CEO in
        2015), so there only roles with a known start are shown.
        """
        if not is_full_day(event.date):
            return ()
        roles = self.roles_on(actor_id, event.date)
        if self.day_of_event.get(event.id) == BACKGROUND:
            roles = tuple(role for role in roles if role.start is not None)
        return roles

    def holders(self, positions: tuple[str, ...], org: str, day: str) -> tuple[ActorRole, ...]:
        """Who holds one of `positions` at `org` on `day` (several, on a day of change)."""
        return tuple(
            ActorRole(actor, role)
            for actor in self.actors.values()
            for role in actor.roles
            if role.org == org and role.position in positions and covers(role.start, role.end, day)
        )

    def seat_holders(self, day: str) -> tuple[ActorRole, ...]:
        """Who holds the top seat the story's power strip follows on `day` (OpenAI's CEO or
        interim CEO in the saga); nobody when the story declares no `power`."""
        power = self.info.power
        return self.holders(power.seat, power.org, day) if power else ()

    def body_size(self, day: str) -> int:
        """How many sit on the body the story's power strip counts on `day` (0 without one)."""
        power = self.info.power
        return len(self.holders(power.body, power.org, day)) if power and power.body else 0

    def cast_of(self, day: Day) -> tuple[Actor, ...]:
        """The actors on stage on a day: everyone named by its events, in order of appearance."""
        seen = dict.fromkeys(actor for event in day.events for actor in event.actors)
        return tuple(self.actors[actor] for actor in seen if actor in self.actors)

    def arc(self, actor_id: str) -> tuple[ArcStep, ...]:
        """An actor's events and role changes across the whole saga, in story order."""
        steps = [
            ArcStep(event.date, event, None, True)
            for event in self.events_of_actor.get(actor_id, ())
        ]
        actor = self.actors.get(actor_id)
        for role in actor.roles if actor else ():
            if role.start is not None:
                steps.append(ArcStep(role.start, None, role, True))
            if role.end is not None:
                steps.append(ArcStep(role.end, None, role, False))

        return tuple(sorted(steps, key=self.arc_key))

    def arc_key(self, step: ArcStep) -> ArcKey:
        """Where a step falls in story order: on its day, roles taken come before the day's
        events (in story order) and roles left after them."""
        if step.event is not None:
            return self.moment_key(step.event)
        return date_sort_key(step.date), 0 if step.starts else 2, 0

    def moment_key(self, event: Event) -> ArcKey:
        """An event's place in story order, comparable with `arc_key` (to find where the
        moment on screen falls in an arc)."""
        return date_sort_key(event.date), 1, self.position_of_event[event.id]

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
