"""The story as plain, frozen data: sources, actors, events, quotes, script, perspectives, notes.

These classes are the one definition of the story format: the loader converts YAML into them
field by field (`story.convert`), and the JSON Schema that editors use is generated from them
(`story.schema`). Each field's docstring, given as `doc(...)` metadata, becomes the schema's
description, so authors and code read the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from story.fields import (
    ID_PATTERN,
    INTERNAL,
    LANG_PATTERN,
    NOWHERE,
    DateStr,
    DayStr,
    Id,
    LangCode,
    Origin,
    Pattern,
    TimeStr,
    doc,
    origin_field,
)
from story.lesson import Lesson
from story.localized import EMPTY, Localized

__all__ = [
    "ID_PATTERN",
    "INTERNAL",
    "LANG_PATTERN",
    "NOWHERE",
    "DateStr",
    "DayStr",
    "Id",
    "LangCode",
    "Lesson",
    "Origin",
    "Pattern",
    "TimeStr",
    "doc",
    "origin_field",
]


@dataclass(frozen=True)
class Power:
    """What the power strip follows day by day: who holds an organisation's top seat, and how
    many sit on one of its bodies (for the saga: OpenAI's CEO and its board)."""

    org: Id = doc("The organisation (an actor id) whose seat and body are followed.")
    seat: tuple[Id, ...] = doc("The positions that hold the top seat ([ceo, interim-ceo]).")
    seat_label: Localized = doc("How the strip names the seat ('CEO').")
    body: tuple[Id, ...] = doc("The positions whose holders are counted ([board-member]).", ())
    body_label: Localized = doc("How the strip names the body it counts ('Board').", EMPTY)
    origin: Origin = origin_field()


@dataclass(frozen=True)
class StoryInfo:
    """The story's title and settings."""

    title: Localized = doc("The story's title.")
    zone: str = doc("The IANA time zone of every date and time in the story.")
    languages: tuple[LangCode, ...] = doc("The languages every text should be written in.")
    subtitle: Localized = doc("A line under the title.", EMPTY)
    focus_from: DayStr | None = doc("Events dated before this day form the 'background' day.", None)
    power: Power | None = doc("What the power strip follows; no strip without it.", None)
    opening: Id | None = doc(
        "The event a new reader starts at (the heart of the story); else the first.", None
    )
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Source:
    """Where facts come from: a seed article or an outside public source."""

    id: Id = doc("Stable id, cited by events, quotes, roles, acts.")
    kind: Literal["seed", "outside"] = doc(
        "'seed' for a file of the seed articles, 'outside' for public record beyond them."
    )
    title: Localized = doc("The article's title, in each reader's language.")
    outlet: Localized = doc("Who published it, as readers know the outlet in their language.")
    language: LangCode = doc("The language of the text as we have it.")
    file: str | None = doc(
        "The seed's file name (seeds only): for authors and checks, never shown as the label.",
        None,
    )
    original_language: LangCode | None = doc("The language it was first written in.", None)
    date: DateStr | None = doc("Publication date.", None)
    url: str | None = doc("Public address (required for outside sources).", None)
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Role:
    """A position an actor holds over a span: from a day or a moment to a day or a moment.

    Either end may be open. An end given as a day alone includes that whole day; a time of day,
    or the event that starts or ends the role, places it at that moment (Altman was CEO on the
    morning of Friday 17 November 2023, not that afternoon).
    """

    position: Id = doc("A kebab key: ceo, interim-ceo, cto, president, chair, board-member, ...")
    title: Localized = doc("How the role is named.")
    sources: tuple[Id, ...] = doc("Sources of this role.")
    org: Id | None = doc("The organisation (an actor id).", None)
    start: DateStr | None = doc("First day held; open when absent.", None, key="from")
    end: DateStr | None = doc(
        "Last day held (the whole day, unless `to_time` says when it ends); open when absent.",
        None,
        key="to",
    )
    start_time: TimeStr | None = doc(
        "When on the `from` day it starts (the story's zone).", None, key="from_time"
    )
    end_time: TimeStr | None = doc(
        "When on the `to` day it ends (the story's zone): not held after it.", None, key="to_time"
    )
    start_event: Id | None = doc(
        "The event that starts it, instead of `from`: held from that event on.",
        None,
        key="from_event",
    )
    end_event: Id | None = doc(
        "The event that ends it, instead of `to`: held until that event, not after it.",
        None,
        key="to_event",
    )
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Actor:
    """A person or an organisation of the story."""

    id: Id = doc("Kebab-case of the full name ('sam-altman'); organisations by name ('openai').")
    kind: Literal["person", "organisation"] = doc("Person or organisation.")
    name: Localized = doc("The real name.")
    bio: Localized = doc("A short biography.")
    sources: tuple[Id, ...] = doc("Sources of the bio.")
    camp: Localized = doc("The camp the sources place them in.", EMPTY)
    roles: tuple[Role, ...] = doc("Roles as spans of days.", ())
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Quote:
    """A statement, post or line a source quotes."""

    id: Id = doc("Stable id.")
    speaker: Id = doc("Who said it (an actor id).")
    original: str = doc("The source's wording, exactly as found.")
    original_language: LangCode = doc("The language of `original`.")
    text: Localized = doc("The rendering in each language.")
    sources: tuple[Id, ...] = doc("Where it is quoted.")
    retranslated: bool = doc(
        "True when renderings are translations of a translation (the first words are lost).",
        False,
    )
    speaker_uncertain: bool = doc(
        "True when the source does not make clear who said it: `speaker` is who it seems to"
        " credit, and readers are shown the doubt.",
        False,
    )
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Figure:
    """A number an event is about (signatures on a letter), for the picture of power."""

    value: int = doc("The number, as the sources give it.")
    label: Localized = doc("What is counted ('signed the letter').")
    total: int | None = doc("Out of how many, when the sources say.", None)


@dataclass(frozen=True)
class Event:
    """Something that happened, on a day (Pacific time) and, where known, at a time."""

    id: Id = doc("Stable id, used in deep links (--event ID).")
    date: DateStr = doc('"YYYY-MM-DD", or "YYYY-MM" / "YYYY" for background.')
    title: Localized = doc("A short headline.")
    text: Localized = doc("What happened, in a few sentences.")
    sources: tuple[Id, ...] = doc("The sources it comes from.")
    time: TimeStr | None = doc("Time of day in the story's zone, when known.", None)
    actors: tuple[Id, ...] = doc("Actors involved.", ())
    quotes: tuple[Quote, ...] = doc("What was said.", ())
    figure: Figure | None = doc("A number the event is about, shown on the power strip.", None)
    origin: Origin = origin_field()


Verdict = Literal["happened", "partly", "did-not-happen"]


@dataclass(frozen=True)
class Beat:
    """One beat of ChatGPT's script, set against what really happened."""

    id: Id = doc("Stable id.")
    text: Localized = doc("What the script says.")
    verdict: Verdict = doc("Did it happen: happened, partly, did-not-happen.")
    why: Localized = doc("One line: what really happened.")
    events: tuple[Id, ...] = doc("The real events it echoes or contradicts.", ())
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Act:
    """An act of the script, its climax or one of its endings."""

    id: Id = doc("act-1 ... act-5, climax, ending-light, ending-tragic.")
    kind: Literal["act", "climax", "ending"] = doc("Act, climax or ending.")
    title: Localized = doc("The act's title (the French is the script's own).")
    beats: tuple[Beat, ...] = doc("The act's beats.")
    sources: tuple[Id, ...] = doc("Where the script is given.")
    origin: Origin = origin_field()


@dataclass(frozen=True)
class ScriptRole:
    """A character as the script sets it up."""

    label: Localized = doc("How the script names the role.")
    text: Localized = doc("The role setting.")
    actor: Id | None = doc("The real actor, if one.", None)
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Script:
    """The script ChatGPT wrote of the saga."""

    title: Localized = doc("The script's title.")
    summary: Localized = doc("Its plot summary.")
    sources: tuple[Id, ...] = doc("Where it is given.")
    roles: tuple[ScriptRole, ...] = doc("Role settings.", ())
    acts: tuple[Act, ...] = doc("Acts, climax and endings, in order.", ())
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Perspective:
    """An analysis a source offers: a lesson, a winner, a loser."""

    id: Id = doc("Stable id.")
    kind: Literal["lesson", "winner", "loser"] = doc("Lesson, winner or loser.")
    title: Localized = doc("Its headline.")
    text: Localized = doc("The argument, in a few sentences.")
    sources: tuple[Id, ...] = doc("Where it is argued.")
    events: tuple[Id, ...] = doc("Events it discusses.", ())
    actors: tuple[Id, ...] = doc("Actors it discusses.", ())
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Note:
    """A note for teachers: a garbled translation, a contradiction between sources, context."""

    id: Id = doc("Stable id.")
    kind: Literal["translation", "contradiction", "context"] = doc("What kind of note.")
    title: Localized = doc("Its headline.")
    text: Localized = doc("The note.")
    sources: tuple[Id, ...] = doc("The sources it is about.")
    events: tuple[Id, ...] = doc("Events it concerns.", ())
    actors: tuple[Id, ...] = doc("Actors it concerns.", ())
    origin: Origin = origin_field()


@dataclass(frozen=True)
class StoryFile:
    """One YAML file of a story: any of these sections (story and script once per story)."""

    story: StoryInfo | None = doc("Title and settings.", None)
    sources: tuple[Source, ...] = doc("Sources.", ())
    actors: tuple[Actor, ...] = doc("People and organisations.", ())
    events: tuple[Event, ...] = doc("Events.", ())
    script: Script | None = doc("ChatGPT's script.", None)
    perspectives: tuple[Perspective, ...] = doc("Analyses.", ())
    notes: tuple[Note, ...] = doc("Notes for teachers.", ())
    lesson: Lesson | None = doc("Discussion questions and a quiz for a class (optional).", None)
