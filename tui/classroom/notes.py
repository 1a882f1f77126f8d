"""`openai-saga notes --follow URL`: the teacher's second screen, following the class.

It shows what the room does not see: the notes about the event on the projector, the script
beats it echoes, the day's discussion questions, the countdown to the next event, and how
many students follow. It only listens: it cannot move the class.
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from story import Saga
from tui.classroom.client import AddressError, ClassConnection, HubAddress, hub_address
from tui.classroom.notes_view import moment_heading, notes_text
from tui.classroom.protocol import Clock, Following, Message, SelectionIs, Students
from tui.cli.errors import UsageError
from tui.cli.options import PROG, QuietParser, language
from tui.locale.i18n import LANGUAGES, next_language, tr
from tui.view.presenter_clock import PresenterClock
from tui.view.safe import neutralise
from tui.view.selection import Selection


class NotesApp(App[None]):
    """The notes of the class's moment, in the teacher's language (`l` changes it)."""

    CSS_PATH = "notes.tcss"
    TITLE = "openai-saga notes"
    BINDINGS = [  # noqa: RUF012
        Binding("l", "next_language", tr("en", "cmd.language")),
        Binding("q", "quit", tr("en", "cmd.quit")),
    ]

    def __init__(self, saga: Saga, address: HubAddress, lang: str | None) -> None:
        super().__init__()
        self.saga = saga
        self.address = address
        self.lang = lang or "en"
        self.lang_chosen = lang is not None
        """False: the view takes the teacher's language."""
        self.selection: Selection | None = None
        self.clock = PresenterClock()
        self.students: int | None = None
        self.following = True
        self.status = ""
        """The catalogue key of the connection's state."""
        self.refused_reason = ""
        self.connection = ClassConnection(address, "notes", self.on_class, self.on_status)

    def compose(self) -> ComposeResult:
        yield Static(id="notes-status", markup=False)
        yield Static(id="notes-moment", markup=False)
        with VerticalScroll(id="notes-scroll"):
            yield Static(id="notes-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.run_worker(self.connection.run(), exclusive=True)
        self.set_interval(0.5, self.show_status)
        self.show()

    def on_unmount(self) -> None:
        self.connection.stop()

    # From the class --------------------------------------------------------------------------

    def on_class(self, message: Message) -> None:
        if isinstance(message, SelectionIs):
            self.selection = message.selection.fitted(self.saga, LANGUAGES)
            if not self.lang_chosen:
                self.lang = self.selection.lang
            self.show()
        elif isinstance(message, Clock):
            self.clock.sync(message.interval, message.remaining, message.paused, time.monotonic())
        elif isinstance(message, Following):
            self.following = message.following
        elif isinstance(message, Students):
            self.students = message.count
        self.show_status()

    def on_status(self, status: str, detail: str) -> None:
        keys = {"connected": "class.following", "lost": "class.lost", "refused": "class.refused"}
        self.status = keys.get(status, "")
        self.refused_reason = detail
        self.show_status()

    # Drawing ---------------------------------------------------------------------------------

    def show(self) -> None:
        moment = self.query_one("#notes-moment", Static)
        body = self.query_one("#notes-body", Static)
        if self.selection is None:
            moment.update(Text(tr(self.lang, "notes.title"), style="bold"))
            body.update(Text(tr(self.lang, "notes.waiting"), style="dim"))
            return
        moment.update(moment_heading(self.saga, self.selection, self.lang))
        body.update(notes_text(self.saga, self.selection, self.lang))

    def show_status(self) -> None:
        parts: list[str] = []
        if self.status:
            parts.append(tr(self.lang, self.status, reason=neutralise(self.refused_reason)))
        if self.students is not None:
            parts.append(tr(self.lang, "class.students", count=self.students))
        if not self.following:
            parts.append(tr(self.lang, "class.free"))
        remaining = self.clock.remaining(time.monotonic())
        if self.clock.paused:
            parts.append(tr(self.lang, "presenter.paused"))
        elif remaining is not None:
            parts.append(tr(self.lang, "presenter.next_in", seconds=round(remaining)))
        self.query_one("#notes-status", Static).update(Text(" · ".join(parts), end=""))

    def action_next_language(self) -> None:
        self.lang = next_language(self.lang)
        self.lang_chosen = True
        self.show()
        self.show_status()


def notes_main(argv: list[str]) -> int:
    """Follow a class in the terminal, showing the teacher's notes."""
    from tui.cli.start import load_saga

    parser = QuietParser(prog=f"{PROG} notes", description="Teacher notes, following a class.")
    parser.add_argument("--follow", metavar="URL", required=True, help="the class's address")
    parser.add_argument("--lang", type=language, help="en, fr, id or zh (default: the teacher's)")
    parser.add_argument("--story", type=Path, help="the story the class uses")
    args = parser.parse_args(argv)
    try:
        address = hub_address(args.follow)
    except AddressError as error:
        raise UsageError(f"{PROG}: {error}") from None
    saga, _ = load_saga(args.story)
    NotesApp(saga, address, args.lang).run()
    return 0
