"""The browser on a small story: keys move the selection and every pane follows it."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot

from tests.conftest import MINI
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.screens.help import HelpScreen
from tui.app.widgets.arc import ArcList
from tui.app.widgets.cast import CastList
from tui.app.widgets.days import DaysList
from tui.app.widgets.detail import EventDetail
from tui.app.widgets.events import EventsList
from tui.app.widgets.key_bar import KeyBar


def rendered(renderable: object, width: int = 60) -> str:
    """What a row shows, as plain text (rows may be grids, not just text)."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return " ".join(console.export_text().split())


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one by one, letting the messages each key posts reach the screen."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def walk(pilot: Pilot[None], app: SagaApp, steps: list[tuple[str, str]]) -> None:
    """Press each key and check the event it leads to."""
    for key, expected in steps:
        await press(pilot, key)
        assert app.selection.event == expected, key


def app_for(*args: str) -> SagaApp:
    app = make_app(["--story", str(MINI), *args])
    assert isinstance(app, SagaApp)
    return app


def expected_arc_row(app: SagaApp) -> str | None:
    """The arc row that stands for the moment: the event itself, else the actor's last step
    before it (an event earlier in the story, or a role taken up to that day)."""
    saga = app.saga
    current = saga.event_by_id[app.selection.event]
    steps = saga.arc(app.selection.actor)
    if any(step.event is current for step in steps):
        return current.id
    last = None
    for index, step in enumerate(steps):
        if step.event is not None:
            before = saga.position_of_event[step.event.id] <= saga.position_of_event[current.id]
            row = step.event.id
        else:
            # A role taken or left on a day without a time falls before (taken) or after (left)
            # the day's events; at a time or with an event, at that moment.
            before = step.key <= saga.moment_key(current)
            row = f"role-{index}"
        if before:
            last = row
    return last


def panes_agree(app: SagaApp) -> None:
    """Every pane shows the browser's selected moment."""
    browser = app.browser
    assert browser.query_one(DaysList).highlighted_id == browser.day_id
    assert browser.query_one(EventsList).highlighted_id == browser.selection.event
    day = app.saga.day_by_id[browser.day_id]
    assert [r for r, _ in browser.query_one(CastList).rows()] == [
        a.id for a in app.saga.cast_of(day)
    ]
    arc = browser.query_one(ArcList)
    assert arc.highlighted_id == expected_arc_row(app)
    title = app.saga.event_by_id[browser.selection.event].title(app.selection.lang)
    assert browser.query_one(EventDetail).column_plain(0).startswith(title)


