"""Measure one story against the bare Textual app, in fresh processes: the harness's core.

`measure_story` returns plain numbers (milliseconds, megabytes) for one story:
- start-up: `runs` rounds, each one bare run, one warm-cache run and one no-cache run in a
  rotating order (interleaved, so a busy spell on the machine hits all three alike), after one
  unmeasured warm-up of each; medians and the ratios of the medians to the bare app's;
- `validate`: `validate_runs` runs of `python -m tui validate` (time to exit, peak memory);
- keys: one process walks every key `repeats` times, after one bare-app process has measured
  the floor (a key that updates one Static) the same way; median and p95 per key.
Peak memory is each process's own high-water mark (VmHWM, see benchmarks/peak.py). CPU times
(what the process itself spent) stand beside wall-clock times: a busy machine inflates the
latter much more than the former.
"""

from __future__ import annotations

import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import monotonic
from typing import Any

from benchmarks.keys import BARE_KEYS, BROWSER_KEYS
from tui.cli.state import welcome_marker

PROBE = Path(__file__).resolve().parent / "probe.py"
PEAK = Path(__file__).resolve().parent / "peak.py"


@dataclass(frozen=True)
class Story:
    """A story to measure: its name, its app arguments, where the key walk starts."""

    name: str
    events: int | None
    """None when only the story knows (the shipped one): `validate` counts them."""
    args: tuple[str, ...] = ()
    """`--story PATH`, or nothing for the shipped story."""
    walk_day: str = ""
    typed: str = "board"


@dataclass
class Figures:
    """Median and 95th percentile (nearest rank) of some samples, and how many there were."""

    median: float | None
    p95: float | None
    n: int

    @classmethod
    def of(cls, values: Sequence[float | None]) -> Figures:
        present = sorted(value for value in values if value is not None)
        if not present:
            return cls(None, None, len(values))
        rank = max(1, math.ceil(0.95 * len(present)))
        return cls(statistics.median(present), present[rank - 1], len(values))


@dataclass
class KeyFigures:
    """One key: ms to the first frame and to the settled screen (wall clock, and CPU time of
    the process), frames written, presses that drew nothing."""

    first: Figures
    settled: Figures
    cpu_first: Figures
    cpu_settled: Figures
    frames: float
    no_frame: int


@dataclass
class StartFigures:
    """Start-up of one kind of run: medians over the runs."""

    first_frame_ms: float
    cpu_first_frame_ms: float
    """CPU time of the process from its start to its first frame."""
    settled_ms: float
    quit_ms: float
    peak_mb: float
    frames: float
    runs: int


@dataclass
class StoryResult:
    """Everything measured for one story."""

    name: str
    events: int | None
    bare: StartFigures
    warm: StartFigures
    cold: StartFigures
    validate_ms: float
    validate_peak_mb: float
    walk_peak_mb: float
    keys: dict[str, KeyFigures]
    floor: dict[str, KeyFigures]
    ratios: dict[str, float] = field(default_factory=dict)
    load: tuple[float, float] = (0.0, 0.0)
    """The 1-minute load average when the story's measurement began and ended."""


@dataclass
class Run:
    """One finished process."""

    began: float
    ended: float
    result: dict[str, Any]
    output: str

    @property
    def peak_mb(self) -> float:
        return float(self.result["peak_mb"])


class ProbeFailed(RuntimeError):
    """A measured process failed: its status and the end of its output say why."""


def environment(cache: Path, state: Path) -> dict[str, str]:
    """A fixed environment: English, a truecolor terminal, this cache and state, no Textual
    developer settings. The state says the title card was seen: a first launch shows it over
    the browser and the walk is of the browser's keys (with the card up, start-up never
    settled: the probe waited for ever)."""
    state.mkdir(parents=True, exist_ok=True)
    welcome_marker(state / "place.json").touch()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "LC_")) and key != "LANG"
    }
    env.update(
        LANG="C.UTF-8",
        TERM="xterm-256color",
        COLORTERM="truecolor",
        OPENAI_SAGA_CACHE=str(cache),
        XDG_CACHE_HOME=str(cache),
        OPENAI_SAGA_STATE=str(state / "place.json"),
        XDG_STATE_HOME=str(state),
    )
    return env


