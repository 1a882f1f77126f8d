"""Property tests: hostile strings in the text fields of a small story.

Markup (`[/]`, `[@click=app.quit]x[/]`), terminal escapes (OSC 52 clipboard writes, OSC 0
titles, CSI, C1 bytes), bidi overrides, line separators, huge and empty strings, anything
hypothesis makes up: the loader either keeps the string exactly (story text is data, never
markup) or refuses the story, and `validate` then prints clean lines (one line each, nothing
that steers a terminal). Larger runs: `pytest -m slow tests/test_fuzz_loader.py`.
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from story import Saga, read_story
from story.convert import MAX_TEXT_CHARS
from tests.conftest import MINI
from tui.cli.validate import summary

# Where a hostile string goes: a name, the file, the text it replaces, the replacement (@@ stands
# for the string, written as a YAML double-quoted scalar), and how to read it back.
Target = tuple[str, str, str, str, Callable[[Saga], str]]
TARGETS: list[Target] = [
    (
        "event title",
        "20-events.yaml",
        "Altman is fired",
        "@@",
        lambda s: s.event_by_id["fired"].title("en"),
    ),
    (
        "event text",
        "20-events.yaml",
        "The board fires him.",
        "@@",
        lambda s: s.event_by_id["fired"].text("en"),
    ),
    (
        "actor name",
        "10-story.yaml",
        "{en: Mira Murati,",
        "{en: @@,",
        lambda s: s.actors["mira-murati"].name("en"),
    ),
    (
        "actor bio",
        "10-story.yaml",
        "{en: A CTO.,",
        "{en: @@,",
        lambda s: s.actors["mira-murati"].bio("en"),
    ),
    (
        "quote original",
        "20-events.yaml",
        "« pas franc »",
        "@@",
        lambda s: s.event_by_id["fired"].quotes[0].original,
    ),
    (
        "source outlet",
        "10-story.yaml",
        "outlet: {en: Outlet,",
        "outlet: {en: @@,",
        lambda s: s.sources["seed-a"].outlet("en"),
    ),
    (
        "source title",
        "10-story.yaml",
        "{en: Article A,",
        "{en: @@,",
        lambda s: s.sources["seed-a"].title("en"),
    ),
    ("story title", "10-story.yaml", "{en: Mini saga,", "{en: @@,", lambda s: s.info.title("en")),
    (
        "script title",
        "20-events.yaml",
        "{en: The script,",
        "{en: @@,",
        lambda s: s.script.title("en") if s.script else "",
    ),
    ("event id", "20-events.yaml", "id: message", "id: @@", lambda s: s.events[1].id),
]

NASTY = [
    "[/]",
    "[/bold]",
    "price [/",
    "[@click=app.quit]x[/]",
    "[link=https://evil.example]click[/link]",
    "[b]unclosed",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b]0;pwned\x07",
    "\x1b[2J\x1b[31mred",
    "\x9b31m",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "line\nbreak",
    "line\u2028separator",
    "tab\there",
    "",
    " ",
    "\\",
    '"',
    "{en: nested}",
    "- [a, b]",
    "&anchor *alias",
    "!!python/object/apply:os.system ['true']",
    "%s %(x)s {0}",
    "x" * MAX_TEXT_CHARS,
    "x" * (MAX_TEXT_CHARS + 1),
    "猫" * 3000,
]

hostile = st.one_of(
    st.sampled_from(NASTY),
    st.text(
        alphabet=st.one_of(
            st.sampled_from("[]/@=\\\x1b\x07\x9b\u202e\u2028\n\t\"'{}:#&*!%"),
            st.characters(codec="utf-8"),
        ),
        max_size=60,
    ),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=20)),
)

STEERING = {"Cc", "Cs", "Zl", "Zp"}
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_clean_line(line: str) -> bool:
    """One line, nothing a terminal obeys, nothing that reorders it."""
    return not any(unicodedata.category(char) in STEERING or char in BIDI for char in line)


def story_with(target: Target, value: str, folder: Path) -> Path:
    """The mini story with `value` in place of the target's text (as a YAML string)."""
    _, file_name, anchor, replacement, _ = target
    story = folder / "story"
    story.mkdir()
    for file in MINI.iterdir():
        text = file.read_text(encoding="utf-8")
        if file.name == file_name:
            assert text.count(anchor) == 1
            text = text.replace(anchor, replacement.replace("@@", json.dumps(value)))
        (story / file.name).write_text(text, encoding="utf-8")
    return story


def check(target: Target, value: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        story = story_with(target, value, Path(temporary))
        saga, problems = read_story(story, "story")
        if saga is not None:
            assert target[4](saga) == value  # kept exactly: never parsed, never trimmed
            return
        assert problems
        line, printed = summary("story", story)
        assert line is None and printed
        for message in printed:
            assert message.startswith("story")
            assert is_clean_line(message), repr(message)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(TARGETS), value=hostile)
def test_hostile_text_is_kept_literally_or_refused_cleanly(target: Target, value: str) -> None:
    check(target, value)


@pytest.mark.parametrize("target", TARGETS, ids=[target[0] for target in TARGETS])
@pytest.mark.parametrize("value", NASTY, ids=range(len(NASTY)))
def test_every_nasty_string_in_every_field(target: Target, value: str) -> None:
    check(target, value)


def test_markup_and_escapes_have_known_outcomes() -> None:
    """The property above would pass if everything were refused: pin down a few outcomes."""
    title = TARGETS[0]
    for kept in ("[/]", "[@click=app.quit]x[/]", "a\u200fb", "line\nbreak", "猫" * 3000):
        with tempfile.TemporaryDirectory() as temporary:
            saga, _ = read_story(story_with(title, kept, Path(temporary)), "story")
            assert saga is not None and title[4](saga) == kept
    for refused, reason in (
        ("\x1b]52;c;aGVsbG8=\x07", "control character U+001B"),
        ("\x9b31m", "control character U+009B"),
        ("\u202eevil\u202c", "bidi control U+202E"),
        ("\u2066isolate\u2069", "bidi control U+2066"),
        ("x" * (MAX_TEXT_CHARS + 1), f"text longer than {MAX_TEXT_CHARS}"),
        ("", "title: no text in en"),
    ):
        with tempfile.TemporaryDirectory() as temporary:
            _, lines = summary("story", story_with(title, refused, Path(temporary)))
            assert any(reason in line for line in lines), (refused, lines)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(TARGETS), value=hostile)
def test_hostile_text_at_length(target: Target, value: str) -> None:
    check(target, value)
