"""A big story's files parsed by several processes give exactly what one process gives.

The parallel reads run in a fresh interpreter: forking is only done from a process that runs a
single thread, which the test process (with Textual's tests around) need not be.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from benchmarks import synthetic
from story import parallel

EVENTS = 300
PART = 60
"""Events a file: a story of six files (the settings, then five of events)."""

READ_BOTH_WAYS = """
import json, sys
from pathlib import Path
from story import loader, parallel, yamlread
from story.stored import msgpack_encoder, stored

parallel.PARALLEL_FROM_BYTES = 0
limit = int(sys.argv[2])
if limit:
    loader.MAX_VALUES = limit
if sys.argv[3] == "workers-fail":
    def broken(*args):
        raise OSError("no")
    parallel._read_to_send = broken
if sys.argv[3] == "workers-die":
    import os
    parallel._read_to_send = lambda *args: os._exit(9)
story = Path(sys.argv[1])
shares = []
found = {}
for workers in (1, 3):
    saga, problems, total = loader.read_story_counted(
        story, "s", shares.append if workers > 1 else None, workers=workers
    )
    found[workers] = {
        "saga": None if saga is None else msgpack_encoder().encode(stored(saga)).hex(),
        "problems": [str(problem) for problem in problems],
        "total": total,
    }
files, _ = loader.story_files(story, "s")
sizes = [loader._file_size(path) for path, _ in files]
_, sent = parallel.read_files(files, sizes, 3, yamlread.MAX_VALUES)
print(json.dumps({
    "one": found[1], "several": found[3], "sent": sent, "shares": shares,
    "idle": parallel.usable_workers(load=0.4, running=1),
    "one_busy": parallel.usable_workers(load=1.2, running=2),
    "just_ended": parallel.usable_workers(load=1.2, running=1),
    "an_instant": parallel.usable_workers(load=0.3, running=3),
    "all_busy": parallel.usable_workers(load=64.0, running=65),
    "read_here": parallel.usable_workers(),
}))
"""


def read_both_ways(story: Path, *, limit: int = 0, mode: str = "") -> dict[str, object]:
    """The story read by one process and by three, in a fresh interpreter."""
    command = [sys.executable, "-c", READ_BOTH_WAYS, str(story), str(limit), mode or "-"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(synthetic, "PART_SIZE", PART)
    return synthetic.write_story(tmp_path / "story", EVENTS)


def test_a_valid_story_is_the_same_story(story: Path) -> None:
    found = read_both_ways(story)
    assert isinstance(found["sent"], int) and 0 < found["sent"] < 6
    assert found["one"] == found["several"]
    several = found["several"]
    assert isinstance(several, dict) and several["saga"] and several["problems"] == []


def test_problems_in_files_parsed_elsewhere_are_the_same_with_their_places(story: Path) -> None:
    """events-001 to -003 are read by other processes (the largest files go to them)."""
    third = story / "events-002.yaml"
    third.write_text(third.read_text().replace("  date:", "  date: '2001-01-01'\n  date:", 1))
    second = story / "events-001.yaml"
    second.write_text(second.read_text().replace("  sources:\n", "  sources: [\n", 1))
    found = read_both_ways(story)
    assert found["one"] == found["several"]
    several = found["several"]
    assert isinstance(several, dict) and several["saga"] is None
    problems = "\n".join(several["problems"])
    assert "s/events-002.yaml:" in problems and "duplicate key 'date'" in problems
    assert "s/events-001.yaml:" in problems and "invalid YAML" in problems
    fourth = story / "events-003.yaml"
    text = fourth.read_text().replace("- ada-quill", "- nobody", 3)
    fourth.write_text(text.replace("  date:", "  colour: red\n  date:", 1))
    second.write_text(second.read_text().replace("  sources: [\n", "  sources:\n", 1))
    found = read_both_ways(story)
    assert found["one"] == found["several"]
    several = found["several"]
    assert isinstance(several, dict)
    assert [line.split(" (expected")[0] for line in several["problems"]] == [
        "s/events-002.yaml:4:3: duplicate key 'date'",
        "s/events-003.yaml:3:3: unknown key 'colour'",  # its event is broken: its actors are not
        "s/events-003.yaml:303:5: unknown actor 'nobody'",  # checked (one 'nobody' among them)
        "s/events-003.yaml:510:5: unknown actor 'nobody'",
    ]


def test_the_story_budget_of_values_stops_at_the_same_place(story: Path) -> None:
    """Files of about 2,200 values: the budget runs out in the third, parsed by another process
    (read again here, it stops where a reading one file after the other stops)."""
    found = read_both_ways(story, limit=5_000)
    assert found["one"] == found["several"]
    several = found["several"]
    assert isinstance(several, dict)
    assert [line for line in several["problems"] if "values" in line] == [
        line for line in several["problems"] if line.startswith("s/events-002.yaml:")
    ]
    assert any("more than 5,000 values in the story" in line for line in several["problems"])


@pytest.mark.parametrize("mode", ["workers-fail", "workers-die"])
def test_a_process_that_fails_or_dies_costs_only_time(story: Path, mode: str) -> None:
    found = read_both_ways(story, mode=mode)
    assert found["sent"] == 0
    assert found["one"] == found["several"]


def test_progress_goes_up_to_the_end(story: Path) -> None:
    found = read_both_ways(story)
    shares = found["shares"]
    assert isinstance(shares, list) and len(shares) > 6
    assert shares == sorted(shares) and shares[-1] == 1.0


def test_as_many_workers_as_free_cores_in_a_process_of_one_thread(story: Path) -> None:
    found = read_both_ways(story)
    cores = len(os.sched_getaffinity(0)) if sys.platform.startswith("linux") else 0
    every = min(cores, parallel.MAX_WORKERS) if cores else 1
    less_one = min(cores - 1, parallel.MAX_WORKERS) if cores > 1 else 1
    assert found["idle"] == every
    assert found["one_busy"] == less_one
    assert found["just_ended"] == every  # the average still counts it; nothing runs now
    assert found["an_instant"] == every  # something runs now, but did not in the last minute
    assert found["all_busy"] == 1
    assert isinstance(found["read_here"], int) and 1 <= found["read_here"] <= every


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert parallel.usable_workers() == 1
    finally:
        release.set()
        other.join()
