"""The Line-API story list: keys, clicks, paging at any height, and only visible rows built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.message import Message

import tui.app
from tui.app.widgets.story_list import StoryList
from tui.view.line_map import LineMap

APP_CSS = Path(tui.app.__file__).parent / "saga_app.tcss"


class ListApp(App[None]):
    """One StoryList, `height` rows tall, styled as in the app; records what the list says."""

    CSS_PATH = APP_CSS

    def __init__(self, height: int = 10) -> None:
        super().__init__()
        self.list_height = height
        self.heard: list[tuple[str, int, str]] = []

    def compose(self) -> ComposeResult:
        story_list = StoryList(id="list")
        story_list.styles.height = self.list_height
        yield story_list

    def on_story_list_row_highlighted(self, message: StoryList.RowHighlighted) -> None:
        self.heard.append(("highlighted", message.index, message.row_id))

    def on_story_list_row_selected(self, message: StoryList.RowSelected) -> None:
        self.heard.append(("selected", message.index, message.row_id))


def numbered(count: int) -> list[tuple[str, Text]]:
    return [(f"r{index}", Text(f"row {index}")) for index in range(count)]


async def shown(app: ListApp, rows: list[tuple[str, Text]], highlight: str | None) -> StoryList:
    story_list = app.query_one(StoryList)
    story_list.set_rows(rows, highlight)
    story_list.focus()
    return story_list


async def test_keys_move_the_highlight_and_stop_at_both_ends() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(3), "r1")
        await pilot.press("down", "down", "down")
        assert story_list.highlighted_id == "r2"
        await pilot.press("up", "up", "up", "up")
        assert story_list.highlighted_id == "r0"
        await pilot.press("end")
        assert story_list.highlighted == 2
        await pilot.press("home", "enter")
        await pilot.pause()
        moves = [("highlighted", index, f"r{index}") for index in (2, 1, 0, 2, 0)]
        assert app.heard == [*moves, ("selected", 0, "r0")]  # nothing said at either end


async def test_a_highlight_set_from_code_is_never_echoed() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(5), "r0")
        story_list.highlight_id("r3")
        story_list.set_rows(numbered(5), "r4")
        await pilot.pause()
        assert story_list.highlighted_id == "r4"
        assert app.heard == []
        story_list.highlighted = 1  # as the reader would: said
        await pilot.pause()
        assert app.heard == [("highlighted", 1, "r1")]


async def test_a_click_picks_the_row_under_the_mouse() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(5), "r0")
        await pilot.pause()
        # The border takes the first line, so the fourth line of the widget is row 2.
        assert await pilot.click(StoryList, offset=(4, 3))
        await pilot.pause()
        assert story_list.highlighted_id == "r2"
        assert ("selected", 2, "r2") in app.heard


async def test_rows_of_several_lines_are_drawn_whole_and_the_highlight_kept_in_view() -> None:
    rows = [(f"r{i}", Text(f"row {i} " + "word " * 12)) for i in range(30)]
    app = ListApp(height=8)
    async with app.run_test(size=(30, 20)) as pilot:
        story_list = await shown(app, rows, "r20")
        await pilot.pause()
        region = story_list.scrollable_content_region
        top = story_list.scroll_offset.y
        line_map = story_list._line_map()
        assert line_map is not None and line_map.height(20) > 1
        start, end = line_map.start(20), line_map.start(20) + line_map.height(20)
        assert top <= start and end <= top + region.height
        lines = [strip.text for strip in story_list.render_lines(region.reset_offset)]
        assert any("row 20" in line for line in lines)


@pytest.mark.parametrize("height", [0, 1, 2, 3])
async def test_paging_at_any_height_never_crashes_and_stays_in_the_rows(height: int) -> None:
    app = ListApp(height=height)
    async with app.run_test(size=(40, 10)) as pilot:
        story_list = await shown(app, numbered(50), "r25")
        await pilot.press("pageup", "pagedown", "pagedown", "home", "pageup", "end", "pagedown")
        assert story_list.highlighted is not None
        assert 0 <= story_list.highlighted < 50


async def test_page_down_moves_by_a_screenful() -> None:
    app = ListApp(height=7)  # 5 lines inside the border
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(50), "r0")
        await pilot.press("pagedown")
        assert story_list.highlighted == 5
        await pilot.press("pageup")
        assert story_list.highlighted == 0


async def test_a_long_list_builds_only_the_rows_it_shows() -> None:
    built: list[int] = []

    def row_text(index: int) -> Text:
        built.append(index)
        return Text(f"day {index}")

    app = ListApp(height=12)
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = app.query_one(StoryList)
        ids = [f"d{index}" for index in range(100_000)]
        story_list.set_lazy_rows(ids, row_text, "d50000")
        await pilot.pause()
        assert story_list.row_count == 100_000
        assert story_list.highlighted_id == "d50000"
        assert 50_000 in built
        assert len(set(built)) < 50  # a screenful and the rows above the highlight, not 100,000
        built.clear()
        story_list.focus()
        await pilot.press("down", "end")
        await pilot.pause()
        assert story_list.highlighted_id == "d99999"
        assert 0 < len(set(built)) < 50


async def test_the_same_ids_in_new_words_keep_their_index_and_draw_the_new_texts() -> None:
    """A language change gives a long list the same ids object again: its rows are drawn in the
    new words while the ids' index is kept (rebuilt, it cost 5 ms of `l` at 100,000 events);
    other ids, even equal ones, are indexed afresh."""
    app = ListApp(height=12)
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = app.query_one(StoryList)
        ids = [f"d{index}" for index in range(10_000)]
        story_list.set_lazy_rows(ids, lambda index: Text(f"day {index}"), "d5000")
        await pilot.pause()
        index = story_list._index_of
        story_list.set_lazy_rows(ids, lambda index: Text(f"jour {index}"), "d5001")
        await pilot.pause()
        assert story_list._index_of is index
        assert story_list.highlighted_id == "d5001"
        shown = "".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "jour 5001" in shown and "day " not in shown
        story_list.set_lazy_rows(list(ids), lambda index: Text(f"hari {index}"), "d7")
        await pilot.pause()
        assert story_list._index_of is not index
        assert story_list.highlighted_id == "d7"
        story_list.set_rows(numbered(3), "r2")
        story_list.set_lazy_rows(ids, lambda index: Text(f"day {index}"), "d9")
        assert story_list.row_count == 10_000 and story_list.highlighted_id == "d9"


async def test_replacing_a_row_redraws_it_in_place() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(5), "r1")
        story_list.replace_row(3, Text("changed"))
        await pilot.pause()
        assert story_list.highlighted_id == "r1"
        assert story_list.row_text(3).plain == "changed"
        lines = [s.text for s in story_list.render_lines(story_list.scrollable_content_region)]
        assert any("changed" in line for line in lines)


async def test_hover_draws_the_row_under_the_mouse_in_the_hover_style() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(5), "r0")
        await pilot.hover(StoryList, offset=(4, 4))
        await pilot.pause()
        assert story_list._hover == 3
        hover = story_list.get_visual_style("story-list--row", "story-list--row-hover")
        assert story_list._row_style(3) == hover
        await pilot.hover(StoryList, offset=(4, 2))
        assert story_list._hover == 1


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """One entry for every text broken into lines and drawn (`Visual.to_strips`)."""
    from textual.visual import Visual

    calls: list[int] = []
    original = Visual.to_strips

    def to_strips(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Visual, "to_strips", to_strips)
    yield calls


async def test_rows_shown_before_are_not_drawn_again(drawn: list[int]) -> None:
    """New rows keep what was drawn: a row with the same id and text as one shown before (the
    same actor on the next day, a day seen again) costs no new drawing; a changed one does."""
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(5), "r0")
        await pilot.pause()
        story_list.set_rows(numbered(3), "r1")
        await pilot.pause()
        drawn.clear()
        story_list.set_rows(numbered(5), "r0")
        await pilot.pause()
        assert drawn == []
        story_list.set_rows([("r0", Text("row 0, new words"))], "r0")
        await pilot.pause()
        assert drawn


async def test_a_list_measured_whole_draws_only_the_rows_on_screen(drawn: list[int]) -> None:
    """A short list is measured whole (an exact scrollbar from the first frame), but a row that
    fits the width is one line without being drawn: only the rows on screen are drawn."""
    app = ListApp(height=10)
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(100), "r0")
        await pilot.pause()
        assert story_list.virtual_size.height == 100
        assert 0 < len(drawn) <= 2 * story_list.scrollable_content_region.height


async def test_a_click_on_a_row_drawn_for_an_earlier_list_picks_it_by_id() -> None:
    """A drawn row carries its id: kept across lists, it still picks the row now at that place."""
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        story_list = await shown(app, numbered(5), "r0")
        await pilot.pause()
        story_list.set_rows(list(reversed(numbered(5))), "r4")
        await pilot.pause()
        assert await pilot.click(StoryList, offset=(4, 3))
        await pilot.pause()
        assert story_list.highlighted_id == "r2"
        assert ("selected", 2, "r2") in app.heard
        assert await pilot.click(StoryList, offset=(4, 2))
        await pilot.pause()
        assert ("selected", 1, "r3") in app.heard


def test_messages_are_the_lists_own() -> None:
    """The panes listen for these; Textual derives the handler names from the class names."""
    assert issubclass(StoryList.RowHighlighted, Message)
    assert StoryList.RowHighlighted.handler_name == "on_story_list_row_highlighted"
    assert StoryList.RowSelected.handler_name == "on_story_list_row_selected"


# The line map ------------------------------------------------------------------------------


def test_line_map_estimates_until_measured() -> None:
    line_map = LineMap(5, estimate=2)
    assert line_map.total == 10
    assert line_map.row_at(3) == (1, 1)
    assert line_map.measure(1, 3) is True
    assert line_map.measure(1, 3) is False
    assert line_map.is_known(1) and not line_map.is_known(2)
    assert [line_map.start(index) for index in range(5)] == [0, 2, 5, 7, 9]
    assert line_map.row_at(4) == (1, 2)
    assert line_map.row_at(5) == (2, 0)
    assert line_map.row_at(11) is None
    assert line_map.row_at(-1) is None


def test_line_map_of_no_rows_has_no_lines() -> None:
    line_map = LineMap(0)
    assert line_map.total == 0
    assert line_map.row_at(0) is None
