"""Help (`?`): every key of the focused pane and of the app, generated from the bindings.

Nothing here is written by hand: the rows come from the live binding maps, described in the
reader's language, so the help cannot drift from what the keys do.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import describe_binding
from tui.i18n import tr
from tui.labels import tr_label


def binding_rows(nodes: list[tuple[str, DOMNode]], lang: str) -> list[tuple[str, str, str]]:
    """(group, keys, description) for the binding each key would run, as Textual resolves it:
    priority bindings from the app down, then the focused pane up to the app."""
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    order = [(group, node, True) for group, node in reversed(nodes)]
    order += [(group, node, False) for group, node in nodes]
    for group, node, priority in order:
        for key, key_bindings in node._bindings.key_to_bindings.items():
            binding: Binding = key_bindings[0]
            if key in seen or binding.system or binding.priority != priority:
                continue
            seen.add(key)
            display = binding.key_display or node.app.get_key_display(binding)
            rows.append((group, display, describe_binding(binding, lang)))
    # Shown grouped where they work, the focused pane first (the order within a group kept).
    where = [group for group, _ in nodes]
    return sorted(rows, key=lambda row: where.index(row[0]))


class HelpScreen(ModalScreen[None]):
    """A table of keys, grouped by where they work."""

    CSS_PATH = "help.tcss"
    BINDINGS = [  # noqa: RUF012
        Binding("escape,question_mark,q", "dismiss_help", "Close", id="close"),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.rows: list[tuple[str, str, str]] = []
        """(where, keys, what) as shown: the help's content, for tests and for reading."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-table")

    def on_mount(self) -> None:
        underneath = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app
        nodes: list[tuple[str, DOMNode]] = []
        focused = getattr(underneath, "focused", None)
        if focused is not None:
            nodes.append((tr(self.lang, "help.pane"), focused))
        nodes.append((tr(self.lang, "help.screen"), underneath))
        nodes.append((tr(self.lang, "help.app"), self.app))
        table = Table(box=None, expand=True, show_header=False, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        self.rows = binding_rows(nodes, self.lang)
        previous = ""
        for group, keys, description in self.rows:
            table.add_row(Text(group if group != previous else ""), Text(keys), Text(description))
            previous = group
        self.query_one("#help-table", Static).update(table)
        box = self.query_one("#help-box")
        box.border_title = tr_label(self.lang, "cmd.help")
        box.border_subtitle = tr(self.lang, "help.close")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
