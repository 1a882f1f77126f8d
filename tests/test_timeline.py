"""The seat's holders on every day in one sweep agree with the day-by-day query."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import write_story
from story import Saga, load_story
from story.localized import Localized
from story.model import Role
from story.moments import Bound, RoleSpan, day_end, day_start
from story.timeline import holders_by_day


def span(start: str | None, end: str | None) -> RoleSpan:
    """A CEO span from the start of day `start` to the end of day `end` (None: open)."""
    role = Role(position="ceo", title=Localized({"en": "CEO"}), sources=(), org="openai")
    first = Bound(start, None, day_start(start)) if start else None
    last = Bound(end, None, day_end(end)) if end else None
    return RoleSpan(role, first, last)


def every_day_agrees(saga: Saga) -> int:
    """Compare the sweep with `Saga.holders` on every day; how many days had a holder."""
    power = saga.info.power
    assert power is not None
    held = 0
    for day in saga.days:
        date = saga.day_date(day)
        expected = saga.holders(power.seat, power.org, date)
        assert saga.seat_by_day[date] == expected, date
        assert saga.seat_holders(date) == expected
        held += bool(expected)
        if power.body:
            at_end = len(saga.holders(power.body, power.org, date, at_end=True))
            assert saga.body_by_day[date] == at_end, date
            assert saga.body_size(date) == at_end
    return held


def test_the_shipped_story_agrees_on_every_day(saga: Saga) -> None:
    assert every_day_agrees(saga) == len(saga.days)


def test_a_synthetic_story_with_a_seat_changing_hands_agrees_on_every_day(
    tmp_path: Path,
) -> None:
    saga = load_story(write_story(tmp_path / "story", 2_400))
    assert every_day_agrees(saga) == len(saga.days)
    assert len(set(saga.body_by_day.values())) > 2  # the board grows and shrinks
    terms = {tuple(h.actor.id for h in holders) for holders in saga.seat_by_day.values()}
    assert len(terms) >= 4  # the seat changes hands every 45 days


def test_spans_join_on_their_first_day_and_leave_after_their_last() -> None:
    spans = [
        ("open", span(None, "2023-11-17")),
        ("late", span("2023-11-19", None)),
        ("middle", span("2023-11-17", "2023-11-19")),
        ("same start", span("2023-11-17", "2023-11-17")),
    ]
    days = ["2023-11-16", "2023-11-17", "2023-11-18", "2023-11-19", "2023-11-20", "2023"]
    found = holders_by_day(spans, days)
    assert found == {
        "2023-11-16": ("open",),
        "2023-11-17": ("open", "middle", "same start"),
        "2023-11-18": ("middle",),
        "2023-11-19": ("middle", "late"),
        "2023-11-20": ("late",),
    }


def test_at_the_end_of_a_day_only_who_still_holds_it_counts() -> None:
    spans = [
        ("leaves", span(None, "2023-11-17")),
        ("stays", span("2023-11-17", None)),
        ("one day", span("2023-11-18", "2023-11-18")),
    ]
    found = holders_by_day(spans, ["2023-11-17", "2023-11-18", "2023-11-19"], at_end=True)
    assert found == {
        "2023-11-17": ("leaves", "stays"),  # a role "to" a day is held to its end
        "2023-11-18": ("stays", "one day"),
        "2023-11-19": ("stays",),
    }


@pytest.mark.parametrize("days", [[], ["2024-01-01"]])
def test_no_spans_no_holders(days: list[str]) -> None:
    assert holders_by_day([], days) == dict.fromkeys(days, ())
