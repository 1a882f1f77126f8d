"""Story text on screen: always literal, never markup, never terminal control sequences.

Every string that comes from a story (or from the user) reaches the screen through `plain()`:
a Rich `Text` (never parsed as markup) whose control characters are replaced by visible
stand-ins, so an ESC in a story cannot retitle the terminal or write to the clipboard, and a
right-to-left override cannot make a title read backwards.
"""

from __future__ import annotations

import re

from rich.style import Style, StyleType
from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls, and the bidi embeddings, overrides and isolates, which can make a
terminal show text in another order than it is written (the loader refuses them all; text can
still come from a crafted cache or saved state)."""


def neutralise(text: str) -> str:
    """Control characters (tab and newline kept) turned into visible, harmless symbols, one for
    one (so offsets into the text, such as search matches, still hold)."""
    return _CONTROL.sub(lambda match: "\ufffd" if match.group() != "\x1b" else "␛", text)


def plain(text: str, style: StyleType = "") -> Text:
    """Literal text for any widget: brackets stay brackets, escapes are neutralised."""
    return Text(neutralise(text), style=style, end="")


def styled(*parts: tuple[str, StyleType] | str) -> Text:
    """A line assembled from literal parts, each with an optional style."""
    line = Text(end="")
    for part in parts:
        if isinstance(part, str):
            line.append(neutralise(part))
        else:
            line.append(neutralise(part[0]), style=part[1] or Style())
    return line
