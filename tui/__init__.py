"""The Textual app of openai-saga.

`make_app(argv)` builds exactly the app that `openai-saga argv...` runs; it is imported lazily
here so that `openai-saga validate` and `--version` never pay for importing Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App


def make_app(argv: list[str]) -> App[None]:
    """The app for these command-line arguments (raises `tui.cli.errors.UsageError` on bad ones)."""
    from tui.cli.factory import build_app

    return build_app(argv)


__all__ = ["make_app"]
