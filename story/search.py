"""Find events, quotes and actors by text, in every language at once.

A reader types "licencié" or "fired" or "解雇" and finds the same event: every language of every
text is searched (case- and accent-insensitively), and results name the event to open.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping
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
    if text.isascii():
        return text.lower()  # the same, without decomposing: most of a story's text is ASCII
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed.translate(_WITHOUT_MARKS)


def fold_lines(texts: Iterable[str]) -> str:
    """`fold` of the texts joined by newlines, each folded by itself: the English and
    Indonesian of a text stay ASCII and take `fold`'s short way."""
    return "\n".join(fold(text) for text in texts)


class _Marks(dict[int, int | None]):
    """For `str.translate`: drops combining marks, keeps every other character. Filled as
    characters are met, so a story's texts are folded in C, not by a Python loop over each
    character (7.4 million characters at 10,000 events: 1.7 s)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _Marks()


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


class _LineHeads:
    """Lines of many entries in one string, "\n" before each line, to find the entries with a
    line that starts with some text by `str.find`, without a Python loop over every entry."""

    def __init__(self, lines_of: list[list[str]]) -> None:
        self._starts: list[int] = []
        pieces: list[str] = []
        length = 0
        for lines in lines_of:
            self._starts.append(length)
            for line in lines:
                pieces.append("\n" + line)
                length += len(line) + 1
        self._starts.append(length)
        self._joined = "".join(pieces)

    def first_entries(self, text: str, limit: int) -> list[int]:
        """The first `limit` entries (in order) with a line that starts with `text`."""
        if not text or "\n" in text:
            return []
        needle, joined, starts = "\n" + text, self._joined, self._starts
        found: list[int] = []
        at = joined.find(needle)
        while at >= 0 and len(found) < limit:
            entry = bisect_right(starts, at) - 1
            found.append(entry)
            at = joined.find(needle, starts[entry + 1])
        return found


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
            entries.append((fold_lines(texts), Hit("event", event.id, event.id)))
            for quote in event.quotes:
                words = (quote.original, *quote.text.all_texts())
                entries.append((fold_lines(words), Hit("quote", quote.id, event.id)))
        for actor in self.saga.actors.values():
            appearances = self.saga.events_of_actor.get(actor.id)
            if not appearances:
                continue
            texts = (actor.id, *actor.name.all_texts(), *actor.bio.all_texts())
            entries.append((fold_lines(texts), Hit("actor", actor.id, appearances[0].id)))
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
            titles = fold_lines((event.id, *event.title.all_texts()))
            text = fold_lines(event.text.all_texts())
            entries.append(_JumpEntry(Jump("event", event.id), titles, text))
        for actor in saga.actors.values():
            if actor.id in saga.events_of_actor:
                titles = fold_lines((actor.id, *actor.name.all_texts()))
                entries.append(_JumpEntry(Jump("actor", actor.id), titles, ""))
        for act in saga.script.acts if saga.script else ():
            titles = fold_lines((act.id, *act.title.all_texts()))
            entries.append(_JumpEntry(Jump("act", act.id), titles, ""))
        return entries

    @cached_property
    def _title_heads(self) -> _LineHeads:
        return _LineHeads([entry.titles.split("\n") for entry in self._jumps])

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
        leading = self._title_heads.first_entries(folded, limit)
        if len(leading) == limit:
            # `limit` titles start with the query: nothing ranks above them, and the scan below
            # would keep exactly these (first in story order). One typed letter takes this path.
            return [(1.0, self._jumps[index].jump) for index in leading]
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
