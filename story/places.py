"""Lines and columns for problems, found only when there are problems to report.

Reading a story records no places (it would cost more than the parse itself at 10,000 events);
a problem carries the path of its value in the document (`story.problems.Pending`). Here the
files that have problems are read once more, following only the subtrees on the way to the
paths asked about, and each problem gets its line and column, its "first at" place and the
source text of a value YAML misread (for "put it in quotes").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from story.problems import Problem, YamlPath
from story.yamlread import Document, Parser

Path_ = YamlPath
_NO_KEY: Any = object()
_COMPLEX_KEY: Any = object()


@dataclass
class Places:
    """Lines and columns found by `locate` for the paths it was asked about."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    sources: dict[Path_, str] = field(default_factory=dict)
    """The source text of the scalars at the wanted paths."""

    def place(self, path: Path_, *, key: bool = False) -> tuple[int, int] | None:
        """The place of `path` (of its key with `key`), else of its nearest located parent."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.values:
                return self.values[path]
        return None


def locate(text: str, wanted: Iterable[tuple[Path_, bool]]) -> Places:
    """Read `text`'s events once more and note where the wanted paths (and their parents) are.

    Only subtrees on the way to a wanted path are followed, so the cost is one pass of the
    parser, whatever the number of paths."""
    found = Places()
    keys_wanted: set[Path_] = set()
    prefixes: set[Path_] = {()}
    for path, key in wanted:
        if key:
            keys_wanted.add(path)
        prefixes.update(path[:length] for length in range(len(path) + 1))
    parser = Parser(text)
    # Each frame: the path of a collection (None when nothing wanted lies under it), whether it
    # is a mapping, the key awaiting its value, and the next index of a sequence.
    frames: list[list[Any]] = []
    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            kind = type(event)
            if kind not in (ScalarEvent, MappingStartEvent, SequenceStartEvent):
                if kind in (MappingEndEvent, SequenceEndEvent):
                    frames.pop()
                continue
            here: Path_ | None = ()
            if frames:
                frame = frames[-1]
                parent = frame[0]
                if frame[1]:
                    if frame[2] is _NO_KEY:  # this node is a key
                        frame[2] = event.value if kind is ScalarEvent else _COMPLEX_KEY
                        child = None if parent is None else (*parent, frame[2])
                        if child in keys_wanted:
                            found.keys[child] = _line_column(event)
                        if kind is ScalarEvent:
                            continue
                        frames.append([None, kind is MappingStartEvent, _NO_KEY, 0])
                        continue
                    here = None if parent is None else (*parent, frame[2])
                    frame[2] = _NO_KEY
                else:
                    here = None if parent is None else (*parent, frame[3])
                    frame[3] += 1
            if here is not None and here not in prefixes:
                here = None
            if here is not None:
                found.values[here] = _line_column(event)
                if kind is ScalarEvent:
                    found.sources[here] = event.value
            if kind is not ScalarEvent:
                frames.append([here, kind is MappingStartEvent, _NO_KEY, 0])
    except yaml.YAMLError:
        pass  # the file parsed before: a change since then only costs places
    finally:
        parser.dispose()
    return found


def _line_column(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def place_problems(problems: list[Problem], documents: dict[str, Document]) -> list[Problem]:
    """Problems with their lines and columns: the files that have problems are read once more
    for exactly the places asked (see `locate`)."""
    wanted: dict[str, list[tuple[YamlPath, bool]]] = {}
    for problem in problems:
        pending = problem.pending
        if pending is None:
            continue
        wanted.setdefault(problem.file, []).append((pending.path, pending.key))
        if pending.first is not None:
            wanted.setdefault(pending.first[0], []).append((pending.first[1], False))
    places = {
        name: locate(documents[name].text, paths)
        for name, paths in wanted.items()
        if name in documents
    }
    placed = []
    for problem in problems:
        pending = problem.pending
        if pending is None:
            placed.append(problem)
            continue
        found = places.get(problem.file, Places())
        where = found.place(pending.path, key=pending.key)
        message = problem.message
        raw = found.sources.get(pending.path)
        if pending.reads_as is not None and raw is not None:
            message += f' (YAML reads {raw} as {pending.reads_as}: put it in quotes, "{raw}")'
        if pending.first is not None:
            first_file, first_path = pending.first
            first = places.get(first_file, Places()).place(first_path)
            message += (
                f" (first at {first_file}:{first[0]}:{first[1]})"
                if first
                else f" (first in {first_file})"
            )
        line, column = where if where is not None else (None, None)
        placed.append(Problem(problem.file, line, column, message))
    return placed
