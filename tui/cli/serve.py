"""`openai-saga serve`: the same app in a web browser (textual-serve), offline, on loopback.

textual-serve's stock page asks Google Fonts for a stylesheet, which fails in an offline
classroom and leaks the visit; its template is copied at start-up with that one link removed.
The server itself (`tui.classroom.server`) checks Host and Origin, caps the tabs and, with
`--class`, runs the hub the students' tabs follow and the teacher's tab leads.
"""

from __future__ import annotations

import re
import secrets
import shlex
import sys
import tempfile
from pathlib import Path

from tui.cli.errors import UsageError
from tui.cli.options import PROG, QuietParser, language, number_in_range

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
session_count = number_in_range(int, 1, 1000, "a number of sessions")


def app_command(
    lang: str | None, story: Path | None, *, follow: str | None = None, lead: str | None = None
) -> str:
    """The command each browser tab runs: this Python, this package, the same options (and,
    in a class, the hub to follow or lead: the teacher's token goes by environment)."""
    args = [sys.executable, "-m", "tui", "--fresh"]
    if lang:
        args += ["--lang", lang]
    if story:
        args += ["--story", str(story.resolve())]
    if follow:
        args += ["--follow", follow]
    if lead:
        args += ["--lead", lead]
    return shlex.join(args)


def serve_parser() -> QuietParser:
    from tui.classroom.capacity import default_max_sessions

    parser = QuietParser(prog=f"{PROG} serve", description="Serve the app to a web browser.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    parser.add_argument("--port", type=port_number, default=8000)
    parser.add_argument("--lang", type=language, help="the tabs' first language")
    parser.add_argument("--story", type=Path)
    parser.add_argument(
        "--class",
        dest="classroom",
        action="store_true",
        help="students' tabs follow the teacher's (two addresses are printed)",
    )
    parser.add_argument(
        "--max-sessions",
        type=session_count,
        default=default_max_sessions(),
        help="browser tabs at once (each is an app process of ~70 MB)",
    )
    parser.add_argument(
        "--max-students",
        type=session_count,
        default=60,
        help="with --class: students following at once (tabs and terminals)",
    )
    return parser


def serve_main(argv: list[str]) -> int:
    """Serve until interrupted."""
    args = serve_parser().parse_args(argv)
    if args.story is not None and not args.story.exists():
        raise UsageError(f"{PROG}: {args.story}: no such file or folder")
    try:
        import textual_serve

        from tui.classroom.guard import reachable_address, url_host
        from tui.classroom.server import SagaServer, ServeConfig, hub_url
    except ImportError:
        raise UsageError(f"{PROG}: serve needs textual-serve (pip install textual-serve)") from None

    templates = offline_templates(
        Path(textual_serve.__file__).parent / "templates",
        Path(tempfile.mkdtemp(prefix="openai-saga-serve-")),
    )
    if args.host not in LOOPBACK:
        print(
            f"{PROG}: warning: serving on {args.host}: anyone who can reach it can use the app",
            file=sys.stderr,
        )
    token = secrets.token_urlsafe(32) if args.classroom else None
    hub = hub_url(args.host, args.port)
    config = ServeConfig(
        host=args.host,
        port=args.port,
        max_sessions=args.max_sessions,
        student_command=app_command(args.lang, args.story, follow=hub if args.classroom else None),
        teacher_command=app_command(args.lang, args.story, lead=hub) if token else None,
        token=token,
        max_students=args.max_students,
    )
    public = f"http://{url_host(reachable_address(args.host))}:{args.port}"
    own = f"http://{url_host(local_address(args.host))}:{args.port}"
    if token is None:
        print(f"{PROG}: serving on {public}/  (add ?fontsize=26 to the address for a projector)")
    else:
        teacher = f"{own}/teacher/{token}"
        print(f"{PROG}: a class on {public}/")
        print(f"  students: {public}/   (or a terminal: {PROG} --follow {public}/)")
        print(f"  teacher:  {teacher}   (keep it to yourself: it leads the class)")
        print(f"            {PROG} --lead {teacher}")
        print(f"  notes:    {PROG} notes --follow {teacher}")
        print("  add ?fontsize=26 to a page's address to enlarge it for a projector")
    print("Press Ctrl+C to stop.", flush=True)
    SagaServer(config, templates).serve()
    return 0


def local_address(host: str) -> str:
    """The address the teacher uses on this machine: loopback when the server listens there."""
    if host in ("", "0.0.0.0", "127.0.0.1", "localhost"):
        return "127.0.0.1"
    if host in ("::", "::1"):
        return "::1"
    return host
