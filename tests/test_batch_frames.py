"""Screens are not rendered while the app holds a batch (Textual drops those frames), and the
frame skipped then is still drawn once the batch is over."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.widgets import Static

from tests.test_browser_saga import saga_app
from tui.app.screens.batch_frames import NoDroppedFrames


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, bool]]]:
    """(top screen's class, batch held?) for every render of a screen's compositor."""
    seen: list[tuple[str, bool]] = []
    original = Compositor.render_update

    def render_update(self: Compositor, *args: object, **kwargs: object) -> object:
        from textual._context import active_app

        app = active_app.get()
        seen.append((type(app.screen).__name__, app._batch_count > 0))
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Compositor, "render_update", render_update)
    yield seen


async def test_the_browser_is_not_rendered_during_the_apps_start_batch(
    renders: list[tuple[str, bool]],
) -> None:
    """The app holds a batch through its mount, when it pushes the browser: Textual rendered the
    browser twice then, for nothing. Now it is rendered only after, and it is on screen."""
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        browser_renders = [batch for screen, batch in renders if screen == "BrowserScreen"]
        assert browser_renders, "the browser was never rendered"
        assert not any(browser_renders), "the browser was rendered while a batch was held"
        assert "Altman" in "".join(strip.text for strip in app.screen._compositor.render_strips())


class Owed(NoDroppedFrames):
    def compose(self) -> ComposeResult:
        yield Static("owed frame", id="text")


class HoldsABatch(App[None]):
    """`h` renders the screen while the app holds a batch over an await, as Textual's layout
    does inside the app's mount; nothing else asks for a frame afterwards."""

    BINDINGS = [("h", "hold", "Hold")]  # noqa: RUF012

    def on_mount(self) -> None:
        self.push_screen(Owed())

    async def action_hold(self) -> None:
        with self.batch_update():
            self.screen._compositor_refresh()
            await asyncio.sleep(0.05)


async def test_a_frame_skipped_in_a_batch_is_drawn_after_it(
    renders: list[tuple[str, bool]],
) -> None:
    app = HoldsABatch()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        before = len(renders)
        await pilot.press("h")
        await pilot.pause()
        assert renders[before:] == [("Owed", False)]  # skipped in the batch, drawn once after
        assert not app.screen._frame_owed  # type: ignore[attr-defined]


class DelaysUpdates(Owed):
    """`d` does what Textual's command palette does when a command is chosen: the app holds a
    batch until a timer of its own ends it (`App.delay_update`), and the screen asks for a frame
    meanwhile."""

    BINDINGS = [("d", "delay", "Delay")]  # noqa: RUF012

    def action_delay(self) -> None:
        self.app.delay_update(0.05)
        self._compositor_refresh()


class PushesDelaysUpdates(App[None]):
    def on_mount(self) -> None:
        self.push_screen(DelaysUpdates())


async def test_a_batch_ended_by_a_timer_does_not_spin_the_apps_loop(
    renders: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owed frame was asked for again through the app's queue at once while the batch was
    held: the app's loop ran that callback forever without yielding, so the timer that ends the
    batch never fired (a random walk that chose a command in the palette hung on CI). It waits
    a frame's time instead."""
    asked: list[int] = []
    original = NoDroppedFrames._pay_owed_frame

    def counted(self: NoDroppedFrames) -> None:
        asked.append(1)
        if len(asked) > 100:
            raise RuntimeError("the owed frame is asked for in a busy loop")
        original(self)

    monkeypatch.setattr(NoDroppedFrames, "_pay_owed_frame", counted)
    app = PushesDelaysUpdates()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        before = len(renders)
        await pilot.press("d")
        await asyncio.sleep(0.2)
        await pilot.pause()
        assert len(asked) <= 10
        assert ("DelaysUpdates", False) in renders[before:]
        assert ("DelaysUpdates", True) not in renders[before:]
        assert not app.screen._frame_owed  # type: ignore[attr-defined]
