"""Story objects as Rich `Text`, for the panes: pure functions of the story and the language.

Kept out of the widgets so that what a pane shows is tested without running an app, and so every
string goes through `tui.view.safe` (literal, no markup, no control characters).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from story import Day, Localized, Saga
from story.localized import Shown
from story.model import Actor, Event
from story.moments import RoleSpan
from story.saga import ArcStep
from tui.locale.cldr import (
    brief_date,
    clock_time,
    compact_date,
    long_day,
    number,
    short_day,
)
from tui.locale.i18n import tr
from tui.view.colours import SIGNALS, actor_colour
from tui.view.event_view import (
    ActorLine,
    BeatView,
    EventView,
    NoteView,
    QuoteView,
    SourceView,
    actor_line,
    event_view,
)
from tui.view.safe import plain, styled
from tui.view.shown import fallback_mark
from tui.view.verdicts import VERDICT_MARK, VERDICT_STYLE


def text_in(value: Localized, lang: str, style: str = "") -> Text:
    """A story text in `lang`; a fallback language is marked visibly, never left blank."""
    return shown_text(value.get(lang), style)


def actor_name(saga: Saga, actor_id: str, lang: str) -> Text:
    """An actor's name in their colour (an id the cast does not hold, dimmed)."""
    return line_name(saga, actor_line(saga, actor_id, lang))


def day_title(saga: Saga, day: Day, lang: str) -> str:
    """A day's name: the background, or its weekday and date in the reader's language."""
    return tr(lang, "day.background") if day.is_background else short_day(day.id, lang)


def seat_names(saga: Saga, day: Day, lang: str) -> Text:
    """Who holds the seat the story follows that day, OpenAI's CEO in the saga ("—": nobody)."""
    holders = saga.seat_holders(saga.day_date(day))
    if not holders:
        return plain("—", "dim")
    line = Text(end="")
    for index, holder in enumerate(holders):
        if index:
            line.append(" → ", style="dim")
        line.append_text(text_in(holder.actor.name, lang, actor_colour(saga, holder.actor.id)))
    return line


def day_row(saga: Saga, day: Day, lang: str) -> Text:
    """A row of the strip of days: date on one line, who holds the seat (the CEO) on the next."""
    line = plain(day_title(saga, day, lang), "bold")
    line.append(f"  ({number(len(day.events), lang)})", style="dim")
    power = saga.info.power
    if power is not None:
        line.append("\n")
        line.append_text(plain(tr(lang, "label.seat", seat=power.seat_label(lang)) + " ", "dim"))
        line.append_text(seat_names(saga, day, lang))
    return line


def event_when(event: Event, lang: str, *, dated: bool = False) -> str:
    """What stands before an event's title: its time, or for `dated` rows (the background,
    search results) its short date."""
    if dated:
        return brief_date(event.date, lang)
    if len(event.date) == 10:
        return clock_time(event.time, lang)
    return compact_date(event.date, lang)


def event_row(event: Event, lang: str, *, dated: bool = False) -> Text:
    """An event on one line of text: time (or date), then title."""
    clock = event_when(event, lang, dated=dated)
    line = plain(" " * max(0, 8 - cell_len(clock)) + clock + " ", "dim")
    line.append_text(text_in(event.title, lang))
    return line


def title_column(event: Event, lang: str, *, dated: bool = False) -> int:
    """Where the title starts in an `event_row`: a wrapped title's lines start there too."""
    return max(8, cell_len(event_when(event, lang, dated=dated))) + 1


def roles_text(roles: tuple[Shown, ...]) -> Text:
    """Roles joined for display ("Interim CEO, Board member")."""
    return Text(", ", end="").join(shown_text(role) for role in roles)


