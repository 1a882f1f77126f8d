"""Run `openai-saga serve` in a subprocess for a test, and drive its tabs over their WebSockets.

A served tab is a terminal drawn on a canvas: what it shows is read from the stream the page's
terminal receives (the app's screen as escape sequences), and keys are sent as the page sends
them (`["stdin", KEYS]`).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

EXE = str(Path(sys.executable).parent / "openai-saga")
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A running server: its port and what it printed."""

    port: int
    process: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def line_with(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.output):
                if text in line:
                    return line
            time.sleep(0.05)
        raise AssertionError(f"the server never printed {text!r}: {self.output}")


@contextmanager
def served(*args: str) -> Iterator[Served]:
    """`openai-saga serve --port FREE ARGS`, ready to answer, stopped afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [EXE, "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Served(port, process)

    def collect() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            server.output.append(line)

    threading.Thread(target=collect, daemon=True).start()
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{server.origin}/static/js/textual.js", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(f"serve did not start: {server.output}") from None
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """GET a URL: its status and body (errors included)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def upgrade_status(url: str, headers: dict[str, str]) -> int:
    """The status a WebSocket upgrade gets (101 when accepted)."""
    request = urllib.request.Request(
        url,
        headers={
            "Connection": "Upgrade",
            "Upgrade": "websocket",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            **headers,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as error:
        return error.code


class Tab:
    """A browser tab's terminal, over its WebSocket: keys in, screen text out.

    A reader task takes everything the tab receives (as a page does, answering the server's
    pings: a socket left unread is closed by the server's heartbeat).
    """

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.seen = ""
        """Everything received, escape sequences removed."""
        self.mark = 0
        """Where the next `read_until` starts looking."""
        self.closed = False
        self._arrived = asyncio.Event()
        self._reader = asyncio.get_running_loop().create_task(self._read())

    async def _read(self) -> None:
        async for message in self.socket:
            if message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                data = message.data
                raw = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
                self.seen += _ESCAPES.sub("", raw)
                self._arrived.set()
        self.closed = True
        self._arrived.set()

    async def send(self, keys: str) -> None:
        await self.socket.send_json(["stdin", keys])

    async def quiet(self, still: float = 0.3, timeout: float = 10) -> None:
        """Wait until nothing has arrived for `still` seconds: the app has drawn all it had to
        (a palette that is still ranking its hits has not), or `timeout` has passed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), still)
            except TimeoutError:
                return

    async def read_until(self, text: str, timeout: float = 30) -> str:
        """Wait until `text` shows in what arrived since the last call; returns that part."""
        deadline = time.monotonic() + timeout
        while text not in self.seen[self.mark :]:
            if self.closed:
                raise AssertionError(f"closed before {text!r}: {self.seen[-400:]!r}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"never saw {text!r}; last: {self.seen[-400:]!r}")
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), left)
        found = self.seen.index(text, self.mark) + len(text)
        part, self.mark = self.seen[self.mark : found], found
        return part

    def since_mark(self) -> str:
        """What arrived after the last `read_until`."""
        return self.seen[self.mark :]

    async def close(self) -> None:
        await self.socket.close()
        self._reader.cancel()


async def open_tab(
    session: aiohttp.ClientSession,
    origin: str,
    path: str = "/ws",
    size: tuple[int, int] = (100, 30),
) -> Tab:
    """Open a tab the way the page does (the Origin of the page, its size in the address)."""
    url = origin.replace("http", "ws", 1) + f"{path}?width={size[0]}&height={size[1]}"
    socket = await session.ws_connect(url, headers={"Origin": origin})
    return Tab(socket)
