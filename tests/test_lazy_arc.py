"""An arc made step by step (`story.arc.Arc`) is the arc sorted whole: the same steps in the
same order, the same keys, the same place for each event and the same row ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import write_story
from story import Saga, load_story
from story.saga import ArcKey, ArcStep


def sorted_whole(saga: Saga, actor_id: str) -> list[ArcStep]:
    """Every event step and role step of the actor, sorted by key (a stable sort)."""
    steps = [
        ArcStep(event.date, event, None, True, None, saga.moment_key(event))
        for event in saga.events_of_actor.get(actor_id, ())
    ]
    for span in saga.role_spans.get(actor_id, ()):
        for bound, starts in ((span.start, True), (span.end, False)):
            if bound is not None:
                key = (*bound.key, 1)
                steps.append(ArcStep(bound.date, None, span.role, starts, bound.time, key))
    return sorted(steps, key=lambda step: step.key)


def first_at(saga: Saga, key: ArcKey) -> str | None:
    return next((event.id for event in saga.events if saga.moment_key(event) >= key), None)


def agree(saga: Saga) -> int:
    """Compare every actor's arc both ways; how many role steps the arcs held."""
    roles = 0
    sample = saga.events[:: max(1, len(saga.events) // 200)]
    for actor_id in saga.actors:
        expected = sorted_whole(saga, actor_id)
        arc = saga.arc_steps(actor_id)
        assert list(arc) == expected, actor_id
        assert [arc[index] for index in range(len(arc))] == expected
        assert saga.arc(actor_id) == tuple(expected)
        assert list(arc.keys) == [step.key for step in expected]
        ids = [s.event.id if s.event else f"role-{n}" for n, s in enumerate(expected)]
        assert arc.row_ids() == ids == [arc.row_id(index) for index in range(len(arc))]
        place = {step.event.id: n for n, step in enumerate(expected) if step.event}
        for event in sample:
            assert arc.index_of_event(event) == place.get(event.id)
        if expected:
            assert arc[-1] == expected[-1]
            for step in expected[:: max(1, len(expected) // 20)]:
                found = saga.first_event_at(step.key)
                assert (found.id if found else None) == first_at(saga, step.key)
        with pytest.raises(IndexError):
            arc[len(expected)]
        roles += sum(step.role is not None for step in expected)
    return roles


def test_the_shipped_story_s_arcs(saga: Saga) -> None:
    assert agree(saga) > 10


def test_the_mini_story_s_arcs(mini: Saga) -> None:
    assert agree(mini) > 0


def test_a_long_story_s_arcs_with_many_role_changes(tmp_path: Path) -> None:
    story = load_story(write_story(tmp_path / "story", 2_400))
    assert agree(story) >= 20
