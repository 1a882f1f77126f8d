"""A loaded story as data only: the one encoding shared by the parse cache and the shipped
story's pre-built file.

msgspec encodes the model's dataclasses as MessagePack or JSON and decodes them back checking
every type against the model (strings, ids, literals, tuples): the bytes hold data, never code,
so a crafted file can at worst describe another story, and a damaged one fails to decode. The
model's signature is part of every stored file, so a release that changes the model never reads
an older layout.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import Any

import msgspec

from story import lesson, model
from story.lesson import Lesson
from story.localized import Localized
from story.model import Actor, Event, Note, Perspective, Script, Source, StoryInfo
from story.saga import Saga


@dataclass(frozen=True)
class StoredStory:
    """What a `Saga` is built from (its indexes are rebuilt on load, in milliseconds)."""

    info: StoryInfo
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    script: Script | None
    perspectives: tuple[Perspective, ...]
    notes: tuple[Note, ...]
    lesson: Lesson | None = None


def stored(saga: Saga) -> StoredStory:
    """The data of a saga, ready to encode."""
    return StoredStory(
        info=saga.info,
        sources=tuple(saga.sources.values()),
        actors=tuple(saga.actors.values()),
        events=saga.events,
        script=saga.script,
        perspectives=saga.perspectives,
        notes=saga.notes,
        lesson=saga.lesson,
    )


def to_saga(data: StoredStory) -> Saga:
    """The saga of decoded data."""
    return Saga(
        info=data.info,
        sources={source.id: source for source in data.sources},
        actors={actor.id: actor for actor in data.actors},
        events=data.events,
        script=data.script,
        perspectives=data.perspectives,
        notes=data.notes,
        lesson=data.lesson,
    )


@cache
def model_signature() -> str:
    """A digest of the model's classes and fields: it changes whenever the model does."""
    parts = []
    for module in (model, lesson):
        for name in sorted(vars(module)):
            cls = getattr(module, name)
            if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == module.__name__:
                parts.append(f"{name}({', '.join(f'{f.name}: {f.type}' for f in fields(cls))})")
    parts.append(f"Localized({', '.join(f'{f.name}: {f.type}' for f in fields(Localized))})")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@cache
def msgpack_encoder() -> msgspec.msgpack.Encoder:
    return msgspec.msgpack.Encoder()


@cache
def msgpack_decoder() -> msgspec.msgpack.Decoder[StoredStory]:
    return msgspec.msgpack.Decoder(StoredStory)


@cache
def json_decoder() -> msgspec.json.Decoder[StoredStory]:
    return msgspec.json.Decoder(StoredStory)


DECODE_ERRORS: tuple[type[BaseException], ...] = (
    msgspec.DecodeError,
    msgspec.ValidationError,
    ValueError,
    TypeError,
    KeyError,
    RecursionError,
)
"""What decoding a damaged file may raise (ValueError covers msgspec's errors too)."""


def encode_json(value: Any) -> bytes:
    """Readable JSON (one field a line), for a file kept in the repository."""
    return msgspec.json.format(msgspec.json.encode(value), indent=1) + b"\n"
