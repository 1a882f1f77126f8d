"""Sequences whose items are made when asked: the arc's steps, their keys, a search run's ids.

A long story's arc or search run would otherwise be a list of thousands of items built for the
dozen a pane draws (or the few `bisect` looks at). One base keeps the `Sequence` contract in
one place: slices, negative indices and the IndexError that ends iteration.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """A sequence that makes item `index` with `_item(index)` (0 <= index < len) when asked."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _item(self, index: int) -> T:
        raise NotImplementedError

    def _index(self, index: int) -> int:
        """`index` counted from the start (a negative one from the end); IndexError outside."""
        length = len(self)
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError(index)
        return index

    def __iter__(self) -> Iterator[T]:
        item = self._item
        return (item(index) for index in range(len(self)))

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self._item(at) for at in range(*index.indices(len(self)))]
        return self._item(self._index(index))
