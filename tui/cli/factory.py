"""Build the app from command-line arguments: shared by the CLI, the tests and the benchmarks."""

from __future__ import annotations

from dataclasses import replace

from tui.app.saga_app import SagaApp
from tui.cli.errors import UsageError
from tui.cli.options import PROG, AppOptions, parse_app_options
from tui.cli.start import cache_folder, load_saga, resolve_start
from tui.cli.state import state_file
from tui.locale.remembered import recall
from tui.view.presenter_clock import Presentation, RangeError


def build_app(argv: list[str]) -> SagaApp:
    """Parse, load the story, decide where to open, and return the app (not yet running)."""
    options, version = parse_app_options(argv)
    if version:
        raise UsageError(f"{PROG}: --version is not an app option")
    saga, story_key = load_saga(options.story)
    recall(cache_folder())  # the dates and counts of the last run, so Babel waits
    state_path = state_file()
    start = resolve_start(options, saga, story_key, state_path)
    try:
        presentation = Presentation.of(saga, options.interval, options.first_day, options.last_day)
    except RangeError as error:
        raise UsageError(f"{PROG}: --from/--to: {error}") from None
    if start.event not in presentation.playlist:
        first = presentation.playlist.events[0]
        start = replace(start, event=first)
    app = SagaApp(
        start,
        state_path=state_path,
        present=options.present,
        interval=options.interval,
        presentation=presentation,
    )
    join_class(app, options)
    return app


def join_class(app: SagaApp, options: AppOptions) -> None:
    """--follow URL / --lead URL: give the app its part in a class (it connects on mount)."""
    url = options.lead or options.follow
    if url is None:
        return
    from tui.classroom.client import AddressError, hub_address
    from tui.classroom.in_app import ClassLink

    try:
        address = hub_address(url)
    except AddressError as error:
        raise UsageError(f"{PROG}: {error}") from None
    if options.lead and not address.token:
        raise UsageError(f"{PROG}: --lead needs the teacher's address (…/teacher/TOKEN)")
    app.class_link = ClassLink(app, address, "lead" if options.lead else "follow")
