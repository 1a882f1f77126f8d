"""Every text the app draws in its default theme is readable on a projector: at least 4.5:1
(WCAG AA) against what lies beneath it, measured on the colours a running app really puts on
screen (theme variables, .tcss rules, Rich styles, "dim", the list cursors), not on guesses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from textual.app import App
from textual.pilot import Pilot

from tui import make_app
from tui.app.saga_app import SagaApp
from tui.app.widgets.cast import CastList
from tui.app.widgets.story_list import StoryList
from tui.view.colours import PALETTE, SIGNALS, UNKNOWN_ACTOR
from tui.view.contrast import (
    AA_TEXT,
    RGB,
    blend,
    contrast_ratio,
    hex_of,
    parse_hex,
    relative_luminance,
)

# The formula -------------------------------------------------------------------------------


def test_ratio_extremes_and_symmetry() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((90, 90, 90), (90, 90, 90)) == pytest.approx(1)
    assert contrast_ratio((18, 18, 18), (224, 224, 224)) == contrast_ratio(
        (224, 224, 224), (18, 18, 18)
    )


def test_ratio_matches_published_wcag_examples() -> None:
    """#777777 on white is the classic just-failing grey (4.48:1); #767676 just passes."""
    assert contrast_ratio(parse_hex("#777777"), parse_hex("#ffffff")) == pytest.approx(
        4.48, abs=0.01
    )
    assert contrast_ratio(parse_hex("#767676"), parse_hex("#fff")) == pytest.approx(4.54, abs=0.01)
    assert relative_luminance(parse_hex("#ff0000")) == pytest.approx(0.2126)


def test_blend_is_what_textual_does_to_dim_text() -> None:
    """Textual dims #e0e0e0 on #121212 to #999999 (factor 0.66): measured in the app."""
    assert hex_of(blend(parse_hex("#e0e0e0"), parse_hex("#121212"), 0.66)) == "#9a9a9a"
    with pytest.raises(ValueError, match="rrggbb"):
        parse_hex("#12")


# What the app draws ------------------------------------------------------------------------

GRAPHICS = range(0x2500, 0x25A0)
"""Box drawing and block elements: borders, scrollbars, the input's frame. Not text (WCAG
asks 3:1 of such shapes, not 4.5:1)."""


@dataclass(frozen=True)
class Drawn:
    """A run of text on screen, its colours as the terminal gets them, and who drew it."""

    text: str
    colour: RGB
    background: RGB
    widget: str
    state: str

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.colour, self.background)

    def __str__(self) -> str:
        return (
            f"{self.ratio:.2f} {hex_of(self.colour)} on {hex_of(self.background)} "
            f"in {self.widget} ({self.state}): {self.text!r}"
        )


def drawn(app: App[None], state: str) -> Iterator[Drawn]:
    """The text of the screen on top, with its final colours: after the line filters that
    turn ANSI colours into the theme's and "dim" into a blend toward the background.

    Reads Textual's compositor (what `App.export_screenshot` reads too)."""
    screen = app.screen
    for y, strip in enumerate(screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            start, x = x, x + len(segment.text)
            text = segment.text.strip()
            style = segment.style
            if not text or style is None or all(ord(char) in GRAPHICS for char in text):
                continue
            colour, background = style.color, style.bgcolor
            if style.reverse:
                colour, background = background, colour
            assert colour is not None and colour.triplet is not None, (text, style)
            assert background is not None and background.triplet is not None, (text, style)
            widget, _ = screen.get_widget_at(start, y)
            yield Drawn(
                text,
                (colour.triplet.red, colour.triplet.green, colour.triplet.blue),
                (background.triplet.red, background.triplet.green, background.triplet.blue),
                f"{type(widget).__name__}#{widget.id}",
                state,
            )


async def tour(app: SagaApp, pilot: Pilot[None], steps: list[tuple[str, list[str]]]) -> list[Drawn]:
    """Press each step's keys, then note everything on screen."""
    seen: list[Drawn] = []
    for state, keys in steps:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        seen.extend(drawn(app, state))
    return seen


TOUR = [
    ("start", []),
    ("crisis", ["right", "right"]),
    ("chinese", ["l", "l", "l"]),
    ("cast focused", ["tab"]),
    ("arc focused", ["tab"]),
    ("detail focused", ["tab"]),
    ("bilingual", ["b"]),
    ("help", ["question_mark"]),
    ("search empty", ["escape", "slash"]),
    ("search hits", ["a", "l", "t"]),
    ("script", ["escape", "s"]),
    ("script beats down", ["down", "down"]),
    ("presenter", ["escape", "p"]),
]


def pending_render_fix(item: Drawn) -> str | None:
    """A known failure waiting for its fix, named so the test says when it is gone (none now:
    the cast's role labels and the named ANSI colours were fixed in tui/render.py)."""
    return None


async def test_every_text_on_screen_reaches_aa_contrast() -> None:
    app = make_app(["--fresh", "--event", "sutskever-recruited"])
    assert isinstance(app, SagaApp)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == "textual-dark"
        seen = await tour(app, pilot, TOUR)
    assert {item.state for item in seen} == {state for state, _ in TOUR}
    failing = [item for item in seen if item.ratio < AA_TEXT]
    pending = {reason for item in failing if (reason := pending_render_fix(item))}
    unexplained = sorted({str(item) for item in failing if pending_render_fix(item) is None})
    assert not unexplained, "\n".join(unexplained)
    assert not pending, pending


# The palettes, on every background a list gives them ----------------------------------------


async def list_backgrounds() -> dict[str, RGB]:
    """The backgrounds of a StoryList's rows, read from the running app's styles: the pane,
    the pane with focus (Textual tints it), the cursor row, and the cursor row with focus."""
    app = make_app(["--fresh"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        cast = app.screen.query_one(CastList)

        def background() -> tuple[RGB, RGB]:
            pane = cast.background_colors[1].rgb
            row = cast.get_component_rich_style("story-list--row-highlighted", partial=True)
            assert row.bgcolor is not None and row.bgcolor.triplet is not None
            triplet = row.bgcolor.triplet
            cursor = (triplet.red, triplet.green, triplet.blue)
            return pane, cursor

        pane, cursor = background()
        cast.focus()
        await pilot.pause()
        assert isinstance(app.focused, StoryList)
        pane_focused, cursor_focused = background()
    return {
        "pane": pane,
        "pane with focus": pane_focused,
        "cursor": cursor,
        "cursor with focus": cursor_focused,
    }


async def test_actor_colours_and_signals_are_readable_on_every_row_background() -> None:
    backgrounds = await list_backgrounds()
    assert backgrounds["cursor"] != backgrounds["cursor with focus"], "focus must show"
    colours = {
        **{f"actor {index}": colour for index, colour in enumerate(PALETTE)},
        "unknown actor": UNKNOWN_ACTOR,
        **SIGNALS,
    }
    failing = [
        f"{name} {colour} on {where} {hex_of(background)}: {contrast_ratio(parse_hex(colour), background):.2f}"
        for name, colour in colours.items()
        for where, background in backgrounds.items()
        if contrast_ratio(parse_hex(colour), background) < AA_TEXT
    ]
    assert not failing, "\n".join(failing)
