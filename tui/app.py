"""The openai-saga application: the browser screen, language, presenter mode, saving the place."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from tui.commands import APP_COMMANDS, bindings, localize_bindings
from tui.i18n import LANGUAGES, next_language, tr
from tui.palette import SagaCommands
from tui.safe import neutralise
from tui.screens.browser import BrowserScreen
from tui.start import Start
from tui.state import Place, write_place


class SagaApp(App[None]):
    """Browse the saga; `make_app` builds it from the command line."""

    CSS_PATH = "app.tcss"
    TITLE = "openai-saga"
    BINDINGS = bindings(APP_COMMANDS)
    COMMANDS = App.COMMANDS | {SagaCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        start: Start,
        *,
        state_path: Path | None = None,
        present: bool = False,
        interval: float | None = None,
    ) -> None:
        super().__init__()
        self.start = start
        self.saga = start.saga
        self.lang = start.lang
        self.state_path = state_path
        self.presenting = present
        self.interval = interval
        self.save_problem: str | None = None
        """Why the place could not be saved at quit (told once the terminal is back)."""
        self.browser = BrowserScreen(
            start.saga, event_id=start.event, actor_id=start.actor, lang=start.lang
        )

    def on_mount(self) -> None:
        self.push_screen(self.browser)
        localize_bindings(self, self.lang)
        if self.start.pane != "events":
            pane = self.browser.query(f"#{self.start.pane}")
            if pane:
                pane.first().focus()
        for notice in self.start.notices:
            self.notify(neutralise(notice), markup=False, severity="warning", timeout=6)
        self.set_class(self.presenting, "-presenting")
        if self.presenting and self.interval:
            self.set_interval(self.interval, self._advance)

    def _advance(self) -> None:
        """Presenter mode with --interval: the next event, in story order, looping at the end."""
        if self.presenting and self.screen is self.browser:
            event = self.saga.next_event(self.browser.event_id, 1) or self.saga.events[0]
            self.browser.select_event(event.id)

    # Commands --------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole app to `lang`: story, UI labels, footer, dates; nothing moves."""
        if lang not in LANGUAGES:
            return
        self.lang = lang
        localize_bindings(self, lang)
        for screen in self.screen_stack:
            setter = getattr(screen, "set_language", None)
            if setter is not None:
                setter(lang)

    def action_next_language(self) -> None:
        self.set_language(next_language(self.lang))

    def action_toggle_presenter(self) -> None:
        self.presenting = not self.presenting
        self.set_class(self.presenting, "-presenting")
        key = "notice.presenter_on" if self.presenting else "notice.presenter_off"
        self.notify(tr(self.lang, key), timeout=2)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.lang))

    async def action_quit(self) -> None:
        """Quit, saving the place first (a failure to save is shown, never fatal)."""
        self.save_place()
        self.exit()

    def current_place(self) -> Place:
        """The reader's place now."""
        browser = self.browser
        return Place(
            story=self.start.story_key,
            day=browser.day_id,
            event=browser.event_id,
            actor=browser.actor_id,
            lang=self.lang,
            pane=browser.focused_pane,
        )

    def save_place(self) -> None:
        """Write the place to the state file, if the app has one."""
        if self.state_path is None:
            return
        self.save_problem = write_place(self.state_path, self.current_place())
