"""The openai-saga application: the browser screen, the modes, saving the place.

The app holds no state of its own about what is shown: the browser screen's `selection` is the
one value, and the app watches it to localise its own bindings and to show the selection's
mode (presenter mode as a CSS class, the script screen pushed or popped). So applying a
selection from anywhere (a key, the palette, a teacher's app) is one call: `apply_selection`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App

from story.gcpause import QuietCollector, StartupFreeze
from tui.app.commands import APP_COMMANDS, bindings, localize_bindings
from tui.app.screens.browser import BrowserScreen
from tui.app.toasts import remove_stale_toasts
from tui.cli.start import Start
from tui.cli.state import Place, mark_welcomed, write_place
from tui.locale.i18n import LANGUAGES, next_language, tr
from tui.locale.remembered import save as save_strings
from tui.view.presenter_clock import Presentation
from tui.view.safe import neutralise
from tui.view.selection import Selection

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen

    from tui.classroom.in_app import ClassLink

QUIET_TICK = 0.5
"""Seconds between two looks at whether a full pass of the collector is due (`QuietCollector`)."""
PRESENTER_TICK = 0.25
"""Seconds between two looks at presenter mode's countdown."""
MODE_SCREENS = ("script", "quiz")
"""The modes that open a screen over the browser (its class says which: `MODE`)."""
NARROW = 100
"""Below this many columns the browser shows fewer panes and the footer fewer keys."""


def saga_commands() -> type[Provider]:
    """The palette's story commands, imported when the palette first opens (with the search
    index they use: none of it is on the first frame)."""
    from tui.app.palette import SagaCommands

    return SagaCommands


def classroom_commands() -> type[Provider]:
    """The palette's classroom commands, imported when the palette first opens."""
    from tui.classroom.palette import ClassroomCommands

    return ClassroomCommands


