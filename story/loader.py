"""Load a story (a folder of YAML files, or one file) into a validated `Saga`.

Nothing here raises anything but `StoryError`: every failure, expected or not, becomes a
`Problem` naming its file, so the CLI can print it in one line and exit 2.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from story.checks import CheckContext, check_story, items_with_origin, localized_texts
from story.convert import ConvertedFile
from story.fileread import FileRead, read_file
from story.gcpause import gc_paused
from story.layout import is_story_file
from story.lesson import merge_lessons
from story.lesson_checks import check_lessons
from story.model import StoryFile, StoryInfo
from story.places import place_problems
from story.problems import Problem, ProblemLog, StoryError
from story.saga import Saga
from story.yamlread import MAX_VALUES, Document, ValueBudget
from story.yamlread import Progress as YamlProgress

MAX_FILES = 500
"""A story folder with more YAML files than this is refused (bounded time and memory)."""
MAX_STORY_BYTES = 128 * 1024 * 1024
"""All files of a story together: beyond this it is refused before any parsing (see the README's
"Limits")."""
UI_LANGUAGES = ("en", "fr", "id", "zh")

Progress = Callable[[float], None]
"""Told now and then how much of a load is done (0 to 1), for a progress line."""
CONVERTED_SHARE = 0.9
"""Of a load's time, the part spent reading and converting files (the rest checks)."""


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
        info = os.stat(path)
        if not stat.S_ISDIR(info.st_mode):
            return [(path, shown_as)], []
        with os.scandir(path) as entries:
            found = sorted(
                (entry for entry in entries if is_story_file(entry.name)),
                key=lambda entry: entry.name,
            )
    except FileNotFoundError:
        return [], [Problem(shown_as, None, None, "no such file or folder")]
    except OSError as error:
        return [], [Problem(shown_as, None, None, f"cannot read: {error.strerror or error}")]
    except ValueError as error:  # a NUL in the path
        return [], [Problem(shown_as, None, None, f"cannot read: {error}")]
    if not found:
        return [], [Problem(shown_as, None, None, "no .yaml files in this folder")]
    if len(found) > MAX_FILES:
        return [], [Problem(shown_as, None, None, f"more than {MAX_FILES} story files")]
    if sum(_size(entry) for entry in found) > MAX_STORY_BYTES:
        limit = MAX_STORY_BYTES // (1024 * 1024)
        return [], [Problem(shown_as, None, None, f"story files total over {limit} MiB")]
    base = shown_as.rstrip("/\\")
    return [(Path(entry.path), f"{base}/{entry.name}") for entry in found], []


def _size(entry: os.DirEntry[str]) -> int:
    """A file's size, 0 when it cannot be read (`read_yaml` then says why, naming it)."""
    try:
        return entry.stat().st_size
    except OSError:
        return 0


def read_story(
    path: Path, shown_as: str | None = None, progress: Progress | None = None
) -> tuple[Saga | None, list[Problem]]:
    """Read and check a story; the Saga is None whenever there is any problem.

    At most `problems.MAX_KEPT` problems are returned; `read_story_counted` also says how many
    there were in all."""
    saga, problems, _ = read_story_counted(path, shown_as, progress)
    return saga, problems


def read_story_counted(
    path: Path,
    shown_as: str | None = None,
    progress: Progress | None = None,
) -> tuple[Saga | None, list[Problem], int]:
    """`read_story`, with the total number of problems found (some may not be returned)."""
    shown = shown_as or str(path)
    log = ProblemLog()
    try:
        with gc_paused():
            saga, documents = _read_story(path, shown, log, progress)
            if saga is not None:
                return saga, [], 0
            return None, place_problems(list(log), documents), log.total
    except Exception as error:
        # A failure the checks did not foresee still gets one line naming the story.
        return None, [Problem(shown, None, None, f"cannot load story: {error!r}")], 1


def _read_story(
    path: Path, shown: str, problems: ProblemLog, progress: Progress | None
) -> tuple[Saga | None, dict[str, Document]]:
    """Read, convert and check; the documents are returned to place the problems."""
    files, found = story_files(path, shown)
    problems.extend(found)
    sizes = [_file_size(file_path) for file_path, _ in files]
    reads = _read_here(files, sizes, progress)
    documents, incomplete = _documents(reads, problems)
    context = CheckContext(documents, problems, shown, incomplete=incomplete)
    parsed = _converted(reads, context)
    if not files or (problems and not parsed):
        return None, documents
    info = check_story(parsed, context)
    check_lessons(parsed, info, context)
    if progress is not None:
        progress(1.0)
    if problems or info is None:
        return None, documents
    return _assemble(info, parsed), documents


def _read_here(
    files: list[tuple[Path, str]], sizes: list[int], progress: Progress | None
) -> list[FileRead]:
    """Each file read and converted in turn, against the story's budget of values: once it
    is spent the files after are not read (reading on would only cost time)."""
    total_bytes = max(sum(sizes), 1)
    budget = ValueBudget(MAX_VALUES)
    done_bytes = 0
    reads = []
    for (file_path, name), size in zip(files, sizes, strict=True):
        if budget.exhausted:
            break
        reads.append(
            read_file(file_path, name, budget, _scaled(progress, done_bytes, size, total_bytes))
        )
        done_bytes += size
        if progress is not None:
            progress(CONVERTED_SHARE * done_bytes / total_bytes)
    return reads


def _documents(reads: list[FileRead], problems: ProblemLog) -> tuple[dict[str, Document], bool]:
    """The documents read, by name; whether some file could not be read at all. Every file's
    reading problems go to `problems` first, in file order."""
    documents: dict[str, Document] = {}
    incomplete = False
    for read in reads:
        problems.extend(read.problems)
        if read.document is None:
            incomplete = True
        else:
            documents[read.document.file] = read.document
    return documents, incomplete


def _converted(reads: list[FileRead], context: CheckContext) -> list[StoryFile]:
    """Each file's StoryFile (with its good items), after its reading problems: its conversion
    problems, and what broke in it, go to `context`."""
    parsed: list[StoryFile] = []
    for read in reads:
        context.problems.absorb(read.log)
        if read.converted is not None:
            _take(read.converted, context, parsed)
    return parsed


def _take(converted: ConvertedFile, context: CheckContext, parsed: list[StoryFile]) -> None:
    """Add a converted file to `parsed`, and what broke in it to `context`."""
    if converted.story_file is None:
        context.incomplete = True  # a file that is not a mapping: its ids are unknown
    else:
        parsed.append(converted.story_file)
    for kind, ids in converted.broken.items():
        context.broken.setdefault(kind, set()).update(ids)
    context.broken_sections |= converted.broken_kinds


def _assemble(info: StoryInfo, parsed: list[StoryFile]) -> Saga:
    """The saga of a valid story's files."""
    return Saga(
        info=info,
        sources={source.id: source for file in parsed for source in file.sources},
        actors={actor.id: actor for file in parsed for actor in file.actors},
        events=tuple(event for file in parsed for event in file.events),
        script=next((file.script for file in parsed if file.script is not None), None),
        perspectives=tuple(item for file in parsed for item in file.perspectives),
        notes=tuple(item for file in parsed for item in file.notes),
        lesson=merge_lessons(file.lesson for file in parsed if file.lesson is not None),
    )


def _file_size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def _scaled(progress: Progress | None, done: int, size: int, total: int) -> YamlProgress | None:
    """A file's parsing progress as a share of the whole load."""
    if progress is None:
        return None
    report = progress

    def within(share: float) -> None:
        report(CONVERTED_SHARE * (done + share * size) / total)

    return within


def load_story(path: Path, shown_as: str | None = None, progress: Progress | None = None) -> Saga:
    """A valid story, or StoryError listing its problems."""
    saga, problems, total = read_story_counted(path, shown_as, progress)
    if saga is None:
        empty = [Problem(shown_as or str(path), None, None, "empty story")]
        raise StoryError(problems or empty, total)
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
    written = [0] * len(languages)
    total = 0
    numbered = tuple(enumerate(languages))
    for text in localized_texts(items_with_origin(tuple(roots))):
        total += 1
        values = text.values
        for index, lang in numbered:
            value = values.get(lang)  # written: not blank, as `Localized.has` says
            if value and not value.isspace():
                written[index] += 1
    counted = zip(languages, written, strict=True)
    return tuple(Coverage(lang, count, total) for lang, count in counted)
