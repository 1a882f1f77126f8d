"""What a newcomer meets: a power strip that explains itself, every size usable."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.test_browser_mini import press
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.widgets.power import CELL, PowerStrip


def saga_app(*args: str) -> SagaApp:
    app = make_app(["--fresh", *args])
    assert isinstance(app, SagaApp)
    return app


async def test_clicking_a_column_of_the_strip_opens_its_day() -> None:
    app = saga_app("--day", "2023-11-17")
    async with app.run_test(size=(120, 40)) as pilot:
        strip = app.screen.query_one(PowerStrip)
        first, label_width = strip._window
        target = app.saga.days[first + 1].id
        assert target != app.browser.day_id
        x = strip.styles.padding.left + label_width + CELL + 1
        await pilot.click(PowerStrip, offset=(x, 1))
        await pilot.pause()
        assert app.browser.day_id == target


async def test_the_strip_labels_its_days_and_its_initials_in_chinese() -> None:
    app = saga_app("--day", "2023-11-17", "--lang", "zh")
    async with app.run_test(size=(120, 40)):
        strip = app.screen.query_one(PowerStrip)
        days, seat, body = str(strip.render()).splitlines()
        assert "五17" in days
        assert "米拉·穆拉蒂" in seat  # the legend names who the initials stand for
        assert body.startswith("董事人数")


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 12), (20, 6), (1, 1)])
async def test_every_size_shows_something_and_never_crashes(size: tuple[int, int]) -> None:
    app = saga_app("--day", "2023-11-17")
    async with app.run_test(size=size) as pilot:
        await press(pilot, "right", "down", "l", "b", "tab", "enter", "pageup", "s", "escape")
        await press(pilot, "question_mark", "escape", "p", "p", "l", "l", "l")
        assert app.is_running
        title = app.screen.query_one("#title-bar", Static)
        assert title.region.height >= 1 or size[1] < 3


async def test_at_80x24_the_lower_pane_swaps_between_arc_and_cast() -> None:
    from tui.app.widgets.arc import ArcList
    from tui.app.widgets.cast import CastList

    app = saga_app("--day", "2023-11-17")
    async with app.run_test(size=(80, 24)) as pilot:
        arc, cast = app.screen.query_one(ArcList), app.screen.query_one(CastList)
        assert arc.display and not cast.display
        await press(pilot, "c")
        assert cast.display and not arc.display
        await press(pilot, "c")
        assert arc.display and not cast.display


async def test_at_80_columns_the_footer_keeps_only_what_fits() -> None:
    from tui.app.widgets.key_bar import KeyBar

    for lang in ("en", "fr", "id", "zh"):
        app = saga_app("--lang", lang)
        async with app.run_test(size=(80, 24)):
            keys = app.screen.query_one(KeyBar).shown
            assert keys and all(key.end <= 80 for key in keys), lang
            assert "?" in {key.key_display for key in keys}, lang


async def test_search_shows_snippets_and_steps_with_its_position() -> None:
    from textual.app import App

    from story.search import search_index
    from tui.app.screens.search import SearchScreen
    from tui.app.widgets.story_list import StoryList

    app = saga_app("--day", "2023-11-17")
    notices: list[str] = []
    original = App.notify

    def record(self: App[None], message: str, *args: object, **kwargs: object) -> None:
        notices.append(str(message))
        original(self, message, *args, **kwargs)  # type: ignore[arg-type]

    App.notify = record  # type: ignore[method-assign,assignment]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await press(pilot, "slash", *"Nadella")
            search = app.screen
            assert isinstance(search, SearchScreen)
            rows = search.query_one("#results", StoryList).rows()
            count = len(search.hits)
            assert count >= 3
            first_row = rows[0][1]
            assert "\n" in first_row.plain  # a snippet under the title
            assert any("reverse" in str(span.style) for span in first_row.spans)
            await press(pilot, "enter")
            hits = app.browser.hits
            order = sorted(hits, key=app.saga.position_of_event.__getitem__)
            here = order.index(app.selection.event)
            await press(pilot, "n")
            expected = (here + 1) % len(order)
            assert app.selection.event == order[expected]
            assert notices[-1] == f"{expected + 1} / {len(order)}"
            # A new search replaces the old one; with a single hit, n says so.
            index = search_index(app.saga)
            single = next(
                word
                for word in ("Quora", "Twitch", "Succession", "Polygon", "Jobs")
                if len({hit.event_id for hit in index.search(word)}) == 1
            )
            await press(pilot, "slash", *single, "enter")
            assert len(app.browser.hits) == 1
            await press(pilot, "n")
            assert notices[-1] == "Only one: nothing else to step to"
    finally:
        App.notify = original  # type: ignore[method-assign]
