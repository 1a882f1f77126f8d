"""A story text as a string in the reader's language, marked when it falls back to another.

Every view (the panes, the script screen, the handouts, the brief, source labels) marks a
missing translation the same way, " ⟨en⟩", so a reader can trust that an unmarked text is in
their language.
"""

from __future__ import annotations

from story import Localized
from story.localized import Shown


def fallback_mark(lang: str) -> str:
    """What follows a text shown in another language than the reader's: " ⟨en⟩"."""
    return f" ⟨{lang}⟩"


def marked(shown: Shown) -> str:
    """A picked text with its fallback mark, if it fell back."""
    return shown.text + (fallback_mark(shown.lang) if shown.is_fallback else "")


def in_lang(value: Localized, lang: str) -> str:
    """A story text in `lang` as one string, marked if it is in another language."""
    return marked(value.get(lang))