async def test_arrows_walk_days_and_events() -> None:
    app = app_for("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.selection.event == "founded"
        panes_agree(app)
        await press(pilot, "right", "right")
        assert (app.browser.day_id, app.selection.event) == ("2023-11-17", "fired")
        panes_agree(app)
        # The second "down" is on the day's last event: it stays.
        await walk(
            pilot,
            app,
            [
                ("down", "murati-named"),
                ("down", "murati-named"),
                ("left", "message"),
                ("end", "back"),
                ("home", "founded"),
            ],
        )
        panes_agree(app)


async def test_space_steps_across_days() -> None:
    app = app_for("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "space", "space", "space")
        assert app.selection.event == "murati-named"
        await press(pilot, "shift+space")
        assert app.selection.event == "fired"
        panes_agree(app)


async def test_language_key_cycles_and_keeps_the_selection() -> None:
    app = app_for("--fresh", "--event", "fired")
    async with app.run_test(size=(120, 40)) as pilot:
        seen = []
        for _ in range(4):
            await press(pilot, "l")
            seen.append(app.selection.lang)
            assert app.selection.event == "fired"
            panes_agree(app)
        assert seen == ["fr", "id", "zh", "en"]


async def test_following_an_actor_from_the_cast() -> None:
    app = app_for("--fresh", "--event", "fired")
    async with app.run_test(size=(120, 40)) as pilot:
        cast = app.browser.query_one(CastList)
        cast.focus()
        await press(pilot, "down", "enter")
        assert app.selection.actor == "mira-murati"
        assert app.browser.query_one(ArcList).highlighted_id == "fired"
        panes_agree(app)


async def test_n_steps_through_the_followed_actors_appearances() -> None:
    app = app_for("--fresh", "--actor", "mira-murati")
    async with app.run_test(size=(120, 40)) as pilot:
        await walk(pilot, app, [("n", "fired"), ("n", "murati-named"), ("N", "fired")])


async def test_quit_saves_the_place_and_relaunch_resumes(isolated_environment: Path) -> None:
    app = app_for("--event", "murati-named", "--actor", "mira-murati")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "l", "q")
    assert isolated_environment.exists()
    again = app_for()
    async with again.run_test(size=(120, 40)):
        assert (again.selection.event, again.selection.actor, again.selection.lang) == (
            "murati-named",
            "mira-murati",
            "fr",
        )


async def test_bilingual_mode_shows_two_languages() -> None:
    app = app_for("--fresh", "--event", "fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "b")
        detail = app.browser.query_one(EventDetail)
        assert detail.column_plain(1).startswith("Altman est licencié")
        await press(pilot, "b")
        assert len(detail.columns) == 1


async def test_detail_shows_roles_quotes_script_and_sources() -> None:
    app = app_for("--fresh", "--event", "fired")
    async with app.run_test(size=(120, 40)):
        text = app.browser.query_one(EventDetail).column_plain(0)
        for expected in (
            "Mira Murati — Interim CEO",
            "not candid",
            "« pas franc »",
            "The battle",
            "Article A",
            "A garbled name",
        ):
            assert expected in text


async def test_search_finds_in_another_language_and_n_steps_hits() -> None:
    app = app_for("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash", *"revient", "enter")
        assert app.selection.event == "back"
        assert app.browser.hits == ["back"]


async def test_script_screen_opens_the_real_event() -> None:
    app = app_for("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "s")
        assert type(app.screen).__name__ == "ScriptScreen"
        await press(pilot, "enter")
        assert app.screen is app.browser
        assert app.selection.event == "fired"


async def test_help_lists_keys_in_the_current_language_grouped() -> None:
    app = app_for("--fresh", "--lang", "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {description for _, _, description in help_screen.rows}
        assert {"Jour suivant", "Quitter", "Chercher", "Descendre"} <= described
        groups = [group for group, _, _ in help_screen.rows]
        assert list(dict.fromkeys(groups)) == ["Ce volet", "Cet écran", "Partout"]
        assert ("Partout", "^q", "Quitter") in help_screen.rows
        await press(pilot, "escape")
        assert app.screen is app.browser


async def test_footer_follows_the_language() -> None:
    app = app_for("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:

        def footer_text() -> str:
            return " ".join(key.description for key in app.screen.query_one(KeyBar).shown)

        assert "Next day" in footer_text()
        await press(pilot, "l")
        await pilot.pause()
        assert "Jour suivant" in footer_text()


async def test_tiny_terminal_does_not_crash() -> None:
    app = app_for("--fresh")
    async with app.run_test(size=(20, 8)) as pilot:
        await press(pilot, "right", "down", "l", "b", "p")
        await pilot.resize_terminal(80, 24)
        await press(pilot, "left")
        assert app.selection.event == "founded"


async def test_detail_is_literal() -> None:
    app = app_for("--fresh")
    async with app.run_test(size=(120, 40)):
        detail = app.browser.query_one(EventDetail)
        assert "A lab [is] born." in detail.column_plain(0)


async def test_missing_language_falls_back_visibly() -> None:
    """The mini story has no Chinese: the English shows, marked ⟨en⟩, never a blank."""
    app = app_for("--fresh", "--event", "fired", "--lang", "zh")
    async with app.run_test(size=(120, 40)):
        detail = app.browser.query_one(EventDetail).column_plain(0)
        assert detail.startswith("Altman is fired ⟨en⟩")
        events = app.browser.query_one(EventsList)
        assert "Altman is fired ⟨en⟩" in rendered(events.row_text(0))
        assert "人物" in detail  # the UI itself is in Chinese
