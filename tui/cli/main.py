"""The `openai-saga` command: the browser, `validate`, `export`, `serve`, `--version`.

Every user error leaves as one line on stderr and exit status 2; Textual is imported only when
the browser actually runs. Whatever the locale or PYTHONIOENCODING, nothing printed can raise
UnicodeEncodeError (characters the stream cannot encode are written as escapes), and every
message passes through `story.problems.visible`, so no story or path can steer the terminal.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Mapping
from typing import NoReturn, TextIO

from story.problems import visible
from tui.cli.errors import UsageError
from tui.cli.options import PROG, SUBCOMMANDS, parse_app_options


def package_version() -> str:
    """The installed version."""
    from importlib.metadata import PackageNotFoundError, version  # 30 ms: only for --version

    try:
        return version("openai-saga")
    except PackageNotFoundError:
        return "0+unknown"


def say(message: str, stream: TextIO | None = None) -> None:
    """Print one line of a message: made visible, never raising for the stream's encoding."""
    print(visible(message), file=stream if stream is not None else sys.stderr)


def terminal_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """Why the app cannot be drawn here, or None.

    Without a terminal on both standard input and output, Textual's driver waits forever for
    keys (a core at 100% behind `openai-saga </dev/null >out`); on TERM=dumb it draws a full
    colour screen the terminal cannot show. `serve` runs the app through its own driver
    (TEXTUAL_DRIVER), which needs no terminal."""
    env = os.environ if environ is None else environ
    if env.get("TEXTUAL_DRIVER"):
        return None
    if not (_is_terminal(sys.stdin) and _is_terminal(sys.stdout)):
        return (
            f"{PROG}: needs a terminal (standard input and output are not one); "
            f"for text, run '{PROG} export'"
        )
    if env.get("TERM", "") in ("dumb", "unknown"):
        return (
            f"{PROG}: TERM={env['TERM']} cannot show the app; use a full terminal, "
            f"or '{PROG} export' for text"
        )
    return None


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def run(argv: list[str]) -> int:
    """Run the command line; returns the exit status."""
    if argv and argv[0] in SUBCOMMANDS:
        command, rest = argv[0], argv[1:]
        if command == "validate":
            from tui.cli.validate import validate_main

            return validate_main(rest)
        if command == "export":
            from tui.cli.export import export_main

            return export_main(rest)
        if command == "notes":
            from tui.classroom.notes import notes_main

            return notes_main(rest)
        from tui.cli.serve import serve_main

        return serve_main(rest)
    _, wants_version = parse_app_options(argv)  # --help and option errors first
    if wants_version:
        print(f"{PROG} {package_version()}")
        return 0
    from tui import make_app

    app = make_app(argv)  # unknown ids and broken stories are reported with or without a tty
    problem = terminal_problem()
    if problem is not None:
        raise UsageError(problem)
    app.run()
    save_problem = getattr(app, "save_problem", None)
    if save_problem:
        say(f"{PROG}: warning: your place was not saved: {save_problem}")
    return app.return_code or 0


def tolerant_streams() -> None:
    """Standard output and error write what their encoding cannot hold as escapes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def main() -> None:
    """Console entry point."""
    tolerant_streams()
    try:
        status = run(sys.argv[1:])
    except UsageError as error:
        text = str(error)
        say(text.splitlines()[0] if text.strip() else PROG)
        status = error.exit_code
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        # `openai-saga export | head`: the reader left; say nothing more on the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 1
    leave(status)


def leave(status: int) -> NoReturn:
    """Exit with `status`; after a big story, without the interpreter's teardown.

    A story big enough to be frozen out of the collector's way (`story.gcpause.freeze_loaded`)
    would be freed object by object as the interpreter shuts down (0.7 s at 100,000 events),
    for a process that is ending anyway. The app has saved the place by then; the streams are
    flushed here; nothing else waits for the end of the process."""
    if gc.get_freeze_count():
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(ValueError, OSError):
                stream.flush()
        os._exit(status)
    sys.exit(status)
