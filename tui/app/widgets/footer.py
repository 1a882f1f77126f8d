"""Textual's footer, without its leak and without rebuilding keys that did not change.

Each footer key binds itself to the footer's `compact` reactive (`data_bind`), and Textual
prunes that list of watchers only when `compact` changes. Our footers are rebuilt on every
language switch and screen change while `compact` stays put, so the old keys piled up
(about 7.5 MB per walk over every key, measured by the benchmark). Pruning the closed ones
before each rebuild keeps the footer's memory flat.

Textual also rebuilds the footer whenever the bindings may have changed (every focus change,
every `refresh_bindings`), and a rebuilt footer asks for a layout of the whole screen. Most of
those times the keys shown are the same (tab between panes with the same keys, a second
language); the footer then keeps its keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen

KeysShown = tuple[tuple[str, str, str, str | None, bool, str], ...]


class SagaFooter(Footer):
    """A footer whose rebuilt keys can be freed, rebuilt only when its keys change."""

    _keys_shown: KeysShown | None = None

    @staticmethod
    def keys_shown(screen: Screen[object]) -> KeysShown:
        """What the footer shows of a screen's bindings: key, action, label, enabled, tooltip."""
        return tuple(
            (binding.key, binding.action, binding.description, binding.key_display, enabled, tip)
            for _, binding, enabled, tip in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild only when the keys shown changed (or the first time)."""
        if (
            self._keys_shown is not None
            and self.is_attached
            and screen is self.screen
            and self.keys_shown(screen) == self._keys_shown
        ):
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        # Textual keeps watchers in the object's "__watchers" mapping (reactive.py, `_watch`);
        # it drops the closed ones itself only when the watched value changes.
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        for entries in watchers.values():
            entries[:] = [
                (node, callback) for node, callback in entries if node is self or _alive(node)
            ]
        if self._bindings_ready:
            self._keys_shown = self.keys_shown(self.screen)
        yield from super().compose()


def _alive(node: object) -> bool:
    """A watcher's node that is still on screen (a removed key is closing or detached)."""
    return not getattr(node, "_closing", False) and bool(getattr(node, "is_attached", True))
