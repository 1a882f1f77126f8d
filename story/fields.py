"""The building blocks of the story format: patterns, ids, documented fields, origins.

Kept apart from `story.model` so that every module of the format (`story.model`,
`story.lesson`) builds on them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from story.dates import DATE_PATTERN, DAY_PATTERN, TIME_PATTERN

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$"


@dataclass(frozen=True)
class Pattern:
    """A regular expression a string must match, with the human name used in messages."""

    regex: str
    meaning: str


Id = Annotated[str, Pattern(ID_PATTERN, "a kebab-case id like 'sam-altman'")]
DateStr = Annotated[str, Pattern(DATE_PATTERN, 'a quoted date "YYYY-MM-DD", "YYYY-MM" or "YYYY"')]
DayStr = Annotated[str, Pattern(DAY_PATTERN, 'a quoted date "YYYY-MM-DD"')]
TimeStr = Annotated[
    str,
    Pattern(TIME_PATTERN, 'a quoted time "HH:MM" (24h) or morning/midday/afternoon/evening/night'),
]
LangCode = Annotated[str, Pattern(LANG_PATTERN, "a language code like 'en'")]


def doc(text: str, default: Any = ..., *, key: str | None = None, **kwargs: Any) -> Any:
    """A dataclass field carrying its description, its YAML key when it differs, its default."""
    meta = {"doc": text, "key": key}
    if default is ...:
        return field(metadata=meta, **kwargs)
    if isinstance(default, (list, dict, set)):
        raise TypeError("use tuples for defaults")
    return field(default=default, metadata=meta, **kwargs)


@dataclass(frozen=True)
class Origin:
    """Where an item was read: its file and its path inside the YAML document."""

    file: str
    path: tuple[str | int, ...]


NOWHERE = Origin("", ())
INTERNAL = {"internal": True}


def origin_field() -> Any:
    """The `origin` of an item: filled by the loader, not part of the format, not compared."""
    return field(default=NOWHERE, compare=False, repr=False, metadata=INTERNAL)
