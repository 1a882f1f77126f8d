"""Presenter mode's view: what the room sees (never the teacher notes), its countdown and range.

Driven in a small host app that does what the browser screen does for the view: give it the
selection, and move the selection when the view asks (EventPicked). Time is a fake clock.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Digits, Static

from story import Saga
from tui.messages import EventPicked
from tui.presenter_clock import Presentation
from tui.presenter_view import big_digits
from tui.selection import Selection
from tui.widgets import presenter as presenter_module
from tui.widgets.presenter import PresenterView

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
        self.picked: list[str] = []

    def compose(self) -> ComposeResult:
        yield PresenterView(self.saga, self.presentation)

    def on_mount(self) -> None:
        self.view.selection = self.first

    @property
    def view(self) -> PresenterView:
        return self.query_one(PresenterView)

    def on_event_picked(self, message: EventPicked) -> None:
        self.picked.append(message.event_id)
        assert self.view.selection is not None
        self.view.selection = replace(self.view.selection, event=message.event_id)


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


async def test_a_manual_move_restarts_the_countdown(saga: Saga, clock: FakeTime) -> None:
    presentation = Presentation.of(saga, interval=20)
    app = Host(saga, presentation, Selection(event="altman-fired", lang="en", mode="present"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock.now += 15
        await pilot.pause(0.3)
        assert "next in 5 s" in shown(app)
        assert app.view.selection is not None
        following = saga.next_event("altman-fired", 1)
        assert following is not None
        app.view.selection = replace(app.view.selection, event=following.id)  # by hand
        await pilot.pause(0.3)
        assert presentation.clock.remaining(clock.now) == 20
        assert "next in 20 s" in shown(app)
        clock.now += 19
        await pilot.pause(0.3)
        assert app.picked == []  # the old deadline has passed, the new one has not


async def test_auto_advance_keeps_to_the_range_and_shows_the_place(
    saga: Saga, clock: FakeTime
) -> None:
    presentation = Presentation.of(saga, interval=10, first_day="2023-11-20", last_day="2023-11-21")
    days = ("2023-11-20", "2023-11-21")
    played = presentation.playlist.events
    app = Host(saga, presentation, Selection(event=played[-1], lang="en", mode="present"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert f"{len(played)} / {len(played)}" in shown(app)
        for _ in range(len(played) + 2):
            clock.now += 10.5
            await pilot.pause(0.35)
        assert len(app.picked) >= len(played)
        assert {saga.day_of_event[event] for event in app.picked} == set(days)
        assert app.picked[0] == played[0]  # looped to the range's first event, not the story's


async def test_k_pauses_and_resumes(saga: Saga, clock: FakeTime) -> None:
    presentation = Presentation.of(saga, interval=10)
    app = Host(saga, presentation, Selection(event="altman-fired", lang="fr", mode="present"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        clock.now += 60
        await pilot.pause(0.3)
        assert app.picked == [] and "en pause" in shown(app)
        await pilot.press("k")
        clock.now += 10.5
        await pilot.pause(0.4)
        assert len(app.picked) == 1


async def test_two_languages_side_by_side(saga: Saga, clock: FakeTime) -> None:
    selection = Selection(event="altman-fired", lang="en", second_lang="zh", mode="present")
    app = Host(saga, Presentation.of(saga), selection)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        fired = saga.event_by_id["altman-fired"]
        assert fired.title("en") in text and fired.title("zh") in text
