"""An OptionList of story items that keeps its highlight across rebuilds and never echoes.

Lists are line-rendered OptionLists (fast at 100,000 rows, see measured.md). Rows are rebuilt
only when their ids or texts change, and moving the highlight from code does not post a
"highlighted" message back to the screen, which would loop.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class StoryList(OptionList):
    """A list whose options carry story ids."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[tuple[str, Text]] = []
        self._index_of: dict[str, int] = {}

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted row."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._rows):
            return None
        return self._rows[self.highlighted][0]

    @property
    def row_ids(self) -> list[str]:
        """The ids of the rows, in order."""
        return [row_id for row_id, _ in self._rows]

    def set_rows(self, rows: list[tuple[str, Text]], highlight: str | None) -> None:
        """Show `rows` with `highlight` highlighted, rebuilding only what changed."""
        with self.prevent(OptionList.OptionHighlighted):
            if rows != self._rows:
                self._rows = rows
                self._index_of = {row_id: index for index, (row_id, _) in enumerate(rows)}
                self.set_options(
                    Option(text, id=f"o{index}") for index, (_, text) in enumerate(rows)
                )
            self.highlight_id(highlight)

    def replace_row(self, index: int, text: Text) -> None:
        """Redraw one row in place (no rebuild, the highlight stays)."""
        row_id, _ = self._rows[index]
        self._rows[index] = (row_id, text)
        self.replace_option_prompt_at_index(index, text)

    def action_cursor_down(self) -> None:
        """Down stops at the last row (stock OptionList wraps to the first)."""
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up stops at the first row."""
        if self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()

    def highlight_id(self, row_id: str | None) -> None:
        """Move the highlight to `row_id` (or clear it) without telling anyone."""
        with self.prevent(OptionList.OptionHighlighted):
            index = self._index_of.get(row_id) if row_id is not None else None
            if index != self.highlighted:
                self.highlighted = index
            if index is not None:
                self.scroll_to_highlight()
