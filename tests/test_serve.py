"""`serve`: offline page, loopback by default, cross-origin WebSockets refused."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import textual_serve

from tests.test_cli import entry
from tui.classroom.guard import same_origin
from tui.serve import app_command, offline_templates


def test_templates_lose_the_outside_font_request(tmp_path: Path) -> None:
    package = Path(textual_serve.__file__).parent / "templates"
    assert "fonts.googleapis.com" in (package / "app_index.html").read_text()
    copied = offline_templates(package, tmp_path)
    text = (copied / "app_index.html").read_text()
    assert "googleapis" not in text and "textual.js" in text


def test_same_origin() -> None:
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not same_origin("http://evil.example", "127.0.0.1:8000")
    assert same_origin(None, "127.0.0.1:8000")
    assert not same_origin("http://127.0.0.1:8000", None)


def test_each_tab_runs_this_python_with_the_options() -> None:
    command = app_command("fr", None)
    assert command.startswith(sys.executable) and command.endswith("-m tui --fresh --lang fr")


def test_bad_port_exits_2() -> None:
    result = entry("serve", "--port", "99999")
    assert result.returncode == 2 and "between 1 and 65535" in result.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_server_serves_offline_page_and_refuses_other_origins() -> None:
    port = free_port()
    exe = str(Path(sys.executable).parent / "openai-saga")
    server = subprocess.Popen(
        [exe, "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        page = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    page = reply.read().decode()
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert "textual.js" in page and "googleapis" not in page
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/ws",
            headers={
                "Origin": "http://evil.example",
                "Connection": "Upgrade",
                "Upgrade": "websocket",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            },
        )
        try:
            urllib.request.urlopen(request, timeout=5)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 403
    finally:
        server.terminate()
        server.wait(timeout=10)


async def test_a_browser_tab_gets_the_app_and_can_drive_it() -> None:
    """What the page's terminal receives over the WebSocket: the app's screen, then the effect
    of a key press (the canvas itself cannot be read)."""
    import asyncio

    import aiohttp

    port = free_port()
    exe = str(Path(sys.executable).parent / "openai-saga")
    server = subprocess.Popen(
        [exe, "serve", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )

    async def read_until(socket: aiohttp.ClientWebSocketResponse, text: str) -> str:
        seen = ""
        while text not in seen:
            message = await socket.receive(timeout=30)
            if message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT):
                data = message.data
                seen += data.decode("utf-8", "replace") if isinstance(data, bytes) else data
            elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                raise AssertionError(f"closed before {text!r}: {seen[-300:]!r}")
        return seen

    try:
        origin = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as session:
            for _ in range(150):
                try:
                    async with session.get(origin + "/"):
                        break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.2)
            url = f"ws://127.0.0.1:{port}/ws?width=100&height=30"
            async with session.ws_connect(url, headers={"Origin": origin}) as socket:
                await read_until(socket, "The OpenAI Saga")
                await socket.send_json(["stdin", "l"])
                await read_until(socket, "Français")
    finally:
        server.terminate()
        server.wait(timeout=10)
