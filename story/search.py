"""Find events, quotes and actors by text, in every language at once.

A reader types "licencié" or "fired" or "解雇" and finds the same event: every language of every
text is searched (case- and accent-insensitively), and results name the event to open.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from story.saga import Saga

HitKind = Literal["event", "quote", "actor"]
MAX_HITS = 500


def fold(text: str) -> str:
    """Lower-case without accents, so "Licencié" matches "licencie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: what kind of item, its id, and the event that opens it."""

    kind: HitKind
    item_id: str
    event_id: str


class SearchIndex:
    """Folded texts of a story, built once, searched by substring."""

    def __init__(self, saga: Saga) -> None:
        self.saga = saga

    @cached_property
    def _entries(self) -> list[tuple[str, Hit]]:
        entries: list[tuple[str, Hit]] = []
        for event in self.saga.events:
            texts = (*event.title.all_texts(), *event.text.all_texts())
            entries.append((fold("\n".join(texts)), Hit("event", event.id, event.id)))
            for quote in event.quotes:
                words = (quote.original, *quote.text.all_texts())
                entries.append((fold("\n".join(words)), Hit("quote", quote.id, event.id)))
        for actor in self.saga.actors.values():
            appearances = self.saga.events_of_actor.get(actor.id)
            if not appearances:
                continue
            texts = (actor.id, *actor.name.all_texts(), *actor.bio.all_texts())
            entries.append((fold("\n".join(texts)), Hit("actor", actor.id, appearances[0].id)))
        return entries

    def search(self, query: str, limit: int = MAX_HITS) -> list[Hit]:
        """Items whose text in any language contains every word of `query`."""
        words = fold(query).split()
        if not words:
            return []
        hits = []
        for text, hit in self._entries:
            if all(word in text for word in words):
                hits.append(hit)
                if len(hits) >= limit:
                    break
        return hits
