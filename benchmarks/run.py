"""Benchmarks of openai-saga: start-up against a bare Textual app, key-to-screen latency,
for the shipped story and synthetic stories of 10,000 and 100,000 events.

    python benchmarks/run.py [--sizes 10000,100000] [--keys 60]

Prints figures; asserts nothing (speed is measured here, never in a timed test).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import write_story  # noqa: E402


def start_up(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start to the first screen, and to process exit."""
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(HERE / "probe.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    ready = time.perf_counter() - began
    _, err = process.communicate(timeout=600)
    done = time.perf_counter() - began
    if line.strip() != "ready":
        raise SystemExit(f"probe failed: {line}{err}")
    return ready, done


def median_of(runs: int, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    results = [start_up(args, env) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results))


async def key_latency(args: list[str], keys: int) -> tuple[float, float, float]:
    """Median and 95th percentile ms from a key press to the screen updated, and the
    same for an unbound key (the cost of the test harness itself)."""
    from tui import make_app

    app = make_app(args)
    samples: list[float] = []
    baseline: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for index in range(keys):
            key = "space" if index % 20 < 10 else "shift+space"
            began = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            samples.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            await pilot.press("f19")
            await pilot.pause()
            baseline.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return (
        statistics.median(samples),
        samples[int(len(samples) * 0.95) - 1],
        statistics.median(baseline),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="saga-bench-"))
    env = {
        **os.environ,
        "OPENAI_SAGA_STATE": str(work / "state.json"),
        "OPENAI_SAGA_CACHE": str(work / "cache"),
    }
    os.environ.update(env)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    bare = median_of(options.runs, ["bare"], env)
    bare_ms = bare[0] * 1000
    print(f"{'bare Textual app':<24} first frame {bare_ms:7.0f} ms, exit {bare[1] * 1000:.0f} ms")
    stories: list[tuple[str, list[str]]] = [("shipped story", [])]
    for size in (int(s) for s in options.sizes.split(",") if s):
        folder = write_story(work / f"story-{size}", size)
        stories.append((f"{size:,} events", ["--story", str(folder)]))
    for name, args in stories:
        cold = start_up([*args, "--fresh"], {**env, "OPENAI_SAGA_CACHE": ""})
        start_up([*args, "--fresh"], env)  # fills the cache
        warm = median_of(options.runs, [*args, "--fresh"], env)
        median, p95, harness = asyncio.run(key_latency([*args, "--fresh"], options.keys))
        print(
            f"{name:<24} first frame {warm[0] * 1000:7.0f} ms (cold, no cache: "
            f"{cold[0] * 1000:.0f} ms; +{(warm[0] - bare[0]) * 1000:.0f} ms over bare)   "
            f"key to screen: median {median:.1f} ms, p95 {p95:.1f} ms "
            f"(harness alone {harness:.1f} ms)"
        )


if __name__ == "__main__":
    main()
