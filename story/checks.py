"""Checks across a whole story: ids, references, sources, roles, dates and translations.

The converter checks each value's shape where it stands; these checks need the whole story at
once (a reference in one file to an id in another). Each problem is placed at the offending
value through the item's `origin` and the Documents that recorded every place.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, get_args, get_type_hints

from story.dates import check_date, is_full_day
from story.localized import EMPTY, Localized
from story.model import Actor, Event, Origin, Pattern, Role, StoryFile, StoryInfo
from story.moments import Bound, EventPlace, resolve
from story.problems import Problem, ProblemLog
from story.saga import ordered
from story.yamlread import Document


@dataclass
class CheckContext:
    """The documents of a story by file name, and the problems found so far."""

    documents: dict[str, Document]
    problems: ProblemLog
    story: str = "story"
    """The story as the user named it (a folder or a file), for problems of the whole story."""
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Ids of items already reported as wrong, by kind: references to them are not reported."""
    broken_sections: set[str] = field(default_factory=set)
    """Sections (`story`, `script`) or kinds already reported as wrong."""
    incomplete: bool = False
    """Some file could not be read at all: any id may be defined there, so references to
    unknown ids are not reported (they would be a cascade of the one real problem)."""

    def at(
        self,
        origin: Origin,
        *rest: str | int,
        message: str,
        key: bool = False,
        first: Origin | None = None,
    ) -> None:
        """Record a problem at `origin` + `rest` (at its key rather than its value with `key`);
        `first` names another place the message refers to."""
        document = self.documents.get(origin.file)
        if document is None:
            self.problems.append(Problem(origin.file or self.story, None, None, message))
            return
        also = (first.file, first.path) if first is not None else None
        self.problems.append(document.problem((*origin.path, *rest), message, key=key, first=also))


@dataclass(frozen=True, slots=True)
class Shape:
    """What the checks need to know of one model class, worked out once from its hints."""

    children: tuple[str, ...]
    """Fields that may hold model objects (nested records, lists of records), `origin` left
    out: an `Origin` says where an item is written and holds nothing to check."""
    references: tuple[tuple[str, str], ...]
    """Fields that name other items: (field, kind of item)."""
    dates: tuple[tuple[str, str], ...]
    """Fields holding dates: (field, YAML key)."""
    texts: tuple[tuple[str, str], ...]
    """Fields holding `Localized` texts: (field, YAML key)."""
    has_origin: bool
    sourced: bool
    """Items of this kind must cite a source."""
    has_id: bool
    optional_texts: frozenset[str]
    """Text fields that may be left out altogether (their default is the empty text)."""


_SHAPES: dict[type, Shape] = {}


def shape_of(cls: type) -> Shape:
    """The `Shape` of a model class (worked out on first use)."""
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _work_out_shape(cls)
    return shape


def _work_out_shape(cls: type) -> Shape:
    hints = get_type_hints(cls)
    children: list[str] = []
    references: list[tuple[str, str]] = []
    dates: list[tuple[str, str]] = []
    texts: list[tuple[str, str]] = []
    for item in fields(cls):
        key = item.metadata.get("key") or item.name
        inner = _inner_types(hints[item.name])
        if Localized in inner:
            texts.append((item.name, key))
        elif item.name != "origin" and any(is_dataclass(kind) for kind in inner):
            children.append(item.name)
        if item.name in REFERENCES:
            references.append((item.name, REFERENCES[item.name]))
        if item.name in DATE_FIELDS:
            dates.append((item.name, key))
    names = {item.name for item in fields(cls)}
    return Shape(
        tuple(children),
        tuple(references),
        tuple(dates),
        tuple(texts),
        "origin" in names,
        _kind_of(cls) in SOURCED and "sources" in names,
        "id" in names,
        frozenset(item.name for item in fields(cls) if item.default is EMPTY),
    )


def _inner_types(hint: Any) -> set[Any]:
    """The classes a hint can hold, through Optional, tuples and Annotated."""
    args = get_args(hint)
    if not args:
        return {hint}
    found: set[Any] = set()
    for arg in args:
        if arg is not Ellipsis and not isinstance(arg, (str, Pattern)):
            found |= _inner_types(arg)
    return found


def items_with_origin(value: Any) -> Iterator[Any]:
    """Every model object inside `value` (depth first), for checks that apply to all kinds.

    Runs once per item of the story (about three an event): the known classes are looked up
    in one dict, anything else is worked out once."""
    waiting = [value]
    pop, push, extend = waiting.pop, waiting.append, waiting.extend
    shapes = _SHAPES
    while waiting:
        item = pop()
        kind = type(item)
        if kind is tuple:
            extend(reversed(item))
            continue
        shape = shapes.get(kind)
        if shape is None:
            if isinstance(item, tuple):
                extend(reversed(item))
                continue
            if item is None or not is_dataclass(item) or isinstance(item, type):
                continue
            shape = shape_of(kind)
        yield item
        for name in reversed(shape.children):
            push(getattr(item, name))


