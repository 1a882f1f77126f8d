"""Dates and times as the story writes them: plain strings, checked and sortable.

Background events may be dated to a month or a year only, so dates stay strings ("2015",
"2022-11", "2023-11-17") with a sort key rather than `datetime.date`, which cannot say "some day
in 2015".
"""

from __future__ import annotations

import re
from datetime import date

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$|^(morning|midday|afternoon|evening|night)$"
PARTS_OF_DAY = ("morning", "midday", "afternoon", "evening", "night")
_PART_MINUTES = {
    "morning": 9 * 60,
    "midday": 12 * 60,
    "afternoon": 15 * 60,
    "evening": 19 * 60,
    "night": 22 * 60,
}
_DATE_RE = re.compile(DATE_PATTERN)


def is_full_day(value: str) -> bool:
    """True for a calendar day ("2023-11-17"), false for a month or a year."""
    return len(value) == 10


def parse_day(value: str) -> date:
    """The `date` of a full "YYYY-MM-DD" string (raises ValueError otherwise)."""
    return date.fromisoformat(value)


def check_date(value: str) -> str | None:
    """Why `value` is not a valid story date, or None when it is."""
    if not _DATE_RE.match(value):
        return f'\'{value}\' is not a date: write "YYYY-MM-DD", "YYYY-MM" or "YYYY"'
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return f"'{value}' is not a real calendar date"
    return None


def date_sort_key(value: str) -> tuple[int, int, int]:
    """Orders coarse dates before the finer dates they contain ("2015" < "2015-12")."""
    parts = [int(p) for p in value.split("-")] + [0, 0]
    return parts[0], parts[1], parts[2]


def time_sort_key(value: str | None) -> int:
    """Minutes after midnight; unknown times sort first, parts of the day at a typical hour."""
    if value is None:
        return -1
    if value in _PART_MINUTES:
        return _PART_MINUTES[value]
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)
