"""The followed actor's arc: their events and role changes across the whole saga."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import OptionList

from story import Saga
from story.saga import ArcStep
from tui.i18n import tr
from tui.messages import EventPicked
from tui.render import arc_row
from tui.safe import neutralise
from tui.widgets.story_list import StoryList


class ArcList(StoryList):
    """The arc; the step of the event on screen is marked and highlighted."""

    event_id: reactive[str] = reactive("", init=False)
    actor_id: reactive[str] = reactive("", init=False)
    lang: reactive[str] = reactive("en", init=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga
        self._steps: tuple[ArcStep, ...] = ()

    def _refresh_rows(self) -> None:
        actor = self.saga.actors.get(self.actor_id)
        name = actor.name(self.lang) if actor else ""
        self.border_title = tr(self.lang, "pane.arc", name=neutralise(name))
        self._steps = self.saga.arc(self.actor_id) if actor else ()
        rows = []
        for index, step in enumerate(self._steps):
            row_id = step.event.id if step.event is not None else f"role-{index}"
            rows.append((row_id, arc_row(self.saga, step, self.lang, self.event_id)))
        self.set_rows(rows, self.event_id)

    def _move_mark(self, old: str, new: str) -> None:
        """Redraw only the rows whose "current" mark changes, then move the highlight."""
        for event_id in (old, new):
            index = self._index_of.get(event_id)
            if index is not None:
                text = arc_row(self.saga, self._steps[index], self.lang, new)
                self.replace_row(index, text)
        self.highlight_id(new)

    def on_mount(self) -> None:
        if self.actor_id:
            self._refresh_rows()

    def watch_lang(self) -> None:
        self._refresh_rows()

    def watch_actor_id(self) -> None:
        self._refresh_rows()

    def watch_event_id(self, old: str, new: str) -> None:
        self._move_mark(old, new)

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        message.stop()
        row_id = self.highlighted_id
        if row_id is not None and row_id in self.saga.event_by_id:
            self.post_message(EventPicked(row_id))
