"""One Selection drives the running app: applied from outside (JSON, as the classroom sends
it) it moves every pane to the same moment in the right language, and every screen that is
open, modal ones included, follows a language switch."""

from __future__ import annotations

from textual.widgets import Static

from tests.test_browser_mini import panes_agree, press
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.screens.help import HelpScreen
from tui.app.screens.script import ScriptScreen
from tui.app.screens.search import SearchScreen
from tui.app.widgets.arc import ArcList
from tui.app.widgets.detail import EventDetail
from tui.app.widgets.story_list import StoryList
from tui.locale.i18n import tr
from tui.view.selection import Selection


def saga_app(*args: str) -> SagaApp:
    app = make_app(["--fresh", *args])
    assert isinstance(app, SagaApp)
    return app


async def test_a_selection_from_json_moves_every_pane() -> None:
    app = saga_app("--event", "altman-fired")
    wire = Selection(
        event="nadella-hires-altman", lang="zh", actor="mira-murati", second_lang="fr"
    ).to_json()
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply_selection(Selection.from_json(wire))
        await pilot.pause()
        assert app.selection == Selection.from_json(wire)
        panes_agree(app)
        browser = app.browser
        assert browser.query_one("#days")._border_title.plain == tr("zh", "pane.days")  # type: ignore[union-attr]
        arc_title = browser.query_one(ArcList)._border_title
        assert (
            arc_title is not None and app.saga.actors["mira-murati"].name("zh") in arc_title.plain
        )
        second = browser.query_one(EventDetail).column_plain(1)
        assert second.startswith(app.saga.event_by_id["nadella-hires-altman"].title("fr"))
        footer_keys = {b.id: b.description for _, b, *_ in browser.active_bindings.values()}
        assert footer_keys["script"] == tr("zh", "cmd.script")


async def test_a_foreign_selection_is_fitted_to_the_story() -> None:
    app = saga_app("--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        app.apply_selection(Selection(event="no-such-event", lang="xx", actor="nobody"))
        await pilot.pause()
        assert app.selection.event == app.saga.events[0].id
        assert (app.selection.lang, app.selection.actor) == ("en", "")
        panes_agree(app)


async def test_help_follows_a_language_switch_made_while_it_is_open() -> None:
    app = saga_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.rows
        assert (help_screen.rows[0][0], help_screen.lang) == (tr("en", "help.pane"), "en")
        await press(pilot, "ctrl+p", *"Français", "enter")  # the palette, over the help
        await pilot.pause()
        assert id(app.screen) == id(help_screen) and app.selection.lang == "fr"
        assert help_screen.rows[0][0] == tr("fr", "help.pane")
        assert any(row[2] == tr("fr", "cmd.script") for row in help_screen.rows)


async def test_search_follows_a_language_switch_made_while_it_is_open() -> None:
    app = saga_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash", "N", "a", "d", "e", "l", "l", "a")
        search = app.screen
        assert isinstance(search, SearchScreen) and search.hits
        app.set_language("zh")  # as the palette does
        await pilot.pause()
        results = search.query_one("#results", StoryList)
        assert results._border_title is not None
        count = tr("zh", "search.count", count=len(search.hits))
        assert results._border_title.plain == count
        first = app.saga.event_by_id[search.hits[0].event_id].title("zh")
        assert first in " ".join(str(text) for _, text in results.rows())


async def test_the_script_screen_is_the_selection_s_mode() -> None:
    app = saga_app("--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "s")
        assert isinstance(app.screen, ScriptScreen) and app.selection.mode == "script"
        beat = app.selection.beat
        assert beat is not None
        await press(pilot, "l")
        assert isinstance(app.screen, ScriptScreen) and app.selection.beat == beat
        title = str(app.screen.query_one("#script-title", Static).render())
        assert app.saga.script is not None and app.saga.script.title("fr") in title
        await press(pilot, "escape")
        assert app.screen is app.browser  # type: ignore[comparison-overlap]
        assert app.selection.mode == "browse"  # type: ignore[comparison-overlap]
        # A selection from outside (a teacher's app) opens the script at a given beat.
        last = app.saga.script.acts[-1].beats[-1].id
        app.apply_selection(Selection(event="altman-fired", lang="en", mode="script", beat=last))
        await pilot.pause()
        assert isinstance(app.screen, ScriptScreen)
        assert app.screen.query_one("#beats", StoryList).highlighted_id == last
        app.apply_selection(Selection(event="altman-fired", lang="en"))
        await pilot.pause()
        assert app.screen is app.browser


async def test_presenter_mode_is_the_selection_s_mode() -> None:
    app = saga_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "p")
        assert app.selection.mode == "present" and app.browser.presenting
        app.apply_selection(Selection(event=app.selection.event, lang="en"))
        await pilot.pause()
        assert not app.browser.presenting


async def test_the_palette_in_chinese_offers_every_command_and_no_english() -> None:
    from textual.command import CommandList, CommandPalette

    from tui.app.commands import APP_COMMANDS, BROWSER_COMMANDS
    from tui.locale.i18n import catalogue

    app = saga_app("--lang", "zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(CommandList)
        prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        shown = [str(prompt).split("\n")[0] for prompt in prompts]  # the title, then the key
        wanted = [tr("zh", f"cmd.{c.id}") for c in (*BROWSER_COMMANDS, *APP_COMMANDS) if c.palette]
        assert set(wanted) <= set(shown)
        english = {text for key, text in catalogue("en").items() if key.startswith("cmd.")}
        english |= {"Keys", "Maximize", "Quit", "Screenshot", "Theme", "Change theme"}
        assert not [text for text in shown if text in english]


async def test_a_palette_command_runs_its_action() -> None:
    app = saga_app("--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "ctrl+p", *tr("en", "cmd.script"), "enter")
        await pilot.pause()
        assert app.selection.mode == "script"


async def test_a_selection_asked_for_while_one_reaches_the_panes_is_shown_after_it() -> None:
    """A watcher that answers a change with another (a class undoing a student's key) must not
    leave the panes after it showing the first change: every pane ends on the last selection."""
    from tui.app.widgets.events import EventsList

    app = saga_app("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "end")
        held = app.selection

        def undo(selection: Selection) -> None:
            if selection.event != held.event:
                app.apply_selection(held)

        app.watch(app.browser, "selection", undo, init=False)
        watchers = getattr(app.browser, "__watchers")["selection"]
        watchers.insert(1, watchers.pop())  # before the panes, as when a class joins early
        await press(pilot, "home")
        assert app.selection.event == held.event
        for pane in (app.browser.query_one(EventDetail), app.browser.query_one(EventsList)):
            assert pane.selection.event == held.event, pane
