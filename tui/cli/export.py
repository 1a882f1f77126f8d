"""`openai-saga export`: write a handout (`tui.view.export`) or the brief (`tui.view.brief`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from tui.cli.errors import UsageError
from tui.cli.options import PROG, QuietParser, language
from tui.cli.start import load_saga
from tui.locale.i18n import LANGUAGES, language_from_environment
from tui.view.export import dossier, to_html, to_markdown, whole_story


def write_utf8(text: str, stream: TextIO) -> None:
    """Write a handout as UTF-8 whatever the locale or PYTHONIOENCODING says: a handout is a
    file (the HTML declares `charset="utf-8"`), and an ASCII stdout must not end the export
    with a UnicodeEncodeError half-way through."""
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()


def export_main(argv: list[str]) -> int:
    """Write the handout to stdout or --out."""
    parser = QuietParser(prog=f"{PROG} export", description="Write the story as a handout.")
    parser.add_argument("--lang", type=language)
    parser.add_argument("--format", choices=("md", "html"), default="md")
    parser.add_argument("--actor", help="one actor's dossier")
    parser.add_argument("--brief", action="store_true", help="the lesson brief (four A4 pages)")
    parser.add_argument("--story", type=Path, help="a story folder or file")
    parser.add_argument("--out", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    lang = args.lang or language_from_environment() or "en"
    assert lang in LANGUAGES
    saga, _ = load_saga(args.story)
    if args.actor is not None and args.actor not in saga.actors:
        raise UsageError(f"{PROG}: unknown actor '{args.actor}'")
    if args.brief and args.actor is not None:
        raise UsageError(f"{PROG}: --brief and --actor cannot be combined")
    if args.brief:
        from tui.view import brief as brief

        lesson = brief.build_brief(saga, lang)
        text = brief.to_html(lesson) if args.format == "html" else brief.to_markdown(lesson)
    else:
        handout = dossier(saga, lang, args.actor) if args.actor else whole_story(saga, lang)
        text = to_html(handout) if args.format == "html" else to_markdown(handout)
    if args.out is None:
        write_utf8(text, sys.stdout)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{PROG}: cannot write {args.out}: {error.strerror or error}") from None
    return 0
