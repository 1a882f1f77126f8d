"""The lazy sequences (the arc's keys, a search run's ids) keep the `Sequence` contract of a
list of the same items: indices from either end, slices, iteration and IndexError."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from story.arc import Computed
from story.folded import Ids


@dataclass
class Item:
    id: str


def test_ids_and_computed_keys_behave_as_lists() -> None:
    items = [Item(f"e{number}") for number in range(10)]
    ids = Ids(items, 2, 7)
    expected = [f"e{number}" for number in range(2, 7)]
    keys = Computed(5, lambda index: (index, 0, 0, 0, 0, 0))
    for lazy, listed in ((ids, expected), (keys, [(n, 0, 0, 0, 0, 0) for n in range(5)])):
        assert list(lazy) == listed and len(lazy) == len(listed)
        assert [lazy[index] for index in range(-5, 5)] == listed + listed
        assert lazy[1:4] == listed[1:4] and lazy[::-2] == listed[::-2]
        for outside in (5, -6):
            with pytest.raises(IndexError):
                lazy[outside]
        assert listed[3] in lazy and lazy.index(listed[3]) == 3
