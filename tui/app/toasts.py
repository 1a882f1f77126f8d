"""Toasts that are gone leave nothing behind.

Textual (8.2.8) wraps each toast in a `ToastHolder`. When a notification leaves the app's list
before its toast's own timer removes the holder (notifications cleared, or expired and reaped
when the next one arrives), `ToastRack.show` removes the toast but leaves its holder mounted in
the rack, empty, for as long as the screen lives: over a walk of every key the browser's rack
held one more empty holder (a widget with its styles and caches) every few keys. This removes
the holders of notifications that are gone before Textual's rack looks at them.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets._toast import Toast, ToastHolder


def remove_stale_toasts(app: App[Any]) -> None:
    """Remove, on every screen, the toast holders whose notification is no longer shown."""
    shown = app._notifications
    for screen in app.screen_stack:
        for holder in screen.query(ToastHolder):
            toasts = list(holder.query_children(Toast))
            if all(toast._notification not in shown for toast in toasts):
                holder.remove()
