"""The keys measured, in the order a reader might press them, each undone by a later one.

One repeat of `browser_walk` presses every key of the browser once or more and leaves the app
as it found it (same event, language, modes, pane), so repeats are alike and keys interleave
over time instead of one key being measured only while the machine was busy. Keys that only
prepare the next measured key (focusing the cast, moving its highlight) are sent untimed.
The app is driven only through keys, the screen's pane ids (`#cast`, `#events`, fixed: they are
saved with the place) and Textual's public widget attributes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from textual.app import App

from benchmarks.frames import Sample, clear_notifications, settle, timed_key, untimed_key

LANGUAGE_CYCLE = 4
"""`l` goes en → fr → id → zh → en."""
ZONE_CYCLE = 6
"""`z` goes: no second clock, then five zones, then none again."""


class Session:
    """Measured keys of one app, by label."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.samples: dict[str, list[Sample]] = defaultdict(list)

    async def measure(self, key: str, label: str | None = None) -> None:
        sample = await timed_key(self.app, key)
        self.samples[label or key].append(sample)
        await clear_notifications(self.app)

    async def quietly(self, key: str) -> None:
        await untimed_key(self.app, key)

    async def focus(self, pane: str) -> None:
        """Focus a pane of the browser by id (tab until it is focused, if it cannot be found)."""
        for _ in range(12):
            focused = self.app.focused
            if focused is not None and focused.id == pane:
                return
            matches = self.app.screen.query(f"#{pane}")
            if matches:
                matches.first().focus()
                await settle()
            else:
                await self.quietly("tab")
        raise RuntimeError(f"cannot focus the pane '#{pane}'")

    async def move_cast_highlight(self) -> None:
        """Highlight another actor in the focused cast, so that enter follows someone new."""
        # Read by name, not through `isinstance(..., StoryList)`: importing the app's widgets
        # here would load half the app into the bare yardstick's process too (about 60 ms and
        # 2 MB that the bare app's figures then carried).
        at = getattr(self.app.focused, "highlighted", None)
        await self.quietly("down" if not at else "up")


async def browser_walk(session: Session, typed: str) -> None:
    """One repeat: every key of the browser, the script screen, search and the palette."""
    m = session.measure
    await m("right")
    await m("left")
    await m("down")
    await m("up")
    await m("space")
    await m("shift+space")
    for _ in range(LANGUAGE_CYCLE):
        await m("l")
    await m("b")
    await m("b")
    for _ in range(ZONE_CYCLE):
        await m("z")
    await m("tab")
    await m("shift+tab")
    await session.focus("cast")
    await session.move_cast_highlight()
    await m("enter", "enter (cast)")
    await session.focus("events")
    await m("p")
    await m("p")
    await m("question_mark", "?")
    await m("escape", "escape (help)")
    await m("s")
    await m("down", "down (script)")
    await m("up", "up (script)")
    await m("escape", "escape (script)")
    await m("slash", "/")
    for character in typed:
        await m(character, "search typing")
    await m("escape", "escape (search)")
    await m("ctrl+p")
    for character in typed:
        await m(character, "palette typing")
    await m("escape", "escape (palette)")


async def bare_walk(session: Session) -> None:
    """The floor: a bare Textual app updating one Static, and opening its stock palette."""
    await session.measure("right", "update a Static")
    await session.measure("ctrl+p", "open the stock palette")
    await session.measure("escape", "close the stock palette")
