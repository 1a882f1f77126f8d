"""How readable a colour is on another: the contrast ratio of WCAG 2 (relative luminance).

Pure arithmetic on RGB triplets, so the colour tests can check the palette, the theme and
whatever a running app actually draws, with no terminal. A projector washes colours out:
text needs at least `AA_TEXT` (4.5:1, WCAG AA for normal text) on its background.
"""

from __future__ import annotations

RGB = tuple[int, int, int]
"""A colour as red, green and blue, 0 to 255."""

AA_TEXT = 4.5
"""WCAG AA minimum for text of normal size (bold counts as normal in a terminal)."""


def parse_hex(value: str) -> RGB:
    """`"#e6a23c"` (or `"e6a23c"`, `"#fa3"`) as an RGB triplet."""
    digits = value.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {value!r}")
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def _linear(channel: int) -> float:
    """An sRGB channel (0-255) as linear light (WCAG 2.x formula)."""
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: RGB) -> float:
    """0 for black to 1 for white."""
    red, green, blue = colour
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def contrast_ratio(first: RGB, second: RGB) -> float:
    """From 1 (same colour) to 21 (black on white); the order does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def blend(colour: RGB, background: RGB, amount: float) -> RGB:
    """`colour` laid over `background` at `amount` (0: only background, 1: only colour).

    Textual draws "dim" text this way (its DIM_FACTOR, 0.66 by default) and a colour with an
    alpha such as "#0178D44C" over what lies beneath."""
    red, green, blue = (
        round(under + (over - under) * amount)
        for over, under in zip(colour, background, strict=True)
    )
    return (red, green, blue)


def hex_of(colour: RGB) -> str:
    """An RGB triplet as `"#rrggbb"`."""
    return "#{:02x}{:02x}{:02x}".format(*colour)
