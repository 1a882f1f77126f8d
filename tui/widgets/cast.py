"""The cast on stage on the selected day, each with their role that day."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList

from story import Saga
from tui.labels import tr_label
from tui.messages import ActorFollowed
from tui.render import cast_row
from tui.widgets.story_list import StoryList


class CastList(StoryList):
    """Who is on stage; enter follows the highlighted actor."""

    event_id: reactive[str] = reactive("", init=False)
    actor_id: reactive[str] = reactive("", init=False)
    lang: reactive[str] = reactive("en", init=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga

    def _refresh_rows(self) -> None:
        day = self.saga.day_by_id[self.saga.day_of_event[self.event_id]]
        date = self.saga.day_date(day)
        self.border_title = tr_label(self.lang, "pane.cast")
        rows = [
            (actor.id, cast_row(self.saga, actor, date, self.lang))
            for actor in self.saga.cast_of(day)
        ]
        keep = self.highlighted_id or self.actor_id
        self.set_rows(rows, keep if keep in {row for row, _ in rows} else None)

    def on_mount(self) -> None:
        if self.event_id:
            self._refresh_rows()

    def watch_lang(self) -> None:
        self._refresh_rows()

    def watch_event_id(self, old: str, new: str) -> None:
        days = self.saga.day_of_event
        if days.get(old) != days.get(new):  # the cast is the day's: same day, same cast
            self._refresh_rows()

    def watch_actor_id(self, actor_id: str) -> None:
        if actor_id in self._index_of:
            self.highlight_id(actor_id)

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        message.stop()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        if self.highlighted_id is not None:
            self.post_message(ActorFollowed(self.highlighted_id))
