"""The wall between the model and the UI: `story` never imports Textual or `tui`."""

from __future__ import annotations

import ast
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
        "import sys; from tui.cli import run; status = run(['validate']); "
        "sys.exit(3 if 'textual' in sys.modules else status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
