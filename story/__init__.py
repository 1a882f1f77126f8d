"""The pure story model of openai-saga: loading, validating and querying a story.

Never imports Textual or the `tui` package (a test proves it), so the model can be used and
tested on its own, and start-up cost stays in the UI. The loader (and the YAML parser it
imports) is imported on first use: a warm start reads the cache and never needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from story.localized import Localized, Shown
from story.problems import Problem, StoryError
from story.saga import BACKGROUND, Day, Saga

if TYPE_CHECKING:
    from story.loader import coverage, load_story, read_story

_FROM_LOADER = ("coverage", "load_story", "read_story")


def __getattr__(name: str) -> Any:
    if name in _FROM_LOADER:
        from story import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'story' has no attribute '{name}'")


__all__ = [
    "BACKGROUND",
    "Day",
    "Localized",
    "Problem",
    "Saga",
    "Shown",
    "StoryError",
    "coverage",
    "load_story",
    "read_story",
]
