"""The pure story model of openai-saga: loading, validating and querying a story.

Never imports Textual or the `tui` package (a test proves it), so the model can be used and
tested on its own, and start-up cost stays in the UI.
"""

from story.loader import coverage, load_story, read_story
from story.localized import Localized, Shown
from story.problems import Problem, StoryError
from story.saga import BACKGROUND, Day, Saga

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
