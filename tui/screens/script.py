"""ChatGPT's script beside what really happened: each beat, its verdict, the real events.

Shown while the selection's mode is "script" (`s`, or the palette's acts); enter on a beat returns
to the browser at the first real event it is linked to. The highlighted beat is the selection's
`beat`, so a class following a teacher sees the same beat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from story import Saga
from story.model import Act, Beat
from tui.commands import SCRIPT_COMMANDS, bindings, localize_bindings
from tui.i18n import tr
from tui.labels import tr_label
from tui.render import VERDICT_MARK, VERDICT_STYLE, event_row, text_in
from tui.safe import plain
from tui.selection import Selection
from tui.widgets.story_list import StoryList

if TYPE_CHECKING:
    from tui.screens.browser import BrowserScreen


class ScriptScreen(Screen[None]):
    """The script's acts and beats on the left, the chosen beat against reality on the right."""

    CSS_PATH = "script.tcss"
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

    @property
    def lang(self) -> str:
        """The reader's language (the selection's)."""
        return self.browser.selection.lang

    def compose(self) -> ComposeResult:
        yield Static(id="script-title", markup=False)
        with Horizontal():
            yield StoryList(id="beats")
            with VerticalScroll(id="reality"):
                yield Static(id="beat-detail", markup=False)
        yield Footer(show_command_palette=False)

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

    def _render_all(self) -> None:
        localize_bindings(self, self.lang)
        script = self.saga.script
        header = Text(end="")
        if script is not None:
            header.append_text(text_in(script.title, self.lang, "bold"))
            header.append("\n")
            header.append_text(text_in(script.summary, self.lang, "italic"))
        else:
            header.append(tr(self.lang, "script.none"))
        self.query_one("#script-title", Static).update(header)
        beats = self.query_one("#beats", StoryList)
        beats.border_title = tr_label(self.lang, "pane.script")
        rows: list[tuple[str, Text]] = []
        for act in script.acts if script else ():
            for index, beat in enumerate(act.beats):
                row = Text(end="")
                if index == 0:
                    row.append_text(text_in(act.title, self.lang, "bold underline"))
                    row.append("\n")
                row.append(f"{VERDICT_MARK[beat.verdict]} ", style=VERDICT_STYLE[beat.verdict])
                row.append_text(text_in(beat.text, self.lang))
                rows.append((beat.id, row))
        linked = self.saga.acts_of_event.get(self.browser.selection.event, ())
        wanted = self.browser.selection.beat or beats.highlighted_id
        keep = wanted or (linked[0][1].id if linked else None) or (rows[0][0] if rows else None)
        beats.set_rows(rows, keep)
        self._show_beat(beats.highlighted_id)
        self.browser.change(beat=beats.highlighted_id)

    def _show_beat(self, beat_id: str | None) -> None:
        detail = self.query_one("#beat-detail", Static)
        reality = self.query_one("#reality", VerticalScroll)
        reality.border_title = tr_label(self.lang, "pane.reality")
        if beat_id not in self.beats:
            detail.update("")
            return
        act, beat = self.beats[beat_id]
        out = text_in(act.title, self.lang, "bold")
        out.append("\n\n")
        out.append_text(text_in(beat.text, self.lang, "italic"))
        out.append("\n\n")
        out.append(
            f"{VERDICT_MARK[beat.verdict]} {tr(self.lang, f'verdict.{beat.verdict}')}",
            style=VERDICT_STYLE[beat.verdict],
        )
        out.append("\n")
        out.append_text(text_in(beat.why, self.lang))
        out.append("\n\n" + tr(self.lang, "script.real_events") + "\n", style="bold")
        if not beat.events:
            out.append_text(plain(tr(self.lang, "script.no_events"), "dim"))
        for event_id in beat.events:
            out.append_text(event_row(self.saga.event_by_id[event_id], self.lang, dated=True))
            out.append("\n")
        detail.update(out)

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        message.stop()
        beat_id = self.query_one("#beats", StoryList).highlighted_id
        self._show_beat(beat_id)
        self.browser.change(beat=beat_id)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self.action_open_event()

    def action_open_event(self) -> None:
        beat_id = self.query_one("#beats", StoryList).highlighted_id
        if beat_id in self.beats and self.beats[beat_id][1].events:
            first = self.beats[beat_id][1].events[0]
            self.browser.change(mode="browse", event=first)
        else:
            self.app.bell()

    def action_close(self) -> None:
        self.browser.change(mode="browse")
