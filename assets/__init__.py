"""The story data and static files that ship with openai-saga (installed as `openai_saga_assets`).

A package rather than loose files so that `pip install .` puts them beside the code and
`importlib.resources` finds them from any working directory.
"""

from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent
STORY_DIR = ASSETS_DIR / "story"
SCHEMA_FILE = ASSETS_DIR / "story.schema.json"
I18N_DIR = ASSETS_DIR / "i18n"
