"""How a story sits on disk: one YAML file, or the YAML files of a folder.

Kept apart from the loader (which imports the YAML parser) so that the cache and the pre-built
story can tell which files make a story without paying for the parser on a warm start.
"""

from __future__ import annotations

SUFFIXES = (".yaml", ".yml")


def is_story_file(name: str) -> bool:
    """Whether a file of a story folder is part of the story (hidden files are not)."""
    return name.endswith(SUFFIXES) and not name.startswith(".")
