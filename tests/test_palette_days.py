"""The palette's "play from / up to" days: matched in C over titles folded once, scored as one
by one, and only the best `MAX_DAY_HITS` listed for a long story."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from textual.command import DiscoveryHit, Hit
from textual.fuzzy import FuzzySearch, Matcher

from benchmarks.synthetic import write_story
from story.search import fold
from tests.test_selection_app import saga_app
from tui.app.palette_match import SEPARATOR, TitleMatch
from tui.classroom.palette import MAX_DAY_HITS, ClassroomCommands
from tui.locale.i18n import tr
from tui.view.render import day_title
from tui.view.safe import neutralise

TITLES = [
    "Presenter: play from Fri, Nov 17",
    "Présentation : à partir du ven. 17 nov.",
    "Presenter: play up to Background",
    "演示：从 11月17日周五 开始播放",
    "Line one\nline two",
    "Brackets [/] and *stars* and ^carets-",
    "ÉTÉ Straße ﬁn",
    "",
]
QUERIES = [
    "p",
    "pf",
    "play f",
    "nov",
    "NOV 17",
    "é",
    "ete",
    "ss",
    "fin",
    "17",
    "从",
    "[/]",
    "-",
    "^",
    "e\nl",
    "zz",
    "ppp",
    "one line",
]


def expected(titles: list[str], query: str) -> set[int]:
    """The titles a provider scores above zero: holding the folded query, or fuzzy-matched."""
    wanted, fuzzy = fold(query), FuzzySearch()
    return {
        index
        for index, title in enumerate(titles)
        if (wanted and wanted in fold(title)) or fuzzy.match(query, title)[0] > 0
    }


@pytest.mark.parametrize("query", QUERIES)
def test_the_titles_a_query_may_match_are_those_scored_above_zero(query: str) -> None:
    match = TitleMatch(TITLES)
    candidates, holding = match.candidates(query, fold(query))
    assert candidates == sorted(expected(TITLES, query))
    assert holding == {index for index, title in enumerate(TITLES) if fold(query) in fold(title)}


def test_a_title_that_holds_the_separator_is_matched_the_long_way() -> None:
    titles = [*TITLES, f"odd {SEPARATOR} title"]
    for query in QUERIES:
        assert TitleMatch(titles).candidates(query, fold(query))[0] == sorted(
            expected(titles, query)
        )


def one_by_one(matcher: Matcher, query: str, titles: list[str]) -> list[tuple[float, str]]:
    """Each title scored as the provider scores it, in order; those above zero."""
    wanted = fold(query)
    pairs = []
    for title in titles:
        shown = neutralise(title)
        exact = wanted and wanted in fold(shown)
        score = 1.0 if exact else matcher.match(shown) * 0.9
        if score > 0:
            pairs.append((score, shown))
    return pairs


async def hits(provider: ClassroomCommands, query: str) -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []
    async for hit in provider.search(query):
        assert isinstance(hit, Hit)
        found.append((hit.score, str(hit.text)))
    return found


async def test_the_days_offered_are_the_best_of_those_scored_one_by_one(tmp_path: Path) -> None:
    app = saga_app("--story", str(write_story(tmp_path / "story", 1_000)))
    async with app.run_test(size=(120, 40)):
        saga, lang = app.saga, app.selection.lang
        provider = ClassroomCommands(app.screen)
        await provider.startup()
        head = [tr(lang, "cmd.pause"), tr(lang, "palette.play_all")]
        days = []
        for day in saga.days:
            name = day_title(saga, day, lang)
            days.append(neutralise(tr(lang, "palette.play_from", day=name)))
            days.append(neutralise(tr(lang, "palette.play_to", day=name)))
        assert len(days) > 2 * MAX_DAY_HITS
        capped = 0
        for query in ("p", "jan", "play from m", "Mon, Jan", "u", "b", "zz", "Ba"):
            matcher = provider.matcher(query)
            played = one_by_one(matcher, query, days)
            if len(played) > MAX_DAY_HITS:
                capped += 1
                best = sorted(range(len(played)), key=lambda at: -played[at][0])[:MAX_DAY_HITS]
                played = [played[at] for at in sorted(best)]
            assert await hits(provider, query) == one_by_one(matcher, query, head) + played, query
        assert 0 < capped < 8
        for at in (10, 11):  # a day's own "play from" and "play up to"
            found = [hit async for hit in provider.search(days[at]) if hit.text == days[at]]
            command = found[0].command
            assert isinstance(command, partial)
            assert command.func.__name__ == ("_from" if at % 2 == 0 else "_to")
            assert command.args == (saga.days[at // 2].id,)
        discovered = [hit async for hit in provider.discover()]
        assert all(isinstance(hit, DiscoveryHit) for hit in discovered)
        assert [str(hit.text) for hit in discovered] == [*head, days[0]]
