"""The labels of the keys measured, in table order (kept free of Textual: the parent process
that orchestrates the measurements stays small and never imports the app's libraries)."""

from __future__ import annotations

BROWSER_KEYS = (
    "right",
    "left",
    "down",
    "up",
    "space",
    "shift+space",
    "l",
    "b",
    "z",
    "tab",
    "shift+tab",
    "enter (cast)",
    "p",
    "?",
    "escape (help)",
    "s",
    "down (script)",
    "up (script)",
    "escape (script)",
    "/",
    "search typing",
    "escape (search)",
    "ctrl+p",
    "palette typing",
    "escape (palette)",
)
"""Every label `walk.browser_walk` measures."""
BARE_KEYS = ("update a Static", "open the stock palette", "close the stock palette")
"""Every label `walk.bare_walk` measures."""
