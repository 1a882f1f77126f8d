"""The benchmark harness still runs against the app as it is: one walk of every key on the
shipped story, one start-up of each kind, one `validate`. Shapes only, never speeds (speed is
measured by `python benchmarks/run.py`, not asserted in tests)."""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict
from pathlib import Path

import pytest

from benchmarks.keys import BARE_KEYS, BROWSER_KEYS
from benchmarks.measure import (
    Figures,
    KeyFigures,
    StartFigures,
    measure_story,
    story_result_from,
)
from benchmarks.report import markdown
from benchmarks.stories import shipped


def is_time(value: object) -> bool:
    return isinstance(value, float) and math.isfinite(value) and value > 0


def drew_every_time(figures: KeyFigures) -> bool:
    return (
        figures.no_frame == 0
        and figures.first.n >= 1
        and is_time(figures.first.median)
        and is_time(figures.settled.p95)
        and is_time(figures.cpu_first.median)
        and is_time(figures.cpu_settled.p95)
        and figures.frames >= 1
    )


def test_one_measurement_of_the_shipped_story_has_every_figure(tmp_path: Path) -> None:
    result = measure_story(shipped(), repeats=1, runs=1, validate_runs=1, work=tmp_path)

    assert result.events is not None and result.events > 0  # counted by `validate`
    for start in (result.bare, result.warm, result.cold):
        assert isinstance(start, StartFigures) and start.runs == 1
        for value in (start.first_frame_ms, start.cpu_first_frame_ms, start.settled_ms):
            assert is_time(value)
        assert is_time(start.quit_ms) and is_time(start.peak_mb)
        assert start.settled_ms >= start.first_frame_ms
    assert set(result.ratios) == {
        "first_frame_warm",
        "first_frame_cold",
        "cpu_first_frame_warm",
        "cpu_first_frame_cold",
        "peak_memory",
    }
    assert all(is_time(ratio) for ratio in result.ratios.values())
    assert is_time(result.validate_ms) and is_time(result.validate_peak_mb)
    assert is_time(result.walk_peak_mb)
    # Every key of the walk reached the app and drew at least one frame, in table order.
    assert list(result.keys) == list(BROWSER_KEYS)
    assert list(result.floor) == list(BARE_KEYS)
    assert [key for key, figures in result.keys.items() if not drew_every_time(figures)] == []
    assert all(drew_every_time(figures) for figures in result.floor.values())
    saved = json.loads(json.dumps(asdict(result)))  # what `run.py --json` writes
    assert story_result_from(saved) == result
    assert "| `palette typing` |" in markdown(
        {
            "cpu": "x",
            "cores": 1,
            "python": "3",
            "textual": "8",
            "rich": "14",
            "os": "l",
            "date": "d",
        },
        {"start": (0.0, 0.0, 0.0), "end": (0.0, 0.0, 0.0)},
        [result],
    )


def test_figures_take_the_median_and_the_nearest_rank_95th_percentile() -> None:
    figures = Figures.of([float(n) for n in range(1, 21)] + [None])

    assert (figures.median, figures.p95, figures.n) == (10.5, 19.0, 21)
    assert Figures.of([None]) == Figures(None, None, 1)


@pytest.mark.slow
def test_the_memory_walk_still_runs(tmp_path: Path) -> None:
    """benchmarks/memory_walk.py asserts nothing; this only keeps it from rotting."""
    import subprocess
    import sys

    script = Path(__file__).parents[1] / "benchmarks" / "memory_walk.py"
    result = subprocess.run(
        [sys.executable, str(script), "--walks", "2"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "after walk   2: traced" in result.stdout
    assert "top 10 allocation sites growing from walk 1 to walk 2" in result.stdout


def test_the_search_typing_benchmark_still_runs(tmp_path: Path) -> None:
    """benchmarks/search_typing.py asserts nothing; this only keeps it from rotting (on a story
    of 1,000 events, not its 100,000)."""
    import subprocess
    import sys

    from benchmarks.synthetic import write_story

    story = write_story(tmp_path / "story", 1_000)
    script = Path(__file__).parents[1] / "benchmarks" / "search_typing.py"
    result = subprocess.run(
        [sys.executable, str(script), "--story", str(story), "--typed", "qxj", "--gap", "0.05"],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"OPENAI_SAGA_CACHE": str(tmp_path / "cache")},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "typed 'qxj'" in result.stdout.splitlines()[0]  # the keys reached search's box
    echoes = result.stdout.splitlines()[1]
    assert echoes.startswith("key to its next frame (ms): ")
    assert len(echoes.split(": ")[1].split(", ")) == 3
    assert "the last search ended" in result.stdout
