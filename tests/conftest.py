"""Shared fixtures: a fixed environment (no saved place, English locale) and the test stories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from openai_saga_assets import STORY_DIR
from story import Saga, load_story

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own state file and an English locale, whatever the machine has."""
    state = tmp_path / "state" / "place.json"
    monkeypatch.setenv("OPENAI_SAGA_STATE", str(state))
    # The title card of a first launch has been seen (tests of the card remove this).
    state.parent.mkdir(parents=True, exist_ok=True)
    (state.parent / "welcomed").touch()
    monkeypatch.setenv("OPENAI_SAGA_CACHE", str(tmp_path / "cache"))
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield state


@pytest.fixture(scope="session")
def mini() -> Saga:
    """The small two-file story of tests/data/mini."""
    return load_story(MINI)


@pytest.fixture(scope="session")
def saga() -> Saga:
    """The shipped story."""
    return load_story(STORY_DIR)


def write(folder: Path, name: str, text: str) -> Path:
    """Write a story file for a test."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
