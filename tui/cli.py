"""The `openai-saga` command: the browser, `validate`, `export`, `serve`, `--version`.

Every user error leaves as one line on stderr and exit status 2; Textual is imported only when
the browser actually runs.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version

from tui.errors import UsageError
from tui.options import PROG, SUBCOMMANDS


def package_version() -> str:
    """The installed version."""
    try:
        return version("openai-saga")
    except PackageNotFoundError:
        return "0+unknown"


def run(argv: list[str]) -> int:
    """Run the command line; returns the exit status."""
    if argv and argv[0] in SUBCOMMANDS:
        command, rest = argv[0], argv[1:]
        if command == "validate":
            from tui.validate_cmd import validate_main

            return validate_main(rest)
        if command == "export":
            from tui.export import export_main

            return export_main(rest)
        if command == "notes":
            from tui.classroom.notes import notes_main

            return notes_main(rest)
        from tui.serve import serve_main

        return serve_main(rest)
    if "--version" in argv:
        print(f"{PROG} {package_version()}")
        return 0
    from tui import make_app

    app = make_app(argv)
    app.run()
    problem = getattr(app, "save_problem", None)
    if problem:
        print(f"{PROG}: warning: your place was not saved: {problem}", file=sys.stderr)
    return app.return_code or 0


def main() -> None:
    """Console entry point."""
    try:
        status = run(sys.argv[1:])
    except UsageError as error:
        print(str(error).splitlines()[0] if str(error) else PROG, file=sys.stderr)
        status = error.exit_code
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
