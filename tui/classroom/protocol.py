"""What the hub and the apps say to each other: small JSON objects, each checked on arrival.

Every message is one JSON object with a "type". Anything else (not JSON, too long, an unknown
type, a field of the wrong type) is a `ProtocolError`, never an exception further in: the hub
and the client both read messages that come over a network.

    app -> hub   hello {role, token?}   the first message: "follow", "notes" or "lead"
    lead -> hub  select {selection}     the teacher's moment
                 clock {interval, remaining, paused}   the teacher's presenter countdown
                 release | recall       let the students browse / bring them back
    hub -> app   welcome {role, following}   after hello; then the latest selection and clock
                 selection {selection}  the class's moment
                 clock {...}            as sent by the teacher
                 following {following}  released (false) or called back (true)
                 students {count}       to the teacher: how many follow
                 refused {reason}       a message or a connection the hub does not accept
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from tui.view.selection import Selection, SelectionError

MAX_MESSAGE_BYTES = 8192
"""The longest message either side reads (a selection is at most 4 KiB of JSON)."""
MAX_TOKEN_CHARS = 256
MAX_REASON_CHARS = 300
MAX_SECONDS = 86_400.0

Role = Literal["follow", "notes", "lead"]
ROLES: tuple[Role, ...] = ("follow", "notes", "lead")


class ProtocolError(ValueError):
    """A message that is not one of ours."""


@dataclass(frozen=True, slots=True)
class Hello:
    role: Role
    token: str = ""


@dataclass(frozen=True, slots=True)
class Select:
    selection: Selection


@dataclass(frozen=True, slots=True)
class Clock:
    """The teacher's countdown: seconds per event (None: no auto-advance), seconds left."""

    interval: float | None
    remaining: float | None
    paused: bool


@dataclass(frozen=True, slots=True)
class Release:
    pass


@dataclass(frozen=True, slots=True)
class Recall:
    pass


@dataclass(frozen=True, slots=True)
class Welcome:
    role: Role
    following: bool


@dataclass(frozen=True, slots=True)
class SelectionIs:
    selection: Selection


@dataclass(frozen=True, slots=True)
class Following:
    following: bool


@dataclass(frozen=True, slots=True)
class Students:
    count: int


@dataclass(frozen=True, slots=True)
class Refused:
    reason: str


Message = (
    Hello
    | Select
    | Clock
    | Release
    | Recall
    | Welcome
    | SelectionIs
    | Following
    | Students
    | Refused
)
FROM_LEADER = (Select, Clock, Release, Recall)
"""What only a leader may send (after its hello)."""


def encode(message: Message) -> str:
    """One message as compact JSON (the token is only ever in a hello)."""
    return json.dumps(_as_dict(message), ensure_ascii=False, separators=(",", ":"))


def _as_dict(message: Message) -> dict[str, object]:
    match message:
        case Hello(role, token):
            return {"type": "hello", "role": role, "token": token}
        case Select(selection):
            return {"type": "select", "selection": selection.to_dict()}
        case Clock(interval, remaining, paused):
            return {"type": "clock", "interval": interval, "remaining": remaining, "paused": paused}
        case Release():
            return {"type": "release"}
        case Recall():
            return {"type": "recall"}
        case Welcome(role, following):
            return {"type": "welcome", "role": role, "following": following}
        case SelectionIs(selection):
            return {"type": "selection", "selection": selection.to_dict()}
        case Following(following):
            return {"type": "following", "following": following}
        case Students(count):
            return {"type": "students", "count": count}
        case Refused(reason):
            return {"type": "refused", "reason": reason}
    raise TypeError(f"not a message: {message!r}")  # pragma: no cover


def decode(text: str | bytes) -> Message:
    """A message from JSON, its shape checked; raises ProtocolError otherwise."""
    if len(text) > MAX_MESSAGE_BYTES:
        raise ProtocolError("message too long")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ProtocolError("not JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("a message is a JSON object")
    kind = data.get("type")
    reader = _READERS.get(kind) if isinstance(kind, str) else None
    if reader is None:
        raise ProtocolError("unknown message type")
    try:
        return reader(data)
    except SelectionError as error:
        raise ProtocolError(f"bad selection: {error}") from None


def _text(data: Mapping[str, object], name: str, limit: int) -> str:
    value = data.get(name, "")
    if not isinstance(value, str) or len(value) > limit:
        raise ProtocolError(f"'{name}' must be text of at most {limit} characters")
    return value


def _flag(data: Mapping[str, object], name: str) -> bool:
    value = data.get(name)
    if not isinstance(value, bool):
        raise ProtocolError(f"'{name}' must be true or false")
    return value


def _seconds(data: Mapping[str, object], name: str) -> float | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProtocolError(f"'{name}' must be a number of seconds")
    if not math.isfinite(value) or not 0 <= value <= MAX_SECONDS:
        raise ProtocolError(f"'{name}' is out of range")
    return float(value)


def _selection(data: Mapping[str, object]) -> Selection:
    value = data.get("selection")
    if not isinstance(value, dict):
        raise ProtocolError("'selection' must be an object")
    return Selection.from_dict(value)


def _hello(data: Mapping[str, object]) -> Message:
    role = data.get("role")
    if role not in ROLES:
        raise ProtocolError(f"'role' must be one of {', '.join(ROLES)}")
    return Hello(role, _text(data, "token", MAX_TOKEN_CHARS))


def _welcome(data: Mapping[str, object]) -> Message:
    role = data.get("role")
    if role not in ROLES:
        raise ProtocolError(f"'role' must be one of {', '.join(ROLES)}")
    return Welcome(role, _flag(data, "following"))


def _students(data: Mapping[str, object]) -> Message:
    count = data.get("count")
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 1_000_000:
        raise ProtocolError("'count' must be a count")
    return Students(count)


_READERS: dict[str, Callable[[Mapping[str, object]], Message]] = {
    "hello": _hello,
    "select": lambda data: Select(_selection(data)),
    "clock": lambda data: Clock(
        _seconds(data, "interval"), _seconds(data, "remaining"), _flag(data, "paused")
    ),
    "release": lambda data: Release(),
    "recall": lambda data: Recall(),
    "welcome": _welcome,
    "selection": lambda data: SelectionIs(_selection(data)),
    "following": lambda data: Following(_flag(data, "following")),
    "students": _students,
    "refused": lambda data: Refused(_text(data, "reason", MAX_REASON_CHARS)),
}
