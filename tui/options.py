"""The command line of `openai-saga`, parsed without importing Textual.

Argparse prints usage and exits on errors; here every error becomes a `UsageError` with one line
instead, so the CLI controls what the user sees and the exit status (2).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from tui.errors import UsageError
from tui.i18n import LANGUAGES

PROG = "openai-saga"
SUBCOMMANDS = ("validate", "export", "serve")


class QuietParser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageError instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {PROG} --help)")


def language(value: str) -> str:
    """A language code we have."""
    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(
            f"unknown language '{value}' (choose from {', '.join(LANGUAGES)})"
        )
    return value


def interval(value: str) -> float:
    """Seconds between slides in presenter mode."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds") from None
    if not 1 <= seconds <= 3600:
        raise argparse.ArgumentTypeError("the interval must be between 1 and 3600 seconds")
    return seconds


@dataclass(frozen=True, slots=True)
class AppOptions:
    """What the user asked of the browser."""

    lang: str | None = None
    day: str | None = None
    event: str | None = None
    actor: str | None = None
    story: Path | None = None
    present: bool = False
    interval: float | None = None
    fresh: bool = False


def app_parser() -> QuietParser:
    """The parser of `openai-saga [options]`."""
    parser = QuietParser(
        prog=PROG,
        description="The November 2023 OpenAI leadership crisis as a terminal drama.",
        epilog=(
            "commands: validate [PATH ...] | export [--lang CODE] [--format md|html] "
            "[--actor ID] [--out FILE] | serve [--host HOST] [--port PORT]. "
            "Keys: arrows move, l language, s script, p presenter, / search, ? help, q quit."
        ),
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--lang", type=language, help="en, fr, id or zh")
    parser.add_argument("--day", help="open this day (YYYY-MM-DD, or 'background')")
    parser.add_argument("--event", help="open this event (and its day)")
    parser.add_argument("--actor", help="follow this actor (e.g. mira-murati)")
    parser.add_argument("--story", type=Path, help="a story folder or file (default: the saga)")
    parser.add_argument("--present", action="store_true", help="presenter mode")
    parser.add_argument("--interval", type=interval, help="with --present: seconds per event")
    parser.add_argument("--fresh", action="store_true", help="ignore the saved place")
    return parser


def parse_app_options(argv: list[str]) -> tuple[AppOptions, bool]:
    """The browser's options, and whether --version was asked."""
    if argv and argv[0] in SUBCOMMANDS:
        raise UsageError(f"{PROG}: '{argv[0]}' is a command, not an option of the browser")
    args = app_parser().parse_args(argv)
    if args.interval is not None and not args.present:
        raise UsageError(f"{PROG}: --interval needs --present")
    options = AppOptions(
        lang=args.lang,
        day=args.day,
        event=args.event,
        actor=args.actor,
        story=args.story,
        present=args.present,
        interval=args.interval,
        fresh=args.fresh,
    )
    return options, bool(args.version)
