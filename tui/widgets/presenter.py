"""Presenter mode for a room: big day and time, the headline, the text; no teacher notes.

The browser screen shows this view when `selection.mode == "present"` and gives it the
selection like any pane ("attributes down"). Moving on is the screen's job: the view posts
`EventPicked` ("messages up") when its countdown runs out. The countdown and the days played
live in the app's `Presentation` (tui/presenter_clock.py), so leaving presenter mode and coming
back keeps them; every move of the selection, by hand or by the clock, restarts the countdown.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Digits, Static

from story import Saga
from tui.commands import PRESENTER_COMMANDS, bindings
from tui.i18n import tr
from tui.messages import EventPicked
from tui.presenter_clock import Presentation
from tui.presenter_view import big_digits, body, day_line, headline, status_line
from tui.selection import Selection

TICK_SECONDS = 0.25
"""How often the countdown is checked and redrawn."""


class PresenterView(Vertical):
    """The selected event for the back of the room, with its countdown and place."""

    DEFAULT_CLASSES = "presenter"
    CSS_PATH = "presenter.tcss"
    BINDINGS = bindings(PRESENTER_COMMANDS)

    selection: reactive[Selection | None] = reactive(None, init=False)

    def __init__(
        self, saga: Saga, presentation: Presentation, *, id: str | None = "presenter"
    ) -> None:
        super().__init__(id=id)
        self.saga = saga
        self.presentation = presentation
        self._shown_status = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="presenter-top"):
            yield Digits(id="presenter-digits")
            yield Static(id="presenter-status", markup=False)
        yield Static(id="presenter-day", markup=False)
        yield Static(id="presenter-headline", markup=False)
        with VerticalScroll(id="presenter-body"), Horizontal(id="presenter-columns"):
            yield Static(id="presenter-text", markup=False)
            yield Static(id="presenter-second", markup=False)

    def on_mount(self) -> None:
        self.presentation.clock.restart(time.monotonic())
        self.set_interval(TICK_SECONDS, self._tick)
        self._draw()

    def on_show(self) -> None:
        """Take the keys (page up / down scroll a long text, `k` pauses)."""
        self.query_one("#presenter-body").focus()
        self.presentation.clock.restart(time.monotonic())

    # The selection ---------------------------------------------------------------------------

    def watch_selection(self, old: Selection | None, new: Selection | None) -> None:
        if new is None:
            return
        if old is None or old.event != new.event:
            self.presentation.clock.restart(time.monotonic())  # a move: a full interval again
            self.query_one("#presenter-body", VerticalScroll).scroll_home(animate=False)
        self._draw()

    def _draw(self) -> None:
        selection = self.selection
        if selection is None or selection.event not in self.saga.event_by_id:
            return
        event = self.saga.event_by_id[selection.event]
        lang = selection.lang
        self.query_one("#presenter-digits", Digits).update(big_digits(event, lang))
        self.query_one("#presenter-day", Static).update(day_line(self.saga, event, lang))
        self.query_one("#presenter-headline", Static).update(headline(event, lang))
        self.query_one("#presenter-text", Static).update(body(event, lang))
        second = self.query_one("#presenter-second", Static)
        other = selection.second_lang
        second.display = other is not None and other != lang
        if other is not None and other != lang:
            text = headline(event, other)
            text.append("\n\n")
            text.append_text(body(event, other))
            second.update(text)
        self._draw_status(force=True)

    def _draw_status(self, force: bool = False) -> None:
        """The place and the countdown (redrawn only when the text changes)."""
        selection = self.selection
        if selection is None:
            return
        line = status_line(
            self.saga,
            selection.event,
            self.presentation.playlist,
            self.presentation.clock,
            time.monotonic(),
            selection.lang,
        )
        if force or line.plain != self._shown_status:
            self._shown_status = line.plain
            self.query_one("#presenter-status", Static).update(line)

    # The clock -------------------------------------------------------------------------------

    def _tick(self) -> None:
        now = time.monotonic()
        selection = self.selection
        if selection is not None and self.display and self.presentation.advance_due(now):
            self.presentation.clock.restart(now)
            self.post_message(EventPicked(self.presentation.playlist.step(selection.event)))
        self._draw_status()

    def action_toggle_pause(self) -> None:
        """Pause or resume the auto-advance (`k`)."""
        paused = self.presentation.clock.toggle(time.monotonic())
        lang = self.selection.lang if self.selection else "en"
        self.notify(tr(lang, "notice.paused" if paused else "notice.resumed"), timeout=2)
        self._draw_status(force=True)
