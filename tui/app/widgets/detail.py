"""The selected event in full, in one language or two side by side."""

from __future__ import annotations

from collections.abc import Hashable

from rich.text import Text
from textual.reactive import reactive
from textual.timer import Timer

from story import Saga
from tui.app.labels import tr_label
from tui.app.widgets.text_pane import TextPane
from tui.locale.i18n import LANGUAGE_NAMES
from tui.view.nearby import one_key_away
from tui.view.render import event_detail
from tui.view.selection import NOTHING, Selection

DRAW_AHEAD_AFTER = 0.03
"""Seconds without a new selection before the events one key away are drawn, one per turn: keys
pressed in a row (a held arrow) are never kept waiting by drawing ahead."""


class EventDetail(TextPane):
    """Text, actors with their role that day, quotes, sources, script beats, notes: in the
    reader's language, or in two side by side (`b`). Drawn line by line (`TextPane`), so a new
    event is a repaint of this pane, not a layout of the screen; the events one key away are
    drawn ahead while the reader reads (`tui.view.nearby`), so the next key only shows them."""

    selection: reactive[Selection] = reactive(NOTHING, init=False, repaint=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga
        self._ahead: Timer | None = None

    def on_mount(self) -> None:
        self._refresh_detail()

    def _second_lang(self, selection: Selection) -> str | None:
        """The language of the second column, or None for one column."""
        second = selection.second_lang
        return second if second is not None and second != selection.lang else None

    def _text_key(self, event_id: str, selection: Selection) -> Hashable:
        """What the pane's text depends on: equal keys, equal texts."""
        return (event_id, selection.lang, self._second_lang(selection), selection.zone)

    def _texts(self, event_id: str, selection: Selection) -> tuple[Text, ...]:
        event = self.saga.event_by_id[event_id]
        main = event_detail(self.saga, event, selection.lang, selection.zone)
        second = self._second_lang(selection)
        if second is None:
            return (main,)
        return main, event_detail(self.saga, event, second, selection.zone)

    def _refresh_detail(self) -> None:
        selection = self.selection
        lang, second = selection.lang, self._second_lang(selection)
        if selection.event not in self.saga.event_by_id:
            return
        self.set_class(second is not None, "-bilingual")
        key = self._text_key(selection.event, selection)
        self.show(*self._texts(selection.event, selection), key=key)
        if second is not None:
            self.border_title = tr_label(
                lang,
                "pane.detail_bilingual",
                first=LANGUAGE_NAMES[lang],
                second=LANGUAGE_NAMES[second],
            )
        else:
            self.border_title = tr_label(lang, "pane.detail")
        self.call_after_refresh(self._plan_ahead)  # the screen first: drawing ahead can wait

    def watch_selection(self, old: Selection, new: Selection) -> None:
        shown = ("event", "lang", "second_lang", "zone")
        if any(getattr(old, name) != getattr(new, name) for name in shown):
            self._refresh_detail()
        if old.event != new.event:
            self.scroll_home(animate=False)

    # Drawing ahead ---------------------------------------------------------------------------

    def _plan_ahead(self) -> None:
        """Draw ahead once the selection has stayed put a moment (a new one starts over)."""
        if self._ahead is not None:
            self._ahead.stop()
        self._ahead = self.set_timer(DRAW_AHEAD_AFTER, self._draw_ahead)

    def _draw_ahead(self) -> None:
        """Draw the first event one key away that is not drawn yet, then plan the next one."""
        self._ahead = None
        selection = self.selection
        for event_id in one_key_away(self.saga, selection.event):
            key = self._text_key(event_id, selection)
            if not self.is_prepared(key):
                self.prepare(key, *self._texts(event_id, selection))
                self._plan_ahead()
                return
