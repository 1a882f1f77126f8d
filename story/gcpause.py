"""Keep Python's cycle collector out of the way: paused while a story is built or loaded, the
objects alive after start-up frozen, and full passes run while the reader reads.

A story is hundreds of thousands of small objects without reference cycles; the collector's
repeated passes over them while they are created cost more than creating them (measured:
unpickling 100,000 events takes 4.8 s with it, 1.8 s without). Reference counting still frees
everything as usual.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
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


QUIET_FOR = 1.0
"""Seconds without a key or a click after which a full collection that is due may run."""
BACKSTOP = 100
"""Young collections since the last full one after which a full one runs even while keys keep
coming (ten times Python's own threshold), so that held keys cannot grow the heap for ever."""
_NEVER = 2**31 - 1
_running: list[QuietCollector] = []
_saved_threshold: tuple[int, int, int] | None = None


class QuietCollector:
    """Full collections while the reader reads, not in the middle of a key.

    Python runs a full collection after every ten young ones, wherever the allocations happen
    to trigger it: with an app running it walks every object alive (the widgets, Textual's and
    Rich's caches, what was drawn), 100-190 ms each, 6 passes a walk over every key of the
    shipped story, growing with the walks. Those passes were the keys' slow p95: `right` 31 ms
    median, 315 ms p95. Here Python's automatic full passes are off while an app runs; `tick`
    (called on a timer) runs one when it is due and no key or click came for QUIET_FOR seconds,
    or when BACKSTOP young collections have piled up whatever the keys. Young collections are
    left as they are (a few ms). `stop` gives Python its threshold back when the last running
    collector stops (the tests run many apps in one process)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_input = clock()
        self.running = False
        self.full_passes = 0

    def start(self) -> None:
        global _saved_threshold
        if self.running:
            return
        if not _running:
            _saved_threshold = gc.get_threshold()
            young, middle, _ = _saved_threshold
            gc.set_threshold(young, middle, _NEVER)
        _running.append(self)
        self.running = True

    def input(self) -> None:
        """A key or a click: the reader is busy, no full pass for QUIET_FOR seconds."""
        self.last_input = self.clock()

    def tick(self) -> bool:
        """Run a full collection if one is due; returns whether it ran."""
        if not self.running or _saved_threshold is None:
            return False
        pending = gc.get_count()[2]  # young (generation 1) collections since the last full one
        quiet = self.clock() - self.last_input >= QUIET_FOR
        if (quiet and pending >= _saved_threshold[2]) or pending >= BACKSTOP:
            gc.collect(2)
            self.full_passes += 1
            return True
        return False

    def stop(self) -> None:
        global _saved_threshold
        if not self.running:
            return
        self.running = False
        _running.remove(self)
        if not _running and _saved_threshold is not None:
            gc.set_threshold(*_saved_threshold)
            _saved_threshold = None
