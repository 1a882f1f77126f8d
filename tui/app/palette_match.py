"""Many palette titles matched at once, as a provider matches them one by one.

A provider scores a title 1.0 when it holds the folded query, else by Textual's fuzzy matcher,
which scores above zero only the titles holding the query's letters in order. For thousands of
titles (a "play from" entry for each day of a long story) both are found here in C, over the
titles folded and lower-cased once, and only those titles are scored.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from story.folded import Column
from story.folding import fold_each

SEPARATOR = "\x1f"
"""Starts each lower-cased title: a control character, which titles shown never hold
(`tui.view.safe.neutralise` replaces them)."""


class TitleMatch:
    """Titles, folded and lower-cased once, to find those a query can match."""

    def __init__(self, titles: Sequence[str]) -> None:
        # Strings and arrays of offsets, no list of titles: nothing for the collector to walk.
        self._titles = Column(titles)
        self._folded = Column(fold_each(titles))
        lowered = [title.lower() for title in titles]
        self._starts = array("q", accumulate((len(title) + 1 for title in lowered), initial=0))
        self._lowered = "".join(SEPARATOR + title for title in lowered)
        self._unsafe = any(SEPARATOR in title for title in titles)

    def __len__(self) -> int:
        return len(self._titles)

    def title(self, index: int) -> str:
        """Title `index`, as given."""
        return self._titles.text(index)

    def holding(self, wanted: str) -> set[int]:
        """The titles whose folded text holds `wanted` (already folded, not empty)."""
        folded = self._folded
        if "\n" in wanted:  # would reach across titles in the folded column
            return {index for index in range(len(folded)) if wanted in folded.text(index)}
        return set(folded.entries_with(wanted))

    def in_order(self, query: str) -> set[int]:
        """The titles whose lower-cased text holds the letters of `query` (lower-cased) in
        order: the only ones Textual's fuzzy matcher (`textual.fuzzy.FuzzySearch`, not case
        sensitive) scores above zero."""
        letters = query.lower()
        if not letters:
            return set()
        if SEPARATOR in letters or self._unsafe:  # a title of its own (or the query) holds it
            in_order = re.compile("".join(f"[^{re.escape(c)}]*+{re.escape(c)}" for c in letters))
            return {
                index
                for index in range(len(self))
                if in_order.match(self.title(index).lower()) is not None
            }
        # Each letter after the ones before it, without going back: `*+` takes all it can and
        # never gives it back, so a title that does not match costs one pass, not a search.
        pattern = SEPARATOR + "".join(
            f"[^{SEPARATOR}{re.escape(letter)}]*+{re.escape(letter)}" for letter in letters
        )
        starts = self._starts
        return {
            bisect_right(starts, found.start()) - 1 for found in re.finditer(pattern, self._lowered)
        }

    def candidates(self, query: str, wanted: str) -> tuple[list[int], set[int]]:
        """The titles `query` may match, in order, and those among them that hold `wanted`
        (the folded query; none when it is empty)."""
        exact = self.holding(wanted) if wanted else set()
        return sorted(exact | self.in_order(query)), exact
