"""The stories measured: the shipped one and synthetic ones of 1,000 to 100,000 events."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.measure import Story
from benchmarks.synthetic import GENERATOR_VERSION, TYPED_WORD, is_written, walk_day

SHIPPED_WALK_DAY = "2023-11-17"
"""The day Altman was fired: many events, a full cast, the CEO seat changing hands."""
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
NAMES = ("shipped", *SIZES)


def shipped() -> Story:
    return Story("shipped", None, (), SHIPPED_WALK_DAY, TYPED_WORD)


def synthetic(name: str, folder: Path) -> Story:
    """A synthetic story (written once into `folder`, reused while the generator is the same;
    written by another process, so that this one stays small while it measures)."""
    events = SIZES[name]
    path = folder / f"v{GENERATOR_VERSION}-{events}"
    if not is_written(path):
        generator = Path(__file__).resolve().parent / "synthetic.py"
        command = [sys.executable, str(generator), str(events), str(path)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return Story(name, events, ("--story", str(path)), walk_day(events), TYPED_WORD)


def story(name: str, folder: Path) -> Story:
    """The story called `name` (one of NAMES)."""
    return shipped() if name == "shipped" else synthetic(name, folder)
