"""The cast on stage on the selected day, each with their role that day."""

from __future__ import annotations

from tui.app.labels import tr_label
from tui.app.messages import ActorFollowed
from tui.app.widgets.story_list import SagaList, StoryList
from tui.view.render import cast_row
from tui.view.selection import Selection


class CastList(SagaList):
    """Who is on stage; enter follows the highlighted actor."""

    def _refresh_rows(self) -> None:
        lang = self.selection.lang
        day = self.saga.day_by_id[self.saga.day_of_event[self.selection.event]]
        date = self.saga.day_date(day)
        self.border_title = tr_label(lang, "pane.cast")
        rows = [
            (actor.id, cast_row(self.saga, actor, date, lang)) for actor in self.saga.cast_of(day)
        ]
        keep = self.highlighted_id or self.selection.actor
        self.set_rows(rows, keep if keep in {row for row, _ in rows} else None, hang=2)

    def on_mount(self) -> None:
        if self.selection.event:
            self._refresh_rows()

    def watch_selection(self, old: Selection, new: Selection) -> None:
        days = self.saga.day_of_event
        if old.lang != new.lang or days.get(old.event) != days.get(new.event):
            self._refresh_rows()  # the cast is the day's: same day, same cast
        elif old.actor != new.actor and self.has_row(new.actor):
            self.highlight_id(new.actor)

    def on_story_list_row_highlighted(self, message: StoryList.RowHighlighted) -> None:
        message.stop()

    def on_story_list_row_selected(self, message: StoryList.RowSelected) -> None:
        message.stop()
        if self.highlighted_id is not None:
            self.post_message(ActorFollowed(self.highlighted_id))
