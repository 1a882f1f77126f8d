"""Search (`/`): type words in any language; results open in the reader's language.

Returns the hits' event ids (for `n` / `N` in the browser) and the event chosen, if any.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from story.search import (
    Hit,
    Snippet,
    Steps,
    run_letting_in,
    run_through,
    search_index,
    snippet,
)
from tui.app.commands import SEARCH_COMMANDS, bindings, localize_bindings
from tui.app.labels import tr_label
from tui.app.widgets.story_list import StoryList
from tui.locale.cldr import number
from tui.locale.i18n import tr
from tui.view.render import actor_name, event_row
from tui.view.safe import plain
from tui.view.selection import Selection

if TYPE_CHECKING:
    from tui.app.screens.browser import BrowserScreen


SEARCH_SLICE = 0.01
"""Seconds a key's search may run before the screen lets the next keys in (what a query
reads of a story already folded takes a few milliseconds). At 100,000 events, typing during
the first search of a word found nowhere shows each letter within 82-137 ms, against 208-231 ms
with slices of 30 ms, and answers about as soon (`benchmarks/search_typing.py`)."""


def snippet_text(found: Snippet) -> Text:
    """A snippet in grey with the words that matched standing out."""
    text = plain(found.text, "dim")
    for start, end in found.matches:
        text.stylize("bold reverse", start, end)
    return text


class SearchScreen(ModalScreen[tuple[list[str], str | None]]):
    """A query box over a list of hits."""

    CSS_PATH = "search.tcss"
    COMMAND_TABLE = SEARCH_COMMANDS
    BINDINGS = bindings(COMMAND_TABLE)

    def __init__(self, browser: BrowserScreen) -> None:
        super().__init__()
        self.browser = browser
        """The screen whose selection holds the language."""
        self.saga = browser.saga
        self.hits: list[Hit] = []
        self._pending: Steps[list[Hit]] | None = None
        """The search of the latest query, while it goes on."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(id="query")
            yield StoryList(id="results")

    @property
    def lang(self) -> str:
        """The reader's language (the selection's)."""
        return self.browser.selection.lang

    def on_mount(self) -> None:
        self._relabel()
        self.query_one("#query", Input).focus()
        self.watch(self.browser, "selection", self._follow, init=False)

    def _follow(self, old: Selection, new: Selection) -> None:
        if old.lang != new.lang:
            self._relabel()
            self._show_hits()

    def _relabel(self) -> None:
        localize_bindings(self, self.lang)
        self.query_one("#search-box").border_title = tr_label(self.lang, "cmd.search")
        self.query_one("#query", Input).placeholder = tr(self.lang, "search.placeholder")

    def on_input_changed(self, message: Input.Changed) -> None:
        self._pending = search_index(self.saga).search_steps(message.value)
        self._search(self._pending)

    @work(exclusive=True, group="search")
    async def _search(self, steps: Steps[list[Hit]]) -> None:
        """Search for up to `SEARCH_SLICE`, then let other keys in and go on after them,
        unless a newer query has replaced this one (a rare word in a long story not yet folded
        takes seconds the first time; typing never waits for it).

        A worker, so that it yields to the event loop between slices (`run_letting_in`); it
        is dropped when a newer query, or enter, has replaced it."""
        hits = await run_letting_in(steps, SEARCH_SLICE, lambda: steps is self._pending)
        if hits is not None:
            self._found(hits)

    def _found(self, hits: list[Hit]) -> None:
        self._pending = None
        self.hits = hits
        self._show_hits()

    def _show_hits(self) -> None:
        """Show the hits, each row (title and snippet) built only when it is drawn: a query of
        one letter finds 500 hits, and a screen shows a dozen."""
        query = self.query_one("#query", Input).value
        ids = [f"{index}" for index in range(len(self.hits))]
        results = self.query_one("#results", StoryList)
        results.set_lazy_rows(
            ids, partial(self._row, self.hits, query, self.lang), ids[0] if ids else None
        )
        results.border_title = tr_label(
            self.lang, "search.count", count=number(len(self.hits), self.lang)
        )

    def _row(self, hits: list[Hit], query: str, lang: str, index: int) -> Text:
        """A hit's row: its kind, title (or name) and the snippet around the words found."""
        hit = hits[index]
        row = plain(tr(lang, f"search.kind.{hit.kind}") + " ", "dim")
        if hit.kind == "actor":
            row.append_text(actor_name(self.saga, hit.item_id, lang))
        else:
            row.append_text(event_row(self.saga.event_by_id[hit.event_id], lang, dated=True))
        found = snippet(search_index(self.saga).texts_of(hit), query, lang)
        if found is not None:
            row.append("\n")
            row.append_text(snippet_text(found))
        return row

    def on_input_submitted(self) -> None:
        if self._pending is not None:  # enter before the search ended: end it now
            self._found(run_through(self._pending))
        self._choose(0 if self.hits else None)

    def on_story_list_row_selected(self, message: StoryList.RowSelected) -> None:
        message.stop()
        self._choose(message.index)

    def _choose(self, index: int | None) -> None:
        if not self.is_active:
            # A second pick in the same frame (two clicks, a click and enter): dismissing again
            # would pop the screen underneath, the browser itself.
            return
        events = list(dict.fromkeys(hit.event_id for hit in self.hits))
        chosen = self.hits[index].event_id if index is not None else None
        self.dismiss((events, chosen))

    def action_focus_results(self) -> None:
        self.query_one("#results").focus()

    def action_cancel(self) -> None:
        if self.is_active:
            self.dismiss(None)
