"""Parse a big story's files on several cores at once (`validate` asks for it).

Parsing is most of a load (libyaml's events, then our values: 0.05 ms an event) and a big story
comes in several files (one holds at most 16 MiB). On a machine with two cores, another
process parses some files while this one parses the others: 10,000 events are read in about
0.3 s instead of 0.5. The other process is a fork of this one (nothing to start or import) and
sends each file back with `marshal`: its plain values (dicts, lists, text, numbers) are read
back here in a tenth of the time they took to parse.

Each file is parsed alone, with the whole story's budget of values; the caller applies the
budget in file order (see `story.loader`), so the values, the problems and their places are
those of a reading one file after the other. Forking is done only where it is safe: on Linux,
from a process that runs a single thread (a thread holding a lock at the fork would leave the
child waiting for it forever). Anything that goes wrong with another process (it died, its
result could not be read) costs only time: the file is parsed here instead.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from story.problems import Problem
from story.yamlread import Document, ValueBudget, read_yaml

if TYPE_CHECKING:
    from concurrent.futures import Future

PARALLEL_FROM_BYTES = 4 * 1024 * 1024
"""Below this size (about 3,500 events) the whole story parses in less than 0.2 s: starting
another process and reading its results back would win little."""
MAX_WORKERS = 8
READ_BACK = 0.12
"""Reading a file's values back costs about this share of parsing it: this process parses a
little less than its part, so both end at about the same time."""

Progress = Callable[[float], None]


@dataclass
class Parsed:
    """One file parsed alone: its document (None when it could not be read) and problems."""

    document: Document | None
    problems: list[Problem]
    used: int
    """The values it holds (up to where its reading stopped): the caller's budget counts it."""


def usable_workers() -> int:
    """How many processes may parse at once here (this one included): the cores this process
    may run on when forking is safe, else 1."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def worth_it(sizes: Sequence[int], workers: int) -> bool:
    """Whether parsing these files in several processes should save time."""
    return workers > 1 and len(sizes) > 1 and sum(sizes) >= PARALLEL_FROM_BYTES


def parse_alone(path: Path, name: str, limit: int, progress: Progress | None = None) -> Parsed:
    """Parse one file with a budget of its own: `limit`, the whole story's."""
    budget = ValueBudget(limit)
    document, problems = read_yaml(path, name, progress, budget)
    return Parsed(document, problems, budget.used)


def parse_files(
    files: Sequence[tuple[Path, str]],
    sizes: Sequence[int],
    workers: int,
    limit: int,
    progress: Progress | None = None,
) -> tuple[list[Parsed], int]:
    """Every file parsed alone (each with a budget of `limit` values), `workers` processes at
    once (this one among them), in file order; and how many of them another process parsed.
    `progress` is told the share of the bytes parsed (0 to 1)."""
    import multiprocessing  # imported for a big story only
    from concurrent.futures import ProcessPoolExecutor

    mine, theirs = _shares(sizes, workers)
    if not theirs:  # one file holds (nearly) all the story
        return [parse_alone(path, name, limit) for path, name in files], 0
    results: dict[int, Parsed] = {}
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers - 1, len(theirs)), mp_context=context) as pool:
        futures = {index: pool.submit(_parse_to_send, *files[index], limit) for index in theirs}
        tracker = _Tracker(sizes, futures, progress)
        for index in mine:
            results[index] = parse_alone(*files[index], limit, tracker.while_parsing(index))
            tracker.parsed_here(index)
        sent = 0
        for index, future in futures.items():
            received = _received(future, files[index][1])
            if received is not None:
                sent += 1
            results[index] = received or parse_alone(*files[index], limit)
            tracker.tell()
    return [results[index] for index in range(len(files))], sent


class _Tracker:
    """The share of a parallel parse done, for a progress line: the files parsed here, the
    part of the one being parsed, and the files the other processes have finished."""

    def __init__(
        self, sizes: Sequence[int], futures: dict[int, Future[Sent]], progress: Progress | None
    ) -> None:
        self.sizes = sizes
        self.futures = futures
        self.progress = progress
        self.total = max(sum(sizes), 1)
        self.here = 0

    def while_parsing(self, index: int) -> Progress | None:
        """What `read_yaml` tells while it parses file `index` here."""
        if self.progress is None:
            return None
        return lambda share: self.tell(self.sizes[index] * share)

    def parsed_here(self, index: int) -> None:
        self.here += self.sizes[index]
        self.tell()

    def tell(self, extra: float = 0.0) -> None:
        if self.progress is None:
            return
        sent = sum(self.sizes[index] for index, future in self.futures.items() if future.done())
        self.progress(min(1.0, (self.here + sent + extra) / self.total))


def _shares(sizes: Sequence[int], workers: int) -> tuple[list[int], list[int]]:
    """The files this process parses, and those given to the others (largest first). This
    process also reads back what the others send, so it takes a little less than its part."""
    # This process's time, its part p of the bytes and the others' read back, is p + t(1 - p);
    # each of the k others' (1 - p) / k: equal when p = (1 - tk) / (1 + k - tk).
    others = workers - 1
    target = sum(sizes) * max(0.0, 1 - READ_BACK * others) / (1 + others - READ_BACK * others)
    mine: list[int] = []
    theirs: list[int] = []
    taken = 0
    for index in sorted(range(len(sizes)), key=lambda index: -sizes[index]):
        if abs(taken + sizes[index] - target) < abs(taken - target):
            mine.append(index)
            taken += sizes[index]
        else:
            theirs.append(index)
    return sorted(mine), theirs


Sent = tuple[bytes | None, list[Problem], int]
"""What another process sends back for a file: its document packed by `marshal` (None when it
could not be read), its problems and the values it counted."""


def _parse_to_send(path: Path, name: str, limit: int) -> Sent:
    """In another process: parse one file and pack its document for the way back."""
    parsed = parse_alone(path, name, limit)
    document = parsed.document
    if document is None:
        return None, parsed.problems, parsed.used
    packed = marshal.dumps((document.value, document.text, document.values))
    return packed, parsed.problems, parsed.used


def _received(future: Future[Sent], name: str) -> Parsed | None:
    """A file parsed by another process, or None when that went wrong (it is parsed here)."""
    try:
        packed, problems, used = future.result()
        if packed is None:
            return Parsed(None, problems, used)
        value, text, values = marshal.loads(packed)
    except Exception:  # a dead process, a broken pipe, damaged bytes: only time is lost
        return None
    return Parsed(Document(name, value, text, problems, values), problems, used)
