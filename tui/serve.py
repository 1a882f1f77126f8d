"""`openai-saga serve`: the same app in a web browser (textual-serve), offline, on loopback.

textual-serve's stock page asks Google Fonts for a stylesheet, which fails in an offline
classroom and leaks the visit; its template is copied at start-up with that one link removed.
It has no Origin check and no authentication, so the server refuses WebSocket upgrades from
other origins and binds 127.0.0.1 unless told otherwise (with a warning).
"""

from __future__ import annotations

import re
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from tui.errors import UsageError
from tui.options import PROG, QuietParser, language, number_in_range

_FONT_LINK = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.DOTALL)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def offline_templates(package_templates: Path, target: Path) -> Path:
    """A copy of textual-serve's templates without requests to outside hosts."""
    target.mkdir(parents=True, exist_ok=True)
    for template in package_templates.glob("*.html"):
        text = _FONT_LINK.sub("", template.read_text(encoding="utf-8"))
        (target / template.name).write_text(text, encoding="utf-8")
    return target


port_number = number_in_range(int, 1, 65535, "a port number")
"""A TCP port."""


def app_command(lang: str | None, story: Path | None) -> str:
    """The command each browser tab runs: this Python, this package, the same options."""
    args = [sys.executable, "-m", "tui", "--fresh"]
    if lang:
        args += ["--lang", lang]
    if story:
        args += ["--story", str(story.resolve())]
    return shlex.join(args)


def same_origin(origin: str | None, host_header: str | None) -> bool:
    """Whether a WebSocket's Origin is the page this server served."""
    if origin is None:
        return True  # not a browser
    if host_header is None:
        return False
    return re.sub(r"^https?://", "", origin).rstrip("/") == host_header


def serve_main(argv: list[str]) -> int:
    """Serve until interrupted."""
    parser = QuietParser(prog=f"{PROG} serve", description="Serve the app to a web browser.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=port_number, default=8000)
    parser.add_argument("--lang", type=language)
    parser.add_argument("--story", type=Path)
    args = parser.parse_args(argv)
    if args.story is not None and not args.story.exists():
        raise UsageError(f"{PROG}: {args.story}: no such file or folder")
    try:
        import textual_serve
        from aiohttp import web
        from textual_serve.server import Server
    except ImportError:
        raise UsageError(f"{PROG}: serve needs textual-serve (pip install textual-serve)") from None

    class GuardedServer(Server):
        """textual-serve with an Origin check on the WebSocket."""

        async def handle_websocket(self, request: web.Request) -> Any:
            if not same_origin(request.headers.get("Origin"), request.headers.get("Host")):
                raise web.HTTPForbidden(text="cross-origin connection refused")
            return await super().handle_websocket(request)

    templates = offline_templates(
        Path(textual_serve.__file__).parent / "templates",
        Path(tempfile.mkdtemp(prefix="openai-saga-serve-")),
    )
    if args.host not in LOOPBACK:
        print(
            f"{PROG}: warning: serving on {args.host}: anyone who can reach it can use the app",
            file=sys.stderr,
        )
    server = GuardedServer(
        app_command(args.lang, args.story),
        host=args.host,
        port=args.port,
        title="openai-saga",
        templates_path=templates,
    )
    server.serve()
    return 0
