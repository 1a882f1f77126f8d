"""What the screens look like, at 80x24 and 120x40, in English and Chinese.

Each snapshot opens at a deep link with `--fresh` (no saved place) and the English locale, so it
is deterministic. Update with `pytest tests/test_snapshots.py --snapshot-update` after looking at
the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tui import make_app

Compare = Any


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_browser_english(snap_compare: Compare, size: tuple[int, int]) -> None:
    """You should see the strip of power (CEO Mira Murati underlined on Friday 17), the days with
    their CEO, Friday's events with 'Altman is fired at noon' highlighted, and the event in full;
    at 120x40 also the cast of the day and Sam Altman's arc with the current step marked ▶."""
    assert snap_compare(make_app(["--fresh", "--event", "altman-fired"]), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_browser_chinese(snap_compare: Compare, size: tuple[int, int]) -> None:
    """You should see the same moment entirely in Chinese: dates from CLDR (11月17日周五), wide
    characters measured in cells, no border broken by a long run of Chinese text."""
    app = make_app(["--fresh", "--event", "altman-fired", "--lang", "zh"])
    assert snap_compare(app, terminal_size=size)


def test_bilingual_french_chinese(snap_compare: Compare) -> None:
    """You should see the selected event in French on the left and Chinese on the right."""
    app = make_app(["--fresh", "--event", "employee-letter", "--lang", "fr"])
    assert snap_compare(app, press=["b", "B"], terminal_size=(120, 40))


def test_bilingual_english_chinese_at_80x24(snap_compare: Compare) -> None:
    """You should see, in the narrow event pane, English and Chinese side by side, each column
    broken between words (no word split in the middle, no line of Chinese starting with a
    closing mark)."""
    app = make_app(["--fresh", "--event", "altman-fired"])
    assert snap_compare(app, press=["b", "B", "B"], terminal_size=(80, 24))


def test_script_screen(snap_compare: Compare) -> None:
    """You should see ChatGPT's script: under its title a legend that counts the beats (✔
    Happened: 3, ◐ Partly: 10, ✘ Did not happen: 7); numbered acts ("Act 1 · The Battle for
    the Throne") with verdict marks on the left; the highlighted beat against what really
    happened on the right; and "⏎ Open the real event" first in the footer."""
    app = make_app(["--fresh", "--event", "altman-fired"])
    assert snap_compare(app, press=["s"], terminal_size=(120, 40))


def test_script_endings_side_by_side(snap_compare: Compare) -> None:
    """You should see, in French, the light and the tragic endings in two columns, each beat
    with its verdict and why, "▼ Ici, il s'écarte de ce qui s'est passé" above the first beat
    that did not happen, and no enter in the footer (there is no beat to open)."""
    app = make_app(["--fresh", "--event", "altman-fired", "--lang", "fr"])
    assert snap_compare(app, press=["s", "e"], terminal_size=(120, 40))


def test_quiz_revealed(snap_compare: Compare) -> None:
    """You should see "Quiz · Question 1 of 26", the question, four lettered choices with the
    right one (B, Ilya Sutskever) marked ✔ in green and the others dimmed, the answer's why,
    the event that answers it with its date, the hint that enter opens it, and a compact
    footer that fits in 80 columns (the arrows are left to the hint)."""
    app = make_app(["--fresh"])
    assert snap_compare(app, press=["Q", "space"], terminal_size=(80, 24))


def test_help_in_french(snap_compare: Compare) -> None:
    """You should see every key of the events list, the browser and the app, described in
    French."""
    app = make_app(["--fresh", "--lang", "fr"])
    assert snap_compare(app, press=["question_mark"], terminal_size=(80, 24))


def test_presenter_mode(snap_compare: Compare) -> None:
    """You should see only the strip of power and the event, in wide margins."""
    app = make_app(["--fresh", "--event", "nadella-hires-altman", "--present"])
    assert snap_compare(app, terminal_size=(80, 24))


def test_no_color(snap_compare: Compare, monkeypatch: pytest.MonkeyPatch) -> None:
    """You should see the same browser in shades of grey (NO_COLOR): the selected day and
    event still stand out by reverse video and bold, the CEO cells by their initials."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(["--fresh", "--event", "altman-fired"])
    assert app.no_color
    assert snap_compare(app, terminal_size=(80, 24))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_title_card_on_a_first_launch(
    snap_compare: Compare, isolated_environment: Path, lang: str, size: tuple[int, int]
) -> None:
    """You should see, over the browser opened on Friday 17 (the firing), a card in the
    reader's language naming each pane and the five keys to start with."""
    (isolated_environment.parent / "welcomed").unlink()
    app = make_app(["--lang", lang])
    assert snap_compare(app, terminal_size=size)
