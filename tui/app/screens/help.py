"""Help (`?`): every key of the focused pane and of the app, generated from the bindings.

Nothing here is written by hand: the rows come from the live binding maps, described in the
reader's language, so the help cannot drift from what the keys do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.app.commands import HELP_COMMANDS, bindings, describe_binding, localize_bindings
from tui.app.labels import tr_label
from tui.locale.i18n import tr
from tui.view.selection import Selection

if TYPE_CHECKING:
    from tui.app.screens.browser import BrowserScreen


def binding_rows(screen: Screen[Any], lang: str) -> list[tuple[str, str, str]]:
    """(group, keys, description) for every key of `screen`, as Textual resolves it
    (`active_bindings`: the focused pane up to the app, priority bindings first), grouped by
    where the binding lives: the focused pane, the screen, or the app (everywhere)."""
    app = screen.app
    groups = {"pane": tr(lang, "help.pane"), "screen": tr(lang, "help.screen")}
    groups["app"] = tr(lang, "help.app")
    rows: list[tuple[str, bool, str, str]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system:
            continue
        where = "app" if active.node is app else "screen" if active.node is screen else "pane"
        display = binding.key_display or app.get_key_display(binding)
        rows.append((where, not binding.priority, display, describe_binding(binding, lang)))
    order = list(groups)
    # Stable: within a group, priority keys first, then the bindings' own order.
    rows.sort(key=lambda row: (order.index(row[0]), row[1]))
    return [(groups[where], keys, what) for where, _, keys, what in rows]


class HelpScreen(ModalScreen[None]):
    """A table of keys, grouped by where they work."""

    CSS_PATH = "help.tcss"
    COMMAND_TABLE = HELP_COMMANDS
    BINDINGS = bindings(COMMAND_TABLE)

    def __init__(self, browser: BrowserScreen) -> None:
        super().__init__()
        self.browser = browser
        """The screen whose selection holds the language."""
        self.rows: list[tuple[str, str, str]] = []
        """(where, keys, what) as shown: the help's content, for tests and for reading."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-table")

    @property
    def lang(self) -> str:
        """The reader's language (the selection's)."""
        return self.browser.selection.lang

    def on_mount(self) -> None:
        self._render_help()
        self.watch(self.browser, "selection", self._follow, init=False)

    def _follow(self, old: Selection, new: Selection) -> None:
        if old.lang != new.lang:
            self._render_help()

    def _render_help(self) -> None:
        localize_bindings(self, self.lang)
        stack = self.app.screen_stack
        underneath = stack[stack.index(self) - 1] if stack.index(self) > 0 else self.browser
        table = Table(box=None, expand=True, show_header=False, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        self.rows = binding_rows(underneath, self.lang)
        previous = ""
        for group, keys, description in self.rows:
            table.add_row(Text(group if group != previous else ""), Text(keys), Text(description))
            previous = group
        self.query_one("#help-table", Static).update(table)
        box = self.query_one("#help-box")
        box.border_title = tr_label(self.lang, "cmd.help")
        box.border_subtitle = tr(self.lang, "help.close")

    def action_dismiss_help(self) -> None:
        if self.is_active:  # twice in one frame would pop the screen underneath
            self.dismiss(None)
