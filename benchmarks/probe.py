"""One start-up, headless: prints "ready" when the first screen is up, then exits.

Run by benchmarks/run.py in a fresh process, so that imports are part of the measured time.
`probe.py bare` is the yardstick: a bare Textual app (Header, Static, Footer).
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello")
        yield Footer()


async def ready(pilot: Pilot[None]) -> None:
    print("ready", flush=True)
    pilot.app.exit()


def main() -> None:
    if sys.argv[1:] == ["bare"]:
        app: App[None] = Bare()
    else:
        from tui import make_app

        app = make_app(sys.argv[1:])
    app.run(headless=True, size=(120, 40), auto_pilot=ready)


if __name__ == "__main__":
    main()
