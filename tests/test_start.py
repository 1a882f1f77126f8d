"""Where the app opens: --lang beats the saved language beats the locale; deep links; --fresh."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from story import Saga
from story.gcpause import freeze_loaded
from tests.conftest import MINI
from tui.cli.errors import UsageError
from tui.cli.options import AppOptions, parse_app_options
from tui.cli.start import Start, protagonist, resolve_start
from tui.cli.state import Place, read_place, write_place
from tui.cli.suggest import closest, did_you_mean

KEY = str(MINI.resolve())


def start(
    mini: Saga, state: Path, environ: dict[str, str] | None = None, **options: object
) -> Start:
    return resolve_start(AppOptions(**options), mini, KEY, state, environ or {})  # type: ignore[arg-type]


def test_defaults_open_at_the_start_in_english(mini: Saga, tmp_path: Path) -> None:
    begun = start(mini, tmp_path / "none.json")
    assert (begun.lang, begun.event, begun.actor) == (
        "en",
        "founded",
        "sam-altman",
    )


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "id_ID", "LANG": "fr_FR.UTF-8"}, "id"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_language_from_the_locale(
    mini: Saga, tmp_path: Path, environ: dict[str, str], lang: str
) -> None:
    assert start(mini, tmp_path / "none.json", environ).lang == lang


def test_saved_place_resumes_and_flags_win(mini: Saga, tmp_path: Path) -> None:
    state = tmp_path / "place.json"
    write_place(
        state,
        Place(
            story=KEY,
            event="murati-named",
            actor="mira-murati",
            lang="zh",
            pane="arc",
        ),
    )
    resumed = start(mini, state, {"LANG": "fr_FR.UTF-8"})
    assert (resumed.event, resumed.actor, resumed.lang, resumed.pane) == (
        "murati-named",
        "mira-murati",
        "zh",
        "arc",
    )
    linked = start(mini, state, lang="id", event="back")
    assert (linked.event, linked.lang, linked.pane) == (
        "back",
        "id",
        "events",
    )
    fresh = start(mini, state, fresh=True)
    assert (fresh.event, fresh.lang) == ("founded", "en")


def test_place_of_another_story_is_not_resumed(mini: Saga, tmp_path: Path) -> None:
    state = tmp_path / "place.json"
    write_place(state, Place(story="/elsewhere", event="back"))
    assert start(mini, state).event == "founded"


def test_corrupt_state_is_ignored_with_a_notice(mini: Saga, tmp_path: Path) -> None:
    state = tmp_path / "place.json"
    state.write_text("{not json")
    begun = start(mini, state)
    assert begun.event == "founded"
    assert len(begun.notices) == 1 and "ignored" in begun.notices[0]


def test_deep_links(mini: Saga, tmp_path: Path) -> None:
    assert start(mini, tmp_path / "n", day="2023-11-17").event == "fired"
    assert start(mini, tmp_path / "n", day="background").event == "founded"
    assert start(mini, tmp_path / "n", actor="mira-murati").actor == "mira-murati"
    with pytest.raises(UsageError, match="unknown event"):
        start(mini, tmp_path / "n", event="nope")
    with pytest.raises(UsageError, match="no events on '2023-11-18'"):
        start(mini, tmp_path / "n", day="2023-11-18")


def test_protagonist_is_who_appears_most(mini: Saga) -> None:
    assert protagonist(mini) == "sam-altman"


def test_options_parse() -> None:
    options, version = parse_app_options(["--lang", "fr", "--present", "--interval", "4"])
    assert options.lang == "fr" and options.present and options.interval == 4.0
    assert not version


def test_state_write_is_atomic_and_round_trips(tmp_path: Path) -> None:
    state = tmp_path / "deep" / "place.json"
    place = Place(story="s", event="e", lang="fr")
    assert write_place(state, place) is None
    assert read_place(state) == (place, None)
    assert [p.name for p in state.parent.iterdir()] == ["place.json"]


def test_unwritable_state_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    problem = write_place(blocker / "place.json", Place(story="s"))
    assert problem is not None and "place.json" in problem


def test_state_with_wrong_types_is_ignored(tmp_path: Path) -> None:
    state = tmp_path / "place.json"
    state.write_text('{"story": 3}')
    place, why = read_place(state)
    assert place is None and why is not None and "wrong types" in why


def test_unknown_ids_suggest_the_closest(mini: Saga, tmp_path: Path) -> None:
    """Issue 12, point 6: a near miss names the id that was meant."""
    with pytest.raises(UsageError) as raised:
        start(mini, tmp_path / "n", actor="murati")
    assert str(raised.value) == "openai-saga: unknown actor 'murati': did you mean 'mira-murati'?"
    with pytest.raises(UsageError) as raised:
        start(mini, tmp_path / "n", event="fird")
    assert str(raised.value) == "openai-saga: unknown event 'fird': did you mean 'fired'?"
    with pytest.raises(UsageError) as raised:
        start(mini, tmp_path / "n", event="zzzz")
    assert str(raised.value) == "openai-saga: unknown event 'zzzz'"
    with pytest.raises(UsageError) as raised:
        start(mini, tmp_path / "n", day="2023-11-20")
    assert str(raised.value) == (
        "openai-saga: no events on '2023-11-20' (nearest days with events: 2023-11-17 and "
        "2023-11-22)"
    )


def test_suggestions_stay_quick_and_bounded_with_many_ids() -> None:
    ids = [f"p{n // 10_000}-event-{n}" for n in range(100_000)]
    assert closest("p3-evnt-34567", ids)[0] == "p3-event-34567"
    assert closest("x" * 1000, ids) == []
    assert did_you_mean("event-99999", ids) == ": did you mean 'p9-event-99999'?"


def test_a_fifo_as_state_file_is_ignored_not_waited_on(mini: Saga, tmp_path: Path) -> None:
    fifo = tmp_path / "place.json"
    os.mkfifo(fifo)
    begun = start(mini, fifo)  # used to block for ever in open()
    assert begun.event == "founded"
    assert begun.notices == (f"{fifo}: ignored, not a regular file",)


def test_a_deeply_nested_state_file_is_ignored(mini: Saga, tmp_path: Path) -> None:
    state = tmp_path / "place.json"
    state.write_text("[" * 5000)  # used to end the start with RecursionError
    begun = start(mini, state)
    assert begun.event == "founded"
    assert begun.notices == (f"{state}: ignored, not a saved place (nested too deep)",)
    state.unlink()
    state.mkdir()
    assert "ignored" in start(mini, state).notices[0]


def test_a_story_path_that_is_not_utf8_round_trips_in_the_state(tmp_path: Path) -> None:
    state = tmp_path / "place.json"
    key = os.fsdecode(b"/stories/caf\xe9")
    assert write_place(state, Place(story=key, event="e")) is None
    assert read_place(state) == (Place(story=key, event="e"), None)


def test_only_a_big_story_is_frozen_out_of_the_collector() -> None:
    assert not freeze_loaded(55)
    try:
        assert freeze_loaded(10_000)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_place_saved_with_a_day_by_an_older_version_still_resumes(tmp_path: Path) -> None:
    """Places used to store the day too (never read: the event says it); such a file still
    resumes its event."""
    state = tmp_path / "place.json"
    state.write_text('{"story": "s", "day": "2023-11-17", "event": "e"}')
    assert read_place(state) == (Place(story="s", event="e"), None)


def test_a_started_app_is_frozen_and_thawed_when_it_ends() -> None:
    """The objects alive after start-up leave the collector's full passes while the app runs
    (the pauses behind slow keys), and come back when it ends (a test run starts many apps)."""
    import asyncio

    from tui import make_app

    gc.unfreeze()
    app = make_app(["--fresh", "--story", str(MINI)])

    async def run() -> int:
        async with app.run_test() as pilot:
            await pilot.pause()
            return gc.get_freeze_count()

    assert asyncio.run(run()) > 0
    assert gc.get_freeze_count() == 0


def test_a_big_story_stays_frozen_after_its_app() -> None:
    """A story frozen at load stays frozen: the process quits without walking it."""
    from story.gcpause import StartupFreeze

    freeze = StartupFreeze()
    try:
        freeze.freeze()
        freeze.thaw(10_000)
        assert gc.get_freeze_count() > 0
        freeze.freeze()
        freeze.thaw(55)
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