class SagaApp(App[None]):
    """Browse the saga; `make_app` builds it from the command line."""

    CSS_PATH = "saga_app.tcss"
    TITLE = "openai-saga"
    BINDINGS = bindings(APP_COMMANDS)
    COMMANDS = {saga_commands, classroom_commands}  # noqa: RUF012  (Textual's are English only)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        start: Start,
        *,
        state_path: Path | None = None,
        present: bool = False,
        interval: float | None = None,
        presentation: Presentation | None = None,
    ) -> None:
        super().__init__()
        self.start = start
        self.saga = start.saga
        self.state_path = state_path
        self.interval = interval
        self.presentation = presentation or Presentation.of(start.saga, interval)
        """Presenter mode's countdown and the days it plays."""
        self.class_link: ClassLink | None = None
        """This app's part in a class (--follow / --lead), set by the factory."""
        self._footer_narrow = False
        self.startup_freeze = StartupFreeze()
        """The objects alive after start-up, kept out of the collector's full passes."""
        self.quiet_collector = QuietCollector()
        """Full passes of the collector while the reader reads, not during a key."""
        self.save_problem: str | None = None
        """Why the place could not be saved at quit (told once the terminal is back)."""
        first = Selection(
            event=start.event,
            lang=start.lang,
            actor=start.actor,
            mode="present" if present else "browse",
        )
        self.browser = BrowserScreen(start.saga, first)

    # The selection ---------------------------------------------------------------------------

    @property
    def selection(self) -> Selection:
        """What is on screen (the browser screen owns it)."""
        return self.browser.selection

    @property
    def lang(self) -> str:
        """The reader's language: the selection's."""
        return self.browser.selection.lang

    @property
    def narrow(self) -> bool:
        """A terminal under 100 columns: fewer panes and fewer keys in the footer."""
        return self.size.width < NARROW

    def on_resize(self) -> None:
        """Crossing the narrow width changes which keys the footer has room for."""
        if self.narrow != self._footer_narrow:
            self._footer_narrow = self.narrow
            localize_bindings(self, self.lang, narrow=self.narrow)
            if self.browser.is_mounted:
                self.browser.relabel()

    @property
    def presenting(self) -> bool:
        """Whether presenter mode is on."""
        return self.browser.selection.mode == "present"

    def apply_selection(self, selection: Selection) -> None:
        """Show `selection` (from a key, the palette or another process), fitted to the story."""
        self.browser.select(selection.fitted(self.saga, LANGUAGES))

    def _selection_changed(self, old: Selection, new: Selection) -> None:
        if old.lang != new.lang:
            localize_bindings(self, new.lang, narrow=self.narrow)
        if old.mode != new.mode:
            self._show_mode(new)
        if old.event != new.event:
            self.presentation.moved(time.monotonic())

    def _show_mode(self, selection: Selection) -> None:
        """Presenter mode shown or not; the script or quiz screen on the stack or not."""
        self.browser.show_presenter(selection.mode == "present")
        open_modes = {getattr(screen, "MODE", None) for screen in self.screen_stack}
        for mode in MODE_SCREENS:
            if selection.mode != mode and mode in open_modes and self.browser in self.screen_stack:
                while not isinstance(self.screen, BrowserScreen):
                    self.pop_screen()
        if selection.mode in MODE_SCREENS and getattr(self.screen, "MODE", None) != selection.mode:
            self.push_screen(self._mode_screen(selection.mode))

    def _mode_screen(self, mode: str) -> Screen[None]:
        """The screen of a mode, its module imported when first opened (neither is on the
        first frame)."""
        if mode == "script":
            from tui.app.screens.script import ScriptScreen

            return ScriptScreen(self.saga, self.browser)
        from tui.app.screens.quiz import QuizScreen

        return QuizScreen(self.browser)

    def on_mount(self) -> None:
        self.push_screen(self.browser)
        self.watch(self.browser, "selection", self._selection_changed, init=False)
        localize_bindings(self, self.lang, narrow=self.narrow)
        if self.start.pane != "events":
            pane = self.browser.query(f"#{self.start.pane}")
            if pane:
                pane.first().focus()
        for notice in self.start.notices:
            self.notify(neutralise(notice), markup=False, severity="warning", timeout=6)
        self._show_mode(self.selection)
        if self.start.welcome and self.state_path is not None:
            self.action_show_welcome()
        if self.presentation.clock.interval is not None:
            self.presentation.moved(time.monotonic())
            self.set_interval(PRESENTER_TICK, self._advance)
        if self.class_link is not None:
            self.class_link.start()
        self.call_after_refresh(self.startup_freeze.freeze)
        self.quiet_collector.start()
        self.set_interval(QUIET_TICK, self.quiet_collector.tick, name="quiet collector")

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self.quiet_collector.input()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.quiet_collector.stop()
        self.startup_freeze.thaw(len(self.saga.events))
        save_strings()  # for the next start's first frame (tui.locale.remembered)

    def _refresh_notifications(self) -> None:
        """Textual's rack leaves the holders of gone toasts mounted (see tui.app.toasts)."""
        remove_stale_toasts(self)
        super()._refresh_notifications()

    def _advance(self) -> None:
        """Presenter mode with --interval: the next event of the days played, looping, when
        the countdown runs out (every move restarts it)."""
        if self.presenting and self.screen is self.browser:
            event = self.presentation.next_due(self.selection.event, time.monotonic())
            if event is not None:
                self.browser.select_event(event)

    # Commands --------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole app to `lang`: story, UI labels, footer, dates; nothing moves."""
        if lang in LANGUAGES:
            self.browser.select(self.selection.with_lang(lang))

    def action_next_language(self) -> None:
        self.set_language(next_language(self.lang))

    def action_toggle_presenter(self) -> None:
        presenting = not self.presenting
        self.browser.change(mode="present" if presenting else "browse")
        key = "notice.presenter_on" if presenting else "notice.presenter_off"
        self.notify(tr(self.lang, key), timeout=2)

    def action_show_welcome(self) -> None:
        """The title card: what the panes are and the keys to start with."""
        from tui.app.screens.welcome import WelcomeScreen

        if not isinstance(self.screen, WelcomeScreen):
            self.push_screen(WelcomeScreen(self.browser), callback=self._welcomed)

    def _welcomed(self, _: None) -> None:
        """Seen once: not shown again at start (i and the palette still show it)."""
        if self.state_path is not None:
            mark_welcomed(self.state_path)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.browser))

    async def action_quit(self) -> None:
        """Quit, saving the place first (a failure to save is shown, never fatal)."""
        self.save_place()
        self.exit()

    def current_place(self) -> Place:
        """The reader's place now."""
        selection = self.selection
        return Place(
            story=self.start.story_key,
            event=selection.event,
            actor=selection.actor,
            lang=selection.lang,
            pane=self.browser.focused_pane,
        )

    def save_place(self) -> None:
        """Write the place to the state file, if the app has one."""
        if self.state_path is None:
            return
        self.save_problem = write_place(self.state_path, self.current_place())
