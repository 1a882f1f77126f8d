"""A story's texts folded for search, in runs of items, each run folded when a query first
reads it.

Search and the palette read a story in order and stop once they have enough: a query of one
letter finds its hits in the first few hundred events. So the texts are folded run by run
(`EVENTS_PER_RUN` events at a time) when a query first reaches a run, and a 100,000-event story
is never folded whole for a short query (folding it all takes seconds).

Within a run, the texts of one field in one language are one string (`Column`: an English
column of titles, a Chinese column of texts, ...), so that finding a word is one `str.find`
in C over hundreds of items, and a column of Latin text stays one byte a character.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import accumulate
from typing import Protocol

from story.folding import fold, fold_each
from story.lazy import LazySequence
from story.localized import Localized
from story.model import Act, Actor, Event, Quote
from story.saga import Day

EVENTS_PER_RUN = 500
"""Events folded together: a few milliseconds of work, a tenth of what a query of one common
word reads before it has its 500 hits."""


class Column:
    """Folded texts of many items in one string, each line after a "\\n", to find the items
    whose text holds (or has a line that starts with) some text by `str.find`, without a
    Python loop over every item."""

    __slots__ = ("_joined", "_starts")

    def __init__(self, folded: Sequence[str]) -> None:
        """One folded text (maybe of several lines, maybe empty) per item."""
        self._starts = array("q", accumulate((len(text) + 1 for text in folded), initial=0))
        self._joined = "\n" + "\n".join(folded) if folded else ""

    def __len__(self) -> int:
        return len(self._starts) - 1

    def text(self, item: int) -> str:
        """Item `item`'s text, as it was given (its lines joined by "\\n")."""
        return self._joined[self._starts[item] + 1 : self._starts[item + 1]]

    def first_entries(self, text: str, limit: int) -> list[int]:
        """The first `limit` items (in order) with a line that starts with `text`."""
        if not text or "\n" in text:
            return []
        found: list[int] = []
        for item in self.entries_with("\n" + text):
            if len(found) >= limit:
                break
            found.append(item)
        return found

    def entries_with(self, text: str) -> Iterator[int]:
        """The items whose text holds `text` (no "\\n" in it but a leading one), in order."""
        joined, starts = self._joined, self._starts
        at = joined.find(text)
        while at >= 0:
            item = bisect_right(starts, at) - 1
            yield item
            at = joined.find(text, starts[item + 1])

    def holds(self, item: int, text: str) -> bool:
        """Whether item `item`'s text holds `text`."""
        starts = self._starts
        return self._joined.find(text, starts[item], starts[item + 1]) >= 0


def columns_of(texts: Sequence[Localized]) -> list[Column]:
    """One column per language of `texts`, one item per text ("" where it lacks the language:
    an empty line holds no word)."""
    langs = dict.fromkeys(lang for text in texts for lang in text.values)
    return [Column(fold_each([text.values.get(lang, "") for text in texts])) for lang in langs]


def id_column(ids: Sequence[str]) -> Column:
    return Column(fold_each(ids))


def items_with_all(columns: Sequence[Column], words: Sequence[str], among: int) -> list[int]:
    """The items (of `among`) holding every one of `words` (at least one) in some column, in
    order. The longest word picks the candidates (it is likely the rarest)."""
    if not words:
        return list(range(among))
    lead = max(range(len(words)), key=lambda index: len(words[index]))
    others = [word for index, word in enumerate(words) if index != lead]
    return [
        item
        for item in items_having(columns, [words[lead]])
        if all(any(column.holds(item, word) for column in columns) for word in others)
    ]


def items_having(columns: Sequence[Column], texts: Sequence[str]) -> list[int]:
    """Items whose text in some column holds one of `texts`, in order."""
    found: set[int] = set()
    for column in columns:
        for text in texts:
            found.update(column.entries_with(text))
    return sorted(found)


class Ids(LazySequence[str]):
    """The ids of some of a story's items, read from the items when asked: a run keeps no list
    of its own (a list of 100,000 ids is 100,000 references for the collector to walk)."""

    def __init__(self, items: Sequence[HasId], start: int = 0, stop: int | None = None) -> None:
        self._items = items
        self._start = start
        self._stop = len(items) if stop is None else stop

    def __len__(self) -> int:
        return self._stop - self._start

    def _item(self, index: int) -> str:
        return self._items[self._start + index].id


class HasId(Protocol):
    @property
    def id(self) -> str: ...


