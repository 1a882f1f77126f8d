"""Nothing in the app knows this story: another organisation fills the power strip, and a fifth
UI language is one more catalogue file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from openai_saga_assets import I18N_DIR
from tests.conftest import MINI
from tui import make_app
from tui.app.widgets.power import PowerStrip


def another_organisation(folder: Path) -> Path:
    """The mini story, retold about a company called Acme whose chief is a 'director'."""
    story = folder / "acme"
    shutil.copytree(MINI, story)
    for path in story.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\bopenai\b", "acme", text).replace("position: ceo", "position: director")
        text = text.replace("position: interim-ceo", "position: acting-director")
        text = text.replace("seat: [ceo, interim-ceo]", "seat: [director, acting-director]")
        text = text.replace("seat_label: {en: CEO,", "seat_label: {en: Director,")
        text = text.replace("body: [board-member]", "body: [cto]")
        text = text.replace("body_label: {en: Board,", "body_label: {en: Engineers,")
        path.write_text(text, encoding="utf-8")
    assert "openai" not in (story / "10-story.yaml").read_text(encoding="utf-8")
    return story


def strip_text(strip: PowerStrip) -> str:
    console = Console(width=200, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(strip.render())
    return console.export_text()


async def test_a_story_about_another_organisation_fills_the_power_strip(tmp_path: Path) -> None:
    story = another_organisation(tmp_path)
    app = make_app(["--story", str(story), "--fresh", "--day", "2023-11-17"])
    async with app.run_test(size=(140, 40)):
        text = strip_text(app.screen.query_one(PowerStrip))
        days, seat, body = text.splitlines()[:3]
        assert days.split()[:4] == ["Bkgd", "Th16", "Fr17", "We22"]
        assert seat.split()[:5] == [
            "Director",
            "SA",
            "SA",
            "MM",
            "SA",
        ]  # Murati holds it on the 17th
        assert body.split()[:5] == ["Engineers", "1", "1", "0", "0"]  # Murati is CTO until the 16th


def test_a_fifth_language_is_one_catalogue(tmp_path: Path) -> None:
    folder = tmp_path / "i18n"
    shutil.copytree(I18N_DIR, folder)
    english = (folder / "en.yaml").read_text(encoding="utf-8")
    esperanto = english.replace('language.name: "English"', 'language.name: "Esperanto"')
    esperanto = esperanto.replace("language.locale: en_US", "language.locale: eo")
    esperanto = esperanto.replace('language.order: "1"', 'language.order: "5"')
    esperanto = esperanto.replace("cmd.script: Script vs reality", "cmd.script: Scenaro kaj vero")
    (folder / "eo.yaml").write_text(esperanto, encoding="utf-8")
    code = """
import asyncio
from tui.locale.i18n import LANGUAGES
from tui import make_app
assert LANGUAGES == ("en", "fr", "id", "zh", "eo"), LANGUAGES

async def main():
    app = make_app(["--fresh"])
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(4):
            await pilot.press("l")
        await pilot.pause()
        assert app.selection.lang == "eo", app.selection.lang
        keys = {b.id: b.description for _, b, *_ in app.screen.active_bindings.values()}
        assert keys["script"] == "Scenaro kaj vero", keys["script"]
        await pilot.press("l")
        await pilot.pause()
        assert app.selection.lang == "en"
    print("ok")

asyncio.run(main())
"""
    env = {**os.environ, "OPENAI_SAGA_CATALOGUES": str(folder)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.stdout.strip() == "ok", result.stderr[-2000:]
