"""The selected event in full, in one language or two side by side."""

from __future__ import annotations

from textual.reactive import reactive

from story import Saga
from tui.app.labels import tr_label
from tui.app.widgets.text_pane import TextPane
from tui.locale.i18n import LANGUAGE_NAMES
from tui.view.render import event_detail
from tui.view.selection import NOTHING, Selection


class EventDetail(TextPane):
    """Text, actors with their role that day, quotes, sources, script beats, notes: in the
    reader's language, or in two side by side (`b`). Drawn line by line (`TextPane`), so a new
    event is a repaint of this pane, not a layout of the screen."""

    selection: reactive[Selection] = reactive(NOTHING, init=False, repaint=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga

    def on_mount(self) -> None:
        self._refresh_detail()

    def _refresh_detail(self) -> None:
        selection = self.selection
        lang, second_lang = selection.lang, selection.second_lang
        event = self.saga.event_by_id.get(selection.event)
        if event is None:
            return
        main = event_detail(self.saga, event, lang, selection.zone)
        bilingual = second_lang is not None and second_lang != lang
        self.set_class(bilingual, "-bilingual")
        if bilingual and second_lang is not None:
            self.show(main, event_detail(self.saga, event, second_lang, selection.zone))
            self.border_title = tr_label(
                lang,
                "pane.detail_bilingual",
                first=LANGUAGE_NAMES[lang],
                second=LANGUAGE_NAMES[second_lang],
            )
        else:
            self.show(main)
            self.border_title = tr_label(lang, "pane.detail")

    def watch_selection(self, old: Selection, new: Selection) -> None:
        shown = ("event", "lang", "second_lang", "zone")
        if any(getattr(old, name) != getattr(new, name) for name in shown):
            self._refresh_detail()
        if old.event != new.event:
            self.scroll_home(animate=False)
