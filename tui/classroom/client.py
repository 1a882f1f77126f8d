"""An app's connection to the class hub: connect, say hello, pass messages both ways, reconnect.

No Textual here: the connection calls back with checked messages (`tui.classroom.in_app` turns
them into moves of the app), so the rules are tested against a real hub without an app.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlsplit, urlunsplit

import aiohttp

from tui.classroom.protocol import (
    MAX_MESSAGE_BYTES,
    Hello,
    Message,
    ProtocolError,
    Refused,
    Role,
    Welcome,
    decode,
    encode,
)
from tui.view.selection import Selection

HUB_PATH = "/class/ws"
TOKEN_ENV = "OPENAI_SAGA_CLASS_TOKEN"
RETRY_SECONDS = (0.5, 1.0, 2.0, 4.0)
"""Waits between reconnection attempts (the last one repeats)."""


class AddressError(ValueError):
    """A class address that cannot be followed or led."""


@dataclass(frozen=True, slots=True)
class HubAddress:
    """Where the hub is, and the teacher's token when leading."""

    url: str
    """ws:// or wss:// address of the hub."""
    token: str = ""

    def __repr__(self) -> str:  # never print the token by accident
        return f"HubAddress({self.url!r})"


def hub_address(url: str, *, environ: dict[str, str] | None = None) -> HubAddress:
    """The hub behind an address the user was given.

    Accepts the students' page (`http://HOST:PORT/`), the teacher's (`http://HOST:PORT/teacher/
    TOKEN`) or the hub itself (`ws://HOST:PORT/class/ws`, a `?token=` allowed); the token may
    also come from OPENAI_SAGA_CLASS_TOKEN (how the teacher's tab gets it).
    """
    parts = urlsplit(url.strip())
    schemes = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}
    if parts.scheme not in schemes or not parts.hostname:
        raise AddressError(f"'{url}' is not a class address (http://HOST:PORT/...)")
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        raise AddressError(f"'{url}' has a bad port") from None
    token = ""
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) == 2 and segments[0] == "teacher":
        token = segments[1]
    token = parse_qs(parts.query).get("token", [token])[0]
    env = os.environ if environ is None else environ
    token = token or env.get(TOKEN_ENV, "")
    hub = urlunsplit((schemes[parts.scheme], parts.netloc, HUB_PATH, "", ""))
    return HubAddress(hub, token)


# What is the class's and what is each reader's own -------------------------------------------


def same_moment(first: Selection, second: Selection) -> bool:
    """Whether two selections show the class the same thing (languages and clocks aside)."""
    return (first.event, first.actor, first.mode, first.beat, first.question, first.revealed) == (
        second.event,
        second.actor,
        second.mode,
        second.beat,
        second.question,
        second.revealed,
    )


def for_reader(teacher: Selection, own: Selection) -> Selection:
    """The teacher's moment in this reader's languages and clock."""
    return replace(teacher, lang=own.lang, second_lang=own.second_lang, zone=own.zone)


# The connection ----------------------------------------------------------------------------------


class ClassConnection:
    """A connection to the hub that keeps itself up; messages go to `on_message`.

    `on_status` hears ("connected", role) after the hub's welcome, ("lost", "") when the
    connection drops or cannot be made (it retries), and ("refused", reason) when the hub turns
    the hello down (a wrong token, a full class): that is final, no retry.
    """

    def __init__(
        self,
        address: HubAddress,
        role: Role,
        on_message: Callable[[Message], None],
        on_status: Callable[[str, str], None],
    ) -> None:
        self.address = address
        self.role = role
        self.on_message = on_message
        self.on_status = on_status
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self.stopped = False

    @property
    def connected(self) -> bool:
        return self._socket is not None

    def send(self, message: Message) -> None:
        """Send a message to the hub, if connected (a reconnection resyncs the rest)."""
        socket = self._socket
        if socket is not None and not socket.closed:
            asyncio.get_running_loop().create_task(self._send(socket, encode(message)))

    async def _send(self, socket: aiohttp.ClientWebSocketResponse, text: str) -> None:
        with contextlib.suppress(ConnectionError, RuntimeError):
            await socket.send_str(text)

    def stop(self) -> None:
        self.stopped = True

    async def run(self) -> None:
        """Connect and reconnect until stopped or refused ("lost" is told once per outage)."""
        attempt = 0
        async with aiohttp.ClientSession() as session:
            while not self.stopped:
                try:
                    if await self._session(session):
                        return
                except (aiohttp.ClientError, OSError, TimeoutError):
                    pass
                if self.stopped:
                    return
                if self._was_welcomed:
                    attempt = 0
                if attempt == 0:
                    self.on_status("lost", "")
                await asyncio.sleep(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                attempt += 1

    _was_welcomed = False

    async def _session(self, session: aiohttp.ClientSession) -> bool:
        """One connection, until it drops; True when the hub refused the hello."""
        self._was_welcomed = False
        async with session.ws_connect(
            self.address.url,
            heartbeat=20,
            max_msg_size=MAX_MESSAGE_BYTES,
            timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=10),
        ) as socket:
            await socket.send_str(encode(Hello(self.role, self.address.token)))
            try:
                async for raw in socket:
                    if raw.type != aiohttp.WSMsgType.TEXT:
                        continue
                    try:
                        message = decode(raw.data)
                    except ProtocolError:
                        continue
                    if isinstance(message, Welcome):
                        self._was_welcomed = True
                        self._socket = socket
                        self.on_status("connected", message.role)
                    elif isinstance(message, Refused) and not self._was_welcomed:
                        self.on_status("refused", message.reason)
                        return True
                    self.on_message(message)
            finally:
                self._socket = None
        return False
