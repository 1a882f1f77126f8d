"""Does typing go on while search reads a long story for the first time?

    python benchmarks/search_typing.py [--story PATH] [--typed qxjqxjqx] [--gap 0.15]

The first search of a word found nowhere folds every event of the story (seconds at 100,000
events); a common word stops at the first few hundred hits. This opens search, then types
`--typed` one key every `--gap` seconds without waiting for the screen to settle, as a reader
types, and prints for each key the time from when it was due to its next frame (the box
showing the letter), then how long the last search went on after the last key was due. Run
headless as the key benchmarks (`benchmarks/frames.py`). Prints figures; asserts nothing.

With no `--story`, it writes (once) and uses the synthetic story of 100,000 events that
`benchmarks/run.py` uses.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from time import monotonic
from typing import Any

if __package__ in (None, ""):
    # Run as a script: import `benchmarks` from the repository, not this folder's modules.
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from textual.app import App
from textual.widgets import Input

from benchmarks.frames import LOG, FrameDriver, first_frame, send_key, settle, timed_key
from tui.cli.state import welcome_marker

SIZE = (120, 40)


def default_story() -> str:
    """The benchmark's synthetic story of 100,000 events, written once (as run.py does)."""
    from benchmarks.stories import synthetic

    return synthetic("100k", Path(tempfile.gettempdir()) / "openai-saga-bench").args[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--story", help="a story path (default: 100,000 synthetic events)")
    parser.add_argument("--typed", default="qxjqxjqx", help="found nowhere: every event read")
    parser.add_argument("--gap", type=float, default=0.15, help="seconds between keys")
    options = parser.parse_args()
    story = options.story or default_story()

    # A state of its own: the title card counted as seen (it would take the first key), and
    # the reader's saved place left alone when the app saves its own on exit.
    state = Path(tempfile.mkdtemp(prefix="openai-saga-search-typing-"))
    welcome_marker(state / "place.json").touch()
    os.environ["OPENAI_SAGA_STATE"] = str(state / "place.json")

    from tui import make_app

    app: App[Any] = make_app(["--fresh", "--lang", "en", "--story", story])
    app.driver_class = FrameDriver
    echoes: list[float] = []
    after_last: list[float] = []
    typed: list[str] = []
    failure: list[BaseException] = []

    async def pilot(_: object) -> None:
        try:
            await first_frame()
            await settle()
            await timed_key(app, "slash")
            if type(app.screen).__name__ != "SearchScreen":
                raise RuntimeError(f"search did not open: {type(app.screen).__name__} on top")
            # No blinking cursor: every frame is then the app's answer to a key, and the last
            # one shows the last search's hits.
            app.screen.query_one("#query", Input).cursor_blink = False
            await settle()
            seen = len(LOG.times)
            start = monotonic()
            due = [start + index * options.gap for index in range(len(options.typed))]
            sent = []
            for key, at in zip(options.typed, due, strict=True):
                # This runs in the app's event loop, as a terminal's keys reach it: a search
                # that never yields delays the sending too, so a key is timed from when it was
                # due, not from when it could be sent.
                await asyncio.sleep(max(0.0, at - monotonic()))
                sent.append(send_key(app, key))
            await settle()
            frames = LOG.times[seen:]
            for at, posted in zip(due, sent, strict=True):
                following = [frame for frame in frames if frame >= posted]
                echoes.append((following[0] - at) * 1000 if following else float("nan"))
            after_last.append((frames[-1] - due[-1]) * 1000)
            typed.append(app.screen.query_one("#query", Input).value)
        except BaseException as error:  # reported after the app has closed
            failure.append(error)
        finally:
            app.exit()

    app.run(size=SIZE, auto_pilot=pilot)
    shutil.rmtree(state, ignore_errors=True)
    if failure:
        raise failure[0]
    print(f"story: {story}; typed {typed[0]!r}, a key due every {options.gap * 1000:.0f} ms")
    print("key to its next frame (ms): " + ", ".join(f"{echo:.0f}" for echo in echoes))
    print(f"median {statistics.median(echoes):.0f} ms, worst {max(echoes):.0f} ms")
    print(f"the last search ended {after_last[0]:.0f} ms after the last key was due")


if __name__ == "__main__":
    main()
