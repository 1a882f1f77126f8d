"""The browser on the shipped saga: a new user's walk, following Murati, palette, search."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.test_browser_mini import panes_agree, press, rendered
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.widgets.arc import ArcList
from tui.app.widgets.detail import EventDetail
from tui.app.widgets.events import EventsList


def saga_app(*args: str) -> SagaApp:
    app = make_app(list(args))
    assert isinstance(app, SagaApp)
    return app


async def test_walk_the_whole_saga_with_the_arrows() -> None:
    """Right through every day, down through every event: all panes agree at each step."""
    app = saga_app("--fresh", "--day", "background")
    async with app.run_test(size=(120, 40)) as pilot:
        seen: list[str] = []
        for day in app.saga.days:
            assert app.browser.day_id == day.id
            for index, event in enumerate(day.events):
                assert app.selection.event == event.id
                seen.append(event.id)
                panes_agree(app)
                if index < len(day.events) - 1:
                    await press(pilot, "down")
            await press(pilot, "right")
        assert seen == [event.id for event in app.saga.events]


async def test_follow_murati_from_cto_to_interim_ceo_and_back() -> None:
    app = saga_app("--fresh", "--actor", "mira-murati", "--day", "2023-11-16")
    async with app.run_test(size=(120, 40)) as pilot:
        arc = app.browser.query_one(ArcList)
        texts = [str(text) for _, text in arc.rows()]
        joined = "\n".join(texts)
        assert "leaves the post: Chief Technology Officer" in joined
        assert "becomes Interim CEO" in joined or "becomes interim CEO" in joined.lower()
        assert joined.lower().count("chief technology officer") >= 2
        await press(pilot, "n")
        first = app.selection.event
        assert "mira-murati" in app.saga.event_by_id[first].actors
        assert arc.highlighted_id == first
        appearances = [e.id for e in app.saga.events_of_actor["mira-murati"]]
        for expected in appearances[appearances.index(first) + 1 :]:
            await press(pilot, "n")
            assert app.selection.event == expected
            panes_agree(app)


async def palette(pilot: Pilot[None], query: str) -> None:
    await press(pilot, "ctrl+p")
    for char in query:
        await pilot.press(char if char != " " else "space")
    await pilot.pause(0.5)
    await press(pilot, "enter")


async def test_palette_jumps_to_an_event_by_its_title_in_another_language() -> None:
    app = saga_app("--fresh", "--lang", "zh")
    async with app.run_test(size=(120, 40)) as pilot:
        title = app.saga.event_by_id["nadella-hires-altman"].title("fr")
        words = title.split(":")[-1].strip()  # typed words; the French title has a NBSP
        assert words and words not in app.saga.event_by_id["nadella-hires-altman"].title("zh")
        await palette(pilot, words)
        assert app.selection.event == "nadella-hires-altman"
        panes_agree(app)


async def test_palette_switches_language_and_follows() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await palette(pilot, "Language: Bahasa")
        assert app.selection.lang == "id"
        await palette(pilot, "Ikuti: Emmett Shear")
        assert app.selection.actor == "emmett-shear"


async def test_search_in_french_opens_in_english_and_n_steps() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash")
        for char in "Microsoft":
            await pilot.press(char)
        await press(pilot, "enter")
        hits = app.browser.hits
        assert len(hits) >= 3 and app.selection.event == hits[0]
        events = app.browser.query_one(EventsList)
        shown = rendered(events.row_text(events.highlighted or 0))
        assert app.saga.event_by_id[hits[0]].title("en") in shown
        await press(pilot, "n")
        assert app.selection.event == hits[1]


async def test_quit_and_relaunch_where_you_left_off(isolated_environment: Path) -> None:
    app = saga_app("--event", "shear-named-ceo", "--actor", "emmett-shear", "--lang", "zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "down", "q")
    again = saga_app()
    async with again.run_test(size=(120, 40)):
        expected = app.saga.next_event("shear-named-ceo", 1)
        assert expected is not None
        assert again.selection.event == expected.id
        assert (again.selection.actor, again.selection.lang) == ("emmett-shear", "zh")
        panes_agree(again)


async def test_four_languages_and_back_leave_nothing_moved() -> None:
    app = saga_app("--fresh", "--event", "employee-letter", "--actor", "ilya-sutskever")
    async with app.run_test(size=(120, 40)) as pilot:
        arc = app.browser.query_one(ArcList)
        before = (app.selection.event, app.selection.actor, arc.highlighted_id)
        for _ in range(4):
            await press(pilot, "l")
            assert (app.selection.event, app.selection.actor, arc.highlighted_id) == before
        assert app.selection.lang == "en"


async def test_z_shows_the_moment_on_other_clocks() -> None:
    app = saga_app("--fresh", "--event", "altman-fired", "--lang", "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        detail = app.browser.query_one(EventDetail)
        await press(pilot, "z")
        assert "◷ votre horloge\u00a0:" in detail.column_plain(0)
        await press(pilot, "z")
        assert "◷ Paris\u00a0: ven. 17 nov. 21:00" in detail.column_plain(0)
        await press(pilot, "z", "z")
        assert "◷ Shanghai\u00a0: sam. 18 nov. 04:00" in detail.column_plain(0)


async def test_presenter_interval_advances_by_itself() -> None:
    app = saga_app("--fresh", "--event", "altman-fired", "--present", "--interval", "1")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.browser.presenting
        for _ in range(100):  # the first tick, however slow the machine (no timing asserted)
            if app.selection.event != "altman-fired":
                break
            await pilot.pause(0.05)
        assert app.selection.event == app.saga.next_event("altman-fired", 1).id  # type: ignore[union-attr]
        await press(pilot, "p")
        assert not app.browser.presenting


async def test_palette_chooses_the_second_language() -> None:
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(120, 40)) as pilot:
        await palette(pilot, "Side by side with: Bahasa")
        assert app.selection.second_lang == "id"
        detail = app.browser.query_one(EventDetail)
        assert detail.column_plain(1).startswith(app.saga.event_by_id["altman-fired"].title("id"))
