"""The event pane draws the events one key away while the reader reads, and keeps what it drew:
the next key shows lines already drawn (the drawing was most of a key's own work)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.visual import Visual
from textual.widget import Widget

from story import Saga
from tests.test_browser_mini import press
from tests.test_browser_saga import saga_app
from tui.app.widgets.detail import DRAW_AHEAD_AFTER, EventDetail
from tui.app.widgets.text_pane import TextPane
from tui.view.nearby import one_key_away


@pytest.fixture
def drawn_by(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The class name of every widget that breaks a text into lines (`Visual.to_strips`)."""
    drawers: list[str] = []
    original = Visual.to_strips

    def to_strips(widget: Widget, *args: object, **kwargs: object) -> object:
        drawers.append(type(widget).__name__)
        return original(widget, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Visual, "to_strips", to_strips)
    yield drawers


def test_one_key_away_is_the_next_and_previous_event_and_day(saga: Saga) -> None:
    first, second = saga.days[0].events[0], saga.events[1]
    assert one_key_away(saga, first.id)[0] == second.id
    assert saga.days[1].events[0].id in one_key_away(saga, first.id)
    middle = saga.days[len(saga.days) // 2]
    event = middle.events[-1]
    nearby = one_key_away(saga, event.id)
    position = saga.position_of_event[event.id]
    assert saga.events[position + 1].id in nearby and saga.events[position - 1].id in nearby
    index = saga.day_index(middle.id)
    assert {saga.days[index + 1].events[0].id, saga.days[index - 1].events[0].id} <= set(nearby)
    assert event.id not in nearby and len(nearby) == len(set(nearby))
    last = saga.events[-1]
    assert saga.events[-2].id in one_key_away(saga, last.id)
    assert one_key_away(saga, "no-such-event") == []


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TextPane()


async def test_a_prepared_text_is_shown_without_drawing_it_again(drawn_by: list[str]) -> None:
    app = PaneApp()
    async with app.run_test(size=(40, 10)) as pilot:
        pane = app.query_one(TextPane)
        pane.prepare("a", Text("a text drawn ahead of time"))
        assert pane.is_prepared("a") and not pane.is_prepared("b")
        drawn_by.clear()
        pane.show(Text("a text drawn ahead of time"), key="a")
        await pilot.pause()
        assert "TextPane" not in drawn_by
        assert pane.column_plain(0) == "a text drawn ahead of time"
        pane.show(Text("another"), key="b")
        await pilot.pause()
        assert drawn_by.count("TextPane") == 1
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert not pane.is_prepared("a")  # drawn at another width


async def test_the_next_key_shows_an_event_drawn_ahead() -> None:
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        detail = app.browser.query_one(EventDetail)
        await pilot.pause(DRAW_AHEAD_AFTER * 20)
        selection = app.selection
        for event_id in one_key_away(app.saga, selection.event):
            assert detail.is_prepared(detail._text_key(event_id, selection)), event_id
        following = app.saga.next_event(selection.event, 1)
        assert following is not None
        drawn_ahead = detail._kept.get(detail._drawn_key(detail._text_key(following.id, selection)))
        await press(pilot, "space")
        assert app.selection.event == following.id
        assert detail._drawn() is drawn_ahead
        assert detail.column_plain(0).startswith(following.title(selection.lang))
