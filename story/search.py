"""Find events, quotes and actors by text, in every language at once.

A reader types "licencié" or "fired" or "解雇" and finds the same event: every language of every
text is searched (case- and accent-insensitively), and results name the event to open.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from time import monotonic
from typing import Literal, TypeVar, cast

from story.folded import (
    ActorRun,
    ActRun,
    DayRun,
    EventRun,
    Run,
    event_runs,
    items_having,
    items_with_all,
)
from story.folding import fold, fold_lines
from story.saga import Saga

__all__ = ["Hit", "Jump", "SearchIndex", "Snippet", "fold", "fold_lines", "search_index", "snippet"]

HitKind = Literal["event", "quote", "actor"]
JumpKind = Literal["day", "event", "actor", "act"]
MAX_HITS = 500
MAX_JUMPS = 60


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


T = TypeVar("T")
Steps = Generator[None, None, T]
"""A computation that pauses (a bare `yield`) after each costly step and returns its value."""


def run_through(steps: Steps[T]) -> T:
    """The value of a computation in steps, run to its end without pausing."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return cast("T", done.value)


async def run_letting_in(
    steps: Steps[T], slice_seconds: float = 0.0, wanted: Callable[[], bool] = lambda: True
) -> T | None:
    """The value of a computation in steps, run to its end in an event loop, which it lets in
    (`asyncio.sleep(0)`) after the step that ends each slice of `slice_seconds` (0: after every
    step); None if, when let in, the loop made it no longer `wanted` (a newer query).

    It must await: a callback that posts itself again (`call_later`) never yields to the
    event loop, so keys, timers and frames would wait for the whole computation."""
    deadline = monotonic() + slice_seconds
    try:
        while True:
            next(steps)
            if monotonic() >= deadline:
                await asyncio.sleep(0)
                if not wanted():
                    return None
                deadline = monotonic() + slice_seconds
    except StopIteration as done:
        return cast("T", done.value)


RANKS = (1.0, 0.8, 0.7, 0.5)
"""The palette's ranks of a jump, best first (see `SearchIndex.jumps`)."""


class _RunHeads:
    """The palette's jumps (days, events, actors, acts) numbered in story order, to find the
    first ones with a title line that starts with some text, reading runs in order."""

    def __init__(self, runs: Sequence[Run]) -> None:
        self._runs = runs

    def first_entries(self, text: str, limit: int) -> list[int]:
        """The first `limit` jumps (in order) with a title line that starts with `text`."""
        return run_through(self.first_entries_steps(text, limit))

    def first_entries_steps(self, text: str, limit: int) -> Steps[list[int]]:
        """`first_entries`, pausing after each run whose titles it folded."""
        found: list[int] = []
        base = 0
        for run in self._runs:
            if len(found) >= limit:
                break
            fresh = not run.folded("titles")
            wanted = limit - len(found)
            inside: set[int] = set()
            for column in run.titles:
                inside.update(column.first_entries(text, wanted))
            found += [base + item for item in sorted(inside)[:wanted]]
            base += len(run)
            if fresh:
                yield
        return found

    def jump_at(self, index: int) -> Jump:
        """The jump numbered `index`."""
        for run in self._runs:
            if index < len(run):
                return Jump(cast("JumpKind", run.kind), run.ids[index])
            index -= len(run)
        raise IndexError(index)


class _Ranking:
    """How the items of one run match one palette query, ranked as `SearchIndex.jumps` says."""

    def __init__(self, run: Run, folded: str, words: list[str], label: str) -> None:
        self.run = run
        self.folded = folded
        self.words = words
        self.label = label

    def has_rank(self, item: int, rank: float) -> bool:
        """Whether the item ranks `rank`: the first of these that holds gives its rank (an
        event's text is read only for 0.5).

        1.0: its titles hold every word, and one of their lines starts with the query;
        0.8: its titles hold every word;
        0.7: they hold each word the kind's label does not, and some word (or the query has
            as many words as the label);
        0.5: its titles or its text hold each word.
        """
        titles, words, label = self.run.titles, self.words, self.label
        in_titles = [any(column.holds(item, word) for column in titles) for word in words]
        if all(in_titles):
            if rank not in (1.0, 0.8):
                return False
            head = "\n" + self.folded
            starts = "\n" not in self.folded and any(column.holds(item, head) for column in titles)
            return rank == (1.0 if starts else 0.8)
        if all(found or word in label for found, word in zip(in_titles, words, strict=True)):
            return rank == 0.7 and (any(in_titles) or len(words) == len(label.split()))
        if rank != 0.5:
            return False
        texts = self.run.texts
        return all(
            found or any(column.holds(item, word) for column in texts)
            for found, word in zip(in_titles, words, strict=True)
        )

    def candidates(self, rank: float) -> Iterable[int]:
        """Items in order, among them every item of rank `rank` (and maybe others)."""
        titles, words = self.run.titles, self.words
        if rank == 1.0:
            return [] if "\n" in self.folded else items_having(titles, ["\n" + self.folded])
        if rank == 0.8:
            return items_having(titles, [_longest(words)])
        if rank == 0.7:
            free = [word for word in words if word not in self.label]
            if free:
                return items_having(titles, [_longest(free)])
            if len(words) == len(self.label.split()):
                return range(len(self.run))
            return items_having(titles, words)
        texts = self.run.texts
        return items_having([*titles, *texts], [_longest(words)]) if texts else []


