"""The strip of days: each day's date in the reader's language and who is OpenAI's CEO."""

from __future__ import annotations

from story import Saga
from tui.app.messages import DayPicked
from tui.app.widgets.story_list import SagaList, StoryList
from tui.view.render import day_row
from tui.view.selection import Selection


class DaysList(SagaList):
    """Days of the story; highlighting one opens it (and the selection moves the highlight,
    in the same frame as the other panes)."""

    HIGHLIGHT_WAITS = True

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(saga, id=id)
        self._day_ids = [day.id for day in saga.days]
        """The same object in every language: the list keeps its index of them."""

    def _refresh_rows(self) -> None:
        lang, saga, days = self.selection.lang, self.saga, self.saga.days
        self.set_lazy_rows(
            self._day_ids,
            lambda index: day_row(saga, days[index], lang),
            saga.day_of_event.get(self.selection.event),
        )

    def on_mount(self) -> None:
        self._refresh_rows()

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if old.lang != new.lang:
            self._refresh_rows()
        else:
            self.highlight_id(self.saga.day_of_event.get(new.event))

    def on_story_list_row_highlighted(self, message: StoryList.RowHighlighted) -> None:
        message.stop()
        self.post_message(DayPicked(message.row_id))
