"""However broken a story file is: a clear message, never a crash, a hang or a traceback; and
story text is shown literally everywhere, never as markup or terminal control."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from story import read_story
from tests.conftest import MINI, write
from tests.test_browser_mini import press
from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.screens.search import SearchScreen
from tui.app.widgets.detail import EventDetail
from tui.view.export import to_markdown, whole_story


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 200_000,
        "a: " + "{a: " * 100_000,
        "- " * 100_000 + "x",
        "? " * 100_000 + "x",
        "\n".join("  " * i + f"k{i}:" for i in range(3000)) + " x",
    ],
    ids=["brackets", "braces", "dashes", "keys", "indents"],
)
def test_deep_nesting_is_refused_not_crashed(tmp_path: Path, text: str) -> None:
    """libyaml's composer recurses in C: these used to kill the interpreter (SIGSEGV)."""
    path = write(tmp_path, "deep.yaml", text)
    code = (
        "import sys; from pathlib import Path; from story import read_story; "
        f"s, p = read_story(Path({str(path)!r}), 'deep.yaml'); print(p[0]); "
        "sys.exit(0 if s is None else 1)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert any(
        reason in result.stdout
        for reason in ("nested deeper than 40 levels", "invalid YAML", "keys must be plain words")
    )


NOISE = [
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "\t",
    "'",
    '"',
    "#",
    "\n",
    "  ",
    "!!int ",
    "<<: ",
    "12:30",
    "no",
    "~",
    "\x00",
    "\x1b",
    "é",
    "猫",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
]


def test_random_damage_always_gives_problems_with_places(tmp_path: Path) -> None:
    sources = [path.read_text(encoding="utf-8") for path in sorted(MINI.glob("*.yaml"))]
    rng = random.Random(20231117)
    for round_number in range(300):
        folder = tmp_path / f"r{round_number}"
        folder.mkdir()
        for index, text in enumerate(sources):
            chars = list(text)
            for _ in range(rng.randint(1, 6)):
                at = rng.randrange(len(chars))
                action = rng.random()
                if action < 0.4:
                    del chars[at : at + rng.randint(1, 20)]
                elif action < 0.8:
                    chars.insert(at, rng.choice(NOISE))
                else:
                    chars[at : at + 5] = rng.choice(NOISE) * rng.randint(1, 50)
            write(folder, f"{index}.yaml", "".join(chars))
        saga, problems = read_story(folder, f"r{round_number}")
        assert (saga is None) == bool(problems)
        for problem in problems:
            assert problem.file.startswith(f"r{round_number}")
            shown = str(problem)  # what the command line prints: story text made visible
            assert "\n" not in shown and "Traceback" not in shown


HOSTILE = "[/] [bold]x[/bold] [link=https://evil]y[/link] \x1b]0;pwned\x07 [b"


def hostile_story(folder: Path) -> Path:
    story = folder / "hostile"
    story.mkdir()
    for file in MINI.glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        text = text.replace("{en: Altman is fired,", '{en: "Altman [/] is [bold]fired[/b",')
        text = text.replace(
            "name: {en: Mira Murati, fr: Mira Murati}", 'name: {en: "[red]Mira[/] [/", fr: Mira}'
        )
        text = text.replace("A lab [is] born.", "[link=https://evil.example]click[/link] [/]")
        (story / file.name).write_text(text, encoding="utf-8")
    return story


async def test_markup_in_story_text_is_shown_literally(tmp_path: Path) -> None:
    story = hostile_story(tmp_path)
    app = make_app(["--story", str(story), "--fresh", "--event", "fired"])
    assert isinstance(app, SagaApp)
    async with app.run_test(size=(120, 40)) as pilot:
        detail = app.browser.query_one(EventDetail).column_plain(0)
        assert "Altman [/] is [bold]fired[/b" in detail
        assert "[red]Mira[/] [/" in detail
        await press(pilot, "tab", "tab", "tab", "down", "enter")  # follow from the cast
        await press(pilot, "ctrl+p", *"Mira", "escape")
        await press(pilot, "slash", "l", "a", "b")
        assert isinstance(app.screen, SearchScreen)
        await press(pilot, "escape", "question_mark", "escape", "s", "escape", "home")
        assert "[link=https://evil.example]click[/link] [/]" in (
            app.browser.query_one(EventDetail).column_plain(0)
        )
        for lang_key in "llll":
            await press(pilot, lang_key)


def test_control_characters_never_reach_the_screen(tmp_path: Path) -> None:
    """The loader refuses them; the UI neutralises them anyway (defence in depth)."""
    from tui.view.safe import plain

    assert "\x1b" not in plain(HOSTILE).plain and "␛" in plain(HOSTILE).plain
    story = hostile_story(tmp_path)
    events = story / "20-events.yaml"
    events.write_text(
        events.read_text().replace("{en: Sutskever writes.,", '{en: "Sutskever \\e]52;c;x\\a",')
    )
    saga, problems = read_story(story, "hostile")
    assert saga is None
    assert any("control character U+001B" in str(problem) for problem in problems)


def test_bidi_controls_never_reach_the_screen() -> None:
    """The loader refuses them; text that skipped it (a crafted cache entry) still shows them
    as stand-ins, one for one so that search offsets hold."""
    from tui.app.labels import label
    from tui.view.safe import plain

    for hostile in ("\u202eevil\u202c", "\u2066a\u2067b\u2068c\u2069", "\u202a\u202b\u202d"):
        for shown in (plain(hostile).plain, label(hostile).plain):
            assert len(shown) == len(hostile)
            assert not any(
                "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069" for char in shown
            )
    assert plain("a\u200fb").plain == "a\u200fb"  # marks stay


def test_export_of_hostile_text_is_escaped(tmp_path: Path) -> None:
    saga, _ = read_story(hostile_story(tmp_path), "hostile")
    assert saga is not None
    text = to_markdown(whole_story(saga, "en"))
    assert "\\[link=https://evil.example\\]click\\[/link\\]" in text
