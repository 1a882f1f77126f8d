"""The events one browsing key away from the one on screen: what is worth drawing ahead.

`space` / `shift+space` (and `down` / `up` inside a day) go to the next or previous event of the
story, `right` / `left` to the first event of the next or previous day. Drawing those while the
reader reads makes the key that follows a matter of showing lines already drawn.
"""

from __future__ import annotations

from story import Saga


def one_key_away(saga: Saga, event_id: str) -> list[str]:
    """Event ids one key away from `event_id`, likeliest first (forward before back), each once,
    never `event_id` itself; [] for an unknown id."""
    day_id = saga.day_of_event.get(event_id)
    if day_id is None:
        return []
    found: list[str] = []
    day_index = saga.day_index(day_id)
    for step in (1, -1):
        in_story = saga.next_event(event_id, step)
        if in_story is not None:
            found.append(in_story.id)
        index = day_index + step
        if 0 <= index < len(saga.days):
            found.append(saga.days[index].events[0].id)
    return [found_id for found_id in dict.fromkeys(found) if found_id != event_id]
