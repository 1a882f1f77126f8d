"""Presenter mode's countdown and playlist, driven by a fake clock (no app, no waiting)."""

from __future__ import annotations

import pytest

from story import Saga
from tui.view.presenter_clock import Playlist, Presentation, PresenterClock, RangeError


def test_a_manual_move_restarts_the_countdown() -> None:
    clock = PresenterClock(interval=20)
    clock.restart(now=100)
    assert clock.remaining(115) == 5
    clock.restart(now=115)  # the teacher pressed → five seconds before the advance
    assert not clock.due(120)
    assert clock.remaining(120) == 15
    assert clock.due(135)


def test_pause_keeps_the_time_left_and_resume_carries_on() -> None:
    clock = PresenterClock(interval=20)
    clock.restart(now=0)
    assert clock.toggle(now=8) is True
    assert clock.remaining(500) == 12 and not clock.due(500)
    assert clock.toggle(now=500) is False
    assert clock.remaining(505) == 7 and not clock.due(511) and clock.due(512)


def test_without_an_interval_the_clock_is_never_due() -> None:
    clock = PresenterClock()
    clock.restart(0)
    assert clock.remaining(0) is None and not clock.due(10_000)


def test_a_synced_clock_counts_down_the_teachers_time() -> None:
    clock = PresenterClock()
    clock.sync(interval=30, remaining=10, paused=False, now=50)
    assert clock.remaining(54) == 6
    clock.sync(interval=30, remaining=10, paused=True, now=50)
    assert clock.remaining(80) == 10


def test_a_range_is_kept_when_the_story_loops(saga: Saga) -> None:
    playlist = Playlist.of(saga, "2023-11-17", "2023-11-20")
    days = {saga.day_of_event[event] for event in playlist.events}
    assert days == {"2023-11-17", "2023-11-18", "2023-11-19", "2023-11-20"}
    last = playlist.events[-1]
    assert playlist.step(last) == playlist.events[0]  # loops within the range
    assert playlist.position(playlist.events[0]) == 1
    assert playlist.position(last) == len(playlist.events)
    outside = saga.days[0].events[0].id
    assert outside not in playlist and playlist.position(outside) is None
    assert playlist.step(outside) == playlist.events[0]
    assert playlist.step(outside, -1) == last


def test_walking_a_range_never_leaves_it(saga: Saga) -> None:
    playlist = Playlist.of(saga, "2023-11-18", "2023-11-19")
    event = playlist.events[0]
    seen = set()
    for _ in range(3 * len(playlist.events)):
        event = playlist.step(event)
        seen.add(saga.day_of_event[event])
    assert seen == {"2023-11-18", "2023-11-19"}


def test_the_whole_story_by_default(saga: Saga) -> None:
    playlist = Playlist.of(saga)
    assert playlist.is_whole_story and len(playlist.events) == len(saga.events)
    assert playlist.position(saga.events[11].id) == 12


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [("2023-11-40", None, "no day '2023-11-40'"), ("2023-11-20", "2023-11-17", "backwards")],
)
def test_a_bad_range_is_refused(saga: Saga, first: str, last: str | None, said: str) -> None:
    with pytest.raises(RangeError, match=said):
        Playlist.of(saga, first, last)


def test_a_driven_presentation_never_advances_by_itself(saga: Saga) -> None:
    presentation = Presentation.of(saga, interval=5)
    presentation.clock.restart(0)
    assert presentation.advance_due(6)
    presentation.driven = True
    assert not presentation.advance_due(6)
