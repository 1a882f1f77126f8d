"""A progress line on stderr while a big story is parsed, instead of a silent wait.

Drawn only on a terminal (a log or a pipe gets nothing), only once a load has taken longer than
`DELAY` (a small story never flashes a line), at most `PER_SECOND` times a second, and erased
when the load ends, so the next line (the app, `validate`'s summary) starts clean.
"""

from __future__ import annotations

import time
from typing import TextIO

from story.problems import visible

DELAY = 0.3
"""Seconds before the line first appears."""
PER_SECOND = 10


class ProgressLine:
    """Call it with the share done (0 to 1); `close()` erases the line."""

    def __init__(self, label: str, stream: TextIO, *, force: bool = False) -> None:
        self.label = visible(label)
        self.stream = stream
        self.enabled = force or _is_terminal(stream)
        self.began = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, share: float) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.began < DELAY or now - self.last < 1 / PER_SECOND:
            return
        self.last = now
        self.shown = True
        percent = max(0, min(100, int(share * 100)))
        self.stream.write(f"\r\x1b[K{self.label}: {percent}%")
        self.stream.flush()

    def close(self) -> None:
        """Erase the line, if it was drawn."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