def span_on_day(span: RoleSpan, day: str, lang: str) -> Text:
    """A role held on a day, with the moment it starts or ends that day when the story says
    ("CEO (→ 12:00)", "Interim CEO (12:00 →)")."""
    line = text_in(span.role.title, lang)
    ends = span.end if span.end is not None and span.end.date == day else None
    starts = span.start if span.start is not None and span.start.date == day else None
    start_clock = clock_time(starts.time, lang) if starts is not None else ""
    end_clock = clock_time(ends.time, lang) if ends is not None else ""
    if start_clock and end_clock:
        line.append(f" ({start_clock} → {end_clock})")
    elif start_clock:
        line.append(f" ({start_clock} →)")
    elif end_clock:
        line.append(f" (→ {end_clock})")
    return line


def cast_row(saga: Saga, actor: Actor, day: str, lang: str) -> Text:
    """A row of the cast: the name in colour, the roles held that day (and when they start or
    end, on a day of change), in plain dim grey (dim on the actor's colour fell to 3.4:1)."""
    line = Text(end="")
    line.append_text(actor_name(saga, actor.id, lang))
    spans = saga.spans_on(actor.id, day)
    role = Text(", ", end="").join(span_on_day(span, day, lang) for span in spans)
    if role.plain:
        role.stylize("dim")
        line.append("\n  ")
        line.append_text(role)
    return line


ARC_MARKS = {"here": ("▶ ", "bold reverse"), "since": ("▷ ", "bold"), "": ("  ", "")}
"""How an arc step is marked: the event on screen, the actor's last step before it, or none."""


def arc_row(saga: Saga, step: ArcStep, lang: str, mark: str = "") -> Text:
    """A step of the followed actor's arc, marked when it is (or last precedes) the moment."""
    date = compact_date(step.date, lang)
    if step.time is not None:
        date += " " + clock_time(step.time, lang)
    here = mark == "here"
    symbol, style = ARC_MARKS[mark]
    line = plain(symbol, style)
    line.append(f"{date}  ", style="dim")
    if step.event is not None:
        line.append_text(text_in(step.event.title, lang, "bold" if here else ""))
    elif step.role is not None:
        key = "arc.role_starts" if step.starts else "arc.role_ends"
        line.append(tr(lang, key, role=step.role.title(lang)), style="italic")
    return line


def shown_text(shown: Shown, style: str = "") -> Text:
    """A picked story text, its fallback language marked visibly (" ⟨en⟩")."""
    line = plain(shown.text, style)
    if shown.is_fallback:
        line.append(fallback_mark(shown.lang), style="italic dim")
    return line


def line_name(saga: Saga, line: ActorLine, style: str = "bold") -> Text:
    """An actor's name in their colour (an id the cast does not hold, dimmed)."""
    if not line.known:
        return plain(line.name.text, "dim")
    return shown_text(line.name, f"{style} {actor_colour(saga, line.actor_id)}".strip())


def quote_block(saga: Saga, quote: QuoteView, lang: str) -> Text:
    """A quote: speaker, the reader's rendering, the source's own wording."""
    block = Text(end="")
    block.append("❝ ", style="bold")
    block.append_text(line_name(saga, quote.speaker))
    if quote.uncertain:
        block.append(" (?)", style="bold")
    block.append("\n  ")
    block.append_text(shown_text(quote.text, "italic"))
    if quote.retranslated:
        block.append("\n  " + tr(lang, "quote.retranslated"), style="dim")
    block.append("\n  ")
    block.append(tr(lang, "quote.original", language=quote.original_language) + " ", style="dim")
    block.append_text(plain(quote.original, "dim italic"))
    return block


def beat_lines(beat: BeatView, lang: str, mark: str = " ") -> Text:
    """A script beat an event echoes: its verdict mark, act, words, then the verdict and why
    (`mark` before it: "▶" for the beat a class is on, in the teacher's notes)."""
    out = Text(end="")
    out.append(f"{mark}{VERDICT_MARK[beat.verdict]} ", style=VERDICT_STYLE[beat.verdict])
    out.append_text(plain(beat.act, "bold"))
    out.append(" — ")
    out.append_text(shown_text(beat.text, "italic"))
    out.append("\n   ")
    out.append(tr(lang, f"verdict.{beat.verdict}") + ": ", style=VERDICT_STYLE[beat.verdict])
    out.append_text(shown_text(beat.why))
    out.append("\n")
    return out


