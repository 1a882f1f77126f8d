""" "Did you mean ...?" for an unknown id given on the command line (`--actor murati`)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MAX_WORD = 100
"""Longer words get no suggestion (comparing them with every id would cost seconds)."""
SHORTLIST = 50
"""With many ids, difflib compares the word only with this many, picked by shared trigrams
(at 100,000 events comparing with all took 1.5 s)."""


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The ids most like `word`: those that contain it (shortest first), else the nearest by
    spelling (difflib), at most `limit`."""
    if not word or len(word) > MAX_WORD:
        return []
    names = list(candidates)
    folded = word.casefold()
    containing = sorted((name for name in names if folded in name.casefold()), key=len)
    if containing:
        return containing[:limit]
    if len(names) > SHORTLIST:
        trigrams = {folded[at : at + 3] for at in range(max(1, len(folded) - 2))}
        names = sorted(names, key=lambda name: -sum(gram in name.casefold() for gram in trigrams))[
            :SHORTLIST
        ]
    return difflib.get_close_matches(folded, names, n=limit, cutoff=0.6)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """ ": did you mean 'a' or 'b'?" to append to a message, or "" when nothing is close."""
    found = [f"'{name}'" for name in closest(word, candidates)]
    if not found:
        return ""
    listed = found[0] if len(found) == 1 else f"{', '.join(found[:-1])} or {found[-1]}"
    return f": did you mean {listed}?"
