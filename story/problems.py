"""Problems found in a story, and the one exception that carries them.

Every problem knows its file and, when it sits at a place in a YAML file, its line and column, so
that `validate` prints `FILE:LINE:COLUMN: message` lines an editor can jump to.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a story file."""

    file: str
    """The file as the user named it (or as found in the story folder)."""
    line: int | None
    """1-based line, when the problem has a place in the file."""
    column: int | None
    """1-based column, when the problem has a place in the file."""
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column or 1}: {self.message}"


class StoryError(Exception):
    """The story cannot be used; `problems` says every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "invalid story")
