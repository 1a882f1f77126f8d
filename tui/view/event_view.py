"""What is shown of an event, a script beat and an actor: built once, drawn by every view.

The event pane and the teacher's notes (Rich text), the script screen, and the handouts
(Markdown, HTML) all draw these values, so they show the same parts in the same order: the same
actors with their roles that moment, the same quotes, script beats (numbered as the script
screen numbers them), teacher notes and sources, and a text missing in the reader's language
marked the same way. They are plain data: each view picks its own styles and layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from story import Saga
from story.localized import Shown
from story.model import Act, Beat, Event, Note, Perspective, Verdict
from story.moments import Bound
from tui.locale.cldr import (
    LOCAL_ZONE,
    city_name,
    clock_time,
    elsewhere,
    moment,
    story_date,
    zone_name,
)
from tui.locale.i18n import tr
from tui.view.script import act_label
from tui.view.sources import source_label


@dataclass(frozen=True, slots=True)
class ActorLine:
    """An actor taking part in an event, with the roles they hold at that moment."""

    actor_id: str
    name: Shown
    known: bool
    """False for an id the story's cast does not hold (shown as the id, dimmed)."""
    roles: tuple[Shown, ...]


@dataclass(frozen=True, slots=True)
class QuoteView:
    """A quote: who said it, the reader's rendering, and the source's own wording."""

    speaker: ActorLine
    uncertain: bool
    text: Shown
    retranslated: bool
    original_language: str
    original: str


@dataclass(frozen=True, slots=True)
class BeatView:
    """A beat of ChatGPT's script: its act, its words, its verdict and why, its real events."""

    id: str
    act_id: str
    act: str
    """The act as the script screen names it: "Act 2 · Undercurrent", or the ending's title."""
    act_kind: str
    text: Shown
    verdict: Verdict
    why: Shown
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class NoteView:
    """A teacher's note or a perspective about an event."""

    title: Shown
    text: Shown


@dataclass(frozen=True, slots=True)
class SourceView:
    """A source as readers know it, its public address, and whether it is outside the seeds."""

    label: str
    url: str
    outside: bool


@dataclass(frozen=True, slots=True)
class EventView:
    """Everything shown of an event, in the order every view shows it."""

    id: str
    title: Shown
    date: str
    """The day in full ("Friday 17 November 2023")."""
    clock: str
    """The time ("12:00"), or "" when the story gives none."""
    zone: str
    """The story's time zone by name."""
    elsewhere: str | None
    """The same moment on another clock ("In Paris: …"), when one is chosen."""
    text: Shown
    actors: tuple[ActorLine, ...]
    quotes: tuple[QuoteView, ...]
    beats: tuple[BeatView, ...]
    notes: tuple[NoteView, ...]
    sources: tuple[SourceView, ...]

    @property
    def when(self) -> str:
        """Day and time on one line: "Friday 17 November 2023 · 12:00"."""
        return self.date + (f" · {self.clock}" if self.clock else "")


@dataclass(frozen=True, slots=True)
class RoleView:
    """A role an actor holds, from the moment it starts to the moment it ends."""

    title: Shown
    org: Shown | None
    start: str
    """Day and time it starts ("…" when the story does not say)."""
    end: str


@dataclass(frozen=True, slots=True)
class ActorView:
    """An actor: name, who they are, their side, their roles over the story."""

    id: str
    name: Shown
    bio: Shown
    camp: Shown | None
    roles: tuple[RoleView, ...]
    sources: tuple[SourceView, ...]


def actor_line(saga: Saga, actor_id: str, lang: str, event: Event | None = None) -> ActorLine:
    """An actor's name, and with an `event` the roles they hold at its moment."""
    actor = saga.actors.get(actor_id)
    if actor is None:
        return ActorLine(actor_id, Shown(actor_id, lang, False), False, ())
    roles = saga.roles_at(actor_id, event) if event is not None else ()
    return ActorLine(
        actor_id, actor.name.get(lang), True, tuple(role.title.get(lang) for role in roles)
    )