def beat_detail(beat: BeatView, lang: str, *, endings_hint: bool = False) -> Text:
    """A beat against reality, for the script screen: its act, words, verdict and why, then
    the real events it is linked to."""
    out = Text(end="")
    out.append_text(plain(beat.act, "bold"))
    out.append("\n\n")
    out.append_text(shown_text(beat.text, "italic"))
    out.append("\n\n")
    out.append(
        f"{VERDICT_MARK[beat.verdict]} {tr(lang, f'verdict.{beat.verdict}')}",
        style=VERDICT_STYLE[beat.verdict],
    )
    out.append("\n")
    out.append_text(shown_text(beat.why))
    out.append("\n\n" + tr(lang, "script.real_events") + "\n", style="bold")
    if not beat.events:
        out.append_text(plain(tr(lang, "script.no_events"), "dim"))
    for event in beat.events:
        out.append_text(event_row(event, lang, dated=True))
        out.append("\n")
    if endings_hint:
        out.append("\n" + tr(lang, "script.endings_hint"), style="dim italic")
    return out


def notes_block(notes: tuple[NoteView, ...]) -> Text:
    """Teacher notes and perspectives about an event: a ✎, the title, the text."""
    out = Text(end="")
    for note in notes:
        out.append(" ✎ ", style=f"bold {SIGNALS['note']}")
        out.append_text(shown_text(note.title, "bold"))
        out.append("\n   ")
        out.append_text(shown_text(note.text))
        out.append("\n")
    return out


def sources_block(sources: tuple[SourceView, ...], lang: str) -> Text:
    """Sources, one a line, with an outside source's address and mark."""
    out = Text(end="")
    for source in sources:
        out.append(" ◆ ")
        out.append_text(plain(source.label))
        if source.url:
            out.append_text(styled((f" · {source.url}", "dim")))
        if source.outside:
            out.append(" " + tr(lang, "source.outside"), style="bold yellow")
        out.append("\n")
    return out


def event_text(saga: Saga, view: EventView, lang: str) -> Text:
    """The selected event in full: when, what, who (with their role that moment), quotes,
    the script beats that echo it, the notes about it, and sources."""
    out = Text(end="")
    out.append_text(shown_text(view.title, "bold underline"))
    out.append("\n")
    out.append(view.when, style="bold")
    out.append(f" ({view.zone})", style="dim")
    if view.elsewhere is not None:
        out.append("\n" + view.elsewhere, style="bold cyan")
    out.append("\n\n")
    out.append_text(shown_text(view.text))
    if view.actors:
        out.append("\n\n" + tr(lang, "detail.actors") + "\n", style="bold")
        for actor in view.actors:
            out.append(" • ")
            out.append_text(line_name(saga, actor))
            if actor.roles:
                out.append(" — ", style="dim")
                out.append_text(roles_text(actor.roles))
            out.append("\n")
    for quote in view.quotes:
        out.append("\n")
        out.append_text(quote_block(saga, quote, lang))
        out.append("\n")
    if view.beats:
        out.append("\n" + tr(lang, "detail.script") + "\n", style="bold")
        for beat in view.beats:
            out.append_text(beat_lines(beat, lang))
    if view.notes:
        out.append("\n" + tr(lang, "detail.notes") + "\n", style="bold")
        out.append_text(notes_block(view.notes))
    out.append("\n" + tr(lang, "detail.sources") + "\n", style="bold")
    out.append_text(sources_block(view.sources, lang))
    return out


def event_detail(saga: Saga, event: Event, lang: str, compare_zone: str | None) -> Text:
    """The event pane's text: `event_view` drawn by `event_text`."""
    return event_text(saga, event_view(saga, event, lang, compare_zone), lang)


def day_heading(saga: Saga, day: Day, lang: str) -> str:
    """The title of the events pane: the day in full."""
    if day.is_background:
        return tr(lang, "day.background")
    return long_day(day.id, lang)
