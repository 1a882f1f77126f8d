"""ChatGPT's script beside what really happened: each beat, its verdict, the real events.

Opened with `s`; enter on a beat returns to the browser at the first real event it is linked to.
"""

from __future__ import annotations

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
from tui.widgets.story_list import StoryList


class ScriptScreen(Screen[str | None]):
    """The script's acts and beats on the left, the chosen beat against reality on the right."""

    CSS_PATH = "script.tcss"
    BINDINGS = bindings(SCRIPT_COMMANDS)

    def __init__(self, saga: Saga, lang: str, event_id: str, act_id: str | None = None) -> None:
        super().__init__()
        self.saga = saga
        self.lang = lang
        self.event_id = event_id
        self.start_act = act_id
        self.beats: dict[str, tuple[Act, Beat]] = {
            beat.id: (act, beat)
            for act in (saga.script.acts if saga.script else ())
            for beat in act.beats
        }

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

    def set_language(self, lang: str) -> None:
        """Follow the app's language (the highlighted beat stays)."""
        self.lang = lang
        self._render_all()

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
        linked = self.saga.acts_of_event.get(self.event_id, ())
        first = self.start_act and next(
            (
                beat.id
                for act in (script.acts if script else ())
                if act.id == self.start_act
                for beat in act.beats[:1]
            ),
            None,
        )
        keep = beats.highlighted_id or first or (linked[0][1].id if linked else None)
        beats.set_rows(rows, keep or (rows[0][0] if rows else None))
        self._show_beat(beats.highlighted_id)

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
        self._show_beat(self.query_one("#beats", StoryList).highlighted_id)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self.action_open_event()

    def action_open_event(self) -> None:
        beat_id = self.query_one("#beats", StoryList).highlighted_id
        if beat_id in self.beats and self.beats[beat_id][1].events:
            self.dismiss(self.beats[beat_id][1].events[0])
        else:
            self.app.bell()

    def action_close(self) -> None:
        self.dismiss(None)
