"""`openai-saga validate [PATH ...]`: check stories, print every problem or a one-line summary."""

from __future__ import annotations

import sys
from pathlib import Path

from openai_saga_assets import STORY_DIR
from story import coverage, read_story
from tui.options import PROG, QuietParser


def summary(name: str, path: Path) -> tuple[str | None, list[str]]:
    """A one-line summary of a valid story, or its problems as `FILE:LINE:COLUMN: message`."""
    saga, problems = read_story(path, name)
    if saga is None:
        ordered = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0))
        return None, [str(problem) for problem in ordered]
    quotes = sum(len(event.quotes) for event in saga.events)
    beats = sum(len(act.beats) for act in saga.script.acts) if saga.script else 0
    languages = " ".join(f"{item.lang} {item.percent:.0f}%" for item in coverage(saga))
    line = (
        f"{name}: ok: {len(saga.events)} events over {len(saga.days)} days, "
        f"{len(saga.actors)} actors, {quotes} quotes, {len(saga.sources)} sources, "
        f"{beats} script beats; translated: {languages}"
    )
    return line, []


def validate_main(argv: list[str]) -> int:
    """Exit 0 when every story is valid, else 2 (every problem printed)."""
    parser = QuietParser(prog=f"{PROG} validate", description="Check story files.")
    parser.add_argument("paths", nargs="*", type=Path, help="story folders or files")
    args = parser.parse_args(argv)
    targets = [(str(path), path) for path in args.paths] or [(str(STORY_DIR), STORY_DIR)]
    status = 0
    for name, path in targets:
        line, problems = summary(name, path)
        if line:
            print(line)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            status = 2
    return status