def _tracked(everything: list[Any]) -> list[tuple[Any, Shape]]:
    """The items that have a place in a file (all the checks look at), with their shapes."""
    shapes = _SHAPES
    return [(item, shape) for item in everything if (shape := shapes[type(item)]).has_origin]


def check_story(files: list[StoryFile], context: CheckContext) -> StoryInfo | None:
    """Run every cross-file check; returns the story's settings when there is exactly one."""
    infos = [file.story for file in files if file.story is not None]
    scripts = [file.script for file in files if file.script is not None]
    for extra in infos[1:]:
        context.at(extra.origin, message="a second 'story' section (there must be one)", key=True)
    for extra_script in scripts[1:]:
        context.at(
            extra_script.origin, message="a second 'script' section (there may be one)", key=True
        )
    info = infos[0] if infos else None
    if info is None:
        if not context.incomplete and "story" not in context.broken_sections:
            context.problems.append(
                Problem(context.story, None, None, "no 'story' section in the story")
            )
    else:
        check_zone(info, context)
    everything = [item for file in files for item in items_with_origin(file)]
    tracked = _tracked(everything)
    ids = check_unique_ids(tracked, context)
    check_references(tracked, ids, context)
    check_dates(tracked, context)
    events = tuple(item for item in everything if isinstance(item, Event))
    check_roles([item for item in everything if isinstance(item, Actor)], events, context)
    if info is not None:
        check_translations(tracked, info.languages, context)
    return info


