"""How a script beat's verdict is shown: its mark (✔ ◐ ✘) and its colour, the same everywhere."""

from __future__ import annotations

from typing import get_args

from story.model import Verdict
from tui.view.colours import SIGNALS

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
"""happened, partly, did-not-happen: the order of the legend and the tally."""

VERDICT_STYLE = {verdict: f"bold {SIGNALS[verdict]}" for verdict in VERDICTS}
VERDICT_MARK = {"happened": "✔", "partly": "◐", "did-not-happen": "✘"}
