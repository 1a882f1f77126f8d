"""Frames as a terminal receives them, keys as a terminal sends them, and "settled".

Runs inside the measured process (benchmarks/probe.py). The app runs with `FrameDriver`: input
is headless (nothing reads a terminal), but the driver does not call itself headless, so
`App._display` renders every frame to terminal bytes exactly as for a real terminal; the frame
is timestamped when the app flushes it to the driver. Keys are `textual.events.Key` events posted
to the app, as the real driver posts what it parses from the terminal: no Pilot, whose
`press()` + `pause()` costs ~86 ms whatever the app does.

A key is measured from the moment its event is posted:
- "first frame": the first frame flushed after it;
- "settled": the last frame flushed before the app goes quiet, that is 100 ms without a frame
  during which the process stayed idle: every 5 ms tick came back on time (a tick that comes
  back late means the process was waiting for a CPU on a busy machine, which proves nothing)
  and used under a third of its time on the CPU (so a long computation is never mistaken for
  quiet).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from time import monotonic, process_time
from typing import Any

from textual import events
from textual.app import App
from textual.drivers.headless_driver import HeadlessDriver

QUIET = 0.1
"""Seconds without a frame, the process idle, after which a key's screen counts as settled."""
TICK = 0.005
LATE = 0.015
"""A tick this much later than asked was not the app being quiet but the process waiting for
a CPU."""
TIMEOUT = 300.0
"""A key that has not settled after this long is reported as an error, not waited for."""


@dataclass
class FrameLog:
    """When each frame was flushed (time.monotonic seconds), the process's CPU time then
    (time.process_time seconds), and how many bytes were written."""

    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    written: int = 0


LOG = FrameLog()


class FrameDriver(HeadlessDriver):
    """Headless input; frames rendered to bytes as for a terminal, then timestamped."""

    @property
    def is_headless(self) -> bool:
        # False so that App._display renders the frame's escape sequences (the real cost).
        return False

    def write(self, data: str) -> None:
        LOG.written += len(data)

    def flush(self) -> None:
        # App._display flushes once per frame, after writing it.
        LOG.times.append(monotonic())
        LOG.cpu.append(process_time())


NAMED_CHARACTERS = {
    "space": " ",
    "tab": "\t",
    "enter": "\r",
    "escape": "\x1b",
    "slash": "/",
    "question_mark": "?",
    "ctrl+p": "\x10",
}


def key_event(key: str) -> events.Key:
    """The Key event a terminal driver would post for `key` (Textual's key names)."""
    character = NAMED_CHARACTERS.get(key, key if len(key) == 1 else None)
    return events.Key(key, character)


def send_key(app: App[Any], key: str) -> float:
    """Post `key` to the app; returns when it was posted."""
    event = key_event(key)
    event.set_sender(app)
    posted = monotonic()
    app.post_message(event)
    return posted


async def settle(quiet: float = QUIET, timeout: float = TIMEOUT) -> None:
    """Wait until no frame has been written for `quiet` seconds while the process was idle."""
    began = last_wall = window = monotonic()
    last_cpu = process_time()
    seen = len(LOG.times)
    while True:
        await asyncio.sleep(TICK)
        wall, cpu = monotonic(), process_time()
        busy = cpu - last_cpu > max(0.002, 0.3 * (wall - last_wall))
        # A tick that came back late means the process was not running (a busy machine): it
        # says nothing about whether the app has work left, so it does not count as quiet.
        late = wall - last_wall > TICK + LATE
        if busy or late or len(LOG.times) != seen:
            window, seen = wall, len(LOG.times)
        elif wall - window >= quiet:
            return
        if wall - began > timeout:
            raise TimeoutError(f"the app did not settle within {timeout:.0f} s")
        last_wall, last_cpu = wall, cpu


async def first_frame(timeout: float = TIMEOUT) -> float:
    """Wait for the first frame; returns when it was flushed."""
    began = monotonic()
    while not LOG.times:
        if monotonic() - began > timeout:
            raise TimeoutError(f"no frame within {timeout:.0f} s")
        await asyncio.sleep(0.001)
    return LOG.times[0]


@dataclass(frozen=True)
class Sample:
    """One key: ms to its first frame and to its last frame before quiet, the CPU ms the process
    spent until each (what a busy machine does not inflate), and the frames written."""

    first: float | None
    settled: float | None
    cpu_first: float | None
    cpu_settled: float | None
    frames: int


async def timed_key(app: App[Any], key: str) -> Sample:
    """Send `key` to a settled app and measure its frames."""
    seen = len(LOG.times)
    cpu = process_time()
    posted = send_key(app, key)
    await settle()
    new, new_cpu = LOG.times[seen:], LOG.cpu[seen:]
    if not new:
        return Sample(None, None, None, None, 0)
    return Sample(
        first=(new[0] - posted) * 1000,
        settled=(new[-1] - posted) * 1000,
        cpu_first=(new_cpu[0] - cpu) * 1000,
        cpu_settled=(new_cpu[-1] - cpu) * 1000,
        frames=len(new),
    )


async def untimed_key(app: App[Any], key: str) -> None:
    """Send `key` (set-up between measured keys) and wait for the app to settle."""
    send_key(app, key)
    await settle()


async def clear_notifications(app: App[Any]) -> None:
    """Remove toasts now rather than have their timeout draw a frame during a later key."""
    if len(getattr(app, "_notifications", (1,))):
        app.clear_notifications()
        await settle()
