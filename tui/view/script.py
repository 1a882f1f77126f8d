"""ChatGPT's script as a teacher shows it: numbered acts, the tally of verdicts, the endings.

Computed once here and drawn by the script screen, the handout and the brief, so they agree on
what "Act 2" is and on the count of beats that happened. Plain strings and counts, no Textual.
"""

from __future__ import annotations

from story.model import Act, Beat, Script, Verdict
from tui.locale.cldr import number
from tui.locale.i18n import tr
from tui.view.verdicts import VERDICT_MARK, VERDICTS


def tally(script: Script) -> dict[Verdict, int]:
    """How many of the script's beats happened, partly happened, did not happen."""
    counts = dict.fromkeys(VERDICTS, 0)
    for act in script.acts:
        for beat in act.beats:
            counts[beat.verdict] += 1
    return counts


def beat_count(script: Script) -> int:
    """Every beat of every act, climax and ending."""
    return sum(len(act.beats) for act in script.acts)


def tally_items(script: Script, lang: str) -> list[tuple[Verdict, str]]:
    """Each verdict with its legend and count: ("partly", "◐ Partly: 11")."""
    counts = tally(script)
    return [
        (
            verdict,
            tr(
                lang,
                "script.tally_item",
                mark=VERDICT_MARK[verdict],
                verdict=tr(lang, f"verdict.{verdict}"),
                count=number(counts[verdict], lang),
            ),
        )
        for verdict in VERDICTS
    ]


def tally_heading(script: Script, lang: str) -> str:
    """What the tally counts: "ChatGPT's 20 beats:"."""
    return tr(lang, "script.tally", count=number(beat_count(script), lang))


def act_numbers(script: Script) -> dict[str, int]:
    """The number of each act proper (the climax and the endings have none)."""
    acts = [act for act in script.acts if act.kind == "act"]
    return {act.id: index for index, act in enumerate(acts, start=1)}


def act_label(script: Script, act: Act, lang: str) -> str:
    """ "Act 2 · Undercurrent" for an act, the title alone for the climax and the endings."""
    title = act.title(lang)
    position = act_numbers(script).get(act.id)
    if position is None:
        return title
    return tr(lang, "script.act_number", number=number(position, lang)) + " · " + title


def endings(script: Script) -> tuple[Act, ...]:
    """The script's endings, in order (ChatGPT wrote a light and a tragic one)."""
    return tuple(act for act in script.acts if act.kind == "ending")


def departure(act: Act) -> Beat | None:
    """Where an ending parts from what happened: its first beat that did not fully happen."""
    return next((beat for beat in act.beats if beat.verdict != "happened"), None)
