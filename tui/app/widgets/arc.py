"""The followed actor's arc: their events and role changes across the whole saga."""

from __future__ import annotations

from bisect import bisect_right

from rich.text import Text

from story import Saga
from story.arc import Arc
from story.saga import ArcKey
from tui.app.labels import tr_label
from tui.app.messages import EventPicked
from tui.app.widgets.story_list import SagaList, StoryList
from tui.view.render import arc_row
from tui.view.selection import Selection


class ArcList(SagaList):
    """The arc; the step of the event on screen is marked and highlighted."""

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(saga, id=id)
        self._steps = Arc((), (), saga.moment_key)
        """The followed actor's arc, its steps made as rows are drawn."""
        self._arc_of: str | None = None
        """The actor whose steps these are (kept across languages)."""
        self._row_ids: list[str] = []
        """The steps' row ids, the same object across languages (`set_lazy_rows` then keeps
        its index of them)."""
        self._mark: tuple[int, str] | None = None
        """The marked row and how: "here" (the event on screen) or "since" (the last step
        before the moment on screen, when the actor is not in that event)."""

    def _mark_for(self, event_id: str) -> tuple[int, str] | None:
        """Where the moment `event_id` falls in the arc."""
        event = self.saga.event_by_id.get(event_id)
        if event is None:
            return None
        here = self._steps.index_of_event(event)
        if here is not None:
            return here, "here"
        index = bisect_right(self._steps.keys, self.saga.moment_key(event)) - 1
        return (index, "since") if index >= 0 else None

    def _row(self, index: int) -> Text:
        mark = self._mark[1] if self._mark is not None and self._mark[0] == index else ""
        return arc_row(self.saga, self._steps[index], self.selection.lang, mark)

    def _refresh_rows(self) -> None:
        lang, actor_id = self.selection.lang, self.selection.actor
        actor = self.saga.actors.get(actor_id)
        name = actor.name(lang) if actor else ""
        self.border_title = tr_label(lang, "pane.arc", name=name)
        if actor_id != self._arc_of:  # an arc is the actor's, whatever the language
            self._arc_of = actor_id
            self._steps = (
                self.saga.arc_steps(actor_id) if actor else Arc((), (), self.saga.moment_key)
            )
            self._row_ids = self._steps.row_ids()
        self._mark = self._mark_for(self.selection.event)
        ids = self._row_ids
        self.set_lazy_rows(ids, self._row, ids[self._mark[0]] if self._mark else None)

    def _move_mark(self, new: str) -> None:
        """Redraw only the rows whose mark changes, then move the highlight."""
        old_mark, self._mark = self._mark, self._mark_for(new)
        for mark in {old_mark, self._mark}:
            if mark is not None:
                self.replace_row(mark[0], self._row(mark[0]))
        self.highlight_id(self._steps.row_id(self._mark[0]) if self._mark else None)

    def on_mount(self) -> None:
        if self.selection.actor:
            self._refresh_rows()

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if (old.lang, old.actor) != (new.lang, new.actor):
            self._refresh_rows()
        elif old.event != new.event:
            self._move_mark(new.event)

    def on_story_list_row_highlighted(self, message: StoryList.RowHighlighted) -> None:
        message.stop()
        row_id = self.highlighted_id
        if row_id is not None and row_id in self.saga.event_by_id:
            self.post_message(EventPicked(row_id))
        elif self.highlighted is not None:
            # A role taken or left: go to the story's moment of that change, so every pane
            # (this one's mark included) shows the same moment.
            self.post_message(EventPicked(self._event_at(self._steps.key(self.highlighted))))

    def _event_at(self, key: ArcKey) -> str:
        """The first event of the story at or after an arc moment (else the last one)."""
        event = self.saga.first_event_at(key)
        return event.id if event is not None else self.saga.events[-1].id
