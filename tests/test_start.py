"""Where the app opens: --lang beats the saved language beats the locale; deep links; --fresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from story import Saga
from tests.conftest import MINI
from tui.errors import UsageError
from tui.options import AppOptions, parse_app_options
from tui.start import Start, protagonist, resolve_start
from tui.state import Place, read_place, write_place

KEY = str(MINI.resolve())


def start(
    mini: Saga, state: Path, environ: dict[str, str] | None = None, **options: object
) -> Start:
    return resolve_start(AppOptions(**options), mini, KEY, state, environ or {})  # type: ignore[arg-type]


def test_defaults_open_at_the_start_in_english(mini: Saga, tmp_path: Path) -> None:
    begun = start(mini, tmp_path / "none.json")
    assert (begun.lang, begun.event, begun.day, begun.actor) == (
        "en",
        "founded",
        "background",
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
            day="2023-11-17",
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
    assert (linked.event, linked.day, linked.lang, linked.pane) == (
        "back",
        "2023-11-22",
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
