"""ChatGPT's script beside what really happened: each beat, its verdict, the real events.

Shown while the selection's mode is "script" (`s`, or the palette's acts); enter on a beat returns
to the browser at the first real event it is linked to. The highlighted beat is the selection's
`beat`, so a class following a teacher sees the same beat.

It teaches as well as shows: acts are numbered, a legend under the title explains ✔ ◐ ✘ and
counts them, and `e` sets the two endings side by side with where each parts from what
happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from story import Saga
from story.model import Act, Beat
from tui.app.commands import SCRIPT_COMMANDS, bindings, fit_footer
from tui.app.labels import tr_label
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.story_list import StoryList
from tui.app.widgets.text_pane import TextPane
from tui.locale.i18n import tr
from tui.view.event_view import beat_view
from tui.view.render import beat_detail, text_in
from tui.view.script import endings
from tui.view.script_text import beat_rows, ending_text, legend
from tui.view.selection import Selection

if TYPE_CHECKING:
    from tui.app.screens.browser import BrowserScreen


class BeatList(StoryList):
    """The script's beats. A key asks for a beat and the screen moves the highlight with the
    beat's reality beside it: one frame, not the highlight in one and the reality after it."""

    HIGHLIGHT_WAITS = True


class ScriptScreen(Screen[None]):
    """The script's acts and beats on the left, the chosen beat against reality on the right."""

    CSS_PATH = "script.tcss"
    MODE = "script"
    """The selection's mode that shows this screen (`SagaApp._show_mode`)."""
    COMMAND_TABLE = SCRIPT_COMMANDS
    BINDINGS = bindings(COMMAND_TABLE)

    def __init__(self, saga: Saga, browser: BrowserScreen) -> None:
        super().__init__()
        self.saga = saga
        self.browser = browser
        """The screen whose selection this one shows and changes (beat, language, mode)."""
        self.beats: dict[str, tuple[Act, Beat]] = {
            beat.id: (act, beat)
            for act in (saga.script.acts if saga.script else ())
            for beat in act.beats
        }
        self.endings: tuple[Act, ...] = endings(saga.script) if saga.script else ()

    @property
    def lang(self) -> str:
        """The reader's language (the selection's)."""
        return self.browser.selection.lang

    def compose(self) -> ComposeResult:
        yield Static(id="script-title", markup=False)
        yield Static(id="script-legend", markup=False)
        with Horizontal(id="script-panes"):
            yield BeatList(id="beats")
            # A pane of fixed size drawn with the Line API: a new beat is a repaint of it alone.
            # (A Static in a VerticalScroll changed height with each beat, and each change laid
            # the whole screen out again: 4 frames and 2 layouts a key, 62-112 ms to settle.)
            yield TextPane(id="reality")
        with Horizontal(id="endings"):
            for index, _ in enumerate(self.endings):
                with VerticalScroll(classes="ending"):
                    yield Static(id=f"ending-{index}", markup=False)
        yield KeyBar()

    @property
    def showing_endings(self) -> bool:
        """Whether the endings are shown side by side (instead of the beats)."""
        return self.has_class("-endings")

    def on_mount(self) -> None:
        self._render_all()
        self.query_one("#beats").focus()
        self.watch(self.browser, "selection", self._follow, init=False)

    def _follow(self, old: Selection, new: Selection) -> None:
        """Redraw for a new language; move to a beat chosen elsewhere (a teacher's app)."""
        if old.lang != new.lang:
            self._render_all()
        elif new.beat is not None and new.beat != old.beat:
            beats = self.query_one("#beats", StoryList)
            if beats.highlighted_id != new.beat:
                beats.highlight_id(new.beat)
                self._show_beat(new.beat)

    def on_resize(self) -> None:
        """Crossing the narrow width changes which keys the footer has room for."""
        self._fit_footer()

    def _fit_footer(self) -> None:
        fit_footer(self, self.lang)

    def _render_all(self) -> None:
        self._fit_footer()
        script = self.saga.script
        header = Text(end="")
        if script is not None:
            header.append_text(text_in(script.title, self.lang, "bold"))
            header.append("\n")
            header.append_text(text_in(script.summary, self.lang, "italic"))
            self.query_one("#script-legend", Static).update(legend(script, self.lang))
        else:
            header.append(tr(self.lang, "script.none"))
        self.query_one("#script-title", Static).update(header)
        beats = self.query_one("#beats", StoryList)
        beats.border_title = tr_label(self.lang, "pane.script")
        rows = beat_rows(script, self.lang) if script is not None else []
        linked = self.saga.acts_of_event.get(self.browser.selection.event, ())
        wanted = self.browser.selection.beat or beats.highlighted_id
        keep = wanted or (linked[0][1].id if linked else None) or (rows[0][0] if rows else None)
        beats.set_rows(rows, keep)
        self._show_beat(beats.highlighted_id)
        for index, act in enumerate(self.endings):
            self.query_one(f"#ending-{index}", Static).update(
                ending_text(self.saga, act, self.lang)
            )
        self.browser.change(beat=beats.highlighted_id)

    def _show_beat(self, beat_id: str | None) -> None:
        reality = self.query_one("#reality", TextPane)
        reality.border_title = tr_label(self.lang, "pane.reality")
        reality.scroll_home(animate=False)
        script = self.saga.script
        if beat_id not in self.beats or script is None:
            reality.show()
            return
        act, beat = self.beats[beat_id]
        hint = act.kind == "ending" and len(self.endings) > 1
        reality.show(
            beat_detail(beat_view(self.saga, act, beat, self.lang), self.lang, endings_hint=hint),
            key=(beat_id, self.lang, hint),
        )

    def on_story_list_row_highlighted(self, message: StoryList.RowHighlighted) -> None:
        message.stop()
        beats = self.query_one("#beats", StoryList)
        beats.highlight_id(message.row_id)
        self._show_beat(message.row_id)
        self.browser.change(beat=message.row_id)

    def on_story_list_row_selected(self, message: StoryList.RowSelected) -> None:
        message.stop()
        self.action_open_event()

    def action_open_event(self) -> None:
        beat_id = self.query_one("#beats", StoryList).highlighted_id
        if beat_id in self.beats and self.beats[beat_id][1].events:
            first = self.beats[beat_id][1].events[0]
            self.browser.change(mode="browse", event=first)
        else:
            self.app.bell()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With the endings side by side there is no highlighted beat to open: enter leaves the
        footer (greyed out, it would be too faint to read)."""
        return not (action == "open_event" and self.showing_endings)

    def action_toggle_endings(self) -> None:
        """The endings side by side, or back to the beats."""
        if not self.endings:
            self.app.bell()
            return
        self.toggle_class("-endings")
        self.refresh_bindings()
        if self.showing_endings:
            self.query_one(".ending").focus()
        else:
            self.query_one("#beats").focus()

    def action_close(self) -> None:
        self.browser.change(mode="browse")