def _longest(words: list[str]) -> str:
    """The word most likely to be rare: the longest (the first of the longest)."""
    return max(words, key=len)


class SearchIndex:
    """Folded texts of a story, folded run by run as queries first read them, searched by
    substring.

    Shared by search (`/`: events, quotes, people) and the palette's story jumps (days, events,
    actors, acts), so each text of the story is folded once per story, not once per keystroke,
    and only as far as queries read (see `story.folded`).
    """

    def __init__(self, saga: Saga) -> None:
        self.saga = saga

    @cached_property
    def _event_runs(self) -> list[EventRun]:
        return event_runs(self.saga.events)

    @cached_property
    def _actor_run(self) -> ActorRun:
        """The actors who appear in some event (a search hit opens their first)."""
        saga = self.saga
        return ActorRun(
            [actor for actor in saga.actors.values() if saga.events_of_actor.get(actor.id)]
        )

    @cached_property
    def _runs(self) -> list[Run]:
        """The palette's jumps, in its order: days, events, actors, acts."""
        saga = self.saga
        acts = saga.script.acts if saga.script else ()
        return [DayRun(saga.days), *self._event_runs, self._actor_run, ActRun(acts)]

    @cached_property
    def _title_heads(self) -> _RunHeads:
        return _RunHeads(self._runs)

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
        """Items whose text in any language contains every word of `query`: events (title or
        text) each followed by its quotes, then people (id, name or biography), in story
        order, the first `limit` of them."""
        return run_through(self.search_steps(query, limit))

    def search_steps(self, query: str, limit: int = MAX_HITS) -> Steps[list[Hit]]:
        """`search`, pausing (a bare `yield`) after each run of events it had to fold, so that
        a caller can keep a screen responsive while a rare word is looked for in a story not
        yet folded (seconds at 100,000 events), and drop the search for a newer one."""
        words = fold(query).split()
        if not words:
            return []
        hits: list[Hit] = []
        for run in self._event_runs:
            fresh = not run.folded_for_search
            for index, quote in run.found(words):
                event_id = run.ids[index]
                if quote is None:
                    hits.append(Hit("event", event_id, event_id))
                else:
                    hits.append(Hit("quote", quote.id, event_id))
            if len(hits) >= limit:
                return hits[:limit]
            if fresh:
                yield
        people = self._actor_run
        for index in items_with_all([*people.titles, *people.bios], words, len(people.ids)):
            actor_id = people.ids[index]
            first = self.saga.events_of_actor[actor_id][0]
            hits.append(Hit("actor", actor_id, first.id))
        return hits[:limit]

    def jumps(
        self, query: str, labels: Mapping[JumpKind, str] | None = None, limit: int = MAX_JUMPS
    ) -> list[tuple[float, Jump]]:
        """Places whose title, in any language, or id holds every word of `query`, best first
        (see `jumps_steps`)."""
        return run_through(self.jumps_steps(query, labels, limit))

    def jumps_steps(
        self, query: str, labels: Mapping[JumpKind, str] | None = None, limit: int = MAX_JUMPS
    ) -> Steps[list[tuple[float, Jump]]]:
        """Places whose title, in any language, or id holds every word of `query`, best first,
        pausing (a bare `yield`) after each run it had to fold.

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
        heads = self._title_heads
        leading = yield from heads.first_entries_steps(folded, limit)
        if len(leading) == limit:
            # `limit` titles start with the query: nothing ranks above them, and the ranks below
            # would keep exactly these (first in story order). One typed letter takes this path.
            return [(1.0, heads.jump_at(index)) for index in leading]
        label_of = {kind: fold(label) for kind, label in (labels or {}).items()}
        ranked: list[tuple[float, Jump]] = []
        for rank in RANKS:
            # Rank by rank, each in story order, until there are `limit`: a run's texts are
            # read only when the ranks above leave room.
            for run in self._runs:
                fresh = not run.folded("titles") or (rank == RANKS[-1] and not run.folded("texts"))
                kind = cast("JumpKind", run.kind)
                ranking = _Ranking(run, folded, words, label_of.get(kind, ""))
                for item in ranking.candidates(rank):
                    if len(ranked) >= limit:
                        return ranked
                    if ranking.has_rank(item, rank):
                        ranked.append((rank, Jump(kind, run.ids[item])))
                if fresh:
                    yield
        return ranked


@cache
def search_index(saga: Saga) -> SearchIndex:
    """The one index of a story, built on first use and shared by search and the palette."""
    return SearchIndex(saga)
