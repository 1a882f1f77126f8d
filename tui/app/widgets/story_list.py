"""An OptionList of story items that keeps its highlight across rebuilds and never echoes.

Lists are line-rendered OptionLists (fast at 100,000 rows, see measured.md). Rows are rebuilt
only when their ids or texts change, and moving the highlight from code does not post a
"highlighted" message back to the screen, which would loop.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from story import Saga
from tui.view.linebreak import Wrapped
from tui.view.selection import NOTHING, Selection


class StoryList(OptionList):
    """A list whose options carry story ids."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[tuple[str, Text]] = []
        self._index_of: dict[str, int] = {}
        self._hang = 0

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted row."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._rows):
            return None
        return self._rows[self.highlighted][0]

    def has_row(self, row_id: str) -> bool:
        """Whether a row with this id is shown."""
        return row_id in self._index_of

    def set_rows(
        self, rows: list[tuple[str, Text]], highlight: str | None, *, hang: int = 0
    ) -> None:
        """Show `rows` with `highlight` highlighted, rebuilding only what changed.

        Rows are broken into lines by the language's rules (`tui.view.linebreak`: no Chinese line
        starting with a closing mark, no Latin word or time cut); lines after the first start
        `hang` cells in, under the title rather than under the time column."""
        with self.prevent(OptionList.OptionHighlighted):
            if rows != self._rows or hang != self._hang:
                self._rows = rows
                self._hang = hang
                self._index_of = {row_id: index for index, (row_id, _) in enumerate(rows)}
                self.set_options(
                    Option(Wrapped(text, hang=hang), id=f"o{index}")
                    for index, (_, text) in enumerate(rows)
                )
            self.highlight_id(highlight)

    def replace_row(self, index: int, text: Text) -> None:
        """Redraw one row in place (no rebuild, the highlight stays)."""
        row_id, _ = self._rows[index]
        self._rows[index] = (row_id, text)
        self.replace_option_prompt_at_index(index, Wrapped(text, hang=self._hang))

    def action_cursor_down(self) -> None:
        """Down stops at the last row (stock OptionList wraps to the first)."""
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up stops at the first row."""
        if self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()

    def action_page_up(self) -> None:
        """Page up, unless the list has no room to lay out its rows.

        A list squeezed to zero height (presenter mode, a terminal a few rows high) has no line
        map, and Textual's paging then raised KeyError; there is nothing to page through.
        """
        if self._has_room():
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        """Page down, unless the list has no room (see `action_page_up`)."""
        if self._has_room():
            super().action_page_down()  # type: ignore[no-untyped-call]

    def _has_room(self) -> bool:
        region = self.scrollable_content_region
        return region.width > 0 and region.height > 0

    async def _on_click(self, event: events.Click) -> None:
        """Ignore a click on a row that no longer exists.

        A click carries the option index of the frame it landed on; when the rows were rebuilt
        between that frame and the click (a day change while the mouse is pressed, or a browser
        tab whose frames arrive late), the stock handler indexed past the new rows (IndexError).
        """
        clicked = event.style.meta.get("option")
        if isinstance(clicked, int) and 0 <= clicked < self.option_count:
            await super()._on_click(event)

    def highlight_id(self, row_id: str | None) -> None:
        """Move the highlight to `row_id` (or clear it) without telling anyone."""
        with self.prevent(OptionList.OptionHighlighted):
            index = self._index_of.get(row_id) if row_id is not None else None
            if index != self.highlighted:
                self.highlighted = index
            if index is not None:
                self.scroll_to_highlight()


class SagaList(StoryList):
    """A list pane of the browser: the story, and the screen's selection bound to it."""

    selection: reactive[Selection] = reactive(NOTHING, init=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga
