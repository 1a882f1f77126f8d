"""Problems found in a story, the bounded log that collects them, and the one exception that
carries them.

Every problem knows its file and, when it sits at a place in a YAML file, its line and column, so
that `validate` prints `FILE:LINE:COLUMN: message` lines an editor can jump to. Problems found on
parsed values first carry their path in the document (`Pending`): the loader turns paths into
lines and columns in one extra pass over the files that have problems, so a story without
problems never pays for recording places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

YamlPath = tuple[str | int, ...]
"""Where a value sits in a YAML document: the keys and list indexes leading to it."""

MAX_KEPT = 1000
"""Problems kept in full; beyond this they are only counted (a 60 MB story once gave 647,552)."""

_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` safe to print in a one-line message: control characters (ESC, C1 bytes such as
    CSI), newlines, bidi overrides and undecodable file-name bytes become visible escapes, so a
    story or a path can neither steer the terminal nor split or reorder a message.

    Used for every message the command line prints (`Problem.__str__`, the CLI's errors)."""
    return _INVISIBLE.sub(_escape, text)


@dataclass(frozen=True, slots=True)
class Pending:
    """A place not yet resolved to a line and column: a path in the problem's YAML file."""

    path: YamlPath
    key: bool = False
    """Point at the key of `path` rather than at its value."""
    first: tuple[str, YamlPath] | None = None
    """Another place the message refers to (a first definition): appended as "(first at ...)"."""
    reads_as: str | None = None
    """For a value YAML read as a number or yes/no where text was wanted: what it read it as,
    so the message can quote the source text and say to put it in quotes."""


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
    pending: Pending | None = field(default=None, compare=False, repr=False)
    """Set until the loader resolves the place (see the module's docstring)."""

    def __str__(self) -> str:
        if self.line is None:
            return visible(f"{self.file}: {self.message}")
        return visible(f"{self.file}:{self.line}:{self.column or 1}: {self.message}")


class ProblemLog:
    """The problems of one load: the first `keep` kept, every one counted.

    Memory and output stay bounded however broken a story is; `total` says how many there were.
    """

    def __init__(self, keep: int | None = None) -> None:
        self.keep = MAX_KEPT if keep is None else keep
        self.kept: list[Problem] = []
        self.total = 0

    def append(self, problem: Problem) -> None:
        self.total += 1
        if len(self.kept) < self.keep:
            self.kept.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def absorb(self, other: ProblemLog) -> None:
        """Another log's problems after these: all counted, kept while there is room."""
        room = max(0, self.keep - len(self.kept))
        self.kept.extend(other.kept[:room])
        self.total += other.total

    def __bool__(self) -> bool:
        return self.total > 0

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.kept)


class StoryError(Exception):
    """The story cannot be used; `problems` says the reasons found (`total` counts them all)."""

    def __init__(self, problems: list[Problem], total: int | None = None) -> None:
        self.problems = problems
        self.total = max(total or 0, len(problems))
        super().__init__(str(problems[0]) if problems else "invalid story")
