"""The web server of `openai-saga serve`: textual-serve, guarded, capped, and with a class.

Each browser tab runs its own app process (~70 MB), so tabs are capped (`--max-sessions`) and a
tab past the cap gets a page that says so. Every request must name this server in its `Host`
(DNS rebinding refused) and every WebSocket must come from one of its pages (`Origin`). The
page's own addresses are taken from the request, so it works whether it was opened as
`localhost`, `127.0.0.1` or the machine's network address.

With `--class`, the students' page (`/`) starts apps that follow the hub; the teacher's page
(`/teacher/TOKEN`) starts one that leads it; the hub itself is `/class/ws`.
"""

from __future__ import annotations

import asyncio
import hmac
import html
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from tui.classroom.guard import HostGuard, same_origin, url_host
from tui.classroom.hub import ClassHub
from tui.locale.i18n import LANGUAGES, tr

log = logging.getLogger("openai-saga.serve")

TOKEN_ENV = "OPENAI_SAGA_CLASS_TOKEN"
"""How the teacher's tab gets the token: the environment of its own process, never its command
line (which any local user can read in `ps`)."""
HUB_PATH = "/class/ws"
MAX_TEACHER_TABS = 4
MAX_TAB_MESSAGE = 64 * 1024
"""A browser sends keys, sizes and pings: nothing near this long."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What `serve` was asked for."""

    host: str
    port: int
    max_sessions: int
    student_command: str
    """The command a tab runs (for a class: an app that follows the hub)."""
    teacher_command: str | None = None
    """For a class: the command the teacher's tab runs (an app that leads)."""
    token: str | None = None
    max_students: int = 40


