"""The search index folded run by run finds what a plain scan of every folded text finds.

`reference_search` and `reference_jumps` are the index as it was first written (every text
folded up front, every entry scanned in order): the definition of what search and the palette
find and how they rank it. The index reads runs of events lazily and stops early; these tests
hold it to the same answers on the shipped story, the mini story with awkward texts, and a
synthetic story cut into many small runs.
"""

from __future__ import annotations

import random
from collections.abc import Generator
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from benchmarks.synthetic import write_story
from story import Saga, load_story
from story import folded as folded_module
from story.folding import SEPARATOR, fold, fold_each, fold_lines
from story.localized import Localized
from story.search import Hit, Jump, JumpKind, SearchIndex

LABELS: dict[JumpKind, str] = {
    "day": "Day: ",
    "event": "Event: ",
    "actor": "Follow: ",
    "act": "Act: ",
}
FRENCH: dict[JumpKind, str] = {
    "day": "Jour : ",
    "event": "Événement : ",
    "actor": "Suivre : ",
    "act": "Acte : ",
}


@cache
def search_entries(saga: Saga) -> list[tuple[str, Hit]]:
    """Every event (title and text), its quotes, then every person who appears, in order."""
    entries: list[tuple[str, Hit]] = []
    for event in saga.events:
        texts = (*event.title.all_texts(), *event.text.all_texts())
        entries.append((fold_lines(texts), Hit("event", event.id, event.id)))
        for quote in event.quotes:
            words = (quote.original, *quote.text.all_texts())
            entries.append((fold_lines(words), Hit("quote", quote.id, event.id)))
    for actor in saga.actors.values():
        appearances = saga.events_of_actor.get(actor.id)
        if appearances:
            texts = (actor.id, *actor.name.all_texts(), *actor.bio.all_texts())
            entries.append((fold_lines(texts), Hit("actor", actor.id, appearances[0].id)))
    return entries


def reference_search(saga: Saga, query: str, limit: int = 500) -> list[Hit]:
    """The entries that hold every word of the query, in order."""
    words = fold(query).split()
    if not words:
        return []
    entries = search_entries(saga)
    return [hit for text, hit in entries if all(word in text for word in words)][:limit]


@cache
def jump_entries(saga: Saga) -> list[tuple[Jump, str, str]]:
    """Days, events, actors, acts: each with its folded titles (and id), and other text."""
    entries: list[tuple[Jump, str, str]] = [
        (Jump("day", day.id), fold(day.id), "") for day in saga.days
    ]
    for event in saga.events:
        titles = fold_lines((event.id, *event.title.all_texts()))
        entries.append((Jump("event", event.id), titles, fold_lines(event.text.all_texts())))
    for actor in saga.actors.values():
        if actor.id in saga.events_of_actor:
            entries.append(
                (Jump("actor", actor.id), fold_lines((actor.id, *actor.name.all_texts())), "")
            )
    for act in saga.script.acts if saga.script else ():
        entries.append((Jump("act", act.id), fold_lines((act.id, *act.title.all_texts())), ""))
    return entries


def reference_jumps(
    saga: Saga, query: str, labels: dict[JumpKind, str] | None, limit: int = 60
) -> list[tuple[float, Jump]]:
    """Ranked 1.0 (a title line starts with the query), 0.8 (titles hold every word), 0.7 (with
    the kind's label), 0.5 (with the event's text); story order within a rank."""
    folded = fold(query).strip()
    words = folded.split()
    if not words:
        return []
    label_of = {kind: fold(label) for kind, label in (labels or {}).items()}
    ranked: list[tuple[float, Jump]] = []
    for jump, titles, text in jump_entries(saga):
        label = label_of.get(jump.kind, "")
        if all(word in titles for word in words):
            starts = any(line.startswith(folded) for line in titles.split("\n"))
            ranked.append((1.0 if starts else 0.8, jump))
        elif all(word in titles or word in label for word in words):
            if any(word in titles for word in words) or len(words) == len(label.split()):
                ranked.append((0.7, jump))
        elif text and all(word in text or word in titles for word in words):
            ranked.append((0.5, jump))
    ranked.sort(key=lambda pair: -pair[0])
    return ranked[:limit]


def queries_of(saga: Saga, count: int, seed: int) -> list[str]:
    """Fixed awkward queries, then prefixes and pieces of the story's own words."""
    words = sorted(
        {
            word
            for event in saga.events
            for text in (*event.title.all_texts(), *event.text.all_texts())
            for word in text.split()[:8]
        }
    )
    rng = random.Random(seed)
    queries = ["a", "b", "e", "s", "2023", "20", "follow", "follow s", "event", "day", "act"]
    queries += ["zzz", "the board", "licencié", "ÉTÉ", "董事", "oard", "  ", "a\nb", "[/]", "é"]
    for _ in range(count):
        word = rng.choice(words)
        query = word[: rng.randint(1, len(word))]
        if rng.random() < 0.3:
            query += " " + rng.choice(words)[: rng.randint(1, 4)]
        if rng.random() < 0.2 and len(query) > 1:
            query = query[1:]
        queries.append(query)
    return queries


