"""A seeded random walk of keys, paging and mouse clicks over every screen: the app never
ends, and whenever the browser is on top every pane shows the same moment."""

from __future__ import annotations

import random

import pytest

from tests.test_browser_mini import panes_agree
from tui import make_app
from tui.app.saga_app import SagaApp

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
                if app.screen is app.browser:
                    panes_agree(app)
        await pilot.pause()
        assert app.is_running
    return 0


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


async def test_rebuilt_footer_keys_are_freed() -> None:
    """Each footer key binds itself to the footer, and Textual kept every rebuilt one alive:
    memory grew by megabytes over a walk of keys. Old keys must be garbage after a rebuild."""
    import gc
    import weakref

    from textual.widgets._footer import FooterKey

    app = make_app(["--fresh", "--day", "2023-11-17"])
    async with app.run_test(size=(120, 40)) as pilot:
        old = [weakref.ref(key) for key in app.screen.query(FooterKey)]
        assert old
        for key in ("l", "l", "s", "escape", "l", "l"):
            await pilot.press(key)
        await pilot.pause()
        gc.collect()
        assert [ref for ref in old if ref() is not None] == []
