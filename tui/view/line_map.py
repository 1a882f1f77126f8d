"""Where each row of a long list starts, in lines, when only the rows drawn have been measured.

A list of 100,000 rows cannot afford to wrap every row before drawing the first screen (Textual's
OptionList does, 11 s at 100,000 events). Here a row counts as `estimate` lines until it is drawn
and measured; the starts of the rows are prefix sums recomputed only after a measured height
differed from its estimate. Rows are measured from the top of the screen down, so a correction
moves only what lies below the rows on screen, never what the reader is looking at.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class LineMap:
    """Rows and their heights in lines at one width, measured lazily."""

    def __init__(self, count: int, estimate: int = 1) -> None:
        self._heights = [max(1, estimate)] * count
        self._known = bytearray(count)
        self._starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self._heights)

    def is_known(self, index: int) -> bool:
        """Whether row `index` has been measured (else its height is the estimate)."""
        return bool(self._known[index])

    def measure(self, index: int, height: int) -> bool:
        """Record row `index`'s real height; whether it moved the rows after it."""
        self._known[index] = 1
        height = max(1, height)
        if self._heights[index] == height:
            return False
        self._heights[index] = height
        self._starts = None
        return True

    def height(self, index: int) -> int:
        """Lines of row `index` (measured or estimated)."""
        return self._heights[index]

    def start(self, index: int) -> int:
        """The line row `index` starts on."""
        return self._line_starts()[index]

    @property
    def total(self) -> int:
        """Lines of every row."""
        return self._line_starts()[-1]

    def row_at(self, line: int) -> tuple[int, int] | None:
        """The row drawn on `line` and which of its lines it is, or None past the end."""
        starts = self._line_starts()
        if not 0 <= line < starts[-1]:
            return None
        index = bisect_right(starts, line) - 1
        return index, line - starts[index]

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *accumulate(self._heights)]
        return self._starts
