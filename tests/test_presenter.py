"""Presenter mode: what the room sees (never the teacher notes), its countdown and range.

The view is tested in a small host app that gives it the selection as the browser screen does;
the countdown and the range in the real app. Time is a fake clock.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Digits, Static

from story import Saga
from tests.test_cli import entry
from tui.app.widgets import presenter as presenter_module
from tui.app.widgets.presenter import PresenterView
from tui.cli.factory import build_app
from tui.view.presenter import big_digits
from tui.view.presenter_clock import Presentation
from tui.view.selection import Selection

NOTED = "capped-profit-turn"
"""An event with teacher notes and perspectives."""


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


class Host(App[None]):
    def __init__(self, saga: Saga, presentation: Presentation, selection: Selection) -> None:
        super().__init__()
        self.saga = saga
        self.presentation = presentation
        self.first = selection

    def compose(self) -> ComposeResult:
        yield PresenterView(self.saga, self.presentation)

    def on_mount(self) -> None:
        self.view.selection = self.first

    @property
    def view(self) -> PresenterView:
        return self.query_one(PresenterView)


def shown(app: Host) -> str:
    """Every text on the view."""
    parts = [str(static.render()) for static in app.query(Static) if static.display]
    parts.append(app.query_one(Digits).value)
    return "\n".join(parts)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    monkeypatch.setattr(presenter_module, "time", fake)
    return fake


async def test_the_room_sees_the_event_but_no_teacher_note(saga: Saga, clock: FakeTime) -> None:
    event = saga.event_by_id[NOTED]
    notes = saga.notes_about(NOTED)
    assert notes
    app = Host(saga, Presentation.of(saga), Selection(event=NOTED, lang="en", mode="present"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        assert event.title("en") in text and event.text("en")[:60] in text
        for note in notes:
            assert note.title("en") not in text and note.text("en")[:40] not in text
        assert "Notes for teachers" not in text and "Sources" not in text


async def test_big_digits_show_the_day_and_time(saga: Saga) -> None:
    fired = saga.event_by_id["altman-fired"]
    assert big_digits(fired, "en") == "11/17 12:00"
    assert big_digits(fired, "fr") == "17/11 12:00"
    assert big_digits(fired, "id") == "17/11 12:00"


async def test_k_pauses_and_resumes(saga: Saga, clock: FakeTime) -> None:
    presentation = Presentation.of(saga, interval=10)
    presentation.moved(clock.now)
    app = Host(saga, presentation, Selection(event="altman-fired", lang="fr", mode="present"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock.now += 4
        await pilot.press("k")
        clock.now += 60
        await pilot.pause(0.3)
        assert presentation.clock.paused and "en pause" in shown(app)
        await pilot.press("k")
        await pilot.pause(0.3)
        assert not presentation.clock.paused and "suivant dans 6 s" in shown(app)


# The real app: the countdown and the days played -----------------------------------------------


@pytest.fixture
def app_clock(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    import tui.app.saga_app

    fake = FakeTime()
    monkeypatch.setattr(tui.app.saga_app, "time", fake)
    return fake


async def test_a_manual_move_restarts_the_countdown(saga: Saga, app_clock: FakeTime) -> None:
    app = build_app(["--fresh", "--present", "--interval", "20", "--event", "altman-fired"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock = app.presentation.clock
        app_clock.now += 15
        await pilot.pause(0.3)
        assert clock.remaining(app_clock.now) == 5
        await pilot.press("space")  # by hand, five seconds before the advance
        moved_to = app.selection.event
        assert moved_to != "altman-fired"
        assert clock.remaining(app_clock.now) == 20
        app_clock.now += 19
        await pilot.pause(0.4)
        assert app.selection.event == moved_to  # the old deadline has passed, the new one not
        app_clock.now += 1.5
        await pilot.pause(0.4)
        following = saga.next_event(moved_to, 1)
        assert following is not None and app.selection.event == following.id


async def test_auto_advance_keeps_to_the_range(saga: Saga, app_clock: FakeTime) -> None:
    days = ("2023-11-20", "2023-11-21")
    app = build_app(
        ["--fresh", "--present", "--interval", "10", "--from", days[0], "--to", days[1]]
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        played = app.presentation.playlist.events
        assert app.selection.event == played[0]  # opened inside the range
        seen = [app.selection.event]
        for _ in range(len(played) + 2):
            app_clock.now += 10.5
            await pilot.pause(0.35)
            seen.append(app.selection.event)
        assert {saga.day_of_event[event] for event in seen} == set(days)
        assert seen[len(played)] == played[0]  # looped to the range's first event


def test_a_bad_range_exits_2() -> None:
    result = entry("--present", "--from", "2023-11-21", "--to", "2023-11-17")
    assert result.returncode == 2 and "backwards" in result.stderr
    result = entry("--from", "2023-11-17")
    assert result.returncode == 2 and "--from needs --present" in result.stderr


async def test_two_languages_side_by_side(saga: Saga, clock: FakeTime) -> None:
    selection = Selection(event="altman-fired", lang="en", second_lang="zh", mode="present")
    app = Host(saga, Presentation.of(saga), selection)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        fired = saga.event_by_id["altman-fired"]
        assert fired.title("en") in text and fired.title("zh") in text