def source_views(saga: Saga, source_ids: tuple[str, ...], lang: str) -> tuple[SourceView, ...]:
    """Sources as readers know them, in the order cited."""
    return tuple(
        SourceView(source_label(source, lang), source.url or "", source.kind == "outside")
        for source in (saga.sources[source_id] for source_id in source_ids)
    )


def beat_view(saga: Saga, act: Act, beat: Beat, lang: str) -> BeatView:
    """A beat with its act numbered as on the script screen, and its real events."""
    script = saga.script
    label = act_label(script, act, lang) if script is not None else act.title(lang)
    return BeatView(
        id=beat.id,
        act_id=act.id,
        act=label,
        act_kind=act.kind,
        text=beat.text.get(lang),
        verdict=beat.verdict,
        why=beat.why.get(lang),
        events=tuple(saga.event_by_id[event_id] for event_id in beat.events),
    )


def note_view(note: Note | Perspective, lang: str) -> NoteView:
    """A note or perspective as its title and text."""
    return NoteView(note.title.get(lang), note.text.get(lang))


def elsewhere_line(saga: Saga, event: Event, lang: str, compare_zone: str) -> str:
    """The event's moment on a second clock ("In Paris: Friday 21:00"), or that it has no time."""
    place = tr(lang, "zone.local") if compare_zone == LOCAL_ZONE else city_name(compare_zone, lang)
    instant = moment(event.date, event.time, saga.info.zone)
    when = elsewhere(instant, compare_zone, lang) if instant else tr(lang, "zone.no_time")
    return tr(lang, "detail.elsewhere", zone=place, when=when)


def event_view(saga: Saga, event: Event, lang: str, compare_zone: str | None = None) -> EventView:
    """Everything shown of `event` in `lang` (with its moment on `compare_zone`'s clock)."""
    return EventView(
        id=event.id,
        title=event.title.get(lang),
        date=story_date(event.date, lang),
        clock=clock_time(event.time, lang),
        zone=zone_name(saga.info.zone, lang),
        elsewhere=elsewhere_line(saga, event, lang, compare_zone) if compare_zone else None,
        text=event.text.get(lang),
        actors=tuple(actor_line(saga, actor_id, lang, event) for actor_id in event.actors),
        quotes=tuple(
            QuoteView(
                speaker=actor_line(saga, quote.speaker, lang),
                uncertain=quote.speaker_uncertain,
                text=quote.text.get(lang),
                retranslated=quote.retranslated,
                original_language=quote.original_language,
                original=quote.original,
            )
            for quote in event.quotes
        ),
        beats=tuple(
            beat_view(saga, act, beat, lang) for act, beat in saga.acts_of_event.get(event.id, ())
        ),
        notes=tuple(note_view(note, lang) for note in saga.notes_about(event.id)),
        sources=source_views(saga, event.sources, lang),
    )


def day_and_time(date: str, time: str | None, lang: str) -> str:
    """ "Friday 17 November 2023 · 12:00" (the day alone when the story gives no time)."""
    clock = clock_time(time, lang)
    return story_date(date, lang) + (f" · {clock}" if clock else "")


def bound_text(bound: Bound | None, lang: str) -> str:
    """One end of a role: its day and, when the story says, its time; "…" when open."""
    return "…" if bound is None else day_and_time(bound.date, bound.time, lang)


def actor_view(saga: Saga, actor_id: str, lang: str) -> ActorView:
    """An actor for a dossier or the cast of a handout."""
    actor = saga.actors[actor_id]
    roles = tuple(
        RoleView(
            title=span.role.title.get(lang),
            org=actor_line(saga, span.role.org, lang).name if span.role.org else None,
            start=bound_text(span.start, lang),
            end=bound_text(span.end, lang),
        )
        for span in saga.role_spans.get(actor_id, ())
    )
    return ActorView(
        id=actor.id,
        name=actor.name.get(lang),
        bio=actor.bio.get(lang),
        camp=actor.camp.get(lang) if actor.camp.values else None,
        roles=roles,
        sources=source_views(saga, actor.sources, lang),
    )
