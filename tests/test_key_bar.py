"""The keys line at the bottom (`KeyBar`) behaves like Textual's footer: it shows the screen's
keys in the reader's language, a click presses a key, a disabled key rings the bell, the key
under the mouse is highlighted. Its looks are the footer's: the snapshots did not change."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

import tui.app.saga_app
from tests.test_browser_mini import press
from tests.test_browser_saga import saga_app
from tui.app.widgets.key_bar import KeyBar, ShownKey


def key_named(bar: KeyBar, key: str) -> ShownKey:
    return next(shown for shown in bar.shown if shown.key == key)


async def test_clicking_a_key_presses_it() -> None:
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.browser.query_one(KeyBar)
        day = app.browser.day_id
        right = key_named(bar, "right")
        await pilot.click(KeyBar, offset=(right.start + 1, 0))
        await pilot.pause()
        assert app.browser.day_id != day


async def test_keys_sit_side_by_side_and_compact_under_100_columns() -> None:
    """Each key starts where the one before ends (a cell later when compact), and the line says
    what `shown` says."""
    for size, gap in (((120, 40), 0), ((80, 24), 1)):
        app = saga_app("--fresh")
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            bar = app.browser.query_one(KeyBar)
            shown = bar.shown
            assert bar.compact == (gap == 1)
            assert all(after.start == before.end + gap for before, after in pairwise(shown))
            line = bar.render().plain
            for key in shown:
                assert line[key.start : key.end].split() == [
                    key.key_display,
                    *key.description.split(),
                ]


async def test_the_key_under_the_mouse_is_highlighted() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.browser.query_one(KeyBar)
        first, second = bar.shown[:2]
        plain = bar.render()
        await pilot.hover(KeyBar, offset=(second.start + 1, 0))
        await pilot.pause()
        hovered = bar.render()
        assert hovered.spans != plain.spans
        background = {span.start: span.style.bgcolor for span in hovered.spans}  # type: ignore[union-attr]
        assert background[second.start] != background[first.start]


class Disabled(App[None]):
    """A key whose action is disabled (`check_action` returns None): shown, greyed, refused."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "nothing", "Nothing")]
    CSS_PATH = Path(tui.app.saga_app.__file__).with_name("saga_app.tcss")  # the bar's looks

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "nothing" else True

    def action_nothing(self) -> None:
        raise AssertionError("a disabled key ran its action")


async def test_a_disabled_key_is_dim_and_rings_the_bell() -> None:
    app = Disabled()
    rung: list[bool] = []
    app.bell = lambda: rung.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        (key,) = bar.shown
        assert not key.enabled
        assert all(span.style.dim for span in bar.render().spans)  # type: ignore[union-attr]
        await pilot.click(KeyBar, offset=(key.start + 1, 0))
        await pilot.pause()
        assert rung == [True]


async def test_the_keys_follow_the_language() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        bar = app.browser.query_one(KeyBar)
        await pilot.pause()
        assert "Next day" in [key.description for key in bar.shown]
        await press(pilot, "l", "l", "l")
        assert "下一天" in [key.description for key in bar.shown]
