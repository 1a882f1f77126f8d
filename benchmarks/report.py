"""The figures as Markdown tables: start-up and memory, keys per story, the issue's goals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.goals import GoalRow, goal_rows, key_goal
from benchmarks.measure import KeyFigures, StoryResult

TITLES = {"shipped": "shipped story", "1k": "1,000 events", "10k": "10,000 events"}
TITLES["100k"] = "100,000 events"


def ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}" if value < 10 else f"{value:,.0f}"


def mark(met: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "–"}[met]


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def title(result: StoryResult) -> str:
    name = TITLES.get(result.name, result.name)
    if result.name == "shipped" and result.events:
        return f"{name} ({result.events} events)"
    return name


def start_table(results: list[StoryResult]) -> str:
    """Start-up, memory, quit and validate: one column per story, the bare app beside each."""

    def against_bare(app: float, bare: float, unit: str) -> str:
        shown = f"{app:,.0f}" if unit == "ms" else f"{app:.1f}"
        bare_shown = f"{bare:,.0f}" if unit == "ms" else f"{bare:.1f}"
        return f"{shown} {unit} (bare {bare_shown}: {app / bare:.2f}x)"

    figures: list[tuple[str, Callable[[StoryResult], str]]] = [
        (
            "first frame, warm cache",
            lambda r: against_bare(r.warm.first_frame_ms, r.bare.first_frame_ms, "ms"),
        ),
        (
            "first frame, no cache",
            lambda r: against_bare(r.cold.first_frame_ms, r.bare.first_frame_ms, "ms"),
        ),
        (
            "CPU time to first frame, warm",
            lambda r: against_bare(r.warm.cpu_first_frame_ms, r.bare.cpu_first_frame_ms, "ms"),
        ),
        (
            "CPU time to first frame, no cache",
            lambda r: against_bare(r.cold.cpu_first_frame_ms, r.bare.cpu_first_frame_ms, "ms"),
        ),
        (
            "start-up settled (its last frame), warm",
            lambda r: against_bare(r.warm.settled_ms, r.bare.settled_ms, "ms"),
        ),
        ("frames drawn at start-up, warm", lambda r: f"{r.warm.frames:g} (bare {r.bare.frames:g})"),
        ("peak memory, warm cache", lambda r: against_bare(r.warm.peak_mb, r.bare.peak_mb, "MB")),
        ("peak memory, no cache (the app parses)", lambda r: f"{r.cold.peak_mb:.1f} MB"),
        ("peak memory after every key", lambda r: f"{r.walk_peak_mb:.1f} MB"),
        ("quit: `q` to process exit", lambda r: against_bare(r.warm.quit_ms, r.bare.quit_ms, "ms")),
        ("`validate`", lambda r: f"{r.validate_ms:,.0f} ms"),
        ("`validate` peak memory (the loader)", lambda r: f"{r.validate_peak_mb:.1f} MB"),
        ("runs (medians of)", lambda r: f"{r.warm.runs}"),
        ("load average (1 min), start → end", lambda r: f"{r.load[0]:.1f} → {r.load[1]:.1f}"),
    ]
    header = ["figure", *(title(result) for result in results)]
    rows = [[name, *(show(result) for result in results)] for name, show in figures]
    return table(header, rows)


def key_row(label: str, figures: KeyFigures, goal: str, met: str) -> list[str]:
    frames = f"{figures.frames:g}"
    if figures.no_frame:
        frames += f" ({figures.no_frame} of {figures.first.n} drew nothing)"
    return [
        label,
        ms(figures.first.median),
        ms(figures.first.p95),
        ms(figures.settled.median),
        ms(figures.settled.p95),
        f"{ms(figures.cpu_first.median)} / {ms(figures.cpu_settled.median)}",
        frames,
        goal,
        met,
    ]


def keys_table(result: StoryResult) -> str:
    """One story's keys, under the floor measured the same way on the bare app."""
    header = [
        "key",
        "first frame",
        "p95",
        "settled",
        "p95",
        "CPU: first / settled",
        "frames",
        "goal",
        "met",
    ]
    rows = [
        key_row(f"*bare app: {label}*", figures, "", "") for label, figures in result.floor.items()
    ]
    for label, figures in result.keys.items():
        goal = key_goal(result.name, label)
        rows.append(
            key_row(
                f"`{label}`",
                figures,
                goal.describe() if goal else "",
                mark(goal.met(figures)) if goal else "",
            )
        )
    samples = next(iter(result.keys.values())).first.n if result.keys else 0
    return (
        f"Keys, {title(result)}: ms, medians and p95 of {samples} presses of `right` (more for "
        "keys pressed several times a walk); CPU: the process's CPU ms, medians.\n\n"
        + table(header, rows)
    )


def keys_overview(results: list[StoryResult]) -> str:
    """Every key across the stories: p95 to first frame / to settled screen, frames drawn."""
    labels = list(dict.fromkeys(label for result in results for label in result.keys))

    def cell(figures: KeyFigures | None) -> str:
        if figures is None:
            return "–"
        return f"{ms(figures.first.p95)} / {ms(figures.settled.p95)} ({figures.frames:g})"

    floor = [
        [f"*bare app: {label}*", *(cell(result.floor.get(label)) for result in results)]
        for label in dict.fromkeys(label for result in results for label in result.floor)
    ]
    rows = [
        [f"`{label}`", *(cell(result.keys.get(label)) for result in results)] for label in labels
    ]
    return "Key to first frame / to settled screen, p95 in ms (median frames drawn):\n\n" + table(
        ["key", *(title(result) for result in results)], floor + rows
    )


def goals_table(rows: list[GoalRow]) -> str:
    return table(
        ["figure", "goal (issue 10)", "measured", "met"],
        [[row.figure, row.goal, row.measured, mark(row.met)] for row in rows],
    )


def markdown(machine: dict[str, Any], load: dict[str, Any], results: list[StoryResult]) -> str:
    by_name = {result.name: result for result in results}
    parts = [
        f"Machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
        f"Textual {machine['textual']}, Rich {machine['rich']}, {machine['os']}; "
        f"{machine['date']}. Load average (1/5/15 min) at the start: "
        f"{' / '.join(f'{value:.1f}' for value in load['start'])}, at the end: "
        f"{' / '.join(f'{value:.1f}' for value in load['end'])}.",
        "### Goals",
        goals_table(goal_rows(by_name)),
        "### Start-up, memory, quit, validate",
        start_table(results),
        "### Keys",
        keys_overview(results),
        *(keys_table(result) for result in results),
    ]
    return "\n\n".join(parts) + "\n"
