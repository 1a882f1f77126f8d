"""Presenter mode's timing and playlist, as plain values: no Textual, no wall clock.

Every method takes `now` (seconds on a monotonic clock) from its caller, so the rules a teacher
relies on (a manual move restarts the countdown, a pause keeps the time left, a range of days is
kept when the story loops) are tested without an app and without waiting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from story import Saga


class RangeError(ValueError):
    """A range of days that the story does not have, or that runs backwards."""


@dataclass
class PresenterClock:
    """The auto-advance countdown: due every `interval` seconds unless paused.

    `interval` None means no auto-advance (the teacher moves by hand): the clock is never due.
    """

    interval: float | None = None
    paused: bool = False
    _deadline: float = 0.0
    """When the next advance is due (meaningful while running)."""
    _left: float = 0.0
    """Seconds left when paused (meaningful while paused)."""

    @property
    def running(self) -> bool:
        """Whether the clock advances by itself (an interval, not paused)."""
        return self.interval is not None and not self.paused

    def restart(self, now: float) -> None:
        """A full interval from `now`: after every move, by hand or by the clock."""
        if self.interval is None:
            return
        self._deadline = now + self.interval
        self._left = self.interval

    def remaining(self, now: float) -> float | None:
        """Seconds until the next advance (frozen while paused); None without an interval."""
        if self.interval is None:
            return None
        if self.paused:
            return self._left
        return max(0.0, self._deadline - now)

    def due(self, now: float) -> bool:
        """Whether it is time to advance (the caller advances, then calls `restart`)."""
        return self.running and now >= self._deadline

    def pause(self, now: float) -> None:
        """Stop the countdown, keeping the time left."""
        if self.interval is not None and not self.paused:
            self._left = max(0.0, self._deadline - now)
            self.paused = True

    def resume(self, now: float) -> None:
        """Carry on from where the countdown was paused."""
        if self.interval is not None and self.paused:
            self._deadline = now + self._left
            self.paused = False

    def toggle(self, now: float) -> bool:
        """Pause or resume; returns whether the clock is now paused."""
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)
        return self.paused

    def sync(
        self, interval: float | None, remaining: float | None, paused: bool, now: float
    ) -> None:
        """Take another clock's state (the teacher's, as sent to the class)."""
        self.interval = interval
        self.paused = paused
        left = remaining if remaining is not None else (interval or 0.0)
        self._left = left
        self._deadline = now + left


@dataclass(frozen=True, slots=True)
class Playlist:
    """The events presenter mode plays: the whole story, or the days from `first` to `last`."""

    events: tuple[str, ...]
    """Event ids in story order."""
    first_day: str | None = None
    last_day: str | None = None
    _position: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, saga: Saga, first_day: str | None = None, last_day: str | None = None) -> Playlist:
        """The events of the days from `first_day` to `last_day` (inclusive; None: the end).

        Raises RangeError naming the day the story does not have, or a range that runs backwards.
        """
        for day in (first_day, last_day):
            if day is not None and day not in saga.day_by_id:
                known = ", ".join(item.id for item in saga.days)
                raise RangeError(f"no day '{day}' in the story (days: {known})")
        start = saga.day_index(first_day) if first_day is not None else 0
        end = saga.day_index(last_day) if last_day is not None else len(saga.days) - 1
        if start > end:
            raise RangeError(f"the range runs backwards: '{first_day}' comes after '{last_day}'")
        events = tuple(event.id for day in saga.days[start : end + 1] for event in day.events)
        whole = first_day is None and last_day is None
        return cls(
            events,
            None if whole else saga.days[start].id,
            None if whole else saga.days[end].id,
            {event: index for index, event in enumerate(events)},
        )

    @property
    def is_whole_story(self) -> bool:
        return self.first_day is None and self.last_day is None

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._position

    def position(self, event_id: str) -> int | None:
        """1-based place of an event in the playlist ("12" of "12 / 55"), None outside it."""
        index = self._position.get(event_id)
        return None if index is None else index + 1

    def step(self, event_id: str, step: int = 1) -> str:
        """The event `step` places on, looping within the range; from outside it, its first
        event (going forward) or its last (going back)."""
        index = self._position.get(event_id)
        if index is None:
            return self.events[0] if step >= 0 else self.events[-1]
        return self.events[(index + step) % len(self.events)]


@dataclass
class Presentation:
    """Presenter mode's state for one app: its clock and what it plays.

    Kept by the app (not the presenter widget) so that leaving presenter mode and coming back
    keeps the range and the pause.
    """

    clock: PresenterClock
    playlist: Playlist
    driven: bool = False
    """True while another app (the teacher's) decides when to move: the clock shows the
    teacher's countdown but never advances this one."""

    @classmethod
    def of(
        cls,
        saga: Saga,
        interval: float | None = None,
        first_day: str | None = None,
        last_day: str | None = None,
    ) -> Presentation:
        return cls(PresenterClock(interval), Playlist.of(saga, first_day, last_day))

    def hold_to(self, saga: Saga, first_day: str | None, last_day: str | None) -> None:
        """Play only the days from `first_day` to `last_day` (None, None: the whole story)."""
        self.playlist = Playlist.of(saga, first_day, last_day)

    def advance_due(self, now: float) -> bool:
        """Whether this app should move on by itself now."""
        return not self.driven and self.clock.due(now)

    def next_due(self, event_id: str, now: float) -> str | None:
        """The event to move to if the countdown has run out (restarted for it), else None."""
        if not self.advance_due(now):
            return None
        self.clock.restart(now)
        return self.playlist.step(event_id)

    def moved(self, now: float) -> None:
        """The selection moved (by hand, by the clock or by the teacher): a full interval."""
        self.clock.restart(now)
