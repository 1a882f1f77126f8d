"""A seeded random walk of keys, paging and mouse clicks over every screen: the app never
ends, and whenever the browser is on top every pane shows the same moment."""

from __future__ import annotations

import random

import pytest

from tests.test_browser_mini import panes_agree
from tui import make_app
from tui.app import SagaApp

KEYS = [
    "right", "left", "down", "up", "space", "shift+space", "home", "end", "tab", "shift+tab",
    "enter", "n", "N", "l", "b", "B", "z", "c", "s", "escape", "question_mark", "pageup",
    "pagedown", "p", "slash", "a", "ctrl+p",
]  # fmt: skip


@pytest.mark.parametrize(("seed", "size"), [(17, (120, 40)), (20, (80, 24)), (23, (60, 20))])
async def test_random_keys_and_clicks_keep_the_panes_in_agreement(
    seed: int, size: tuple[int, int]
) -> None:
    rng = random.Random(seed)
    app = make_app(["--fresh", "--day", "2023-11-17", "--actor", "mira-murati"])
    assert isinstance(app, SagaApp)
    async with app.run_test(size=size) as pilot:
        for step in range(160):
            if rng.random() < 0.35:
                x, y = rng.randrange(size[0]), rng.randrange(size[1])
                await pilot.click(offset=(x, y))
            else:
                await pilot.press(rng.choice(KEYS))
            if step % 8 == 7:
                await pilot.pause()
                assert app.is_running, step
                if app.screen is app.browser:
                    panes_agree(app)
        await pilot.pause()
        assert app.is_running
