"""The events of the selected day: time and title."""

from __future__ import annotations

from tui.app.messages import EventPicked
from tui.app.widgets.story_list import SagaList, StoryList
from tui.view.render import day_heading, event_row, title_column
from tui.view.selection import Selection


class EventsList(SagaList):
    """The day's events; highlighting one selects it everywhere (and the selection moves the
    highlight, in the same frame as the other panes)."""

    HIGHLIGHT_WAITS = True

    def _refresh_rows(self) -> None:
        lang = self.selection.lang
        day = self.saga.day_by_id[self.saga.day_of_event[self.selection.event]]
        self.border_title = day_heading(self.saga, day, lang)
        dated = day.is_background
        rows = [(event.id, event_row(event, lang, dated=dated)) for event in day.events]
        hang = max((title_column(event, lang, dated=dated) for event in day.events), default=0)
        self.set_rows(rows, self.selection.event, hang=hang)

    def on_mount(self) -> None:
        if self.selection.event:
            self._refresh_rows()

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if old.lang == new.lang and self.has_row(new.event):
            self.highlight_id(new.event)
        else:
            self._refresh_rows()

    def on_story_list_row_highlighted(self, message: StoryList.RowHighlighted) -> None:
        message.stop()
        self.post_message(EventPicked(message.row_id))
