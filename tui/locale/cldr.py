"""Dates, times, zones and numbers for the reader's language, from CLDR (Babel): no month name
or digit grouping is ours.

Babel's locale data is loaded on first use per language and cached, so switching language costs
one load the first time and nothing after. Every string is also remembered from one run to the
next (`tui.locale.remembered`), and Babel is imported only for a string that is not: a start
usually draws its first frame without it.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from rich.cells import cell_len

from story.dates import PARTS_OF_DAY, is_full_day
from tui.locale.i18n import BABEL_LOCALES, tr
from tui.locale.remembered import remembered

if TYPE_CHECKING:
    from babel import Locale

LOCAL_ZONE = "local"
"""Stands for the reader's own clock (the machine's zone)."""
READER_ZONES = (LOCAL_ZONE, "Europe/Paris", "Asia/Jakarta", "Asia/Shanghai", "UTC")
"""Clocks the reader can compare the story's with (the `z` key cycles them)."""


@cache
def babel_locale(lang: str) -> Locale:
    """The CLDR locale for one of our languages."""
    from babel import Locale

    return Locale.parse(BABEL_LOCALES.get(lang, "en_US"))


def format_date(*args: object, **kwargs: object) -> str:
    """Babel's, imported on first use."""
    from babel.dates import format_date

    return format_date(*args, **kwargs)  # type: ignore[arg-type]


def format_skeleton(*args: object, **kwargs: object) -> str:
    """Babel's, imported on first use."""
    from babel.dates import format_skeleton

    return format_skeleton(*args, **kwargs)  # type: ignore[arg-type]


def format_time(*args: object, **kwargs: object) -> str:
    """Babel's, imported on first use."""
    from babel.dates import format_time

    return format_time(*args, **kwargs)  # type: ignore[arg-type]


@remembered
def short_day(iso_day: str, lang: str) -> str:
    """A day for the strip: "Fri, Nov 17", "ven. 17 nov.", "Jum, 17 Nov", "11月17日周五"."""
    return format_skeleton("MMMEd", date.fromisoformat(iso_day), locale=babel_locale(lang))


@remembered
def long_day(iso_day: str, lang: str) -> str:
    """A day in full: "Friday, November 17, 2023", "vendredi 17 novembre 2023"."""
    return format_date(date.fromisoformat(iso_day), format="full", locale=babel_locale(lang))


def _any_date(value: str, lang: str, day_skeleton: str | None, month_skeleton: str) -> str:
    """A story date, however coarse: a full day (the full CLDR format when `day_skeleton` is
    None), a month and year, or a year as written."""
    if is_full_day(value):
        day = date.fromisoformat(value)
        if day_skeleton is None:
            return format_date(day, format="full", locale=babel_locale(lang))
        return format_skeleton(day_skeleton, day, locale=babel_locale(lang))
    if len(value) == 7:
        first = date.fromisoformat(value + "-01")
        return format_skeleton(month_skeleton, first, locale=babel_locale(lang))
    # A year as the language writes it on its own ("2015", "2015年").
    return format_skeleton("y", date(int(value), 1, 1), locale=babel_locale(lang))


@remembered
def story_date(value: str, lang: str) -> str:
    """In full: "vendredi 17 novembre 2023", "novembre 2022", "2015"."""
    return _any_date(value, lang, None, "yMMMM")


@remembered
def compact_date(value: str, lang: str) -> str:
    """In a few cells: "Fri, Nov 17", "Oct 2023", "2015"."""
    return _any_date(value, lang, "MMMEd", "yMMM")


@remembered
def medium_date(value: str, lang: str) -> str:
    """With its year, in a few words: "Nov 17, 2023", "17 nov. 2023", "2023年11月17日"."""
    return _any_date(value, lang, "yMMMd", "yMMM")


@remembered
def brief_date(value: str, lang: str) -> str:
    """In about eight cells: "Nov 17", "17 nov.", "11月17日", "Oct 2023"."""
    return _any_date(value, lang, "MMMd", "yMMM")


