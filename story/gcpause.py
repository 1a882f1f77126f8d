"""Pause Python's cycle collector while building or loading a story.

A story is hundreds of thousands of small objects without reference cycles; the collector's
repeated passes over them while they are created cost more than creating them (measured:
unpickling 100,000 events takes 4.8 s with it, 1.8 s without). Reference counting still frees
everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cycle collector off (restored afterwards, even on error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
