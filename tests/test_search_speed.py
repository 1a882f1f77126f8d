"""The search index's short ways give what the long ways gave: folding in C, and the palette's
jumps taken from the titles that start with the query when there are enough of them."""

from __future__ import annotations

import unicodedata

import pytest

from story import Saga
from story.folded import Column
from story.search import JumpKind, SearchIndex, fold, fold_lines

LABELS: dict[JumpKind, str] = {
    "day": "Day: ",
    "event": "Event: ",
    "actor": "Follow: ",
    "act": "Act: ",
}


def folded_by_hand(text: str) -> str:
    """`fold` as it was first written: a loop over every character."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@pytest.mark.parametrize(
    "text",
    [
        "Licencié ÉTÉ",
        "Straße ﬁn Ⅳ",
        "董事会解雇了奥尔特曼",
        "Ελληνικά ΆΈ",
        "e\u0301\u0327 a\u20d7",
        "plain ASCII, Sam ALTMAN",
        "",
    ],
)
def test_fold_agrees_with_the_loop_over_characters(text: str) -> None:
    assert fold(text) == folded_by_hand(text)
    assert fold_lines([text, text.upper()]) == folded_by_hand(f"{text}\n{text.upper()}")


def test_line_heads_find_the_first_entries_with_a_line_that_starts_so() -> None:
    heads = Column(["board x\nb", "a board", "bo\nboard", "board"])  # an item's lines
    assert heads.first_entries("board", 10) == [0, 2, 3]
    assert heads.first_entries("board", 2) == [0, 2]
    assert heads.first_entries("oard", 10) == []
    assert heads.first_entries("a\nb", 10) == []


@pytest.mark.parametrize("query", ["2023", "a", "e", "s", "sam", "board", "follow", "the"])
@pytest.mark.parametrize("limit", [3, 60])
def test_jumps_by_the_short_way_are_the_jumps_of_the_full_scan(
    saga: Saga, query: str, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = SearchIndex(saga).jumps(query, LABELS, limit)
    monkeypatch.setattr(Column, "first_entries", lambda self, text, limit: [])
    full = SearchIndex(saga).jumps(query, LABELS, limit)
    assert quick == full
    assert quick or query == "follow"  # every query but one finds something here


def test_the_short_way_is_taken_when_enough_titles_start_with_the_query(saga: Saga) -> None:
    index = SearchIndex(saga)
    assert len(index._title_heads.first_entries("2023", 3)) == 3  # days: 2023-11-16, ...
    assert [score for score, _ in index.jumps("2023", LABELS, 3)] == [1.0, 1.0, 1.0]
