"""Folding text for search: lower case, no accents, so "Licencié" matches "licencie".

Folding works character by character (case folding and compatibility decomposition map each
character alone, and the combining marks that decomposition could reorder are dropped), so many
texts can be folded in one call of each C method and cut apart again (`fold_each`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence


def fold(text: str) -> str:
    """Lower-case without accents, so "Licencié" matches "licencie"."""
    if text.isascii():
        return text.lower()  # the same, without decomposing: most of a story's text is ASCII
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed.translate(_WITHOUT_MARKS)


def fold_lines(texts: Iterable[str]) -> str:
    """`fold` of the texts joined by newlines, each folded by itself: the English and
    Indonesian of a text stay ASCII and take `fold`'s short way."""
    return "\n".join(fold(text) for text in texts)


SEPARATOR = "\x1f"
"""Joins the texts `fold_each` folds together: a control character that folding keeps as it is
and that story texts do not hold (a text that does is folded by itself)."""


def fold_each(texts: Sequence[str]) -> list[str]:
    """`[fold(text) for text in texts]`, folded in one call: a thousand titles in one
    language cost one pass of each C method instead of a thousand Python calls."""
    folded = fold(SEPARATOR.join(texts)).split(SEPARATOR)
    if len(folded) != max(1, len(texts)):  # a text held the separator itself
        return [fold(text) for text in texts]
    return folded if texts else []


class _Marks(dict[int, int | None]):
    """For `str.translate`: drops combining marks, keeps every other character. Filled as
    characters are met, so a story's texts are folded in C, not by a Python loop over each
    character (7.4 million characters at 10,000 events: 1.7 s)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _Marks()
