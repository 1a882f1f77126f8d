"""One measured process: start the app (or the bare Textual app), then either quit at once or
walk every key, and write what it saw as JSON to `--out`.

    probe.py start --out FILE [--bare] -- [APP ARGS...]
    probe.py walk --out FILE [--bare] [--repeats N] [--typed WORD] -- [APP ARGS...]

Run by benchmarks/run.py in a fresh process each time, so imports, loading and exit are part
of what is measured. `start` waits for the first frame and for the screen to settle, then sends
`q` and lets the process end as `openai-saga` would; the parent times the exit. Peak memory is
the process's VmHWM (see benchmarks/peak.py). Times are `time.monotonic()` seconds, the same
clock in parent and child. The app is built with `tui.make_app(argv)`, as the command line
builds it.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: import `benchmarks` from the repository, not this folder's modules.
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from benchmarks.frames import LOG, FrameDriver, first_frame, send_key, settle
from benchmarks.peak import peak_mb
from benchmarks.walk import Session, bare_walk, browser_walk

SIZE = (120, 40)


class Bare(App[None]):
    """The yardstick: a bare Textual app (Header, Static, Footer); `right` updates the Static."""

    BINDINGS = [("q", "quit", "Quit"), ("right", "step", "Step")]  # noqa: RUF012

    def __init__(self) -> None:
        super().__init__()
        self.steps = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello", id="text")
        yield Footer()

    def action_step(self) -> None:
        self.steps += 1
        self.query_one("#text", Static).update(f"Hello {self.steps}")


def build(bare: bool, argv: list[str]) -> App[Any]:
    if bare:
        return Bare()
    from tui import make_app

    return make_app(argv)


async def start_up(app: App[Any], result: dict[str, Any]) -> None:
    """First frame, settled start-up, then `q`."""
    result["first_frame"] = await first_frame()
    result["first_frame_cpu"] = LOG.cpu[0]
    await settle()
    result["settled"] = LOG.times[-1]
    result["frames"] = len(LOG.times)
    result["quit_sent"] = send_key(app, "q")


async def walk(app: App[Any], result: dict[str, Any], options: argparse.Namespace) -> None:
    """Every key, `repeats` times over."""
    await first_frame()
    await settle()
    session = Session(app)
    for _ in range(options.repeats):
        if options.bare:
            await bare_walk(session)
        else:
            await browser_walk(session, options.typed)
    result["samples"] = {
        label: [asdict(sample) for sample in samples] for label, samples in session.samples.items()
    }
    app.exit()


def split_arguments(argv: list[str]) -> tuple[list[str], list[str]]:
    """The probe's own options, and the app's arguments after `--`."""
    if "--" in argv:
        at = argv.index("--")
        return argv[:at], argv[at + 1 :]
    return argv, []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("start", "walk"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--typed", default="board")
    own, app_argv = split_arguments(sys.argv[1:])
    options = parser.parse_args(own)
    result: dict[str, Any] = {}
    app = build(options.bare, app_argv)
    app.driver_class = FrameDriver

    async def pilot(_: object) -> None:
        try:
            if options.mode == "start":
                await start_up(app, result)
            else:
                await walk(app, result, options)
        except BaseException:
            result["error"] = traceback.format_exc()
            app.exit()

    app.run(size=SIZE, auto_pilot=pilot)
    result["peak_mb"] = peak_mb()
    result["bytes_written"] = LOG.written
    options.out.write_text(json.dumps(result))
    if not options.bare:
        from tui.cli.main import leave

        leave(0)  # the process ends as `openai-saga` ends it


if __name__ == "__main__":
    main()
