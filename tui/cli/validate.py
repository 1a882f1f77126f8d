"""`openai-saga validate [PATH ...]`: check stories, print their problems or a one-line summary.

Output stays bounded however broken a story is: the first `MAX_SHOWN` problems (in file and
line order) and a count of the rest. A big story shows a progress line on a terminal while it
is parsed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openai_saga_assets import STORY_DIR
from story import Saga, coverage
from story.gcpause import gc_paused
from story.loader import read_story_counted
from tui.cli.main import say
from tui.cli.options import PROG, QuietParser
from tui.cli.progress import ProgressLine

MAX_SHOWN = 50
"""Problem lines printed per story; the rest are counted in one more line."""


def summary_line(name: str, saga: Saga) -> str:
    """The one line that describes a valid story."""
    quotes = sum(len(event.quotes) for event in saga.events)
    beats = sum(len(act.beats) for act in saga.script.acts) if saga.script else 0
    languages = " ".join(f"{item.lang} {item.percent:.0f}%" for item in coverage(saga))
    return (
        f"{name}: ok: {len(saga.events)} events over {len(saga.days)} days, "
        f"{len(saga.actors)} actors, {quotes} quotes, {len(saga.sources)} sources, "
        f"{beats} script beats; translated: {languages}"
    )


def summary(name: str, path: Path) -> tuple[str | None, list[str]]:
    """A one-line summary of a valid story, or its problems as `FILE:LINE:COLUMN: message`
    lines (at most MAX_SHOWN, then one line counting the rest)."""
    progress = ProgressLine(f"{PROG} validate: reading {name}", sys.stderr)
    with gc_paused():  # the collector stays off until the summary is written (see gcpause)
        try:
            saga, problems, total = read_story_counted(path, name, progress)
        finally:
            progress.close()
        if saga is not None:
            return summary_line(name, saga), []
    ordered = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
    lines = [str(problem) for problem in ordered[:MAX_SHOWN]]
    if total > len(lines):
        lines.append(f"{name}: and {total - len(lines):,} more problems ({total:,} in all)")
    return None, lines


def validate_main(argv: list[str]) -> int:
    """Exit 0 when every story is valid, else 2."""
    parser = QuietParser(prog=f"{PROG} validate", description="Check story files.")
    parser.add_argument("paths", nargs="*", type=Path, help="story folders or files")
    args = parser.parse_args(argv)
    targets = [(str(path), path) for path in args.paths] or [(str(STORY_DIR), STORY_DIR)]
    status = 0
    for name, path in targets:
        line, problems = summary(name, path)
        if line:
            say(line, sys.stdout)
        for problem in problems:
            say(problem)
        if problems:
            status = 2
    return status