def check_zone(info: StoryInfo, context: CheckContext) -> None:
    """The story's zone must be a real IANA zone."""
    try:
        zoneinfo.ZoneInfo(info.zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        context.at(info.origin, "zone", message=f"'{info.zone}' is not a known time zone")


def _kind(item: Any) -> str:
    """The kind of an item, which its `id` belongs to (quotes, beats... share no namespace)."""
    return _kind_of(type(item))


def _kind_of(cls: type) -> str:
    return cls.__name__.lower()


Tracked = list[tuple[Any, Shape]]
"""The items that have an origin, each with its shape (see `_tracked`)."""


def check_unique_ids(tracked: Tracked, context: CheckContext) -> dict[str, set[str]]:
    """Ids are unique within their kind; returns the ids of each kind."""
    seen: dict[str, dict[str, Origin]] = {}
    for item, shape in tracked:
        if not shape.has_id:
            continue
        kind_ids = seen.setdefault(_kind(item), {})
        if item.id in kind_ids:
            first = kind_ids[item.id]
            message = f"duplicate {_kind(item)} id '{item.id}'"
            context.at(item.origin, "id", message=message, first=first)
        else:
            kind_ids[item.id] = item.origin
    return {kind: set(ids) for kind, ids in seen.items()}


# Which fields refer to which kind of item.
REFERENCES = {
    "actors": "actor",
    "speaker": "actor",
    "org": "actor",
    "actor": "actor",
    "sources": "source",
    "events": "event",
    "start_event": "event",
    "opening": "event",
    "end_event": "event",
}
SOURCED = ("event", "quote", "role", "actor", "act", "perspective", "note", "script")
DATE_FIELDS = ("date", "start", "end", "focus_from")


def _yaml_key(cls: type, name: str) -> str:
    """The key a field is written under in YAML (`end_event` is `to_event`)."""
    return next((f.metadata.get("key") for f in fields(cls) if f.name == name), None) or name


def check_references(tracked: Tracked, ids: dict[str, set[str]], ctx: CheckContext) -> None:
    """Every reference names an existing id, and every item that must cite a source does.

    A reference to an item already reported as broken, or made while some file could not be
    read, is not reported: it would repeat one real problem many times."""
    nothing: set[str] = set()
    for item, shape in tracked:
        for name, target in shape.references:
            value = getattr(item, name)
            references = value if isinstance(value, tuple) else (value,)
            known = ids.get(target, nothing)
            for index, reference in enumerate(references):
                if reference is None or reference in known:
                    continue
                if ctx.incomplete or reference in ctx.broken.get(target, ()):
                    continue
                key = _yaml_key(type(item), name)
                rest: tuple[str | int, ...] = (key, index) if isinstance(value, tuple) else (key,)
                ctx.at(item.origin, *rest, message=f"unknown {target} '{reference}'")
        if shape.sourced and not item.sources:
            ctx.at(item.origin, "sources", message=f"this {_kind(item)} cites no source")


def check_dates(tracked: Tracked, context: CheckContext) -> None:
    """Dates are real calendar dates (the format already checked their shape)."""
    reasons: dict[str, str | None] = {}
    """Each date checked once (a story has many events a day)."""
    for item, shape in tracked:
        for name, key in shape.dates:
            value = getattr(item, name)
            if isinstance(value, str):
                if value in reasons:
                    reason = reasons[value]
                else:
                    reason = reasons[value] = check_date(value)
                if reason:
                    context.at(item.origin, key, message=reason)


def check_roles(actors: list[Actor], events: tuple[Event, ...], context: CheckContext) -> None:
    """Each end of a role is a day (maybe with a time) or an event with a full day; a role ends
    after it starts; one actor's spans of one position never overlap."""
    places: EventPlace = {
        event.id: (event, key[1], index) for index, (key, event) in enumerate(ordered(events))
    }
    for actor in actors:
        spans = []
        for role in actor.roles:
            if _check_role_ends(role, places, context):
                spans.append(resolve(role, places))
        for index, span in enumerate(spans):
            start, end = span.start, span.end
            if start is not None and end is not None and end.key < start.key:
                key = "to_event" if span.role.end_event else "to"
                context.at(
                    span.role.origin,
                    key,
                    message=f"role ends ({_shown(end)}) before it starts ({_shown(start)})",
                )
            for earlier in spans[:index]:
                same = (earlier.role.position, earlier.role.org) == (
                    span.role.position,
                    span.role.org,
                )
                if same and _overlap(earlier.start, earlier.end, start, end):
                    context.at(
                        span.role.origin,
                        message=(
                            f"{actor.id}'s '{span.role.position}' role overlaps an earlier one "
                            f"({_shown(earlier.start)} to {_shown(earlier.end)})"
                        ),
                    )


def _check_role_ends(role: Role, places: EventPlace, context: CheckContext) -> bool:
    """Report an end given twice, a time without its day, or an event without a full day;
    True when both ends can be placed."""
    fine = True
    for day, time, event, names in (
        (role.start, role.start_time, role.start_event, ("from", "from_time", "from_event")),
        (role.end, role.end_time, role.end_event, ("to", "to_time", "to_event")),
    ):
        day_key, time_key, event_key = names
        if event is not None and (day is not None or time is not None):
            message = f"give either '{event_key}' or '{day_key}' (with '{time_key}'), not both"
            context.at(role.origin, event_key, message=message, key=True)
            fine = False
        elif time is not None and (day is None or not is_full_day(day)):
            message = f"'{time_key}' needs a full day in '{day_key}' (\"YYYY-MM-DD\")"
            context.at(role.origin, time_key, message=message, key=True)
            fine = False
        elif event is not None and event in places and not is_full_day(places[event][0].date):
            dated = places[event][0].date
            message = f"event '{event}' is dated {dated}: a role starts or ends at a full day"
            context.at(role.origin, event_key, message=message)
            fine = False
    return fine


def _shown(bound: Bound | None) -> str:
    """An end of a role in a message."""
    if bound is None:
        return "…"
    if bound.event is not None:
        return f"event '{bound.event}'"
    return bound.date + (f" {bound.time}" if bound.time else "")


def _overlap(
    a_start: Bound | None, a_end: Bound | None, b_start: Bound | None, b_end: Bound | None
) -> bool:
    low = (0, 0, 0, 0, 0)
    high = (9999, 99, 99, 9999, 1 << 31)
    starts = max(a_start.key if a_start else low, b_start.key if b_start else low)
    ends = min(a_end.key if a_end else high, b_end.key if b_end else high)
    return starts <= ends


def check_translations(tracked: Tracked, languages: Iterable[str], ctx: CheckContext) -> None:
    """Every text is written in every language the story declares."""
    wanted = tuple(languages)
    for item, shape in tracked:
        for name, key in shape.texts:
            value = getattr(item, name)
            # An optional text (camp, subtitle, a body_label) may be left out altogether
            # (but, when written, in every language).
            if not isinstance(value, Localized) or (
                not value.values and name in shape.optional_texts
            ):
                continue
            if _written_in_all(value.values, wanted):
                continue
            missing = [lang for lang in wanted if not value.has(lang)]
            ctx.at(item.origin, key, message=f"{key}: no text in {', '.join(missing)}")


def _written_in_all(texts: Mapping[str, str], languages: tuple[str, ...]) -> bool:
    """Whether each language has a text that is not blank (`Localized.has` for each)."""
    for lang in languages:
        text = texts.get(lang)
        if not text or text.isspace():
            return False
    return True


def localized_texts(everything: Iterable[Any]) -> Iterator[Localized]:
    """Every text of the story (for coverage figures)."""
    shapes = _SHAPES
    for item in everything:
        shape = shapes.get(type(item)) or shape_of(type(item))
        for name, _ in shape.texts:
            value = getattr(item, name)
            if isinstance(value, Localized) and value.values:
                yield value
