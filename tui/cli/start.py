"""Where the app opens: the story, the language and the place, from options, saved state, locale.

Kept free of Textual so the rules (``--lang`` beats the saved language, which beats the locale;
deep links beat the saved place; ``--fresh`` ignores it) are unit-tested directly.
"""

from __future__ import annotations

import bisect
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from openai_saga_assets import STORY_DIR
from story import BACKGROUND, Saga, StoryError
from story.cache import load_cached
from story.dates import check_date
from story.gcpause import freeze_loaded
from story.prebuilt import load_prebuilt, shipped
from tui.cli.errors import UsageError
from tui.cli.options import PROG, AppOptions
from tui.cli.progress import ProgressLine
from tui.cli.state import Place, read_place, welcomed
from tui.cli.suggest import did_you_mean
from tui.locale.i18n import LANGUAGES, language_from_environment

PANES = ("days", "events", "detail", "cast", "arc")


@dataclass(frozen=True, slots=True)
class Start:
    """Everything the app needs to open."""

    saga: Saga
    story_key: str
    lang: str
    event: str
    actor: str
    pane: str = "events"
    notices: tuple[str, ...] = field(default=())
    welcome: bool = False
    """A first launch: the title card says what the panes are and the keys to start with."""


def load_saga(path: Path | None) -> tuple[Saga, str]:
    """The story at `path` (default: the shipped saga) and the key its place is saved under.

    The shipped saga comes from its pre-built file when that matches the YAML (`story.prebuilt`),
    another story from the cache or, failing that, the parser, with a progress line on a
    terminal. Once loaded, the story is moved out of the garbage collector's way: it lives as
    long as the app, and walking it on every full collection (and at exit) cost seconds at
    100,000 events."""
    saga = load_prebuilt(*shipped()) if path is None else None
    if saga is None:
        target = path if path is not None else STORY_DIR
        shown = str(path) if path is not None else "the shipped story"
        progress = ProgressLine(f"{PROG}: reading {shown}", sys.stderr)
        try:
            saga = load_cached(
                target, str(path) if path is not None else None, cache_folder(), progress
            )
        except StoryError as error:
            more = error.total - 1
            tail = f" (and {more} more: run '{PROG} validate {shown}')" if more > 0 else ""
            raise UsageError(f"{error.problems[0]}{tail}") from None
        finally:
            progress.close()
    freeze_loaded(len(saga.events))
    return saga, os.path.realpath(path if path is not None else STORY_DIR)


def cache_folder() -> Path | None:
    """Where parsed stories are cached (OPENAI_SAGA_CACHE overrides; "" turns caching off)."""
    override = os.environ.get("OPENAI_SAGA_CACHE")
    if override is not None:
        return Path(override) if override else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("openai-saga", appauthor=False))


def protagonist(saga: Saga) -> str:
    """The actor followed by default: the one who appears in most events."""
    counts = {
        actor: len(events) for actor, events in saga.events_of_actor.items() if actor in saga.actors
    }
    if counts:
        return max(counts, key=lambda actor: counts[actor])
    return next(iter(saga.actors), "")


def resolve_start(
    options: AppOptions,
    saga: Saga,
    story_key: str,
    state_path: Path,
    environ: Mapping[str, str] | None = None,
) -> Start:
    """Apply the rules of product.md to options, the saved place and the environment."""
    notices: list[str] = []
    place: Place | None = None
    if not options.fresh:
        place, why = read_place(state_path)
        if why:
            notices.append(why)
        if place is not None and place.story != story_key:
            place = None
    lang = options.lang or (place.lang if place and place.lang in LANGUAGES else None)
    lang = lang or language_from_environment(environ) or "en"
    if not saga.events:
        raise UsageError(f"{PROG}: the story has no events")
    event_id = _pick_event(options, saga, place)
    actor = options.actor or (place.actor if place and place.actor in saga.actors else None)
    if options.actor is not None and options.actor not in saga.actors:
        raise UsageError(
            f"{PROG}: unknown actor '{options.actor}'{did_you_mean(options.actor, saga.actors)}"
        )
    deep_link = options.day or options.event
    pane = place.pane if place and place.pane in PANES and not deep_link else "events"
    return Start(
        saga=saga,
        story_key=story_key,
        lang=lang,
        event=event_id,
        actor=actor or protagonist(saga),
        pane=pane,
        notices=tuple(notices),
        welcome=not welcomed(state_path),
    )


def _pick_event(options: AppOptions, saga: Saga, place: Place | None) -> str:
    """The event to open: --event, else the first of --day, else the saved one, else the first."""
    if options.event is not None:
        if options.event not in saga.event_by_id:
            hint = did_you_mean(options.event, saga.event_by_id)
            raise UsageError(f"{PROG}: unknown event '{options.event}'{hint}")
        return options.event
    if options.day is not None:
        day = saga.day_by_id.get(options.day)
        if day is None:
            if options.day != BACKGROUND and check_date(options.day) is not None:
                raise UsageError(f"{PROG}: '{options.day}' is not a day (use YYYY-MM-DD)")
            raise UsageError(
                f"{PROG}: no events on '{options.day}'{nearest_days(saga, options.day)}"
            )
        return day.events[0].id
    if place is not None and place.event in saga.event_by_id:
        return place.event
    opening = saga.info.opening
    return opening if opening in saga.event_by_id else saga.events[0].id


def nearest_days(saga: Saga, day: str) -> str:
    """The days with events on either side of `day`, for the message that it has none."""
    dated = [item.id for item in saga.days if not item.is_background]
    if not dated or day == BACKGROUND:
        return ""
    at = bisect.bisect(dated, day)
    near = [dated[index] for index in (at - 1, at) if 0 <= index < len(dated)]
    return f" (nearest days with events: {' and '.join(near)})"
