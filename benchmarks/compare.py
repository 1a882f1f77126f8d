"""Before and after: two JSON files written by `run.py --json`, side by side.

    python benchmarks/compare.py before.json after.json

Prints, for each story measured in both, the start-up figures and, for every key, the p95 to
first frame and to the settled screen and the median CPU time to the settled screen, before and
after, with the change as a ratio (after / before: under 1 is faster). Wall-clock figures move
with the machine's load (both loads are printed); CPU times much less (a busy machine still
slows each instruction a little), and medians of few samples move anyway.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.report import TITLES, ms, table

START_FIGURES = (
    ("first frame, warm (ms)", ("warm", "first_frame_ms")),
    ("first frame, no cache (ms)", ("cold", "first_frame_ms")),
    ("CPU to first frame, warm (ms)", ("warm", "cpu_first_frame_ms")),
    ("CPU to first frame, no cache (ms)", ("cold", "cpu_first_frame_ms")),
    ("start-up settled, warm (ms)", ("warm", "settled_ms")),
    ("peak memory, warm (MB)", ("warm", "peak_mb")),
    ("peak memory after every key (MB)", ("walk_peak_mb",)),
    ("quit (ms)", ("warm", "quit_ms")),
    ("`validate` (ms)", ("validate_ms",)),
    ("bare app first frame (ms)", ("bare", "first_frame_ms")),
)


def pick(story: dict[str, Any], path: tuple[str, ...]) -> float | None:
    value: Any = story
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return float(value) if isinstance(value, (int, float)) else None


def change(before: float | None, after: float | None) -> str:
    if before is None or after is None or before == 0:
        return "–"
    return f"{after / before:.2f}x"


def story_table(before: dict[str, Any], after: dict[str, Any]) -> str:
    rows = []
    for name, path in START_FIGURES:
        old, new = pick(before, path), pick(after, path)
        rows.append([name, ms(old), ms(new), change(old, new)])
    for label in after.get("keys", {}):
        for stat, rank, shown in (
            ("first", "p95", "first frame p95"),
            ("settled", "p95", "settled p95"),
            ("cpu_settled", "median", "CPU to settled, median"),
        ):
            old = pick(before, ("keys", label, stat, rank))
            new = pick(after, ("keys", label, stat, rank))
            rows.append([f"`{label}`: {shown} (ms)", ms(old), ms(new), change(old, new)])
    return table(["figure", "before", "after", "after / before"], rows)


def compare(before: dict[str, Any], after: dict[str, Any]) -> str:
    old_stories = {story["name"]: story for story in before["stories"]}
    parts = [
        f"Before: {before['machine']['date']}, load {before['load']['start'][0]:.1f}. "
        f"After: {after['machine']['date']}, load {after['load']['start'][0]:.1f}."
    ]
    if before.get("plans") != after.get("plans"):
        parts.append(
            "The two runs measured different numbers of walks or rounds: p95 and the peak "
            "memory after every key (which grows with each walk) are not comparable."
        )
    for story in after["stories"]:
        if story["name"] in old_stories:
            parts.append(f"### {TITLES.get(story['name'], story['name'])}")
            parts.append(story_table(old_stories[story["name"]], story))
    return "\n\n".join(parts) + "\n"


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit("usage: compare.py BEFORE.json AFTER.json")
    before, after = (json.loads(Path(name).read_text()) for name in sys.argv[1:])
    print(compare(before, after))


if __name__ == "__main__":
    main()