@remembered
def publication_date(value: str, lang: str) -> str:
    """When a source was published, without the weekday: "November 20, 2023", "20 novembre
    2023", "2023年11月20日"."""
    if is_full_day(value):
        return format_date(date.fromisoformat(value), format="long", locale=babel_locale(lang))
    return _any_date(value, lang, None, "yMMMM")


@remembered
def language_name(code: str, lang: str) -> str:
    """A language's name in the reader's language ("chinois", "Tionghoa", "中文")."""
    return str(babel_locale(lang).languages.get(code, code))


def clock_time(value: str | None, lang: str) -> str:
    """An event's time: "12:00 PM" / "12:00", or a part of the day in words; "" when unknown.
    The words come from the UI catalogue (which a translator may swap), so only the CLDR clock
    is remembered between runs."""
    if value is None:
        return ""
    if value in PARTS_OF_DAY:
        return tr(lang, f"time.{value}")
    return _clock(value, lang)


@remembered
def _clock(value: str, lang: str) -> str:
    """ "12:00 PM" / "12:00" for "12:00"."""
    hours, minutes = (int(part) for part in value.split(":"))
    return format_time(time(hours, minutes), format="short", locale=babel_locale(lang))


@remembered
def number(value: int, lang: str) -> str:
    """A count as the language writes it ("100,000", "100 000", "100.000").

    Cached: the days list formats one count per day, again on every language switch, and
    Babel's formatter was the one uncached step there."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=babel_locale(lang)))


@remembered
def zone_name(zone: str, lang: str) -> str:
    """The generic name of a zone: "Pacific Time", "heure du Pacifique", "北美太平洋时间"."""
    from babel.dates import get_timezone_name

    return get_timezone_name(
        ZoneInfo(zone), width="long", zone_variant="generic", locale=babel_locale(lang)
    )


@remembered
def city_name(zone: str, lang: str) -> str:
    """A zone's exemplar city in the reader's language ("Paris", "雅加达")."""
    from babel.dates import get_timezone_location

    return str(get_timezone_location(ZoneInfo(zone), locale=babel_locale(lang), return_city=True))


@remembered
def digits(value: str, clock: str | None, lang: str) -> str:
    """A day and time for Textual's `Digits` (digits, "/" and ":" only): "11/17 12:00" in
    English, "17/11 12:00" in French; a 24-hour clock, which reads the same in every room."""
    locale = babel_locale(lang)
    if is_full_day(value):
        day = format_skeleton("Md", date.fromisoformat(value), locale=locale)
    elif len(value) == 7:
        day = format_skeleton("yM", date.fromisoformat(value + "-01"), locale=locale)
    else:
        day = value
    if clock is None or clock in PARTS_OF_DAY:
        return day
    hours, minutes = (int(part) for part in clock.split(":"))
    return f"{day} {format_skeleton('Hm', time(hours, minutes), locale=locale).replace('.', ':')}"


def moment(day: str, clock: str | None, zone: str) -> datetime | None:
    """The instant of an event, when both its day and its clock time are exact."""
    if clock is None or clock in PARTS_OF_DAY or not is_full_day(day):
        return None
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(date.fromisoformat(day), time(hours, minutes), tzinfo=ZoneInfo(zone))


def elsewhere(instant: datetime, zone: str | tzinfo, lang: str) -> str:
    """The same instant on another clock: "ven. 17 nov. 21:00" (LOCAL_ZONE: the reader's)."""
    if zone == LOCAL_ZONE:
        local = instant.astimezone()
    else:
        local = instant.astimezone(zone if isinstance(zone, tzinfo) else ZoneInfo(zone))
    when = format_skeleton("MMMEd", local.date(), locale=babel_locale(lang))
    return f"{when} {format_time(local.time(), format='short', locale=babel_locale(lang))}"


@remembered
def strip_day(iso_day: str, lang: str, cells: int = 4) -> str:
    """A day in at most `cells` cells, for a column of the power strip: "Fr17", "ve17",
    "五17" (the short weekday when it fits, else the narrow one, else the day alone)."""
    day = date.fromisoformat(iso_day)
    locale = babel_locale(lang)
    for pattern in ("EEEEEE", "EEEEE"):
        label = format_date(day, pattern, locale=locale) + str(day.day)
        if cell_len(label) <= cells:
            return label
    return str(day.day)
