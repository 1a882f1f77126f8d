"""A list of story items drawn with Textual's Line API: only the rows on screen cost anything.

Textual's OptionList wraps and measures every option before it draws the first one (11 s for the
lists of a 100,000-event story) and lays the screen out again on every rebuild. This list
draws line by line (`render_line`), builds a row's text only when the row is first drawn
(`set_lazy_rows`), and measures rows as they come on screen (`tui.view.line_map`), so a key costs
the same at 55 rows and at 100,000. The highlight moves from code without telling anyone (a
"highlighted" message sent back to the screen would loop); keys, clicks and `highlighted = n`
post `RowHighlighted`.

Looks come from component classes in `saga_app.tcss`: `story-list--row` (every row),
`story-list--row-highlighted` (the cursor row) and `story-list--row-hover` (under the mouse).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style as RichStyle
from rich.text import Span, Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize

from story import Saga
from tui.view.line_map import LineMap
from tui.view.linebreak import Wrapped
from tui.view.selection import NOTHING, Selection

RowText = Callable[[int], Text]
"""Builds the text of the row at an index, when the row is first drawn."""

RowKey = tuple[str, str, tuple[Span, ...], str | RichStyle, int]
"""What a row's drawing depends on besides the width and the style: its id, its text (plain,
spans, style) and the list's hang. Equal keys draw equal lines, whichever list and index."""

DRAWN_ROWS = 2048
"""Rows kept drawn (a few strips each): the cast of every day of the shipped story, the rows of
the days around the one on screen, a long list's screens scrolled through."""

MEASURED_WHOLE = 128
"""A list of up to this many rows is measured whole when it is shown (a few milliseconds); a
longer one row by row as its rows come on screen."""


