"""The script screen teaches: numbered acts, a legend with the tally, the endings side by side,
and enter in the footer."""

from __future__ import annotations

from collections import Counter

from textual.widgets import Static

from story import Saga
from tests.conftest import MINI
from tests.test_browser_mini import press, rendered
from tests.test_browser_saga import saga_app
from tui.app.screens.script import ScriptScreen
from tui.app.widgets.story_list import StoryList
from tui.app.widgets.text_pane import TextPane
from tui.view.script import act_label, departure, endings, tally, tally_heading, tally_items


def test_tally_counts_every_beat(saga: Saga) -> None:
    assert saga.script is not None
    counted = Counter(beat.verdict for act in saga.script.acts for beat in act.beats)
    assert tally(saga.script) == dict(counted)
    assert sum(tally(saga.script).values()) == 20
    assert tally_heading(saga.script, "en") == "ChatGPT's 20 beats:"
    assert [item for _, item in tally_items(saga.script, "fr")] == [
        f"✔ C'est arrivé\u00a0: {counted['happened']}",
        f"◐ En partie\u00a0: {counted['partly']}",
        f"✘ Ce n'est pas arrivé\u00a0: {counted['did-not-happen']}",
    ]


def test_acts_are_numbered_the_climax_and_endings_are_not(saga: Saga) -> None:
    assert saga.script is not None
    labels = [act_label(saga.script, act, "en") for act in saga.script.acts]
    assert labels[:2] == ["Act 1 · The Battle for the Throne", "Act 2 · Undercurrent"]
    assert labels[4] == "Act 5 · The New Order" and labels[5] == "Climax"
    assert act_label(saga.script, saga.script.acts[2], "zh") == "第3幕 · 权力的游戏"
    assert act_label(saga.script, saga.script.acts[3], "id").startswith("Babak 4 · ")


def test_each_ending_parts_from_reality_at_its_first_beat_that_did_not_happen(
    saga: Saga,
) -> None:
    assert saga.script is not None
    light, tragic = endings(saga.script)
    assert (light.id, tragic.id) == ("ending-light", "ending-tragic")
    for ending in (light, tragic):
        parting = departure(ending)
        assert parting is not None and parting.verdict != "happened"
        before = ending.beats[: ending.beats.index(parting)]
        assert all(beat.verdict == "happened" for beat in before)


def screen_text(app: object, selector: str) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return rendered(screen.query_one(selector, Static).render(), width=300)


def reality_text(app: object) -> str:
    """What the script's reality pane shows, unbroken."""
    pane = app.screen.query_one("#reality", TextPane)  # type: ignore[attr-defined]
    assert isinstance(pane, TextPane)
    return pane.column_plain(0)


async def test_the_legend_counts_and_the_rows_are_numbered() -> None:
    app = saga_app("--fresh", "--event", "altman-fired", "--lang", "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "s")
        assert isinstance(app.screen, ScriptScreen)
        legend = screen_text(app, "#script-legend")
        assert legend.startswith("Les 20 passages du scénario de ChatGPT")
        assert app.saga.script is not None
        counted = Counter(beat.verdict for act in app.saga.script.acts for beat in act.beats)
        assert f"C'est arrivé : {counted['happened']}" in legend
        assert f"En partie : {counted['partly']}" in legend
        rows = app.screen.query_one("#beats", StoryList).row_count
        assert rows == 20
        assert "Acte 1 · La bataille pour le trône" in reality_text(app)


async def test_enter_is_in_the_footer_and_opens_the_real_event() -> None:
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "s")
        screen = app.screen
        shown = {
            key: active.binding.description
            for key, active in screen.active_bindings.items()
            if active.binding.show and active.enabled
        }
        assert shown.get("enter") == "Open the real event"
        await press(pilot, "down", "enter")  # the second beat of act 1
        assert app.screen is app.browser
        assert app.browser.selection.event == "october-power-struggle"


async def test_e_sets_the_endings_side_by_side_and_back() -> None:
    app = saga_app("--fresh", "--event", "employee-letter")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "s", "e")
        screen = app.screen
        assert isinstance(screen, ScriptScreen) and screen.showing_endings
        light = screen_text(app, "#ending-0")
        tragic = screen_text(app, "#ending-1")
        assert light.startswith("Ending (light version)")
        assert tragic.startswith("Ending (tragic version)")
        assert "▼ Here it parts from what happened" in light and "Did not happen:" in tragic
        assert screen.query_one("#endings").display
        assert not screen.query_one("#script-panes").display
        await press(pilot, "enter")  # no beat to open while the endings are shown
        assert app.screen is screen
        await press(pilot, "e")
        assert not screen.has_class("-endings") and screen.query_one("#beats").has_focus


async def test_an_ending_beat_points_to_the_side_by_side_view() -> None:
    app = saga_app("--fresh", "--event", "altman-formally-returns")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "s")
        assert "side by side" not in reality_text(app)  # an act's beat
        await press(pilot, "end")  # the last beat of the tragic ending
        assert "e: the two endings side by side" in reality_text(app)


async def test_a_script_without_endings_has_no_endings_view() -> None:
    app = saga_app("--fresh", "--story", str(MINI))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s", "e")
        screen = app.screen
        assert isinstance(screen, ScriptScreen) and not screen.showing_endings
        assert screen_text(app, "#script-legend").startswith("ChatGPT's 2 beats:")


async def test_at_80_columns_the_script_and_quiz_footers_fit_and_keep_enter() -> None:
    from tui.app.widgets.key_bar import KeyBar

    for lang in ("en", "fr", "id", "zh"):
        for keys in (["s"], ["s", "e"], ["Q"]):
            app = saga_app("--fresh", "--lang", lang)
            async with app.run_test(size=(80, 24)) as pilot:
                await press(pilot, *keys)
                shown = app.screen.query_one(KeyBar).shown
                assert shown and all(key.end <= 80 for key in shown), (lang, keys)
                if keys != ["s", "e"]:
                    assert "enter" in {key.key for key in shown}, (lang, keys)