class TabService(AppService):
    """textual-serve's app process, with extra environment (the teacher's token)."""

    def __init__(self, *args: Any, environment: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.extra_environment = environment

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment: dict[str, str] = super()._build_environment(width=width, height=height)
        environment.pop(TOKEN_ENV, None)
        environment.update(self.extra_environment)
        return environment


class SagaServer(Server):
    """textual-serve with a Host guard, an Origin check, a session cap and the class hub."""

    def __init__(self, config: ServeConfig, templates: Path) -> None:
        super().__init__(
            config.student_command,
            host=config.host,
            port=config.port,
            title="openai-saga",
            templates_path=templates,
        )
        self.config = config
        self.guard = HostGuard.for_binding(config.host, config.port)
        self.sessions = 0
        """Tab processes running (students' and teacher's)."""
        self.teacher_tabs = 0
        self.hub = (
            ClassHub(config.token, max_students=config.max_students)
            if config.token is not None
            else None
        )

    def initialize_logging(self) -> None:
        logging.basicConfig(level="WARNING", format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its logo and address here; `serve_main` prints ours."""

    async def on_shutdown(self, app: web.Application) -> None:
        if self.hub is not None:
            await self.hub.close_all()

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard_host], client_max_size=64 * 1024)
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        routes = [
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.static("/static", self.statics_path, name="static"),
        ]
        if self.hub is not None:
            routes += [
                web.get("/teacher/{token}", self.handle_teacher_index),
                web.get("/teacher/{token}/ws", self.handle_teacher_websocket),
                web.get(HUB_PATH, self.handle_hub),
            ]
        app.add_routes(routes)
        app.on_shutdown.append(self.on_shutdown)
        return app

    # Guards ----------------------------------------------------------------------------------

    @web.middleware
    async def _guard_host(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse any request whose Host is not one of this server's names."""
        transport = request.transport
        local = transport.get_extra_info("sockname") if transport is not None else None
        address = str(local[0]) if isinstance(local, tuple) and local else None
        if not self.guard.allows(request.headers.get("Host"), address):
            return web.Response(status=403, text="This server does not answer to that host name.\n")
        return await handler(request)

    def _check_origin(self, request: web.Request) -> None:
        if not same_origin(request.headers.get("Origin"), request.headers.get("Host")):
            raise web.HTTPForbidden(text="cross-origin connection refused")

    def _is_teacher(self, request: web.Request) -> bool:
        given = request.match_info.get("token", "")
        token = self.config.token or ""
        return bool(token) and hmac.compare_digest(given.encode(), token.encode())

    def _is_full(self) -> bool:
        return self.sessions >= self.config.max_sessions

    # Pages -----------------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self._is_full():
            return full_page(self.config.max_sessions)
        return self._page(request, "/ws")

    async def handle_teacher_index(self, request: web.Request) -> web.StreamResponse:
        if not self._is_teacher(request):
            raise web.HTTPNotFound()
        response = self._page(request, f"/teacher/{request.match_info['token']}/ws")
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    def _page(self, request: web.Request, socket_path: str) -> web.Response:
        """textual-serve's page, its addresses taken from the (checked) Host of the request."""
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": font_size(request.query.get("fontsize")),
            "app_websocket_url": f"{scheme}://{request.headers['Host']}{socket_path}",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        response: web.Response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["X-Frame-Options"] = "DENY"
        return response

    # Tabs ------------------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self._check_origin(request)
        if self._is_full():
            raise web.HTTPServiceUnavailable(text="too many sessions")
        return await self._run_tab(request, self.config.student_command, {})

    async def handle_teacher_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self._check_origin(request)
        if not self._is_teacher(request):
            raise web.HTTPNotFound()
        if self.teacher_tabs >= MAX_TEACHER_TABS or self._is_full():
            raise web.HTTPServiceUnavailable(text="too many teacher sessions")
        self.teacher_tabs += 1
        try:
            command = self.config.teacher_command or self.config.student_command
            return await self._run_tab(request, command, {TOKEN_ENV: self.config.token or ""})
        finally:
            self.teacher_tabs -= 1

    async def _run_tab(
        self, request: web.Request, command: str, environment: dict[str, str]
    ) -> web.WebSocketResponse:
        """One tab: its app process, fed by the tab's WebSocket (textual-serve's loop)."""
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_TAB_MESSAGE)
        width = bounded(request.query.get("width"), 80, 10, 500)
        height = bounded(request.query.get("height"), 24, 5, 300)
        self.sessions += 1
        service: TabService | None = None
        try:
            await websocket.prepare(request)
            service = TabService(
                command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=False,
                environment=environment,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # a broken tab must not take the server down
            if not isinstance(error, ConnectionError):
                log.warning("a tab ended: %s", error)
        finally:
            if service is not None:
                await service.stop()
            self.sessions -= 1
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, service: Any) -> None:
        """textual-serve's loop, reading only well-formed envelopes (it asserted on others)."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
            except ValueError:
                continue
            if not isinstance(envelope, list) or len(envelope) != 2:
                continue
            kind, data = envelope
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width = bounded(data.get("width"), 80, 10, 500)
                height = bounded(data.get("height"), 24, 5, 300)
                await service.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    # The hub ---------------------------------------------------------------------------------

    async def handle_hub(self, request: web.Request) -> web.StreamResponse:
        self._check_origin(request)
        assert self.hub is not None
        return await self.hub.handle(request)


def bounded(value: object, default: int, low: int, high: int) -> int:
    """An integer from a request, kept within `low`..`high` (`default` if it is not one)."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return max(low, min(high, number))


def font_size(value: str | None) -> int:
    """`?fontsize=26` enlarges the page's terminal (for a projector); 8 to 64, default 16."""
    return bounded(value, 16, 8, 64) if value is not None else 16


def full_page(limit: int) -> web.Response:
    """What a tab past the session cap sees, in every language (its reader's is not known)."""
    lines = "".join(
        f'<p lang="{lang}">{html.escape(tr(lang, "serve.full", count=limit))}</p>'
        for lang in LANGUAGES
    )
    body = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>openai-saga</title>"
        "<style>body{background:#0c181f;color:#eee;font:20px sans-serif;margin:3em}</style>"
        f"</head><body><h1>openai-saga</h1>{lines}</body></html>"
    )
    return web.Response(
        status=503, text=body, content_type="text/html", headers={"Retry-After": "30"}
    )


def hub_url(host: str, port: int) -> str:
    """Where the tab processes (on this machine) reach the hub."""
    reach = "127.0.0.1" if host in ("", "0.0.0.0", "localhost") else host
    reach = "::1" if host == "::" else reach
    return f"ws://{url_host(reach)}:{port}{HUB_PATH}"
