"""ChatGPT's script beside what really happened: each beat, its verdict, the real events.

Opened with `s`; enter on a beat returns to the browser at the first real event it is linked to.
It teaches as well as shows: acts are numbered, a legend under the title explains ✔ ◐ ✘ and
counts them, and `e` sets the two endings side by side with where each parts from what
happened.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from story import Saga
from story.model import Act, Beat, Script
from tui.commands import SCRIPT_COMMANDS, bindings, localize_bindings
from tui.i18n import tr
from tui.render import VERDICT_MARK, VERDICT_STYLE, event_row, text_in
from tui.safe import plain
from tui.script_view import act_label, departure, endings, tally_heading, tally_items
from tui.widgets.story_list import StoryList


def legend(script: Script, lang: str) -> Text:
    """One line that explains the marks and counts them: "ChatGPT's 20 beats: ✔ Happened: 3 …"."""
    line = Text(end="")
    line.append(tally_heading(script, lang) + " ", style="bold")
    for index, (verdict, item) in enumerate(tally_items(script, lang)):
        if index:
            line.append("  ·  ", style="dim")
        line.append(item, style=VERDICT_STYLE[verdict])
    return line


def beat_rows(script: Script, lang: str) -> list[tuple[str, Text]]:
    """The list's rows: each beat with its mark, under its act's numbered title."""
    rows: list[tuple[str, Text]] = []
    for act in script.acts:
        for index, beat in enumerate(act.beats):
            row = Text(end="")
            if index == 0:
                row.append_text(plain(act_label(script, act, lang), "bold underline"))
                row.append("\n")
            row.append(f"{VERDICT_MARK[beat.verdict]} ", style=VERDICT_STYLE[beat.verdict])
            row.append_text(text_in(beat.text, lang))
            rows.append((beat.id, row))
    return rows


def verdict_label(beat: Beat, lang: str) -> str:
    """ "Partly:" in the reader's language (French puts a space before the colon)."""
    return tr(lang, "script.verdict_label", verdict=tr(lang, f"verdict.{beat.verdict}"))


def ending_text(act: Act, lang: str) -> Text:
    """One ending: its beats with their verdict and why, the first departure from what
    happened flagged."""
    out = Text(end="")
    out.append_text(text_in(act.title, lang, "bold underline"))
    parting = departure(act)
    for beat in act.beats:
        out.append("\n\n")
        if beat is parting:
            out.append(tr(lang, "script.parts_here") + "\n", style="bold magenta")
        out.append(f"{VERDICT_MARK[beat.verdict]} ", style=VERDICT_STYLE[beat.verdict])
        out.append_text(text_in(beat.text, lang, "italic"))
        out.append("\n  ")
        out.append(verdict_label(beat, lang) + " ", style=VERDICT_STYLE[beat.verdict])
        out.append_text(text_in(beat.why, lang))
    if parting is None:
        out.append("\n\n" + tr(lang, "script.never_parts"), style="dim")
    return out


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
        self.endings: tuple[Act, ...] = endings(saga.script) if saga.script else ()

    def compose(self) -> ComposeResult:
        yield Static(id="script-title", markup=False)
        yield Static(id="script-legend", markup=False)
        with Horizontal(id="script-panes"):
            yield StoryList(id="beats")
            with VerticalScroll(id="reality"):
                yield Static(id="beat-detail", markup=False)
        with Horizontal(id="endings"):
            for index, _ in enumerate(self.endings):
                with VerticalScroll(classes="ending"):
                    yield Static(id=f"ending-{index}", markup=False)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._render_all()
        self.query_one("#beats").focus()

    @property
    def showing_endings(self) -> bool:
        """Whether the endings are shown side by side (instead of the beats)."""
        return self.has_class("-endings")

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
            self.query_one("#script-legend", Static).update(legend(script, self.lang))
        else:
            header.append(tr(self.lang, "script.none"))
        self.query_one("#script-title", Static).update(header)
        beats = self.query_one("#beats", StoryList)
        beats.border_title = tr(self.lang, "pane.script")
        rows = beat_rows(script, self.lang) if script is not None else []
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
        for index, act in enumerate(self.endings):
            self.query_one(f"#ending-{index}", Static).update(ending_text(act, self.lang))

    def _show_beat(self, beat_id: str | None) -> None:
        detail = self.query_one("#beat-detail", Static)
        reality = self.query_one("#reality", VerticalScroll)
        reality.border_title = tr(self.lang, "pane.reality")
        script = self.saga.script
        if beat_id not in self.beats or script is None:
            detail.update("")
            return
        act, beat = self.beats[beat_id]
        out = Text(end="")
        out.append(act_label(script, act, self.lang), style="bold")
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
        if act.kind == "ending" and len(self.endings) > 1:
            out.append("\n" + tr(self.lang, "script.endings_hint"), style="dim italic")
        detail.update(out)

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        message.stop()
        self._show_beat(self.query_one("#beats", StoryList).highlighted_id)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        self.action_open_event()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With the endings side by side there is no highlighted beat to open: enter is shown
        disabled."""
        if action == "open_event" and self.showing_endings:
            return None
        return True

    def action_open_event(self) -> None:
        beat_id = self.query_one("#beats", StoryList).highlighted_id
        if beat_id in self.beats and self.beats[beat_id][1].events:
            self.dismiss(self.beats[beat_id][1].events[0])
        else:
            self.app.bell()

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
        self.dismiss(None)
