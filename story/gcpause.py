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


FREEZE_FROM_EVENTS = 2_000
"""Below this many events freezing is not worth it (the shipped story, the tests' stories)."""


def freeze_loaded(events: int) -> bool:
    """Move every object alive now (a big loaded story among them) out of the collector's reach;
    returns whether it did.

    The story lives until the process ends and holds no cycles to collect: without this, every
    full collection walks it again, and so does the one at exit (5 s at 100,000 events, 1.2 s
    frozen). Objects created later are collected as usual. Only done for a big story: frozen
    objects are never collected, so a process that builds many small apps (the tests) must not
    freeze the garbage of the previous ones."""
    if events < FREEZE_FROM_EVENTS:
        return False
    gc.freeze()
    return True


class StartupFreeze:
    """Keeps the objects alive once an app has started out of the collector's full passes.

    A running app makes garbage on every key, and every few keys a full collection walks every
    object alive, the story and the whole widget tree among them: 36 full passes over 120 keys
    of the shipped story took 2.6 s, up to 90 ms each, the pauses behind the keys' slow p95.
    Frozen after start-up, the same passes took 0.8 s. `thaw` gives the objects back when the
    app ends, so a process that runs many apps (the tests) never keeps their garbage, unless
    the story itself was frozen at load (`freeze_loaded`), which stays so until the exit. The
    cost: what start-up built and later drops in a reference cycle (the first footer's keys)
    waits for the thaw; it is bounded by what start-up built, once."""

    def __init__(self) -> None:
        self.frozen = False

    def freeze(self) -> None:
        """Freeze what is alive now (once)."""
        if not self.frozen:
            gc.freeze()
            self.frozen = True

    def thaw(self, events: int) -> None:
        """Give the frozen objects back to the collector, unless a big story was frozen."""
        if self.frozen and events < FREEZE_FROM_EVENTS:
            gc.unfreeze()
        self.frozen = False
