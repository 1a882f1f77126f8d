"""What panes tell the screen ("messages up"); the screen owns the selection.

Picks are coalesced (`can_replace`): holding a key down sends many, only the last one matters.
"""

from __future__ import annotations

from textual.message import Message


class EventPicked(Message):
    """The user picked an event (in the events list, the arc, search or the script)."""

    def __init__(self, event_id: str) -> None:
        self.event_id = event_id
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, EventPicked)


class DayPicked(Message):
    """The user picked a day on the strip."""

    def __init__(self, day_id: str) -> None:
        self.day_id = day_id
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, DayPicked)


class ActorFollowed(Message):
    """The user asked to follow an actor's arc."""

    def __init__(self, actor_id: str) -> None:
        self.actor_id = actor_id
        super().__init__()
