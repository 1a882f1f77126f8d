"""Find events, quotes and actors by text, in every language at once.

A reader types "licencié" or "fired" or "解雇" and finds the same event: every language of every
text is searched (case- and accent-insensitively), and results name the event to open.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from story.saga import Saga

HitKind = Literal["event", "quote", "actor"]
JumpKind = Literal["day", "event", "actor", "act"]
MAX_HITS = 500
MAX_JUMPS = 60


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


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of an item's text around what matched, with where each matched word sits."""

    text: str
    matches: tuple[tuple[int, int], ...]
    """(start, end) offsets into `text`."""
    lang: str
    """The language of the text (the reader's when it holds the words, else another)."""


SNIPPET_CHARS = 70
"""About how long a snippet is: one line of a search result."""


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each folded character, the offset of the character it came from."""
    folded: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        offsets.extend([index] * len(piece))
    return "".join(folded), offsets


def snippet(texts: Mapping[str, str], query: str, lang: str) -> Snippet | None:
    """The stretch of `texts` (one text per language) around the words of `query`, in `lang`
    when that text holds the first word, else in the first language that does; each word's
    matches marked. None when no text holds it."""
    words = fold(query).split()
    if not words:
        return None
    order = [lang, *(other for other in texts if other != lang)]
    for code in order:
        text = texts.get(code, "")
        folded, offsets = _folded_with_offsets(text)
        at = folded.find(words[0])
        if at < 0:
            continue
        start = offsets[at]
        begin = max(0, start - SNIPPET_CHARS // 3)
        end = min(len(text), begin + SNIPPET_CHARS)
        cut = text[begin:end].replace("\n", " ")
        prefix = "…" if begin else ""
        shown = prefix + cut + ("…" if end < len(text) else "")
        cut_folded, cut_offsets = _folded_with_offsets(cut)
        found: list[tuple[int, int]] = []
        for word in words:
            position = cut_folded.find(word)
            while position >= 0:
                first = cut_offsets[position] + len(prefix)
                last = cut_offsets[position + len(word) - 1] + 1 + len(prefix)
                found.append((first, last))
                position = cut_folded.find(word, position + len(word))
        return Snippet(shown, tuple(sorted(found)), code)
    return None


@dataclass(frozen=True, slots=True)
class Jump:
    """A place the palette can jump to: a day, an event, an actor to follow or a script act."""

    kind: JumpKind
    item_id: str


@dataclass(frozen=True, slots=True)
class _JumpEntry:
    jump: Jump
    titles: str
    """The folded titles (names) in every language, and the id, one per line."""
    text: str
    """Other folded text that may match, ranked lower (an event's text)."""


class SearchIndex:
    """Folded texts of a story, built once, searched by substring.

    Shared by search (`/`: events, quotes, people) and the palette's story jumps (days, events,
    actors, acts), so each text of the story is folded once per story, not once per keystroke.
    """

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

    def texts_of(self, hit: Hit) -> dict[str, str]:
        """The text a hit was found in, by language, for its snippet: an event's text, a
        quote's words (the original first), a person's biography."""
        saga = self.saga
        if hit.kind == "actor":
            return dict(saga.actors[hit.item_id].bio.values)
        event = saga.event_by_id[hit.event_id]
        if hit.kind == "quote":
            quote = next(quote for quote in event.quotes if quote.id == hit.item_id)
            return {**quote.text.values, quote.original_language: quote.original}
        return {
            lang: f"{event.title.values.get(lang, '')} — {text}"
            for lang, text in event.text.values.items()
        }

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

    @cached_property
    def _jumps(self) -> list[_JumpEntry]:
        saga = self.saga
        entries = [_JumpEntry(Jump("day", day.id), fold(day.id), "") for day in saga.days]
        for event in saga.events:
            titles = fold("\n".join((event.id, *event.title.all_texts())))
            text = fold("\n".join(event.text.all_texts()))
            entries.append(_JumpEntry(Jump("event", event.id), titles, text))
        for actor in saga.actors.values():
            if actor.id in saga.events_of_actor:
                titles = fold("\n".join((actor.id, *actor.name.all_texts())))
                entries.append(_JumpEntry(Jump("actor", actor.id), titles, ""))
        for act in saga.script.acts if saga.script else ():
            titles = fold("\n".join((act.id, *act.title.all_texts())))
            entries.append(_JumpEntry(Jump("act", act.id), titles, ""))
        return entries

    def jumps(
        self, query: str, labels: Mapping[JumpKind, str] | None = None, limit: int = MAX_JUMPS
    ) -> list[tuple[float, Jump]]:
        """Places whose title, in any language, or id holds every word of `query`, best first.

        A title that starts with the query ranks first, then titles that hold every word, then
        those matched with the help of the kind's label as the reader sees it (`labels`, e.g.
        "Follow: " for actors, so "follow shear" works), then items whose other text holds the
        words (so "nadella" puts "Nadella steps into the talks" above an event that only
        mentions him). Story order within a rank.
        """
        folded = fold(query).strip()
        words = folded.split()
        if not words:
            return []
        label_of = {kind: fold(label) for kind, label in (labels or {}).items()}
        ranked: list[tuple[float, Jump]] = []
        for entry in self._jumps:
            titles = entry.titles
            label = label_of.get(entry.jump.kind, "")
            if all(word in titles for word in words):
                starts = any(line.startswith(folded) for line in titles.split("\n"))
                ranked.append((1.0 if starts else 0.8, entry.jump))
            elif all(word in titles or word in label for word in words):
                if any(word in titles for word in words) or len(words) == len(label.split()):
                    ranked.append((0.7, entry.jump))
            elif entry.text and all(word in entry.text or word in titles for word in words):
                ranked.append((0.5, entry.jump))
        ranked.sort(key=lambda pair: -pair[0])  # stable: story order within a rank
        return ranked[:limit]


@cache
def search_index(saga: Saga) -> SearchIndex:
    """The one index of a story, built on first use and shared by search and the palette."""
    return SearchIndex(saga)
