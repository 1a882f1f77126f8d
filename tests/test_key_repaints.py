"""Stepping through the story repaints the panes in place: no widget asks Textual to lay out the
whole screen again (a layout was most of a key's cost, see benchmarks/README.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widget import Widget

from tests.test_browser_mini import press
from tests.test_browser_saga import saga_app
from tui.app.screens.script import ScriptScreen
from tui.app.widgets.detail import EventDetail
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.story_list import StoryList
from tui.app.widgets.text_pane import TextPane


@pytest.fixture
def layouts_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every widget that asks for a layout while the list is armed (append "armed" first)."""
    asked: list[str] = []
    original = Widget.refresh

    def refresh(self: Widget, *regions: object, **options: bool) -> Widget:
        if options.get("layout") and asked[:1] == ["armed"]:
            asked.append(f"{type(self).__name__}#{self.id}")
        return original(self, *regions, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Widget, "refresh", refresh)
    yield asked


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_days_events_and_languages_repaint_without_a_layout(
    layouts_asked: list[str], size: tuple[int, int]
) -> None:
    """The event pane, the lists (their scrollbars kept) and the hidden presenter view change on
    `right`, `left`, `down`, `space` and `z` without a layout of the screen."""
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        detail = app.browser.query_one(EventDetail)
        layouts_asked.append("armed")
        await press(pilot, "right", "left", "down", "space", "z")
        assert layouts_asked == ["armed"]
        assert detail.column_plain(0).startswith(
            app.saga.event_by_id[app.selection.event].title(app.selection.lang)
        )


async def test_a_longer_text_scrolls_in_the_same_box() -> None:
    """The event pane keeps its size whatever the text's length: its lines scroll inside it."""
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(80, 24)) as pilot:
        detail = app.browser.query_one(EventDetail)
        region = detail.region
        assert detail.virtual_size.height > detail.scrollable_content_region.height
        await press(pilot, "right")
        assert detail.region == region
        detail.focus()
        await press(pilot, "pagedown")
        assert detail.scroll_offset.y > 0
        await press(pilot, "right")
        assert detail.scroll_offset.y == 0  # a new event is read from its top


async def test_the_keys_line_is_relabelled_without_a_layout(layouts_asked: list[str]) -> None:
    """Tab between panes and a language switch change the keys at the bottom by repainting their
    line: Textual's footer rebuilt a widget per key and laid the screen out again on each."""
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.browser.query_one(KeyBar)
        layouts_asked.append("armed")
        await press(pilot, "tab", "l")
        await pilot.pause()
        assert "Jour suivant" in [key.description for key in bar.shown]
        assert layouts_asked == ["armed"]
        assert not bar.children


@pytest.fixture
def repainted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every widget that asks to be repainted while the list is armed (append "armed" first)."""
    asked: list[str] = []
    original = Widget.refresh

    def refresh(self: Widget, *regions: object, **options: bool) -> Widget:
        if asked[:1] == ["armed"]:
            asked.append(type(self).__name__)
        return original(self, *regions, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Widget, "refresh", refresh)
    yield asked


async def test_a_new_event_repaints_only_the_panes_it_changes(repainted: list[str]) -> None:
    """The next event of the same day redraws the event pane and the lists' highlights, not the
    whole screen (a screen repaint redraws every pane, a frame's worth of work) and not the
    days, whose highlight did not move."""
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        day = app.browser.day_id
        event = app.selection.event
        repainted.append("armed")
        await press(pilot, "down")
        assert app.selection.event != event and app.browser.day_id == day
        assert "EventDetail" in repainted
        assert "BrowserScreen" not in repainted
        assert "DaysList" not in repainted
        assert "PowerStrip" not in repainted  # it shows the day, which did not change


async def test_moving_the_focus_repaints_the_two_panes_not_the_screen(repainted: list[str]) -> None:
    """Tab changes the looks of the pane it leaves and of the one it enters (their borders and
    highlights), and the keys line: the rest of the screen is not drawn again."""
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = app.browser.focused
        repainted.append("armed")
        await press(pilot, "tab")
        after = app.browser.focused
        assert before is not None and after is not None and after is not before
        assert type(before).__name__ in repainted and type(after).__name__ in repainted
        assert "BrowserScreen" not in repainted


async def test_the_lists_and_the_panes_they_drive_change_in_the_same_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Down in the events (or the days) moves the highlight when the selection moves, so no
    frame shows the highlight on one event and the event pane on another: one frame a key."""
    from textual.screen import Screen

    from tui.app.widgets.days import DaysList
    from tui.app.widgets.events import EventsList

    frames: list[tuple[str | None, str | None, str]] = []
    original = Screen._compositor_refresh

    def compositor_refresh(self: Screen[object]) -> None:
        if self is app.browser:
            events, days = self.query_one(EventsList), self.query_one(DaysList)
            frames.append((events.highlighted_id, days.highlighted_id, app.selection.event))
        original(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", compositor_refresh)
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        frames.clear()
        await press(pilot, "down", "down", "up")
        app.browser.query_one(DaysList).focus()
        await press(pilot, "down", "down", "up")
        assert frames
        for events_row, day_row, event in frames:
            assert events_row == event
            assert day_row == app.saga.day_of_event[event]
        assert app.selection.event != "altman-fired"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_scripts_beats_repaint_without_a_layout(
    layouts_asked: list[str], size: tuple[int, int]
) -> None:
    """On the script screen a beat key moves the highlight and shows the beat against reality
    in one repaint: the reality pane was a Static in a VerticalScroll, whose new height laid the
    whole screen out again on each key (4 frames, 62-112 ms to settle; now 1 frame)."""
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=size) as pilot:
        await press(pilot, "s")
        screen = app.screen
        assert isinstance(screen, ScriptScreen)
        beats = screen.query_one("#beats", StoryList)
        reality = screen.query_one("#reality", TextPane)
        reality.focus()
        await press(pilot, "pagedown")
        beats.focus()
        layouts_asked.append("armed")
        await press(pilot, "down", "down", "up", "down")
        assert layouts_asked == ["armed"]
        beat_id = beats.highlighted_id
        assert beat_id is not None and app.selection.beat == beat_id
        _, beat = screen.beats[beat_id]
        assert beat.text("en") in reality.column_plain(0)
        assert reality.scroll_offset.y == 0  # a new beat is read from its top
