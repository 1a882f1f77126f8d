"""A first launch opens at the heart of the story under a title card, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.test_browser_mini import press
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.screens.welcome import WelcomeScreen


@pytest.fixture
def first_launch(isolated_environment: Path) -> Path:
    """No title card seen yet (the shared fixture marks it seen for every other test)."""
    (isolated_environment.parent / "welcomed").unlink()
    return isolated_environment


def saga_app(*args: str) -> SagaApp:
    app = make_app(list(args))
    assert isinstance(app, SagaApp)
    return app


@pytest.mark.parametrize("key", ["l", "right", "space", "q", "escape"])
async def test_the_card_opens_at_the_firing_and_any_key_only_closes_it(
    first_launch: Path, key: str
) -> None:
    app = saga_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.selection.event == "altman-fired"  # the crisis, not the 2015 background
        await press(pilot, key)
        assert app.screen is app.browser and app.is_running  # type: ignore[comparison-overlap]
        assert (app.selection.event, app.selection.lang) == ("altman-fired", "en")
    again = saga_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.screen is again.browser  # seen once: not shown again
        await press(pilot, "i")
        assert isinstance(again.screen, WelcomeScreen)  # i brings it back


async def test_the_card_speaks_the_reader_s_language(first_launch: Path) -> None:
    app = saga_app("--lang", "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        card = str(app.screen.query_one("#welcome-text", Static).content)
        assert "先学五个键" in card and "人物线" in card and "Welcome" not in card
