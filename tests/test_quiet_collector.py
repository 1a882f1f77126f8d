"""Full passes of the cycle collector run while the reader reads, not in the middle of a key;
Python's own threshold is back when the app ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from story.gcpause import BACKSTOP, QUIET_FOR, QuietCollector
from tests.test_browser_mini import press
from tests.test_browser_saga import saga_app


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def young_collections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """`gc.get_count()[2]` (young collections since the last full one) as the test sets it,
    and the full passes asked for."""
    pending = [0]
    full: list[int] = []
    monkeypatch.setattr(gc, "get_count", lambda: (0, 0, pending[0]))
    monkeypatch.setattr(gc, "collect", lambda generation=2: full.append(generation))
    yield pending
    assert full == [2] * len(full)


def test_a_full_pass_waits_for_a_quiet_moment(young_collections: list[int]) -> None:
    clock = Clock()
    threshold = gc.get_threshold()
    collector = QuietCollector(clock)
    collector.start()
    try:
        assert gc.get_threshold()[2] > 10**6  # Python's own full passes are off
        young_collections[0] = threshold[2]  # Python would run a full pass now
        clock.now += QUIET_FOR / 2
        collector.input()
        assert not collector.tick()  # keys are coming: it waits
        clock.now += QUIET_FOR
        assert collector.tick()  # a quiet second: it runs
        young_collections[0] = threshold[2] - 1
        assert not collector.tick()  # not due yet
        collector.input()
        young_collections[0] = BACKSTOP
        assert collector.tick()  # keys keep coming, but too much has piled up
        assert collector.full_passes == 2
    finally:
        collector.stop()
    assert gc.get_threshold() == threshold
    assert not collector.tick()  # stopped: never


def test_the_threshold_comes_back_when_the_last_collector_stops() -> None:
    threshold = gc.get_threshold()
    first, second = QuietCollector(), QuietCollector()
    first.start()
    second.start()
    first.stop()
    assert gc.get_threshold()[2] > 10**6
    second.stop()
    assert gc.get_threshold() == threshold


async def test_the_app_counts_keys_as_input_and_gives_the_threshold_back() -> None:
    threshold = gc.get_threshold()
    app = saga_app("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        collector = app.quiet_collector
        assert collector.running and gc.get_threshold()[2] > 10**6
        collector.last_input = 0.0
        await press(pilot, "right")
        assert collector.last_input > 0.0
    assert not collector.running
    assert gc.get_threshold() == threshold
