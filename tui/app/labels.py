"""Labels for Textual widgets made from story text: never markup, never control characters.

Textual parses a `str` given to `border_title`, `notify` or a palette hit as markup, so a story
name such as "Sam [/] Altman" raised MarkupError and "[@click=app.quit]x[/]" ran an action.
Every label holding story text (or a catalogue string with story text filled in) is built here.
"""

from __future__ import annotations

from textual.content import Content

from tui.locale.i18n import tr
from tui.view.safe import neutralise


def label(text: str) -> Content:
    """Literal text for a widget label."""
    return Content(neutralise(text))


def tr_label(lang: str, key: str, **values: object) -> Content:
    """A catalogue string with (story) values filled in, as a literal label."""
    return label(tr(lang, key, **values))
