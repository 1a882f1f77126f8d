"""One colour per actor, the same in every pane, so a reader tracks a person by colour.

Colours come from a fixed palette in the order actors are declared, so they are stable across
runs and languages. With NO_COLOR set, Textual drops colour and names stay readable.

Every colour here reads at 4.5:1 or more (WCAG AA) on the default theme's background and on
the list cursors, focused or not (tests/test_contrast.py), so a projector does not wash it out.
"""

from __future__ import annotations

from functools import cache

from story import Saga

PALETTE = (
    "#e6a23c",
    "#409eff",
    "#67c23a",
    "#f56c6c",
    "#b37feb",
    "#36cfc9",
    "#ff85c0",
    "#d4b106",
    "#5cdbd3",
    "#ff9c6e",
    "#95de64",
    "#adc6ff",
)


UNKNOWN_ACTOR = "#a0a0a0"
"""For an id the story does not know (was #8c8c8c: 4.05:1 on the focused cursor)."""

SIGNALS = {
    "happened": "#98e024",
    "partly": "#fd971f",
    "did-not-happen": "#ff7a7a",
    "note": "#e08cff",
    "elsewhere": "#58d1eb",
    "outside": "#fd971f",
}
"""Colours that mean something: a script beat's verdict, a note's mark, the time elsewhere,
an outside source. Named Rich colours ("red", "magenta") are drawn from Textual's ANSI theme,
whose red and magenta (#f4005f) reach only 3.3-4.5:1; the others keep the look they had."""


@cache
def _order(saga: Saga) -> dict[str, int]:
    return {actor: index for index, actor in enumerate(saga.actors)}


def actor_colour(saga: Saga, actor_id: str) -> str:
    """The actor's colour (grey for ids the story does not know)."""
    index = _order(saga).get(actor_id)
    return UNKNOWN_ACTOR if index is None else PALETTE[index % len(PALETTE)]
