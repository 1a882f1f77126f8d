"""The goals of issue 10 ("Speed"), checked against measured figures.

Key goals say which figure they judge: "first" (key to first frame) or "settled" (key to the
last frame of the key: what the reader waits for), and whether the key must be drawn in one
frame (the first frame is the last).
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.measure import KeyFigures, StoryResult

FRAME_MS = 16.7
"""One frame at 60 Hz."""


@dataclass(frozen=True)
class KeyGoal:
    stat: str
    """"first" or "settled"."""
    limit_ms: float
    one_frame: bool = False

    def describe(self) -> str:
        what = "first frame" if self.stat == "first" else "settled"
        text = f"{what} p95 ≤ {self.limit_ms:g} ms"
        return text + ", one frame" if self.one_frame else text

    def met(self, figures: KeyFigures) -> bool | None:
        value = (figures.first if self.stat == "first" else figures.settled).p95
        if value is None:
            return None
        return value <= self.limit_ms and (not self.one_frame or figures.frames <= 1)


def key_goal(story: str, label: str) -> KeyGoal | None:
    """The issue's goal for one key of one story, if it sets one."""
    if story == "shipped":
        return KeyGoal("first", FRAME_MS, one_frame=True)
    if story == "10k":
        if label in ("l", "enter (cast)"):
            return KeyGoal("settled", 2 * FRAME_MS)
        if label == "palette typing":
            return KeyGoal("settled", FRAME_MS)
    if story == "100k":
        return KeyGoal("settled", 100.0)
    return None


@dataclass(frozen=True)
class GoalRow:
    figure: str
    goal: str
    measured: str
    met: bool | None
    """None: not measured in this run."""


def _ratio_row(
    results: dict[str, StoryResult], story: str, ratio: str, figure: str, limit: float
) -> GoalRow:
    result = results.get(story)
    if result is None:
        return GoalRow(figure, f"≤ {limit:g}x", "not measured", None)
    value = result.ratios[ratio]
    measured = f"{value:.2f}x"
    cpu = result.ratios.get(f"cpu_{ratio}")
    if cpu is not None:
        measured += f" (CPU time: {cpu:.2f}x)"
    return GoalRow(figure, f"≤ {limit:g}x", measured, value <= limit)


def _keys_row(results: dict[str, StoryResult], story: str, figure: str, goal: str) -> GoalRow:
    """All of a story's keys that have a goal: how many miss it, and the worst."""
    result = results.get(story)
    if result is None:
        return GoalRow(figure, goal, "not measured", None)
    judged = []
    for label, figures in result.keys.items():
        target = key_goal(story, label)
        if target is not None:
            value = (figures.first if target.stat == "first" else figures.settled).p95
            judged.append((value if value is not None else float("inf"), label, target, figures))
    if not judged:
        return GoalRow(figure, goal, "no key measured", None)
    misses = [item for item in judged if not item[2].met(item[3])]
    worst_value, worst_label, _, _ = max(judged)
    measured = f"worst: `{worst_label}` {worst_value:.0f} ms; {len(misses)} of {len(judged)} miss"
    return GoalRow(figure, goal, measured, not misses)


def _frames_row(results: dict[str, StoryResult]) -> GoalRow:
    goal = "the first frame is the last frame"
    result = results.get("shipped")
    if result is None:
        return GoalRow("shipped: frames per key", goal, "not measured", None)
    several = [label for label, figures in result.keys.items() if figures.frames > 1]
    worst = max(result.keys.items(), key=lambda item: item[1].frames)
    measured = (
        f"{len(several)} of {len(result.keys)} keys draw more than one frame "
        f"(most: `{worst[0]}`, {worst[1].frames:g})"
    )
    return GoalRow("shipped: frames per key (median)", goal, measured, not several)


def _value_row(
    results: dict[str, StoryResult], story: str, figure: str, value_of: str, limit_ms: float
) -> GoalRow:
    result = results.get(story)
    goal = f"≤ {limit_ms / 1000:g} s"
    if result is None:
        return GoalRow(figure, goal, "not measured", None)
    value = result.warm.quit_ms if value_of == "quit" else result.validate_ms
    return GoalRow(figure, goal, f"{value / 1000:.2f} s", value <= limit_ms)


def goal_rows(results: dict[str, StoryResult]) -> list[GoalRow]:
    """Every goal of the issue's table, in its order."""
    return [
        _ratio_row(results, "shipped", "first_frame_warm", "shipped: first frame, warm", 1.3),
        _ratio_row(results, "shipped", "first_frame_cold", "shipped: first frame, no cache", 1.5),
        _ratio_row(results, "shipped", "peak_memory", "shipped: peak memory", 1.5),
        _keys_row(results, "shipped", "shipped: key to first frame, every key", "p95 ≤ 16.7 ms"),
        _frames_row(results),
        _ratio_row(results, "10k", "first_frame_warm", "10,000 events: first frame, warm", 1.6),
        _ratio_row(results, "10k", "first_frame_cold", "10,000 events: first frame, no cache", 5),
        _keys_row(
            results,
            "10k",
            "10,000 events: `l`, follow (enter in the cast), palette typing",
            "settled p95 ≤ 33 / 33 / 16.7 ms",
        ),
        _keys_row(results, "100k", "100,000 events: every key", "settled p95 ≤ 100 ms"),
        _value_row(results, "100k", "100,000 events: quit", "quit", 300),
        _value_row(results, "10k", "10,000 events: `validate`", "validate", 1000),
        _value_row(results, "100k", "100,000 events: `validate`", "validate", 10000),
    ]
