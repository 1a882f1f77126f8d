"""The wall between the model and the UI: `story` never imports Textual or `tui`."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

STORY = Path(__file__).parent.parent / "story"


def test_story_imports_without_textual() -> None:
    code = (
        "import sys, story, story.search, story.schema; from pathlib import Path; "
        "from openai_saga_assets import STORY_DIR; story.load_story(STORY_DIR); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_story_module_names_textual() -> None:
    for path in STORY.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] in ("textual", "tui") for name in names), path


def test_validate_does_not_import_textual() -> None:
    code = (
        "import sys; from tui.cli.main import run; status = run(['validate']); "
        "sys.exit(3 if 'textual' in sys.modules else status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_validate_imports_what_it_needs_only() -> None:
    """Imports are a good part of validate's time: the UI catalogues, msgspec (the cache's)
    and process pools are left out."""
    code = (
        "import sys; from tui.cli.main import run; status = run(['validate']); "
        "extra = [m for m in sys.modules if m.startswith(('tui.locale', 'msgspec', "
        "'multiprocessing', 'concurrent'))]; print(extra); sys.exit(3 if extra else status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


TUI = Path(__file__).parent.parent / "tui"
LAYERS = {
    # layer: what it must not import (top-level packages or tui sub-packages)
    "locale": ("textual", "tui.view", "tui.app", "tui.cli", "tui.classroom"),
    "view": ("textual", "tui.app", "tui.cli", "tui.classroom"),
}
"""tui/ in layers: localisation, then presentation (Rich text, no Textual), then the Textual
app and the command line on top. A lower layer never reaches up."""


def imported_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_lower_layers_of_tui_never_reach_up() -> None:
    checked = 0
    for layer, forbidden in LAYERS.items():
        for path in (TUI / layer).rglob("*.py"):
            checked += 1
            for name in imported_names(path):
                bad = [f for f in forbidden if name == f or name.startswith(f + ".")]
                assert not bad, f"{path.relative_to(TUI.parent)} imports {name}"
    assert checked >= 10


def test_the_view_layer_imports_without_textual() -> None:
    modules = sorted(f"tui.view.{path.stem}" for path in (TUI / "view").glob("*.py"))
    code = (
        f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'textual']; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_first_frame_leaves_the_palette_search_script_and_quiz_unimported(
    tmp_path: Path,
) -> None:
    """What the first frame does not show is imported when first opened: the palette's
    providers (and the search index they use), the script and the quiz screens. A fresh
    process: the test session has imported them all."""
    code = (
        "import sys, asyncio; from tui import make_app\n"
        "app = make_app(['--fresh'])\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        early = [m for m in ('tui.app.palette', 'tui.classroom.palette', 'story.search',"
        " 'tui.app.screens.script', 'tui.app.screens.quiz') if m in sys.modules]\n"
        "        await pilot.press('s'); await pilot.pause()\n"
        "        opened = type(app.screen).__name__\n"
        "        print(early, opened); sys.exit(3 if early or opened != 'ScriptScreen' else 0)\n"
        "asyncio.run(main())\n"
    )
    (tmp_path / "welcomed").touch()  # the title card seen: `s` reaches the browser
    state = {"OPENAI_SAGA_STATE": str(tmp_path / "place.json")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ | state
    )
    assert result.returncode == 0, result.stdout + result.stderr
