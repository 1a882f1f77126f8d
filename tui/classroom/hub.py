"""The class hub: one WebSocket route in the `serve --class` process.

It keeps the class's latest selection and the teacher's countdown, passes every move of a
leader to everyone else, and holds whether the students follow or browse freely. Leaders are
the connections that said hello with the token (compared in constant time); students cannot
send anything but their hello. Connections are capped, messages are small and checked, and a
client that stalls is dropped rather than allowed to slow the class down.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from dataclasses import dataclass, field

from aiohttp import WSMsgType, web

from tui.classroom.protocol import (
    FROM_LEADER,
    MAX_MESSAGE_BYTES,
    Clock,
    Following,
    Hello,
    Message,
    ProtocolError,
    Recall,
    Refused,
    Release,
    Role,
    Select,
    SelectionIs,
    Students,
    Welcome,
    decode,
    encode,
)
from tui.view.selection import Selection

log = logging.getLogger("openai-saga.classroom")

HELLO_TIMEOUT = 5.0
"""Seconds a connection has to say who it is."""
SEND_TIMEOUT = 2.0
"""A client that takes longer than this to take a message is dropped."""
MAX_LEADERS = 8
MAX_REFUSALS = 20
"""Refused messages a connection may send before it is closed."""
MAX_NOTES = 8


@dataclass
class ClassHub:
    """The class's shared state and its connections."""

    token: str
    """The teacher's secret (never sent to anyone)."""
    max_students: int = 40
    selection: Selection | None = None
    """The teacher's latest moment (in the teacher's language; each app uses its own)."""
    clock: Clock | None = None
    following: bool = True
    """False while the teacher has released the students to browse freely."""
    members: dict[web.WebSocketResponse, Role] = field(default_factory=dict)

    def count(self, role: Role) -> int:
        return sum(1 for member_role in self.members.values() if member_role == role)

    @property
    def students(self) -> int:
        return self.count("follow")

    def is_token(self, token: str) -> bool:
        """Whether `token` is the teacher's (constant time: no guessing it letter by letter)."""
        return hmac.compare_digest(token.encode("utf-8"), self.token.encode("utf-8"))

    # The route ---------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """One app's connection, from its hello to its close."""
        socket = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_MESSAGE_BYTES)
        await socket.prepare(request)
        role = await self._greet(socket)
        if role is None:
            await socket.close()
            return socket
        self.members[socket] = role
        try:
            await self._welcome(socket, role)
            await self._listen(socket, role)
        finally:
            self.members.pop(socket, None)
            if role == "follow":
                await self._tell_leaders()
        return socket

    async def _greet(self, socket: web.WebSocketResponse) -> Role | None:
        """Read the hello; refuse a wrong token or a full class (with a reason the app shows)."""
        try:
            message = await socket.receive(timeout=HELLO_TIMEOUT)
        except TimeoutError:
            await self._send(socket, Refused("no hello"))
            return None
        hello = self._read(message)
        if not isinstance(hello, Hello):
            await self._send(socket, Refused("say hello first"))
            return None
        if hello.role == "lead":
            if not self.is_token(hello.token):
                log.warning("a connection tried to lead with a wrong token")
                await self._send(socket, Refused("wrong token: only the teacher can lead"))
                return None
            if self.count("lead") >= MAX_LEADERS:
                await self._send(socket, Refused(f"at most {MAX_LEADERS} teacher connections"))
                return None
        elif hello.role == "follow" and self.students >= self.max_students:
            await self._send(
                socket,
                Refused(f"the class is full ({self.max_students} students): ask the teacher"),
            )
            return None
        elif hello.role == "notes" and self.count("notes") >= MAX_NOTES:
            await self._send(socket, Refused(f"at most {MAX_NOTES} notes views"))
            return None
        return hello.role

    async def _welcome(self, socket: web.WebSocketResponse, role: Role) -> None:
        await self._send(socket, Welcome(role, self.following))
        if self.selection is not None:
            await self._send(socket, SelectionIs(self.selection))
        if self.clock is not None:
            await self._send(socket, self.clock)
        if role == "follow":
            await self._tell_leaders()
        else:
            await self._send(socket, Students(self.students))

    async def _listen(self, socket: web.WebSocketResponse, role: Role) -> None:
        refusals = 0
        async for raw in socket:
            message = self._read(raw)
            if message is None:
                if raw.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.ERROR):
                    return
                reason = "not a message"
            elif role != "lead":
                reason = "only the teacher moves the class"
            elif isinstance(message, FROM_LEADER):
                await self.lead(message, socket)
                continue
            else:
                reason = "not a teacher's message"
            refusals += 1
            if refusals > MAX_REFUSALS:
                return  # a client that keeps sending what it may not is let go
            await self._send(socket, Refused(reason))

    # What a leader does ----------------------------------------------------------------------

    async def lead(self, message: Message, sender: web.WebSocketResponse | None = None) -> None:
        """Apply a leader's message to the class and pass it on to everyone else."""
        out: Message
        if isinstance(message, Select):
            self.selection = message.selection
            out = SelectionIs(message.selection)
        elif isinstance(message, Clock):
            self.clock = message
            out = message
        elif isinstance(message, Release | Recall):
            self.following = isinstance(message, Recall)
            out = Following(self.following)
        else:  # pragma: no cover - filtered by the caller
            return
        await self._broadcast(out, but=sender)
        if isinstance(out, Following) and sender is not None:
            await self._send(sender, out)  # the teacher's app shows the state too

    # Sending -----------------------------------------------------------------------------------

    def _read(self, raw: object) -> Message | None:
        data = getattr(raw, "data", None)
        if getattr(raw, "type", None) != WSMsgType.TEXT or not isinstance(data, str):
            return None
        try:
            return decode(data)
        except ProtocolError:
            return None

    async def _tell_leaders(self) -> None:
        """The number of students, to the teacher's apps and notes views."""
        count = Students(self.students)
        leaders = [socket for socket, role in self.members.items() if role != "follow"]
        await asyncio.gather(*(self._send(socket, count) for socket in leaders))

    async def _broadcast(self, message: Message, but: web.WebSocketResponse | None) -> None:
        text = encode(message)
        targets = [socket for socket in self.members if socket is not but]
        await asyncio.gather(*(self._send_text(socket, text) for socket in targets))

    async def _send(self, socket: web.WebSocketResponse, message: Message) -> None:
        await self._send_text(socket, encode(message))

    async def _send_text(self, socket: web.WebSocketResponse, text: str) -> None:
        if socket.closed:
            return
        try:
            await asyncio.wait_for(socket.send_str(text), SEND_TIMEOUT)
        except (TimeoutError, ConnectionError, RuntimeError):
            self.members.pop(socket, None)
            await socket.close()

    async def close_all(self) -> None:
        """Close every connection (the server is stopping)."""
        await asyncio.gather(*(socket.close() for socket in list(self.members)))
