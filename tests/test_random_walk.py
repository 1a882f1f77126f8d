"""A seeded random walk of keys, paging and mouse clicks over every screen: the app never
ends, whenever the browser is on top every pane shows the same moment, and presenter mode, the
script and the quiz show the selection's event, beat and question."""

from __future__ import annotations

import random

import pytest

from tests.test_browser_mini import panes_agree
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.widgets.story_list import StoryList

KEYS = [
    "right", "left", "down", "up", "space", "shift+space", "home", "end", "tab", "shift+tab",
    "enter", "n", "N", "l", "b", "B", "z", "c", "s", "escape", "question_mark", "pageup",
    "pagedown", "p", "slash", "a", "ctrl+p",
    "Q", "r", "i", "k", "e",  # the quiz (and reveal), the title card, pause, the endings
]  # fmt: skip


@pytest.mark.parametrize(("seed", "size"), [(17, (120, 40)), (20, (80, 24)), (23, (60, 20))])
async def test_random_keys_and_clicks_keep_the_panes_in_agreement(
    seed: int, size: tuple[int, int]
) -> None:
    rng = random.Random(seed)
    steps = 160
    while steps > 0:
        # The palette offers Quit: a walk that picks it ends cleanly and goes on in a new app.
        steps = await walk(rng, size, steps)


async def walk(rng: random.Random, size: tuple[int, int], steps: int) -> int:
    """Walk until the steps run out (0 returned) or the app quits cleanly (steps left)."""
    app = make_app(["--fresh", "--day", "2023-11-17", "--actor", "mira-murati"])
    assert isinstance(app, SagaApp)
    async with app.run_test(size=size) as pilot:
        while steps > 0:
            steps -= 1
            if rng.random() < 0.35:
                x, y = rng.randrange(size[0]), rng.randrange(size[1])
                await pilot.click(offset=(x, y))
            else:
                await pilot.press(rng.choice(KEYS))
            if steps % 8 == 0:
                await pilot.pause()
                if not app.is_running:
                    assert app.return_code == 0 and app._exception is None
                    return steps
                screen_agrees(app)
        await pilot.pause()
        assert app.is_running
    return 0


def screen_agrees(app: SagaApp) -> None:
    """What is on top shows the selection: every pane of the browser, presenter mode's event,
    the script's beat, the quiz's question."""
    from textual.widgets import Static

    from tui.app.screens.quiz import QuizScreen
    from tui.app.screens.script import ScriptScreen
    from tui.view.presenter import headline

    screen = app.screen
    selection = app.selection
    if screen is app.browser and not app.presenting:
        panes_agree(app)
    elif screen is app.browser:
        event = app.saga.event_by_id[selection.event]
        shown = screen.query_one("#presenter-headline", Static).content
        assert str(shown) == headline(event, selection.lang).plain
    elif isinstance(screen, ScriptScreen):
        assert screen.query_one("#beats", StoryList).highlighted_id == selection.beat
    elif isinstance(screen, QuizScreen) and app.saga.lesson is not None:
        question = app.saga.lesson.quiz[selection.question].question(selection.lang)
        assert question in str(screen.query_one("#quiz-question", Static).content)


async def test_clicking_a_role_row_of_the_arc_moves_every_pane_to_that_moment() -> None:
    """A role row used to be highlighted without moving the selection (panes disagreed)."""
    from tui.app.widgets.arc import ArcList

    app = make_app(["--fresh", "--event", "sutskever-recruited", "--actor", "greg-brockman"])
    assert isinstance(app, SagaApp)
    async with app.run_test(size=(120, 40)) as pilot:
        arc = app.screen.query_one(ArcList)
        role_rows = [i for i, (row_id, _) in enumerate(arc.rows()) if row_id.startswith("role-")]
        assert role_rows
        before = app.selection.event
        arc.focus()
        arc.highlighted = role_rows[-1]
        await pilot.pause()
        assert app.selection.event != before
        panes_agree(app)


async def test_switching_languages_and_screens_mounts_no_more_widgets() -> None:
    """Nothing piles up on the browser: it has as many widgets after a walk of languages, screens
    and panes as before it (Textual's footer used to rebuild a widget per key on each language
    and keep the old ones alive; the keys line is now one widget, `test_key_bar`)."""
    app = make_app(["--fresh", "--day", "2023-11-17"])
    assert isinstance(app, SagaApp)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        before = len(list(app.browser.walk_children()))
        for key in ("l", "s", "escape", "l", "l", "tab", "b", "b"):
            await pilot.press(key)
        await pilot.pause()
        assert app.screen is app.browser
        assert len(list(app.browser.walk_children())) == before


async def test_gone_toasts_leave_no_holders() -> None:
    """Textual's rack removed a gone toast but kept its holder mounted: one more empty widget
    every few keys, for as long as the screen lived (benchmarks/memory_walk.py)."""
    from textual.widgets._toast import Toast, ToastHolder

    app = make_app(["--fresh", "--day", "2023-11-17"])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for _ in range(3):
            for index in range(5):
                app.notify(f"notice {index}", timeout=60)
            await pilot.pause()
            assert len(app.screen.query(Toast)) == 5
            app.clear_notifications()
            await pilot.pause()
            assert list(app.screen.query(ToastHolder)) == []
