"""The events of the selected day: time and title."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList

from story import Saga
from tui.messages import EventPicked
from tui.render import day_heading, event_row
from tui.widgets.story_list import StoryList


class EventsList(StoryList):
    """The day's events; highlighting one selects it everywhere."""

    event_id: reactive[str] = reactive("", init=False)
    lang: reactive[str] = reactive("en", init=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga

    def _refresh_rows(self) -> None:
        day = self.saga.day_by_id[self.saga.day_of_event[self.event_id]]
        self.border_title = day_heading(self.saga, day, self.lang)
        rows = [
            (event.id, event_row(event, self.lang, dated=day.is_background)) for event in day.events
        ]
        self.set_rows(rows, self.event_id)

    def on_mount(self) -> None:
        if self.event_id:
            self._refresh_rows()

    def watch_lang(self) -> None:
        self._refresh_rows()

    def watch_event_id(self, event_id: str) -> None:
        if event_id in self._index_of:
            self.highlight_id(event_id)
        else:
            self._refresh_rows()

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        message.stop()
        if self.highlighted_id is not None:
            self.post_message(EventPicked(self.highlighted_id))
