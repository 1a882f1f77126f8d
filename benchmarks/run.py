"""Benchmarks of openai-saga, side by side with a bare Textual app (Header, Static, Footer).

    python benchmarks/run.py                  # the full run: shipped, 1k, 10k, 100k events
    python benchmarks/run.py --quick          # shipped + 1k, few repeats (~2 minutes)
    python benchmarks/run.py --only 10k       # one story (shipped, 1k, 10k or 100k)
    python benchmarks/run.py --json after.json
    python benchmarks/run.py --from-json after.json   # print a saved run's tables again

Prints Markdown tables (progress goes to stderr): start-up (warm and no cache), peak memory,
quit and `validate` time against the bare app, then key to first frame and to settled screen
for every key, and the goals of issue 10 with whether each is met. See benchmarks/README.md
for the method. Speed is measured here, never asserted in a test.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: import `benchmarks` from the repository, not this folder's modules.
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from benchmarks.machine import load, machine
from benchmarks.measure import ProbeFailed, StoryResult, measure_story, story_result_from
from benchmarks.report import markdown
from benchmarks.stories import NAMES, story


@dataclass(frozen=True)
class Plan:
    """How many times to measure a story."""

    repeats: int
    """Walks over every key (each key measured once or more per walk)."""
    runs: int
    """Rounds of start-ups (bare, warm, no cache)."""
    validate_runs: int


FULL = {
    "shipped": Plan(repeats=20, runs=9, validate_runs=5),
    "1k": Plan(repeats=20, runs=9, validate_runs=5),
    "10k": Plan(repeats=10, runs=5, validate_runs=3),
    "100k": Plan(repeats=3, runs=3, validate_runs=2),
}
QUICK = {name: Plan(repeats=2, runs=3, validate_runs=2) for name in ("shipped", "1k")}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="shipped + 1k, few repeats")
    parser.add_argument("--only", choices=NAMES, action="append", help="measure only this story")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument(
        "--from-json", type=Path, help="measure nothing: print the tables of a saved --json run"
    )
    parser.add_argument("--repeats", type=int, help="walks over every key, for every story")
    parser.add_argument("--runs", type=int, help="start-up rounds, for every story")
    parser.add_argument(
        "--stories",
        type=Path,
        default=Path(tempfile.gettempdir()) / "openai-saga-bench",
        help="where synthetic stories are written once and kept (default: %(default)s)",
    )
    return parser.parse_args(argv)


def plans(options: argparse.Namespace) -> dict[str, Plan]:
    chosen = dict(QUICK if options.quick else FULL)
    if options.only:
        chosen = {name: (chosen.get(name) or FULL[name]) for name in options.only}
    return {
        name: Plan(
            repeats=options.repeats or plan.repeats,
            runs=options.runs or plan.runs,
            validate_runs=min(plan.validate_runs, options.runs or plan.validate_runs),
        )
        for name, plan in chosen.items()
    }


def reprint(saved: Path) -> None:
    """The tables of a run saved with --json (after changing the report, say)."""
    document = json.loads(saved.read_text())
    results = [story_result_from(data) for data in document["stories"]]
    print(markdown(document["machine"], document["load"], results))


def save(
    path: Path,
    info: dict[str, Any],
    load_times: dict[str, Any],
    plan: dict[str, Plan],
    results: list[StoryResult],
    failed: dict[str, str],
) -> None:
    """Write every figure so far (after each story: a long run that fails late keeps the rest)."""
    document = {
        "machine": info,
        "load": load_times,
        "plans": {name: asdict(each) for name, each in plan.items()},
        "stories": [asdict(result) for result in results],
        "failed": failed,
    }
    path.write_text(json.dumps(document, indent=1) + "\n")


def main(argv: list[str] | None = None) -> None:
    options = parse(sys.argv[1:] if argv is None else argv)
    if options.from_json:
        reprint(options.from_json)
        return
    info = machine()
    load_times: dict[str, Any] = {"start": load(), "end": load()}
    chosen = plans(options)
    results: list[StoryResult] = []
    failed: dict[str, str] = {}
    work = Path(tempfile.mkdtemp(prefix="saga-bench-run-"))
    try:
        for name, plan in chosen.items():
            print(f"measuring {name} ({plan}) ...", file=sys.stderr, flush=True)
            try:
                measured = story(name, options.stories)
                results.append(
                    measure_story(
                        measured,
                        repeats=plan.repeats,
                        runs=plan.runs,
                        validate_runs=plan.validate_runs,
                        work=work,
                    )
                )
            except (ProbeFailed, subprocess.CalledProcessError) as error:
                failed[name] = str(error)
                print(f"{name} failed: {error}", file=sys.stderr, flush=True)
            load_times["end"] = load()
            if options.json:
                save(options.json, info, load_times, chosen, results, failed)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(markdown(info, load_times, results))
    if failed:
        raise SystemExit(f"not measured: {', '.join(failed)} (see above)")


if __name__ == "__main__":
    main()
