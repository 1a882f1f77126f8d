"""Story text that looks like markup stays text in every label, on every screen.

Textual reads a `str` given to a border title, a notification or a palette entry as markup:
a name like "Sam [/] Altman" used to raise MarkupError before the first screen, and
"[@click=app.quit]…[/]" had its action honoured. These open such stories through every screen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.test_browser_mini import press
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.widgets.arc import ArcList

HOSTILE = [
    "Sam [/] Altman",
    "[/bold]Sam",
    "[link=https://example.invalid]Sam[/link]",
    "price [/",
    "[@click=app.quit]Sam[/]",
    "[b]Sam",
    "$text Sam",
]


def hostile_story(folder: Path, name: str) -> Path:
    """The mini story with Sam Altman renamed `name` (in YAML's single quotes)."""
    story = folder / "story"
    shutil.copytree(MINI, story)
    quoted = "'" + name.replace("'", "''") + "'"
    for path in story.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("{en: Sam Altman, fr: Sam Altman}", f"{{en: {quoted}, fr: {quoted}}}")
        text = text.replace("{en: Mini saga, fr: Mini saga}", f"{{en: {quoted}, fr: {quoted}}}")
        path.write_text(text, encoding="utf-8")
    return story


@pytest.mark.parametrize("name", HOSTILE)
async def test_markup_in_a_name_is_shown_literally_everywhere(tmp_path: Path, name: str) -> None:
    story = hostile_story(tmp_path, name)
    app = make_app(["--story", str(story), "--actor", "sam-altman", "--event", "fired"])
    assert isinstance(app, SagaApp)
    async with app.run_test(size=(100, 30)) as pilot:
        arc = app.screen.query_one(ArcList)
        assert arc._border_title is not None
        assert name in arc._border_title.plain
        await press(pilot, "right", "left", "l", "l", "s", "escape", "question_mark", "escape")
        await press(pilot, "slash", "S", "a", "m", "escape", "ctrl+p", "S", "a", "m")
        await press(pilot, "escape", "enter", "p", "p")
        assert app.is_running
        assert app.return_value is None


@pytest.mark.parametrize("height", [3, 4, 5, 24])
async def test_paging_a_list_with_no_room_does_not_crash(height: int) -> None:
    """`l` then PageUp raised KeyError inside OptionList when the list had no height."""
    app = make_app(["--fresh"])
    async with app.run_test(size=(80, height)) as pilot:
        await press(pilot, "l", "pageup", "pagedown", "p", "l", "pageup", "pagedown", "p")
        assert app.is_running


async def test_a_click_on_a_row_that_was_rebuilt_away_is_ignored() -> None:
    """A click carries the row index of the frame it landed on; if the rows were rebuilt
    since (a day with fewer events), the stock handler raised IndexError and ended the app."""
    from rich.style import Style
    from textual import events

    from tui.app.widgets.events import EventsList

    app = make_app(["--fresh", "--day", "2023-11-17"])
    async with app.run_test(size=(100, 30)) as pilot:
        events_list = app.screen.query_one(EventsList)
        before = app.selection.event  # type: ignore[attr-defined]
        stale = Style(meta={"row": events_list.row_count + 5})
        click = events.Click(events_list, 1, 1, 0, 0, 1, False, False, False, style=stale)
        await events_list._on_click(click)
        await pilot.pause()
        assert app.is_running
        assert app.selection.event == before  # type: ignore[attr-defined]


async def test_a_name_over_two_lines_is_titled_on_one(tmp_path: Path) -> None:
    """A border title shows only its first line: "Sam\nAltman" was titled "Arc: Sam"."""
    story = tmp_path / "story"
    shutil.copytree(MINI, story)
    actors = story / "10-story.yaml"
    actors.write_text(
        actors.read_text().replace(
            "{en: Sam Altman, fr: Sam Altman}", '{en: "Sam\\nAltman", fr: "Sam\\u2028Altman"}'
        )
    )
    app = make_app(["--story", str(story), "--actor", "sam-altman", "--event", "fired"])
    async with app.run_test(size=(100, 30)) as pilot:
        arc = app.screen.query_one(ArcList)
        assert arc._border_title is not None and "Sam Altman" in arc._border_title.plain
        await press(pilot, "l")
        assert arc._border_title is not None and "Sam Altman" in arc._border_title.plain