class Run:
    """Items of one kind in story order, with their palette titles and other text folded on
    first use (a story's days, a run of its events, its actors, its acts)."""

    kind: str
    ids: Sequence[str]

    def __len__(self) -> int:
        return len(self.ids)

    def folded(self, part: str) -> bool:
        """Whether `part` ("titles", "texts") is folded already (reading it costs nothing)."""
        return part in vars(self)

    @cached_property
    def titles(self) -> list[Column]:
        """What names an item (its id first): matched first by the palette."""
        return []

    @cached_property
    def texts(self) -> list[Column]:
        """Other text of an item (an event's), ranked lower by the palette."""
        return []


class DayRun(Run):
    kind = "day"

    def __init__(self, days: Sequence[Day]) -> None:
        self.ids = Ids(days)

    @cached_property
    def titles(self) -> list[Column]:
        return [Column([fold(day) for day in self.ids])]


class EventRun(Run):
    """A run of the story's events and their quotes: searched by `/` (titles and texts,
    quotes), jumped to by the palette (id and titles, then texts)."""

    kind = "event"

    def __init__(self, story: Sequence[Event], start: int, stop: int) -> None:
        self._story = story
        self._start = start
        self._stop = stop
        self.ids = Ids(story, start, stop)

    @property
    def events(self) -> Sequence[Event]:
        """The run's events (a slice made when asked, not kept)."""
        return self._story[self._start : self._stop]

    @cached_property
    def own_titles(self) -> list[Column]:
        return columns_of([event.title for event in self.events])

    @cached_property
    def titles(self) -> list[Column]:
        return [id_column(self.ids), *self.own_titles]

    @cached_property
    def texts(self) -> list[Column]:
        return columns_of([event.text for event in self.events])

    @property
    def folded_for_search(self) -> bool:
        """Whether what search reads of the run (titles, texts, quotes) is folded already."""
        seen = vars(self)
        return (
            "own_titles" in seen
            and "texts" in seen
            and ("quote_texts" in seen or not self._quoted[0])
        )

    @cached_property
    def _quoted(self) -> tuple[array[int], array[int]]:
        """For each quote of the run, in order: the index of its event, and its place among
        the event's quotes (numbers, not references: see `Ids`)."""
        events, slots = array("q"), array("q")
        for index, event in enumerate(self.events):
            for slot in range(len(event.quotes)):
                events.append(index)
                slots.append(slot)
        return events, slots

    def _quote(self, at: int) -> tuple[int, Quote]:
        """The quote `at` (in the run's order) with its event's index."""
        events, slots = self._quoted
        index = events[at]
        return index, self._story[self._start + index].quotes[slots[at]]

    @cached_property
    def quote_texts(self) -> list[Column]:
        """The original words (one column), then the renderings in each language."""
        quotes = [self._quote(at)[1] for at in range(len(self._quoted[0]))]
        originals = Column(fold_each([quote.original for quote in quotes]))
        return [originals, *columns_of([quote.text for quote in quotes])]

    def found(self, words: Sequence[str]) -> list[tuple[int, Quote | None]]:
        """Events (index, None) whose title or text holds every word, each followed by its
        quotes (index, quote) whose words do, in story order."""
        events = items_with_all([*self.own_titles, *self.texts], words, len(self))
        found: list[tuple[int, int, Quote | None]] = [(index, -1, None) for index in events]
        quoted = len(self._quoted[0])
        if quoted:
            for at in items_with_all(self.quote_texts, words, quoted):
                index, quote = self._quote(at)
                found.append((index, at, quote))
            found.sort(key=lambda item: (item[0], item[1]))
        return [(index, quote) for index, _, quote in found]


class ActorRun(Run):
    """The actors who appear in some event: searched by `/` (id, name, biography), followed
    from the palette (id and name)."""

    kind = "actor"

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = actors
        self.ids = Ids(actors)

    @cached_property
    def titles(self) -> list[Column]:
        return [id_column(self.ids), *columns_of([actor.name for actor in self.actors])]

    @cached_property
    def bios(self) -> list[Column]:
        return columns_of([actor.bio for actor in self.actors])


class ActRun(Run):
    kind = "act"

    def __init__(self, acts: Sequence[Act]) -> None:
        self.acts = acts
        self.ids = Ids(acts)

    @cached_property
    def titles(self) -> list[Column]:
        return [id_column(self.ids), *columns_of([act.title for act in self.acts])]


def event_runs(events: Sequence[Event]) -> list[EventRun]:
    """The story's events in runs of `EVENTS_PER_RUN`, in order."""
    return [
        EventRun(events, start, min(start + EVENTS_PER_RUN, len(events)))
        for start in range(0, len(events), EVENTS_PER_RUN)
    ]
