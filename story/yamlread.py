"""Read one YAML file defensively into plain values plus the place of every value.

Why not `yaml.safe_load`: it forgets where values came from (no line:column for messages),
silently keeps the last of duplicate keys, expands aliases (a "billion laughs" file eats all
memory) and turns `no` into False and `12:30` into 750. Here the file is composed into nodes with
libyaml when present, then walked once: places are kept, duplicates, aliases, merge keys and
over-deep nesting are refused, and each scalar's source text is kept so that the converter can
say "quote it" instead of guessing.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from story.problems import Problem

try:
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger files are refused before parsing: memory stays bounded whatever is given."""
MAX_DEPTH = 40
"""Deeper nesting than any story needs is refused (and keeps the walk off Python's stack limit)."""

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"


@dataclass
class Document:
    """A parsed file: its value, the place of each value and key, the source text of scalars."""

    file: str
    value: Any
    places: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_places: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Problems found while walking that do not stop it (duplicate keys)."""

    def place(self, path: Path_, *, key: bool = False) -> tuple[int, int] | None:
        """The line and column of `path` (or of its key), else of its nearest parent."""
        table = self.key_places if key else self.places
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.places:
                return self.places[path]
        return None

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        """A problem placed at `path` in this file."""
        where = self.place(path, key=key)
        if where is None:
            return Problem(self.file, None, None, message)
        return Problem(self.file, where[0], where[1], message)


class _Refused(Exception):
    """A structural problem that stops the walk of one file."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        self.node = node
        self.message = message


def read_yaml(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse `path` safely; never raises. `shown_as` is the name used in messages."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(shown_as, None, None, "not a regular file")]
        if info.st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return None, [Problem(shown_as, None, None, f"file is larger than {limit} MiB")]
        with open(path, "rb", opener=_open_no_follow_fifo) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [Problem(shown_as, None, None, f"cannot read: {error.strerror or error}")]
    return parse_yaml(data, shown_as)


def _open_no_follow_fifo(path: str, flags: int) -> int:
    """Open without blocking on a FIFO swapped in after the stat check."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def parse_yaml(data: bytes, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML bytes into a Document, or say why not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(shown_as, None, None, f"not UTF-8 text (byte {error.start})")]
    too_deep = _too_deep(text) if _may_be_too_deep(text) else None
    if too_deep is not None:
        return None, [
            Problem(shown_as, too_deep[0], too_deep[1], f"nested deeper than {MAX_DEPTH} levels")
        ]
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
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
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        return None, [Problem(shown_as, None, None, f"invalid YAML: {one_line(str(error))}")]
    document = Document(shown_as, None)
    if root is None:
        return document, []
    try:
        document.value = _walk(root, (), document, set(), 0)
    except _Refused as refused:
        mark = refused.node.start_mark
        return None, [Problem(shown_as, mark.line + 1, mark.column + 1, refused.message)]
    return document, document.problems


_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_LINE_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)


def _may_be_too_deep(text: str) -> bool:
    """A quick over-estimate of nesting: brackets (even in strings) and line prefixes.

    libyaml's composer recurses in C once per level: a file of 200,000 "[" crashes the
    interpreter outright (no exception to catch), so depth is checked before composing.
    """
    depth = peak = 0
    for char in _NOT_BRACKETS.sub("", text):
        depth += 1 if char in "[{" else -1
        peak = max(peak, depth)
    if peak > MAX_DEPTH:
        return True
    widest = max((len(match.group()) for match in _LINE_PREFIX.finditer(text)), default=0)
    return widest > MAX_DEPTH


def _too_deep(text: str) -> tuple[int, int] | None:
    """The line and column where nesting passes MAX_DEPTH, from libyaml's event stream (which
    is produced without recursion), or None when it never does."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return (mark.line + 1, mark.column + 1) if mark else (1, 1)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer reports the syntax error with its place
    return None


def one_line(text: str) -> str:
    """A message on one line (libyaml's span several)."""
    return " ".join(text.split())


def _walk(node: yaml.Node, path: Path_, doc: Document, seen: set[int], depth: int) -> Any:
    """Turn a node into plain values, recording places; refuse what a story must not use."""
    if depth > MAX_DEPTH:
        raise _Refused(node, f"nested deeper than {MAX_DEPTH} levels")
    if id(node) in seen:
        raise _Refused(node, "anchors and aliases (&name, *name) are not allowed in a story")
    seen.add(id(node))
    doc.places[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                if key_node.tag == _TAG + "merge":
                    raise _Refused(key_node, "merge keys (<<) are not allowed in a story")
                raise _Refused(key_node, "keys must be plain words")
            key = key_node.value
            if key in result:
                mark = key_node.start_mark
                doc.problems.append(
                    Problem(doc.file, mark.line + 1, mark.column + 1, f"duplicate key '{key}'")
                )
                continue
            child = (*path, key)
            doc.key_places[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _walk(value_node, child, doc, seen, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(item, (*path, index), doc, seen, depth + 1)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, path, doc)


def _scalar(node: yaml.Node, path: Path_, doc: Document) -> Any:
    """A scalar's value by its resolved tag; timestamps stay text (the format checks them)."""
    tag = node.tag.removeprefix(_TAG)
    text = node.value
    doc.raw[path] = text
    if tag in ("str", "timestamp"):
        return text
    if tag == "null":
        return None
    if tag == "bool":
        return text.lower() in ("true", "yes", "on", "y")
    if tag == "int":
        try:
            return int(yaml.safe_load(text))
        except (yaml.YAMLError, ValueError, TypeError):
            return text
    if tag == "float":
        try:
            return float(yaml.safe_load(text))
        except (yaml.YAMLError, ValueError, TypeError):
            return text
    raise _Refused(node, f"unsupported YAML tag '{node.tag}'")
