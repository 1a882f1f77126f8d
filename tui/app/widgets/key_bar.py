"""The keys of the screen on one line at the bottom: Textual's footer, drawn as one widget.

Textual's `Footer` is a row of one widget per key, and it rebuilds all of them (a recompose, then
a layout of the whole screen) whenever the keys may have changed. A language switch relabels
every key, so each `l` mounted a dozen widgets and laid the screen out again: about a third of
the key's cost (benchmarks/README.md). Here the keys are one line of text in a box of fixed
size, so new keys or new labels are a repaint of this line alone.

It looks and behaves like Textual's footer (same theme variables, same spacing, compact under
100 columns): a click presses the key, a disabled key rings the bell, the key under the mouse is
highlighted. Looks come from `saga_app.tcss` (`key-bar--key`, `key-bar--description`,
`key-bar--hover`, `key-bar--disabled`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class ShownKey:
    """One key as the bar shows it, and the cells it takes (for clicks and tests)."""

    key: str
    """The key pressed when it is clicked ("right", "ctrl+p")."""
    key_display: str
    """How the key is written ("→", "^p")."""
    description: str
    enabled: bool
    start: int
    """The first cell of the key on the line."""
    end: int
    """The cell after its last one."""


KeysShown = tuple[tuple[str, str, str, bool], ...]
"""Key, how it is written, description, enabled: what the line is drawn from."""


class KeyBar(Widget, can_focus=False):
    """The screen's keys that have `show=True`, one per action, on one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--disabled",
    }

    compact = reactive(False, toggle_class="-compact")
    """Less space around each key (a terminal under 100 columns): Textual's compact footer."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._keys: KeysShown = ()
        self._hover: str | None = None

    # The keys --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's keys may have changed (focus, a language, a mode): repaint if they did."""
        if screen is not self.screen:
            return
        keys = self.keys_of(screen)
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def keys_of(self, screen: Screen[object]) -> KeysShown:
        """What the bar shows of a screen's bindings: the first shown binding of each action."""
        shown: dict[str, tuple[str, str, str, bool]] = {}
        for _, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    enabled,
                )
        return tuple(shown.values())

    @property
    def shown(self) -> list[ShownKey]:
        """The keys on the line, left to right, with the cells each takes."""
        keys, cell = [], 0
        for key, display, description, enabled in self._keys:
            width = self._item_width(display, description)
            keys.append(ShownKey(key, display, description, enabled, cell, cell + width))
            cell += width + self._gap
        return keys

    # Drawing ---------------------------------------------------------------------------------

    @property
    def _gap(self) -> int:
        """Cells between two keys (Textual's compact footer keys have a margin of one)."""
        return 1 if self.compact else 0

    def _parts(self, display: str, description: str) -> tuple[str, str]:
        """The key's cells and the description's, padded as Textual's footer pads them."""
        if self.compact:
            return display, f" {description}" if description else ""
        return f" {display} ", f"{description} " if description else ""

    def _item_width(self, display: str, description: str) -> int:
        key, label = self._parts(display, description)
        return Text(key + label).cell_len

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="crop", end="")
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        hover = self.get_component_rich_style("key-bar--hover", partial=True)
        disabled = self.get_component_rich_style("key-bar--disabled", partial=True)
        for index, (key, display, description, enabled) in enumerate(self._keys):
            if index and self._gap:
                line.append(" " * self._gap)
            item = Style(meta={"key": key})
            if key == self._hover:
                item = hover + item
            off = Style() if enabled else disabled
            key_cells, label_cells = self._parts(display, description)
            line.append(key_cells, style=item + key_style + off)
            line.append(label_cells, style=item + description_style + off)
        return line

    # The mouse -------------------------------------------------------------------------------

    def _key_at(self, event: events.MouseEvent) -> str | None:
        key = event.style.meta.get("key")
        return key if isinstance(key, str) else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click presses the key, as on Textual's footer (a disabled key rings the bell)."""
        key = self._key_at(event)
        if key is None:
            return
        enabled = next((entry[3] for entry in self._keys if entry[0] == key), False)
        if enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event)
        if key != self._hover:
            self._hover = key
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
