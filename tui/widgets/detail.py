"""The selected event in full, in one language or two side by side."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from story import Saga
from tui.i18n import LANGUAGE_NAMES
from tui.labels import tr_label
from tui.render import event_detail


class EventDetail(VerticalScroll):
    """Text, actors with their role that day, quotes, sources, script beats, notes."""

    event_id: reactive[str] = reactive("", init=False)
    lang: reactive[str] = reactive("en", init=False)
    second_lang: reactive[str | None] = reactive(None, init=False)
    """The language shown beside the first in bilingual mode (None: one language)."""
    compare_zone: reactive[str | None] = reactive(None, init=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga

    def compose(self) -> ComposeResult:
        with Horizontal(id="detail-columns"):
            yield Static(id="detail-main", markup=False)
            yield Static(id="detail-second", markup=False)

    def on_mount(self) -> None:
        self._refresh_detail()

    def _refresh_detail(self) -> None:
        event = self.saga.event_by_id.get(self.event_id)
        if event is None:
            return
        main = self.query_one("#detail-main", Static)
        second = self.query_one("#detail-second", Static)
        main.update(event_detail(self.saga, event, self.lang, self.compare_zone))
        bilingual = self.second_lang is not None and self.second_lang != self.lang
        second.display = bilingual
        self.set_class(bilingual, "-bilingual")
        if bilingual and self.second_lang is not None:
            second.update(event_detail(self.saga, event, self.second_lang, self.compare_zone))
            self.border_title = tr_label(
                self.lang,
                "pane.detail_bilingual",
                first=LANGUAGE_NAMES[self.lang],
                second=LANGUAGE_NAMES[self.second_lang],
            )
        else:
            self.border_title = tr_label(self.lang, "pane.detail")

    def watch_event_id(self) -> None:
        self._refresh_detail()
        self.scroll_home(animate=False)

    def watch_lang(self) -> None:
        self._refresh_detail()

    def watch_second_lang(self) -> None:
        self._refresh_detail()

    def watch_compare_zone(self) -> None:
        self._refresh_detail()
