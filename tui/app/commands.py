"""Every user command defined once: its keys, action and catalogue key.

Each screen declares its table (`COMMAND_TABLE`) and its bindings are made from it; the footer,
the help screen (from the live bindings) and the command palette (from the same tables) follow,
so a key cannot be documented in one place and bound differently in another. Descriptions are
catalogue keys (`cmd.<id>`): `localize_bindings` swaps them into the bindings when the language
changes, since Textual bindings are static.

To add a command: a row in the table of the screen where it works (or APP_COMMANDS for
everywhere), an `action_...` method there, and `cmd.<id>` in every catalogue.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from tui.locale.i18n import tr


@dataclass(frozen=True, slots=True)
class Command:
    """One user command."""

    id: str
    keys: str
    action: str
    show: bool = True
    priority: bool = False
    key_display: str | None = None
    palette: bool = True
    """Offered in the command palette (not for keys that only make sense in a list)."""
    narrow: bool = True
    """Kept in the footer of a narrow terminal (< 100 columns), where not every key fits."""


APP_COMMANDS = (
    Command("quit", "q", "quit", priority=False),
    Command("help", "question_mark", "help", key_display="?"),
    Command("language", "l", "next_language"),
    Command("welcome", "i", "show_welcome", show=False),
    Command("presenter", "p", "toggle_presenter", narrow=False),
    # Shown as an ordinary footer key: Textual's docked palette key crops wide characters.
    Command(
        "palette",
        "ctrl+p",
        "command_palette",
        priority=True,
        key_display="^p",
        palette=False,
        narrow=False,
    ),
)

BROWSER_COMMANDS = (
    Command("next_day", "right", "step_day(1)", key_display="→", priority=True),
    Command("previous_day", "left", "step_day(-1)", key_display="←", show=False, priority=True),
    Command("next_event", "down", "step_event(1)", show=False, palette=False),
    Command("previous_event", "up", "step_event(-1)", show=False, palette=False),
    Command("next_in_story", "space", "step_story(1)", show=False),
    Command("previous_in_story", "shift+space", "step_story(-1)", show=False),
    Command("first_day", "home", "edge_day(0)", show=False, priority=True),
    Command("last_day", "end", "edge_day(-1)", show=False, priority=True),
    Command("script", "s", "open_script"),
    Command("search", "slash", "search", key_display="/"),
    Command("next_hit", "n", "step_hit(1)", show=False),
    Command("previous_hit", "N", "step_hit(-1)", show=False),
    Command("bilingual", "b", "toggle_bilingual", narrow=False),
    Command("second_language", "B", "next_second_language", show=False),
    Command("zone", "z", "next_zone", show=False),
    Command("quiz", "Q", "open_quiz", show=False),
    Command("lower_pane", "c", "toggle_lower_pane", show=False),
)

PRESENTER_COMMANDS = (
    # `space` is "next in story" in the browser; `k` pauses as in most video players.
    Command("pause", "k", "toggle_pause", priority=True, narrow=False),
)
"""Keys of presenter mode's view (tui/widgets/presenter.py)."""

SCRIPT_COMMANDS = (
    Command("close", "escape,s", "close", key_display="esc"),
    # A priority binding: the beats list's own enter (select) would otherwise hide it from the
    # footer, and a reader would not learn that enter opens the real event.
    Command("open_beat_event", "enter", "open_event", priority=True),
    Command("endings", "e", "toggle_endings"),
)

QUIZ_COMMANDS = (
    Command("close", "escape,Q", "close", key_display="esc"),
    Command("reveal", "space,r", "reveal", key_display="space"),
    Command("open_quiz_event", "enter", "open_event"),
    # Left out of a narrow footer: the quiz's own hint line says "← →: other questions".
    Command("previous_question", "left,N", "step_question(-1)", key_display="←", narrow=False),
    Command("next_question", "right,n", "step_question(1)", key_display="→", narrow=False),
)

HELP_COMMANDS = (Command("close", "escape,question_mark,q", "dismiss_help", key_display="esc"),)

SEARCH_COMMANDS = (
    Command("cancel", "escape", "cancel"),
    Command("results", "down", "focus_results", show=False, palette=False),
)


COMMANDS_BY_ID = {
    command.id: command
    for table in (
        APP_COMMANDS,
        BROWSER_COMMANDS,
        SCRIPT_COMMANDS,
        QUIZ_COMMANDS,
        HELP_COMMANDS,
        SEARCH_COMMANDS,
        PRESENTER_COMMANDS,
    )
    for command in table
}
"""Every command by id (a binding carries its command's id)."""


def bindings(commands: tuple[Command, ...]) -> list[BindingType]:
    """Textual bindings for a table of commands (English descriptions until localized)."""
    return [
        Binding(
            command.keys,
            command.action,
            tr("en", f"cmd.{command.id}"),
            show=command.show,
            key_display=command.key_display,
            priority=command.priority,
            id=command.id,
        )
        for command in commands
    ]


def localize_bindings(node: DOMNode, lang: str, *, narrow: bool = False) -> None:
    """Rewrite the descriptions of `node`'s bindings in `lang`, and which of them the footer
    shows (fewer in a `narrow` terminal, so it is never cut mid-word), then refresh the footer.

    Bindings are class-level and static in Textual; each node holds its own copy of the map
    (`_bindings`), which is the only place a description can change at run time.
    """
    table = node._bindings.key_to_bindings
    for key, key_bindings in table.items():
        table[key] = [_localized(binding, lang, narrow) for binding in key_bindings]
    node.refresh_bindings()


def fit_footer(screen: Screen[Any], lang: str) -> None:
    """A screen's keys in `lang`, and a footer with only the keys that fit: compact and fewer
    under 100 columns (the browser's, the script's and the quiz's alike)."""
    from tui.app.widgets.key_bar import KeyBar

    narrow = screen.app.size.width < 100
    localize_bindings(screen, lang, narrow=narrow)
    for bar in screen.query(KeyBar):
        bar.compact = narrow


def _localized(binding: Binding, lang: str, narrow: bool) -> Binding:
    command = COMMANDS_BY_ID.get(binding.id or "")
    if command is None:
        return binding
    show = command.show and (command.narrow or not narrow)
    return dataclasses.replace(binding, description=tr(lang, f"cmd.{command.id}"), show=show)


def describe_binding(binding: Binding, lang: str) -> str:
    """A binding's description in `lang`: ours from the catalogue, Textual's by action."""
    if binding.id:
        return tr(lang, f"cmd.{binding.id}")
    generic = f"action.{binding.action.split('(')[0].split('.')[-1]}"
    translated = tr(lang, generic)
    return binding.description if translated == generic else translated