def agree(saga: Saga, queries: list[str]) -> None:
    index = SearchIndex(saga)
    for query in queries:
        for limit in (500, 3):
            assert index.search(query, limit) == reference_search(saga, query, limit), query
        for labels in (None, LABELS, FRENCH):
            for limit in (60, 4):
                expected = reference_jumps(saga, query, labels, limit)
                assert index.jumps(query, labels, limit) == expected, (query, labels, limit)


@pytest.mark.parametrize("per_run", [500, 2])
def test_the_shipped_story_finds_what_the_plain_scan_finds(
    saga: Saga, per_run: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folded_module, "EVENTS_PER_RUN", per_run)
    agree(saga, queries_of(saga, 80, seed=1))


def awkward(mini: Saga) -> Saga:
    """The mini story with titles of several lines, missing languages and accents apart."""
    events = list(mini.events)
    events[0] = replace(events[0], title=Localized({"fr": "Ligne une\nLigne deux"}))
    events[1] = replace(events[1], text=Localized({"en": "", "zh": "董事会解雇了他"}))
    events[2] = replace(events[2], title=Localized({"en": "Cafe\u0301 in Pa\u0301ris", "id": ""}))
    return Saga(
        mini.info,
        mini.sources,
        mini.actors,
        tuple(events),
        mini.script,
        mini.perspectives,
        mini.notes,
    )


@pytest.mark.parametrize("per_run", [500, 1])
def test_awkward_texts_are_found_as_the_plain_scan_finds_them(
    mini: Saga, per_run: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folded_module, "EVENTS_PER_RUN", per_run)
    story = awkward(mini)
    queries = ["ligne", "ligne deux", "deux", "une\nligne", "café", "cafe", "paris", "解雇", "e"]
    agree(story, [*queries, *queries_of(story, 40, seed=2)])
    assert SearchIndex(story).jumps("ligne deux", LABELS)[0][0] == 1.0  # a line of its own


def test_a_long_story_in_many_runs_finds_what_the_plain_scan_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folded_module, "EVENTS_PER_RUN", 37)
    story = load_story(write_story(tmp_path / "story", 1_200))
    agree(story, queries_of(story, 60, seed=3))


def test_a_short_query_reads_only_the_first_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folded_module, "EVENTS_PER_RUN", 50)
    story = load_story(write_story(tmp_path / "story", 1_200))
    index = SearchIndex(story)
    assert len(index.search("b")) == 500
    assert len(index.jumps("b", LABELS)) == 60
    runs = index._event_runs
    read = [run for run in runs if "texts" in vars(run) or "own_titles" in vars(run)]
    assert 0 < len(read) < len(runs) // 2  # the rest were never folded


@pytest.mark.parametrize(
    "texts",
    [
        ["Licencié ÉTÉ", "plain", "", "董事会", "e\u0301\u0327"],
        ["one", f"holds the separator {SEPARATOR} itself", "Straße"],
        [],
        [""],
    ],
)
def test_folding_texts_together_is_folding_each(texts: list[str]) -> None:
    assert fold_each(texts) == [fold(text) for text in texts]


def test_a_search_pauses_after_each_run_it_folds_and_not_once_they_are_folded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(folded_module, "EVENTS_PER_RUN", 50)
    story = load_story(write_story(tmp_path / "story", 1_200))
    index = SearchIndex(story)
    runs = len(index._event_runs)

    def pauses(steps: Generator[None, None, object]) -> tuple[int, object]:
        count = 0
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return count, done.value
            count += 1

    assert pauses(index.search_steps("zq")) == (runs, [])
    assert pauses(index.search_steps("zq")) == (0, [])
    first = pauses(index.jumps_steps("zq", LABELS))
    assert first[0] >= runs and first[1] == []  # titles, then texts, of every run
    assert pauses(index.jumps_steps("zq", LABELS)) == (0, [])
    found = pauses(index.jumps_steps("board", LABELS))
    assert found == (0, index.jumps("board", LABELS))


def test_a_computation_in_steps_lets_the_event_loop_in_and_is_dropped_when_unwanted() -> None:
    """`run_letting_in` (search and the palette) yields to the loop after every step (or each
    slice), so another task runs between steps; and it gives up at a yield once unwanted."""
    import asyncio

    from story.search import run_letting_in

    def steps(trace: list[str]) -> Generator[None, None, str]:
        for number in range(4):
            trace.append(f"step {number}")
            yield
        return "done"

    async def beside(trace: list[str]) -> None:
        for _ in range(3):
            trace.append("other")
            await asyncio.sleep(0)

    async def run(wanted: bool) -> tuple[str | None, list[str]]:
        trace: list[str] = []
        other = asyncio.ensure_future(beside(trace))
        value = await run_letting_in(steps(trace), 0.0, lambda: wanted)
        await other
        return value, trace

    value, trace = asyncio.run(run(True))
    assert value == "done"
    assert trace[:4] == ["step 0", "other", "step 1", "other"]  # the loop let in each step
    value, trace = asyncio.run(run(False))
    assert value is None
    assert trace.count("step 1") == 0  # dropped at the first yield
