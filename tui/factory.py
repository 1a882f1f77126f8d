"""Build the app from command-line arguments: shared by the CLI, the tests and the benchmarks."""

from __future__ import annotations

from tui.app import SagaApp
from tui.errors import UsageError
from tui.options import PROG, parse_app_options
from tui.start import load_saga, resolve_start
from tui.state import state_file


def build_app(argv: list[str]) -> SagaApp:
    """Parse, load the story, decide where to open, and return the app (not yet running)."""
    options, version = parse_app_options(argv)
    if version:
        raise UsageError(f"{PROG}: --version is not an app option")
    saga, story_key = load_saga(options.story)
    state_path = state_file()
    start = resolve_start(options, saga, story_key, state_path)
    return SagaApp(start, state_path=state_path, present=options.present, interval=options.interval)
