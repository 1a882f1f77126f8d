"""One story file read and converted: the unit a load works in, here or in another process.

A file's values are converted into the model as soon as it is read, and dropped (the model
keeps their texts): a big story never holds all its raw values at once. Its problems are kept
apart, those of reading and those of converting, so that the loader reports them in the order
of a load (every file's reading, then every file's conversion) however the files were read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from story.convert import ConvertedFile, convert_document
from story.problems import Problem, ProblemLog
from story.yamlread import Document, ValueBudget, read_yaml

Progress = Callable[[float], None]


@dataclass
class FileRead:
    """One file read and converted."""

    document: Document | None
    """None when it could not be read (its value is dropped once converted)."""
    problems: list[Problem]
    """The problems of reading it (those of converting it are in `log`)."""
    used: int
    """The values it holds (up to where its reading stopped), counted in the story's budget."""
    converted: ConvertedFile | None
    """None when there was no value to convert (an empty file, or one that could not be read)."""
    log: ProblemLog
    """The problems of converting it."""


def read_file(
    path: Path, name: str, budget: ValueBudget, progress: Progress | None = None
) -> FileRead:
    """Read one file against `budget` (the values the story may still hold), and convert it."""
    used_before = budget.used
    document, problems = read_yaml(path, name, progress, budget)
    log = ProblemLog()
    converted = None
    if document is not None and document.value is not None:
        converted = convert_document(document, log)
        document.value = None  # in the model now: the rest of its values can go
    return FileRead(document, problems, budget.used - used_before, converted, log)
