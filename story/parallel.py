"""Read a big story's files on several cores at once (`validate` asks for it).

Reading a file (libyaml's events, then our values) and converting it into the model is most of
a load, about 0.06 ms an event, and a big story comes in several files (one holds at most
16 MiB). On a machine with two cores, another process reads and converts some files while
this one does the others (each about half of the bytes). The other process is a fork of this
one (nothing to start or import) and sends each converted file back as msgspec bytes, read
back here in a fifteenth of the time it took to make (21 ms for 5,000 events).

Each file is read alone, with the whole story's budget of values; the loader applies the
budget in file order (`story.loader`), so the story, the problems and their places are those of
a reading one file after the other. Forking is done only where it is safe: on Linux, from a
process that runs a single thread (a thread holding a lock at the fork would leave the child
waiting for it forever); and only onto cores that other work leaves free (on a busy machine
the other process would wait for a core, and this one for it: slower than reading alone).
Anything that goes wrong with another process (it died, its result could not be read) costs
only time: the file is read here instead.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from story.convert import ConvertedFile
from story.fileread import FileRead, Progress, read_file
from story.model import StoryFile
from story.problems import Problem, ProblemLog
from story.yamlread import Document, ValueBudget

if TYPE_CHECKING:
    from concurrent.futures import Future

    import msgspec

PARALLEL_FROM_BYTES = 4 * 1024 * 1024
"""Below this size (about 3,500 events) the whole story is read in less than 0.25 s: starting
another process and taking its results back would win little."""
MAX_WORKERS = 8
READ_BACK = 0.08
"""Taking a file back from another process costs about this share of reading it: this process
reads a little less than its part, so that all end at about the same time."""


def usable_workers(load: float | None = None, running: int | None = None) -> int:
    """How many processes may read at once here (this one included): the cores this process
    may run on that other work keeps busy neither lately nor now, when forking is safe; else 1.

    Another process helps only on a free core: on a busy machine it would wait for one, and
    this one for it. Busy cores are those both the load average of the last minute (`load`)
    and the processes running now besides this one (`running`, counting this one) say are
    busy: the average alone still counts a process that has just ended (a benchmark's previous
    run), the count alone a process that runs for an instant. Both are read when not given."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
        if load is None or running is None:
            with open("/proc/loadavg", encoding="ascii") as source:
                fields = source.read().split()
            load = float(fields[0]) if load is None else load
            running = int(fields[3].split("/")[0]) if running is None else running
    except (AttributeError, OSError, ValueError, IndexError):
        return 1
    busy = min(int(load), max(0, running - 1))
    return max(1, min(cores - busy, MAX_WORKERS))


def worth_it(sizes: Sequence[int], workers: int) -> bool:
    """Whether reading these files in several processes should save time."""
    return workers > 1 and len(sizes) > 1 and sum(sizes) >= PARALLEL_FROM_BYTES


def read_alone(path: Path, name: str, limit: int, progress: Progress | None = None) -> FileRead:
    """Read and convert one file with a budget of its own: `limit`, the whole story's."""
    return read_file(path, name, ValueBudget(limit), progress)


def read_files(
    files: Sequence[tuple[Path, str]],
    sizes: Sequence[int],
    workers: int,
    limit: int,
    progress: Progress | None = None,
) -> tuple[list[FileRead], int]:
    """Every file read alone (each with a budget of `limit` values), `workers` processes at
    once (this one among them), in file order; and how many of them another process read.
    `progress` is told the share of the bytes read (0 to 1)."""
    import multiprocessing  # imported for a big story only
    from concurrent.futures import ProcessPoolExecutor

    mine, theirs = _shares(sizes, workers)
    if not theirs:  # one file holds (nearly) all the story
        return [read_alone(path, name, limit) for path, name in files], 0
    results: dict[int, FileRead] = {}
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers - 1, len(theirs)), mp_context=context) as pool:
        waiting = {index: pool.submit(_read_to_send, *files[index], limit) for index in theirs}
        tracker = _Tracker(sizes, waiting, progress)
        sent = 0

        def take(index: int) -> None:
            """Unpack a file another process sent (as soon as it is there: packed, it only
            takes memory), or read it here when that went wrong."""
            nonlocal sent
            received = _received(waiting.pop(index), files[index][1])
            sent += received is not None
            results[index] = received or read_alone(*files[index], limit)
            tracker.taken(index)

        for index in mine:
            results[index] = read_alone(*files[index], limit, tracker.while_reading(index))
            tracker.taken(index)
            for ready in [index for index, future in waiting.items() if future.done()]:
                take(ready)
        for index in list(waiting):
            take(index)
    return [results[index] for index in range(len(files))], sent


def _shares(sizes: Sequence[int], workers: int) -> tuple[list[int], list[int]]:
    """The files this process reads, and those given to the others (largest first). This
    process also takes back what the others send, so it reads a little less than its part."""
    # This process's time, its part p of the bytes and the others' taken back, is p + t(1 - p);
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


Sent = tuple[str | None, int, list[Problem], int, bytes | None, ConvertedFile | None, ProblemLog]
"""What another process sends back for a file: its text and count of values (None when it
could not be read), its reading's problems and the values it used, its StoryFile as msgspec
bytes, the rest of its conversion (without the StoryFile), its conversion's problems."""


@cache
def _encoder() -> msgspec.msgpack.Encoder:
    import msgspec  # 15 ms: for a big story only

    return msgspec.msgpack.Encoder()


@cache
def _decoder() -> msgspec.msgpack.Decoder[StoryFile]:
    import msgspec

    return msgspec.msgpack.Decoder(StoryFile)


def _read_to_send(path: Path, name: str, limit: int) -> Sent:
    """In another process: read and convert one file, packed for the way back."""
    read = read_alone(path, name, limit)
    document, converted = read.document, read.converted
    text, values = (None, 0) if document is None else (document.text, document.values)
    packed = None
    if converted is not None and converted.story_file is not None:
        packed = _encoder().encode(converted.story_file)
        converted = ConvertedFile(None, converted.broken, converted.broken_kinds)
    return text, values, read.problems, read.used, packed, converted, read.log


def _received(future: Future[Sent], name: str) -> FileRead | None:
    """A file read by another process, or None when that went wrong (it is read here)."""
    try:
        text, values, problems, used, packed, converted, log = future.result()
        if converted is not None and packed is not None:
            converted.story_file = _decoder().decode(packed)
    except Exception:  # a dead process, a broken pipe, damaged bytes: only time is lost
        return None
    document = None if text is None else Document(name, None, text, problems, values)
    return FileRead(document, problems, used, converted, log)


class _Tracker:
    """The share of a parallel read done, for a progress line: the files done (read here, or
    taken from another process), the part of the one being read here, and the files the other
    processes have finished and not yet sent."""

    def __init__(
        self, sizes: Sequence[int], waiting: dict[int, Future[Sent]], progress: Progress | None
    ) -> None:
        self.sizes = sizes
        self.waiting = waiting
        self.progress = progress
        self.total = max(sum(sizes), 1)
        self.done = 0

    def while_reading(self, index: int) -> Progress | None:
        """What `read_yaml` tells while it parses file `index` here."""
        if self.progress is None:
            return None
        return lambda share: self.tell(self.sizes[index] * share)

    def taken(self, index: int) -> None:
        self.done += self.sizes[index]
        self.tell()

    def tell(self, extra: float = 0.0) -> None:
        if self.progress is None:
            return
        ready = sum(self.sizes[index] for index, future in self.waiting.items() if future.done())
        self.progress(min(1.0, (self.done + ready + extra) / self.total))
