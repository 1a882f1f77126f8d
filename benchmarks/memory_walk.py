"""Does memory plateau? Walk every key of the browser and every screen N times and watch it.

    python benchmarks/memory_walk.py [--walks 8] [--story PATH] [--typed WORD] [--frames 1]

The app runs headless as in the key benchmarks (`benchmarks/frames.py`: frames rendered to
terminal bytes, keys posted as a terminal sends them, each key waited on until the screen
settles). One walk is `walk.browser_walk` (every key of the browser, help, the script,
search and the palette) then the screens it does not reach: the quiz, the title card,
presenter mode's keys and the bilingual view. After walks 1, 2, 4, 8 (powers of two up to
`--walks`) it collects garbage and prints the memory traced by `tracemalloc`, the process's
VmRSS and the number of objects the collector tracks; then the 10 allocation sites and the 10
object types that grew most between walk 2 and the last. A walk leaves the app as it found it,
so memory that keeps growing after the first walks is a leak (caches without bound, screens or
widgets kept), not a working set. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: import `benchmarks` from the repository, not this folder's modules.
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from textual.app import App

from benchmarks.frames import LOG, FrameDriver, first_frame, settle
from benchmarks.walk import Session, browser_walk

SIZE = (120, 40)


async def other_screens(session: Session) -> None:
    """The screens `browser_walk` does not reach, each left as it was found."""
    keys = session.quietly
    await session.focus("events")
    for key in ("Q", "space", "right", "space", "left", "escape"):  # the quiz
        await keys(key)
    for key in ("i", "escape"):  # the title card
        await keys(key)
    for key in ("p", "k", "pagedown", "pageup", "k", "p"):  # presenter mode
        await keys(key)
    for key in ("b", "B", "b"):  # two languages side by side
        await keys(key)
    for key in ("c", "c", "end", "home", "pagedown", "pageup"):
        await keys(key)


def rss_mb() -> float:
    """The process's resident memory now (VmRSS), in MB; 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def object_counts() -> Counter[str]:
    """Objects the garbage collector tracks, by type."""
    return Counter(type(item).__qualname__ for item in gc.get_objects())


class Watch:
    """The figures taken after chosen walks."""

    def __init__(self) -> None:
        self.snapshots: dict[int, tracemalloc.Snapshot] = {}
        self.counts: dict[int, Counter[str]] = {}

    def take(self, walk: int, keep: bool) -> None:
        """Figures after `walk`; its snapshot is kept only when `keep` (a snapshot is itself
        traced memory and tracked objects: the figures leave tracemalloc's own out)."""
        LOG.times.clear()  # the harness's own log of frames is not the app's memory
        LOG.cpu.clear()
        gc.collect()
        counts = object_counts()
        snapshot = tracemalloc.take_snapshot().filter_traces(
            (tracemalloc.Filter(False, tracemalloc.__file__),)
        )
        traced = sum(stat.size for stat in snapshot.statistics("filename"))
        if keep:
            self.snapshots[walk] = snapshot
            self.counts[walk] = counts
        print(
            f"after walk {walk:3d}: traced {traced / 2**20:7.2f} MB, "
            f"VmRSS {rss_mb():7.1f} MB, {sum(counts.values()):9,d} objects tracked",
            file=sys.__stdout__,  # the running app captures sys.stdout
            flush=True,
        )
        del snapshot

    def report(self) -> None:
        walks = sorted(self.snapshots)
        if len(walks) < 2:
            return
        start = walks[0]
        end = walks[-1]
        growth = self.snapshots[end].compare_to(self.snapshots[start], "lineno")
        print(f"\ntop 10 allocation sites growing from walk {start} to walk {end}:")
        for stat in growth[:10]:
            size = f"{stat.size_diff / 1024:+9.1f} KiB"
            print(f"  {size} {stat.count_diff:+7d} blocks  {stat.traceback}")
        print(f"\ntop 10 object types growing from walk {start} to walk {end}:")
        types = self.counts[end].copy()
        types.subtract(self.counts[start])
        for name, change in types.most_common(10):
            print(f"  {change:+8d}  {name}")


def checkpoints(walks: int) -> set[int]:
    """1, 2, 4, 8, ... up to `walks`, and `walks` itself."""
    points, at = {walks}, 1
    while at <= walks:
        points.add(at)
        at *= 2
    return points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--walks", type=int, default=8)
    parser.add_argument("--story", help="a story path (default: the shipped story)")
    parser.add_argument("--typed", default="board", help="what search and the palette type")
    parser.add_argument("--frames", type=int, default=1, help="traceback depth of tracemalloc")
    options = parser.parse_args()

    tracemalloc.start(options.frames)
    from tui import make_app

    argv = ["--fresh", "--lang", "en"] + (["--story", options.story] if options.story else [])
    app: App[Any] = make_app(argv)
    app.driver_class = FrameDriver
    watch = Watch()
    points = checkpoints(options.walks)
    failure: list[BaseException] = []

    async def pilot(_: object) -> None:
        try:
            await first_frame()
            await settle()
            session = Session(app)
            for walk in range(1, options.walks + 1):
                await browser_walk(session, options.typed)
                await other_screens(session)
                session.samples.clear()  # the timings are not what is measured here
                if walk in points:
                    watch.take(walk, keep=walk in (2 if options.walks > 2 else 1, options.walks))
        except BaseException as error:  # reported after the app has closed
            failure.append(error)
        finally:
            app.exit()

    app.run(size=SIZE, auto_pilot=pilot)
    if failure:
        raise failure[0]
    watch.report()


if __name__ == "__main__":
    main()
