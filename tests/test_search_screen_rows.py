"""Search builds a result's row (title, snippet) only when it is drawn: a query of one letter
finds hundreds of hits and a screen shows a dozen, and every row, built late, is the same. A
search that must fold much of a long story goes on between keys, and a newer query drops it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from benchmarks.synthetic import write_story
from story import folded as folded_module
from story.search import Hit, search_index, snippet
from tests.test_browser_mini import press
from tests.test_selection_app import saga_app
from tui.app.screens import search as search_screen
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


async def test_a_long_search_goes_on_between_keys_and_a_newer_query_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every run folded is a step after which the screen lets other keys in (a slice of no
    time here): a key typed while a search folds the story is handled before that search ends,
    and its query replaces it, so only the latest query's hits are ever shown; enter ends the
    latest at once. (The search used to post itself again through the screen's queue, which
    never yields: the key waited for the whole search, and both results were shown.)"""
    monkeypatch.setattr(folded_module, "EVENTS_PER_RUN", 2)
    monkeypatch.setattr(search_screen, "SEARCH_SLICE", -1.0)
    app = saga_app("--story", str(write_story(tmp_path / "story", 1_000)))
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "slash")
        search = app.screen
        assert isinstance(search, SearchScreen)
        box = search.query_one("#query", Input)
        shown: list[list[Hit]] = []
        show = search._found

        def recorded(hits: list[Hit]) -> None:
            shown.append(hits)
            show(hits)

        monkeypatch.setattr(search, "_found", recorded)
        box.value = "staff letter "  # the story not folded yet: a step a run of two events
        await pilot.press("9")  # (Pilot sends one key after the screen is idle, not two)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert box.value == "staff letter 9"
        index = search_index(app.saga)
        assert shown == [index.search("staff letter 9")] != [[]]
        assert search.hits == shown[0]
        search_index.cache_clear()  # a story not folded yet
        search._pending = search_index(app.saga).search_steps("staff letter 9")
        search.on_input_submitted()  # enter while that search goes on: it ends now
        await pilot.pause()
        assert app.screen is app.browser
        expected = dict.fromkeys(hit.event_id for hit in index.search("staff letter 9"))
        assert app.browser.hits == list(expected) != []
