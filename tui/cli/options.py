"""The command line of `openai-saga`, parsed without importing Textual.

Argparse prints usage and exits on errors; here every error becomes a `UsageError` with one line
instead, so the CLI controls what the user sees and the exit status (2).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TypeVar

from tui.cli.errors import UsageError

PROG = "openai-saga"
SUBCOMMANDS = ("validate", "export", "serve", "notes")


class QuietParser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageError instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {PROG} --help)")


def language(value: str) -> str:
    """A language code we have (the catalogues are read here, when a language is asked for:
    `validate` never needs them)."""
    from tui.locale.i18n import LANGUAGES

    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(
            f"unknown language '{value}' (choose from {', '.join(LANGUAGES)})"
        )
    return value


N = TypeVar("N", int, float)


def number_in_range(kind: type[N], low: N, high: N, what: str) -> Callable[[str], N]:
    """An argparse type for a number between `low` and `high` (one-line errors naming it)."""

    def parse(value: str) -> N:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{value}' is not {what}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(
                f"'{value}' is not {what} between {low:g} and {high:g}"
            )
        return number

    return parse


interval = number_in_range(float, 1.0, 3600.0, "a number of seconds")
"""Seconds between slides in presenter mode."""


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
    first_day: str | None = None
    """Presenter mode plays from this day (--from)."""
    last_day: str | None = None
    """Presenter mode plays up to this day (--to)."""
    follow: str | None = None
    """A class to follow (--follow URL)."""
    lead: str | None = None
    """A class to lead (--lead URL-with-token)."""


def app_parser() -> QuietParser:
    """The parser of `openai-saga [options]`."""
    parser = QuietParser(
        prog=PROG,
        description="The November 2023 OpenAI leadership crisis as a terminal drama.",
        epilog=(
            "commands: validate [PATH ...] | export [--lang CODE] [--format md|html] "
            "[--actor ID] [--brief] [--out FILE] | serve [--host HOST] [--port PORT] [--class] "
            "[--max-sessions N] | notes --follow URL. "
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
    parser.add_argument(
        "--from", dest="first_day", metavar="DAY", help="with --present: play from this day"
    )
    parser.add_argument(
        "--to", dest="last_day", metavar="DAY", help="with --present: play up to this day"
    )
    parser.add_argument("--follow", metavar="URL", help="follow a class (serve --class)")
    parser.add_argument("--lead", metavar="URL", help="lead a class (the teacher's address)")
    return parser


def parse_app_options(argv: list[str]) -> tuple[AppOptions, bool]:
    """The browser's options, and whether --version was asked."""
    if argv and argv[0] in SUBCOMMANDS:
        raise UsageError(f"{PROG}: '{argv[0]}' is a command, not an option of the browser")
    args = app_parser().parse_args(argv)
    if args.interval is not None and not args.present:
        raise UsageError(f"{PROG}: --interval needs --present")
    for flag, value in (("--from", args.first_day), ("--to", args.last_day)):
        if value is not None and not args.present:
            raise UsageError(f"{PROG}: {flag} needs --present")
    if args.follow and args.lead:
        raise UsageError(f"{PROG}: --follow and --lead do not go together")
    options = AppOptions(
        lang=args.lang,
        day=args.day,
        event=args.event,
        actor=args.actor,
        story=args.story,
        present=args.present,
        interval=args.interval,
        fresh=args.fresh,
        first_day=args.first_day,
        last_day=args.last_day,
        follow=args.follow,
        lead=args.lead,
    )
    return options, bool(args.version)
