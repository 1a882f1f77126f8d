"""Text in several languages, with a fallback the UI can show as such."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

FALLBACK_ORDER = ("en",)
"""Where to look first when a text lacks the reader's language (then in the text's own order):
no list of this story's languages here, a story declares its own."""


class Shown(NamedTuple):
    """A text picked for a reader: what to show, in which language, and whether it fell back."""

    text: str
    lang: str
    is_fallback: bool


@dataclass(frozen=True)
class Localized:
    """One human-readable text, one value per language (`{en: ..., fr: ...}` in YAML)."""

    values: Mapping[str, str]

    def get(self, lang: str) -> Shown:
        """The text in `lang`, else the first language of FALLBACK_ORDER that has it.

        Never blank: a story that says nothing in any language shows an empty string marked as
        a fallback, which `validate` reports anyway.
        """
        text = self.values.get(lang)
        if text:
            return Shown(text, lang, False)
        for other in (*FALLBACK_ORDER, *self.values):
            text = self.values.get(other)
            if text:
                return Shown(text, other, True)
        return Shown("", lang, True)

    def __call__(self, lang: str) -> str:
        """Shorthand for the plain text in `lang` (with fallback)."""
        return self.get(lang).text

    def has(self, lang: str) -> bool:
        """Whether this text is written in `lang` (not blank)."""
        return bool(self.values.get(lang, "").strip())

    def all_texts(self) -> tuple[str, ...]:
        """Every language's text, for search across languages."""
        return tuple(self.values.values())


EMPTY = Localized({})
