"""The script screen's text: the legend of verdicts, the beats' rows, the endings side by side.

Rich text for `tui.app.screens.script`, built from the same beat views as the event pane and
the handouts (`tui.view.event_view`), so a beat reads the same everywhere.
"""

from __future__ import annotations

from rich.text import Text

from story import Saga
from story.model import Act, Beat, Script
from tui.locale.i18n import tr
from tui.view.colours import SIGNALS
from tui.view.event_view import beat_view
from tui.view.render import shown_text, text_in
from tui.view.safe import plain
from tui.view.script import act_label, departure, tally_heading, tally_items
from tui.view.verdicts import VERDICT_MARK, VERDICT_STYLE


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


def ending_text(saga: Saga, act: Act, lang: str) -> Text:
    """One ending: its beats with their verdict and why, the first departure from what
    happened flagged."""
    out = Text(end="")
    out.append_text(text_in(act.title, lang, "bold underline"))
    parting = departure(act)
    for beat in act.beats:
        view = beat_view(saga, act, beat, lang)
        out.append("\n\n")
        if beat is parting:
            out.append(tr(lang, "script.parts_here") + "\n", style=f"bold {SIGNALS['note']}")
        out.append(f"{VERDICT_MARK[view.verdict]} ", style=VERDICT_STYLE[view.verdict])
        out.append_text(shown_text(view.text, "italic"))
        out.append("\n  ")
        out.append(verdict_label(beat, lang) + " ", style=VERDICT_STYLE[view.verdict])
        out.append_text(shown_text(view.why))
    if parting is None:
        out.append("\n\n" + tr(lang, "script.never_parts"), style="dim")
    return out