class StoryList(ScrollView, can_focus=True):
    """A list whose rows carry story ids."""

    ALLOW_SELECT = False  # rows are picked, not selected as text (as in OptionList)

    HIGHLIGHT_WAITS: ClassVar[bool] = False
    """Whether a key or click that moves the highlight only asks for it (`RowHighlighted`) and
    the highlight moves when the list's owner moves it (`highlight_id`). A list that drives
    other panes (the days, the events) then changes in the same frame as they do, instead of
    one frame ahead of them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "story-list--row",
        "story-list--row-highlighted",
        "story-list--row-hover",
    }

    class RowMessage(Message):
        """About one row of a list, picked by the reader."""

        def __init__(self, story_list: StoryList, index: int, row_id: str) -> None:
            super().__init__()
            self.story_list = story_list
            self.index = index
            self.row_id = row_id

        @property
        def control(self) -> StoryList:
            """The list (for `@on(..., "#id")`)."""
            return self.story_list

    class RowHighlighted(RowMessage):
        """The reader moved the highlight (key, click, wheel never: it only scrolls)."""

    class RowSelected(RowMessage):
        """The reader chose the highlighted row (enter, click)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._ids: list[str] = []
        self._index_of: dict[str, int] = {}
        self._lazy_ids: Sequence[str] | None = None
        """The ids last given to `set_lazy_rows`, as given (`self._ids` is the list's copy)."""
        self._texts: list[Text | None] = []
        self._build: RowText | None = None
        self._hang = 0
        self._highlighted: int | None = None
        self._asked: int | None = None
        """The row a key asked for and the owner has not highlighted yet (`HIGHLIGHT_WAITS`)."""
        self._hover: int | None = None
        self._map: LineMap | None = None
        self._map_width = -1
        self._row_keys: list[RowKey | None] = []
        self._strips: LRUCache[tuple[RowKey, int, Style], list[Strip]] = LRUCache(DRAWN_ROWS)
        """Rows drawn, by what they show, width and style: kept across new rows, so a row seen
        before (the same actor on the next day, a day seen again) is not broken and drawn again.
        """
        self._visuals: LRUCache[RowKey, Visual] = LRUCache(DRAWN_ROWS)
        """Each drawn row's text, broken into lines (cached per width inside): a new style (focus
        given or lost, the highlight moving) draws it again without breaking it again."""

    # Rows ------------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the list has."""
        return len(self._ids)

    def row_text(self, index: int) -> Text:
        """The text of row `index`, built now if it never was drawn."""
        text = self._texts[index]
        if text is None:
            assert self._build is not None  # only lazy rows start as None
            text = self._texts[index] = self._build(index)
        return text

    def rows(self) -> list[tuple[str, Text]]:
        """Every row with its text, all built (for small lists and tests)."""
        return [(row_id, self.row_text(index)) for index, row_id in enumerate(self._ids)]

    def has_row(self, row_id: str) -> bool:
        """Whether a row with this id is shown."""
        return row_id in self._index_of

    def set_rows(
        self, rows: Sequence[tuple[str, Text]], highlight: str | None, *, hang: int = 0
    ) -> None:
        """Show `rows` with `highlight` highlighted, redrawing only if they changed.

        Rows are broken into lines by the language's rules (`tui.view.linebreak`: no Chinese line
        starting with a closing mark, no Latin word or time cut); lines after the first start
        `hang` cells in, under the title rather than under the time column."""
        ids = [row_id for row_id, _ in rows]
        texts: list[Text | None] = [text for _, text in rows]
        if ids != self._ids or hang != self._hang or texts != self._texts:
            self._lazy_ids = None
            self._set_ids(ids)
            self._show(texts, None, hang)
        self.highlight_id(highlight)

    def set_lazy_rows(
        self, ids: Sequence[str], row_text: RowText, highlight: str | None, *, hang: int = 0
    ) -> None:
        """Show a row for each of `ids`, whose text `row_text(index)` builds when it is drawn:
        a long list costs its ids, not its texts.

        Given the very `ids` object of the last call (the owner keeps it and never changes it),
        the rows are the same ones in new words (another language): only their texts are
        dropped, not the ids and their index (at 100,000 events, 5 ms of the arc's `l`)."""
        if ids is not self._lazy_ids:
            self._lazy_ids = ids
            self._set_ids(list(ids))
        self._show([None] * len(ids), row_text, hang)
        self.highlight_id(highlight)

    def _set_ids(self, ids: list[str]) -> None:
        self._ids = ids
        self._index_of = {row_id: index for index, row_id in enumerate(ids)}

    def _show(self, texts: list[Text | None], build: RowText | None, hang: int) -> None:
        """New texts for the rows (all to be measured and drawn again)."""
        self._texts, self._build, self._hang = texts, build, hang
        self._row_keys = [None] * len(texts)
        self._highlighted = self._hover = self._asked = None
        self._forget_lines()
        self.scroll_y = 0

    def replace_row(self, index: int, text: Text) -> None:
        """Redraw one row in place (no rebuild, the highlight stays)."""
        self._texts[index] = text
        self._row_keys[index] = None
        line_map = self._line_map()
        if line_map is None:
            return
        if line_map.measure(index, self._measure(index)):
            self._sync_virtual_size()
            self.refresh()
        else:
            self.refresh_lines(line_map.start(index), line_map.height(index))

    # Lines -----------------------------------------------------------------------------------

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _forget_lines(self) -> None:
        """Drop the rows' measures (the drawn rows are kept by what they show)."""
        self._map = None
        self._sync_virtual_size()
        self.refresh()

    def _line_map(self) -> LineMap | None:
        """The rows' lines at the current width, or None while the list has no width."""
        width = self._width()
        if width <= 0:
            return None
        if self._map is None or self._map_width != width:
            self._map_width = width
            # Rows of one list look alike: the first one's height is the others' estimate. A short
            # list is measured whole, so that its scrollbar is exact from the first frame.
            first = self._measure(0) if self._ids else 1
            self._map = line_map = LineMap(len(self._ids), first)
            count = len(self._ids) if len(self._ids) <= MEASURED_WHOLE else min(1, len(self._ids))
            for index in range(count):
                line_map.measure(index, first if index == 0 else self._measure(index))
        return self._map

    def _row_key(self, index: int) -> RowKey:
        """What row `index` draws (its text built now if it never was)."""
        key = self._row_keys[index]
        if key is None:
            text = self.row_text(index)
            key = (self._ids[index], text.plain, tuple(text.spans), text.style, self._hang)
            self._row_keys[index] = key
        return key

    def _row_strips(self, index: int, style: Style) -> list[Strip]:
        """Row `index` drawn in `style`, one strip a line, each as wide as the list."""
        row_key = self._row_key(index)
        width = self._width()
        key = (row_key, width, style)
        strips = self._strips.get(key)
        if strips is None:
            visual = self._visuals.get(row_key)
            if visual is None:
                wrapped = Wrapped(self.row_text(index), hang=self._hang)
                visual = visualize(self, wrapped, markup=False)
                self._visuals.set(row_key, visual)
            drawn = Visual.to_strips(self, visual, width, None, style)
            base = style.rich_style
            # Clicks name the row by id (not index): a drawn row serves any list showing it.
            meta = {"row_id": row_key[0]}
            strips = [
                strip.extend_cell_length(width, base).apply_meta(meta) for strip in drawn
            ] or [Strip.blank(width, base).apply_meta(meta)]
            self._strips.set(key, strips)
        return strips

    def _row_style(self, index: int) -> Style:
        if index == self._highlighted:
            return self.get_visual_style("story-list--row", "story-list--row-highlighted")
        if index == self._hover:
            return self.get_visual_style("story-list--row", "story-list--row-hover")
        return self.get_visual_style("story-list--row")

    def _measure(self, index: int) -> int:
        """Row `index`'s height in lines: 1 if it fits the width (no need to draw it: the rows
        of a list measured whole at start-up are mostly off screen), else its drawn lines."""
        text = self.row_text(index)
        if "\n" not in text.plain and text.cell_len <= self._width():
            return 1
        return len(self._row_strips(index, self.get_visual_style("story-list--row")))

    def _sync_virtual_size(self) -> None:
        line_map = self._line_map() if self.is_mounted else None
        lines = line_map.total if line_map is not None else len(self._ids)
        size = Size(max(0, self._width()), lines)
        if size == self.virtual_size:
            return
        if self.styles.auto_dimensions:
            self.virtual_size = size  # the list's height follows its rows: a layout
        else:
            # A pane of fixed size: its new rows are a repaint, not a layout of the whole
            # screen (`virtual_size` is a layout reactive). The scrollbar showing or hiding
            # still asks for a layout, by itself (`_scroll_update`).
            self.set_reactive(StoryList.virtual_size, size)
            self.refresh()
        self._scroll_update(size)

    def _measure_screen(self) -> None:
        """Measure the rows on screen, top down, until their lines stop moving."""
        line_map = self._line_map()
        height = self.scrollable_content_region.height
        if line_map is None or not self._ids or height <= 0:
            return
        top = self.scroll_offset.y
        for _ in range(4):  # each pass only grows what it measured; two settle in practice
            found = line_map.row_at(min(top, line_map.total - 1))
            index = found[0] if found else 0
            line = line_map.start(index)
            changed = False
            while index < len(self._ids) and line < top + height:
                if not line_map.is_known(index):
                    changed |= line_map.measure(index, self._measure(index))
                line += line_map.height(index)
                index += 1
            if not changed:
                break
        self._sync_virtual_size()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._measure_screen()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line_map = self._line_map()
        found = line_map.row_at(self.scroll_offset.y + y) if line_map is not None else None
        if found is None:
            return Strip.blank(self._width(), self.get_visual_style("story-list--row").rich_style)
        index, offset = found
        strips = self._row_strips(index, self._row_style(index))
        if offset < len(strips):
            return strips[offset]
        return Strip.blank(self._width(), self.get_visual_style("story-list--row").rich_style)

    def _refresh_row(self, index: int | None) -> None:
        line_map = self._map
        if index is not None and line_map is not None and 0 <= index < len(line_map):
            self.refresh_lines(line_map.start(index), line_map.height(index))

    def notify_style_update(self) -> None:
        """Focus and theme change the rows' styles: draw them again."""
        self.refresh()
        super().notify_style_update()

    def _on_resize(self, event: events.Resize) -> None:
        """A new width measures the rows again (`_line_map`); a new height only shows more."""
        self._sync_virtual_size()
        self.refresh()
        self.scroll_to_highlight()

    def _on_show(self, event: events.Show) -> None:
        self.scroll_to_highlight()

    # The highlight ---------------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted row."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        """Move the highlight as the reader would: the list says so (`RowHighlighted`)."""
        self._move(index, announce=True)

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted row."""
        index = self._highlighted
        return self._ids[index] if index is not None else None

    def highlight_id(self, row_id: str | None) -> None:
        """Move the highlight to `row_id` (or clear it) without telling anyone."""
        index = self._index_of.get(row_id) if row_id is not None else None
        self._asked = None
        self._move(index, announce=False)
        if index is not None:
            self.scroll_to_highlight()

    @property
    def _cursor(self) -> int | None:
        """Where the next key moves from: the row asked for, else the highlighted one."""
        return self._asked if self._asked is not None else self._highlighted

    def _move(self, index: int | None, *, announce: bool) -> None:
        if index is not None:
            index = min(max(index, 0), len(self._ids) - 1) if self._ids else None
        if announce and self.HIGHLIGHT_WAITS:
            if index is not None and index != self._cursor:
                self._asked = index
                self.post_message(self.RowHighlighted(self, index, self._ids[index]))
            return
        old, self._highlighted = self._highlighted, index
        if index == old:
            return
        self._refresh_row(old)
        self._refresh_row(index)
        if index is not None:
            self.scroll_to_highlight()
            if announce:
                self.post_message(self.RowHighlighted(self, index, self._ids[index]))

    def scroll_to_highlight(self) -> None:
        """Scroll just enough to show the whole highlighted row (its top if it is taller)."""
        index = self._highlighted
        line_map = self._line_map() if self.is_mounted else None
        height = self.scrollable_content_region.height
        if index is None or line_map is None or height <= 0:
            return
        # The rows that can share the screen above the highlight, measured now, so that drawing
        # them later does not push the highlight off the screen.
        for above in range(max(0, index - height), index + 1):
            if not line_map.is_known(above):
                line_map.measure(above, self._measure(above))
        self._sync_virtual_size()
        region = Region(0, line_map.start(index), self._width(), line_map.height(index))
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    # Keys and mouse --------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        """Down; stops at the last row."""
        at = self._cursor
        self._move(0 if at is None else at + 1, announce=True)

    def action_cursor_up(self) -> None:
        """Up; stops at the first row."""
        at = self._cursor
        self._move(len(self._ids) - 1 if at is None else max(0, at - 1), announce=True)

    def action_first(self) -> None:
        self._move(0, announce=True)

    def action_last(self) -> None:
        self._move(len(self._ids) - 1, announce=True)

    def action_page_down(self) -> None:
        """Down a screenful (nothing when the list has no room to show a row)."""
        self._page(1)

    def action_page_up(self) -> None:
        """Up a screenful (nothing when the list has no room to show a row)."""
        self._page(-1)

    def _page(self, direction: int) -> None:
        line_map = self._line_map()
        height = self.scrollable_content_region.height
        if line_map is None or height <= 0 or not self._ids:
            return
        at = self._cursor
        if at is None:
            self._move(0 if direction < 0 else len(self._ids) - 1, announce=True)
            return
        line = min(max(line_map.start(at) + direction * height, 0), line_map.total - 1)
        found = line_map.row_at(line)
        index = found[0] if found is not None else at
        if index == at:  # a row taller than the screen: move on by one at least
            index = at + direction
        self._move(index, announce=True)

    def action_select(self) -> None:
        """Enter: choose the highlighted row (or the one just asked for)."""
        index = self._cursor
        if index is not None:
            self.post_message(self.RowSelected(self, index, self._ids[index]))

    def _clicked_row(self, style_meta: dict[str, object]) -> int | None:
        row_id = style_meta.get("row_id")
        return self._index_of.get(row_id) if isinstance(row_id, str) else None

    async def _on_click(self, event: events.Click) -> None:
        """A click picks the row and chooses it.

        A click carries the id of the row drawn where it landed; a row that is no longer in the
        list (a day change while the mouse is pressed, a browser tab whose frames arrive late)
        is ignored."""
        index = self._clicked_row(event.style.meta)
        if index is not None:
            self._move(index, announce=True)
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._clicked_row(event.style.meta)
        if index != self._hover:
            old, self._hover = self._hover, index
            self._refresh_row(old)
            self._refresh_row(index)

    def _on_leave(self, event: events.Leave) -> None:
        old, self._hover = self._hover, None
        self._refresh_row(old)


class SagaList(StoryList):
    """A list pane of the browser: the story, and the screen's selection bound to it."""

    selection: reactive[Selection] = reactive(NOTHING, init=False, repaint=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga
