"""A scrolling pane of story text drawn with the Line API, in one column or two side by side.

A `Static` in a `VerticalScroll` (what the event pane was) changes height with every new text,
and a widget changing height asks Textual to lay out the whole screen again: on each key, for
the pane that changes on every key. This pane keeps its size; a new text is new lines drawn in
the same box (`render_line`), so showing the next event is a repaint of the pane alone. The
lines are broken by the language's rules (`tui.view.linebreak.Wrapped`) once per width.

Breaking and drawing a text is most of what showing it costs (about 8 ms for an event of the
shipped story), so texts shown with a `key` keep their lines: a text seen again, or drawn ahead
of time with `prepare` (the event pane draws the events one key away while the reader reads),
is shown without being drawn again.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual, visualize

from tui.view.linebreak import Wrapped

COLUMN_GAP = " │ "
"""Between two columns (a bilingual view): a space, a rule, a space."""

KEPT_TEXTS = 64
"""Texts kept drawn: the events around the one shown, in the languages switched between."""

DrawnKey = tuple[Hashable, int, object]
"""A text's key, the width and the pane's style its lines were drawn at."""


class TextPane(ScrollView, can_focus=True):
    """Story text in one column, or two side by side that scroll together."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"text-pane--rule"}
    """The rule between two columns."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._columns: tuple[Wrapped, ...] = ()
        self._shown_key: Hashable | None = None
        self._lines: list[Strip] = []
        self._drawn_width = -1
        self._kept: LRUCache[DrawnKey, list[Strip]] = LRUCache(KEPT_TEXTS)

    @property
    def columns(self) -> tuple[Text, ...]:
        """The texts shown, one a column (what a test or a screen reader wants)."""
        return tuple(column.text for column in self._columns)

    def column_plain(self, index: int) -> str:
        """Column `index`'s text, unbroken and unstyled ("" when there is no such column)."""
        return self._columns[index].text.plain if index < len(self._columns) else ""

    def show(self, *columns: Text, key: Hashable | None = None) -> None:
        """Show these texts, one a column, from the top; a repaint of this pane only.

        A `key` names what the texts show (equal keys, equal texts): their lines are kept, and
        found again when the same key is shown or was prepared."""
        self._columns = tuple(Wrapped(column) for column in columns)
        self._shown_key = key
        self._drawn_width = -1
        self._sync_virtual_size()
        self.refresh()

    def is_prepared(self, key: Hashable) -> bool:
        """Whether the texts of `key` are drawn at the pane's width (nothing to prepare)."""
        return self._drawn_key(key) in self._kept

    def prepare(self, key: Hashable, *columns: Text) -> None:
        """Draw these texts now, without showing them, so that `show(..., key=key)` later finds
        their lines drawn."""
        drawn_key = self._drawn_key(key)
        if drawn_key not in self._kept and self._width() > 0:
            wrapped = tuple(Wrapped(column) for column in columns)
            self._kept.set(drawn_key, self._draw(wrapped, self._width()))

    def _drawn_key(self, key: Hashable) -> DrawnKey:
        return (key, self._width(), self.visual_style)

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _drawn(self) -> list[Strip]:
        """Every line of the text at the pane's width (kept until the text or width changes)."""
        width = self._width()
        if width == self._drawn_width:
            return self._lines
        self._drawn_width = width
        if self._shown_key is None:
            self._lines = self._draw(self._columns, width)
            return self._lines
        drawn_key = self._drawn_key(self._shown_key)
        lines = self._kept.get(drawn_key)
        if lines is None:
            lines = self._draw(self._columns, width)
            self._kept.set(drawn_key, lines)
        self._lines = lines
        return lines

    def _draw(self, columns: tuple[Wrapped, ...], width: int) -> list[Strip]:
        """The texts' lines at `width`: one column, or columns side by side with a rule."""
        if width <= 0 or not columns:
            return []
        style = self.visual_style
        base = style.rich_style
        if len(columns) == 1:
            return self._column_lines(columns[0], width)
        gap = len(COLUMN_GAP)
        first_width = max(1, (width - gap * (len(columns) - 1)) // len(columns))
        drawn = [self._column_lines(column, first_width) for column in columns]
        rule = Strip(
            [Segment(COLUMN_GAP, base + self.get_visual_style("text-pane--rule").rich_style)]
        )
        lines = []
        for row in range(max(len(column) for column in drawn)):
            parts: list[Strip] = []
            for index, column in enumerate(drawn):
                if index:
                    parts.append(rule)
                line = column[row] if row < len(column) else Strip.blank(first_width, base)
                parts.append(line.crop_extend(0, first_width, base))
            lines.append(Strip.join(parts).crop_extend(0, width, base))
        return lines

    def _column_lines(self, column: Wrapped, width: int) -> list[Strip]:
        style = self.visual_style
        visual: Visual = visualize(self, column, markup=False)
        return [
            strip.extend_cell_length(width, style.rich_style)
            for strip in Visual.to_strips(self, visual, width, None, style)
        ]

    def _sync_virtual_size(self) -> None:
        """The pane's size is fixed: its new lines are a repaint, never a layout of the screen
        (`virtual_size` is a layout reactive, hence `set_reactive`)."""
        if not self.is_mounted:
            return
        size = Size(max(0, self._width()), len(self._drawn()))
        if size != self.virtual_size:
            self.set_reactive(TextPane.virtual_size, size)
        self._scroll_update(size)

    def render_line(self, y: int) -> Strip:
        lines = self._drawn()
        index = self.scroll_offset.y + y
        width = self._width()
        if 0 <= index < len(lines):
            line = lines[index]
            if line.cell_length == width:  # drawn at this width (every line, but be sure)
                return line
            return line.crop_extend(0, width, self.visual_style.rich_style)
        return Strip.blank(width, self.visual_style.rich_style)

    def _on_resize(self, event: events.Resize) -> None:
        self._sync_virtual_size()
        self.refresh()

    def on_mount(self) -> None:
        self._sync_virtual_size()