def spawn(command: list[str], env: dict[str, str], *, result_file: Path | None = None) -> Run:
    """Run a process to its end; time it from just before the spawn to its exit."""
    with tempfile.TemporaryFile("w+") as output:
        began = monotonic()
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=output, stderr=output, env=env
        )
        process.wait()
        ended = monotonic()
        output.seek(0)
        text = output.read()
    result: dict[str, Any] = {}
    if result_file is not None and result_file.exists():
        result = json.loads(result_file.read_text())
    if process.returncode != 0 or "error" in result or "peak_mb" not in result:
        why = result.get("error") or text[-2000:]
        raise ProbeFailed(f"{' '.join(command)}: status {process.returncode}\n{why}")
    return Run(began, ended, result, text)


def probe(mode: str, story: Story | None, env: dict[str, str], *extra: str) -> Run:
    """Run benchmarks/probe.py for `story` (None: the bare app)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        command = [sys.executable, str(PROBE), mode, "--out", str(out), *extra]
        if story is None:
            command.append("--bare")
        else:
            command += ["--typed", story.typed, "--", *story.args, "--fresh"]
            if mode == "walk" and story.walk_day:
                command += ["--day", story.walk_day]
        return spawn(command, env, result_file=out)


@dataclass
class StartRun:
    first_frame_ms: float
    cpu_first_frame_ms: float
    settled_ms: float
    quit_ms: float
    peak_mb: float
    frames: int


def start_once(story: Story | None, env: dict[str, str]) -> StartRun:
    run = probe("start", story, env)
    data = run.result
    return StartRun(
        first_frame_ms=(data["first_frame"] - run.began) * 1000,
        cpu_first_frame_ms=data["first_frame_cpu"] * 1000,
        settled_ms=(data["settled"] - run.began) * 1000,
        quit_ms=(run.ended - data["quit_sent"]) * 1000,
        peak_mb=run.peak_mb,
        frames=data["frames"],
    )


def summarise(runs: list[StartRun]) -> StartFigures:
    return StartFigures(
        first_frame_ms=statistics.median(run.first_frame_ms for run in runs),
        cpu_first_frame_ms=statistics.median(run.cpu_first_frame_ms for run in runs),
        settled_ms=statistics.median(run.settled_ms for run in runs),
        quit_ms=statistics.median(run.quit_ms for run in runs),
        peak_mb=statistics.median(run.peak_mb for run in runs),
        frames=statistics.median(run.frames for run in runs),
        runs=len(runs),
    )


def start_ups(
    story: Story, runs: int, work: Path
) -> tuple[StartFigures, StartFigures, StartFigures]:
    """Bare, warm-cache and no-cache start-ups, interleaved."""
    state = work / "state"
    warm_env = environment(work / "cache-warm", state)
    start_once(None, warm_env)  # warm-up: disk cache, bytecode
    start_once(story, warm_env)  # fills the app's cache
    kinds: dict[str, list[StartRun]] = {"bare": [], "warm": [], "cold": []}
    order = list(kinds)
    for index in range(runs):
        for kind in order[index % 3 :] + order[: index % 3]:
            if kind == "cold":
                with tempfile.TemporaryDirectory(dir=work) as empty:
                    env = environment(Path(empty), state)
                    kinds[kind].append(start_once(story, env))
            else:
                kinds[kind].append(start_once(None if kind == "bare" else story, warm_env))
    return summarise(kinds["bare"]), summarise(kinds["warm"]), summarise(kinds["cold"])


def validate(story: Story, runs: int, work: Path) -> tuple[float, float, int | None]:
    """Median ms and peak MB of `openai-saga validate` on the story, and the number of events
    its summary line gives."""
    paths = [arg for arg in story.args if arg != "--story"]
    env = environment(work / "cache-warm", work / "state")
    done = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "peak.json"
            command = [sys.executable, str(PEAK), "--out", str(out), "-m", "tui", "validate"]
            done.append(spawn([*command, *paths], env, result_file=out))
    counted = re.search(r"(\d[\d,]*) events", done[0].output)
    return (
        statistics.median((run.ended - run.began) * 1000 for run in done),
        statistics.median(run.peak_mb for run in done),
        int(counted.group(1).replace(",", "")) if counted else None,
    )


def key_figures(samples: list[dict[str, Any]]) -> KeyFigures:
    return KeyFigures(
        first=Figures.of([sample["first"] for sample in samples]),
        settled=Figures.of([sample["settled"] for sample in samples]),
        cpu_first=Figures.of([sample["cpu_first"] for sample in samples]),
        cpu_settled=Figures.of([sample["cpu_settled"] for sample in samples]),
        frames=statistics.median(sample["frames"] for sample in samples) if samples else 0,
        no_frame=sum(1 for sample in samples if sample["first"] is None),
    )


def walk(
    story: Story | None, repeats: int, work: Path, labels: tuple[str, ...]
) -> tuple[dict[str, KeyFigures], float]:
    """Per-key figures of one walk (in `labels` order) and the process's peak MB."""
    env = environment(work / "cache-warm", work / "state")
    run = probe("walk", story, env, "--repeats", str(repeats))
    samples: dict[str, list[dict[str, Any]]] = run.result["samples"]
    missing = [label for label in labels if label not in samples]
    if missing:
        raise ProbeFailed(f"the walk measured no {', '.join(missing)}")
    return {label: key_figures(samples[label]) for label in labels}, run.peak_mb


def measure_story(
    story: Story, *, repeats: int, runs: int, validate_runs: int, work: Path
) -> StoryResult:
    """Everything for one story (see the module's docstring)."""
    load_before = os.getloadavg()[0]
    bare, warm, cold = start_ups(story, runs, work)
    validate_ms, validate_mb, counted = validate(story, validate_runs, work)
    floor, _ = walk(None, repeats, work, BARE_KEYS)
    keys, walk_mb = walk(story, repeats, work, BROWSER_KEYS)
    return StoryResult(
        name=story.name,
        events=counted if counted is not None else story.events,
        bare=bare,
        warm=warm,
        cold=cold,
        validate_ms=validate_ms,
        validate_peak_mb=validate_mb,
        walk_peak_mb=walk_mb,
        keys=keys,
        floor=floor,
        ratios={
            "first_frame_warm": warm.first_frame_ms / bare.first_frame_ms,
            "first_frame_cold": cold.first_frame_ms / bare.first_frame_ms,
            "cpu_first_frame_warm": warm.cpu_first_frame_ms / bare.cpu_first_frame_ms,
            "cpu_first_frame_cold": cold.cpu_first_frame_ms / bare.cpu_first_frame_ms,
            "peak_memory": warm.peak_mb / bare.peak_mb,
        },
        load=(load_before, os.getloadavg()[0]),
    )


def key_figures_from(data: dict[str, Any]) -> KeyFigures:
    """KeyFigures from their JSON form (`dataclasses.asdict`)."""
    stats = {
        name: Figures(**data[name]) for name in ("first", "settled", "cpu_first", "cpu_settled")
    }
    return KeyFigures(**stats, frames=data["frames"], no_frame=data["no_frame"])


def story_result_from(data: dict[str, Any]) -> StoryResult:
    """A StoryResult from its JSON form, to print the tables of a saved run again."""
    return StoryResult(
        name=data["name"],
        events=data["events"],
        bare=StartFigures(**data["bare"]),
        warm=StartFigures(**data["warm"]),
        cold=StartFigures(**data["cold"]),
        validate_ms=data["validate_ms"],
        validate_peak_mb=data["validate_peak_mb"],
        walk_peak_mb=data["walk_peak_mb"],
        keys={label: key_figures_from(value) for label, value in data["keys"].items()},
        floor={label: key_figures_from(value) for label, value in data["floor"].items()},
        ratios=data["ratios"],
        load=(data["load"][0], data["load"][1]),
    )
