"""The title card: on a first launch, what the panes are and the keys to start with.

Shown once (a marker beside the saved place remembers it) and dismissed with any key or click;
`i` and the palette bring it back. It follows the reader's language like every screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.labels import tr_label
from tui.app.screens.batch_frames import NoDroppedFrames
from tui.locale.i18n import tr
from tui.view.linebreak import Wrapped
from tui.view.safe import plain
from tui.view.selection import Selection

if TYPE_CHECKING:
    from tui.app.screens.browser import BrowserScreen

PANES = ("strip", "days", "events", "event", "cast", "arc")
"""The panes the card names, top to bottom, left to right."""
KEYS = (("→ ←", "days"), ("↓ ↑", "events"), ("l", "language"), ("/", "search"), ("?", "help"))
"""The five keys to start with, and what each does."""


class WelcomeScreen(NoDroppedFrames, ModalScreen[None]):
    """A short card over the browser; any key or click closes it."""

    CSS_PATH = "welcome.tcss"

    def __init__(self, browser: BrowserScreen) -> None:
        super().__init__()
        self.browser = browser
        """The screen whose selection holds the language."""

    @property
    def lang(self) -> str:
        return self.browser.selection.lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome-box"):
            yield Static(id="welcome-text")

    def on_mount(self) -> None:
        self._render_card()
        self.watch(self.browser, "selection", self._follow, init=False)

    def _follow(self, old: Selection, new: Selection) -> None:
        if old.lang != new.lang:
            self._render_card()

    def _render_card(self) -> None:
        lang, saga = self.lang, self.browser.saga
        card = Text(end="")  # a plain base style: each part brings its own
        card.append_text(plain(saga.info.title(lang), "bold"))
        if saga.info.subtitle.values:
            card.append("\n")
            card.append_text(plain(saga.info.subtitle(lang), "italic"))
        panes = [
            (tr(lang, f"welcome.pane.{pane}"), tr(lang, f"welcome.what.{pane}")) for pane in PANES
        ]
        keys = [(key, tr(lang, f"welcome.key.{what}")) for key, what in KEYS]
        for heading, rows in ((tr(lang, "welcome.panes"), panes), (tr(lang, "welcome.keys"), keys)):
            card.append("\n\n")
            card.append_text(plain(heading, "bold"))
            width = max(cell_len(name) for name, _ in rows) + 2
            for name, what in rows:
                card.append("\n")
                card.append_text(plain(name + " " * (width - cell_len(name)), "bold"))
                card.append_text(plain(what))
        card.append("\n\n")
        card.append_text(plain(tr(lang, "welcome.dismiss"), "italic"))
        self.query_one("#welcome-text", Static).update(Wrapped(card))
        self.query_one("#welcome-box").border_title = tr_label(lang, "welcome.title")

    def on_key(self, event: events.Key) -> None:
        """Any key closes the card (and does nothing else)."""
        event.stop()
        event.prevent_default()
        self._close()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self._close()

    def _close(self) -> None:
        if self.is_active:  # a second key in the same frame would pop the browser
            self.dismiss(None)
