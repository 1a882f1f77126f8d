"""Presenter mode for a room: big day and time, the headline, the text; no teacher notes.

The browser screen shows this view when `selection.mode == "present"` and gives it the
selection like any pane ("attributes down"). The countdown and the days played are the app's
`Presentation` (tui/presenter_clock.py): the app moves on when it runs out and restarts it on
every move, so the timing works whatever is on screen; this view shows it ("12 / 55", the
seconds left) and pauses it (`k`).
"""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Digits, Static

from story import Saga
from tui.app.commands import PRESENTER_COMMANDS, bindings, localize_bindings
from tui.locale.i18n import tr
from tui.view.presenter import big_digits, body, day_line, headline, status_line
from tui.view.presenter_clock import Presentation
from tui.view.selection import Selection

TICK_SECONDS = 0.25
"""How often the countdown is redrawn."""


class PresenterView(Vertical):
    """The selected event for the back of the room, with its countdown and place."""

    # Widgets have no CSS_PATH: the styles ship beside the module and are read once, unscoped
    # so that the app's -narrow class can reach them.
    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    SCOPED_CSS = False
    BINDINGS = bindings(PRESENTER_COMMANDS)

    selection: reactive[Selection | None] = reactive(None, init=False, repaint=False)

    def __init__(
        self, saga: Saga, presentation: Presentation, *, id: str | None = "presenter"
    ) -> None:
        super().__init__(id=id)
        self.saga = saga
        self.presentation = presentation
        self._shown_status = ""
        self._stale = True
        """Whether the selection moved while presenter mode was off (nothing drawn then)."""

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
        self.set_interval(TICK_SECONDS, self._tick)
        self._draw()

    def on_show(self) -> None:
        """Take the keys (page up / down scroll a long text, `k` pauses)."""
        self.query_one("#presenter-body").focus()

    # The selection ---------------------------------------------------------------------------

    def watch_selection(self, old: Selection | None, new: Selection | None) -> None:
        if new is None:
            return
        if old is None or old.lang != new.lang:
            localize_bindings(self, new.lang, narrow=self.app.size.width < 100)
        if new.mode != "present":
            # Hidden: drawing it would ask for a layout of the whole screen on every key of the
            # browser. It is drawn when presenter mode comes on.
            self._stale = True
            return
        if old is None or old.event != new.event or self._stale:
            self.query_one("#presenter-body", VerticalScroll).scroll_home(animate=False)
        self._stale = False
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
        """Redraw the countdown (only its text, and only when it changed)."""
        if self.display:
            self._draw_status()

    def action_toggle_pause(self) -> None:
        """Pause or resume the auto-advance (`k`)."""
        paused = self.presentation.clock.toggle(time.monotonic())
        lang = self.selection.lang if self.selection else "en"
        self.notify(tr(lang, "notice.paused" if paused else "notice.resumed"), timeout=2)
        self._draw_status(force=True)
