"""`serve`: offline page, loopback by default, Host and Origin checked, tabs capped."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import aiohttp
import textual_serve

from tests.serving import fetch, open_tab, served, upgrade_status
from tests.test_cli import entry
from tui.classroom.capacity import default_max_sessions
from tui.cli.serve import app_command, offline_templates


def test_templates_lose_the_outside_font_request(tmp_path: Path) -> None:
    package = Path(textual_serve.__file__).parent / "templates"
    assert "fonts.googleapis.com" in (package / "app_index.html").read_text()
    copied = offline_templates(package, tmp_path)
    text = (copied / "app_index.html").read_text()
    assert "googleapis" not in text and "textual.js" in text


def test_each_tab_runs_this_python_with_the_options() -> None:
    command = app_command("fr", None)
    assert command.startswith(sys.executable) and command.endswith("-m tui --fresh --lang fr")
    follower = app_command(None, None, follow="ws://127.0.0.1:8000/class/ws")
    assert follower.endswith("--follow ws://127.0.0.1:8000/class/ws")


def test_bad_port_exits_2() -> None:
    result = entry("serve", "--port", "99999")
    assert result.returncode == 2 and "between 1 and 65535" in result.stderr


def test_bad_session_cap_exits_2() -> None:
    result = entry("serve", "--max-sessions", "0")
    assert result.returncode == 2 and "number of sessions" in result.stderr


def test_the_default_cap_fits_the_machine() -> None:
    """12 tabs a core at most, and never more than half the free memory at TAB_MEMORY a tab."""
    import os

    from tui.classroom.capacity import TAB_MEMORY, available_memory

    cap = default_max_sessions()
    assert 2 <= cap <= 12 * (os.cpu_count() or 1)
    assert cap <= max(2, available_memory() // 2 // TAB_MEMORY)


def test_offline_page_other_origins_and_foreign_hosts_refused() -> None:
    with served() as server:
        status, page = fetch(server.origin + "/")
        assert status == 200 and "textual.js" in page and "googleapis" not in page
        port = server.port
        ws = f"{server.origin}/ws"
        assert upgrade_status(ws, {"Origin": "http://evil.example"}) == 403
        # DNS rebinding: evil.example resolves to 127.0.0.1, so Host and Origin match each other.
        rebound = {"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"}
        assert upgrade_status(ws, rebound) == 403
        assert fetch(server.origin + "/", {"Host": f"evil.example:{port}"})[0] == 403
        assert fetch(server.origin + "/", {"Host": "127.0.0.1:1"})[0] == 403


def test_the_page_works_via_localhost_and_its_address() -> None:
    """The page points the browser back where it came from, not always at 127.0.0.1."""
    with served() as server:
        for name in ("localhost", "127.0.0.1"):
            status, page = fetch(f"http://{name}:{server.port}/")
            assert status == 200
            assert f'data-session-websocket-url="ws://{name}:{server.port}/ws"' in page
            assert 'href="/static/css/xterm.css"' in page


def test_fontsize_enlarges_the_page_within_bounds() -> None:
    with served() as server:
        assert 'data-font-size="26"' in fetch(server.origin + "/?fontsize=26")[1]
        assert 'data-font-size="64"' in fetch(server.origin + "/?fontsize=9999")[1]
        assert 'data-font-size="16"' in fetch(server.origin + "/?fontsize=big")[1]


async def test_tabs_past_the_cap_get_a_clear_page() -> None:
    with served("--max-sessions", "1") as server:
        async with aiohttp.ClientSession() as session:
            tab = await open_tab(session, server.origin)
            await tab.read_until("The OpenAI Saga")
            status, page = fetch(server.origin + "/")
            assert status == 503 and "all 1 places are taken" in page and "Complet" in page
            assert upgrade_status(f"{server.origin}/ws", {"Origin": server.origin}) == 503
            await tab.socket.close()
        for _ in range(100):  # the place is free again once the tab is closed
            if fetch(server.origin + "/")[0] == 200:
                break
            time.sleep(0.1)
        assert fetch(server.origin + "/")[0] == 200


async def test_a_browser_tab_gets_the_app_and_can_drive_it() -> None:
    """What the page's terminal receives over the WebSocket: the app's screen, then the effect
    of a key press (the canvas itself cannot be read), via localhost."""
    with served() as server:
        origin = f"http://localhost:{server.port}"
        async with aiohttp.ClientSession() as session:
            tab = await open_tab(session, origin)
            await tab.read_until("The OpenAI Saga")
            await tab.send("l")
            await tab.read_until("Français")
