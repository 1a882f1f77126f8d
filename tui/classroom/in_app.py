"""The class inside the app: a follower shows the teacher's moment, a leader sends its own.

A follower applies every selection the hub passes on, in the reader's own languages and clock;
while it follows, a move of its own is undone at once with a short notice (the language, the
second language and the clock stay the reader's). When the teacher releases the class, the
follower browses freely; when the teacher calls it back, it jumps to the class's moment.

A leader sends its selection on every change (not the ones it just received from another
leader, so two teacher apps do not echo each other) and its presenter countdown when it
changes; it can release and recall the class.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Literal

from tui.classroom.client import ClassConnection, HubAddress, for_reader, same_moment
from tui.classroom.protocol import (
    Clock,
    Following,
    Message,
    Recall,
    Release,
    Select,
    SelectionIs,
    Students,
)
from tui.locale.i18n import LANGUAGES, tr
from tui.view.safe import neutralise
from tui.view.selection import Selection

if TYPE_CHECKING:
    from tui.app.saga_app import SagaApp

NOTICE_GAP = 2.0
"""Seconds between two "the teacher leads" notices (holding a key must not flood them)."""
CLOCK_TICK = 0.5


class ClassLink:
    """One app's part in a class."""

    def __init__(self, app: SagaApp, address: HubAddress, role: Literal["follow", "lead"]) -> None:
        self.app = app
        self.role = role
        self.connection = ClassConnection(address, role, self.on_message, self.on_status)
        self.teacher: Selection | None = None
        """The class's moment as the hub last passed it on."""
        self.target: Selection | None = None
        """That moment as this app shows it (its own languages, fitted to its story)."""
        self.following = True
        self.students: int | None = None
        self._last_notice = 0.0
        self._sent_clock: tuple[float | None, bool, float] | None = None
        self._greeting = False
        """True from the hub's welcome to its last greeting message (the class size)."""

    @property
    def leads(self) -> bool:
        return self.role == "lead"

    @property
    def holds(self) -> bool:
        """Whether this app must show the class's moment now."""
        return not self.leads and self.following

    def start(self) -> None:
        """Connect (a worker of the app) and watch the app's selection."""
        self.app.run_worker(self.connection.run(), group="classroom", exit_on_error=False)
        self.app.watch(self.app.browser, "selection", self.on_local_change, init=False)
        if self.leads:
            self.app.set_interval(CLOCK_TICK, self.send_clock)
        self.app.presentation.driven = self.holds

    def stop(self) -> None:
        self.connection.stop()

    # From the hub ----------------------------------------------------------------------------

    def on_message(self, message: Message) -> None:
        if isinstance(message, SelectionIs):
            self.teacher = message.selection
            if self.holds or self.leads:
                self.show_class_moment()
        elif isinstance(message, Following):
            changed = message.following != self.following
            self.following = message.following
            self.app.presentation.driven = self.holds
            if changed and not self.leads:
                key = "class.recalled" if self.following else "class.released"
                self.tell(tr(self.lang, key))
            if self.holds:
                self.show_class_moment()
        elif isinstance(message, Clock) and not self.leads:
            clock = self.app.presentation.clock
            clock.sync(message.interval, message.remaining, message.paused, time.monotonic())
        elif isinstance(message, Students):
            self.students = message.count
            if self._greeting and self.leads and self.teacher is None:
                # The hub's greeting is over and the class has no moment yet: give it ours.
                self.target = self.app.selection
                self.connection.send(Select(self.app.selection))
            self._greeting = False

    def on_status(self, status: str, detail: str) -> None:
        if status == "connected":
            self._greeting = True
            self._sent_clock = None
            self.tell(tr(self.lang, "class.leading" if self.leads else "class.following"))
        elif status == "lost":
            self.tell(tr(self.lang, "class.lost"), severity="warning")
        elif status == "refused":
            self.tell(tr(self.lang, "class.refused", reason=detail), severity="error", timeout=10)

    def show_class_moment(self) -> None:
        """Show the teacher's moment in this reader's languages and clock."""
        if self.teacher is None:
            return
        own = self.app.selection
        self.target = for_reader(self.teacher, own).fitted(self.app.saga, LANGUAGES)
        if self.target != own:
            self.app.apply_selection(self.target)

    # From this app ---------------------------------------------------------------------------

    def on_local_change(self, selection: Selection) -> None:
        if self.leads:
            if self.target is None or not same_moment(selection, self.target):
                self.target = selection
                self.connection.send(Select(selection))
            return
        if self.holds and self.target is not None and not same_moment(selection, self.target):
            self.show_class_moment()
            now = time.monotonic()
            if now - self._last_notice > NOTICE_GAP:
                self._last_notice = now
                self.tell(tr(self.lang, "class.undone"))

    def send_clock(self) -> None:
        """The leader's countdown, when it changed (not on every tick: the others count down
        themselves from what they were sent)."""
        clock = self.app.presentation.clock
        now = time.monotonic()
        remaining = clock.remaining(now)
        deadline = now + remaining if remaining is not None and not clock.paused else 0.0
        state = (clock.interval, clock.paused, deadline)
        sent = self._sent_clock
        if sent is not None and sent[:2] == state[:2] and abs(sent[2] - deadline) < 0.5:
            return
        if self.connection.connected:
            self._sent_clock = state
            self.connection.send(Clock(clock.interval, remaining, clock.paused))

    def release(self) -> None:
        """Let the students browse freely (the teacher's command)."""
        self.connection.send(Release())

    def recall(self) -> None:
        """Bring the students back to the class's moment."""
        self.connection.send(Recall())

    # Helpers ---------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.app.selection.lang

    def tell(self, text: str, severity: str = "information", timeout: float = 3) -> None:
        self.app.notify(neutralise(text), markup=False, severity=severity, timeout=timeout)  # type: ignore[arg-type]

    def status_text(self) -> str:
        """One line for a title bar: leading or following, how many follow, free or not."""
        parts = [tr(self.lang, "class.leading" if self.leads else "class.following")]
        if self.students is not None and self.leads:
            parts.append(tr(self.lang, "class.students", count=self.students))
        if not self.following:
            parts.append(tr(self.lang, "class.free"))
        return " · ".join(parts)
