"""Checks across a whole story: ids, references, sources, roles, dates and translations.

The converter checks each value's shape where it stands; these checks need the whole story at
once (a reference in one file to an id in another). Each problem is placed at the offending
value through the item's `origin` and the Documents that recorded every place.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from story.dates import check_date, is_full_day
from story.localized import Localized
from story.model import Actor, Event, Origin, Role, StoryFile, StoryInfo
from story.moments import Bound, EventPlace, resolve
from story.problems import Problem
from story.saga import ordered
from story.yamlread import Document


@dataclass
class CheckContext:
    """The documents of a story by file name, and the problems found so far."""

    documents: dict[str, Document]
    problems: list[Problem]

    def at(self, origin: Origin, *rest: str | int, message: str, key: bool = False) -> None:
        """Record a problem at `origin` + `rest` (at its key rather than its value with `key`)."""
        document = self.documents.get(origin.file)
        if document is None:
            self.problems.append(Problem(origin.file or "story", None, None, message))
            return
        self.problems.append(document.problem((*origin.path, *rest), message, key=key))


def items_with_origin(value: Any) -> Iterator[Any]:
    """Every model object inside `value` (depth first), for checks that apply to all kinds."""
    if isinstance(value, tuple):
        for item in value:
            yield from items_with_origin(item)
    elif is_dataclass(value) and not isinstance(value, type):
        yield value
        for item in fields(value):
            yield from items_with_origin(getattr(value, item.name))


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
        name = next(iter(context.documents), "story")
        context.problems.append(Problem(name, None, None, "no 'story' section in the story"))
    else:
        check_zone(info, context)
    everything = [item for file in files for item in items_with_origin(file)]
    ids = check_unique_ids(everything, context)
    check_references(everything, ids, context)
    check_dates(everything, context)
    events = tuple(item for item in everything if isinstance(item, Event))
    check_roles([item for item in everything if isinstance(item, Actor)], events, context)
    if info is not None:
        check_translations(everything, info.languages, context)
    return info


def check_zone(info: StoryInfo, context: CheckContext) -> None:
    """The story's zone must be a real IANA zone."""
    try:
        zoneinfo.ZoneInfo(info.zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        context.at(info.origin, "zone", message=f"'{info.zone}' is not a known time zone")


# Each kind of item and the kind its `id` belongs to (quotes, beats... share no namespace).
def _kind(item: Any) -> str:
    return type(item).__name__.lower()


def check_unique_ids(everything: list[Any], context: CheckContext) -> dict[str, set[str]]:
    """Ids are unique within their kind; returns the ids of each kind."""
    seen: dict[str, dict[str, Origin]] = {}
    for item in everything:
        if not hasattr(item, "id") or not hasattr(item, "origin"):
            continue
        kind_ids = seen.setdefault(_kind(item), {})
        if item.id in kind_ids:
            first = kind_ids[item.id]
            where = context.documents.get(first.file)
            place = where.place(first.path) if where else None
            at = f" (first at {first.file}:{place[0]}:{place[1]})" if place else ""
            context.at(item.origin, "id", message=f"duplicate {_kind(item)} id '{item.id}'{at}")
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
    "end_event": "event",
}
SOURCED = ("event", "quote", "role", "actor", "act", "perspective", "note", "script")


def check_references(everything: list[Any], ids: dict[str, set[str]], ctx: CheckContext) -> None:
    """Every reference names an existing id, and every item that must cite a source does."""
    for item in everything:
        if not hasattr(item, "origin"):
            continue
        for item_field in fields(item):
            target = REFERENCES.get(item_field.name)
            value = getattr(item, item_field.name)
            if target is None or not _is_reference(value):
                continue
            references = value if isinstance(value, tuple) else (value,)
            for index, reference in enumerate(references):
                if reference is None or reference in ids.get(target, ()):
                    continue
                rest: tuple[str | int, ...] = (item_field.metadata.get("key") or item_field.name,)
                if isinstance(value, tuple):
                    rest += (index,)
                ctx.at(item.origin, *rest, message=f"unknown {target} '{reference}'")
        if _kind(item) in SOURCED and hasattr(item, "sources") and not item.sources:
            ctx.at(item.origin, "sources", message=f"this {_kind(item)} cites no source")


def _is_reference(value: Any) -> bool:
    return (
        value is None
        or isinstance(value, str)
        or (isinstance(value, tuple) and all(isinstance(item, str) for item in value))
    )


def check_dates(everything: list[Any], context: CheckContext) -> None:
    """Dates are real calendar dates (the format already checked their shape)."""
    for item in everything:
        for name, key in (
            ("date", "date"),
            ("start", "from"),
            ("end", "to"),
            ("focus_from", "focus_from"),
        ):
            value = getattr(item, name, None)
            if isinstance(value, str) and hasattr(item, "origin"):
                reason = check_date(value)
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


def check_translations(everything: list[Any], languages: Iterable[str], ctx: CheckContext) -> None:
    """Every text is written in every language the story declares."""
    wanted = tuple(languages)
    for item in everything:
        if not hasattr(item, "origin"):
            continue
        for item_field in fields(item):
            value = getattr(item, item_field.name)
            if not isinstance(value, Localized) or (
                not value.values and item_field.name in ("camp", "subtitle")
            ):
                continue
            missing = [lang for lang in wanted if not value.has(lang)]
            if missing:
                key = item_field.metadata.get("key") or item_field.name
                ctx.at(item.origin, key, message=f"{key}: no text in {', '.join(missing)}")


def localized_texts(everything: Iterable[Any]) -> Iterator[Localized]:
    """Every text of the story (for coverage figures)."""
    for item in everything:
        for item_field in fields(item):
            value = getattr(item, item_field.name)
            if isinstance(value, Localized) and value.values:
                yield value
