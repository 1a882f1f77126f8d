"""What presenter mode shows of an event, for a room: pure functions, no Textual.

Big digits for the day and time, the day in words, the headline, the text. Never the teacher
notes, the sources or the script verdicts: a projector shows what the class reads, and the
teacher keeps the rest on a second screen (`openai-saga notes`).
"""

from __future__ import annotations

from rich.text import Text

from story import Saga
from story.model import Event
from tui.locale.cldr import clock_time, digits, number, story_date, zone_name
from tui.locale.i18n import tr
from tui.view.presenter_clock import Playlist, PresenterClock
from tui.view.render import day_title, text_in


def big_digits(event: Event, lang: str) -> str:
    """The day and time for Textual's `Digits` (`tui.locale.cldr.digits`)."""
    return digits(event.date, event.time, lang)


def day_line(saga: Saga, event: Event, lang: str) -> Text:
    """The day in words, the time (or part of the day) and the story's clock."""
    out = Text(story_date(event.date, lang), style="bold", end="")
    clock = clock_time(event.time, lang)
    if clock:
        out.append(f" · {clock}")
    out.append(f"  ({zone_name(saga.info.zone, lang)})", style="dim")
    return out


def headline(event: Event, lang: str) -> Text:
    return text_in(event.title, lang, "bold")


def body(event: Event, lang: str) -> Text:
    """The event's text, and nothing for the teacher's eyes only."""
    return text_in(event.text, lang)


def status_line(
    saga: Saga, event_id: str, playlist: Playlist, clock: PresenterClock, now: float, lang: str
) -> Text:
    """ "12 / 55", the countdown or "paused", and the days played when held to a range."""
    out = Text(end="")
    position = playlist.position(event_id)
    if position is None:
        out.append(tr(lang, "presenter.outside"), style="italic")
    else:
        out.append(f"{number(position, lang)} / {number(len(playlist.events), lang)}", style="bold")
    remaining = clock.remaining(now)
    if clock.paused:
        out.append("  ·  " + tr(lang, "presenter.paused"), style="bold yellow")
    elif remaining is not None:
        seconds = max(0, round(remaining))
        out.append("  ·  " + tr(lang, "presenter.next_in", seconds=number(seconds, lang)))
    if not playlist.is_whole_story and playlist.first_day and playlist.last_day:
        first = day_title(saga, saga.day_by_id[playlist.first_day], lang)
        last = day_title(saga, saga.day_by_id[playlist.last_day], lang)
        out.append(f"  ·  {first} → {last}", style="dim")
    return out
