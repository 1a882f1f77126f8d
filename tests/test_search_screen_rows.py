"""Search builds a result's row (title, snippet) only when it is drawn: a query of one letter
finds hundreds of hits and a screen shows a dozen, and every row, built late, is the same."""

from __future__ import annotations

from pathlib import Path

from benchmarks.synthetic import write_story
from story.search import search_index, snippet
from tests.test_browser_mini import press
from tests.test_selection_app import saga_app
from tui.app.screens.search import SearchScreen, snippet_text
from tui.app.widgets.story_list import StoryList
from tui.locale.i18n import tr


async def test_rows_are_built_when_drawn_and_hold_kind_title_and_snippet(tmp_path: Path) -> None:
    app = saga_app("--story", str(write_story(tmp_path / "story", 1_000)))
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash", "e")
        search = app.screen
        assert isinstance(search, SearchScreen)
        results = search.query_one("#results", StoryList)
        assert results.row_count == len(search.hits) == 500
        built = sum(text is not None for text in results._texts)
        assert 0 < built < 100  # the rows on screen, not every hit
        index = search_index(app.saga)
        for number, (row_id, text) in enumerate(results.rows()):
            hit = search.hits[number]
            assert row_id == str(number)
            assert text.plain.startswith(tr("en", f"search.kind.{hit.kind}") + " ")
            found = snippet(index.texts_of(hit), "e", "en")
            assert found is not None
            assert text.plain.endswith("\n" + snippet_text(found).plain)
