"""Read one YAML file defensively into plain values, fast; find places only for problems.

Why not `yaml.safe_load`: it silently keeps the last of duplicate keys, expands aliases (a
"billion laughs" file eats all memory), turns `no` into False and `12:30` into 750, recurses once
per nesting level (200,000 "[" kill the interpreter) and is slow: its resolver and constructor
run in Python for every node (10,000 events: 2 s with libyaml, 12 s without).

Here libyaml's event stream (no recursion, no node objects) is turned into dicts, lists and
scalars by one loop: duplicate keys, anchors and aliases, merge keys, unknown tags and deep
nesting are refused on the way, with their line and column. Nothing else records places: a
problem found later carries the path of its value (`story.problems.Pending`), and
`story.places.locate` reads the file's events once more to find the line and column of exactly
those paths. A valid story is parsed once, at about 0.05 ms an event.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from story.problems import Pending, Problem, YamlPath

try:
    Parser: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    Parser = yaml.SafeLoader
"""libyaml's parser (its events are all that is used of it)."""

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger files are refused before parsing (see the README's "Limits")."""
MAX_DEPTH = 40
"""Deeper nesting than any story needs is refused."""
MAX_VALUES = 5_000_000
"""Values (scalars, lists, mappings) in one story, all files together: beyond this the story is
refused, since memory grows with values, not bytes (`[a,a,a,...]` is one value every 2 bytes)."""
PROGRESS_EVERY = 1 << 16
"""Parser events between two progress reports."""

Path_ = YamlPath
Progress = Callable[[float], None]
"""Called now and then while a file is parsed, with the share of it done (0 to 1)."""

_TAG = "tag:yaml.org,2002:"
_RESOLVERS = Resolver.yaml_implicit_resolvers
_ALIAS_MESSAGE = "anchors and aliases (&name, *name) are not allowed in a story"
_TRUE = frozenset(("true", "yes", "on", "y"))
_PLAIN_KEPT = 10_000
"""Plain scalars remembered per file as read as text (keys, mostly)."""
_COLLECTION_TAGS = frozenset((None, "!", _TAG + "map", _TAG + "seq"))
_CONSTRUCTOR = SafeConstructor()
"""PyYAML's own reading of YAML 1.1 numbers (0x1F, 1_000, 12:30 as 750, .inf), node by node."""


@dataclass
class ValueBudget:
    """The values a story may still hold, shared by its files (see MAX_VALUES)."""

    limit: int = MAX_VALUES
    used: int = 0

    @property
    def left(self) -> int:
        return self.limit - self.used

    @property
    def exhausted(self) -> bool:
        """The story went over the limit: the files after the one that did are not read."""
        return self.used > self.limit


@dataclass
class Document:
    """A parsed file: its value, and its text (kept to place problems, see `locate`)."""

    file: str
    value: Any
    text: str = ""
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading that do not stop it (duplicate keys)."""
    values: int = 0
    """How many values (scalars and collections) the file holds."""

    def problem(
        self,
        path: Path_,
        message: str,
        *,
        key: bool = False,
        first: tuple[str, Path_] | None = None,
        reads_as: str | None = None,
    ) -> Problem:
        """A problem at `path` in this file, placed later by `locate` (see `place_problems`)."""
        return Problem(self.file, None, None, message, Pending(path, key, first, reads_as))

    def place(self, path: Path_, *, key: bool = False) -> tuple[int, int] | None:
        """The line and column of `path` (or of its key), else of its nearest parent."""
        from story.places import locate

        return locate(self.text, [(path, key)]).place(path, key=key)


class _Refused(Exception):
    """A structural problem that stops the reading of one file."""

    def __init__(self, event: Any, message: str) -> None:
        self.mark = event.start_mark
        self.message = message


def read_yaml(
    path: os.PathLike[str] | str,
    shown_as: str,
    progress: Progress | None = None,
    budget: ValueBudget | None = None,
) -> tuple[Document | None, list[Problem]]:
    """Parse the file at `path` safely; never raises. `shown_as` is the name used in messages."""
    try:
        with open(path, "rb", opener=_open_without_blocking) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None, [Problem(shown_as, None, None, "not a regular file")]
            if info.st_size > MAX_FILE_BYTES:
                return None, [Problem(shown_as, None, None, _too_large())]
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [Problem(shown_as, None, None, f"cannot read: {error.strerror or error}")]
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        return None, [Problem(shown_as, None, None, _too_large())]
    return parse_yaml(data, shown_as, progress, budget)


def _too_large() -> str:
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return f"file is larger than {limit} MiB (a story can be split into several files of a folder)"


def _open_without_blocking(path: str, flags: int) -> int:
    """Open without blocking on a FIFO (or a device): the file type is checked once open."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def parse_yaml(
    data: bytes,
    shown_as: str,
    progress: Progress | None = None,
    budget: ValueBudget | None = None,
) -> tuple[Document | None, list[Problem]]:
    """Parse YAML bytes into a Document, or say why not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(shown_as, None, None, f"not UTF-8 text (byte {error.start})")]
    document = Document(shown_as, None, text)
    try:
        document.value = _build(data, document, progress, budget or ValueBudget())
    except _Refused as refused:
        mark = refused.mark
        return None, [Problem(shown_as, mark.line + 1, mark.column + 1, refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = one_line(error.problem or error.context or "invalid YAML")
        if mark is None:
            return None, [Problem(shown_as, None, None, f"invalid YAML: {reason}")]
        return None, [Problem(shown_as, mark.line + 1, mark.column + 1, f"invalid YAML: {reason}")]
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = ord(error.character) if isinstance(error.character, str) else error.character
        reason = f"character U+{code:04X} is not allowed in YAML"
        return None, [Problem(shown_as, line, column, f"invalid YAML: {reason}")]
    except (yaml.YAMLError, RecursionError, ValueError, MemoryError) as error:
        return None, [Problem(shown_as, None, None, f"invalid YAML: {one_line(str(error))}")]
    return document, document.problems


def one_line(text: str) -> str:
    """A message on one line (libyaml's span several)."""
    return " ".join(text.split())


class _Skip:
    """Stands for the key of a duplicate entry, whose value is read and dropped."""


_NO_KEY: Any = object()
_SKIP: Any = _Skip()


def _build(data: bytes, document: Document, progress: Progress | None, budget: ValueBudget) -> Any:
    """The value of the file's one document, built from libyaml's events without recursion.

    libyaml is given the file's bytes, known to be UTF-8 (`document.text` decodes them): the
    text would be encoded to the same bytes again (12 ms at 10,000 events).

    The loop runs once per parser event (40 an event of a story): its common cases, a scalar
    in a mapping or a list, come first and touch as few attributes as they can."""
    parser = Parser(data)
    get_event = parser.get_event
    stack: list[tuple[Any, Any, bool]] = []
    """The enclosing collections, with, for mappings, the key awaiting its value."""
    container: Any = None
    in_mapping = False
    key: Any = _NO_KEY
    root: Any = None
    documents = 0
    count = 0
    max_values = budget.left
    next_check = min(PROGRESS_EVERY, max_values + 1)
    size = max(len(document.text), 1)
    resolved_firsts = _RESOLVERS  # first characters that some implicit resolver reads
    scalar_event, mapping_start, sequence_start = ScalarEvent, MappingStartEvent, SequenceStartEvent
    mapping_end, sequence_end = MappingEndEvent, SequenceEndEvent
    no_key, skip = _NO_KEY, _SKIP
    plain: set[str] = set()
    """Plain scalars of this file that resolved to text."""
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                count += 1
                if count >= next_check:
                    next_check = _checkpoint(event, count, budget, size, progress)
                if event.anchor is not None:
                    raise _Refused(event, _ALIAS_MESSAGE)
                value = event.value
                if event.tag is not None:
                    value = _scalar(event)
                elif value[:1] in resolved_firsts and value not in plain and event.implicit[0]:
                    # Plain scalars starting with a character no resolver knows are text (most
                    # of a story); so are those already resolved as text (keys such as `title`).
                    value = _scalar(event)
                    if value is event.value and len(plain) < _PLAIN_KEPT:
                        plain.add(value)
                if in_mapping:
                    if key is no_key:
                        if type(value) is str and value not in container:
                            key = value
                        else:
                            key = _key(event, value, container, document)
                    else:
                        if key is not skip:
                            container[key] = value
                        key = no_key
                elif container is not None:
                    container.append(value)
                else:
                    root = value
            elif kind is mapping_start or kind is sequence_start:
                count += 1
                if count >= next_check:
                    next_check = _checkpoint(event, count, budget, size, progress)
                if event.anchor is not None:
                    raise _Refused(event, _ALIAS_MESSAGE)
                if event.tag not in _COLLECTION_TAGS:
                    raise _Refused(event, f"unsupported YAML tag '{event.tag}'")
                if in_mapping and key is no_key:
                    raise _Refused(event, "keys must be plain words")
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(event, f"nested deeper than {MAX_DEPTH} levels")
                stack.append((container, key, in_mapping))
                in_mapping = kind is mapping_start
                container = {} if in_mapping else []
                key = no_key
            elif kind is mapping_end or kind is sequence_end:
                done = container
                container, key, in_mapping = stack.pop()
                if in_mapping:
                    if key is not skip:
                        container[key] = done
                    key = no_key
                elif container is not None:
                    container.append(done)
                else:
                    root = done
            elif event is None:
                break
            elif kind is AliasEvent:
                raise _Refused(event, _ALIAS_MESSAGE)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(event, "invalid YAML: a second document ('---') in one file")
    finally:
        parser.dispose()
        document.values = count
        budget.used += count
    return root


def _checkpoint(
    event: Any, count: int, budget: ValueBudget, size: int, progress: Progress | None
) -> int:
    """Every PROGRESS_EVERY values (and at the cap): report progress, enforce the cap; returns
    the count at which to come back."""
    if count > budget.left:
        raise _Refused(event, f"more than {budget.limit:,} values in the story")
    if progress is not None:
        progress(event.start_mark.index / size)
    return min(count + PROGRESS_EVERY, budget.left + 1)


def _key(event: Any, value: Any, mapping: dict[str, Any], document: Document) -> Any:
    """A mapping key: plain text, not seen before in the mapping (else `_SKIP`)."""
    if type(value) is not str:
        if event.tag is None and event.implicit[0] and event.value == "<<":
            raise _Refused(event, "merge keys (<<) are not allowed in a story")
        raise _Refused(event, "keys must be plain words")
    if value in mapping:
        mark = event.start_mark
        message = f"duplicate key '{value}'"
        document.problems.append(Problem(document.file, mark.line + 1, mark.column + 1, message))
        return _SKIP
    return value


def _scalar(event: Any) -> Any:
    """A scalar's value as YAML 1.1 (PyYAML's safe schema) reads it; timestamps stay text."""
    text: str = event.value
    tag = event.tag
    if tag is None and event.implicit[0]:
        resolvers = _RESOLVERS.get(text[:1])
        if resolvers is None:
            return text
        for candidate, pattern in resolvers:
            if pattern.match(text):
                return _typed(candidate, text, event)
        return text
    if tag is None or tag == "!":
        return text
    return _typed(tag, text, event)


def _typed(tag: str, text: str, event: Any) -> Any:
    """A scalar of a known tag (resolved, or written as `!!int`)."""
    name = tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    if name in ("str", "timestamp"):
        return text
    if name == "null":
        return None
    if name == "bool":
        return text.lower() in _TRUE
    if name in ("int", "float"):
        try:
            node = ScalarNode(tag if tag.startswith(_TAG) else _TAG + name, text)
            if name == "int":
                return int(_CONSTRUCTOR.construct_yaml_int(node))
            return float(_CONSTRUCTOR.construct_yaml_float(node))
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            return text
    if name == "merge":
        raise _Refused(event, "merge keys (<<) are not allowed in a story")
    raise _Refused(event, f"unsupported YAML tag '{tag}'")
