"""One colour per actor, the same in every pane, so a reader tracks a person by colour.

Colours come from a fixed palette in the order actors are declared, so they are stable across
runs and languages. With NO_COLOR set, Textual drops colour and names stay readable.
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


@cache
def _order(saga: Saga) -> dict[str, int]:
    return {actor: index for index, actor in enumerate(saga.actors)}


def actor_colour(saga: Saga, actor_id: str) -> str:
    """The actor's colour (grey for ids the story does not know)."""
    index = _order(saga).get(actor_id)
    return "#8c8c8c" if index is None else PALETTE[index % len(PALETTE)]
