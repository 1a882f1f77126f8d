"""Labels for Textual widgets made from story text: never markup, never control characters.

Textual parses a `str` given to `border_title`, `notify` or a palette hit as markup, so a story
name such as "Sam [/] Altman" raised MarkupError and "[@click=app.quit]x[/]" ran an action.
Every label holding story text (or a catalogue string with story text filled in) is built here.
"""

from __future__ import annotations

import re

from textual.content import Content

from tui.locale.i18n import tr
from tui.view.safe import neutralise

_LINE_BREAK = re.compile("\r\n|[\t\n\r\v\f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with its line breaks (and tabs, which a label would expand to tab stops) made
    spaces."""
    return _LINE_BREAK.sub(" ", text)


def label(text: str) -> Content:
    """Literal one-line text for a widget label. Line breaks become spaces: a border title
    shows only its first line, so a name written over two lines lost its second."""
    return Content(neutralise(one_line(text)))


def tr_label(lang: str, key: str, **values: object) -> Content:
    """A catalogue string with (story) values filled in, as a literal label."""
    return label(tr(lang, key, **values))
