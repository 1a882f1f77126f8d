"""Load a story (a folder of YAML files, or one file) into a validated `Saga`.

Nothing here raises anything but `StoryError`: every failure, expected or not, becomes a
`Problem` naming its file, so the CLI can print it in one line and exit 2.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from story.checks import CheckContext, check_story, items_with_origin, localized_texts
from story.convert import Converter, Invalid
from story.gcpause import gc_paused
from story.lesson import merge_lessons
from story.lesson_checks import check_lessons
from story.model import StoryFile
from story.problems import Problem, StoryError
from story.saga import Saga
from story.yamlread import Document, read_yaml

MAX_FILES = 500
"""A story folder with more YAML files than this is refused (bounded time and memory)."""
MAX_STORY_BYTES = 256 * 1024 * 1024
"""All files of a story together: beyond this it is refused before any parsing."""
SUFFIXES = (".yaml", ".yml")
UI_LANGUAGES = ("en", "fr", "id", "zh")


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the story's text is written in one language."""

    lang: str
    written: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.written / self.total if self.total else 100.0


def story_files(path: Path, shown_as: str) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The YAML files of a story path with the names used in messages."""
    try:
        if path.is_dir():
            found = sorted(
                child
                for child in path.iterdir()
                if child.suffix in SUFFIXES and not child.name.startswith(".")
            )
            if not found:
                return [], [Problem(shown_as, None, None, "no .yaml files in this folder")]
            if len(found) > MAX_FILES:
                return [], [Problem(shown_as, None, None, f"more than {MAX_FILES} story files")]
            if sum(child.stat().st_size for child in found) > MAX_STORY_BYTES:
                limit = MAX_STORY_BYTES // (1024 * 1024)
                return [], [Problem(shown_as, None, None, f"story files total over {limit} MiB")]
            base = shown_as.rstrip("/\\")
            return [(child, f"{base}/{child.name}") for child in found], []
        if path.exists():
            return [(path, shown_as)], []
    except OSError as error:
        return [], [Problem(shown_as, None, None, f"cannot read: {error.strerror or error}")]
    return [], [Problem(shown_as, None, None, "no such file or folder")]


def read_story(path: Path, shown_as: str | None = None) -> tuple[Saga | None, list[Problem]]:
    """Read and check a story; the Saga is None whenever there is any problem."""
    shown = shown_as or str(path)
    try:
        with gc_paused():
            return _read_story(path, shown)
    except Exception as error:
        # A failure the checks did not foresee still gets one line naming the story.
        return None, [Problem(shown, None, None, f"cannot load story: {error!r}")]


def _read_story(path: Path, shown: str) -> tuple[Saga | None, list[Problem]]:
    files, problems = story_files(path, shown)
    documents: dict[str, Document] = {}
    parsed: list[StoryFile] = []
    for file_path, name in files:
        document, file_problems = read_yaml(file_path, name)
        problems.extend(file_problems)
        if document is None:
            continue
        documents[name] = document
        if document.value is None:
            continue
        with contextlib.suppress(Invalid):  # its problems are recorded
            parsed.append(Converter(document, problems).convert(StoryFile, document.value, ()))
    if not files or (problems and not parsed):
        return None, problems
    context = CheckContext(documents, problems)
    info = check_story(parsed, context)
    check_lessons(parsed, info, context)
    if problems or info is None:
        return None, problems
    saga = Saga(
        info=info,
        sources={source.id: source for file in parsed for source in file.sources},
        actors={actor.id: actor for file in parsed for actor in file.actors},
        events=tuple(event for file in parsed for event in file.events),
        script=next((file.script for file in parsed if file.script is not None), None),
        perspectives=tuple(item for file in parsed for item in file.perspectives),
        notes=tuple(item for file in parsed for item in file.notes),
        lesson=merge_lessons(file.lesson for file in parsed if file.lesson is not None),
    )
    return saga, []


def load_story(path: Path, shown_as: str | None = None) -> Saga:
    """A valid story, or StoryError listing every problem."""
    saga, problems = read_story(path, shown_as)
    if saga is None:
        raise StoryError(problems or [Problem(shown_as or str(path), None, None, "empty story")])
    return saga


def coverage(saga: Saga, languages: tuple[str, ...] = UI_LANGUAGES) -> tuple[Coverage, ...]:
    """Share of the story's texts written in each language."""
    roots: list[object] = [
        saga.info,
        *saga.sources.values(),
        *saga.actors.values(),
        *saga.events,
        *saga.perspectives,
        *saga.notes,
    ]
    if saga.script is not None:
        roots.append(saga.script)
    if saga.lesson is not None:
        roots.append(saga.lesson)
    texts = list(localized_texts(item for root in roots for item in items_with_origin(root)))
    return tuple(
        Coverage(lang, sum(1 for text in texts if text.has(lang)), len(texts)) for lang in languages
    )
